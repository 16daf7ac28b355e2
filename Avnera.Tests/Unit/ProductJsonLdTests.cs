using System.Globalization;
using System.Text.Json;
using Avnera.Web.Features.Storefront;
using Avnera.Web.Features.Storefront.Products;

namespace Avnera.Tests.Unit;

/// <summary>schema.org data is valid JSON that cannot break out of its script element.</summary>
public class ProductJsonLdTests
{
    private static readonly StoreSettings Store = new(Guid.NewGuid(), "maison-lumiere", "Maison Lumière", "EUR", "fr-FR", "en", ["en", "fr"], null, new StoreTheme(null, null));

    private static ProductDetails Product(string name = "Linen Dress", string? description = "A **linen** dress.", int ratingCount = 0,
        string? brand = "Lumière", params VariantModel[] variants) =>
        new(Guid.NewGuid(), "linen-dress", name, brand, description, 79.90m, null, null,
            [new ProductImageModel("/media/demo/dress/1f1f24.svg", "Linen dress", null), new ProductImageModel("https://cdn.example/x.jpg", "x", null)],
            variants.Length > 0 ? variants : [new VariantModel(Guid.NewGuid(), "ML-1-BLAC-M", "Black / M", 79.90m, 3, new Dictionary<string, string>())],
            [], [], 4.25m, ratingCount, DateTimeOffset.UtcNow);

    private static JsonElement Build(ProductDetails product) =>
        JsonDocument.Parse(ProductJsonLd.Build(product, Store, "https://shop.example", "/s/maison-lumiere/p/linen-dress")).RootElement;

    [Theory]
    [InlineData("</script><script>alert(1)</script>")]
    [InlineData("<!-- x")]
    [InlineData("Tom & Jerry's \"best\" dress")]
    [InlineData("\u2028line\u2029separators")]
    public void Build_HostileName_CannotCloseTheScriptElement_AndSurvivesAsData(string name)
    {
        var json = ProductJsonLd.Build(Product(name, description: name, brand: name), Store, "https://shop.example", "/s/x/p/y");
        Assert.DoesNotContain("<", json);
        Assert.DoesNotContain(">", json);
        Assert.DoesNotContain("&", json);
        Assert.DoesNotContain("'", json);
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal(name, root.GetProperty("name").GetString());
        Assert.Equal(name, root.GetProperty("brand").GetProperty("name").GetString());
    }

    [Fact]
    public void Build_IsAProductWithAbsoluteUrlsAndImages()
    {
        var root = Build(Product());
        Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
        Assert.Equal("Product", root.GetProperty("@type").GetString());
        Assert.Equal("https://shop.example/s/maison-lumiere/p/linen-dress", root.GetProperty("url").GetString());
        Assert.Equal(["https://shop.example/media/demo/dress/1f1f24.svg", "https://cdn.example/x.jpg"],
            root.GetProperty("image").EnumerateArray().Select(i => i.GetString()));
    }

    [Fact]
    public void Build_OneOfferPerVariant_PricedInvariantlyWhateverTheServerCulture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            var root = Build(Product(variants:
            [
                new VariantModel(Guid.NewGuid(), "ML-1-BLAC-M", "Black / M", 1234.5m, 2, new Dictionary<string, string>()),
                new VariantModel(Guid.NewGuid(), "ML-1-BLAC-L", "Black / L", 79.9m, 0, new Dictionary<string, string>()),
            ]));
            var offers = root.GetProperty("offers").EnumerateArray().ToList();
            Assert.Equal(["1234.50", "79.90"], offers.Select(o => o.GetProperty("price").GetString()));
            Assert.All(offers, o => Assert.Equal("EUR", o.GetProperty("priceCurrency").GetString()));
            Assert.Equal(["https://schema.org/InStock", "https://schema.org/OutOfStock"], offers.Select(o => o.GetProperty("availability").GetString()));
            Assert.Equal("ML-1-BLAC-M", root.GetProperty("sku").GetString());
        }
        finally { CultureInfo.CurrentCulture = saved; }
    }

    [Fact]
    public void Build_Rated_HasAggregateRating_Unrated_HasNone()
    {
        var rated = Build(Product(ratingCount: 7)).GetProperty("aggregateRating");
        Assert.Equal("4.3", rated.GetProperty("ratingValue").GetString());
        Assert.Equal(7, rated.GetProperty("reviewCount").GetInt32());
        Assert.False(Build(Product(ratingCount: 0)).TryGetProperty("aggregateRating", out _));
    }

    [Fact]
    public void Build_LongDescription_IsCut_MissingOnesAreLeftOut()
    {
        Assert.Equal(500, Build(Product(description: new string('x', 2000))).GetProperty("description").GetString()!.Length);
        var bare = Build(Product(description: null, brand: null));
        Assert.False(bare.TryGetProperty("description", out _));
        Assert.False(bare.TryGetProperty("brand", out _));
    }
}
