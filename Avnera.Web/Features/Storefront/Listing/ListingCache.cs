using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;

namespace Avnera.Web.Features.Storefront.Listing;

/// <summary>
/// Recently computed listings, per instance, for a few seconds (Avnera:Storefront:ListingCacheSeconds,
/// default 10; 0 turns it off). Bounded: at most 5,000 listings are kept, so crawlers walking every filter
/// combination cannot grow it without limit. Prices and stock on listings may lag by that many seconds
/// (plus one recomputation); product pages are never cached.
/// A listing older than that is recomputed by one request while the others keep getting the previous one
/// (stale while revalidate), so a popular listing's refresh never makes a crowd of shoppers wait; one not asked
/// for during twice that time is gone, and the next request computes it (the others asking meanwhile wait for
/// that one computation instead of running their own).
/// </summary>
public sealed class ListingCache(IConfiguration configuration, TimeProvider? time = null)
{
    private readonly TimeSpan _ttl = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Avnera:Storefront:ListingCacheSeconds", 10), 0, 300));
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 5_000 });

    internal sealed record Entry(RawListing Raw, SearchInfo? Search);

    private sealed record Computed(Entry Entry, DateTimeOffset At);

    internal static string Key(Guid store, string language, ListingScope scope, ListingQuery query) =>
        string.Join('|', store.ToString("N"), language, scope.Category?.Id.ToString("N") ?? "", scope.Collection?.Id.ToString("N") ?? "",
            ListingQuery.SortKey(query.Sort), string.Join('&', query.ToQuery(query.Page, includeSort: false).Select(kv => kv.Key + "=" + kv.Value)));

    public bool Enabled => _ttl > TimeSpan.Zero;

    private readonly ConcurrentDictionary<string, Task<Entry>> _inflight = new();

    /// <summary>
    /// The cached listing; or, when it is due for a refresh, the previous one while another request refreshes it
    /// (this request refreshes it when nobody else does); or the one being computed right now by another request;
    /// or computes it.
    /// </summary>
    internal async Task<Entry> GetOrCreateAsync(string key, Func<Task<Entry>> create)
    {
        if (_cache.TryGetValue(key, out Computed? hit) && hit is not null && _time.GetUtcNow() - hit.At is var age && age < 2 * _ttl)
        {
            if (age < _ttl) return hit.Entry;
            var refresh = new TaskCompletionSource<Entry>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_inflight.TryAdd(key, refresh.Task)) return hit.Entry; // someone is refreshing it: the previous one meanwhile
            return await ComputeAsync(key, create, refresh);
        }
        var mine = new TaskCompletionSource<Entry>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _inflight.GetOrAdd(key, mine.Task);
        if (running != mine.Task)
        {
            try
            {
                return await running;
            }
            catch (Exception) when (!running.IsCompletedSuccessfully)
            {
                return await create(); // the other request failed or gave up: do it ourselves
            }
        }
        return await ComputeAsync(key, create, mine);
    }

    private async Task<Entry> ComputeAsync(string key, Func<Task<Entry>> create, TaskCompletionSource<Entry> mine)
    {
        try
        {
            var entry = await create();
            _cache.Set(key, new Computed(entry, _time.GetUtcNow()), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = 2 * _ttl });
            mine.SetResult(entry);
            return entry;
        }
        catch (Exception ex)
        {
            mine.SetException(ex);
            _ = mine.Task.Exception; // observed: waiters (if any) compute on their own
            throw;
        }
        finally
        {
            _inflight.TryRemove(new KeyValuePair<string, Task<Entry>>(key, mine.Task));
        }
    }
}
