using Avnera.Web.Auth.Supabase;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Avnera.Tests.Unit;

/// <summary>The external sign-in's cookie: the verifier and a return URL that can only lead back to this site.</summary>
public class PkceFlowCookieTests
{
    // RFC 7636's alphabet: letters, digits and - . _ ~
    private const string Verifier = "ver.ifier-abc_123~x.";

    [Fact]
    public void WriteThenTake_RealVerifiers_ComeBackWhole()
    {
        for (var i = 0; i < 50; i++)
        {
            var verifier = Avnera.Web.Auth.Supabase.Pkce.CreateVerifier();
            var start = new DefaultHttpContext();
            PkceFlowCookie.Write(start, verifier, "/account/addresses");
            var flow = Take(SetCookieHeaderValue.Parse(start.Response.Headers.SetCookie.ToString()).Value.ToString());
            Assert.Equal(new PkceFlowCookie.Flow(verifier, "/account/addresses"), flow);
        }
    }

    private static PkceFlowCookie.Flow? RoundTrip(string? returnUrl)
    {
        var start = new DefaultHttpContext();
        PkceFlowCookie.Write(start, Verifier, returnUrl);
        var setCookie = SetCookieHeaderValue.Parse(start.Response.Headers.SetCookie.ToString());
        Assert.True(setCookie.HttpOnly);
        Assert.Equal("/auth/callback", setCookie.Path.ToString());
        return Take(setCookie.Value.ToString());
    }

    private static PkceFlowCookie.Flow? Take(string cookieValue)
    {
        var callback = new DefaultHttpContext();
        callback.Request.Headers.Cookie = $"{PkceFlowCookie.Name}={cookieValue}";
        var flow = PkceFlowCookie.Take(callback);
        Assert.Contains($"{PkceFlowCookie.Name}=;", callback.Response.Headers.SetCookie.ToString()); // used once
        return flow;
    }

    [Theory]
    [InlineData("/admin/shop/products?page=2", "/admin/shop/products?page=2")]
    [InlineData(null, "/account")]
    [InlineData("https://evil.example/", "/account")]
    [InlineData("//evil.example", "/account")]
    public void WriteThenTake_GivesTheVerifierAndALocalReturnUrl(string? returnUrl, string expected)
    {
        var flow = RoundTrip(returnUrl);

        Assert.Equal(new PkceFlowCookie.Flow(Verifier, expected), flow);
    }

    [Fact]
    public void Take_ATamperedReturnUrl_StaysOnThisSite()
    {
        var evil = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode("https://evil.example"u8.ToArray());

        Assert.Equal("/account", Take("verifier." + evil)!.ReturnUrl);
        Assert.Equal("/account", Take("verifier.%%%")!.ReturnUrl);
    }

    [Fact]
    public void Take_NoCookie_IsNull()
    {
        Assert.Null(PkceFlowCookie.Take(new DefaultHttpContext()));
    }
}
