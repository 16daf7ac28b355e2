using Avnera.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Avnera.Tests.E2E;

[Collection(E2ECollection.Name)]
public sealed class StorefrontTests(AppAndBrowser fixture)
{
    [Fact]
    public async Task PlatformHome_ListsDemoStores_AndLeadsToStorefront()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Maison Lumière" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Oak & Ember Home" })).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "platform-home");

        await page.GetByRole(AriaRole.Link, new() { Name = "Maison Lumière" }).ClickAsync();
        await page.WaitForURLAsync("**/s/maison-lumiere");
        await Assertions.Expect(new StorefrontPage(page).Heading).ToHaveTextAsync("All products");
    }

    [Fact]
    public async Task StoreHome_ShowsDemoProductsWithImagesAndPrices()
    {
        var storefront = new StorefrontPage(await fixture.Browser.NewPageAsync(fixture.App.BaseUrl));
        await storefront.OpenAsync("maison-lumiere");

        await Assertions.Expect(storefront.ProductCards).ToHaveCountAsync(24);
        var count = int.Parse((await storefront.Count.InnerTextAsync()).Split(' ')[0]);
        Assert.InRange(count, 150, 200); // ~200 generated, a few left as drafts
        await storefront.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(24, await storefront.LoadedImageCountAsync());
        // fr-FR culture, EUR: "79,90 €"
        await Assertions.Expect(storefront.ProductCards.First.Locator(".now")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+,\d{2}\s€$"));
        await Browser.ScreenshotAsync(storefront.Page, "storefront-home");
    }

    [Fact]
    public async Task Category_FiltersProducts_AndPagesThroughThem()
    {
        var storefront = new StorefrontPage(await fixture.Browser.NewPageAsync(fixture.App.BaseUrl));
        await storefront.OpenAsync("oak-and-ember");
        await storefront.OpenCategoryAsync("Kitchen");
        await Assertions.Expect(storefront.Heading).ToHaveTextAsync("Kitchen");
        var kitchen = int.Parse((await storefront.Count.InnerTextAsync()).Split(' ')[0]);
        Assert.InRange(kitchen, 25, 120); // 4 of 12 leaf categories, with their children

        await storefront.OpenCategoryAsync("Mugs & Cups");
        await Assertions.Expect(storefront.Heading).ToHaveTextAsync("Mugs & Cups");
        var mugs = int.Parse((await storefront.Count.InnerTextAsync()).Split(' ')[0]);
        Assert.True(mugs < kitchen, $"a leaf ({mugs}) holds fewer products than its parent ({kitchen})");

        await storefront.OpenAsync("oak-and-ember");
        var firstPage = await storefront.ProductCards.Locator("h3").AllInnerTextsAsync();
        await storefront.Page.GetByRole(AriaRole.Link, new() { Name = "Next →" }).ClickAsync();
        await Assertions.Expect(storefront.Page.GetByText("Page 2 of")).ToBeVisibleAsync();
        var secondPage = await storefront.ProductCards.Locator("h3").AllInnerTextsAsync();
        Assert.Empty(firstPage.Intersect(secondPage));
    }

    [Theory]
    [InlineData("/s/no-such-store", 404, "Page not found")]
    [InlineData("/s/maison-lumiere?category=no-such-category", 404, "Page not found")]
    [InlineData("/no/such/page", 404, "Page not found")]
    public async Task UnknownStoreOrPage_AnswersNotFoundPage(string url, int status, string heading)
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        var response = await page.GotoAsync(url);
        Assert.Equal(status, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
    }

    [Theory]
    [InlineData("?page=-1")]
    [InlineData("?page=abc")]
    [InlineData("?page=99999")]
    public async Task MalformedPaging_ShowsANormalPage(string query)
    {
        using var client = fixture.App.CreateClient();
        var response = await client.GetAsync("s/maison-lumiere" + query);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("article class=\"card", await response.Content.ReadAsStringAsync());
    }
}
