using Microsoft.Playwright;

namespace Avnera.Tests.E2E;

/// <summary>Page objects: what a shopper or store owner sees and does, found by role and label.</summary>
public sealed class StorefrontPage(IPage page)
{
    public IPage Page => page;
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Categories => page.GetByRole(AriaRole.Navigation, new() { Name = "Categories" });
    public ILocator ProductCards => page.Locator("article.card");
    public ILocator Count => page.Locator("p.count");

    public async Task OpenAsync(string slug, string query = "")
    {
        var response = await page.GotoAsync($"/s/{slug}{query}");
        Assert.Equal(200, response!.Status);
    }

    public Task OpenCategoryAsync(string name) => Categories.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();

    /// <summary>How many product images actually loaded (decoded with a size), not just referenced.</summary>
    public Task<int> LoadedImageCountAsync() =>
        page.EvaluateAsync<int>("() => Array.from(document.querySelectorAll('article.card img')).filter(i => i.complete && i.naturalWidth > 0).length");
}

public sealed class AdminProductsPage(IPage page)
{
    public IPage Page => page;
    public ILocator Grid => page.Locator(".rz-data-grid");
    public ILocator Rows => page.Locator(".rz-data-grid tbody tr.rz-data-row");
    public ILocator Summary => page.Locator(".rz-pager-summary");

    public async Task OpenAsync(string slug)
    {
        await page.GotoAsync($"/admin/{slug}/products");
        // Interactive: rows arrive once the circuit is up and LoadData has run.
        await Rows.First.WaitForAsync();
    }

    public Task SortByAsync(string column) => page.Locator(".rz-data-grid thead th").Filter(new() { HasText = column }).ClickAsync();

    public async Task<IReadOnlyList<string>> ColumnAsync(int index) =>
        await Rows.EvaluateAllAsync<string[]>($"rows => rows.map(r => r.querySelectorAll('td')[{index}].innerText.trim())");

    public Task NextPageAsync() => page.Locator(".rz-pager-next").ClickAsync();
}
