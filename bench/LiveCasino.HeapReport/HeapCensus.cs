using Microsoft.Diagnostics.Runtime;

namespace LiveCasino.HeapReport;

/// <summary>Count and bytes of one group of objects.</summary>
internal sealed record Tally(long Count, long Bytes)
{
    public static readonly Tally Zero = new(0, 0);

    public Tally Add(ulong size) => new(Count + 1, Bytes + (long)size);
}

/// <summary>
/// One pass over a dump's heap: which objects are reachable from a root (a dump also holds garbage
/// not yet collected), then live bytes per type, live byte arrays per size and heap region, and live
/// strings per shape (their first characters with digits folded, so ids and tokens group together
/// and no secret is printed whole).
/// </summary>
internal sealed class HeapCensus
{
    private const int ShapeChars = 8;

    public Dictionary<string, Tally> LiveByType { get; } = new(StringComparer.Ordinal);

    /// <summary>Whose objects: the most specific known owner named anywhere in the type's name.</summary>
    public Dictionary<string, Tally> LiveByOwner { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Tally> ByteArrays { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Tally> StringShapes { get; } = new(StringComparer.Ordinal);

    public Tally Live { get; private set; } = Tally.Zero;

    public Tally Dead { get; private set; } = Tally.Zero;

    public static HeapCensus Take(ClrHeap heap)
    {
        ArgumentNullException.ThrowIfNull(heap);
        var live = Reachable(heap);
        var census = new HeapCensus();
        foreach (var o in heap.EnumerateObjects())
        {
            if (!o.IsValid || o.Type is null || o.Type.IsFree)
            {
                continue;
            }

            if (!live.Contains(o.Address))
            {
                census.Dead = census.Dead.Add(o.Size);
                continue;
            }

            census.Count(heap, o);
        }

        return census;
    }

    private void Count(ClrHeap heap, ClrObject o)
    {
        var type = o.Type!.Name ?? "?";
        Live = Live.Add(o.Size);
        Bump(LiveByType, type, o.Size);
        Bump(LiveByOwner, Owner(type), o.Size);
        if (type == "System.Byte[]")
        {
            var region = heap.GetSegmentByAddress(o.Address)?.Kind.ToString() ?? "?";
            Bump(ByteArrays, $"{o.Size,8} B in {region}", o.Size);
        }
        else if (o.Type.IsString)
        {
            Bump(StringShapes, Shape(o.AsString(ShapeChars) ?? string.Empty), o.Size);
        }
    }

    // Most specific first: a state machine box of a SignalR method counts as SignalR, a pipe as Pipelines.
    private static readonly string[] Owners =
    [
        "LiveCasino.", "Microsoft.AspNetCore.SignalR", "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Authentication", "Microsoft.AspNetCore.Authorization",
        "System.Security.Claims", "Microsoft.Extensions.Logging", "System.Net.WebSockets", "System.Net.Sockets",
        "System.IO.Pipelines", "Microsoft.AspNetCore", "Microsoft.Extensions", "System.Threading",
    ];

    private static string Owner(string type)
    {
        if (type is "System.String" or "System.Byte[]")
        {
            return type;
        }

        foreach (var owner in Owners)
        {
            if (type.Contains(owner, StringComparison.Ordinal))
            {
                return owner.TrimEnd('.');
            }
        }

        return "other (System, generic collections)";
    }

    private static HashSet<ulong> Reachable(ClrHeap heap)
    {
        var seen = new HashSet<ulong>();
        var pending = new Stack<ulong>();
        foreach (var root in heap.EnumerateRoots())
        {
            if (root.Object.Address != 0 && seen.Add(root.Object.Address))
            {
                pending.Push(root.Object.Address);
            }
        }

        while (pending.TryPop(out var address))
        {
            var o = heap.GetObject(address);
            if (!o.IsValid)
            {
                continue;
            }

            foreach (var child in o.EnumerateReferenceAddresses(carefully: true, considerDependantHandles: true))
            {
                if (child != 0 && seen.Add(child))
                {
                    pending.Push(child);
                }
            }
        }

        return seen;
    }

    private static string Shape(string s) =>
        string.Create(s.Length, s, static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = char.IsDigit(text[i]) ? '9' : char.IsControl(text[i]) ? '.' : text[i];
            }
        });

    private static void Bump(Dictionary<string, Tally> into, string key, ulong size) =>
        into[key] = into.GetValueOrDefault(key, Tally.Zero).Add(size);
}
