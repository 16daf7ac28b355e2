using System.Net;
using System.Text.RegularExpressions;

namespace Avnera.Tests.Infrastructure;

/// <summary>
/// The app as curl sees it: plain HTTP requests with a cookie jar, no browser. Posts the app's server-rendered forms
/// the way a browser would (the page's antiforgery token and form name), or without them, as an attacker would.
/// Redirects are not followed, so a test sees each answer.
/// </summary>
public sealed partial class FormClient : IDisposable
{
    private readonly HttpClientHandler _handler;

    /// <param name="host">The Host every request names, when it is not the address connected to (a proxied app).</param>
    public FormClient(string baseUrl, string? host = null)
    {
        _handler = new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false };
        Http = new HttpClient(_handler) { BaseAddress = new Uri(baseUrl + "/") };
        if (host is not null) Http.DefaultRequestHeaders.Host = host;
    }

    public CookieContainer Cookies { get; } = new();
    public HttpClient Http { get; }

    /// <summary>The antiforgery token of a page's form (also sets the antiforgery cookie).</summary>
    public async Task<string> TokenAsync(string path)
    {
        var html = await Http.GetStringAsync(path.TrimStart('/'));
        return TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException($"{path} has no antiforgery token.");
    }

    /// <summary>Fills and posts a form of <paramref name="path"/> (its FormName is <paramref name="form"/>).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, string form, IDictionary<string, string> fields,
        Action<HttpRequestMessage>? tamper = null)
    {
        var values = new Dictionary<string, string>(fields) { ["_handler"] = form, ["__RequestVerificationToken"] = await TokenAsync(path) };
        using var request = new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/')) { Content = new FormUrlEncodedContent(values) };
        tamper?.Invoke(request);
        return await Http.SendAsync(request);
    }

    /// <summary>Signs in through /login; the cookie jar then holds the session.</summary>
    public async Task SignInAsync(string email, string password)
    {
        var response = await PostFormAsync("/login", "login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Signing in as {email} answered {(int)response.StatusCode}, not a redirect.");
    }

    /// <summary>Whether the cookie jar's session still opens the account page.</summary>
    public async Task<bool> IsSignedInAsync()
    {
        using var response = await Http.GetAsync("account");
        return response.StatusCode == HttpStatusCode.OK;
    }

    public void Dispose()
    {
        Http.Dispose();
        _handler.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
