namespace Avnera.Web.Features.Storefront.Listing;

/// <summary>
/// The facet panel's model from the listing statement's counts: the scope's child categories with the counts of
/// their subtrees, each filterable attribute's values (a selected group counted without its own selection),
/// the price range and the in-stock count.
/// </summary>
internal static class Facets
{
    public static FacetModel Build(CatalogSkeleton skeleton, ListingScope scope, ListingQuery query, RawListing raw)
    {
        var perCategory = raw.Categories.ToDictionary(c => Guid.Parse(c.Key), c => c.Value);
        var nodes = scope.Category?.Children ?? skeleton.Tree;
        var categories = nodes.Select(n => new CategoryFacet(n, n.SelfAndDescendants().Sum(d => perCategory.GetValueOrDefault(d.Id))))
            .Where(c => c.Count > 0).ToList();

        var attributes = new List<AttributeFacet>();
        foreach (var attribute in skeleton.Attributes)
        {
            var source = raw.SelectedFacets.TryGetValue(attribute.Code, out var own) ? own : raw.Facets;
            var prefix = attribute.Code + ":";
            var values = source.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal))
                .Select(kv => new FacetValue(kv.Key[prefix.Length..], kv.Value, query.IsSelected(attribute.Code, kv.Key[prefix.Length..])));
            // A selected value nothing carries any more still shows (with 0), so it can be unticked.
            if (query.Attributes.TryGetValue(attribute.Code, out var chosen))
                values = values.Concat(chosen.Where(c => !source.ContainsKey(prefix + c)).Select(c => new FacetValue(c, 0, true)));
            var list = OrderValues(values);
            if (list.Count > 0) attributes.Add(new AttributeFacet(attribute.Code, attribute.Name, list));
        }
        var price = raw.MinPrice is { } lo && raw.MaxPrice is { } hi ? new PriceRange(lo, hi) : null;
        return new FacetModel(categories, attributes, price, raw.InStock);
    }

    private static readonly string[] SizeOrder = ["XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL", "Small", "Medium", "Large", "Extra Large"];

    /// <summary>Sizes in size order, everything else alphabetically.</summary>
    private static List<FacetValue> OrderValues(IEnumerable<FacetValue> values) =>
        values.OrderBy(v => Array.FindIndex(SizeOrder, s => s.Equals(v.Value, StringComparison.OrdinalIgnoreCase)) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(v => v.Value, StringComparer.CurrentCultureIgnoreCase).ToList();
}
