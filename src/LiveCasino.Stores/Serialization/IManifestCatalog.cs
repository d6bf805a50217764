namespace LiveCasino.Stores.Serialization;

/// <summary>
/// A module's persisted and remote types with their stable manifests ("wallet.deposited.v1").
/// Akka's serializer (LiveCasino.Persistence) finds catalogs by the type names listed in
/// hocon/serialization.conf and registers each on start; a catalog needs a parameterless constructor.
/// </summary>
public interface IManifestCatalog
{
    void RegisterOn(EventSerializer serializer);
}
