using Microsoft.Playwright;

namespace Avnera.Tests.E2E;

/// <summary>Page objects: what a shopper or store owner sees and does, found by role and label.</summary>
public sealed class StorefrontPage(IPage page)
{
    public IPage Page => page;
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator StoreNav => page.GetByRole(AriaRole.Navigation, new() { Name = "Shop by category" });
    public ILocator ProductCards => page.Locator("article.card");
    public ILocator CardNames => ProductCards.Locator("h3.name");
    public ILocator Count => page.Locator("p.count");
    public ILocator Filters => page.GetByRole(AriaRole.Form, new() { Name = "Filter products" });
    public ILocator Notice => page.Locator("p.notice");

    public async Task OpenAsync(string slug, string path = "")
    {
        var response = await page.GotoAsync($"/s/{slug}{path}");
        Assert.Equal(200, response!.Status);
    }

    public Task OpenCategoryAsync(string name) => StoreNav.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();

    public async Task<int> CountAsync() => int.Parse((await Count.InnerTextAsync()).Split(' ')[0].Replace(",", "").Replace("\u202f", "").Replace("\u00a0", ""));

    /// <summary>Ticks a filter value with the mouse (the form submits on change) and waits for the filtered page.</summary>
    public async Task FilterAsync(string group, string value)
    {
        var box = Filters.GetByRole(AriaRole.Group, new() { Name = group })
            .GetByLabel(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(value) + @" \(\d+\)$"));
        await box.CheckAsync();
        await page.WaitForURLAsync(url => url.Contains("f_" + group.ToLowerInvariant() + "=" + Uri.EscapeDataString(value)));
    }

    /// <summary>Chooses a sort order with the keyboard-friendly path: the select, then its button.</summary>
    public async Task SortByAsync(string label)
    {
        await page.GetByLabel("Sort by").SelectOptionAsync(new SelectOptionValue { Label = label });
        await page.GetByRole(AriaRole.Button, new() { Name = "Sort", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("sort="));
    }

    /// <summary>Card prices as numbers (fr-FR "1 234,90 €" or en-US "$1,234.90").</summary>
    public async Task<List<decimal>> PricesAsync(string culture)
    {
        var texts = await ProductCards.Locator(".price .now").AllInnerTextsAsync();
        var format = System.Globalization.CultureInfo.GetCultureInfo(culture).NumberFormat;
        return texts.Select(t => decimal.Parse(new string(t.Where(c => char.IsDigit(c) || c.ToString() == format.NumberDecimalSeparator).ToArray()),
            System.Globalization.NumberStyles.Number, format)).ToList();
    }

    public async Task SearchAsync(string text)
    {
        var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" });
        await box.FillAsync(text);
        await box.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/search?"));
    }

    public async Task SwitchLanguageAsync(string language)
    {
        await page.GetByLabel("Language").SelectOptionAsync(new SelectOptionValue { Label = language });
        await page.GetByRole(AriaRole.Button, new() { Name = "Change" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("lang="));
    }

    /// <summary>How many product images actually loaded (decoded with a size), not just referenced.</summary>
    public Task<int> LoadedImageCountAsync() =>
        page.EvaluateAsync<int>("() => Array.from(document.querySelectorAll('article.card img')).filter(i => i.complete && i.naturalWidth > 0).length");
}

/// <summary>A product page: its options, stock line and wishlist button.</summary>
public sealed class ProductPage(IPage page)
{
    public IPage Page => page;
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Price => page.Locator(".summary .price .now");
    public ILocator StockLine => page.Locator(".stock-line");
    public ILocator Notice => page.Locator("p.notice[role=status]");

    public ILocator Option(string group) => page.GetByRole(AriaRole.Group).Filter(new() { Has = page.Locator("legend", new() { HasText = group }) });

    /// <summary>Picks an option value the way a shopper does: clicking its chip (the page reloads on the choice).</summary>
    public async Task ChooseAsync(string group, string value)
    {
        await Option(group).Locator("label").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(value) + @"(\s|$)") }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("o_" + group.ToLowerInvariant() + "=" + Uri.EscapeDataString(value)));
    }

    public ILocator WishlistButton(string productName, bool saved) =>
        page.Locator(".summary").GetByRole(AriaRole.Button, new()
        {
            NameRegex = new System.Text.RegularExpressions.Regex("^" + (saved ? "Saved" : "Save") + @" to wishlist\s*:\s*" + System.Text.RegularExpressions.Regex.Escape(productName) + "$"),
        });
}

/// <summary>The store admin's products page: the layout's bar and drawer, and the MudDataGrid of products.</summary>
public sealed class AdminProductsPage(IPage page)
{
    public IPage Page => page;
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Grid => page.GetByRole(AriaRole.Table, new() { Name = "Products" });
    /// <summary>Product rows (the empty state is a row too, without cells of a column).</summary>
    public ILocator Rows => Grid.Locator("tbody").GetByRole(AriaRole.Row).Filter(new() { Has = page.Locator("td[data-label]") });
    /// <summary>The pager's "1–20 of 200".</summary>
    public ILocator Summary => page.GetByText(new System.Text.RegularExpressions.Regex(@"^\d+–\d+ of \d+$"));
    public ILocator Search => page.GetByRole(AriaRole.Searchbox, new() { Name = "Search products" });
    public ILocator EmptyState => page.GetByRole(AriaRole.Status).Filter(new() { HasText = "No products match" });
    public ILocator Navigation => page.GetByRole(AriaRole.Navigation, new() { Name = "Store admin" });
    public ILocator NavigationToggle => page.GetByRole(AriaRole.Button, new() { Name = "Navigation" });

    /// <summary>Opens the page and waits for its first rows: they come from the circuit, so it is interactive then.</summary>
    public async Task OpenAsync(string slug)
    {
        var response = await page.GotoAsync($"/admin/{slug}/products");
        Assert.Equal(200, response!.Status);
        await Rows.First.WaitForAsync();
    }

    /// <summary>The sort button of a column header, as a keyboard user reaches it.</summary>
    public Task SortByAsync(string column) =>
        Grid.GetByRole(AriaRole.Columnheader, new() { Name = column }).GetByRole(AriaRole.Button, new() { Name = "Sort" }).ClickAsync();

    public async Task<IReadOnlyList<string>> ColumnAsync(int index) =>
        await Rows.EvaluateAllAsync<string[]>($"rows => rows.map(r => r.querySelectorAll('td')[{index}].innerText.trim())");

    public Task NextPageAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();

    /// <summary>Types into the search box (the grid asks again once typing pauses).</summary>
    public Task SearchAsync(string text) => Search.FillAsync(text);
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

    public static int CountTo(string folder, string to) => TextsTo(folder, to).Count;

    /// <summary>Every email to <paramref name="to"/> in the folder, as written (headers and body).</summary>
    public static IReadOnlyList<string> TextsTo(string folder, string to) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.eml").Select(File.ReadAllText).Where(t => t.Contains("To: " + to + "\r\n")).ToList()
            : [];
}
