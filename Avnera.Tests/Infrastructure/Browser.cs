using Microsoft.Playwright;

namespace Avnera.Tests.Infrastructure;

/// <summary>Debian's Chromium driven by Playwright (never `playwright install`: no browser downloads here).</summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private IPlaywright? _playwright;
    public IBrowser Instance { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} not found: run ./test.sh, which installs Debian's chromium.");
        _playwright = await Playwright.CreateAsync();
        Instance = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
    }

    public async Task<IPage> NewPageAsync(string baseUrl, int width = 1280, int height = 900)
    {
        var context = await Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, ViewportSize = new() { Width = width, Height = height } });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Saves a screenshot under TestResults/screenshots for people to look at.</summary>
    /// <param name="fullPage">False for pages with a fixed bar (the admin): a full-page shot repeats it mid-page.</param>
    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name + ".png"), FullPage = fullPage, Animations = ScreenshotAnimations.Disabled });
    }

    public async Task DisposeAsync()
    {
        if (Instance is not null) await Instance.DisposeAsync();
        _playwright?.Dispose();
    }
}

/// <summary>The app and a browser, shared by the end-to-end tests (one app start for all of them).</summary>
public sealed class AppAndBrowser : IAsyncLifetime
{
    public AvneraApp App { get; } = new();
    public Browser Browser { get; } = new();

    public async Task InitializeAsync()
    {
        await Task.WhenAll(App.InitializeAsync(), Browser.InitializeAsync());
    }

    /// <summary>A new page (a phone's height below 600 px wide) signed in as a person with the demo password.</summary>
    public async Task<IPage> SignedInPageAsync(string email, int width = 1280)
    {
        var page = await Browser.NewPageAsync(App.BaseUrl, width, width < 600 ? 844 : 900);
        await new Avnera.Tests.E2E.LoginPage(page).SignInAsync(email, Avnera.Web.Features.Demo.DemoSeeder.Logins.Password);
        return page;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class E2ECollection : ICollectionFixture<AppAndBrowser>
{
    public const string Name = "e2e";
}
