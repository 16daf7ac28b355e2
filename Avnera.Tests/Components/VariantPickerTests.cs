using Avnera.Web.Features.Storefront.Products;
using Bunit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Avnera.Tests.Components;

/// <summary>Size/colour choice: labelled radio groups in a GET form, sold-out values said, choices read forgivingly.</summary>
public class VariantPickerTests : BunitContext
{
    private static VariantModel V(string colour, string size, int available) =>
        new(Guid.NewGuid(), $"ML-1-{colour[..4].ToUpperInvariant()}-{size}", $"{colour} / {size}", 79.9m, available,
            new Dictionary<string, string> { ["colour"] = colour, ["size"] = size });

    // Black: S and M in stock, L sold out. Navy: only L in stock.
    private static readonly VariantModel[] Variants =
        [V("Black", "S", 3), V("Black", "M", 1), V("Black", "L", 0), V("Navy", "S", 0), V("Navy", "M", 0), V("Navy", "L", 4)];

    private static readonly OptionGroup[] Options = [new("colour", "Colour", ["Black", "Navy"]), new("size", "Size", ["S", "M", "L"])];

    private IRenderedComponent<VariantPicker> RenderPicker(Dictionary<string, string> chosen, string? language = null) =>
        Render<VariantPicker>(p => p
            .Add(x => x.Options, Options)
            .Add(x => x.Variants, Variants)
            .Add(x => x.Chosen, chosen)
            .Add(x => x.Action, "/s/maison-lumiere/p/linen-dress")
            .Add(x => x.Language, language));

    private static IReadOnlyDictionary<string, string> Choose(string query) =>
        VariantPicker.Choose(new QueryCollection(QueryHelpers.ParseQuery(query)), Options, Variants);

    [Fact]
    public void Render_OneRadioGroupPerOption_InAGetFormToTheProduct()
    {
        var cut = RenderPicker(new() { ["colour"] = "Black", ["size"] = "M" });
        var form = cut.Find("form");
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/s/maison-lumiere/p/linen-dress", form.GetAttribute("action"));
        var groups = cut.FindAll("fieldset");
        Assert.Equal(2, groups.Count);
        Assert.Equal(["o_colour", "o_colour"], groups[0].QuerySelectorAll("input[type=radio]").Select(r => r.GetAttribute("name")));
        Assert.Equal(["S", "M", "L"], groups[1].QuerySelectorAll("input[type=radio]").Select(r => r.GetAttribute("value")));
        Assert.NotNull(cut.Find("button[type=submit]"));
    }

    [Fact]
    public void Render_EveryRadio_HasItsOwnLabel()
    {
        var cut = RenderPicker(new() { ["colour"] = "Black", ["size"] = "M" });
        var radios = cut.FindAll("input[type=radio]");
        Assert.Equal(radios.Count, radios.Select(r => r.Id).Distinct().Count());
        Assert.All(radios, r => Assert.NotNull(cut.Find($"label[for='{r.Id}']")));
    }

    [Fact]
    public void Render_ChosenValues_AreCheckedAndNamedInTheLegend()
    {
        var cut = RenderPicker(new() { ["colour"] = "Navy", ["size"] = "L" });
        Assert.Equal(["Navy", "L"], cut.FindAll("input[type=radio][checked]").Select(r => r.GetAttribute("value")));
        Assert.Equal(["Colour: Navy", "Size: L"], cut.FindAll("legend").Select(l => l.TextContent.Trim()));
    }

    [Fact]
    public void Render_SoldOutWithTheOtherChoice_IsMarkedAndSaidToScreenReaders()
    {
        var cut = RenderPicker(new() { ["colour"] = "Black", ["size"] = "M" });
        // With Black chosen, L is sold out; S and M are not.
        var sizes = cut.FindAll("fieldset")[1].QuerySelectorAll("label");
        Assert.Equal([false, false, true], sizes.Select(l => l.ClassList.Contains("sold-out")));
        Assert.Equal("L (sold out)", sizes[2].TextContent.Trim());
        Assert.Equal("(sold out)", sizes[2].QuerySelector(".visually-hidden")!.TextContent.Trim());
        // With M chosen, Navy is sold out (Navy/M has none).
        var colours = cut.FindAll("fieldset")[0].QuerySelectorAll("label");
        Assert.Equal([false, true], colours.Select(l => l.ClassList.Contains("sold-out")));
    }

    [Fact]
    public void Render_OtherLanguage_IsKeptAsHiddenField()
    {
        Assert.Equal("fr", RenderPicker(new() { ["colour"] = "Black" }, "fr").Find("input[type=hidden][name=lang]").GetAttribute("value"));
        Assert.Empty(RenderPicker(new() { ["colour"] = "Black" }).FindAll("input[type=hidden]"));
    }

    [Fact]
    public void Choose_FromQuery_KnownValuesAnyCase()
    {
        var chosen = Choose("?o_colour=navy&o_size=l");
        Assert.Equal("Navy", chosen["colour"]);
        Assert.Equal("L", chosen["size"]);
    }

    [Fact]
    public void Choose_NothingAsked_TakesTheFirstInStockVariant()
    {
        var chosen = Choose("");
        Assert.Equal("Black", chosen["colour"]);
        Assert.Equal("S", chosen["size"]);
    }

    [Theory]
    [InlineData("?o_colour=Purple&o_size=XXL")]
    [InlineData("?o_colour=%00&o_size=%3Cscript%3E")]
    [InlineData("?o_=Black&colour=Navy")]
    public void Choose_UnknownValues_AreIgnored(string query)
    {
        var chosen = Choose(query);
        Assert.Equal("Black", chosen["colour"]);
        Assert.Equal("S", chosen["size"]);
    }

    [Fact]
    public void Choose_PartialChoice_KeepsOnlyWhatWasAsked()
    {
        var chosen = Choose("?o_size=L&o_colour=Purple");
        Assert.Equal("L", chosen["size"]);
        Assert.False(chosen.ContainsKey("colour"));
    }
}
