using LiveCasino.Bench.Common;
using LiveCasino.Bench.Journal;
using LiveCasino.Bench.Kernel;

// dotnet run -c Release --project bench/LiveCasino.Bench -- <scenario> [--quick] [options]
var args2 = BenchArgs.Parse(args);
return args2.Scenario switch
{
    "kernel" => await KernelScenario.RunAsync(args2),
    "journal" => await JournalScenario.RunAsync(args2),
    "wallet" => await LiveCasino.Bench.Wallet.WalletScenario.RunAsync(args2),
    "table" => await LiveCasino.Bench.Table.TableScenario.RunAsync(args2),
    "fanout" => await LiveCasino.Bench.Load.FanoutScenario.RunAsync(args2),
    "betstorm" => await LiveCasino.Bench.Load.BetstormScenario.RunAsync(args2),
    "failover" => await LiveCasino.Bench.Cluster.FailoverScenario.RunAsync(args2),
    _ => BenchArgs.Usage(),
};
