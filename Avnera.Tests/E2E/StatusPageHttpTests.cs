using System.Net;
using AngleSharp.Html.Parser;
using Avnera.Tests.Infrastructure;
using Avnera.Web.Hosting;

namespace Avnera.Tests.E2E;

/// <summary>Refused requests answer with the status page, not an empty body: too long an address, an unknown host.</summary>
[Collection(E2ECollection.Name)]
public sealed class StatusPageHttpTests(AppAndBrowser fixture)
{
    private static async Task<string?> HeadingAsync(HttpResponseMessage response) =>
        (await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync())).QuerySelector("h1")?.TextContent.Trim();

    [Theory]
    [InlineData(RequestTargetLimitMiddleware.MaxTargetLength + 1)]
    [InlineData(64 * 1024)]
    [InlineData(512 * 1024)]
    public async Task TooLongAnAddress_Answers414WithTheStatusPage(int length)
    {
        using var client = fixture.App.CreateClient();
        var path = "s/maison-lumiere/search?q=";
        var response = await client.GetAsync(path + new string('a', length - path.Length));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Equal("This address is too long", await HeadingAsync(response));
        Assert.NotNull(response.Content.Headers.ContentType);
    }

    [Fact]
    public async Task AddressUpToTheLimit_IsAnswered()
    {
        using var client = fixture.App.CreateClient();
        var path = "/s/maison-lumiere/search?q=";
        var response = await client.GetAsync(path.TrimStart('/') + new string('a', RequestTargetLimitMiddleware.MaxTargetLength - path.Length));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task StatusPages_LookRight()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        var response = await page.GotoAsync("/s/maison-lumiere/search?q=" + new string('x', 20_000));
        Assert.Equal(414, response!.Status);
        await Browser.ScreenshotAsync(page, "status-414");
        // A browser cannot forge Host: the page curl got for evil.example is shown in its place (its styles load as usual).
        using var client = fixture.App.CreateClient();
        using var forged = new HttpRequestMessage(HttpMethod.Get, "login");
        forged.Headers.Host = "evil.example";
        var html = await (await client.SendAsync(forged)).Content.ReadAsStringAsync();
        await page.RouteAsync("**/forged-host", route => route.FulfillAsync(new() { Status = 400, ContentType = "text/html", Body = html }));
        Assert.Equal(400, (await page.GotoAsync("/forged-host"))!.Status);
        await Browser.ScreenshotAsync(page, "status-400");
    }
}
