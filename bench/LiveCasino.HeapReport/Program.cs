using System.Globalization;
using LiveCasino.HeapReport;
using Microsoft.Diagnostics.Runtime;

// dotnet run --project bench/LiveCasino.HeapReport -- <dump> [--top N] [--per N]
//   <dump>: a dump with heap, e.g. `$DOTNET_ROOT/shared/Microsoft.NETCore.App/<v>/createdump -h -f node.dmp <pid>`
//   --top:  how many rows per table (default 40); --per: divide bytes by this many (viewers) for a per-item column
if (args.Length == 0 || args[0].StartsWith('-'))
{
    Console.Error.WriteLine("usage: LiveCasino.HeapReport <dump> [--top N] [--per N]");
    return 2;
}

var top = Option("--top", 40);
var per = Option("--per", 0);
using var target = DataTarget.LoadDump(args[0]);
if (target.ClrVersions.Length == 0)
{
    Console.Error.WriteLine($"{args[0]}: no .NET runtime in this dump");
    return 2;
}

using var runtime = target.ClrVersions[0].CreateRuntime();
var census = HeapCensus.Take(runtime.Heap);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"live: {census.Live.Bytes / 1048576.0:N1} MB in {census.Live.Count:N0} objects; unreachable (garbage not yet collected): {census.Dead.Bytes / 1048576.0:N1} MB"));
Print("live objects by owner (the most specific library named in the type)", census.LiveByOwner);
Print("live objects by type", census.LiveByType);
Print("live byte arrays by size and heap region", census.ByteArrays);
Print("live strings by shape (first characters, digits as 9)", census.StringShapes);
return 0;

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

void Print(string title, Dictionary<string, Tally> rows)
{
    Console.WriteLine();
    Console.WriteLine(title);
    Console.WriteLine(per > 0 ? $"{"bytes",14} {"count",10} {"B per " + per.ToString(CultureInfo.InvariantCulture),12}  name" : $"{"bytes",14} {"count",10}  name");
    foreach (var (name, t) in rows.OrderByDescending(r => r.Value.Bytes).Take(top))
    {
        var share = per > 0 ? string.Create(CultureInfo.InvariantCulture, $" {t.Bytes / (double)per,12:N0}") : string.Empty;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{t.Bytes,14:N0} {t.Count,10:N0}{share}  {name}"));
    }
}
