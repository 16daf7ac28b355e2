using Avnera.Web.Features.Storefront;

namespace Avnera.Tests.Unit;

/// <summary>The addresses the storefront's form posts redirect back to, and its language links.</summary>
public class StorefrontEndpointsTests
{
    [Theory]
    [InlineData("/s/x/p/y#reviews", "/s/x/p/y?vote=thanks#reviews")]
    [InlineData("/s/x/p/y?lang=fr#reviews", "/s/x/p/y?lang=fr&vote=thanks#reviews")]
    [InlineData("/s/x/p/y#", "/s/x/p/y?vote=thanks#")]
    public void WithQuery_UrlWithAFragment_PutsTheQueryBeforeTheFragment(string url, string expected) =>
        Assert.Equal(expected, StorefrontEndpoints.WithQuery(url, "vote", "thanks"));

    [Theory]
    [InlineData("/s/x/c/women", "/s/x/c/women?wishlist=added")]
    [InlineData("/s/x/c/women?f_size=M&page=2", "/s/x/c/women?f_size=M&page=2&wishlist=added")]
    public void WithQuery_UrlWithoutAFragment_AppendsToTheQuery(string url, string expected) =>
        Assert.Equal(expected, StorefrontEndpoints.WithQuery(url, "wishlist", "added"));

    [Fact]
    public void WithQuery_EscapesTheValue() =>
        Assert.Equal("/p?k=a%26b%23c", StorefrontEndpoints.WithQuery("/p", "k", "a&b#c"));

    [Theory]
    [InlineData("https://shop.example/s/x/p/y", "fr", "https://shop.example/s/x/p/y?lang=fr")]
    [InlineData("https://shop.example/s/x/c/women?page=2", "fr", "https://shop.example/s/x/c/women?page=2&lang=fr")]
    [InlineData("https://shop.example/s/x/p/y", "en", "https://shop.example/s/x/p/y")]
    public void LanguageUrl_AddsLangUnlessItIsTheDefault(string url, string language, string expected) =>
        Assert.Equal(expected, StorefrontEndpoints.LanguageUrl(url, language, "en"));
}
