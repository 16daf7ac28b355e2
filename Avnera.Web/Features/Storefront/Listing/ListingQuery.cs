using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Avnera.Web.Features.Storefront.Listing;

public enum ListingSort { Relevance, Newest, PriceAscending, PriceDescending, Rating }

/// <summary>
/// The shopper's listing parameters, read from the query string forgivingly: anything malformed or unknown
/// (a negative page, an unknown sort, a 10 KB search, a price that is not a number) falls back to the
/// default instead of failing, so a hand-edited URL always gets a normal page. Filters the store does not
/// have are dropped by <see cref="Restrict"/> (with the store's values, <see cref="ListingFilters"/>).
/// Query keys: q, sort, page, min, max, instock=1, and f_{attribute code}=value (repeatable).
/// </summary>
public sealed record ListingQuery
{
    public const int MaxSearchLength = 100;
    public const int MaxValuesPerFacet = 20;
    /// <summary>The deepest page a listing goes to (24,000 products); a higher page number asks for this one.</summary>
    public const int MaxPage = 1000;
    public const string AttributePrefix = "f_";

    public string? Search { get; init; }
    public ListingSort Sort { get; init; } = ListingSort.Newest;
    public bool SortGiven { get; init; }
    public int Page { get; init; } = 1;
    public decimal? MinPrice { get; init; }
    public decimal? MaxPrice { get; init; }
    public bool InStockOnly { get; init; }

    /// <summary>Selected values per attribute code (codes lower-case; values as shown). Values with control
    /// characters are dropped: PostgreSQL refuses a NUL in text, which would turn ?f_size=%00 into a 500.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Attributes { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public bool HasFilters => MinPrice is not null || MaxPrice is not null || InStockOnly || Attributes.Count > 0;

    public static ListingQuery Parse(IQueryCollection query)
    {
        var search = query["q"].ToString().Trim();
        if (search.Length > MaxSearchLength) search = search[..MaxSearchLength];
        var sort = ParseSort(query["sort"].ToString());
        var attributes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, values) in query)
        {
            if (!key.StartsWith(AttributePrefix, StringComparison.OrdinalIgnoreCase) || key.Length > 70) continue;
            var selected = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim())
                .Where(v => v.Length <= 100 && !v.Any(char.IsControl)).Distinct().Take(MaxValuesPerFacet).ToList();
            if (selected.Count > 0) attributes[key[AttributePrefix.Length..].ToLowerInvariant()] = selected;
        }
        var min = Amount(query["min"].ToString());
        var max = Amount(query["max"].ToString());
        if (min is { } lo && max is { } hi && lo > hi) (min, max) = (hi, lo);
        return new ListingQuery
        {
            Search = search.Length == 0 ? null : search,
            Sort = sort ?? (search.Length > 0 ? ListingSort.Relevance : ListingSort.Newest),
            SortGiven = sort is not null,
            Page = int.TryParse(query["page"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1 ? Math.Min(page, MaxPage) : 1,
            MinPrice = min,
            MaxPrice = max,
            InStockOnly = query["instock"].ToString() is "1" or "true" or "on",
            Attributes = attributes,
        };
    }

    /// <summary>
    /// This listing with only the filters the store has: attribute codes and values it knows (<paramref name="known"/>:
    /// values per filterable attribute code), each in the store's own spelling ("black" is the store's "Black").
    /// Anything else is dropped, so it neither filters, nor shows as a filter, nor is repeated in the page's links.
    /// </summary>
    public ListingQuery Restrict(IReadOnlyDictionary<string, IReadOnlyList<string>> known)
    {
        var kept = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (code, values) in Attributes)
        {
            if (!known.TryGetValue(code, out var storeValues)) continue;
            var matched = values.Select(v => storeValues.FirstOrDefault(k => k == v) ?? storeValues.FirstOrDefault(k => string.Equals(k, v, StringComparison.OrdinalIgnoreCase)))
                .OfType<string>().Distinct().ToList();
            if (matched.Count > 0) kept[code] = matched;
        }
        return kept.Count == Attributes.Count && kept.All(k => k.Value.SequenceEqual(Attributes[k.Key])) ? this : this with { Attributes = kept };
    }

    public static ListingSort? ParseSort(string? value) => value switch
    {
        "relevance" => ListingSort.Relevance,
        "newest" => ListingSort.Newest,
        "price-asc" => ListingSort.PriceAscending,
        "price-desc" => ListingSort.PriceDescending,
        "rating" => ListingSort.Rating,
        _ => null,
    };

    public static string SortKey(ListingSort sort) => sort switch
    {
        ListingSort.Relevance => "relevance",
        ListingSort.Newest => "newest",
        ListingSort.PriceAscending => "price-asc",
        ListingSort.PriceDescending => "price-desc",
        ListingSort.Rating => "rating",
        _ => "newest",
    };

    private static decimal? Amount(string value) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d >= 0 && d < 10_000_000 ? decimal.Round(d, 2) : null;

    /// <summary>The query string of this listing (without page unless given), for links and canonical URLs.</summary>
    public List<KeyValuePair<string, string?>> ToQuery(int? page = null, bool includeSort = true)
    {
        var q = new List<KeyValuePair<string, string?>>();
        if (Search is not null) q.Add(new("q", Search));
        foreach (var (code, values) in Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
            foreach (var v in values) q.Add(new(AttributePrefix + code, v));
        if (MinPrice is { } min) q.Add(new("min", min.ToString(CultureInfo.InvariantCulture)));
        if (MaxPrice is { } max) q.Add(new("max", max.ToString(CultureInfo.InvariantCulture)));
        if (InStockOnly) q.Add(new("instock", "1"));
        if (includeSort && SortGiven) q.Add(new("sort", SortKey(Sort)));
        if (page is > 1) q.Add(new("page", page.Value.ToString(CultureInfo.InvariantCulture)));
        return q;
    }

    public ListingQuery Toggle(string code, string value)
    {
        var copy = Attributes.ToDictionary(a => a.Key, a => a.Value.ToList(), StringComparer.OrdinalIgnoreCase);
        if (!copy.TryGetValue(code, out var list)) copy[code] = list = [];
        if (!list.Remove(value)) list.Add(value);
        if (list.Count == 0) copy.Remove(code);
        return this with { Attributes = copy.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)a.Value, StringComparer.OrdinalIgnoreCase), Page = 1 };
    }

    public bool IsSelected(string code, string value) =>
        Attributes.TryGetValue(code, out var values) && values.Contains(value, StringComparer.OrdinalIgnoreCase);
}
