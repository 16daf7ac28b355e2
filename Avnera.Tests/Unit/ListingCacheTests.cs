using Avnera.Web.Features.Storefront.Listing;
using Microsoft.Extensions.Configuration;

namespace Avnera.Tests.Unit;

public class ListingCacheTests
{
    private static ListingCache Cache(int seconds, TimeProvider? time = null) => new(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Avnera:Storefront:ListingCacheSeconds"] = seconds.ToString() }).Build(), time);

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static ListingCache.Entry Entry(int total) =>
        new(new RawListing(total, 0, [], [], [], [], null, null, 0), null);

    /// <summary>A computation that counts its calls and finishes (with a listing of <paramref name="total"/>) when the gate opens.</summary>
    private sealed class Gated(int total)
    {
        private int _calls;
        public TaskCompletionSource Gate { get; } = new();
        public int Calls => _calls;

        public async Task<ListingCache.Entry> Compute()
        {
            Interlocked.Increment(ref _calls);
            await Gate.Task;
            return Entry(total);
        }
    }

    [Fact]
    public async Task ConcurrentRequestsForAnExpiredListing_ComputeItOnce()
    {
        var cache = Cache(10);
        var create = new Gated(7);
        var requests = Enumerable.Range(0, 20).Select(_ => Task.Run(() => cache.GetOrCreateAsync("k", create.Compute))).ToList();
        await Task.Delay(100);
        create.Gate.SetResult();
        var results = await Task.WhenAll(requests);
        Assert.Equal(1, create.Calls);
        Assert.All(results, r => Assert.Equal(7, r.Raw.Total));
        // Cached afterwards.
        Assert.Equal(7, (await cache.GetOrCreateAsync("k", () => throw new InvalidOperationException("not called"))).Raw.Total);
    }

    [Fact]
    public async Task AFailedComputation_IsNotCached_AndWaitersComputeThemselves()
    {
        var cache = Cache(10);
        var gate = new TaskCompletionSource();
        var first = Task.Run(() => cache.GetOrCreateAsync("k", async () => { await gate.Task; throw new TimeoutException(); }));
        await Task.Delay(50);
        var second = Task.Run(() => cache.GetOrCreateAsync("k", () => Task.FromResult(Entry(3))));
        await Task.Delay(50);
        gate.SetResult();
        await Assert.ThrowsAsync<TimeoutException>(() => first);
        Assert.Equal(3, (await second).Raw.Total);
    }

    [Fact]
    public async Task ADueListing_IsRefreshedByOneRequest_WhileTheOthersGetThePreviousOneAtOnce()
    {
        var clock = new ManualClock();
        var cache = Cache(10, clock);
        await cache.GetOrCreateAsync("k", () => Task.FromResult(Entry(1)));
        clock.Now += TimeSpan.FromSeconds(11); // due for a refresh
        var refresh = new Gated(2);
        var refresher = Task.Run(() => cache.GetOrCreateAsync("k", refresh.Compute));
        await Task.Delay(50);
        // While it refreshes, everyone else is answered at once with the previous listing, without computing.
        var others = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => cache.GetOrCreateAsync("k", refresh.Compute)));
        Assert.All(others, r => Assert.Equal(1, r.Raw.Total));
        Assert.False(refresher.IsCompleted);
        refresh.Gate.SetResult();
        Assert.Equal(2, (await refresher).Raw.Total);
        Assert.Equal(1, refresh.Calls);
        Assert.Equal(2, (await cache.GetOrCreateAsync("k", () => throw new InvalidOperationException("not called"))).Raw.Total);
    }

    [Fact]
    public async Task AListingNobodyAskedForInTwiceTheTime_IsComputedAfresh_NotServedStale()
    {
        var clock = new ManualClock();
        var cache = Cache(10, clock);
        await cache.GetOrCreateAsync("k", () => Task.FromResult(Entry(1)));
        clock.Now += TimeSpan.FromSeconds(25);
        Assert.Equal(2, (await cache.GetOrCreateAsync("k", () => Task.FromResult(Entry(2)))).Raw.Total);
    }

    [Fact]
    public void ZeroSeconds_TurnsTheCacheOff() => Assert.False(Cache(0).Enabled);

    [Fact]
    public void Key_DiffersByLanguagePageSortAndFilter()
    {
        var store = Guid.NewGuid();
        var scope = new ListingScope();
        var q = new ListingQuery();
        var keys = new[]
        {
            ListingCache.Key(store, "en", scope, q),
            ListingCache.Key(store, "fr", scope, q),
            ListingCache.Key(store, "en", scope, q with { Page = 2 }),
            ListingCache.Key(store, "en", scope, q with { Sort = ListingSort.PriceAscending, SortGiven = true }),
            ListingCache.Key(store, "en", scope, q.Toggle("size", "M")),
            ListingCache.Key(Guid.NewGuid(), "en", scope, q),
        };
        Assert.Equal(keys.Length, keys.Distinct().Count());
    }
}
