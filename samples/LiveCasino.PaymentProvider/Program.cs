using System.Runtime.InteropServices;
using LiveCasino.PaymentProvider;

// A simulated payment provider (serve), the operator's reconciliation (reconcile), and a
// self-contained run of both (demo). See docs/payments.md.
const string usage = """
    usage:
      serve      [--port 5090] [--webhook-url URL --secret S] [--seed 1] [--success-rate 0.9]
                 [--duplicate 0.1] [--reorder 0.1] [--down]
      reconcile  --report FILE|URL (--db FILE | --pg CONNECTION) [--all]
      demo       [--dir DIR] [--seed 7]
    exit codes: 0 done / reconciled clean, 2 discrepancies need attention, 1 failed, 64 usage
    """;

using var stop = new CancellationTokenSource();
// Ctrl+C and SIGTERM (a process manager's stop) end the command cleanly.
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

try
{
    return args.FirstOrDefault() switch
    {
        "serve" => await ServeCommand.RunAsync(args[1..], stop.Token),
        "reconcile" => await ReconcileCommand.RunAsync(args[1..], Console.Out, stop.Token),
        "demo" => await DemoCommand.RunAsync(args[1..], Console.Out, stop.Token),
        _ => throw new UsageException(args.Length == 0 ? "a command is required" : $"unknown command '{args[0]}'"),
    };
}
catch (UsageException e)
{
    await Console.Error.WriteLineAsync($"error: {e.Message}\n{usage}");
    return 64;
}

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
