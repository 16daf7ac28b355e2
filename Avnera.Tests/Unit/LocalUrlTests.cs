using Avnera.Web.Features.Account;

namespace Avnera.Tests.Unit;

/// <summary>Sign-in's return URL never leads off the site (open redirect).</summary>
public class LocalUrlTests
{
    [Theory]
    [InlineData("/account", "/account")]
    [InlineData("/admin/maison-lumiere/products?x=1", "/admin/maison-lumiere/products?x=1")]
    [InlineData("/", "/")]
    public void Safe_LocalPath_IsKept(string url, string expected) => Assert.Equal(expected, LocalUrl.Safe(url));

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/path")]
    [InlineData("/\\evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("evil.example")]
    [InlineData("/redirect?to=https://evil.example")]
    [InlineData("")]
    [InlineData(null)]
    public void Safe_AnythingElse_FallsBack(string? url) => Assert.Equal("/fallback", LocalUrl.Safe(url, "/fallback"));
}
