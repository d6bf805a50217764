using System.Globalization;
using System.Text.Json.Nodes;

namespace LiveCasino.Clients;

/// <summary>Roulette: open, wait for the timer's "no more bets", launch the ball, read the pocket.</summary>
public sealed partial class StudioDealer
{
    private async Task RunRouletteAsync(HubConnection hub, CancellationToken cancellationToken)
    {
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
            var outcome = await SpinAsync(hub, cancellationToken).ConfigureAwait(false);
            Rounds++;
            Log.RoundDone(_log, _options.TableId, roundNo, outcome);
            await PauseAsync(5, cancellationToken).ConfigureAwait(false); // the result on screen, chips cleared
        }
    }

    /// <summary>Spins until a spin stands, or voids the round when the wheel keeps failing (or now and then by mistake).</summary>
    private async Task<string> SpinAsync(HubConnection hub, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await PauseAsync(1.5, cancellationToken, betweenReadings: true).ConfigureAwait(false);
            await ReadAsync(hub, "wheel", "SPIN", cancellationToken).ConfigureAwait(false);
            await PauseAsync(10, cancellationToken, betweenReadings: true).ConfigureAwait(false); // the ball runs
            var number = _random.Next(37);
            var badSpin = Mistake();
            var revolutions = badSpin ? 2 : _random.Next(5, 10);
            if (badSpin && _random.Next(4) == 0)
            {
                await ActAsync(hub, "VoidRound", new JsonObject { ["reason"] = "ball left the wheel" }, cancellationToken).ConfigureAwait(false);
                return "voided (ball left the wheel)";
            }

            var verdict = await ReadAsync(hub, "wheel", string.Create(CultureInfo.InvariantCulture, $"{number} r={revolutions}"), cancellationToken).ConfigureAwait(false);
            if (verdict?["accepted"]?.GetValue<bool>() == true)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{number} after {revolutions} revolutions");
            }
        }

        await ActAsync(hub, "VoidRound", new JsonObject { ["reason"] = "no valid spin after three attempts" }, cancellationToken).ConfigureAwait(false);
        return "voided (no valid spin)";
    }

    /// <summary>OpenRound was refused: a round is still in progress (void it), or the shoe must be changed.</summary>
    private async Task AfterRefusedOpenAsync(HubConnection hub, JsonObject verdict, CancellationToken cancellationToken)
    {
        switch ((string?)verdict["reason"])
        {
            case "roundInProgress":
                await ActAsync(hub, "VoidRound", new JsonObject { ["reason"] = "round left open" }, cancellationToken).ConfigureAwait(false);
                break;
            case "shoeFinished" or "burnIncomplete" or "burnNotExpected":
                await NewShoeAsync(hub, cancellationToken).ConfigureAwait(false);
                return;
            default:
                await PauseAsync(5, cancellationToken).ConfigureAwait(false);
                break;
        }
    }
}
