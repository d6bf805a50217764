using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;

namespace LiveCasino.Streams.Stages;

internal static class ValidateStage
{
    /// <summary>Reason given when the validator threw instead of answering.</summary>
    public const string ValidatorThrew = "validator-threw";

    public static Flow<TOut> Attach<TIn, TOut>(Flow<TIn> upstream, Func<TIn, Validation<TOut>> validator, Action<Rejection<TIn>>? onRejected, string? name)
    {
        ArgumentNullException.ThrowIfNull(validator);
        return StageLink.Add<TIn, TOut>(upstream, "validate", name, (input, output, metrics, token) => RunAsync(input, output, metrics, validator, onRejected, token));
    }

    private static async Task RunAsync<TIn, TOut>(
        ChannelReader<TIn> input,
        ChannelWriter<TOut> output,
        StageMetrics metrics,
        Func<TIn, Validation<TOut>> validator,
        Action<Rejection<TIn>>? onRejected,
        CancellationToken token)
    {
        await foreach (var item in input.ReadAllAsync(token).ConfigureAwait(false))
        {
            metrics.AddReceived();
            var (verdict, rejection) = Check(item, validator);
            if (rejection is not null)
            {
                metrics.AddRejected();
                onRejected?.Invoke(rejection);
                continue;
            }

            await output.WriteAsync(verdict.Value!, token).ConfigureAwait(false);
            metrics.AddEmitted();
        }
    }

    [SuppressMessage("Design", "CA1031", Justification = "Malformed input must never crash the pipeline, whatever the parser throws.")]
    private static (Validation<TOut> Verdict, Rejection<TIn>? Rejection) Check<TIn, TOut>(TIn item, Func<TIn, Validation<TOut>> validator)
    {
        try
        {
            var verdict = validator(item);
            return verdict.IsValid ? (verdict, null) : (verdict, new Rejection<TIn>(item, verdict.Reason ?? "invalid"));
        }
        catch (Exception ex)
        {
            return (default, new Rejection<TIn>(item, ValidatorThrew, ex));
        }
    }
}
