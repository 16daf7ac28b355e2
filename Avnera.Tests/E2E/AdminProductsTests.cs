using System.Globalization;
using Avnera.Tests.Infrastructure;
using Avnera.Web.Features.Demo;
using Microsoft.Playwright;

namespace Avnera.Tests.E2E;

[Collection(E2ECollection.Name)]
public sealed class AdminProductsTests(AppAndBrowser fixture)
{
    private const int PriceColumn = 3;

    [Fact]
    public async Task Grid_LoadsPagesAndSorts_Interactively()
    {
        var admin = new AdminProductsPage(await SignedInAsync(DemoSeeder.Logins.HomeOwner));
        await admin.OpenAsync("oak-and-ember");
        await Assertions.Expect(admin.Rows).ToHaveCountAsync(20);
        await Assertions.Expect(admin.Summary).ToContainTextAsync("(200 products)");

        await admin.SortByAsync("Price");
        await Assertions.Expect(admin.Page.Locator("th.rz-sortable-column.rz-state-active, th[aria-sort='ascending']").First).ToBeVisibleAsync();
        var ascending = await WaitForSortedAsync(admin, descending: false);
        Assert.Equal(ascending.Order(), ascending);

        await admin.SortByAsync("Price");
        var descending = await WaitForSortedAsync(admin, descending: true);
        Assert.Equal(descending.OrderDescending(), descending);
        Assert.True(descending[0] > ascending[0]);

        var firstPage = await admin.ColumnAsync(1);
        await admin.NextPageAsync();
        await Assertions.Expect(admin.Summary).ToContainTextAsync("Page 2 of 10");
        // The summary can update a moment before the rows: wait for the first row to change (names are unique).
        await Assertions.Expect(admin.Rows.First.Locator("td").Nth(1)).Not.ToHaveTextAsync(firstPage[0]);
        Assert.Empty(firstPage.Intersect(await admin.ColumnAsync(1)));
        await Browser.ScreenshotAsync(admin.Page, "admin-products");
    }

    [Fact]
    public async Task Grid_OnlyShowsItsOwnStore()
    {
        var admin = new AdminProductsPage(await SignedInAsync(DemoSeeder.Logins.FashionOwner));
        await admin.OpenAsync("maison-lumiere");
        var names = await admin.ColumnAsync(1);
        // Oak & Ember sells kitchen and home goods; none of them may appear in the fashion store's admin.
        Assert.DoesNotContain(names, n => n.Contains("Skillet") || n.Contains("Mug") || n.Contains("Duvet"));
        await admin.Page.Locator("input[aria-label='Search products']").FillAsync("Skillet");
        await admin.Page.Locator("input[aria-label='Search products']").PressAsync("Enter");
        await Assertions.Expect(admin.Page.GetByText("No products match.")).ToBeVisibleAsync();
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        await new LoginPage(page).SignInAsync(email, DemoSeeder.Logins.Password);
        return page;
    }

    private static async Task<decimal[]> WaitForSortedAsync(AdminProductsPage admin, bool descending)
    {
        decimal[] prices = [];
        for (var i = 0; i < 50; i++)
        {
            prices = (await admin.ColumnAsync(PriceColumn)).Select(p => decimal.Parse(p, NumberStyles.Number, CultureInfo.InvariantCulture)).ToArray();
            if (prices.SequenceEqual(descending ? prices.OrderDescending() : prices.Order())) return prices;
            await Task.Delay(100);
        }
        return prices;
    }
}
