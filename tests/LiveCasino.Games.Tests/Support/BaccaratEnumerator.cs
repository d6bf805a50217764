using LiveCasino.Games.Baccarat;

namespace LiveCasino.Games.Tests.Support;

/// <summary>
/// Exact Punto Banco odds from a shoe, by card values and their counts (never by physical cards): the deal state
/// machine is driven with one representative card per value, each branch weighted by how many cards of that value
/// remain. Every deal is weighted as if six cards were drawn, so all weights share the denominator N(N-1)...(N-5).
/// </summary>
internal sealed class BaccaratEnumerator
{
    public const int MaxCards = 6;

    private readonly Dictionary<(int Pt, int Bt, int Dealt), long[]> memo = [];

    private BaccaratEnumerator()
    {
    }

    /// <summary>Weight of each (player total, banker total) class, index pt * 10 + bt.</summary>
    public long[] Weights { get; } = new long[100];

    /// <summary>A real deal for each class, to be settled by the library itself.</summary>
    public BaccaratOutcome?[] Representatives { get; } = new BaccaratOutcome?[100];

    public long Denominator { get; private set; }

    public int MemoHits { get; private set; }

    public static BaccaratEnumerator Run(int decks = 8)
    {
        var counts = new int[10];
        counts[0] = 16 * decks;
        for (var v = 1; v <= 9; v++)
        {
            counts[v] = 4 * decks;
        }

        var enumerator = new BaccaratEnumerator();
        var total = 52 * decks;
        enumerator.Denominator = Falling(total, MaxCards);
        enumerator.Walk(BaccaratDeal.Empty, counts, total, 0, 0, 1, enumerator.Weights);
        return enumerator;
    }

    private void Walk(BaccaratDeal deal, int[] counts, int remaining, int depth, int dealtCode, long multiplier, long[] into)
    {
        if (deal.IsComplete)
        {
            var outcome = deal.Outcome;
            var cls = (outcome.PlayerTotal * 10) + outcome.BankerTotal;
            Representatives[cls] ??= outcome;
            into[cls] += multiplier * Falling(remaining, MaxCards - depth);
            return;
        }

        if (depth == 4)
        {
            // From here the tableau looks only at the two totals and the remaining composition, which the
            // multiset of dealt values fixes: memoise on exactly that.
            var key = (BaccaratDrawingRules.Total(deal.Player), BaccaratDrawingRules.Total(deal.Banker), dealtCode);
            if (memo.TryGetValue(key, out var known))
            {
                MemoHits++;
            }
            else
            {
                known = new long[100];
                Branch(deal, counts, remaining, depth, dealtCode, 1, known);
                memo[key] = known;
            }

            for (var i = 0; i < 100; i++)
            {
                into[i] += multiplier * known[i];
            }

            return;
        }

        Branch(deal, counts, remaining, depth, dealtCode, multiplier, into);
    }

    private void Branch(BaccaratDeal deal, int[] counts, int remaining, int depth, int dealtCode, long multiplier, long[] into)
    {
        for (var v = 0; v <= 9; v++)
        {
            var c = counts[v];
            if (c == 0)
            {
                continue;
            }

            var step = deal.Accept(TestCards.OfValue(v));
            Assert.True(step.IsAccepted);
            counts[v]--;

            // dealtCode counts dealt cards per value in base 8 (at most 6 cards): a multiset, order forgotten.
            Walk(step.Deal, counts, remaining - 1, depth + 1, dealtCode + (1 << (3 * v)), multiplier * c, into);
            counts[v]++;
        }
    }

    private static long Falling(int n, int k)
    {
        long product = 1;
        for (var i = 0; i < k; i++)
        {
            product *= n - i;
        }

        return product;
    }
}
