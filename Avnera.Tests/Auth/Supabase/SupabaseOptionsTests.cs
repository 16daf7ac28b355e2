using Avnera.Data;
using Avnera.Web.Auth.Supabase;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Avnera.Tests.Auth.Supabase;

public class SupabaseOptionsTests
{
    private static SupabaseOptions From(params (string Key, string? Value)[] settings) =>
        SupabaseOptions.From(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Fact]
    public void From_UrlAndAnonKey_IsConfiguredWithDerivedAuthUrlAndIssuer()
    {
        var options = From(("SUPABASE_URL", "https://abcd.supabase.co/"), ("SUPABASE_ANON_KEY", "anon"));

        Assert.True(options.IsConfigured);
        Assert.Equal("https://abcd.supabase.co/auth/v1", options.AuthUrl);
        Assert.Equal("https://abcd.supabase.co/auth/v1", options.Issuer);
        Assert.Equal("authenticated", SupabaseOptions.Audience);
        Assert.Null(options.ServiceRoleKey);
        Assert.Null(options.JwtSecret);
    }

    [Theory]
    [InlineData(null, "anon")]
    [InlineData("https://abcd.supabase.co", null)]
    [InlineData("https://abcd.supabase.co", "  ")]
    public void From_MissingUrlOrAnonKey_IsNotConfigured(string? url, string? anonKey)
    {
        var options = From(("SUPABASE_URL", url), ("SUPABASE_ANON_KEY", anonKey));

        Assert.False(options.IsConfigured);
        Assert.Throws<InvalidOperationException>(() => options.AuthUrl);
    }

    [Theory]
    [InlineData("abcd.supabase.co")]
    [InlineData("ftp://abcd.supabase.co")]
    [InlineData("https://abcd.supabase.co/?x=1")]
    public void From_MalformedUrl_StopsWithConfigurationError(string url)
    {
        Assert.Throws<AvneraConfigurationException>(() => From(("SUPABASE_URL", url), ("SUPABASE_ANON_KEY", "anon")));
    }

    [Fact]
    public void From_ShortJwtSecret_StopsWithConfigurationError()
    {
        // HS256 needs a 256-bit key; a truncated secret would otherwise reject every token at request time.
        Assert.Throws<AvneraConfigurationException>(() => From(("SUPABASE_URL", "https://abcd.supabase.co"),
            ("SUPABASE_ANON_KEY", "anon"), ("SUPABASE_JWT_SECRET", "too-short")));
    }

    [Fact]
    public void From_OAuthProviders_DefaultsToNone()
    {
        Assert.Empty(From(("SUPABASE_URL", "https://abcd.supabase.co"), ("SUPABASE_ANON_KEY", "anon")).OAuthProviders);
    }

    [Fact]
    public void From_OAuthProviders_KeepsTheOrderGiven_WithTheNamesPeopleKnow()
    {
        var options = From(("SUPABASE_URL", "https://abcd.supabase.co"), ("SUPABASE_ANON_KEY", "anon"),
            ("SUPABASE_OAUTH_PROVIDERS", " Google, github ,google,azure"));

        Assert.Equal(["google", "github", "azure"], options.OAuthProviders.Select(p => p.Name));
        Assert.Equal(["Google", "GitHub", "Microsoft"], options.OAuthProviders.Select(p => p.Label));
    }

    [Fact]
    public void From_UnknownOAuthProvider_StopsWithAMessageNamingIt()
    {
        var e = Assert.Throws<AvneraConfigurationException>(() => From(("SUPABASE_URL", "https://abcd.supabase.co"),
            ("SUPABASE_ANON_KEY", "anon"), ("SUPABASE_OAUTH_PROVIDERS", "google,gooogle")));

        Assert.Contains("SUPABASE_OAUTH_PROVIDERS", e.Message);
        Assert.Contains("\"gooogle\"", e.Message);
        Assert.Contains("github", e.Message); // the names that would work
    }

    [Fact]
    public void ToString_WithKeys_NeverShowsThem()
    {
        var text = From(("SUPABASE_URL", "https://abcd.supabase.co"), ("SUPABASE_ANON_KEY", "anon-secret-value"),
            ("SUPABASE_SERVICE_ROLE_KEY", "service-secret-value"), ("SUPABASE_JWT_SECRET", "jwt-secret-value-long-enough-for-hs256")).ToString();

        Assert.DoesNotContain("secret-value", text);
        Assert.Contains("https://abcd.supabase.co", text);
    }

    [Fact]
    public void AddSupabaseAuth_NotConfigured_RegistersServicesThatReportIt()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSupabaseAuth(new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.False(provider.GetRequiredService<SupabaseOptions>().IsConfigured);
        Assert.Same(provider.GetRequiredService<SupabaseTokenValidator>(), provider.GetRequiredService<SupabaseTokenValidator>());
        Assert.NotNull(provider.GetRequiredService<GoTrueClient>());
    }
}
