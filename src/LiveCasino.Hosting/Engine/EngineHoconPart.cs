namespace LiveCasino.Hosting.Engine;

/// <summary>
/// A module's piece of Akka configuration (its serialization bindings and manifest catalog), laid
/// over the hocon/ files and under the operator's <c>akka:</c> keys. Added with
/// <see cref="LiveCasinoEngineExtensions.AddLiveCasinoEngineHocon"/>.
/// </summary>
public sealed record EngineHoconPart(string Module, string Hocon);
