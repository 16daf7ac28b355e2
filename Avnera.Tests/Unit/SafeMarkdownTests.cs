using AngleSharp.Html.Parser;
using Avnera.Web.Features.Storefront;

namespace Avnera.Tests.Unit;

/// <summary>Merchant Markdown renders as formatting only: no raw HTML, no script-carrying links.</summary>
public class SafeMarkdownTests
{
    private static AngleSharp.Dom.IDocument Render(string markdown) =>
        new HtmlParser().ParseDocument("<body>" + SafeMarkdown.Render(markdown).Value + "</body>");

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Hello <img src=x onerror=alert(1)> world")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<div onmouseover=\"alert(1)\">hover</div>")]
    public void Render_RawHtml_IsShownAsTextNotInterpreted(string markdown)
    {
        var doc = Render(markdown);
        Assert.Empty(doc.QuerySelectorAll("script, img, iframe, div"));
        Assert.DoesNotContain(doc.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        Assert.Contains("<", doc.Body!.TextContent); // still readable as text
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](java&#x73;cript:alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[click](vbscript:msgbox(1))")]
    [InlineData("[click](//evil.example/path)")]
    [InlineData("[click](/\\evil.example)")]
    [InlineData("<javascript:alert(1)>")]
    public void Render_UnsafeLink_LosesItsAddress(string markdown)
    {
        var link = Assert.Single(Render(markdown).QuerySelectorAll("a"));
        Assert.Equal("#", link.GetAttribute("href"));
    }

    [Fact]
    public void Render_UnsafeImage_LosesItsAddress()
    {
        var img = Assert.Single(Render("![x](javascript:alert(1))").QuerySelectorAll("img"));
        Assert.Equal("#", img.GetAttribute("src"));
    }

    [Fact]
    public void Render_ExternalLink_KeepsAddress_WithNofollowNoopener()
    {
        var link = Assert.Single(Render("[shop](https://example.com/a?b=1)").QuerySelectorAll("a"));
        Assert.Equal("https://example.com/a?b=1", link.GetAttribute("href"));
        Assert.Equal("nofollow noopener", link.GetAttribute("rel"));
    }

    [Theory]
    [InlineData("[size guide](/s/maison-lumiere/pages/sizes)", "/s/maison-lumiere/pages/sizes")]
    [InlineData("[write](mailto:hello@example.com)", "mailto:hello@example.com")]
    [InlineData("[top](#reviews)", "#reviews")]
    public void Render_SafeLink_IsKept(string markdown, string href)
    {
        Assert.Equal(href, Assert.Single(Render(markdown).QuerySelectorAll("a")).GetAttribute("href"));
    }

    [Fact]
    public void Render_Formatting_StillWorks()
    {
        var doc = Render("The **Linen Dress**, *hand finished*.\n\n- Easy care\n- Made to last");
        Assert.Equal("Linen Dress", doc.QuerySelector("strong")!.TextContent);
        Assert.Equal("hand finished", doc.QuerySelector("em")!.TextContent);
        Assert.Equal(2, doc.QuerySelectorAll("li").Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Render_Nothing_RendersNothing(string? markdown)
    {
        Assert.True(string.IsNullOrEmpty(SafeMarkdown.Render(markdown).Value));
    }

    [Theory]
    [InlineData("https://example.com", true)]
    [InlineData("http://example.com", true)]
    [InlineData("/local/path", true)]
    [InlineData("mailto:a@example.com", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData(" javascript:alert(1)", false)]
    [InlineData("//evil.example", false)]
    [InlineData("ftp://example.com", false)]
    [InlineData("data:image/png;base64,AAAA", false)]
    public void IsSafe_AllowsOnlyWebMailAndLocalAddresses(string url, bool safe)
    {
        Assert.Equal(safe, SafeMarkdown.IsSafe(url));
    }

    [Fact]
    public void PlainText_DropsTheMarkup_ForMetaDescriptionsAndStructuredData()
    {
        Assert.Equal("The Linen Dress is cut from linen. Easy to care for Made to last",
            SafeMarkdown.PlainText("The **Linen Dress** is cut from *linen*.\n\n- Easy to care for\n- Made to last"));
        Assert.Equal("", SafeMarkdown.PlainText(null));
    }
}
