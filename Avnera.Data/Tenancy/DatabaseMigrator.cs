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

    /// <summary>host:port/database, never the credentials.</summary>
    public static string DescribeDatabase(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{b.Host}:{b.Port}/{b.Database}";
    }
}
