using Avnera.Data.Common;
using Avnera.Data.Master;
using Avnera.Data.Orders;
using Avnera.Data.Products;
using Avnera.Data.Tenancy;
using Avnera.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Avnera.Tests.Integration;

/// <summary>
/// "SQL files say what is, migrations say what changed" (decision 0008): a database made from the EF model
/// and the current definitions in Avnera.Data/Sql/ is the database the migrations make — same policies,
/// functions, triggers, views, privileges, columns, indexes and constraints. A change made in a migration
/// but not in Sql/ (or the other way round) fails here. And migrations never change once written.
/// </summary>
public sealed class SqlDefinitionsTests(AvneraDatabases db) : IClassFixture<AvneraDatabases>
{
    [Fact]
    public async Task ProductsDatabase_FromTheCurrentDefinitions_IsTheMigratedOne() =>
        await AssertSameAsync(db.ProductsDatabase, ["common", "products"], c => new ProductsDbContext(DbOptions.For<ProductsDbContext>(c)));

    [Fact]
    public async Task OrdersDatabase_FromTheCurrentDefinitions_IsTheMigratedOne() =>
        await AssertSameAsync(db.OrdersDatabase, ["common", "orders"], c => new OrdersDbContext(DbOptions.For<OrdersDbContext>(c)));

    [Fact]
    public async Task MasterDatabase_FromTheCurrentDefinitions_IsTheMigratedOne() =>
        await AssertSameAsync(db.MasterDatabase, ["common", "master"],
            c => new MasterDbContext(DbOptions.For<MasterDbContext>(c)), c => new AuthDbContext(DbOptions.For<AuthDbContext>(c)) { Principal = null });

    [Fact]
    public void EveryMigration_NamesTheHashOfItsFrozenSql()
    {
        // Reading a migration's operations reads its SQL, which throws if the file differs from the hash. A migration
        // that only reshapes EF's columns has no SQL of its own; one with a frozen file beside it must apply it.
        var frozen = typeof(MigrationSql).Assembly.GetManifestResourceNames();
        foreach (var context in new DbContext[]
                 {
                     new MasterDbContext(DbOptions.For<MasterDbContext>("Host=localhost")), new AuthDbContext(DbOptions.For<AuthDbContext>("Host=localhost")),
                     new ProductsDbContext(DbOptions.For<ProductsDbContext>("Host=localhost")), new OrdersDbContext(DbOptions.For<OrdersDbContext>("Host=localhost")),
                 })
        {
            using (context)
            {
                var assembly = context.GetService<IMigrationsAssembly>();
                foreach (var (id, type) in assembly.Migrations)
                {
                    var migration = assembly.CreateMigration(type, "Npgsql.EntityFrameworkCore.PostgreSQL");
                    var appliesSql = migration.UpOperations.OfType<Microsoft.EntityFrameworkCore.Migrations.Operations.SqlOperation>().Any();
                    var hasFile = frozen.Any(n => n.EndsWith($".{id}.sql", StringComparison.Ordinal));
                    Assert.True(appliesSql == hasFile, $"{id}: {(hasFile ? "its frozen .sql is never applied" : "applies SQL that is not in a frozen <id>.sql")}");
                }
            }
        }
    }

    [Fact]
    public void AnEditedMigrationSql_IsRefused()
    {
        var migration = new Avnera.Data.Orders.Migrations.Baseline();
        var ex = Assert.Throws<InvalidOperationException>(() => MigrationSql.Read(migration, new string('0', 64)));
        Assert.Contains("edited after the migration was written", ex.Message);
    }

