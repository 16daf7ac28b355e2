using System.Net;
using Avnera.Data;
using Microsoft.AspNetCore.HttpOverrides;

namespace Avnera.Web.Hosting;

/// <summary>
/// Behind a reverse proxy the connection comes from the proxy: rate limits and session logs would see one address
/// for everybody, and the scheme would be http. Avnera:KnownProxies (comma-separated addresses or CIDR ranges)
/// names the proxies whose X-Forwarded-For / X-Forwarded-Proto are believed. Unset, the headers are ignored: anyone
/// can send them, so trusting them by default would let a client choose its own address (and rate-limit budget).
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string Setting = "Avnera:KnownProxies";

    /// <summary>The configured proxies; registered only when there are some.</summary>
    public sealed record TrustedProxies(IReadOnlyList<IPAddress> Addresses, IReadOnlyList<System.Net.IPNetwork> Networks);

    public static IServiceCollection AddAvneraForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        if (Parse(configuration[Setting]) is not { } proxies) return services;
        services.AddSingleton(proxies);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default; only what the operator named is trusted here.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var address in proxies.Addresses) o.KnownProxies.Add(address);
            foreach (var network in proxies.Networks) o.KnownIPNetworks.Add(network);
            // Walk back through a chain of trusted proxies (CDN, then load balancer); the first address that is not
            // a trusted proxy is the client.
            o.ForwardLimit = null;
        });
        return services;
    }

    /// <summary>First in the pipeline, so that everything after it sees the client's address and scheme.</summary>
    public static WebApplication UseAvneraForwardedHeaders(this WebApplication app)
    {
        if (app.Services.GetService<TrustedProxies>() is not null) app.UseForwardedHeaders();
        return app;
    }

    public static TrustedProxies? Parse(string? value)
    {
        var entries = (value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length == 0) return null;
        var addresses = new List<IPAddress>();
        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in entries)
        {
            if (!entry.Contains('/') && IPAddress.TryParse(entry, out var address)) addresses.Add(address);
            else if (entry.Contains('/') && System.Net.IPNetwork.TryParse(entry, out var network)) networks.Add(network);
            else
                throw new AvneraConfigurationException(
                    $"{Setting.Replace(":", "__")} has \"{entry}\", which is neither an IP address nor a CIDR range (e.g. 10.0.0.5, 10.0.0.0/8, fd00::/8).");
        }
        return new TrustedProxies(addresses, networks);
    }
}
