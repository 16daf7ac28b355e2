using Avnera.Tests.Infrastructure;
using Avnera.Web.Features.Demo;
using Avnera.Web.Hosting;
using Microsoft.Playwright;

namespace Avnera.Tests.E2E;

/// <summary>
/// The headers every response carries, and the pages working under them in Chromium: the Content-Security-Policy
/// allows no inline script, so a page that relied on one (or an on*= handler) would show a violation here.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class SecurityHeadersTests(AppAndBrowser fixture)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/s/maison-lumiere")]
    [InlineData("/s/maison-lumiere/robots.txt")]
    [InlineData("/login")]
    [InlineData("/no-such-page")]
    [InlineData("/healthz")]
    [InlineData("/_framework/blazor.web.js")]
    public async Task EveryResponse_CarriesTheSecurityHeaders_AndNoServerBanner(string path)
    {
        using var client = fixture.App.CreateClient();
        var response = await client.GetAsync(path.TrimStart('/'));

        string Header(string name) => response.Headers.TryGetValues(name, out var v) ? string.Join(",", v) : "";
        var csp = Header("Content-Security-Policy");
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("connect-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("base-uri 'self'", csp);
        Assert.Contains("form-action 'self'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header("Referrer-Policy"));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task StorefrontSignInAndAdmin_RunUnderThePolicy_WithoutViolations()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") problems.Add($"console: {message.Text} ({message.Location})"); };
        page.PageError += (_, error) => problems.Add("page error: " + error);
        page.Response += (_, response) => { if (response.Status >= 400) problems.Add($"{response.Status}: {response.Url}"); };
        await page.ExposeFunctionAsync("reportViolation", (string violation) => problems.Add("csp: " + violation));
        await page.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => window.reportViolation(e.violatedDirective + ' ' + e.blockedURI));");

        // The storefront: pages, the script that submits filters on a click, a filter form.
        var store = new StorefrontPage(page);
        await store.OpenAsync("maison-lumiere");
        await store.OpenCategoryAsync("Women");
        await store.FilterAsync("Size", "M");
        await store.ProductCards.First.Locator("a").First.ClickAsync();
        await Assertions.Expect(new ProductPage(page).Heading).ToBeVisibleAsync();

        // Sign-in (a form post and its redirect), then the interactive admin page (the circuit's WebSocket).
        await new LoginPage(page).SignInAsync(DemoSeeder.Logins.FashionOwner, DemoSeeder.Logins.Password);
        await new AdminProductsPage(page).OpenAsync("maison-lumiere");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(SecurityHeadersMiddleware.ContentSecurityPolicy, (await page.GotoAsync("/account"))!.Headers["content-security-policy"]);
    }
}
