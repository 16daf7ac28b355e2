using Avnera.Web.Features.Storefront;
using Avnera.Web.Features.Storefront.Listing;
using Bunit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Avnera.Tests.Components;

/// <summary>The filter form: a plain GET form whose controls are labelled, checked as the URL says, and counted.</summary>
public class FacetPanelTests : BunitContext
{
    private static readonly CategoryNode Dresses = new(Guid.NewGuid(), null, "dresses", "Dresses", null, []);
    private static readonly CategoryNode Tops = new(Guid.NewGuid(), null, "tops", "Tops", null, []);

    private static FacetModel Facets(bool withCategories = true) => new(
        withCategories ? [new CategoryFacet(Dresses, 12), new CategoryFacet(Tops, 3)] : [],
        [
            new AttributeFacet("size", "Size", [new FacetValue("S", 4, false), new FacetValue("M", 7, true), new FacetValue("L", 5, false)]),
            new AttributeFacet("colour", "Colour", [new FacetValue("<b>Black</b>", 2, false)]),
        ],
        new PriceRange(19.9m, 240.5m), 9);

    private static ListingQuery Query(string query) => ListingQuery.Parse(new QueryCollection(QueryHelpers.ParseQuery(query)));

    private IRenderedComponent<FacetPanel> RenderPanel(string query = "?f_size=M", FacetModel? facets = null, string? language = null) =>
        Render<FacetPanel>(p => p
            .Add(x => x.Facets, facets ?? Facets())
            .Add(x => x.Query, Query(query))
            .Add(x => x.Action, "/s/maison-lumiere/c/women")
            .Add(x => x.CategoryUrl, c => "/s/maison-lumiere/c/" + c.Slug)
            .Add(x => x.Language, language));

    [Fact]
    public void Render_IsAGetFormToTheListing()
    {
        var form = RenderPanel().Find("form");
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/s/maison-lumiere/c/women", form.GetAttribute("action"));
        Assert.Equal("Filter products", form.GetAttribute("aria-label"));
        Assert.NotNull(RenderPanel().Find("button[type=submit]"));
    }

    [Fact]
    public void Render_AttributeValues_AreLabelledCheckboxesWithCounts_SelectedOnesChecked()
    {
        var cut = RenderPanel("?f_size=M");
        var sizes = cut.FindAll("fieldset").Single(f => f.QuerySelector("legend")!.TextContent == "Size");
        var boxes = sizes.QuerySelectorAll("input[type=checkbox]");
        Assert.Equal(["S", "M", "L"], boxes.Select(b => b.GetAttribute("value")));
        Assert.All(boxes, b => Assert.Equal("f_size", b.GetAttribute("name")));
        Assert.Equal(["M"], boxes.Where(b => b.HasAttribute("checked")).Select(b => b.GetAttribute("value")));
        foreach (var box in boxes)
        {
            var label = sizes.QuerySelector($"label[for='{box.Id}']");
            Assert.NotNull(label);
        }
        Assert.Equal(["S (4)", "M (7)", "L (5)"], sizes.QuerySelectorAll("label").Select(l => l.TextContent.Trim()));
    }

    [Fact]
    public void Render_ControlIds_AreUniqueAcrossGroups()
    {
        var ids = RenderPanel().FindAll("input[id]").Select(i => i.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Render_ValueWithMarkup_IsText()
    {
        var cut = RenderPanel();
        Assert.Empty(cut.FindAll("label b"));
        Assert.Equal("<b>Black</b>", cut.Find("input[name=f_colour]").GetAttribute("value"));
    }

    [Fact]
    public void Render_Categories_AreLinksWithCounts()
    {
        var links = RenderPanel().FindAll(".facet-links a");
        Assert.Equal(["/s/maison-lumiere/c/dresses", "/s/maison-lumiere/c/tops"], links.Select(a => a.GetAttribute("href")));
        Assert.Equal(["Dresses 12", "Tops 3"], links.Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public void Render_NoCategories_NoCategorySection()
    {
        Assert.Empty(RenderPanel(facets: Facets(withCategories: false)).FindAll(".facet-links"));
    }

    [Fact]
    public void Render_PriceRange_ShowsTheCurrentFilterAndTheRangeAsHints()
    {
        var cut = RenderPanel("?min=25&max=100");
        var min = cut.Find("#f-min");
        var max = cut.Find("#f-max");
        Assert.Equal("25", min.GetAttribute("value"));
        Assert.Equal("100", max.GetAttribute("value"));
        Assert.Equal("19", min.GetAttribute("placeholder"));
        Assert.Equal("241", max.GetAttribute("placeholder"));
        Assert.Equal("From", cut.Find("label[for=f-min]").TextContent);
        Assert.Equal("to", cut.Find("label[for=f-max]").TextContent);
    }

    [Theory]
    [InlineData("?instock=1", true)]
    [InlineData("", false)]
    public void Render_InStock_CheckedAsTheUrlSays_WithItsCount(string query, bool isChecked)
    {
        var cut = RenderPanel(query);
        Assert.Equal(isChecked, cut.Find("#f-instock").HasAttribute("checked"));
        Assert.Equal("In stock only (9)", cut.Find("label[for=f-instock]").TextContent.Trim());
    }

    [Fact]
    public void Render_KeepsSearchSortAndLanguage_AsHiddenFields()
    {
        var cut = RenderPanel("?q=linen&sort=price-asc&f_size=M", language: "fr");
        var hidden = cut.FindAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value"));
        Assert.Equal("linen", hidden["q"]);
        Assert.Equal("price-asc", hidden["sort"]);
        Assert.Equal("fr", hidden["lang"]);
    }

    [Fact]
    public void Render_DefaultSortAndLanguage_AreNotRepeated()
    {
        var cut = RenderPanel("?f_size=M");
        Assert.Empty(cut.FindAll("input[type=hidden]"));
    }

    [Fact]
    public void Render_WithFilters_ClearLinkKeepsSearchSortAndLanguageOnly()
    {
        var cut = RenderPanel("?q=linen&sort=rating&f_size=M&min=10&instock=1", language: "fr");
        var clear = cut.FindAll("a").Single(a => a.TextContent == "Clear filters");
        Assert.Equal("/s/maison-lumiere/c/women?q=linen&sort=rating&lang=fr", clear.GetAttribute("href"));
    }

    [Fact]
    public void Render_WithoutFilters_NoClearLink()
    {
        Assert.DoesNotContain(RenderPanel("?q=linen").FindAll("a"), a => a.TextContent == "Clear filters");
    }
}
