namespace Avnera.Web.Features.Account;

public static class LocalUrl
{
    /// <summary>A return URL is followed only when it stays on this site ("/path", not "//host" or "/\host").</summary>
    public static string Safe(string? url, string fallback = "/") =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Contains("://")
            ? url : fallback;
}
