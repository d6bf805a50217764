using LiveCasino.Payments.Simulator;
using Microsoft.Extensions.Logging;

namespace LiveCasino.PaymentProvider;

/// <summary><c>serve</c>: hosts <see cref="PaymentProviderSimulator"/> as a process until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static async Task<int> RunAsync(string[] args, CancellationToken stop)
    {
        var a = new CommandArgs(args, new HashSet<string>(StringComparer.Ordinal) { "--down" });
        var webhook = a.Text("--webhook-url");
        var options = new PaymentProviderOptions
        {
            Port = a.Int("--port", 5090),
            Seed = a.Int("--seed", 1),
            WebhookUrl = webhook is null ? null : new Uri(webhook),
            WebhookSecret = a.Text("--secret") ?? string.Empty,
            SuccessRate = a.Double("--success-rate", 0.9),
            DuplicateProbability = a.Double("--duplicate", 0.1),
            ReorderProbability = a.Double("--reorder", 0.1),
            Fault = a.Flag("--down") ? ProviderFault.Down : ProviderFault.None,
        };
        a.RejectUnknown();
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }

        using var logging = LoggerFactory.Create(b => b
            .AddSimpleConsole(o => o.SingleLine = true)
            .SetMinimumLevel(LogLevel.Information)
            .AddFilter("Microsoft", LogLevel.Warning));
        await using var simulator = new PaymentProviderSimulator(options, TimeProvider.System, logging);
        var root = await simulator.StartAsync(stop);
        var hooks = options.WebhookUrl is null ? "off (no --webhook-url)" : options.WebhookUrl.ToString();
        Console.WriteLine(string.Join(
            Environment.NewLine,
            $"payment provider simulator on {root} (seed {options.Seed}, success rate {options.SuccessRate}, fault {options.Fault})",
            $"  POST {root}v1/deposits | v1/withdrawals     (Idempotency-Key = operationId)",
            $"  GET  {root}v1/payments/<reference>",
            $"  GET  {root}v1/settlement-report.csv",
            $"  POST {root}admin/fault/down | admin/fault/none",
            $"  GET  {root}admin/stats",
            $"webhooks: {hooks}",
            "Ctrl+C stops."));
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C
        }

        Console.WriteLine($"stopping; {simulator.Stats}");
        return 0;
    }
}
