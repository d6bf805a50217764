namespace LiveCasino.Payments.Tests.Support;

/// <summary>Which real journal a <see cref="PaymentsNode"/> keeps its wallets in.</summary>
public enum JournalKind
{
    InMemory,
    Sqlite,
}
