using Avnera.Web.Features.Storefront.Catalog;
using Microsoft.Extensions.Configuration;

namespace Avnera.Tests.Unit;

public class ListingCacheTests
{
    private static ListingCache Cache(int seconds) => new(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Avnera:Storefront:ListingCacheSeconds"] = seconds.ToString() }).Build());

    private static ListingCache.Entry Entry(int total) =>
        new(new ListingService.RawListing(total, 0, [], [], [], [], null, null, 0), [], null);

    [Fact]
    public async Task ConcurrentRequestsForAnExpiredListing_ComputeItOnce()
    {
        var cache = Cache(10);
        var calls = 0;
        var gate = new TaskCompletionSource();
        async Task<ListingCache.Entry> Create()
        {
            Interlocked.Increment(ref calls);
            await gate.Task;
            return Entry(7);
        }
        var requests = Enumerable.Range(0, 20).Select(_ => Task.Run(() => cache.GetOrCreateAsync("k", Create))).ToList();
        await Task.Delay(100);
        gate.SetResult();
        var results = await Task.WhenAll(requests);
        Assert.Equal(1, calls);
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
