using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LiveCasino.Stores.Journal;

namespace LiveCasino.Stores.Serialization;

/// <summary>
/// Maps persisted types to stable manifests ("wallet.deposited.v1") and serializes them with
/// source-generated System.Text.Json metadata. Renaming a CLR type never breaks an old journal:
/// only the manifest is stored. An unregistered type is rejected, never guessed.
/// </summary>
public sealed class EventSerializer : IEventSerializer
{
    private readonly ConcurrentDictionary<Type, Entry> _byType = new();
    private readonly ConcurrentDictionary<string, Entry> _byManifest = new(StringComparer.Ordinal);

    private sealed record Entry(string Manifest, Type Type, JsonTypeInfo TypeInfo);

    /// <summary>Registers <typeparamref name="T"/> under <paramref name="manifest"/>. Both must be unique.</summary>
    public EventSerializer Register<T>(string manifest, JsonTypeInfo<T> typeInfo)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(manifest);
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (!char.IsAsciiLetter(manifest[0]))
        {
            // Stores mark other serializers' payloads with a leading '@'; ours must never look like that.
            throw new ArgumentException($"Manifest '{manifest}' must start with a letter.", nameof(manifest));
        }

        var entry = new Entry(manifest, typeof(T), typeInfo);
        if (!_byManifest.TryAdd(manifest, entry))
        {
            if (_byManifest[manifest].Type == typeof(T))
            {
                return this;
            }

            throw new InvalidOperationException($"Manifest '{manifest}' is already registered for {_byManifest[manifest].Type}.");
        }

        if (!_byType.TryAdd(typeof(T), entry))
        {
            _byManifest.TryRemove(manifest, out _);
            throw new InvalidOperationException($"{typeof(T)} is already registered as '{_byType[typeof(T)].Manifest}'.");
        }

        return this;
    }

    public bool IsRegistered(Type type) => _byType.ContainsKey(type);

    /// <summary>The manifest of a registered type; throws <see cref="EventSerializationException"/> otherwise.</summary>
    public string ManifestOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return _byType.TryGetValue(type, out var entry)
            ? entry.Manifest
            : throw new EventSerializationException($"Type {type} has no registered manifest.");
    }

    /// <summary>Serializes a registered object; throws <see cref="EventSerializationException"/> otherwise.</summary>
    public SerializedPayload Serialize(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!_byType.TryGetValue(value.GetType(), out var entry))
        {
            throw new EventSerializationException($"Type {value.GetType()} has no registered manifest and cannot be persisted.");
        }

        try
        {
            return new SerializedPayload(entry.Manifest, JsonSerializer.SerializeToUtf8Bytes(value, entry.TypeInfo));
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new EventSerializationException($"Type {value.GetType()} failed to serialize: {ex.Message}", ex);
        }
    }


    public object Deserialize(string manifest, ReadOnlySpan<byte> bytes)
    {
        if (!_byManifest.TryGetValue(manifest, out var entry))
        {
            throw new EventSerializationException($"Manifest '{manifest}' is not registered: the journal holds a type this node does not know.");
        }

        return JsonSerializer.Deserialize(bytes, entry.TypeInfo)
            ?? throw new EventSerializationException($"Manifest '{manifest}' deserialized to null.");
    }
}

/// <summary>An event that cannot be turned into bytes or back. Writes fail with it as a rejection.</summary>
public sealed class EventSerializationException : Exception
{
    public EventSerializationException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
