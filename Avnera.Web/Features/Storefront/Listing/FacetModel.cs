namespace Avnera.Web.Features.Storefront.Listing;

public sealed record FacetValue(string Value, int Count, bool Selected);
public sealed record AttributeFacet(string Code, string Name, IReadOnlyList<FacetValue> Values);
public sealed record CategoryFacet(CategoryNode Node, int Count);
public sealed record PriceRange(decimal Min, decimal Max);

/// <summary>Facet counts: each group counts what the shopper would get by adding that value to the other filters.</summary>
public sealed record FacetModel(IReadOnlyList<CategoryFacet> Categories, IReadOnlyList<AttributeFacet> Attributes, PriceRange? Price, int InStockCount)
{
    public static FacetModel Empty { get; } = new([], [], null, 0);
}
