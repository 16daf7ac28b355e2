using System.Text.RegularExpressions;
using Avnera.Tests.Infrastructure;
using Avnera.Web.Features.Demo;
using Microsoft.Playwright;

namespace Avnera.Tests.E2E;

/// <summary>Shopper journeys through the demo storefronts in Chromium, as a person clicks and types.</summary>
[Collection(E2ECollection.Name)]
public sealed class StorefrontTests(AppAndBrowser fixture)
{
    private async Task<StorefrontPage> ShopperAsync() => new(await fixture.Browser.NewPageAsync(fixture.App.BaseUrl));

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
        await Assertions.Expect(new StorefrontPage(page).Heading).ToHaveTextAsync("Maison Lumière");
    }

    [Fact]
    public async Task StoreHome_ShowsHeroNewArrivalsWithPicturesAndFrenchPrices()
    {
        var store = await ShopperAsync();
        await store.OpenAsync("maison-lumiere");

        await Assertions.Expect(store.Heading).ToHaveTextAsync("Maison Lumière");
        await Assertions.Expect(store.Page.GetByRole(AriaRole.Heading, new() { Name = "New arrivals", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(store.ProductCards).ToHaveCountAsync(8);
        await store.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(8, await store.LoadedImageCountAsync());
        // fr-FR culture, EUR: "79,90 €"; ratings with a decimal comma.
        await Assertions.Expect(store.ProductCards.First.Locator(".now")).ToHaveTextAsync(new Regex(@"^\d[\d\s\u202f]*,\d{2}\s€$"));
        foreach (var rating in await store.Page.Locator(".card .rating").AllInnerTextsAsync())
            Assert.Matches(@"^★ \d,\d", rating);
        await Assertions.Expect(store.StoreNav.GetByRole(AriaRole.Link, new() { Name = "Women" })).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(store.Page, "storefront-home");
    }

    [Fact]
    public async Task Journey_BrowseCategory_FilterBySize_SortByPrice_OpenProduct_PickVariant_AddToWishlist()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        await new LoginPage(page).SignInAsync(DemoSeeder.Logins.Shopper, DemoSeeder.Logins.Password, "/s/maison-lumiere");
        var store = new StorefrontPage(page);
        await Assertions.Expect(store.Heading).ToHaveTextAsync("Maison Lumière");

        await store.OpenCategoryAsync("Women");
        await Assertions.Expect(store.Heading).ToHaveTextAsync("Women");
        var all = await store.CountAsync();

        await store.FilterAsync("Size", "M");
        await Assertions.Expect(store.Filters.GetByLabel(new Regex(@"^M \(\d+\)$"))).ToBeCheckedAsync();
        await Assertions.Expect(store.Filters.GetByRole(AriaRole.Link, new() { Name = "Clear filters" })).ToBeVisibleAsync();
        var withM = await store.CountAsync();
        Assert.InRange(withM, 1, all);

        await store.SortByAsync("Price: low to high");
        Assert.Contains("f_size=M", page.Url);
        await Assertions.Expect(page.GetByLabel("Sort by")).ToHaveValueAsync("price-asc");
        var prices = await store.PricesAsync("fr-FR");
        Assert.NotEmpty(prices);
        Assert.Equal(prices.Order(), prices);
        await Browser.ScreenshotAsync(page, "storefront-listing-filtered");

        var name = await store.CardNames.First.InnerTextAsync();
        await store.CardNames.First.ClickAsync();
        var product = new ProductPage(page);
        await Assertions.Expect(product.Heading).ToHaveTextAsync(name);
        await Assertions.Expect(product.Option("Size")).ToBeVisibleAsync();

        await product.ChooseAsync("Size", "L");
        await Assertions.Expect(product.Option("Size").Locator("legend")).ToHaveTextAsync("Size: L");
        await Assertions.Expect(product.StockLine).ToContainTextAsync(new Regex(@"SKU ML-\d{4}-[A-Z]+-L$"));
        var colour = (await product.Option("Colour").Locator("legend .chosen").InnerTextAsync()).Trim();

        await product.WishlistButton(name, saved: false).ClickAsync();
        await Assertions.Expect(product.Notice).ToHaveTextAsync("Saved to your wishlist.");
        await Assertions.Expect(product.WishlistButton(name, saved: true)).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.Contains("o_size=L", page.Url); // back on the same variant
        await Assertions.Expect(product.Option("Colour").Locator("legend")).ToHaveTextAsync("Colour: " + colour);
        await Browser.ScreenshotAsync(page, "storefront-product");

        await page.GetByRole(AriaRole.Link, new() { Name = "Wishlist" }).ClickAsync();
        await Assertions.Expect(store.Heading).ToHaveTextAsync("Your wishlist");
        await Assertions.Expect(store.CardNames).ToHaveTextAsync([name]);
        await Browser.ScreenshotAsync(page, "storefront-wishlist");

        // Taking it off again leaves the list empty (and the demo shopper as we found them).
        await page.GetByRole(AriaRole.Button, new() { Name = $"Remove {name} from your wishlist" }).ClickAsync();
        await Assertions.Expect(store.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Removed" })).ToHaveTextAsync("Removed from your wishlist.");
        await Assertions.Expect(store.ProductCards).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Wishlist_AsVisitor_AsksToSignIn()
    {
        var store = await ShopperAsync();
        await store.OpenAsync("maison-lumiere", "/products");
        var name = await store.CardNames.First.InnerTextAsync();
        // Visitors get a link to sign in (no form to post), coming back to this page.
        await store.Page.GetByRole(AriaRole.Link, new() { Name = $"Sign in to save {name} to your wishlist" }).ClickAsync();
        await store.Page.WaitForURLAsync(new Regex("/login\\?returnUrl=%2Fs%2Fmaison-lumiere%2Fproducts"));
    }

    [Fact]
    public async Task Search_WithATypo_StillFindsTheProduct()
    {
        var store = await ShopperAsync();
        await store.OpenAsync("maison-lumiere");

        await store.SearchAsync("linnen");

        await Assertions.Expect(store.Heading).ToHaveTextAsync("Results for “linnen”");
        await Assertions.Expect(store.Notice).ToHaveTextAsync("No exact matches for “linnen”. Showing results for “linen”.");
        var names = await store.CardNames.AllInnerTextsAsync();
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.Contains("Linen", n));
        await Assertions.Expect(store.Page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" })).ToHaveValueAsync("linnen");
        await Browser.ScreenshotAsync(store.Page, "storefront-search-typo");

        // Spelled right, the words found are highlighted.
        await store.SearchAsync("linen");
        await Assertions.Expect(store.Notice).ToHaveCountAsync(0);
        await Assertions.Expect(store.ProductCards.First.Locator("mark")).ToHaveTextAsync("Linen");
    }

    [Fact]
    public async Task Search_NothingFound_SaysSoAndOffersCategories()
    {
        var store = await ShopperAsync();
        await store.OpenAsync("maison-lumiere");
        await store.SearchAsync("zzqqxx");
        await Assertions.Expect(store.Page.GetByText("No products match “zzqqxx”.")).ToBeVisibleAsync();
        await Assertions.Expect(store.Page.GetByRole(AriaRole.Heading, new() { Name = "Browse the store" })).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(store.Page, "storefront-search-empty");
    }

    [Fact]
    public async Task LanguageSwitch_ShowsFrenchCategoryAndProductNames()
    {
        var store = await ShopperAsync();
        await store.OpenAsync("maison-lumiere", "/c/women");
        await Assertions.Expect(store.Heading).ToHaveTextAsync("Women");
        var english = await store.CardNames.AllInnerTextsAsync();

        await store.SwitchLanguageAsync("Français");

        await Assertions.Expect(store.Heading).ToHaveTextAsync("Femme");
        await Assertions.Expect(store.Page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Assertions.Expect(store.StoreNav.GetByRole(AriaRole.Link, new() { Name = "Accessoires" })).ToBeVisibleAsync();
        var french = await store.CardNames.AllInnerTextsAsync();
        Assert.Equal(english.Count, french.Count);
        Assert.Empty(english.Intersect(french));
        Assert.All(french, n => Assert.Contains(" en ", n)); // "Robe midi décontracté en coton"
        await Browser.ScreenshotAsync(store.Page, "storefront-listing-fr");

        await store.CardNames.First.ClickAsync();
        await Assertions.Expect(store.Heading).ToHaveTextAsync(french[0]);
        await Assertions.Expect(store.Page.Locator("table.attributes")).ToBeVisibleAsync();

        await store.SwitchLanguageAsync("English");
        await Assertions.Expect(store.Heading).ToHaveTextAsync(english[0]);
        await Assertions.Expect(store.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }

    [Fact]
    public async Task Category_NarrowsToASubcategory_AndPagesThroughTheCatalog()
    {
        var store = await ShopperAsync();
        await store.OpenAsync("oak-and-ember");
        await store.OpenCategoryAsync("Kitchen");
        await Assertions.Expect(store.Heading).ToHaveTextAsync("Kitchen");
        var kitchen = await store.CountAsync();
        Assert.InRange(kitchen, 25, 120);

        await store.Filters.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Mugs & Cups") }).ClickAsync();
        await Assertions.Expect(store.Heading).ToHaveTextAsync("Mugs & Cups");
        await Assertions.Expect(store.Page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" })).ToContainTextAsync("Kitchen");
        var mugs = await store.CountAsync();
        Assert.True(mugs < kitchen, $"a leaf ({mugs}) holds fewer products than its parent ({kitchen})");

        await store.OpenAsync("oak-and-ember", "/products");
        var firstPage = await store.CardNames.AllInnerTextsAsync();
        Assert.Equal(24, firstPage.Count);
        await store.Page.GetByRole(AriaRole.Link, new() { Name = "Next →" }).ClickAsync();
        await Assertions.Expect(store.Page.GetByText("Page 2 of")).ToBeVisibleAsync();
        var secondPage = await store.CardNames.AllInnerTextsAsync();
        Assert.Empty(firstPage.Intersect(secondPage));
    }

    [Theory]
    [InlineData("/s/no-such-store")]
    [InlineData("/s/maison-lumiere/c/no-such-category")]
    [InlineData("/s/maison-lumiere/p/no-such-product")]
    [InlineData("/s/maison-lumiere?category=no-such-category")]
    [InlineData("/no/such/page")]
    public async Task UnknownStoreOrPage_AnswersNotFoundPage(string url)
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        var response = await page.GotoAsync(url);
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
    }

    [Fact]
    public async Task LegacyCategoryLink_RedirectsToTheCategoryPage()
    {
        var store = await ShopperAsync();
        await store.Page.GotoAsync("/s/oak-and-ember?category=kitchen");
        await store.Page.WaitForURLAsync("**/s/oak-and-ember/c/kitchen");
        await Assertions.Expect(store.Heading).ToHaveTextAsync("Kitchen");
    }
}
