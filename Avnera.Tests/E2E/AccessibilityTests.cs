using Avnera.Tests.Infrastructure;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Avnera.Tests.E2E;

/// <summary>axe-core on the shopper pages: no serious or critical violations.</summary>
[Collection(E2ECollection.Name)]
public sealed class AccessibilityTests(AppAndBrowser fixture)
{
    [Theory]
    [InlineData("home", "/s/maison-lumiere")]
    [InlineData("listing", "/s/maison-lumiere/c/women?f_size=M&sort=price-asc")]
    [InlineData("search", "/s/maison-lumiere/search?q=linen")]
    [InlineData("search-empty", "/s/maison-lumiere/search?q=zzqqxx")]
    [InlineData("listing-fr", "/s/maison-lumiere/c/women?lang=fr")]
    [InlineData("home-oak", "/s/oak-and-ember")]
    public async Task StorefrontPage_HasNoSeriousOrCriticalViolations(string name, string url)
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        Assert.Equal(200, (await page.GotoAsync(url))!.Status);
        await AssertAccessibleAsync(page, name);
    }

    [Fact]
    public async Task ProductPage_HasNoSeriousOrCriticalViolations()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        await page.GotoAsync("/s/maison-lumiere/c/women");
        await page.Locator("article.card h3").First.ClickAsync();
        await page.Locator("#reviews h2").WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle); // reviews and related products have streamed in
        await AssertAccessibleAsync(page, "product");
    }

    /// <summary>axe on the page as it is now: no serious or critical violations (a screenshot when there are).</summary>
    internal static async Task AssertAccessibleAsync(IPage page, string name)
    {
        var result = await page.RunAxe();
        var problems = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")
            .ToList();
        if (problems.Count > 0) await Browser.ScreenshotAsync(page, "axe-" + name);
        Assert.True(problems.Count == 0, $"axe on {page.Url}:\n" + string.Join("\n", problems));
    }
}
