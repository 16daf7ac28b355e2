using Avnera.Web.Auth.Supabase;
using Avnera.Web.Features.Account;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace Avnera.Tests.Components;

/// <summary>"Continue with ..." links: only in Supabase mode with configured providers, carrying a local return URL.</summary>
public class ExternalSignInButtonsTests : BunitContext
{
    private static SupabaseOptions Supabase(string? providers, string? url = "https://abcd.supabase.co") => new()
    {
        Url = url, AnonKey = "anon", OAuthProviders = OAuthProviders.Parse(providers),
    };

    [Fact]
    public void SupabaseModeWithProviders_LinksEachToAuthorize_WithTheReturnUrl()
    {
        Services.AddSingleton(Supabase("google,github"));

        var cut = Render<ExternalSignInButtons>(p => p.Add(x => x.ReturnUrl, "/admin/shop/products?page=2"));

        var links = cut.FindAll("a.oauth-button");
        Assert.Equal(["Continue with Google", "Continue with GitHub"], links.Select(l => l.TextContent.Trim()));
        Assert.Equal(
            ["/auth/authorize?provider=google&returnUrl=%2Fadmin%2Fshop%2Fproducts%3Fpage%3D2",
             "/auth/authorize?provider=github&returnUrl=%2Fadmin%2Fshop%2Fproducts%3Fpage%3D2"],
            links.Select(l => l.GetAttribute("href")));
        Assert.NotNull(cut.Find("a.oauth-button svg")); // the provider's mark
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example")]
    [InlineData(null)]
    public void NonLocalOrMissingReturnUrl_LeadsToTheAccount(string? returnUrl)
    {
        Services.AddSingleton(Supabase("github"));

        var cut = Render<ExternalSignInButtons>(p => p.Add(x => x.ReturnUrl, returnUrl));

        Assert.Equal("/auth/authorize?provider=github&returnUrl=%2Faccount", cut.Find("a.oauth-button").GetAttribute("href"));
    }

    [Fact]
    public void EmbeddedMode_RendersNothing()
    {
        var cut = Render<ExternalSignInButtons>();

        Assert.Equal("", cut.Markup.Trim());
    }

    [Theory]
    [InlineData(null, "https://abcd.supabase.co")]
    [InlineData("google", null)]
    public void NoProviders_OrSupabaseNotConfigured_RendersNothing(string? providers, string? url)
    {
        Services.AddSingleton(Supabase(providers, url));

        var cut = Render<ExternalSignInButtons>();

        Assert.Equal("", cut.Markup.Trim());
    }
}
