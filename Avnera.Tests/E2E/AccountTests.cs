using Avnera.Tests.Infrastructure;
using Avnera.Web.Features.Demo;
using Microsoft.Playwright;

namespace Avnera.Tests.E2E;

/// <summary>The embedded sign-in provider end to end: sign-up, confirmation mail, sign-in, account, sign-out.</summary>
[Collection(E2ECollection.Name)]
public sealed class AccountTests(AppAndBrowser fixture)
{
    private static string NewEmail() => $"new-{Guid.NewGuid():N}"[..16] + "@example.com";

    [Fact]
    public async Task SignUp_ConfirmFromMail_SignIn_EditProfileAndAddress_SignOut()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        var email = NewEmail();
        await new SignupPage(page).SignUpAsync(email, "correct horse battery", "Riley Test");

        // Not confirmed yet: the right password is still refused, with a clear reason.
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.SubmitAsync(email, "correct horse battery");
        await Assertions.Expect(login.Alert).ToContainTextAsync("confirm your email address");

        await page.GotoAsync(await Mailbox.LinkAsync(fixture.App.MailFolder, email, "/confirm-email"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Email confirmed" })).ToBeVisibleAsync();

        await login.SignInAsync(email, "correct horse battery");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Riley Test" })).ToBeVisibleAsync();

        await page.GetByLabel("First name").FillAsync("Riley");
        await page.GetByLabel("Language").SelectOptionAsync("fr");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Browser.ScreenshotAsync(page, "account-profile");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your profile is saved.");
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("First name")).ToHaveValueAsync("Riley");
        await Assertions.Expect(page.GetByLabel("Language")).ToHaveValueAsync("fr");

        await page.GotoAsync("/account/addresses");
        await page.GetByLabel("Recipient").FillAsync("Riley Test");
        await page.GetByLabel("Street address").FillAsync("1 Test Street");
        await page.GetByLabel("Postal code").FillAsync("75001");
        await page.GetByLabel("City").FillAsync("Paris");
        await page.GetByLabel("Country code").FillAsync("fr");
        await page.GetByLabel("Default shipping address").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save address" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell).Filter(new() { HasText = "1 Test Street" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Edit the address" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Street address")).ToHaveValueAsync("1 Test Street");
        await page.GetByLabel("City").FillAsync("Lyon");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save address" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell).Filter(new() { HasText = "Lyon" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell).Filter(new() { HasText = "shipping" })).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "account-addresses");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.GotoAsync("/account");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login\\?returnUrl=%2Faccount"));
    }

    [Fact]
    public async Task Address_CountryNameIsRefusedWithWhatToType_AndNoPostalCodeIsFine()
    {
        var email = NewEmail();
        await fixture.App.CreateConfirmedAccountAsync(email, "address password 1");
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        await new LoginPage(page).SignInAsync(email, "address password 1");
        var addresses = new AccountAddressesPage(page);
        await addresses.OpenAsync();

        // Hong Kong has no postal codes; the country typed as its name is refused, saying what to type instead.
        await addresses.FillAsync(recipient: "Kai Chan", street: "8 Finance Street", city: "Hong Kong", country: "Hong Kong");
        await addresses.SaveAsync();
        await Assertions.Expect(addresses.ErrorBeside("Country code")).ToHaveTextAsync(
            "\"Hong Kong\" is not a country code: use the country's two letters (ISO 3166), e.g. FR for France or DE for Germany.");
        await Assertions.Expect(page.GetByLabel("Country code")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(addresses.ErrorBeside("Postal code")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("Street address")).ToHaveValueAsync("8 Finance Street"); // nothing typed is lost
        await Assertions.Expect(addresses.Empty).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "account-address-invalid-country");

        await addresses.FillAsync(country: "hk");
        await addresses.SaveAsync();
        await Assertions.Expect(addresses.Rows).ToHaveCountAsync(1);
        await Assertions.Expect(addresses.Rows.First).ToContainTextAsync("Kai Chan, 8 Finance Street, Hong Kong, HK");
        Assert.Null(await TestData.ScalarAsync<string>(fixture.App.Inspect(fixture.App.MasterDatabase),
            "select postal_code from user_addresses where user_id = (select id from users where email = $1)", email));
    }

    [Fact]
    public async Task AnonymousVisitor_IsSentToSignIn_AndBackToTheAdminPage()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        await page.GotoAsync("/admin/oak-and-ember/products");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login\\?returnUrl="));
        await new LoginPage(page).SubmitAsync(DemoSeeder.Logins.HomeOwner, DemoSeeder.Logins.Password);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/oak-and-ember/products$"));
        await Assertions.Expect(new AdminProductsPage(page).Rows.First).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData(DemoSeeder.Logins.FashionOwner, "/admin/oak-and-ember/products")] // another store's admin
    [InlineData(DemoSeeder.Logins.Shopper, "/admin/maison-lumiere/products")]    // a shopper
    public async Task SignedInPersonWithoutARoleInTheStore_GetsForbidden_NeverTheData(string email, string url)
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        await new LoginPage(page).SignInAsync(email, DemoSeeder.Logins.Password);
        var response = await page.GotoAsync(url);
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Access denied");
        await Assertions.Expect(new AdminProductsPage(page).Grid).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task PlatformAdmin_CanOpenAnyStoresAdmin()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        await new LoginPage(page).SignInAsync(DemoSeeder.Logins.Admin, DemoSeeder.Logins.Password);
        var response = await page.GotoAsync("/admin/maison-lumiere/products");
        Assert.Equal(200, response!.Status);
    }

    [Fact]
    public async Task AnotherPersonsAddress_CannotBeOpenedForEditing()
    {
        var shopper = DemoSeeder.UserId(DemoSeeder.Logins.Shopper);
        var shopperAddress = await TestData.ScalarAsync<Guid>(fixture.App.Inspect(fixture.App.MasterDatabase),
            "select id from user_addresses where user_id = $1 limit 1", shopper);
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        await new LoginPage(page).SignInAsync(DemoSeeder.Logins.HomeOwner, DemoSeeder.Logins.Password);
        await page.GotoAsync($"/account/addresses?edit={shopperAddress}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Add an address" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Street address")).ToHaveValueAsync("");
        await Assertions.Expect(page.GetByText("Rue des Lilas")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SixthWrongPassword_IsRefusedWithALockoutMessage_EvenWithTheRightPassword()
    {
        var email = NewEmail();
        await fixture.App.CreateConfirmedAccountAsync(email, "the right password 1");
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        var login = new LoginPage(page);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await login.OpenAsync();
            await login.SubmitAsync(email, "wrong password " + attempt);
            await Assertions.Expect(login.Alert).ToHaveTextAsync("Wrong email or password.");
        }
        await login.OpenAsync();
        await login.SubmitAsync(email, "wrong password 5");
        await Assertions.Expect(login.Alert).ToContainTextAsync("locked");
        await login.OpenAsync();
        await login.SubmitAsync(email, "the right password 1");
        await Assertions.Expect(login.Alert).ToContainTextAsync("Too many failed attempts");
    }

    [Fact]
    public async Task SignUpAndRecovery_DoNotRevealWhichEmailsHaveAccounts()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        async Task<string> SignUpAsync(string email)
        {
            await new SignupPage(page).SubmitAsync(email, "a long enough password");
            return await page.GetByRole(AriaRole.Status).InnerTextAsync();
        }
        Assert.Equal(await SignUpAsync(NewEmail()), await SignUpAsync(DemoSeeder.Logins.Shopper));
        // The real owner of the address is told instead.
        await Mailbox.LinkAsync(fixture.App.MailFolder, DemoSeeder.Logins.Shopper, "/forgot-password");

        async Task<string> RecoverAsync(string email)
        {
            await page.GotoAsync("/forgot-password");
            await page.GetByLabel("Email").FillAsync(email);
            await page.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync();
            return await page.GetByRole(AriaRole.Status).InnerTextAsync();
        }
        Assert.Equal(await RecoverAsync(NewEmail()), await RecoverAsync(DemoSeeder.Logins.HomeOwner));
    }

    [Fact]
    public async Task PasswordReset_FromTheMailedLink_SignsOutEverywhere()
    {
        var email = NewEmail();
        await fixture.App.CreateConfirmedAccountAsync(email, "first password 123");
        var other = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        await new LoginPage(other).SignInAsync(email, "first password 123");

        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        await page.GotoAsync("/forgot-password");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync();
        await page.GotoAsync(await Mailbox.LinkAsync(fixture.App.MailFolder, email, "/reset-password"));
        await page.GetByLabel("New password (at least 10 characters)").FillAsync("second password 456");
        await page.GetByLabel("Repeat the password").FillAsync("second password 456");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("signed out everywhere");

        await new LoginPage(page).SignInAsync(email, "second password 456");
        await other.GotoAsync("/account");
        await Assertions.Expect(other).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
    }

    [Fact]
    public async Task SignOutOtherSessions_EndsTheOtherBrowser_ButNotThisOne()
    {
        var email = NewEmail();
        await fixture.App.CreateConfirmedAccountAsync(email, "session password 1");
        var laptop = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        var phone = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        await new LoginPage(laptop).SignInAsync(email, "session password 1");
        await new LoginPage(phone).SignInAsync(email, "session password 1");

        await laptop.GotoAsync("/account/security");
        await Assertions.Expect(laptop.Locator("table.simple").First.Locator("tbody tr")).ToHaveCountAsync(2);
        await laptop.GetByRole(AriaRole.Button, new() { Name = "Sign out all other sessions" }).ClickAsync();
        await Assertions.Expect(laptop.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 other session is signed out.");
        await Assertions.Expect(laptop.GetByRole(AriaRole.Cell).Filter(new() { HasText = "Other sessions signed out" })).ToBeVisibleAsync();

        await phone.GotoAsync("/account");
        await Assertions.Expect(phone).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        await laptop.GotoAsync("/account");
        await Assertions.Expect(laptop).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account$"));
    }

    [Fact]
    public async Task PlatformPage_IsForThePlatformAdminOnly()
    {
        var anonymous = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        await anonymous.GotoAsync("/platform");
        await Assertions.Expect(anonymous).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login\\?returnUrl=%2Fplatform"));

        var owner = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        await new LoginPage(owner).SignInAsync(DemoSeeder.Logins.FashionOwner, DemoSeeder.Logins.Password);
        Assert.Equal(403, (await owner.GotoAsync("/platform"))!.Status);
        await Assertions.Expect(owner.GetByRole(AriaRole.Link, new() { Name = "Platform" })).ToHaveCountAsync(0);

        var admin = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        await new LoginPage(admin).SignInAsync(DemoSeeder.Logins.Admin, DemoSeeder.Logins.Password);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Platform" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Cell).Filter(new() { HasText = "camille@maison-lumiere.example" })).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(admin, "platform-stores");
    }

    [Fact]
    public async Task EmbeddedMode_OffersNoExternalProviders()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        foreach (var path in new[] { "/login?returnUrl=%2Faccount", "/signup" })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Continue with") })).ToHaveCountAsync(0);
        }
        Assert.Equal(404, (await page.APIRequest.GetAsync("/auth/authorize?provider=github", new() { MaxRedirects = 0 })).Status);
    }

    [Fact]
    public async Task StoreOwnerSignUp_LeadsToOpeningTheFirstStore_AndItsAdmin()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        var email = NewEmail();
        var slug = "shop-" + Guid.NewGuid().ToString("N")[..6];
        await new SignupPage(page).SignUpAsync(email, "owner password 42", "Olive Owner", openStore: true);

        await page.GotoAsync(await Mailbox.LinkAsync(fixture.App.MailFolder, email, "/confirm-email"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).Last.ClickAsync();
        await new LoginPage(page).SubmitAsync(email, "owner password 42");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Open your store" })).ToBeVisibleAsync();

        await page.GetByLabel("Store name").FillAsync("Olive's Oils");
        await page.GetByLabel("Store address").FillAsync("Bad Address!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the store" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("lowercase letters");

        await page.GetByLabel("Store address").FillAsync("maison-lumiere");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the store" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("is taken");

        await page.GetByLabel("Store address").FillAsync(slug);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the store" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/admin/{slug}/products$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "This store has no products yet" })).ToBeVisibleAsync();
        Assert.Equal(200, (await page.GotoAsync($"/s/{slug}"))!.Status);
    }
}
