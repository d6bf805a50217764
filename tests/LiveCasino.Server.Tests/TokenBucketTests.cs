using LiveCasino.Server.Edge;
using LiveCasino.TestKit;

namespace LiveCasino.Server.Tests;

/// <summary>The per-connection budgets: a burst, then a refill from elapsed (fake) time, never above the burst.</summary>
public sealed class TokenBucketTests
{
    [Fact]
    public void A_full_bucket_gives_its_burst_then_refuses()
    {
        var bucket = new TokenBucket(new FakeTimeProvider(), perSecond: 10, burst: 20);

        Assert.Equal(20, Enumerable.Range(0, 50).Count(_ => bucket.TryTake()));
        Assert.False(bucket.TryTake());
    }

    [Fact]
    public void Elapsed_time_refills_at_the_rate_and_never_above_the_burst()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(time, perSecond: 10, burst: 20);
        while (bucket.TryTake())
        {
        }

        time.Advance(TimeSpan.FromMilliseconds(250)); // 2.5 tokens
        Assert.True(bucket.TryTake());
        Assert.True(bucket.TryTake());
        Assert.False(bucket.TryTake());

        time.Advance(TimeSpan.FromMilliseconds(60)); // the half token left + 0.6
        Assert.True(bucket.TryTake());
        Assert.False(bucket.TryTake());

        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(20, Enumerable.Range(0, 50).Count(_ => bucket.TryTake()));
    }

    [Fact]
    public void Without_time_passing_no_token_comes_back()
    {
        var bucket = new TokenBucket(new FakeTimeProvider(), perSecond: 1_000, burst: 1);
        Assert.True(bucket.TryTake());
        for (var i = 0; i < 100; i++)
        {
            Assert.False(bucket.TryTake());
        }
    }
}
