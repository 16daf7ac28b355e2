using System.Text.RegularExpressions;
using Avnera.Web.Features.Storefront;
using Bunit;

namespace Avnera.Tests.Components;

public class ProductCardTests : BunitContext
{
    private static ProductCardModel Model(
        string name = "Robe Lin", string? brand = "Maison Lumière", decimal price = 79.90m, decimal? compareAt = null,
        string? imageUrl = "/media/demo/dress/8a2be2.svg", string? imageAlt = "Robe en lin violette", bool inStock = true,
        decimal rating = 0m, int ratingCount = 0) =>
        new("robe-lin", name, brand, price, compareAt, imageUrl, imageAlt, inStock, rating, ratingCount);

    private IRenderedComponent<ProductCard> RenderCard(ProductCardModel product, string currency = "EUR", string culture = "fr-FR") =>
        Render<ProductCard>(p => p
            .Add(x => x.Product, product)
            .Add(x => x.Currency, currency)
            .Add(x => x.Culture, culture));

    private static string Spaces(string s) => Regex.Replace(s, @"[\s\u00A0\u202F]+", " ").Trim();

    [Fact]
    public void ProductCard_Product_ShowsNameAndBrand()
    {
        var cut = RenderCard(Model());

        Assert.Equal("Robe Lin", cut.Find("h3.name").TextContent);
        Assert.Equal("Maison Lumière", cut.Find("p.brand").TextContent);
    }

    [Fact]
    public void ProductCard_NoBrand_OmitsBrandLine()
    {
        var cut = RenderCard(Model(brand: null));

        Assert.Empty(cut.FindAll("p.brand"));
    }

    [Fact]
    public void ProductCard_FrenchEuroStore_FormatsPriceTheFrenchWay()
    {
        var cut = RenderCard(Model(price: 79.90m), "EUR", "fr-FR");

        Assert.Equal("79,90 €", Spaces(cut.Find("span.now").TextContent));
    }

    [Fact]
    public void ProductCard_UsDollarStore_FormatsPriceTheUsWay()
    {
        var cut = RenderCard(Model(price: 1249.5m), "USD", "en-US");

        Assert.Equal("$1,249.50", cut.Find("span.now").TextContent);
    }

    [Fact]
    public void ProductCard_Image_HasSourceAndAltText()
    {
        var cut = RenderCard(Model());

        var img = cut.Find("img");
        Assert.Equal("/media/demo/dress/8a2be2.svg", img.GetAttribute("src"));
        Assert.Equal("Robe en lin violette", img.GetAttribute("alt"));
    }

    [Fact]
    public void ProductCard_ImageWithoutAltText_UsesProductNameAsAlt()
    {
        var cut = RenderCard(Model(imageAlt: null));

        Assert.Equal("Robe Lin", cut.Find("img").GetAttribute("alt"));
    }

    [Fact]
    public void ProductCard_NoImage_RendersNoBrokenImage()
    {
        var cut = RenderCard(Model(imageUrl: null));

        Assert.Empty(cut.FindAll("img"));
    }

    [Fact]
    public void ProductCard_CompareAtHigherThanPrice_ShowsStruckThroughOldPrice()
    {
        var cut = RenderCard(Model(price: 59.90m, compareAt: 79.90m), "USD", "en-US");

        var was = cut.Find("s.was");
        Assert.Equal("$79.90", was.TextContent);
        Assert.Equal("Was $79.90", was.GetAttribute("aria-label"));
        Assert.Equal("$59.90", cut.Find("span.now").TextContent);
    }

    [Theory]
    [InlineData(79.90)]
    [InlineData(50.00)]
    public void ProductCard_CompareAtNotHigherThanPrice_ShowsNoOldPrice(double compareAt)
    {
        var cut = RenderCard(Model(price: 79.90m, compareAt: (decimal)compareAt));

        Assert.Empty(cut.FindAll("s"));
    }

    [Fact]
    public void ProductCard_NoCompareAt_ShowsNoOldPrice()
    {
        var cut = RenderCard(Model(compareAt: null));

        Assert.Empty(cut.FindAll("s"));
    }

    [Fact]
    public void ProductCard_Rated_ShowsAverageAndCount()
    {
        var cut = RenderCard(Model(rating: 4.5m, ratingCount: 12));

        var rating = Spaces(cut.Find("span.rating").TextContent);
        Assert.Matches(@"^★ 4[.,]5 \(12\)$", rating);
    }

    [Fact]
    public void ProductCard_NoRatings_ShowsNoRating()
    {
        var cut = RenderCard(Model(rating: 0m, ratingCount: 0));

        Assert.Empty(cut.FindAll(".rating"));
        Assert.DoesNotContain("★", cut.Markup);
    }

    [Fact]
    public void ProductCard_OutOfStock_SaysSo()
    {
        var cut = RenderCard(Model(inStock: false));

        Assert.Equal("Out of stock", cut.Find(".stock.out").TextContent);
    }

    [Fact]
    public void ProductCard_InStock_DoesNotSayOutOfStock()
    {
        var cut = RenderCard(Model(inStock: true));

        Assert.Empty(cut.FindAll(".stock"));
        Assert.DoesNotContain("Out of stock", cut.Markup);
    }

    [Fact]
    public void ProductCard_NameWithMarkup_IsShownAsText()
    {
        var cut = RenderCard(Model(name: "<b>Bold</b> & bright"));

        Assert.Empty(cut.FindAll("h3.name b"));
        Assert.Equal("<b>Bold</b> & bright", cut.Find("h3.name").TextContent);
    }
}
