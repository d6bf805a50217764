using LiveCasino.Actors.Stashing;

namespace LiveCasino.Actors.Core;

/// <summary>The stash: bounded, owned by the actor's thread, and kept across restarts.</summary>
internal sealed partial class ActorCell<T>
{
    private List<Envelope<T>>? _stash;

    internal int StashedCount => _stash?.Count ?? 0;

    internal void StashCurrent()
    {
        if (!_tracksCurrent)
        {
            throw new InvalidOperationException($"{Path} stashes but does not implement {nameof(IWithStash)}.");
        }

        _stash ??= [];
        if (_stash.Count >= _props.StashCapacity)
        {
            throw new StashOverflowException(Path, _props.StashCapacity);
        }

        _stash.Add(_current);
    }

    /// <summary>Puts every stashed message ahead of the mailbox, in the order they were stashed.</summary>
    internal void UnstashAll()
    {
        if (_stash is not { Count: > 0 } stash)
        {
            return;
        }

        var front = new Queue<Envelope<T>>(stash.Count + _front.Count);
        foreach (var e in stash)
        {
            front.Enqueue(e);
        }

        foreach (var e in _front)
        {
            front.Enqueue(e);
        }

        stash.Clear();
        _front = front;
    }
}
