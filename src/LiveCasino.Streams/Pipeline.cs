namespace LiveCasino.Streams;

/// <summary>
/// A running pipeline. <see cref="Completion"/> succeeds when the source completed and every
/// element went through; faults with the first error any stage (or the source, or an abort)
/// raised; is cancelled when the caller's token ended it. It never stays pending once every
/// stage has stopped, and stage tasks never fault unobserved.
/// </summary>
public class Pipeline
{
    private readonly IReadOnlyList<StageMetrics> _stages;

    internal Pipeline(Task completion, IReadOnlyList<StageMetrics> stages)
    {
        Completion = completion;
        _stages = stages;
    }

    public Task Completion { get; }

    /// <summary>Counters of every stage, source first.</summary>
    public IReadOnlyList<StageMetrics> Stages => _stages;

    /// <summary>Counters of the stage with this name.</summary>
    public StageMetrics Stage(string name) =>
        _stages.FirstOrDefault(s => s.Name == name)
        ?? throw new KeyNotFoundException($"No stage named '{name}' in this pipeline.");
}
