using Avnera.Data.Deployment;
using Avnera.Tests.Infrastructure;
using Npgsql;

namespace Avnera.Tests.Integration;

/// <summary>database/*/schema.sql are what the migrations produce, and apply cleanly (twice) by hand.</summary>
public sealed class SchemaFilesTests
{
    private static string RepoRoot() => SchemaScripts.FindRepositoryRoot(AppContext.BaseDirectory);

    [Fact]
    public void CommittedSchemaFiles_MatchTheMigrations()
    {
        foreach (var (folder, generate) in SchemaScripts.All)
        {
            var path = Path.Combine(RepoRoot(), "database", folder, "schema.sql");
            Assert.True(File.Exists(path), $"{path} is missing. Regenerate with: dotnet run --project Avnera.Web -- schema");
            var committed = File.ReadAllText(path).ReplaceLineEndings("\n");
            Assert.True(committed == generate(),
                $"database/{folder}/schema.sql is stale: it differs from the migrations. Regenerate with: dotnet run --project Avnera.Web -- schema");
        }
    }

    [Fact]
    public async Task SchemaFiles_ApplyToEmptyDatabases_AndCanBeAppliedAgain()
    {
        var server = PostgresServer.Instance;
        foreach (var (folder, generate) in SchemaScripts.All)
        {
            var name = server.UniqueName("schema_" + folder.Replace("-db", ""));
            await server.ExecuteAsync($"CREATE DATABASE {name}");
            for (var run = 0; run < 2; run++)
            {
                await using var conn = new NpgsqlConnection(server.ConnectionString(name));
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand(generate(), conn);
                await cmd.ExecuteNonQueryAsync();
            }
            var tables = await TestData.ScalarAsync<long>(server.ConnectionString(name),
                "select count(*) from pg_tables where schemaname = 'public' and tablename not like '\\_\\_ef%'");
            Assert.True(tables >= 14, $"{folder}: only {tables} tables created");
        }
    }
}
