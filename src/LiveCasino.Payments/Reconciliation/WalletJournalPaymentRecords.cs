using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Query;
using LiveCasino.Payments.Gateway;
using LiveCasino.Wallets.Events;
using LiveCasino.Wallets.Hosting;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Payments.Reconciliation;

/// <summary>
/// The ledger side of reconciliation, read from the wallet journal: every event tagged
/// <see cref="WalletDirectory.Tag"/>, in offset order, folded into one record per deposit and
/// withdrawal (begun / requested → pending; confirmed → completed with the provider reference;
/// failed / refused → failed). The currency comes from the wallet's <see cref="WalletOpened"/>.
/// Reads the journal directly, so it sees exactly what is durable, on any store.
/// </summary>
public sealed class WalletJournalPaymentRecords(IJournal journal, int recordsMax = WalletJournalPaymentRecords.DefaultRecordsMax) : ILedgerPaymentRecords
{
    /// <summary>Most payments one read folds in memory; past it the read fails rather than grow without bound.</summary>
    public const int DefaultRecordsMax = 5_000_000;

    private readonly IJournal _journal = journal ?? throw new ArgumentNullException(nameof(journal));

    public async IAsyncEnumerable<LedgerPaymentRecord> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var currencies = new Dictionary<string, string>(StringComparer.Ordinal);
        var records = new Dictionary<(string Player, string Id), LedgerPaymentRecord>();
        var order = new List<(string, string)>();
        await foreach (var e in EventsByTag.CurrentAsync(_journal, WalletDirectory.Tag, 0, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (WalletDirectory.PlayerIdOf(e.PersistenceId) is not { } player)
            {
                continue;
            }

            switch (e.Payload)
            {
                case WalletOpened o:
                    currencies[player] = o.Currency;
                    break;
                case DepositBegun d:
                    Begin(d.OperationId, player, PaymentKind.Deposit, d.AmountMinor);
                    break;
                case WithdrawalRequested w:
                    Begin(w.OperationId, player, PaymentKind.Withdrawal, w.AmountMinor);
                    break;
                case DepositConfirmed d:
                    Resolve(player, d.DepositId, PaymentStatus.Completed, d.ProviderReference);
                    break;
                case DepositFailed d:
                    Resolve(player, d.DepositId, PaymentStatus.Failed, null);
                    break;
                case WithdrawalConfirmed w:
                    Resolve(player, w.WithdrawalId, PaymentStatus.Completed, w.ProviderReference);
                    break;
                case WithdrawalRefused w:
                    Resolve(player, w.WithdrawalId, PaymentStatus.Failed, null);
                    break;
            }
        }

        foreach (var id in order)
        {
            yield return records[id];
        }

        void Begin(string operationId, string player, PaymentKind kind, long amountMinor)
        {
            if (records.Count >= recordsMax)
            {
                throw new InvalidOperationException($"The wallet journal holds more than {recordsMax} payments; raise recordsMax or reconcile by period.");
            }

            var currency = currencies.TryGetValue(player, out var c)
                ? c
                : throw new InvalidOperationException($"Wallet {player} has a {kind} {operationId} before it was opened.");
            // A wallet never begins the same id twice; two players may, and the reconciler reports that.
            if (records.TryAdd((player, operationId), new LedgerPaymentRecord(operationId, player, kind, new Money(amountMinor, currency), PaymentStatus.Pending, null)))
            {
                order.Add((player, operationId));
            }
        }

        void Resolve(string player, string operationId, PaymentStatus status, string? reference)
        {
            if (records.TryGetValue((player, operationId), out var r))
            {
                records[(player, operationId)] = r with { Status = status, ProviderReference = reference ?? r.ProviderReference };
            }
        }
    }
}
