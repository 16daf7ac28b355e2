using System.Text;
using Avnera.Web.Features.Account;
using Microsoft.AspNetCore.WebUtilities;

namespace Avnera.Web.Auth.Supabase;

/// <summary>
/// Keeps an external sign-in between /auth/authorize and /auth/callback in one short-lived HttpOnly cookie: the PKCE
/// verifier (only its challenge goes to GoTrue) and where to land afterwards. The return URL stays here rather
/// than in GoTrue's redirect_to, so that redirect_to is always exactly {site}/auth/callback (the allow-listed URL).
/// </summary>
public static class PkceFlowCookie
{
    public const string Name = "avnera.pkce";
    private const string CookiePath = "/auth/callback";

    /// <summary>A started flow: the verifier and the local URL to go to once signed in.</summary>
    public sealed record Flow(string Verifier, string ReturnUrl);

    public static void Write(HttpContext http, string verifier, string? returnUrl)
    {
        // The return URL goes last, base64url-encoded (no '.'), so the last '.' separates it from the verifier
        // (whose RFC 7636 alphabet includes '.').
        var value = verifier + "." + WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(LocalUrl.Safe(returnUrl, "/account")));
        http.Response.Cookies.Append(Name, value, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, Path = CookiePath,
            MaxAge = TimeSpan.FromMinutes(5), IsEssential = true,
        });
    }

    /// <summary>Reads and removes the flow (a code can be exchanged once). Null when there is none.</summary>
    public static Flow? Take(HttpContext http)
    {
        var value = http.Request.Cookies[Name];
        http.Response.Cookies.Delete(Name, new CookieOptions { Path = CookiePath });
        if (string.IsNullOrEmpty(value)) return null;
        var dot = value.LastIndexOf('.');
        if (dot < 0) return new Flow(value, "/account");
        string? returnUrl;
        try
        {
            returnUrl = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(value[(dot + 1)..]));
        }
        catch (FormatException)
        {
            returnUrl = null;
        }
        return dot == 0 ? null : new Flow(value[..dot], LocalUrl.Safe(returnUrl, "/account"));
    }
}
