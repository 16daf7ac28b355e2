using Avnera.Data.Tenancy;
using Avnera.Tests.Infrastructure;
using Avnera.Web.Features.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Avnera.Tests.E2E;

/// <summary>A shopper who bought a product reviews it from the product page; the review shows with its title and text.</summary>
[Collection(E2ECollection.Name)]
public sealed class ReviewTests(AppAndBrowser fixture)
{
    /// <summary>A product of the demo shopper's delivered order in Maison Lumière.</summary>
    private async Task<string> BoughtProductSlugAsync()
    {
        var store = (await fixture.App.AppServices.GetRequiredService<StoreRegistry>().FindIdBySlugAsync("maison-lumiere"))!.Value;
        var productId = await TestData.ScalarAsync<Guid>(fixture.App.Inspect(fixture.App.OrdersDatabase),
            "select i.product_id from order_items i join orders o on o.store_id = i.store_id and o.id = i.order_id where o.store_id = $1 and o.email = $2 order by i.sku limit 1",
            store, DemoSeeder.Logins.Shopper);
        return (await TestData.ScalarAsync<string>(fixture.App.Inspect(fixture.App.ProductsDatabase), "select slug from products where id = $1", productId))!;
    }

    [Fact]
    public async Task Buyer_WritesAReview_WithRatingTitleAndText()
    {
        var slug = await BoughtProductSlugAsync();
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        await new LoginPage(page).SignInAsync(DemoSeeder.Logins.Shopper, DemoSeeder.Logins.Password, $"/s/maison-lumiere/p/{slug}");

        await page.GetByRole(AriaRole.Link, new() { Name = "Write a review" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Review ");
        // Submitting without stars is refused with a message next to the rating.
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish review" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Choose a rating from 1 to 5 stars.")).ToBeVisibleAsync();

        await page.GetByLabel("4 stars").CheckAsync();
        // Once stars are chosen the message goes away (CSS, no script) and the chosen star and those below light up.
        await Assertions.Expect(page.GetByText("Choose a rating from 1 to 5 stars.")).ToBeHiddenAsync();
        await page.Mouse.MoveAsync(0, 0); // not hovering the stars: only the choice lights them
        Assert.Equal(await page.Locator("label[for=rating-1]").EvaluateAsync<string>("e => getComputedStyle(e).color"),
            await page.Locator("label[for=rating-4]").EvaluateAsync<string>("e => getComputedStyle(e).color"));
        Assert.NotEqual(await page.Locator("label[for=rating-4]").EvaluateAsync<string>("e => getComputedStyle(e).color"),
            await page.Locator("label[for=rating-5]").EvaluateAsync<string>("e => getComputedStyle(e).color"));
        await page.GetByLabel("Title (optional)").FillAsync("Soft and well cut");
        await page.GetByLabel("Your review (optional)").FillAsync("Washed twice, still like new.");
        await Browser.ScreenshotAsync(page, "storefront-review-form");
        await AccessibilityTests.AssertAccessibleAsync(page, "review-form"); // the star picker included
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish review" }).ClickAsync();

        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToHaveTextAsync("Thank you — your review is published.");
        var reviews = page.Locator("#reviews");
        await Assertions.Expect(reviews.Locator(".review").Filter(new() { HasText = "Soft and well cut" })).ToContainTextAsync("Washed twice, still like new.");
        await Assertions.Expect(reviews.GetByText("You reviewed this product: 4 ★ — “Soft and well cut”")).ToBeVisibleAsync();
        await Assertions.Expect(reviews.GetByRole(AriaRole.Link, new() { Name = "Write a review" })).ToHaveCountAsync(0);

        // A second visit to the review page says it is done.
        await page.GotoAsync($"/s/maison-lumiere/p/{slug}/review");
        await Assertions.Expect(page.GetByText("You have already reviewed this product.")).ToBeVisibleAsync();
    }
}
