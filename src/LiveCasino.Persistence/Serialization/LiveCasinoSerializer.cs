using System.Runtime.InteropServices;
using Akka.Actor;
using Akka.Serialization;
using LiveCasino.Stores.Serialization;

namespace LiveCasino.Persistence.Serialization;

/// <summary>
/// Akka's serializer for LiveCasino's events, snapshots and messages: System.Text.Json with
/// source-generated metadata, under stable string manifests that never depend on CLR names. Which
/// types it knows comes from the <see cref="IManifestCatalog"/>s named in
/// <c>livecasino.serialization.catalogs</c>; which messages it handles from Akka's
/// <c>serialization-bindings</c> (hocon/serialization.conf). A type bound to it but missing from every
/// catalog fails loudly at its first serialization, never falls back to another format.
/// </summary>
public sealed class LiveCasinoSerializer : SerializerWithStringManifest
{
    /// <summary>Fixed for good: it is stored with every foreign payload and sent on the wire.</summary>
    public const int Id = 1701;

    /// <summary>
    /// The config object naming catalog types, one key per module (<c>accounts = "Type, Assembly"</c>):
    /// an object, not a list, so each module's configuration adds its own without replacing the others'.
    /// </summary>
    public const string CatalogsKey = "livecasino.serialization.catalogs";

    public LiveCasinoSerializer(ExtendedActorSystem system)
        : base(system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var catalogs = system.Settings.Config.GetConfig(CatalogsKey);
        var names = catalogs is null || catalogs.IsEmpty
            ? []
            : catalogs.AsEnumerable().OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value.GetString()).ToList();
        Registry = BuildRegistry(names);
    }

    public override int Identifier => Id;

    /// <summary>The manifest registry behind this serializer.</summary>
    public EventSerializer Registry { get; }

    public override byte[] ToBinary(object obj)
    {
        // The registry hands out whole arrays; copy only if that ever changes.
        var bytes = Registry.Serialize(obj).Bytes;
        return MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : bytes.ToArray();
    }

    public override object FromBinary(byte[] bytes, string manifest) => Registry.Deserialize(manifest, bytes);

    public override string Manifest(object o) => Registry.ManifestOf(o.GetType());

    private static EventSerializer BuildRegistry(IEnumerable<string> catalogTypeNames)
    {
        var registry = new EventSerializer();
        foreach (var name in catalogTypeNames)
        {
            var type = Type.GetType(name, throwOnError: false)
                ?? throw new InvalidOperationException($"{CatalogsKey} names '{name}', which is not a loadable type: check the assembly-qualified name.");
            if (Activator.CreateInstance(type) is not IManifestCatalog catalog)
            {
                throw new InvalidOperationException($"{CatalogsKey} names '{name}', which does not implement {nameof(IManifestCatalog)}.");
            }

            catalog.RegisterOn(registry);
        }

        return registry;
    }
}
