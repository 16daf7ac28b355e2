using Npgsql;

namespace Avnera.Data.Deployment;

/// <summary>Names and passwords of the embedded deployment's roles and databases.</summary>
public sealed record LocalDatabasePlan(
    string OwnerRole, string OwnerPassword, string AppRole, string AppPassword,
    string MasterDatabase = "avnera_master", string ProductsDatabase = "avnera_products", string OrdersDatabase = "avnera_orders");

/// <summary>
/// Creates, with a superuser connection, what migrations cannot: the login roles and the three databases.
/// The owner role owns the schemas and runs migrations; the app role owns nothing, has no BYPASSRLS,
/// inherits nothing, and switches per transaction to one of the Supabase-style group roles (anon,
/// authenticated, service_role) that the migrations grant to and the RLS policies name. Safe to run again: existing roles get their passwords reset, nothing is dropped.
/// </summary>
public static class LocalDatabaseBootstrapper
{
    public static async Task BootstrapAsync(string superuserConnection, LocalDatabasePlan plan, CancellationToken ct = default)
    {
        await using var conn = new NpgsqlConnection(superuserConnection);
        await conn.OpenAsync(ct);
        await ExecAsync(conn, RolesSql, ct);
        await EnsureLoginRoleAsync(conn, plan.OwnerRole, plan.OwnerPassword, "NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS INHERIT", ct);
        // NOINHERIT: the app role has no privileges of its own; each transaction switches to anon,
        // authenticated or service_role (RowSecurityInterceptor), so a stray statement can do nothing.
        await EnsureLoginRoleAsync(conn, plan.AppRole, plan.AppPassword, "NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT", ct);
        await ExecAsync(conn, $"GRANT anon, authenticated, service_role TO {Ident(plan.AppRole)}", ct);
        // The owner hands the storefront's search functions to service_role (SECURITY DEFINER), which needs
        // membership; on Supabase the postgres role already has it.
        await ExecAsync(conn, $"GRANT service_role TO {Ident(plan.OwnerRole)}", ct);

        foreach (var db in new[] { plan.MasterDatabase, plan.ProductsDatabase, plan.OrdersDatabase })
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", conn) { Parameters = { new() { Value = db } } };
            if (await exists.ExecuteScalarAsync(ct) is null)
                await ExecAsync(conn, $"CREATE DATABASE {Ident(db)} OWNER {Ident(plan.OwnerRole)} ENCODING 'UTF8' TEMPLATE template0", ct);
            await ExecAsync(conn, $"REVOKE ALL ON DATABASE {Ident(db)} FROM PUBLIC; GRANT CONNECT, TEMPORARY ON DATABASE {Ident(db)} TO {Ident(plan.AppRole)}", ct);
        }
    }

    /// <summary>The group roles of Supabase (which already has them); also prepended to database/*/schema.sql.</summary>
    public const string RolesSql = """
        DO $roles$
        BEGIN
            -- Each in its own block: two set-ups racing (or Supabase's own roles) must not fail the script.
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'anon') THEN
                BEGIN CREATE ROLE anon NOLOGIN NOINHERIT; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
            END IF;
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'authenticated') THEN
                BEGIN CREATE ROLE authenticated NOLOGIN NOINHERIT; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
            END IF;
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'service_role') THEN
                BEGIN CREATE ROLE service_role NOLOGIN NOINHERIT; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
            END IF;
        END
        $roles$;
        """;

    private static async Task EnsureLoginRoleAsync(NpgsqlConnection conn, string role, string password, string attributes, CancellationToken ct)
    {
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_roles WHERE rolname = $1", conn) { Parameters = { new() { Value = role } } };
        var verb = await exists.ExecuteScalarAsync(ct) is null ? "CREATE" : "ALTER";
        await ExecAsync(conn, $"{verb} ROLE {Ident(role)} LOGIN {attributes} PASSWORD {Literal(password)}", ct);
    }

    private static async Task ExecAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static string Ident(string name) =>
        System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z_][a-z0-9_]{0,62}$") ? name : throw new ArgumentException($"Invalid identifier '{name}'.");

    private static string Literal(string value) => "'" + value.Replace("'", "''") + "'";
}
