using System.Text.Json.Nodes;

namespace LiveCasino.Clients;

/// <summary>
/// Baccarat and Dragon Tiger: a fresh shoe (burn cards by the first card's value), then rounds of
/// cards read from the shoe until the table says the hand is complete; the cut card ends the shoe
/// one hand later.
/// </summary>
public sealed partial class StudioDealer
{
    private VirtualShoe? _shoe;
    private bool _cutSent;

    private async Task RunCardsAsync(HubConnection hub, CancellationToken cancellationToken)
    {
        // The table's shoe and ours must hold the same cards: a console starts every session on a new shoe.
        await NewShoeAsync(hub, cancellationToken).ConfigureAwait(false);
        while (!cancellationToken.IsCancellationRequested)
        {
            var open = await ActAsync(hub, "OpenRound", new JsonObject(), cancellationToken).ConfigureAwait(false);
            if (open["accepted"]?.GetValue<bool>() != true)
            {
                await AfterRefusedOpenAsync(hub, open, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var roundNo = (long)open["roundNo"]!;
            await WaitBetsClosedAsync(hub, roundNo, cancellationToken).ConfigureAwait(false);
            await PauseAsync(1, cancellationToken).ConfigureAwait(false);
            var outcome = await DealAsync(hub, cancellationToken).ConfigureAwait(false);
            Rounds++;
            Log.RoundDone(_log, _options.TableId, roundNo, outcome);
            await PauseAsync(5, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<string> DealAsync(HubConnection hub, CancellationToken cancellationToken)
    {
        if (Mistake() && _random.Next(5) == 0)
        {
            await ActAsync(hub, "VoidRound", new JsonObject { ["reason"] = "card exposed before the deal" }, cancellationToken).ConfigureAwait(false);
            return "voided (card exposed)";
        }

        for (var cards = 0; cards < 8; cards++)
        {
            if (_shoe!.PastCut && !_cutSent)
            {
                await ReadAsync(hub, "shoe", "CUT", cancellationToken).ConfigureAwait(false);
                _cutSent = true;
            }

            var card = _shoe.Draw();
            var misread = Mistake() ? card[0] + "?" : null;
            var verdict = await ReadAsync(hub, "shoe", card, cancellationToken, misread).ConfigureAwait(false);
            for (var retry = 0; verdict is null && retry < 2; retry++)
            {
                // No verdict (dropped as a repeat of the card before, or no answer): read it again later.
                await PauseAsync(2, cancellationToken, betweenReadings: true).ConfigureAwait(false);
                verdict = await ReadAsync(hub, "shoe", card, cancellationToken).ConfigureAwait(false);
            }

            if (verdict?["accepted"]?.GetValue<bool>() != true)
            {
                await ActAsync(hub, "VoidRound", new JsonObject { ["reason"] = "card could not be read" }, cancellationToken).ConfigureAwait(false);
                return "voided (" + ((string?)verdict?["reason"] ?? "no verdict") + ")";
            }

            if ((string?)verdict["phase"] is "resultConfirmed" or "settled")
            {
                return "dealt " + (cards + 1) + " cards";
            }

            await PauseAsync(2, cancellationToken, betweenReadings: true).ConfigureAwait(false);
        }

        return "dealt 8 cards without a result";
    }

    private async Task NewShoeAsync(HubConnection hub, CancellationToken cancellationToken)
    {
        var change = await ActAsync(hub, "ChangeShoe", new JsonObject(), cancellationToken).ConfigureAwait(false);
        if (change["accepted"]?.GetValue<bool>() != true)
        {
            await PauseAsync(5, cancellationToken).ConfigureAwait(false);
            return;
        }

        _shoe = new VirtualShoe(_random);
        _cutSent = false;
        var first = _shoe.Draw();
        await ReadAsync(hub, "shoe", "BURN " + first, cancellationToken).ConfigureAwait(false);
        var burns = VirtualShoe.BurnCount(first);
        for (var i = 0; i < burns; i++)
        {
            await PauseAsync(0.5, cancellationToken, betweenReadings: true).ConfigureAwait(false);
            await ReadAsync(hub, "shoe", "BURN " + _shoe.Draw(), cancellationToken).ConfigureAwait(false);
        }

        Log.NewShoe(_log, _options.TableId, burns + 1, _shoe.CutAt);
    }
}
