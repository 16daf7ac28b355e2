using Avnera.Data.Security;
using Avnera.Data.Common;
using Avnera.Data.Master;
using Avnera.Data.Orders;
using Avnera.Data.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Avnera.Data.Tenancy;

public sealed record MigrationReport(string Context, string Database, IReadOnlyList<string> Applied, string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Applies migrations in the deploy order Master → Products → Orders: first the configured databases, then
/// every dedicated tenant database registered with migration credentials. Reports per database; one
/// failing tenant database does not stop the others.
/// </summary>
public sealed class DatabaseMigrator(
    AvneraDataOptions options, IDbContextFactory<MasterDbContext> master, ConnectionStringProtector protector,
    ILogger<DatabaseMigrator> logger)
{
    public async Task<IReadOnlyList<MigrationReport>> MigrateAllAsync(CancellationToken ct = default)
    {
        var reports = new List<MigrationReport>();
        if (options.MasterOwner is null || options.ProductsOwner is null || options.OrdersOwner is null)
            throw new InvalidOperationException(
                "Migrating needs the owner connection strings ConnectionStrings__MasterOwner, __ProductsOwner and __OrdersOwner.");

        // Master must succeed before anything else: it is the registry of the rest.
        var masterReport = await MigrateAsync<MasterDbContext>(options.MasterOwner, o => new MasterDbContext(o), ct);
        reports.Add(masterReport);
        if (!masterReport.Succeeded) return reports;
        var authReport = await MigrateAsync<AuthDbContext>(options.MasterOwner, o => new AuthDbContext(o) { Principal = null }, ct);
        reports.Add(authReport);
        if (!authReport.Succeeded) return reports;

        reports.Add(await MigrateAsync<ProductsDbContext>(options.ProductsOwner, o => new ProductsDbContext(o), ct));
        reports.Add(await MigrateAsync<OrdersDbContext>(options.OrdersOwner, o => new OrdersDbContext(o), ct));

        await using var db = await master.CreateAsync(DbPrincipal.Service, ct);
        var dedicated = await db.StoreDatabases.AsNoTracking().Where(d => d.IsDedicated).ToListAsync(ct);
        var done = new HashSet<string>(StringComparer.Ordinal)
        {
            TenantDataSources.Normalize(options.ProductsOwner) + "|products",
            TenantDataSources.Normalize(options.OrdersOwner) + "|orders",
        };
        foreach (var row in dedicated)
        {
            if (row.ProductsMigrationConnection is { } p && done.Add(TenantDataSources.Normalize(protector.Unprotect(row.StoreId, p)) + "|products"))
                reports.Add(await MigrateAsync<ProductsDbContext>(protector.Unprotect(row.StoreId, p), o => new ProductsDbContext(o), ct));
            if (row.OrdersMigrationConnection is { } q && done.Add(TenantDataSources.Normalize(protector.Unprotect(row.StoreId, q)) + "|orders"))
                reports.Add(await MigrateAsync<OrdersDbContext>(protector.Unprotect(row.StoreId, q), o => new OrdersDbContext(o), ct));
        }
        return reports;
    }

    public async Task<MigrationReport> MigrateAsync<TContext>(
        string ownerConnection, Func<DbContextOptions<TContext>, TContext> create, CancellationToken ct = default)
        where TContext : DbContext
    {
        var database = DescribeDatabase(ownerConnection);
        try
        {
            await using var context = create(DbOptions.For<TContext>(ownerConnection));
            // Before the baseline the history table had EF's PascalCase columns ("MigrationId"); since, snake_case.
            IReadOnlyList<string> unknown = await HasPascalCaseHistoryAsync(ownerConnection, DbOptions.HistoryTable<TContext>(), ct)
                ? ["its migration history has the old shape"]
                : (await context.Database.GetAppliedMigrationsAsync(ct)).Except(context.Database.GetMigrations()).ToList();
            if (unknown.Count > 0)
            {
                logger.LogError("{Context} on {Database}: made before the migration baseline ({Unknown})", typeof(TContext).Name, database, unknown[0]);
                return new MigrationReport(typeof(TContext).Name, database, [], BeforeBaseline(unknown));
            }
            var pending = (await context.Database.GetPendingMigrationsAsync(ct)).ToList();
            await context.Database.MigrateAsync(ct);
            logger.LogInformation("{Context} on {Database}: {Count} migration(s) applied", typeof(TContext).Name, database, pending.Count);
            return new MigrationReport(typeof(TContext).Name, database, pending, null);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or DbUpdateException)
        {
            logger.LogError(ex, "{Context} on {Database}: migration failed", typeof(TContext).Name, database);
            return new MigrationReport(typeof(TContext).Name, database, [], ex.Message);
        }
    }

    /// <summary>
    /// The migrations were squashed into one baseline per database on 2026-12-02 (decision 0008), when no
    /// production database existed: a database migrated before then cannot be carried forward, only made anew.
    /// </summary>
    internal static string BeforeBaseline(IReadOnlyList<string> unknown) =>
        $"this database was created before the migration baseline of 2026-12-02 ({unknown[0]}" +
        (unknown.Count > 1 ? $" and {unknown.Count - 1} more migration(s) this version no longer has" : "") + "). Nothing is changed. For the local deployment run `./run.sh reset` (it deletes " +
        "the local databases; the demo data comes back), then `./run.sh`. Elsewhere create the databases anew from database/*/schema.sql.";

    private static async Task<bool> HasPascalCaseHistoryAsync(string connection, string table, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND column_name = 'MigrationId')", conn)
        {
            Parameters = { new() { Value = table } },
        };
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>host:port/database, never the credentials.</summary>
    public static string DescribeDatabase(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{b.Host}:{b.Port}/{b.Database}";
    }
}
