using Avnera.Tests.Infrastructure;
using Avnera.Web.Features.Demo;
using Microsoft.Playwright;

namespace Avnera.Tests.E2E;

/// <summary>
/// The store admin's frame: the top bar names the store and the person, the drawer lists the store's sections
/// (collapsed behind a button on a phone), and links leave or enter the admin area as full, working pages.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class AdminLayoutTests(AppAndBrowser fixture)
{
    [Fact]
    public async Task Desktop_ShowsStorePersonAndDrawerWithLiveLinksOnly()
    {
        var admin = new AdminProductsPage(await fixture.SignedInPageAsync(DemoSeeder.Logins.FashionOwner, width: 1280));
        await admin.OpenAsync("maison-lumiere");
        var page = admin.Page;

        var bar = page.GetByRole(AriaRole.Banner);
        await Assertions.Expect(bar).ToContainTextAsync("Maison Lumière");
        await Assertions.Expect(bar.GetByRole(AriaRole.Link, new() { Name = "View storefront" })).ToHaveAttributeAsync("href", "/s/maison-lumiere");
        await Assertions.Expect(bar.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Assertions.Expect(bar.Locator("a[href='/account']")).ToContainTextAsync("Camille");

        await Assertions.Expect(admin.Navigation).ToBeVisibleAsync();
        await Assertions.Expect(admin.Navigation.GetByRole(AriaRole.Link, new() { Name = "Products" })).ToHaveAttributeAsync("href", "/admin/maison-lumiere/products");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" })).ToContainTextAsync("Products");
        // Every link of the drawer opens a page that exists: no section is listed before its page is built.
        foreach (var href in await admin.Navigation.GetByRole(AriaRole.Link).EvaluateAllAsync<string[]>("links => links.map(a => a.href)"))
            Assert.Equal(200, (await page.APIRequest.GetAsync(href)).Status);
        await Browser.ScreenshotAsync(page, "admin-desktop", fullPage: false);
    }

    [Fact]
    public async Task Phone_DrawerStartsClosed_AndTheButtonOpensAndClosesIt()
    {
        var admin = new AdminProductsPage(await fixture.SignedInPageAsync(DemoSeeder.Logins.FashionOwner, width: 390));
        await admin.OpenAsync("maison-lumiere");

        await Assertions.Expect(admin.Navigation).Not.ToBeInViewportAsync();
        await Assertions.Expect(admin.NavigationToggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Browser.ScreenshotAsync(admin.Page, "admin-phone-drawer-closed", fullPage: false);

        await admin.NavigationToggle.ClickAsync();
        await Assertions.Expect(admin.Navigation).ToBeInViewportAsync();
        await Assertions.Expect(admin.NavigationToggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Browser.ScreenshotAsync(admin.Page, "admin-phone-drawer-open", fullPage: false);

        await admin.Page.Keyboard.PressAsync("Escape");
        await admin.NavigationToggle.ClickAsync(new() { Force = true });
        await Assertions.Expect(admin.Navigation).Not.ToBeInViewportAsync();
    }

    [Fact]
    public async Task LeavingTheAdminArea_LoadsTheStaticPageFromTheServer()
    {
        var admin = new AdminProductsPage(await fixture.SignedInPageAsync(DemoSeeder.Logins.FashionOwner));
        await admin.OpenAsync("maison-lumiere");

        await admin.Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Avnera" }).ClickAsync();

        await admin.Page.WaitForURLAsync(fixture.App.BaseUrl + "/");
        await Assertions.Expect(admin.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        // A page of its own, not a render inside the admin circuit: the admin's stylesheet is gone.
        await Assertions.Expect(admin.Page.Locator("link[href*='MudBlazor']")).ToHaveCountAsync(0);
        await Assertions.Expect(admin.Page.Locator(".mud-layout")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task EnteringFromMyStores_ByItsLink_GivesAWorkingGrid()
    {
        var page = await fixture.SignedInPageAsync(DemoSeeder.Logins.HomeOwner);
        await page.GotoAsync("/account/stores");

        await page.GetByRole(AriaRole.Link, new() { Name = "Oak & Ember Home" }).ClickAsync();

        var admin = new AdminProductsPage(page);
        await page.WaitForURLAsync("**/admin/oak-and-ember/products");
        await Assertions.Expect(admin.Rows).ToHaveCountAsync(20);
        await Assertions.Expect(page.GetByRole(AriaRole.Banner)).ToHaveCSSAsync("position", "fixed"); // MudBlazor's stylesheet is on
        var first = await admin.ColumnAsync(0);
        await admin.NextPageAsync();
        await Assertions.Expect(admin.Rows.First.Locator("td").First).Not.ToHaveTextAsync(first[0], new() { UseInnerText = true });
    }

    [Fact]
    public async Task NavigationInsideTheCircuit_ToAnotherStoresAdmin_IsDenied()
    {
        var admin = new AdminProductsPage(await fixture.SignedInPageAsync(DemoSeeder.Logins.FashionOwner));
        await admin.OpenAsync("maison-lumiere");

        // No link leads there; a script could still ask the circuit's router, which must check the store itself.
        await admin.Page.EvaluateAsync("() => Blazor.navigateTo('/admin/oak-and-ember/products')");

        await Assertions.Expect(admin.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Access denied");
        await Assertions.Expect(admin.Grid).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task UnderAScriptsFromSelfPolicy_TheAdminWorks_AndTheBrowserRefusesNothing()
    {
        var page = await fixture.SignedInPageAsync(DemoSeeder.Logins.HomeOwner);
        var refused = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy")) refused.Add(m.Text); };
        // The policy the app's security headers give its pages, put on the admin page here so this holds on its own.
        await page.RouteAsync("**/admin/**", async route =>
        {
            var response = await route.FetchAsync();
            var headers = new Dictionary<string, string>(response.Headers) { ["content-security-policy"] = "script-src 'self'; object-src 'none'; base-uri 'self'" };
            await route.FulfillAsync(new() { Response = response, Headers = headers });
        });

        var admin = new AdminProductsPage(page);
        await admin.OpenAsync("oak-and-ember");
        var first = await admin.ColumnAsync(0);
        await admin.NextPageAsync();
        await Assertions.Expect(admin.Rows.First.Locator("td").First).Not.ToHaveTextAsync(first[0], new() { UseInnerText = true });
        await admin.NavigationToggle.ClickAsync();
        await Assertions.Expect(admin.NavigationToggle).ToHaveAttributeAsync("aria-expanded", "false");

        Assert.Empty(refused);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.scripts].filter(s => !s.src).length"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length"));
    }
}
