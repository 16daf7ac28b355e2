using Avnera.Data.Tenancy;
using Avnera.Tests.Infrastructure;
using Avnera.Web.Features.Storefront.Listing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Avnera.Tests.Integration;

/// <summary>
/// Facet counts of the demo fashion store checked against a brute-force count: the stored catalog read
/// directly (superuser) and filtered in plain C#, one product at a time. Each count must be what the shopper
/// gets by adding that value to the other filters; within a group the values are alternatives (OR), so a
/// selected size's siblings count as if they were chosen instead or as well.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class StorefrontFacetTests(AppAndBrowser fixture)
{
    private const string Slug = "maison-lumiere";

    private sealed record Row(Guid Id, Guid? Category, decimal Price, bool InStock, ILookup<string, string> Values);

    private sealed record Filters(HashSet<Guid>? Categories, Dictionary<string, string[]> Attributes, decimal? Min, decimal? Max, bool InStock);

    private sealed record Catalog(List<Row> Products, List<(Guid Id, Guid? Parent, string Slug)> Categories)
    {
        public HashSet<Guid> Subtree(Guid root)
        {
            var set = new HashSet<Guid> { root };
            for (var grew = true; grew;)
            {
                grew = false;
                foreach (var c in Categories)
                    if (c.Parent is { } p && set.Contains(p) && set.Add(c.Id)) grew = true;
            }
            return set;
        }

        public Guid IdOf(string slug) => Categories.Single(c => c.Slug == slug).Id;
    }

    private static bool Matches(Row p, Filters f, bool exceptCategory = false, string? exceptAttribute = null, bool exceptPrice = false, bool exceptStock = false) =>
        (exceptCategory || f.Categories is null || (p.Category is { } c && f.Categories.Contains(c)))
        && f.Attributes.Where(a => a.Key != exceptAttribute).All(a => p.Values[a.Key].Intersect(a.Value).Any())
        && (exceptPrice || ((f.Min is null || p.Price >= f.Min) && (f.Max is null || p.Price <= f.Max)))
        && (exceptStock || !f.InStock || p.InStock);

    private async Task<Catalog> ReadCatalogAsync(Guid storeId)
    {
        await using var conn = new NpgsqlConnection(fixture.App.Inspect(fixture.App.ProductsDatabase));
        await conn.OpenAsync();
        var values = new List<(Guid Product, string Code, string Value)>();
        await using (var cmd = new NpgsqlCommand("""
            select av.product_id, a.code, av.value from product_attribute_values av
            join product_attributes a on a.store_id = av.store_id and a.id = av.attribute_id
            where av.store_id = $1 and a.is_filterable
            """, conn) { Parameters = { new() { Value = storeId } } })
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) values.Add((r.GetGuid(0), r.GetString(1), r.GetString(2)));
        var byProduct = values.ToLookup(v => v.Product);

        var products = new List<Row>();
        await using (var cmd = new NpgsqlCommand("""
            select p.id, p.category_id, p.price,
                   exists (select 1 from product_variants v where v.store_id = p.store_id and v.product_id = p.id
                           and v.is_active and v.stock_on_hand > v.stock_reserved)
            from products p where p.store_id = $1 and p.status = 'published'
            """, conn) { Parameters = { new() { Value = storeId } } })
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync())
            {
                var id = r.GetGuid(0);
                products.Add(new Row(id, r.IsDBNull(1) ? null : r.GetGuid(1), r.GetDecimal(2), r.GetBoolean(3),
                    byProduct[id].Distinct().ToLookup(v => v.Code, v => v.Value)));
            }

        var categories = new List<(Guid, Guid?, string)>();
        await using (var cmd = new NpgsqlCommand("select id, parent_id, slug from categories where store_id = $1 and is_published", conn)
                     { Parameters = { new() { Value = storeId } } })
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) categories.Add((r.GetGuid(0), r.IsDBNull(1) ? null : r.GetGuid(1), r.GetString(2)));
        return new Catalog(products, categories);
    }

    private async Task<Guid> StoreIdAsync() =>
        (await fixture.App.AppServices.GetRequiredService<StoreRegistry>().FindIdBySlugAsync(Slug))!.Value;

    /// <summary>Every number of the facet panel against the brute force.</summary>
    private static void AssertFacets(Catalog catalog, Filters filters, ListingResult result, IReadOnlyList<(Guid Id, string Slug)> categoryChoices)
    {
        var all = catalog.Products;
        Assert.Equal(all.Count(p => Matches(p, filters)), result.Total);

        foreach (var code in new[] { "colour", "size", "material" })
        {
            var expected = all.Where(p => Matches(p, filters, exceptAttribute: code))
                .SelectMany(p => p.Values[code]).GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());
            var facet = result.Facets.Attributes.SingleOrDefault(a => a.Code == code);
            var actual = facet?.Values.ToDictionary(v => v.Value, v => v.Count) ?? [];
            Assert.Equal(expected.OrderBy(kv => kv.Key), actual.OrderBy(kv => kv.Key));
            foreach (var v in facet?.Values ?? [])
                Assert.Equal(filters.Attributes.TryGetValue(code, out var chosen) && chosen.Contains(v.Value), v.Selected);
        }

        var expectedCategories = categoryChoices
            .Select(c => (c.Slug, Count: all.Count(p => Matches(p, filters, exceptCategory: true) && p.Category is { } pc && catalog.Subtree(c.Id).Contains(pc))))
            .Where(c => c.Count > 0).ToList();
        Assert.Equal(expectedCategories, result.Facets.Categories.Select(c => (c.Node.Slug, c.Count)).ToList());

        var priced = all.Where(p => Matches(p, filters, exceptPrice: true)).ToList();
        Assert.Equal(priced.Min(p => p.Price), result.Facets.Price!.Min);
        Assert.Equal(priced.Max(p => p.Price), result.Facets.Price!.Max);

        Assert.Equal(all.Count(p => Matches(p, filters, exceptStock: true) && p.InStock), result.Facets.InStockCount);
    }

    [Fact]
    public async Task CategoryWithSizeColourPriceAndStockFilters_EveryCountMatchesBruteForce()
    {
        var catalog = await ReadCatalogAsync(await StoreIdAsync());
        var women = catalog.IdOf("women");
        var filters = new Filters(catalog.Subtree(women),
            new() { ["size"] = ["M"], ["colour"] = ["Black", "Navy"] }, 60m, 200m, InStock: true);
        await using var shopper = await StorefrontScope.OpenAsync(fixture.App.AppServices, Slug);

        var result = await shopper.ListAsync("?f_size=M&f_colour=Black&f_colour=Navy&min=60&max=200&instock=1", "women");

        Assert.InRange(result.Total, 2, 200); // a listing worth counting
        // The panel lists Women's subcategories in the store's order; the brute force counts their subtrees.
        var children = (await shopper.Storefront.SkeletonAsync()).BySlug["women"].Children.Select(n => (n.Id, n.Slug)).ToList();
        Assert.Equal(catalog.Categories.Where(c => c.Parent == women).Select(c => c.Id).Order(), children.Select(c => c.Id).Order());
        AssertFacets(catalog, filters, result, children);
        Assert.Contains(result.Facets.Attributes.Single(a => a.Code == "colour").Values, v => !v.Selected && v.Count > 0);
    }

    [Fact]
    public async Task SelectedSize_SiblingSizesCountWhatChoosingThemWouldShow()
    {
        await using var shopper = await StorefrontScope.OpenAsync(fixture.App.AppServices, Slug);
        var catalog = await ReadCatalogAsync(await StoreIdAsync());

        var withM = await shopper.ListAsync("?f_size=M&f_material=Linen");
        var sizes = withM.Facets.Attributes.Single(a => a.Code == "size").Values;
        Assert.True(sizes.Single(v => v.Value == "M").Selected);
        Assert.True(sizes.Count(v => !v.Selected) >= 2, "sibling sizes are still offered while M is selected");
        foreach (var sibling in sizes.Where(v => !v.Selected))
        {
            var instead = await shopper.ListAsync($"?f_size={sibling.Value}&f_material=Linen");
            Assert.Equal(instead.Total, sibling.Count);
            var both = await shopper.ListAsync($"?f_size=M&f_size={sibling.Value}&f_material=Linen");
            var expected = catalog.Products.Count(p => p.Values["material"].Contains("Linen")
                && (p.Values["size"].Contains("M") || p.Values["size"].Contains(sibling.Value)));
            Assert.Equal(expected, both.Total);
        }
        // Products without sizes (bags, scarves) exist, so the material filter alone shows more than any size.
        var linen = await shopper.ListAsync("?f_material=Linen");
        Assert.True(linen.Total > withM.Total);
    }

    [Fact]
    public async Task WholeCatalogWithMaterial_TopCategoriesAndOtherGroupsMatchBruteForce()
    {
        var catalog = await ReadCatalogAsync(await StoreIdAsync());
        await using var shopper = await StorefrontScope.OpenAsync(fixture.App.AppServices, Slug);
        var skeleton = await shopper.Storefront.SkeletonAsync();

        var result = await shopper.ListAsync("?f_material=Linen&f_material=Silk&max=150");

        AssertFacets(catalog, new Filters(null, new() { ["material"] = ["Linen", "Silk"] }, null, 150m, false), result,
            skeleton.Tree.Select(n => (n.Id, n.Slug)).ToList());
    }

    [Fact]
    public async Task NoFilters_CountsEveryPublishedProductOnce()
    {
        var catalog = await ReadCatalogAsync(await StoreIdAsync());
        await using var shopper = await StorefrontScope.OpenAsync(fixture.App.AppServices, Slug);
        var skeleton = await shopper.Storefront.SkeletonAsync();

        var result = await shopper.ListAsync("");

        Assert.Equal(catalog.Products.Count, result.Total);
        AssertFacets(catalog, new Filters(null, [], null, null, false), result, skeleton.Tree.Select(n => (n.Id, n.Slug)).ToList());
        Assert.Equal(result.Total, result.Facets.Categories.Sum(c => c.Count));
    }

    [Fact]
    public async Task AFilterValueWithAControlCharacter_IsIgnored_SoItCannotReachAcrossFacetKeySeparators()
    {
        // facet_key joins a product's facet values with U+001F; a crafted value holding one (or a NUL, which
        // PostgreSQL refuses in text) is dropped with the query string, so the listing is the unfiltered one.
        await using var shopper = await StorefrontScope.OpenAsync(fixture.App.AppServices, Slug);
        var all = await shopper.ListAsync("");
        var crafted = await shopper.ListAsync("?f_size=" + Uri.EscapeDataString("M\u001fcolour:Black"));
        Assert.Equal(all.Total, crafted.Total);
        Assert.DoesNotContain(crafted.Facets.Attributes.SelectMany(a => a.Values), v => v.Selected);
    }

    [Fact]
    public async Task UnknownFilterValues_AreDropped_NeitherFilteringNorOfferedWithZero()
    {
        await using var shopper = await StorefrontScope.OpenAsync(fixture.App.AppServices, Slug);
        var sizeM = await shopper.ListAsync("?f_size=M");

        var withUnknown = await shopper.ListAsync("?f_size=M&f_size=XXXXL&f_colour=Nope&f_nosuchattribute=1");

        Assert.Equal(sizeM.Total, withUnknown.Total);
        var values = withUnknown.Facets.Attributes.SelectMany(a => a.Values.Select(v => a.Code + ":" + v.Value)).ToList();
        Assert.DoesNotContain("size:XXXXL", values);
        Assert.DoesNotContain("colour:Nope", values);
        Assert.Equal(["size:M"], Selected(withUnknown));
    }

    [Fact]
    public async Task AFilterValueInOtherLetterCase_IsTheStoresValue()
    {
        await using var shopper = await StorefrontScope.OpenAsync(fixture.App.AppServices, Slug);
        var black = await shopper.ListAsync("?f_colour=Black");
        var lower = await shopper.ListAsync("?F_COLOUR=black");
        Assert.Equal(black.Total, lower.Total);
        Assert.Equal(["colour:Black"], Selected(lower));
    }

    /// <summary>The ticked facet options, as "code:value".</summary>
    private static IEnumerable<string> Selected(ListingResult result) =>
        result.Facets.Attributes.SelectMany(a => a.Values.Where(v => v.Selected).Select(v => a.Code + ":" + v.Value));
}
