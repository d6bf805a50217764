using LiveCasino.Stores.Journal;
using LiveCasino.Tables.Events;
using LiveCasino.Tables.Records;

namespace LiveCasino.Tables.State;

/// <summary>
/// The open round record and the chain so far. Every recorded event is hashed as it is applied
/// (after persist and again on replay); a <see cref="RoundSealed"/> closes the record, and on
/// replay its stored hash is checked against the recomputed one: a journal altered under the
/// table is noticed at recovery (<see cref="Intact"/> false, <see cref="Break"/> says where).
/// </summary>
internal sealed class RecordChain : IDisposable
{
    private RoundHasher? _open;

    public string LastHash { get; private set; } = RoundHasher.Genesis;

    public long LastSealedRound { get; private set; }

    /// <summary>First journal sequence number of the open record; 0 when no event is recorded since the last seal.</summary>
    public long FirstSequenceNr { get; private set; }

    public long LastSequenceNr { get; private set; }

    public int OpenEvents => _open?.Events ?? 0;

    /// <summary>The round of a re-settlement that is the last recorded event with no seal after it (a crash between the two writes).</summary>
    public long? LastRecordedCorrection { get; private set; }

    public bool Intact => Break is null;

    public string? Break { get; private set; }

    /// <summary>Delivery bookkeeping and seals are not part of a record.</summary>
    public static bool IsRecorded(TableEvent e) => e is not (WalletOperationsConfirmed or SettlementRerouted or RoundSealed);

    public void Observe(long sequenceNr, TableEvent e, Func<TableEvent, SerializedPayload> serialize)
    {
        if (e is RoundSealed seal)
        {
            Close(seal);
            return;
        }

        if (!IsRecorded(e))
        {
            return;
        }

        if (_open is null)
        {
            _open = new RoundHasher(LastHash);
            FirstSequenceNr = sequenceNr;
        }

        LastRecordedCorrection = e is RoundResettled corrected ? corrected.RoundNo : null;
        var payload = serialize(e);
        _open.Add(sequenceNr, payload.Manifest, payload.Bytes.Span);
        LastSequenceNr = sequenceNr;
    }

    /// <summary>The seal to persist now for the open record, or null when nothing was recorded since the last seal.</summary>
    public (string Previous, string Hash, long First, long Last, int Events)? Pending() =>
        _open is null ? null : (_open.PreviousHash, _open.Current(), FirstSequenceNr, LastSequenceNr, _open.Events);

    /// <summary>Restores the chain position from a snapshot taken between records.</summary>
    public void Restore(string lastHash, long lastSealedRound, string? brokenAt)
    {
        LastHash = lastHash;
        LastSealedRound = lastSealedRound;
        Break = brokenAt;
    }

    public void Dispose() => _open?.Dispose();

    private void Close(RoundSealed seal)
    {
        var computed = _open?.Current() ?? string.Empty;
        if (Break is null && (seal.PreviousHash != LastHash || seal.Hash != computed || seal.Events != OpenEvents))
        {
            Break = FormattableString.Invariant($"round {seal.RoundNo} ({seal.Kind}) sealed at {seal.LastSequenceNr}: stored hash {seal.Hash[..12]}…, recomputed {(computed.Length > 0 ? computed[..12] : "none")}…");
        }

        LastHash = seal.Hash;
        LastSealedRound = seal.RoundNo;
        _open?.Dispose();
        _open = null;
        FirstSequenceNr = 0;
        LastRecordedCorrection = null;
    }
}
