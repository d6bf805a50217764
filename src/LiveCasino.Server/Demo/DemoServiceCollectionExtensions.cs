using Microsoft.Extensions.DependencyInjection;

namespace LiveCasino.Server.Demo;

/// <summary>Registers the demo (tables, simulated studio and players) when <see cref="DemoOptions.Enabled"/>.</summary>
public static class DemoServiceCollectionExtensions
{
    public static IServiceCollection AddLiveCasinoDemo(this IServiceCollection services) => services;
}
