using Avnera.Tests.Infrastructure;
using Avnera.Web.Features.Demo;
using Microsoft.Playwright;

namespace Avnera.Tests.E2E;

/// <summary>
/// An admin page open while the server restarts (a deployment): the page says it is reconnecting instead of
/// freezing, and once the server is back the person has a working page again without doing anything. An app of
/// its own, since the test stops it.
/// </summary>
public sealed class ReconnectTests : IAsyncLifetime
{
    private readonly AvneraApp _app = new();
    private readonly Browser _browser = new();

    public Task InitializeAsync() => Task.WhenAll(_app.InitializeAsync(), _browser.InitializeAsync());

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task ServerRestart_UnderAnOpenAdminPage_ShowsReconnecting_ThenTheGridWorksAgain()
    {
        var page = await _browser.NewPageAsync(_app.BaseUrl);
        await new LoginPage(page).SignInAsync(DemoSeeder.Logins.HomeOwner, DemoSeeder.Logins.Password);
        var admin = new AdminProductsPage(page);
        await admin.OpenAsync("oak-and-ember");
        var reconnect = page.Locator("#components-reconnect-modal");
        await Assertions.Expect(reconnect).ToBeHiddenAsync();

        await _app.StopServerAsync();

        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Rejoining the server|trying again"));
        await Browser.ScreenshotAsync(page, "admin-reconnecting", fullPage: false);

        _app.StartServerAgain();

        // The new server does not know the old circuit: the page reloads itself (or resumes) and is live again.
        await Assertions.Expect(reconnect).ToBeHiddenAsync(new() { Timeout = 45_000 });
        await Assertions.Expect(admin.Rows).ToHaveCountAsync(20);
        var first = await admin.ColumnAsync(0);
        await admin.NextPageAsync();
        await Assertions.Expect(admin.Summary).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^21–40 of "));
        await Assertions.Expect(admin.Rows.First.Locator("td").First).Not.ToHaveTextAsync(first[0], new() { UseInnerText = true });
    }
}
