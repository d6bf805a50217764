namespace LiveCasino.Wallets.Protocol;

/// <summary>What crosses the wallet region (commands and replies): bound to LiveCasino's serializer in <c>WalletSerialization.EngineHocon</c>.</summary>
public interface IWalletMessage;
