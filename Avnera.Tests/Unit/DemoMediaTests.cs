using System.Xml.Linq;
using Avnera.Web.Features.Demo;

namespace Avnera.Tests.Unit;

public class DemoMediaTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static TheoryData<string> Shapes() => [.. DemoMedia.ShapeNames];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Render_KnownShape_ReturnsWellFormedSvgInTheColour(string shape)
    {
        var svg = DemoMedia.Render(shape, "8a2be2");

        Assert.NotNull(svg);
        var doc = XDocument.Parse(svg);
        Assert.Equal(Svg + "svg", doc.Root!.Name);
        Assert.Equal("0 0 400 400", doc.Root.Attribute("viewBox")?.Value);
        var path = Assert.Single(doc.Root.Elements(Svg + "path"));
        Assert.Equal("#8a2be2", path.Attribute("fill")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(path.Attribute("d")?.Value));
    }

    [Fact]
    public void ShapeNames_AreTheDemoCatalogShapes()
    {
        Assert.Equal(20, DemoMedia.ShapeNames.Count);
        Assert.Contains("dress", DemoMedia.ShapeNames);
        Assert.Contains("candle", DemoMedia.ShapeNames);
    }

    [Fact]
    public void Render_DifferentShapes_DrawDifferentPaths()
    {
        var paths = DemoMedia.ShapeNames
            .Select(s => XDocument.Parse(DemoMedia.Render(s, "336699")!).Root!.Element(Svg + "path")!.Attribute("d")!.Value)
            .ToList();

        Assert.Equal(paths.Count, paths.Distinct().Count());
    }

    [Theory]
    [InlineData("000000", "#d8d8d8", "none")]
    [InlineData("ffffff", "#ffffff", "#9aa3b2")]
    [InlineData("ff0000", "#ffd8d8", "none")]
    public void Render_Colour_PaintsPaleTintBehindAndOutlinesLightProducts(string hex, string background, string stroke)
    {
        var root = XDocument.Parse(DemoMedia.Render("mug", hex)!).Root!;

        Assert.Equal(background, root.Element(Svg + "rect")?.Attribute("fill")?.Value);
        Assert.Equal(stroke, root.Element(Svg + "path")?.Attribute("stroke")?.Value);
    }

    [Fact]
    public void Render_SameInput_GivesSamePicture()
    {
        Assert.Equal(DemoMedia.Render("lamp", "c0ffee"), DemoMedia.Render("lamp", "c0ffee"));
    }

    [Theory]
    [InlineData("unicorn")]
    [InlineData("")]
    [InlineData("Dress")]
    [InlineData("../dress")]
    public void Render_UnknownShape_ReturnsNull(string shape)
    {
        Assert.Null(DemoMedia.Render(shape, "aabbcc"));
    }

    [Theory]
    [InlineData("zzzzzz")]
    [InlineData("<script>")]
    [InlineData("\"/><script>alert(1)</script>")]
    [InlineData("abc")]
    [InlineData("aabbccdd")]
    [InlineData("#aabbcc")]
    [InlineData("")]
    [InlineData("AABBCC")]
    public void Render_InvalidColour_ReturnsNull(string hex)
    {
        Assert.Null(DemoMedia.Render("dress", hex));
    }

    [Fact]
    public void Url_ColourWithHashAndCapitals_IsNormalised()
    {
        Assert.Equal("/media/demo/vase/aabbcc.svg", DemoMedia.Url("vase", "#AABBCC"));
    }
}
