using FsCheck.Fluent;
using LiveCasino.Games.Baccarat;
using LiveCasino.Games.DragonTiger;
using LiveCasino.Games.Roulette;

namespace LiveCasino.Games.Tests.Properties;

public sealed class SettlementProperties
{
    private static readonly RouletteRules Roulette = new();
    private static readonly BaccaratRules Baccarat = new();
    private static readonly DragonTigerRules DragonTiger = new();

    [Fact]
    public void Roulette_never_pays_a_losing_bet_and_pays_every_winning_one()
    {
        var cases = from spot in Generators.RouletteSpot
                    from number in Gen.Choose(0, 36)
                    from stake in Generators.Stake
                    from partage in Gen.Elements(false, true)
                    select (spot, number, stake, partage);
        PropertyRunner.Check(Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var paytable = c.partage ? RoulettePaytable.EuropeanLaPartage : RoulettePaytable.European;
            var settled = Roulette.Settle([TestCards.Bet(c.spot, c.stake)], new RouletteSpin(c.number, 5), paytable).Bets[0];
            var wins = Oracles.Covered(c.spot)!.Contains(c.number);
            var partageCase = c.partage && c.number == 0 && Oracles.Covered(c.spot)!.Length == 18;
            return (settled.Kind == SettlementKind.Win) == wins
                && (wins || settled.Returned == (partageCase ? c.stake / 2 : 0))
                && (!wins || settled.Returned == c.stake * (36 / Oracles.Covered(c.spot)!.Length));
        }));
    }

    [Fact]
    public void Baccarat_never_pays_a_losing_bet()
    {
        var cases = from spot in Gen.Elements("player", "banker", "tie", "player-pair", "banker-pair")
                    from outcome in Generators.BaccaratOutcome
                    from stake in Generators.Stake
                    from noCommission in Gen.Elements(false, true)
                    select (spot, outcome, stake, noCommission);
        PropertyRunner.Check(Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var paytable = c.noCommission ? BaccaratPaytable.NoCommission : BaccaratPaytable.Standard;
            var settled = Baccarat.Settle([TestCards.Bet(c.spot, c.stake)], c.outcome, paytable).Bets[0];
            var pt = Oracles.Total(c.outcome.Player);
            var bt = Oracles.Total(c.outcome.Banker);
            var wins = c.spot switch
            {
                "player" => pt > bt,
                "banker" => bt > pt,
                "tie" => pt == bt,
                "player-pair" => c.outcome.Player[0].Rank == c.outcome.Player[1].Rank,
                _ => c.outcome.Banker[0].Rank == c.outcome.Banker[1].Rank,
            };
            var pushes = pt == bt && c.spot is "player" or "banker";
            var expected = wins ? SettlementKind.Win : pushes ? SettlementKind.Push : SettlementKind.Lose;
            return settled.Kind == expected && (settled.Returned > 0) == (wins || pushes) && (!wins || settled.Returned >= c.stake);
        }));
    }

    [Fact]
    public void Dragon_tiger_never_pays_a_losing_bet()
    {
        var cases = from spot in Gen.Elements("dragon", "tiger", "tie", "suited-tie")
                    from dragon in Generators.Card
                    from tiger in Generators.Card
                    from stake in Generators.Stake
                    select (spot, dragon, tiger, stake);
        PropertyRunner.Check(Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var settled = DragonTiger.Settle([TestCards.Bet(c.spot, c.stake)], new DragonTigerOutcome(c.dragon, c.tiger), DragonTigerPaytable.Standard).Bets[0];
            var tie = c.dragon.Rank == c.tiger.Rank;
            var wins = c.spot switch
            {
                "dragon" => c.dragon.Rank > c.tiger.Rank,
                "tiger" => c.tiger.Rank > c.dragon.Rank,
                "tie" => tie,
                _ => c.dragon == c.tiger,
            };
            var half = tie && c.spot is "dragon" or "tiger";
            return (settled.Kind == SettlementKind.Win) == wins
                && settled.Returned == (wins ? settled.Returned : half ? c.stake / 2 : 0)
                && (!wins || settled.Returned > c.stake);
        }));
    }

    [Fact]
    public void Return_is_monotone_in_stake_for_every_game()
    {
        var cases = from a in Generators.Stake
                    from b in Generators.Stake
                    from rouletteSpot in Generators.RouletteSpot
                    from number in Gen.Choose(0, 36)
                    from baccaratSpot in Gen.Elements("player", "banker", "tie", "player-pair", "banker-pair")
                    from outcome in Generators.BaccaratOutcome
                    from dtSpot in Gen.Elements("dragon", "tiger", "tie", "suited-tie")
                    from dragon in Generators.Card
                    from tiger in Generators.Card
                    select (Low: Math.Min(a, b), High: Math.Max(a, b), rouletteSpot, number, baccaratSpot, outcome, dtSpot, dragon, tiger);
        PropertyRunner.Check(Prop.ForAll(cases.ToArbitrary(), c =>
        {
            long[] Returns(long stake) =>
            [
                Roulette.Settle([TestCards.Bet(c.rouletteSpot, stake)], new RouletteSpin(c.number, 5), RoulettePaytable.EuropeanLaPartage).TotalReturned,
                Baccarat.Settle([TestCards.Bet(c.baccaratSpot, stake)], c.outcome, BaccaratPaytable.Standard).TotalReturned,
                Baccarat.Settle([TestCards.Bet(c.baccaratSpot, stake)], c.outcome, BaccaratPaytable.NoCommission).TotalReturned,
                DragonTiger.Settle([TestCards.Bet(c.dtSpot, stake)], new DragonTigerOutcome(c.dragon, c.tiger), DragonTigerPaytable.Standard).TotalReturned,
            ];
            return Returns(c.Low).Zip(Returns(c.High)).All(p => p.First <= p.Second);
        }));
    }
}
