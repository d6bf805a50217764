namespace LiveCasino.Actors.Core;

/// <summary>Marks actors whose default supervision is <see cref="ActorSystemOptions.PersistentSupervision"/>.</summary>
internal interface IPersistentActor
{
}