    [Fact]
    public async Task ADatabaseMadeBeforeTheBaseline_IsRefusedWithWhatToDo()
    {
        var name = await db.CreateEmptyDatabaseAsync("avnera_old");
        await TestData.ExecuteAsync(db.Owner(name), """
            create table __ef_migrations_products ("MigrationId" varchar(150) primary key, "ProductVersion" varchar(32) not null);
            insert into __ef_migrations_products values ('20261122041550_Initial', '10.0.14');
            """);
        var report = await db.Services.GetRequiredService<DatabaseMigrator>()
            .MigrateAsync<ProductsDbContext>(db.Owner(name), o => new ProductsDbContext(o));
        Assert.False(report.Succeeded);
        Assert.Contains("before the migration baseline", report.Error);
        Assert.Contains("./run.sh reset", report.Error);
        Assert.Equal(0L, await TestData.ScalarAsync<long>(db.Inspect(name), "select count(*) from pg_tables where tablename = 'products'"));
    }

    private async Task AssertSameAsync(string migrated, string[] folders, params Func<string, DbContext>[] contexts)
    {
        var fresh = await db.CreateEmptyDatabaseAsync("avnera_fresh");
        await using (var conn = new NpgsqlConnection(db.Owner(fresh)))
        {
            await conn.OpenAsync();
            var script = new List<string>();
            foreach (var create in contexts)
            {
                await using var context = create(db.Owner(fresh));
                script.Add(context.GetService<IHistoryRepository>().GetCreateScript());
                script.Add(context.Database.GenerateCreateScript());
            }
            script.AddRange(folders.SelectMany(MigrationSql.CurrentDefinitions).Select(d => d.Sql));
            foreach (var sql in script)
            {
                await using var cmd = new NpgsqlCommand(sql, conn);
                await cmd.ExecuteNonQueryAsync();
            }
        }
        foreach (var (what, query) in Catalog)
        {
            var expected = await DescribeAsync(db.Inspect(migrated), query);
            var actual = await DescribeAsync(db.Inspect(fresh), query);
            Assert.True(expected.SequenceEqual(actual),
                $"{what} differ between the migrated database and Sql/:\n  only migrated: {string.Join("\n    ", expected.Except(actual))}\n  only Sql/: {string.Join("\n    ", actual.Except(expected))}");
        }
    }

    private static readonly (string What, string Query)[] Catalog =
    [
        ("policies", "select tablename || ' ' || policyname || ' ' || permissive || ' ' || roles::text || ' ' || cmd || ' ' || coalesce(qual, '-') || ' ' || coalesce(with_check, '-') from pg_policies"),
        ("functions", "select n.nspname || '.' || p.proname || ' ' || pg_get_userbyid(p.proowner) || ' ' || coalesce(p.proacl::text, '-') || ' ' || pg_get_functiondef(p.oid) from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname in ('app', 'app_private', 'auth', 'public') and p.prokind in ('f', 'p')"),
        ("views", "select schemaname || '.' || viewname || ' ' || viewowner || ' ' || definition from pg_views where schemaname in ('app', 'public')"),
        ("triggers", "select tgrelid::regclass::text || ' ' || pg_get_triggerdef(oid) from pg_trigger where not tgisinternal"),
        ("table privileges", "select grantee || ' ' || table_schema || '.' || table_name || ' ' || privilege_type from information_schema.role_table_grants where grantee in ('anon', 'authenticated', 'service_role', 'PUBLIC')"),
        ("column privileges", "select grantee || ' ' || table_name || '.' || column_name || ' ' || privilege_type from information_schema.column_privileges where grantee in ('anon', 'authenticated', 'service_role')"),
        ("schema privileges", "select nspname || ' ' || coalesce(nspacl::text, '-') from pg_namespace where nspname in ('app', 'app_private', 'auth', 'public')"),
        ("columns", "select table_schema || '.' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '-') || ' ' || coalesce(generation_expression, '-') from information_schema.columns where table_schema in ('public', 'app_private', 'app')"),
        ("row security", "select relname || ' ' || relrowsecurity || ' ' || relforcerowsecurity from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r'"),
        ("indexes", "select indexdef from pg_indexes where schemaname in ('public', 'app_private')"),
        ("constraints", "select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint where connamespace in ('public'::regnamespace)"),
        ("extensions", "select extname from pg_extension"),
    ];

    private static async Task<List<string>> DescribeAsync(string connection, string query)
    {
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(query, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
