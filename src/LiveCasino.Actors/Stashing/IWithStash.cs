namespace LiveCasino.Actors.Stashing;

/// <summary>
/// Marks an actor that calls <see cref="Core.ActorContext{T}.Stash"/>. Only such actors pay for
/// remembering the message being handled (a reference write per message, with its GC barrier);
/// the others skip it, and a stash from them is refused with an exception.
/// </summary>
public interface IWithStash;
