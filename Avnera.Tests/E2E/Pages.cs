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

public sealed class LoginPage(IPage page)
{
    public IPage Page => page;
    public ILocator Alert => page.GetByRole(AriaRole.Alert);

    public async Task OpenAsync(string returnUrl = "")
    {
        await page.GotoAsync("/login" + (returnUrl == "" ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)));
    }

    public async Task SubmitAsync(string email, string password)
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>Signs in and waits until the app has taken the browser somewhere else.</summary>
    public async Task SignInAsync(string email, string password, string returnUrl = "")
    {
        await OpenAsync(returnUrl);
        await SubmitAsync(email, password);
        await page.WaitForURLAsync(url => !url.Contains("/login"));
    }
}

public sealed class SignupPage(IPage page)
{
    public ILocator Status => page.GetByRole(AriaRole.Status);
    public ILocator Alert => page.GetByRole(AriaRole.Alert);

    /// <summary>Opens /signup, fills the form (the same password twice) and submits it.</summary>
    public async Task SubmitAsync(string email, string password, string? name = null, bool openStore = false)
    {
        await page.GotoAsync("/signup");
        if (name is not null) await page.GetByLabel("Your name").FillAsync(name);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password (at least 10 characters)").FillAsync(password);
        await page.GetByLabel("Repeat the password").FillAsync(password);
        if (openStore) await page.GetByLabel("I want to open a store").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
    }

    /// <summary>Signs up and waits for "Check your email".</summary>
    public async Task SignUpAsync(string email, string password, string? name = null, bool openStore = false)
    {
        await SubmitAsync(email, password, name, openStore);
        await Assertions.Expect(Status).ToContainTextAsync("Check your email");
    }
}

/// <summary>The development mail pickup folder, read as a person reads their inbox.</summary>
public static class Mailbox
{
    public static async Task<string> LinkAsync(string folder, string to, string pathStart, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(folder))
            {
                foreach (var file in Directory.GetFiles(folder, "*.eml").OrderByDescending(f => f))
                {
                    var text = await File.ReadAllTextAsync(file);
                    if (!text.Contains("To: " + to + "\r\n")) continue;
                    var match = System.Text.RegularExpressions.Regex.Match(text, @"https?://\S+" + System.Text.RegularExpressions.Regex.Escape(pathStart) + @"\S*");
                    if (match.Success) return match.Value;
                }
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No email to {to} with a {pathStart} link in {folder}.");
    }

    public static int CountTo(string folder, string to) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").Count(f => File.ReadAllText(f).Contains("To: " + to + "\r\n")) : 0;
}
