namespace Avnera.Web.Features.Storefront.Listing;

/// <summary>
/// A search as answered: what the shopper typed, the words searched for, and whether those are corrections of
/// what was typed (nothing matched as typed, so misspelt words were replaced by the closest words of the catalog).
/// </summary>
public sealed record SearchInfo(string Query, IReadOnlyList<string> Terms, bool Fuzzy)
{
    /// <summary>The words searched for, as a phrase ("linen shirt").</summary>
    public string SearchedFor => string.Join(' ', Terms);
}

public sealed record ListingResult(IReadOnlyList<ProductSummary> Products, int Total, int Page, int PageSize, FacetModel Facets, SearchInfo? Search)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Where a listing draws from: a category (with its subcategories), a collection, or the whole catalog.</summary>
public sealed record ListingScope(CategoryNode? Category = null, CollectionLink? Collection = null);
