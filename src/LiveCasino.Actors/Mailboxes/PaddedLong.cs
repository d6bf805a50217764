using System.Runtime.InteropServices;

namespace LiveCasino.Actors.Mailboxes;

/// <summary>A long alone on its cache line, so producers' compare-and-swaps do not slow the consumer's fields.</summary>
[StructLayout(LayoutKind.Explicit, Size = 192)]
internal struct PaddedLong
{
    [FieldOffset(64)]
    public long Value;
}
