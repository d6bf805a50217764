using LiveCasino.Hosting.Engine;
using LiveCasino.Hosting.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using YamlDotNet.RepresentationModel;

namespace LiveCasino.Hosting.Tests;

/// <summary>
/// docker-compose.yml is written for users with a Docker engine (none runs here), so it cannot drift
/// from the node unnoticed: the environment of every service that runs the node is bound through the
/// node's real configuration (environment-variable names, unknown keys refused, validation).
/// </summary>
public sealed class ComposeFileTests
{
    [Fact]
    public void Every_node_service_in_the_compose_file_configures_a_valid_node()
    {
        var nodes = NodeServices().ToList();
        Assert.True(nodes.Count >= 3, "the compose file runs a cluster of three nodes");
        var balancer = File.ReadAllText(Path.Combine(RepositoryRoot(), "deploy", "haproxy.cfg"));
        Assert.All(nodes, n => Assert.Contains($"server {n.Service} {n.Service}:5080 check", balancer, StringComparison.Ordinal));
        foreach (var (service, environment) in nodes)
        {
            var settings = environment.Where(kv => kv.Key.StartsWith("LiveCasino__", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(settings);

            // Only the sections the node host knows; a server section added to the file needs its own check here.
            Assert.All(settings, kv => Assert.Matches("^LiveCasino__(Node|Store|Cluster)__", kv.Key));
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Configuration.AddInMemoryCollection(settings.Select(kv => new KeyValuePair<string, string?>(kv.Key.Replace("__", ":", StringComparison.Ordinal), kv.Value)));
            builder.Services.AddLiveCasinoEngine(builder.Configuration);
            using var host = builder.Build();

            var store = host.Services.GetRequiredService<IOptions<StoreOptions>>().Value; // binds: unknown keys throw
            var node = host.Services.GetRequiredService<IOptions<NodeOptions>>().Value;
            var validator = new LiveCasinoOptionsValidator();
            Assert.True(validator.Validate(null, store).Succeeded, $"{service}: {validator.Validate(null, store).FailureMessage}");
            Assert.True(validator.Validate(null, node).Succeeded, $"{service}: {validator.Validate(null, node).FailureMessage}");
            var cluster = host.Services.GetRequiredService<IOptions<ClusterOptions>>().Value;
            var clusterCheck = new ClusterOptionsValidator(Microsoft.Extensions.Options.Options.Create(store)).Validate(null, cluster);
            Assert.True(clusterCheck.Succeeded, $"{service}: {clusterCheck.FailureMessage}");
            Assert.Equal(StoreProvider.Postgres, store.Provider); // a compose node shares PostgreSQL
        }
    }

    [Fact]
    public void A_misspelt_key_like_the_old_compose_files_is_refused()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection([new("LiveCasino:Store:Kind", "postgres")]);
        builder.Services.AddLiveCasinoEngine(builder.Configuration);
        using var host = builder.Build();
        var error = Assert.ThrowsAny<InvalidOperationException>(() => host.Services.GetRequiredService<IOptions<StoreOptions>>().Value);
        Assert.Contains("Kind", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The services whose command runs the node (LiveCasino.Server), with their environment.</summary>
    private static IEnumerable<(string Service, Dictionary<string, string> Environment)> NodeServices()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(RepositoryRoot(), "docker-compose.yml")))
        {
            yaml.Load(reader);
        }

        var services = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("services")];
        foreach (var (name, value) in services.Children)
        {
            var service = (YamlMappingNode)value;
            var command = service.Children.TryGetValue(new YamlScalarNode("command"), out var c) ? c.ToString() : string.Empty;
            var image = service.Children.TryGetValue(new YamlScalarNode("image"), out var i) ? i.ToString() : string.Empty;
            if (!command.Contains("LiveCasino.Server", StringComparison.Ordinal) && !image.Contains("livecasino", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var environment = service.Children.TryGetValue(new YamlScalarNode("environment"), out var e) && e is YamlMappingNode map
                ? map.Children.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value.ToString(), StringComparer.Ordinal)
                : [];
            yield return (name.ToString(), environment);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "docker-compose.yml")) && File.Exists(Path.Combine(dir.FullName, "LiveCasino.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("docker-compose.yml not found above " + AppContext.BaseDirectory);
    }
}
