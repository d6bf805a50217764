using System.Runtime.CompilerServices;
using LiveCasino.Stores.Journal;

namespace LiveCasino.Stores.Query;

/// <summary>
/// The read side: events carrying a tag, in global offset order, for projections (bet history,
/// round history, audit). A projection stores the offset of the last event it handled and resumes
/// from there. The journal guarantees no event can appear later with a lower offset than one
/// already returned, so resuming from the last offset never skips an event.
/// </summary>
public static class EventsByTag
{
    /// <summary>Events with offset greater than <paramref name="afterOffset"/> that exist now, then ends.</summary>
    public static async IAsyncEnumerable<PersistentEvent> CurrentAsync(
        IJournal journal, string tag, long afterOffset, TagFollowerOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journal);
        options ??= TagFollowerOptions.Default;
        options.Validate();
        while (true)
        {
            var batch = await journal.ReadTaggedAsync(tag, afterOffset, options.BatchSize, cancellationToken).ConfigureAwait(false);
            foreach (var e in batch)
            {
                yield return e;
                afterOffset = e.Offset;
            }

            if (batch.Count < options.BatchSize)
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// Follows the tag forever (until cancelled): everything after <paramref name="afterOffset"/>,
    /// then new events as they commit, polling on <paramref name="time"/> when idle.
    /// </summary>
    public static async IAsyncEnumerable<PersistentEvent> FollowAsync(
        IJournal journal, string tag, long afterOffset, TimeProvider time, TagFollowerOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(time);
        options ??= TagFollowerOptions.Default;
        options.Validate();
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = await journal.ReadTaggedAsync(tag, afterOffset, options.BatchSize, cancellationToken).ConfigureAwait(false);
            foreach (var e in batch)
            {
                if (e.Offset <= afterOffset)
                {
                    throw new InvalidOperationException($"Journal returned offset {e.Offset} for tag '{tag}' after {afterOffset}: offsets must ascend.");
                }

                yield return e;
                afterOffset = e.Offset;
            }

            if (batch.Count < options.BatchSize)
            {
                await Task.Delay(options.PollInterval, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
