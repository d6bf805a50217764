using System.Globalization;
using Akka.Actor;
using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Serialization;
using AkkaSerialization = Akka.Serialization.Serialization;

namespace LiveCasino.Persistence.Serialization;

/// <summary>
/// The stores' serializer when they sit behind Akka.Persistence: every payload goes through Akka's
/// serialization, so whatever Akka can persist (sharding's coordinator state included) is stored.
/// The stored manifest is the plain manifest for <see cref="LiveCasinoSerializer"/> payloads
/// ("wallet.deposited.v1", readable in the database) and <c>@{serializer id}:{manifest}</c> for any
/// other serializer. LiveCasino manifests never start with '@', so the two cannot be confused.
/// </summary>
public sealed class AkkaEventSerializer : IEventSerializer
{
    private const char ForeignMark = '@';

    private readonly AkkaSerialization _serialization;

    public AkkaEventSerializer(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        _serialization = system.Serialization;
    }

    public SerializedPayload Serialize(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        try
        {
            var serializer = _serialization.FindSerializerFor(value);
            var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, value);
            var bytes = serializer.ToBinary(value);
            return serializer.Identifier == LiveCasinoSerializer.Id
                ? new SerializedPayload(manifest, bytes)
                : new SerializedPayload(string.Create(CultureInfo.InvariantCulture, $"{ForeignMark}{serializer.Identifier}:{manifest}"), bytes);
        }
        catch (Exception ex) when (ex is not EventSerializationException and not OutOfMemoryException)
        {
            throw new EventSerializationException($"{value.GetType()} cannot be serialized for the journal: {ex.Message}", ex);
        }
    }

    public object Deserialize(string manifest, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var serializerId = LiveCasinoSerializer.Id;
        var typeManifest = manifest;
        if (manifest.Length > 0 && manifest[0] == ForeignMark)
        {
            var colon = manifest.IndexOf(':', StringComparison.Ordinal);
            if (colon < 2 || !int.TryParse(manifest.AsSpan(1, colon - 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out serializerId))
            {
                throw new EventSerializationException($"Stored manifest '{manifest}' is malformed: expected @<serializer id>:<manifest>.");
            }

            typeManifest = manifest[(colon + 1)..];
        }

        try
        {
            return _serialization.Deserialize(bytes.ToArray(), serializerId, typeManifest);
        }
        catch (Exception ex) when (ex is not EventSerializationException and not OutOfMemoryException)
        {
            throw new EventSerializationException($"Stored manifest '{manifest}' cannot be read by this node: {ex.Message}", ex);
        }
    }
}
