using System.Text.Json.Serialization;

namespace LiveCasino.Stores.Tests.Support;

/// <summary>A registered event with several field kinds, to prove a faithful round trip.</summary>
public sealed record Deposited(string Account, long AmountMinor, IReadOnlyList<string> Notes);

/// <summary>The small registered event most tests write.</summary>
public sealed record Noted(string Text);

/// <summary>A registered snapshot state.</summary>
public sealed record CounterState(string Owner, long Count);

/// <summary>Never registered with the serializer: writing it must be rejected.</summary>
public sealed record NotRegistered(string Text);

[JsonSerializable(typeof(Deposited))]
[JsonSerializable(typeof(Noted))]
[JsonSerializable(typeof(CounterState))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
