using Akka.Actor;
using Akka.Configuration;
using LiveCasino.Persistence.Configuration;
using LiveCasino.Persistence.Serialization;
using LiveCasino.Persistence.Stores;
using LiveCasino.Persistence.Tests.Support;
using LiveCasino.Stores.Serialization;
using Xunit.Abstractions;

namespace LiveCasino.Persistence.Tests.Serialization;

public sealed class SerializerTests(ITestOutputHelper output)
    : Akka.TestKit.Xunit2.TestKit(PluginUnderTest.LiveCasinoMemory().Config(), "serializer", output)
{
    [Fact]
    public void Messages_bound_to_livecasino_round_trip_under_their_stable_manifests()
    {
        var message = new TestEvent("round trip", "a-tag");
        var serializer = Sys.Serialization.FindSerializerFor(message);
        Assert.IsType<LiveCasinoSerializer>(serializer);
        Assert.Equal(LiveCasinoSerializer.Id, serializer.Identifier);
        Assert.Equal("test.event.v1", Akka.Serialization.Serialization.ManifestFor(serializer, message));
        var bytes = serializer.ToBinary(message);
        Assert.Equal(message, Sys.Serialization.Deserialize(bytes, serializer.Identifier, "test.event.v1"));
    }

    [Fact]
    public void A_bound_type_missing_from_every_catalog_fails_loudly()
    {
        var ex = Assert.Throws<EventSerializationException>(() => Sys.Serialization.FindSerializerFor(new NotInCatalog("x")).ToBinary(new NotInCatalog("x")));
        Assert.Contains("NotInCatalog", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Journal_payloads_keep_plain_manifests_for_livecasino_and_mark_other_serializers()
    {
        var codec = new AkkaEventSerializer(Sys);
        var ours = codec.Serialize(new TestSnapshot("s", 2));
        Assert.Equal("test.snapshot.v1", ours.Manifest);
        Assert.Equal(new TestSnapshot("s", 2), codec.Deserialize(ours.Manifest, ours.Bytes.Span));

        // Anything else Akka can serialize (sharding's own state, for example) is stored with its serializer id.
        var foreign = codec.Serialize("a plain string");
        Assert.StartsWith("@", foreign.Manifest, StringComparison.Ordinal);
        Assert.Equal("a plain string", codec.Deserialize(foreign.Manifest, foreign.Bytes.Span));
    }

    [Fact]
    public void A_malformed_stored_manifest_is_refused_with_its_text()
    {
        var codec = new AkkaEventSerializer(Sys);
        var ex = Assert.Throws<EventSerializationException>(() => codec.Deserialize("@x:y", [1, 2]));
        Assert.Contains("@x:y", ex.Message, StringComparison.Ordinal);
        Assert.Throws<EventSerializationException>(() => codec.Deserialize("test.unknown.v1", [1, 2]));
    }

    [Fact]
    public void A_catalog_name_that_is_not_a_type_stops_the_serializer_with_the_name()
    {
        var config = PluginUnderTest.LiveCasinoMemory().Config()
            .Overrides("""livecasino.serialization.catalogs.broken = "No.Such.Catalog, Nowhere" """);
        // The serializers are built when the system starts, so a node with a bad catalog never starts.
        var ex = Assert.ThrowsAny<Exception>(() => ActorSystem.Create("bad-catalog", config));
        Assert.Contains("No.Such.Catalog", ex.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kind = mongo", "kind is 'mongo'")]
    [InlineData("kind = sqlite, data-source = \"\"", "data-source")]
    [InlineData("kind = sqlite, data-source = \"x.db\", synchronous = sometimes", "synchronous is 'sometimes'")]
    [InlineData("kind = postgres, connection-string = \"\"", "connection-string")]
    [InlineData("kind = postgres, connection-string = \"Host=x\", schema = \"Bad-Name\"", "Schema 'Bad-Name'")]
    [InlineData("kind = memory, batching.queue-capacity = 0", "QueueCapacity")]
    public void A_bad_store_setting_is_refused_naming_the_key(string section, string expected)
    {
        var config = ConfigurationFactory.ParseString($"test.store {{ {section} }}");
        var ex = Assert.Throws<ConfigurationException>(() => StoreSettings.Read(config, "test.store"));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("test.store", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_store_section_is_refused_by_name()
    {
        var ex = Assert.Throws<ConfigurationException>(() => StoreSettings.Read(Config.Empty, "nowhere.store"));
        Assert.Contains("nowhere.store", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_node_hocon_files_select_our_sqlite_plugin_by_default()
    {
        var config = HoconFiles.Load(HoconFiles.NodeFiles);
        Assert.Equal("livecasino.persistence.sqlite.journal", config.GetString("akka.persistence.journal.plugin"));
        Assert.Equal("livecasino.persistence.sqlite.snapshot-store", config.GetString("akka.persistence.snapshot-store.plugin"));
        Assert.Equal(LiveCasinoSerializer.Id, config.GetInt("akka.actor.serialization-identifiers.\"LiveCasino.Persistence.Serialization.LiveCasinoSerializer, LiveCasino.Persistence\""));
    }
}
