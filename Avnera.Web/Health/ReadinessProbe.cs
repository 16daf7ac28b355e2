using System.Diagnostics;
using Avnera.Data;
using Avnera.Web.Auth;
using Avnera.Web.Auth.Sessions;
using Npgsql;

namespace Avnera.Web.Health;

public sealed record DatabaseReadiness(string Status, string Database, double LatencyMs, string? Error);

/// <summary>Checks that each database answers, as the application role, within a short timeout.</summary>
public sealed class ReadinessProbe(AvneraDataOptions options)
{
    public async Task<Dictionary<string, DatabaseReadiness>> CheckAsync(CancellationToken ct)
    {
        var checks = new[] { ("master", options.Master), ("products", options.Products), ("orders", options.Orders) };
        var results = await Task.WhenAll(checks.Select(c => CheckOneAsync(c.Item2, ct)));
        return checks.Select((c, i) => (c.Item1, results[i])).ToDictionary(x => x.Item1, x => x.Item2);
    }

    private static async Task<DatabaseReadiness> CheckOneAsync(string connectionString, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 3, CommandTimeout = 3 };
        var name = $"{builder.Host}:{builder.Port}/{builder.Database}";
        var watch = Stopwatch.StartNew();
        try
        {
            await using var conn = new NpgsqlConnection(builder.ConnectionString);
            await conn.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand("select 1", conn);
            await cmd.ExecuteScalarAsync(ct);
            return new DatabaseReadiness("ok", name, Math.Round(watch.Elapsed.TotalMilliseconds, 1), null);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return new DatabaseReadiness("unavailable", name, Math.Round(watch.Elapsed.TotalMilliseconds, 1), ex.Message);
        }
    }
}

public static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        // Liveness: the process answers. Never touches a database, so a database outage does not get it restarted.
        app.MapGet("/healthz", () => Results.Json(new { status = "ok" }));
        // Readiness: every database reachable; 503 otherwise. Anyone may ask whether each database is up, but where
        // they live (host, port, name) and why one failed is for platform admins: it maps the network for an attacker.
        app.MapGet("/readyz", async (HttpContext http, ReadinessProbe probe, StoreRoles roles, CancellationToken ct) =>
        {
            var databases = await probe.CheckAsync(ct);
            var ready = databases.Values.All(d => d.Status == "ok");
            var status = ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
            var overall = ready ? "ok" : "unavailable";
            if (SessionService.UserId(http.User) is { } userId && await roles.IsPlatformAdminAsync(userId))
                return Results.Json(new { status = overall, databases }, statusCode: status);
            return Results.Json(new { status = overall, databases = databases.ToDictionary(d => d.Key, d => d.Value.Status) }, statusCode: status);
        });
    }
}
