using Bunit;
using StatusPage = Avnera.Web.Components.Pages.Status;

namespace Avnera.Tests.Components;

public class StatusTests : BunitContext
{
    [Theory]
    [InlineData(404, "Page not found", "does not exist")]
    [InlineData(503, "This store is unavailable", "not open at the moment")]
    [InlineData(403, "Access denied", "do not have permission")]
    [InlineData(500, "Something went wrong", "could not complete your request")]
    [InlineData(400, "This request cannot be answered", "not meant for this site")]
    [InlineData(414, "This address is too long", "Shorten your search")]
    public void Status_Code_ShowsMatchingHeadingAndExplanation(int code, string heading, string explanation)
    {
        var cut = Render<StatusPage>(p => p.Add(x => x.Code, code));

        Assert.Equal(heading, cut.Find("h1").TextContent);
        Assert.Contains(explanation, cut.Find("section.status-page").TextContent);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(0)]
    public void Status_OtherCode_ShowsGenericError(int code)
    {
        var cut = Render<StatusPage>(p => p.Add(x => x.Code, code));

        Assert.Equal("Something went wrong", cut.Find("h1").TextContent);
    }

    [Fact]
    public void Status_AnyCode_LinksBackToStoreList()
    {
        var cut = Render<StatusPage>(p => p.Add(x => x.Code, 404));

        var link = cut.Find("section.status-page a");
        Assert.Equal("/", link.GetAttribute("href"));
        Assert.Equal("Back to the list of stores", link.TextContent);
    }
}
