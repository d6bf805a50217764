using LiveCasino.Server.Hosting;

namespace LiveCasino.Server.Tests;

public sealed class SharedArrayPoolTuningTests
{
    [Fact]
    public void Sets_the_node_default_when_the_environment_has_none()
    {
        var env = new Dictionary<string, string>();

        var value = SharedArrayPoolTuning.Apply(k => env.GetValueOrDefault(k), (k, v) => env[k] = v);

        Assert.Equal("8192", value);
        Assert.Equal("8192", env[SharedArrayPoolTuning.Variable]);
    }

    [Fact]
    public void Keeps_what_the_operator_set()
    {
        var env = new Dictionary<string, string> { [SharedArrayPoolTuning.Variable] = "64" };

        var value = SharedArrayPoolTuning.Apply(k => env.GetValueOrDefault(k), (k, v) => env[k] = v);

        Assert.Equal("64", value);
        Assert.Equal("64", env[SharedArrayPoolTuning.Variable]);
    }
}
