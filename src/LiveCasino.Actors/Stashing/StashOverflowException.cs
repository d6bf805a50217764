namespace LiveCasino.Actors.Stashing;

/// <summary>An actor stashed more than its <c>StashCapacity</c>. Handled by supervision like any failure.</summary>
public sealed class StashOverflowException : Exception
{
    public StashOverflowException(string path, int capacity)
        : base($"{path} stashed more than its capacity of {capacity} messages.")
    {
    }
}
