using System.Text;

namespace LiveCasino.Sharding;

/// <summary>
/// A module's part of the engine's configuration: its message, event and snapshot base types bound
/// to LiveCasino's serializer (so everything deriving from them crosses nodes and reaches the journal
/// under stable manifests), and its manifest catalog added under its own key (catalogs are a HOCON
/// object, so each module's part adds to the others').
/// </summary>
public static class SerializationHocon
{
    /// <param name="module">The catalog's key, e.g. "wallets".</param>
    /// <param name="catalog">The module's <c>IManifestCatalog</c> type.</param>
    /// <param name="bound">The base types bound to the serializer.</param>
    public static string For(string module, Type catalog, params Type[] bound)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(module);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(bound);
        var hocon = new StringBuilder("akka.actor.serialization-bindings {\n");
        foreach (var type in bound)
        {
            hocon.Append("  \"").Append(NameOf(type)).Append("\" = livecasino\n");
        }

        return hocon.Append("}\n")
            .Append("livecasino.serialization.catalogs.").Append(module).Append(" = \"").Append(NameOf(catalog)).Append("\"\n")
            .ToString();
    }

    private static string NameOf(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
