using System.Diagnostics;
using Avnera.Data;
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
        // Readiness: every database reachable; 503 with the failing one named otherwise.
        app.MapGet("/readyz", async (ReadinessProbe probe, CancellationToken ct) =>
        {
            var databases = await probe.CheckAsync(ct);
            var ready = databases.Values.All(d => d.Status == "ok");
            return Results.Json(new { status = ready ? "ok" : "unavailable", databases },
                statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
    }
}
