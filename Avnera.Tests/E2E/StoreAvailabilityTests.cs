using Avnera.Data.Master;
using Avnera.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Avnera.Tests.E2E;

/// <summary>A suspended store shows shoppers a clear "unavailable" page (503), never its catalog.</summary>
[Collection(E2ECollection.Name)]
public sealed class StoreAvailabilityTests(AppAndBrowser fixture)
{
    [Fact]
    public async Task SuspendedStore_ShowsTheUnavailablePage_AndComesBackWhenReactivated()
    {
        var services = fixture.App.AppServices;
        var slug = "pop-up-" + Guid.NewGuid().ToString("N")[..6];
        var store = await TestData.CreateStoreAsync(services, slug);
        await TestData.AddProductsAsync(services, store, "Pop-up Poster");
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);

        Assert.Equal(200, (await page.GotoAsync($"/s/{slug}"))!.Status);
        await Assertions.Expect(page.GetByText("Pop-up Poster")).ToBeVisibleAsync();
        Assert.Equal(200, (await page.GotoAsync($"/s/{slug}/p/pop-up-poster"))!.Status);

        await TestData.SetStatusAsync(services, store, StoreStatus.Suspended);
        foreach (var url in new[] { $"/s/{slug}", $"/s/{slug}/p/pop-up-poster", $"/s/{slug}/search?q=poster", $"/s/{slug}/sitemap.xml", $"/admin/{slug}/products" })
        {
            var response = await page.GotoAsync(url);
            Assert.Equal(503, response!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This store is unavailable");
            await Assertions.Expect(page.GetByText("Pop-up Poster")).ToHaveCountAsync(0);
        }
        await Browser.ScreenshotAsync(page, "store-unavailable");

        await TestData.SetStatusAsync(services, store, StoreStatus.Active);
        Assert.Equal(200, (await page.GotoAsync($"/s/{slug}"))!.Status);
    }
}
