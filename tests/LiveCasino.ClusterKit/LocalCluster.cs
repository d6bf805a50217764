using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace LiveCasino.ClusterKit;

/// <summary>
/// A cluster of real node processes run by <c>scripts/cluster.sh</c> (the script users run), in its
/// own directory, on free loopback ports, on the suite's PostgreSQL in a schema of its own. Node i
/// serves HTTP on <see cref="NodeUri"/>(i); players and dealers go through HAProxy at <see cref="Url"/>.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    /// <summary>Upper bound of the nodes a test starts (the script's port plan reserves this many).</summary>
    public const int NodesMax = 6;

    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(4);
    private readonly string _root;
    private readonly string _directory;
    private readonly int _port;
    private readonly int _remotingPort;
    private readonly string _schema;
    private readonly string _extraArgs;
    private string? _operatorToken;

    private LocalCluster(string root, string directory, int port, int remotingPort, string schema, string extraArgs)
    {
        _extraArgs = extraArgs;
        _root = root;
        _directory = directory;
        _port = port;
        _remotingPort = remotingPort;
        _schema = schema;
        Http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The load balancer.</summary>
    public Uri Url => new($"http://127.0.0.1:{_port}");

    /// <summary>Talks to the load balancer.</summary>
    public HttpClient Http { get; }

    public string OperatorPassword => File.ReadAllText(Path.Combine(_directory, "operator-password")).Trim();

    /// <summary>Node <paramref name="index"/>'s own HTTP address (bypassing the load balancer).</summary>
    public Uri NodeUri(int index) => new($"http://127.0.0.1:{_port + index}");

    /// <summary>Node <paramref name="index"/>'s cluster address, as the operator API shows members.</summary>
    public string NodeAddress(int index) => $"akka.tcp://livecasino@127.0.0.1:{_remotingPort + index}";

    /// <summary>The node index of a cluster address.</summary>
    public int IndexOf(string address) => int.Parse(address[(address.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture) - _remotingPort;

    /// <summary>
    /// Starts <paramref name="nodes"/> nodes and HAProxy on a schema of their own (of the PostgreSQL in
    /// LIVECASINO_PG, else a throwaway one the script starts); returns once every node is ready.
    /// <paramref name="extraArgs"/>: more settings for every node ("--akka:cluster:... value" included).
    /// </summary>
    public static async Task<LocalCluster> StartAsync(int nodes, string extraArgs = "")
    {
        var root = RepositoryRoot();
        var directory = Path.Combine(Path.GetTempPath(), "lc-cluster-" + Guid.NewGuid().ToString("N")[..8]);
        var (port, remoting) = (FreeRange(NodesMax + 1), FreeRange(NodesMax + 1));
        var cluster = new LocalCluster(root, directory, port, remoting, "cl_" + Guid.NewGuid().ToString("N")[..10], extraArgs);
        await cluster.ScriptAsync("start", nodes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return cluster;
    }

    public Task StartNodeAsync(int index) => ScriptAsync("node-start", Index(index));

    /// <summary>SIGTERM: the node leaves, hands its shards off and exits (the script waits for the exit).</summary>
    public Task StopNodeAsync(int index) => ScriptAsync("node-stop", Index(index));

    /// <summary>SIGKILL, at once.</summary>
    public Task KillNodeAsync(int index) => ScriptAsync("node-kill", Index(index));

    /// <summary>The node's log, for a failure's message.</summary>
    public string LogTail(int index, int lines = 40)
    {
        var path = Path.Combine(_directory, $"node-{index}.log");
        return File.Exists(path) ? string.Join('\n', File.ReadLines(path).TakeLast(lines)) : "(no log)";
    }

    public async Task<string> OperatorTokenAsync()
    {
        if (_operatorToken is null)
        {
            using var login = await Http.PostAsJsonAsync("/api/accounts/login", new { username = "operator", password = OperatorPassword });
            _operatorToken = (string)(await ExpectAsync(login, HttpStatusCode.OK))["accessToken"]!;
        }

        return _operatorToken;
    }

    /// <summary>GET through node <paramref name="index"/> (or the load balancer when null) as the operator.</summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> OperatorGetAsync(string path, int? index = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, index is { } i ? new Uri(NodeUri(i), path) : new Uri(Url, path));
        request.Headers.Authorization = new("Bearer", await OperatorTokenAsync());
        try
        {
            using var response = await Http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
        }
        catch (HttpRequestException)
        {
            return (HttpStatusCode.ServiceUnavailable, null);
        }
    }

    /// <summary>The node index hosting <paramref name="entityId"/> of <paramref name="region"/>, asked through node <paramref name="via"/>; null while unallocated.</summary>
    public async Task<int?> HostOfAsync(string region, string entityId, int via)
    {
        var (status, body) = await OperatorGetAsync($"/api/operator/cluster/entities/{region}/{entityId}", via);
        return status == HttpStatusCode.OK && (string?)body!["address"] is { } address ? IndexOf(address) : null;
    }

    public static async Task<JsonObject> ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)status}: {text}");
        return text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        try
        {
            await ScriptAsync("stop");
        }
        finally
        {
            // LIVECASINO_CLUSTER_KEEP=1 keeps the nodes' logs and data for reading after a failure.
            if (Directory.Exists(_directory) && Environment.GetEnvironmentVariable("LIVECASINO_CLUSTER_KEEP") != "1")
            {
                Directory.Delete(_directory, recursive: true);
            }
        }
    }

    private static string Index(int index)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(index, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, NodesMax);
        return index.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task ScriptAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = _root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(_root, "scripts", "cluster.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["LIVECASINO_CLUSTER_DIR"] = _directory;
        start.Environment["LIVECASINO_CLUSTER_PORT"] = _port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["LIVECASINO_CLUSTER_REMOTING_PORT"] = _remotingPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["LIVECASINO_CLUSTER_DEMO"] = "0";
        start.Environment["LIVECASINO_CLUSTER_NO_BUILD"] = "1";
        start.Environment["LIVECASINO_CLUSTER_ARGS"] =
            $"--LiveCasino:Store:PostgresSchema={_schema} --LiveCasino:RateLimits:AuthPermits=1000 --LiveCasino:RateLimits:ApiPermits=100000 --LiveCasino:Hubs:BetsPerSecond=100 --LiveCasino:Hubs:BetBurst=200 {_extraArgs}".TrimEnd();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ScriptTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"cluster.sh {string.Join(' ', arguments)} did not finish in {ScriptTimeout}: {await errors}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"cluster.sh {string.Join(' ', arguments)} failed ({process.ExitCode}): {await errors}\n{await output}");
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LiveCasino.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LiveCasino.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The first of <paramref name="count"/> consecutive free loopback ports.</summary>
    private static int FreeRange(int count)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var first = Random.Shared.Next(20_000, 60_000);
            if (Enumerable.Range(first, count).All(Free))
            {
                return first;
            }
        }

        throw new InvalidOperationException($"no {count} consecutive free loopback ports found");
    }

    private static bool Free(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
