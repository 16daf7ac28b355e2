using Avnera.Data.Common;
using Avnera.Data.Master;
using Avnera.Data.Orders;
using Avnera.Data.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Avnera.Data.Deployment;

/// <summary>
/// database/{master,products,orders}-db/schema.sql: the idempotent migration scripts (with grants) for a
/// DBA to apply by hand, e.g. to a Supabase project, in the order Master → Products → Orders.
/// Generated from the migrations; a test fails when the committed files differ from what this produces.
/// </summary>
public static class SchemaScripts
{
    public static readonly (string Folder, Func<string> Generate)[] All =
    [
        // Master also holds the embedded sign-in provider's tables (their own migrations history).
        ("master-db", () => Generate<MasterDbContext>(o => new MasterDbContext(o)) + "\n" + Script<AuthDbContext>(o => new AuthDbContext(o))),
        ("products-db", () => Generate<ProductsDbContext>(o => new ProductsDbContext(o))),
        ("orders-db", () => Generate<OrdersDbContext>(o => new OrdersDbContext(o))),
    ];

    private static string Script<TContext>(Func<DbContextOptions<TContext>, TContext> create) where TContext : DbContext
    {
        // No connection is opened: the provider only needs to know it is PostgreSQL.
        using var context = create(DbOptions.For<TContext>("Host=localhost"));
        return context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent)
            .ReplaceLineEndings("\n").TrimEnd() + "\n";
    }

    public static string Generate<TContext>(Func<DbContextOptions<TContext>, TContext> create) where TContext : DbContext
    {
        var script = Script(create);
        return $"""
            -- Avnera {typeof(TContext).Name} schema. GENERATED from the EF Core migrations: do not edit by hand.
            -- Regenerate with: dotnet run --project Avnera.Web -- schema
            -- Idempotent: safe to run again; applies only the migrations this database has not seen.
            -- Run as the role that should own the tables (on Supabase: postgres). Deploy order: master → products → orders.

            -- Group roles (Supabase already has them; created here for plain PostgreSQL).
            {LocalDatabaseBootstrapper.RolesSql}

            """.ReplaceLineEndings("\n") + script.ReplaceLineEndings("\n").TrimEnd() + "\n";
    }

    /// <summary>The folder holding Avnera.Blazor.sln, searched upwards from <paramref name="start"/>.</summary>
    public static string FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Avnera.Blazor.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Avnera.Blazor.sln above {start}; pass the repository folder: schema <folder>.");
    }

    /// <summary>Writes every schema file under the given database/ folder; returns the paths written.</summary>
    public static IReadOnlyList<string> WriteAll(string databaseFolder)
    {
        var written = new List<string>();
        foreach (var (folder, generate) in All)
        {
            var path = Path.Combine(databaseFolder, folder, "schema.sql");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generate());
            written.Add(path);
        }
        return written;
    }
}
