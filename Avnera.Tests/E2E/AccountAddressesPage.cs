using Microsoft.Playwright;

namespace Avnera.Tests.E2E;

/// <summary>/account/addresses as a person uses it: the address book table and the add/edit form.</summary>
public sealed class AccountAddressesPage(IPage page)
{
    public IPage Page => page;
    public ILocator Rows => page.GetByRole(AriaRole.Table).Locator("tbody").GetByRole(AriaRole.Row);
    public ILocator Empty => page.GetByText("No address yet.");
    public ILocator SaveButton => page.GetByRole(AriaRole.Button, new() { Name = "Save address" });

    public Task OpenAsync() => page.GotoAsync("/account/addresses");

    /// <summary>Fills the form's fields; null leaves a field as it is, "" empties it.</summary>
    public async Task FillAsync(string? recipient = null, string? street = null, string? postalCode = null, string? city = null, string? country = null)
    {
        foreach (var (label, value) in new[] { ("Recipient", recipient), ("Street address", street), ("Postal code", postalCode), ("City", city), ("Country code", country) })
            if (value is not null) await page.GetByLabel(label).FillAsync(value);
    }

    public Task SaveAsync() => SaveButton.ClickAsync();

    /// <summary>The message shown beside the field of <paramref name="label"/>.</summary>
    public ILocator ErrorBeside(string label) =>
        page.Locator(".form-field").Filter(new() { Has = page.GetByLabel(label) }).Locator(".validation-message");
}
