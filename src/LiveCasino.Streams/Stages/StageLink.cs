namespace LiveCasino.Streams.Stages;

/// <summary>Wiring shared by the ordinary stages: one bounded link out, one pump.</summary>
internal static class StageLink
{
    /// <summary>
    /// Adds a stage whose pump reads <paramref name="upstream"/> and writes a fresh bounded link.
    /// </summary>
    public static Flow<TOut> Add<TIn, TOut>(
        Flow<TIn> upstream,
        string kind,
        string? name,
        Func<System.Threading.Channels.ChannelReader<TIn>, System.Threading.Channels.ChannelWriter<TOut>, StageMetrics, CancellationToken, Task> pump)
    {
        var context = upstream.Context;
        var metrics = context.NewMetrics(kind, name);
        var input = upstream.Take();
        var link = context.NewLink<TOut>();
        context.AddPump(link.Writer, token => pump(input, link.Writer, metrics, token));
        return new Flow<TOut>(context, link.Reader, metrics);
    }
}
