using Avnera.Data.Products;
using Avnera.Data.Security;
using Avnera.Data.Tenancy;
using Avnera.Tests.Infrastructure;
using Avnera.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Avnera.Tests.E2E;

/// <summary>
/// The store admin's products page in Chromium: the MudDataGrid pages, sorts and searches on the server, and what
/// it shows is what the store's database holds in that order.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class AdminProductsTests(AppAndBrowser fixture)
{
    private const int NameColumn = 0;
    private const int PriceColumn = 5;

    [Fact]
    public async Task Grid_PagesAndSorts_InTheDatabasesOrder()
    {
        var admin = new AdminProductsPage(await fixture.SignedInPageAsync(DemoSeeder.Logins.HomeOwner));
        await admin.OpenAsync("oak-and-ember");
        var total = await CountAsync("oak-and-ember");
        Assert.True(total > 40, "the demo store has several pages of");

        await Assertions.Expect(admin.Heading).ToHaveTextAsync("Products");
        await Assertions.Expect(admin.Rows).ToHaveCountAsync(20);
        await Assertions.Expect(admin.Summary).ToHaveTextAsync($"1–20 of {total}");
        Assert.Equal(await NamesAsync("oak-and-ember", q => q.OrderBy(p => p.Name)), await admin.ColumnAsync(NameColumn));

        await admin.SortByAsync("Price");
        var byPrice = await NamesAsync("oak-and-ember", q => q.OrderBy(p => p.Price).ThenBy(p => p.Id));
        await ExpectNamesAsync(admin, byPrice);
        await admin.SortByAsync("Price");
        var byPriceDescending = await NamesAsync("oak-and-ember", q => q.OrderByDescending(p => p.Price).ThenBy(p => p.Id));
        await ExpectNamesAsync(admin, byPriceDescending);
        var prices = (await admin.ColumnAsync(PriceColumn)).Select(p => decimal.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(prices.OrderDescending(), prices);

        await admin.NextPageAsync();
        await Assertions.Expect(admin.Summary).ToHaveTextAsync($"21–40 of {total}");
        await ExpectNamesAsync(admin, await NamesAsync("oak-and-ember", q => q.OrderByDescending(p => p.Price).ThenBy(p => p.Id), skip: 20));
        await Browser.ScreenshotAsync(admin.Page, "admin-products", fullPage: false);
    }

    [Fact]
    public async Task Search_FindsBySku_AndAnEmptyResultOffersToClearTheSearch()
    {
        var admin = new AdminProductsPage(await fixture.SignedInPageAsync(DemoSeeder.Logins.FashionOwner));
        await admin.OpenAsync("maison-lumiere");
        var (name, sku) = await SomeVariantAsync("maison-lumiere");

        await admin.SearchAsync(sku);
        await ExpectNamesAsync(admin, [name]);
        await Assertions.Expect(admin.Summary).ToHaveTextAsync("1–1 of 1");

        // Oak & Ember sells skillets; the fashion store's admin finds none of them.
        await admin.SearchAsync("Skillet");
        await Assertions.Expect(admin.EmptyState).ToContainTextAsync("No products match “Skillet”");
        await Assertions.Expect(admin.Rows).ToHaveCountAsync(0);
        await Browser.ScreenshotAsync(admin.Page, "admin-products-empty", fullPage: false);

        await admin.EmptyState.GetByRole(AriaRole.Button, new() { Name = "Clear search" }).ClickAsync();
        await Assertions.Expect(admin.Search).ToHaveValueAsync("");
        await Assertions.Expect(admin.Rows).ToHaveCountAsync(20);
        Assert.Equal(await NamesAsync("maison-lumiere", q => q.OrderBy(p => p.Name)), await admin.ColumnAsync(NameColumn));
    }

    [Fact]
    public async Task ProductsPage_HasNoSeriousOrCriticalViolations()
    {
        var admin = new AdminProductsPage(await fixture.SignedInPageAsync(DemoSeeder.Logins.FashionOwner));
        await admin.OpenAsync("maison-lumiere");
        await AccessibilityTests.AssertAccessibleAsync(admin.Page, "admin-products");
    }

    /// <summary>Waits for the grid to show exactly these names, in this order (rows arrive after the request).</summary>
    private static async Task ExpectNamesAsync(AdminProductsPage admin, IReadOnlyList<string> names)
    {
        await Assertions.Expect(admin.Rows).ToHaveCountAsync(names.Count);
        await Assertions.Expect(admin.Rows.Locator("td:first-child")).ToHaveTextAsync(names.ToArray(), new() { UseInnerText = true });
    }

    private async Task<ProductsDbContext> ProductsAsync(string slug)
    {
        var services = fixture.App.AppServices;
        var storeId = (await services.GetRequiredService<StoreRegistry>().FindIdBySlugAsync(slug))!.Value;
        return await services.GetRequiredService<ITenantDbContextFactory>().CreateProductsAsync(storeId, DbPrincipal.Service);
    }

    private async Task<int> CountAsync(string slug)
    {
        await using var db = await ProductsAsync(slug);
        return await db.Products.CountAsync();
    }

    private async Task<List<string>> NamesAsync(string slug, Func<IQueryable<Product>, IQueryable<Product>> order, int skip = 0)
    {
        await using var db = await ProductsAsync(slug);
        return await order(db.Products.AsNoTracking()).Skip(skip).Take(20).Select(p => p.Name).ToListAsync();
    }

    /// <summary>A product whose SKU appears in no other product's name or SKU, so a search for it finds one row.</summary>
    private async Task<(string Name, string Sku)> SomeVariantAsync(string slug)
    {
        await using var db = await ProductsAsync(slug);
        var variants = await db.ProductVariants.AsNoTracking().OrderBy(v => v.Sku).Select(v => new { v.Product!.Name, v.Sku, v.ProductId }).ToListAsync();
        var unique = variants.First(v => variants.Count(o => o.ProductId != v.ProductId && o.Sku.Contains(v.Sku, StringComparison.OrdinalIgnoreCase)) == 0
                                         && !variants.Any(o => o.Name.Contains(v.Sku, StringComparison.OrdinalIgnoreCase)));
        return (unique.Name, unique.Sku);
    }
}
