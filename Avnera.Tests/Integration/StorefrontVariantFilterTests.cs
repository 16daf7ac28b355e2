using Avnera.Data.Products;
using Avnera.Data.Security;
using Avnera.Data.Tenancy;
using Avnera.Tests.Infrastructure;
using Avnera.Web.Features.Storefront.Listing;
using Microsoft.Extensions.DependencyInjection;

namespace Avnera.Tests.Integration;

/// <summary>
/// Attribute filters match per variant: "Black" and "M" find a product that has a Black M, not one whose Black
/// comes only in S and whose M only in Navy, nor one whose Black M is no longer sold (inactive). The counts beside
/// each value say what choosing it would give, in listings and in search alike.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class StorefrontVariantFilterTests(AppAndBrowser fixture) : IAsyncLifetime
{
    private string _slug = "";

    public async Task InitializeAsync()
    {
        var services = fixture.App.AppServices;
        _slug = "variants-" + Guid.NewGuid().ToString("N")[..8];
        var store = await TestData.CreateStoreAsync(services, _slug);
        await using var db = await services.GetRequiredService<ITenantDbContextFactory>().CreateProductsAsync(store, DbPrincipal.Service);
        var colour = new ProductAttribute { Code = "colour", Name = "Colour", IsFilterable = true, IsVariantOption = true, Position = 1 };
        var size = new ProductAttribute { Code = "size", Name = "Size", IsFilterable = true, IsVariantOption = true, Position = 2 };
        var material = new ProductAttribute { Code = "material", Name = "Material", IsFilterable = true, Position = 3 };
        db.ProductAttributes.AddRange(colour, size, material);
        void Add(string name, params (string Colour, string Size, bool Active)[] variants)
        {
            var now = DateTimeOffset.UtcNow;
            var product = new Product(now.AddDays(-1)) { Slug = name.ToLowerInvariant().Replace(' ', '-'), Name = name, Price = 50m };
            product.Publish(now.AddDays(-1));
            product.Attributes.Add(new ProductAttributeValue { Attribute = material, Value = "Wool" });
            foreach (var (c, s, active) in variants)
            {
                var variant = TestCatalog.StockedVariant(db, $"{product.Slug}-{c}-{s}".ToUpperInvariant(), $"{c} / {s}", 5, now);
                variant.IsActive = active;
                product.Variants.Add(variant);
                product.Attributes.Add(new ProductAttributeValue { Attribute = colour, Variant = variant, Value = c });
                product.Attributes.Add(new ProductAttributeValue { Attribute = size, Variant = variant, Value = s });
            }
            db.Products.Add(product);
        }
        Add("Wool Jumper Split", ("Black", "S", true), ("Navy", "M", true));   // Black and M, but no Black M
        Add("Wool Jumper Black M", ("Black", "M", true));
        Add("Wool Jumper Retired", ("Navy", "S", true), ("Black", "M", false)); // its Black M is no longer sold
        await db.SaveChangesAsync();
        await ProductSearchIndex.RefreshAsync(db);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<ListingResult> ListAsync(string query)
    {
        await using var shopper = await StorefrontScope.OpenAsync(fixture.App.AppServices, _slug);
        return await shopper.ListAsync(query);
    }

    private static Dictionary<string, int> Counts(ListingResult result, string code) =>
        result.Facets.Attributes.SingleOrDefault(a => a.Code == code)?.Values.ToDictionary(v => v.Value, v => v.Count) ?? [];

    [Theory]
    [InlineData("")]
    [InlineData("q=wool&")]
    public async Task BlackAndM_FindOnlyTheProductWithABlackM(string search)
    {
        var result = await ListAsync($"?{search}f_colour=Black&f_size=M");
        Assert.Equal(["Wool Jumper Black M"], result.Products.Select(p => p.Name));
        // Each group counts what choosing its values instead would give, with the other group kept.
        Assert.Equal(new Dictionary<string, int> { ["Black"] = 1, ["Navy"] = 1 }, Counts(result, "colour")); // M in Black: 1; M in Navy: Split
        Assert.Equal(new Dictionary<string, int> { ["S"] = 1, ["M"] = 1 }, Counts(result, "size"));          // Black in S: Split; Black in M: 1
        Assert.Equal(new Dictionary<string, int> { ["Wool"] = 1 }, Counts(result, "material"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("q=wool&")]
    public async Task Black_LeavesOutTheProductWhoseOnlyBlackIsRetired(string search)
    {
        var result = await ListAsync($"?{search}f_colour=Black");
        Assert.Equal(["Wool Jumper Black M", "Wool Jumper Split"], result.Products.Select(p => p.Name).Order());
        Assert.Equal(new Dictionary<string, int> { ["S"] = 1, ["M"] = 1 }, Counts(result, "size")); // sizes that come in Black
        Assert.Equal(new Dictionary<string, int> { ["Black"] = 2, ["Navy"] = 2 }, Counts(result, "colour"));
    }

    [Fact]
    public async Task WithoutFilters_EveryActiveValueCountsItsProducts()
    {
        var result = await ListAsync("");
        Assert.Equal(3, result.Total);
        Assert.Equal(new Dictionary<string, int> { ["Black"] = 2, ["Navy"] = 2 }, Counts(result, "colour"));
        Assert.Equal(new Dictionary<string, int> { ["S"] = 2, ["M"] = 2 }, Counts(result, "size"));
    }

    [Fact]
    public async Task TwoSizes_AreAlternatives_WithinTheChosenColour()
    {
        var result = await ListAsync("?f_colour=Navy&f_size=S&f_size=M");
        Assert.Equal(["Wool Jumper Retired", "Wool Jumper Split"], result.Products.Select(p => p.Name).Order());
    }
}
