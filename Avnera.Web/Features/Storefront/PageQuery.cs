using Avnera.Web.Features.Storefront.Listing;
using Avnera.Web.Features.Storefront.Products;

namespace Avnera.Web.Features.Storefront;

/// <summary>
/// The query of the storefront page being rendered, as the page understood it: the listing's parameters read and
/// restricted to the store's filters, and what links back to this page carry (sign in and come back, change the
/// language, save to the wishlist). A page repeats its address in many places (every card's wishlist button), so
/// it repeats what it understood, never what was sent: a 10 KB search or a made-up filter would otherwise be
/// copied into every link. Kept per request; components pass the request's query (they have no HttpContext
/// accessor).
/// </summary>
public sealed class PageQuery(StorefrontContext storefront, ListingFilters filters)
{
    private const int MaxOptions = 10;
    private const int MaxOptionLength = 100;

    private IQueryCollection? _query;
    private Task<ListingQuery>? _listing;
    private Task<string>? _backUrl;

    /// <summary>The listing parameters of <paramref name="query"/>, with only the store's filters.</summary>
    public Task<ListingQuery> ListingAsync(IQueryCollection query, CancellationToken ct = default)
    {
        if (_listing is null || !ReferenceEquals(_query, query))
        {
            _query = query;
            _listing = filters.RestrictAsync(ListingQuery.Parse(query), ct);
        }
        return _listing;
    }

    /// <summary>
    /// What a link back to this page carries: the listing's parameters as understood (the page number unless
    /// <paramref name="keepPage"/> is false), the product page's option choices (o_*) when short, and the page
    /// language when it is not the store's default and <paramref name="keepLanguage"/>. Nothing else: notices,
    /// campaign tags and unknown parameters are not repeated.
    /// </summary>
    public async Task<List<KeyValuePair<string, string?>>> EchoAsync(IQueryCollection query, bool keepPage = true, bool keepLanguage = true)
    {
        var listing = await ListingAsync(query);
        var echo = listing.ToQuery(keepPage ? listing.Page : null);
        echo.AddRange(query.Where(q => q.Key.StartsWith(VariantPicker.Prefix, StringComparison.OrdinalIgnoreCase) && q.Key.Length <= MaxOptionLength)
            .Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString()))
            .Where(q => q.Value!.Length is > 0 and <= MaxOptionLength && !q.Value.Any(char.IsControl))
            .Take(MaxOptions));
        if (keepLanguage && !storefront.IsDefaultLanguage) echo.Add(new("lang", storefront.Language));
        return echo;
    }

    /// <summary>This page's address as the visitor sees it, with <see cref="EchoAsync"/>'s query: where to come back to.</summary>
    public Task<string> BackUrlAsync(HttpRequest request)
    {
        if (_backUrl is null || !ReferenceEquals(_query, request.Query)) _backUrl = BuildBackUrlAsync(request);
        return _backUrl;
    }

    private async Task<string> BuildBackUrlAsync(HttpRequest request) =>
        storefront.VisitorPath(request) + QueryString.Create(await EchoAsync(request.Query));
}
