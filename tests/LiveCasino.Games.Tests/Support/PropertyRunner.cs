using FsCheck;
using Microsoft.FSharp.Core;

namespace LiveCasino.Games.Tests.Support;

/// <summary>Runs FsCheck properties from plain xunit facts, with a fixed seed so every run checks the same cases.</summary>
internal static class PropertyRunner
{
    public static void Check(Property property, int maxTest = 500, ulong seed = 20261121)
    {
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(maxTest)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));
        FsCheck.Check.One(config, property);
    }
}
