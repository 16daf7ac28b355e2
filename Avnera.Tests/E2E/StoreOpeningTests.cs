using System.Net;
using AngleSharp.Html.Parser;
using Avnera.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Avnera.Tests.E2E;

/// <summary>
/// Opening a store from /account/stores/new, also posted by hand: addresses the platform uses are refused, and one
/// person may own only so many stores (Avnera:Stores:MaxPerPerson, 3 here as by default).
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class StoreOpeningTests(AppAndBrowser fixture)
{
    private static string NewEmail() => $"open-{Guid.NewGuid():N}"[..17] + "@example.com";

    private static async Task<HttpResponseMessage> OpenAsync(FormClient curl, string slug) =>
        await curl.PostFormAsync("/account/stores/new", "new-store", new Dictionary<string, string>
        {
            ["Input.Name"] = "Store " + slug, ["Input.Slug"] = slug, ["Input.Currency"] = "EUR",
        });

    private static async Task<string?> AlertAsync(HttpResponseMessage response) =>
        (await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync())).QuerySelector("[role=alert]")?.TextContent.Trim();

    private async Task<FormClient> SignedInAsync()
    {
        var email = NewEmail();
        await fixture.App.CreateConfirmedAccountAsync(email, "opening password 1");
        var curl = new FormClient(fixture.App.BaseUrl);
        await curl.SignInAsync(email, "opening password 1");
        return curl;
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("api")]
    [InlineData("platform")]
    [InlineData("www")]
    [InlineData("login")]
    [InlineData("account")]
    [InlineData("s")]
    [InlineData("static")]
    [InlineData("assets")]
    [InlineData("healthz")]
    [InlineData("readyz")]
    [InlineData("webhooks")]
    [InlineData("Admin")]
    public async Task ReservedAddress_IsRefusedWithAClearMessage(string slug)
    {
        using var curl = await SignedInAsync();
        var response = await OpenAsync(curl, slug);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"The address /s/{slug.ToLowerInvariant()} is reserved for the platform. Choose another.", await AlertAsync(response));
        Assert.Equal(0L, await TestData.ScalarAsync<long>(fixture.App.Inspect(fixture.App.MasterDatabase),
            "select count(*) from stores where slug = $1", slug.ToLowerInvariant()));
    }

    [Theory]
    [InlineData("_framework")]
    [InlineData("_content")]
    public async Task FrameworkPath_IsRefusedAsAnInvalidAddress(string slug)
    {
        using var curl = await SignedInAsync();
        Assert.Contains("lowercase letters, digits and dashes", await AlertAsync(await OpenAsync(curl, slug)));
    }

    [Fact]
    public async Task FourthStore_IsRefused_ButRetryingAnOpenedOneIsNot()
    {
        using var curl = await SignedInAsync();
        var slugs = Enumerable.Range(1, 4).Select(i => $"mine-{i}-{Guid.NewGuid():N}"[..16]).ToList();
        foreach (var slug in slugs.Take(3))
        {
            var opened = await OpenAsync(curl, slug);
            Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
            Assert.EndsWith($"/admin/{slug}/products", opened.Headers.Location!.OriginalString);
        }

        var fourth = await OpenAsync(curl, slugs[3]);
        Assert.Equal("You already have 3 stores, the most one person can open for now. Contact us to open more.", await AlertAsync(fourth));
        Assert.Equal(HttpStatusCode.Redirect, (await OpenAsync(curl, slugs[0])).StatusCode); // a retry of an interrupted opening
    }

    [Fact]
    public async Task OpenStorePage_ShowsTheRefusal()
    {
        var email = NewEmail();
        await fixture.App.CreateConfirmedAccountAsync(email, "opening password 2");
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        await new LoginPage(page).SignInAsync(email, "opening password 2", "/account/stores/new");
        await page.GetByLabel("Store name").FillAsync("Admin Shop");
        await page.GetByLabel("Store address").FillAsync("admin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the store" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The address /s/admin is reserved for the platform. Choose another.");
        await Browser.ScreenshotAsync(page, "open-store-reserved");
    }
}
