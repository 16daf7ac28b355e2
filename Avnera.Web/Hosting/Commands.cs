using Avnera.Data;
using Avnera.Data.Deployment;
using Avnera.Data.Tenancy;
using Avnera.Web.Features.Demo;

namespace Avnera.Web.Hosting;

/// <summary>
/// Maintenance commands, run by ./run.sh and by operators:
///   setup   — bootstrap roles and databases (needs ConnectionStrings__Superuser), migrate, load demo data
///   migrate — apply migrations to Master, the pooled tenant databases and every dedicated one
///   seed    — load the demo data (idempotent)
/// At normal start-up, Avnera:MigrateOnStartup and Avnera:SeedDemoData do the same in-process.
/// </summary>
public static class Commands
{
    private static readonly string[] Verbs = ["setup", "migrate", "seed"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var verb = args[0];
        try
        {
            if (verb == "setup") await BootstrapAsync(app);
            if (verb is "setup" or "migrate" && !await MigrateAsync(app)) return 1;
            if (verb is "setup" or "seed") await SeedAsync(app);
            return 0;
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException or Microsoft.EntityFrameworkCore.DbUpdateException or Data.Tenancy.TenantException)
        {
            // An operator gets one clear line (and the detail in the log), not a stack trace.
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Avnera.Commands").LogDebug(ex, "{Verb} failed", verb);
            Console.Error.WriteLine($"{verb} failed: {(ex.InnerException ?? ex).Message}");
            return 1;
        }
    }

    public static async Task PrepareOnStartupAsync(WebApplication app)
    {
        if (app.Configuration.GetValue<bool>("Avnera:MigrateOnStartup") && !await MigrateAsync(app))
            throw new InvalidOperationException("Database migration failed; see the log above.");
        if (app.Configuration.GetValue<bool>("Avnera:SeedDemoData"))
            await SeedAsync(app);
    }

    /// <summary>
    /// Loads the demo data, then gathers planner statistics for it as the owner (only owners may ANALYZE).
    /// Without statistics PostgreSQL estimates one row per table and nests the storefront's facet queries:
    /// a listing filtered by size and material took 35 s on freshly seeded data until autovacuum caught up.
    /// </summary>
    private static async Task SeedAsync(WebApplication app)
    {
        await app.Services.GetRequiredService<DemoSeeder>().SeedAsync();
        var options = app.Services.GetRequiredService<AvneraDataOptions>();
        foreach (var owner in new[] { options.ProductsOwner, options.OrdersOwner }.OfType<string>())
        {
            await using var conn = new Npgsql.NpgsqlConnection(owner);
            await conn.OpenAsync();
            await using var analyze = new Npgsql.NpgsqlCommand("ANALYZE", conn);
            await analyze.ExecuteNonQueryAsync();
        }
    }

    private static async Task BootstrapAsync(WebApplication app)
    {
        var superuser = app.Configuration.GetConnectionString("Superuser")
            ?? throw new InvalidOperationException("setup needs ConnectionStrings__Superuser to create roles and databases.");
        var options = app.Services.GetRequiredService<AvneraDataOptions>();
        var owner = new Npgsql.NpgsqlConnectionStringBuilder(options.MasterOwner);
        var appRole = new Npgsql.NpgsqlConnectionStringBuilder(options.Master);
        var serviceRole = new Npgsql.NpgsqlConnectionStringBuilder(options.MasterService);
        await LocalDatabaseBootstrapper.BootstrapAsync(superuser, new LocalDatabasePlan(
            OwnerRole: owner.Username!, OwnerPassword: owner.Password!, AppRole: appRole.Username!, AppPassword: appRole.Password!,
            ServiceRole: serviceRole.Username!, ServicePassword: serviceRole.Password!,
            MasterDatabase: appRole.Database!, ProductsDatabase: new Npgsql.NpgsqlConnectionStringBuilder(options.Products).Database!,
            OrdersDatabase: new Npgsql.NpgsqlConnectionStringBuilder(options.Orders).Database!));
    }

    private static async Task<bool> MigrateAsync(WebApplication app)
    {
        var reports = await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAllAsync();
        foreach (var r in reports)
            Console.WriteLine($"migrate {r.Context,-18} {r.Database,-40} {(r.Succeeded ? $"ok, {r.Applied.Count} applied" : "FAILED: " + r.Error)}");
        return reports.All(r => r.Succeeded);
    }
}
