using Avnera.Data;

namespace Avnera.Web.Hosting;

/// <summary>
/// The platform's public address (Avnera:PublicOrigin, e.g. https://shops.example.com): the origin of every link
/// the app writes into an email and of every absolute address it publishes (canonical links, sitemaps, OAuth
/// callbacks). The request's Host header is chosen by whoever sends the request, so it never builds a link: a
/// forged Host would otherwise put the attacker's site in front of a valid reset code. Required outside
/// Development; a development run without it uses its first listening address.
/// </summary>
public sealed class PublicOrigin
{
    public const string Setting = "Avnera:PublicOrigin";
    private static readonly string Variable = Setting.Replace(":", "__");

    private PublicOrigin(Uri origin, bool acceptLoopback)
    {
        Scheme = origin.Scheme;
        Host = origin.IdnHost.ToLowerInvariant();
        Port = origin.Port;
        Origin = origin.GetLeftPart(UriPartial.Authority);
        AcceptsLoopback = acceptLoopback;
    }

    /// <summary>scheme://host[:port], without a trailing slash.</summary>
    public string Origin { get; }
    public string Scheme { get; }
    /// <summary>The host name, lower case.</summary>
    public string Host { get; }
    /// <summary>The port the public address uses (explicit, or the scheme's default).</summary>
    public int Port { get; }
    /// <summary>Development without a configured origin: localhost, 127.0.0.1 and [::1] are the platform's too.</summary>
    public bool AcceptsLoopback { get; }

    /// <summary>
    /// The origin of a store's own host name (stores.custom_host): the platform's scheme on its default port, as a
    /// store's domain is published (its DNS points at the platform's proxy).
    /// </summary>
    public string ForHost(string host) => $"{Scheme}://{host}";

    /// <summary>Whether a request's Host names the platform: its host name, on the public port (or none given).</summary>
    public bool IsPlatform(HostString host) =>
        PortMatches(host) && (string.Equals(host.Host, Host, StringComparison.OrdinalIgnoreCase)
                              || AcceptsLoopback && host.Host.ToLowerInvariant() is "localhost" or "127.0.0.1" or "[::1]");

    /// <summary>A Host without a port reached the default one; behind a proxy that is the public port.</summary>
    public bool PortMatches(HostString host) => host.Port is null || host.Port == Port;

    public static PublicOrigin From(IConfiguration configuration, IHostEnvironment environment)
    {
        var value = configuration[Setting]?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            if (!environment.IsDevelopment())
                throw new AvneraConfigurationException(
                    $"{Variable} is not set. Set it to the platform's public address, e.g. https://shops.example.com: " +
                    "links in emails, redirects and canonical addresses are built from it, never from the request's Host header.");
            return new PublicOrigin(FirstListeningAddress(configuration), acceptLoopback: true);
        }
        return new PublicOrigin(Parse(value), acceptLoopback: false);
    }

    public static Uri Parse(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            throw new AvneraConfigurationException(
                $"{Variable} is \"{value}\"; it must be the platform's public address: http(s), a host name and " +
                "optionally a port, with no path, e.g. https://shops.example.com.");
        return uri;
    }

    private static Uri FirstListeningAddress(IConfiguration configuration)
    {
        var first = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault() ?? "http://localhost:5000";
        // Wildcard bindings (http://*:80, http://+:80, 0.0.0.0, [::]) are reached as localhost on a development machine.
        foreach (var wildcard in new[] { "://*", "://+", "://0.0.0.0", "://[::]" })
            first = first.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        return Uri.TryCreate(first, UriKind.Absolute, out var uri) ? new Uri(uri.GetLeftPart(UriPartial.Authority)) : new Uri("http://localhost:5000");
    }
}

/// <summary>
/// The origin of the current request as registered, set by <see cref="KnownHostsMiddleware"/>: the platform's
/// public origin, or the store's own host name when the request came on one. Links and absolute addresses of a
/// page are built from it. Outside a request (a circuit, a job) it is the platform's.
/// </summary>
public sealed class RequestOrigin(PublicOrigin platform)
{
    /// <summary>scheme://host[:port], without a trailing slash.</summary>
    public string Origin { get; private set; } = platform.Origin;

    /// <summary>The origin with a trailing slash, for joining relative paths ("reset-password?...").</summary>
    public string BaseUri => Origin + "/";

    /// <summary>The store whose own host name the request came on, if any.</summary>
    public Guid? CustomHostStore { get; private set; }

    /// <summary>An absolute address for a path on this origin ("/auth/callback").</summary>
    public string Absolute(string path) => Origin + (path.StartsWith('/') ? path : "/" + path);

    internal void UseCustomHost(string registeredHost, Guid storeId)
    {
        Origin = platform.ForHost(registeredHost);
        CustomHostStore = storeId;
    }
}
