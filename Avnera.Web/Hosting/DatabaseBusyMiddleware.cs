using Npgsql;

namespace Avnera.Web.Hosting;

/// <summary>
/// When PostgreSQL cannot take the request (too many connections, starting up or shutting down, the
/// connection pool timed out, the connection broke), the shopper gets a "busy, try again" page with
/// 503 and Retry-After instead of a generic 500: the request can simply be repeated.
/// </summary>
public sealed class DatabaseBusyMiddleware(RequestDelegate next, ILogger<DatabaseBusyMiddleware> logger)
{
    public const string BusyItem = "avnera.database-busy";

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (IsTransient(ex) && !context.Response.HasStarted)
        {
            logger.LogWarning(ex, "Database busy or unreachable for {Path}", context.Request.Path);
            context.Response.Clear();
            context.Items[BusyItem] = true;
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "5";
        }
    }

    public static bool IsTransient(Exception ex) => ex switch
    {
        PostgresException pg => pg.SqlState is PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
            || pg.SqlState.StartsWith("08", StringComparison.Ordinal),
        NpgsqlException npgsql => npgsql.IsTransient,
        InvalidOperationException or AggregateException when ex.InnerException is { } inner => IsTransient(inner),
        _ => ex.InnerException is { } inner2 && inner2 is NpgsqlException && IsTransient(inner2),
    };
}
