using Avnera.Data;

namespace Avnera.Web.Auth.Supabase;

/// <summary>An external sign-in provider of GoTrue's /authorize (its name there) and the name people know it by.</summary>
public sealed record OAuthProvider(string Name, string Label);

/// <summary>
/// The external providers GoTrue's /authorize knows (supabase/auth, <c>Provider()</c>), and the configured list
/// (SUPABASE_OAUTH_PROVIDERS, e.g. "google,github") that the sign-in and sign-up pages offer as buttons.
/// </summary>
public static class OAuthProviders
{
    public const string Setting = "SUPABASE_OAUTH_PROVIDERS";

    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["apple"] = "Apple", ["azure"] = "Microsoft", ["bitbucket"] = "Bitbucket", ["discord"] = "Discord",
        ["facebook"] = "Facebook", ["figma"] = "Figma", ["fly"] = "Fly.io", ["github"] = "GitHub", ["gitlab"] = "GitLab",
        ["google"] = "Google", ["kakao"] = "Kakao", ["keycloak"] = "Keycloak", ["linkedin_oidc"] = "LinkedIn",
        ["notion"] = "Notion", ["slack_oidc"] = "Slack", ["spotify"] = "Spotify", ["twitch"] = "Twitch",
        ["twitter"] = "Twitter", ["x"] = "X", ["workos"] = "WorkOS", ["zoom"] = "Zoom",
    };

    /// <summary>
    /// The configured list, in the order given, without repeats. An unknown name stops the start: a typo would
    /// otherwise show a button that ends in GoTrue's "provider could not be found".
    /// </summary>
    public static IReadOnlyList<OAuthProvider> Parse(string? value)
    {
        var names = (value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.ToLowerInvariant()).Distinct().ToList();
        var unknown = names.Where(n => !Known.ContainsKey(n)).ToList();
        if (unknown.Count > 0)
            throw new AvneraConfigurationException(
                $"{Setting} names {(unknown.Count == 1 ? "an unknown provider" : "unknown providers")} " +
                $"({string.Join(", ", unknown.Select(n => $"\"{n}\""))}). Use GoTrue's names, comma-separated: {string.Join(", ", Known.Keys.Order())}.");
        return names.Select(n => new OAuthProvider(n, Known[n])).ToList();
    }
}
