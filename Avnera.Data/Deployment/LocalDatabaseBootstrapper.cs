using Npgsql;

namespace Avnera.Data.Deployment;

/// <summary>Names and passwords of the embedded deployment's roles and databases.</summary>
public sealed record LocalDatabasePlan(
    string OwnerRole, string OwnerPassword, string AppRole, string AppPassword, string ServiceRole, string ServicePassword,
    string MasterDatabase = "avnera_master", string ProductsDatabase = "avnera_products", string OrdersDatabase = "avnera_orders");

/// <summary>
/// Creates, with a superuser connection, what migrations cannot: the login roles and the three databases
/// (decision 0008). The owner role owns the schemas and runs migrations. Two login roles own nothing, have
/// no BYPASSRLS and inherit nothing; each transaction switches to one of the Supabase-style group roles that
/// the migrations grant to and the policies name:
/// <list type="bullet">
/// <item>the app (request) login can become <c>anon</c> or <c>authenticated</c> only;</item>
/// <item>the service login can become <c>service_role</c> only (sign-in credentials, registry, jobs).</item>
/// </list>
/// Safe to run again: existing roles get their passwords and memberships reset, nothing is dropped.
/// </summary>
public static class LocalDatabaseBootstrapper
{
    public static async Task BootstrapAsync(string superuserConnection, LocalDatabasePlan plan, CancellationToken ct = default)
    {
        await using var conn = new NpgsqlConnection(superuserConnection);
        await conn.OpenAsync(ct);
        await ExecAsync(conn, RolesSql, ct);
        // The owner is no member of service_role (it must not see rows through service_role's policies; a
        // deployment made before decision 0008 had it): it owns the search view itself (30_search.sql).
        await EnsureLoginRoleAsync(conn, plan.OwnerRole, plan.OwnerPassword, "NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS INHERIT", ct);
        await ExecAsync(conn, $"REVOKE service_role FROM {Ident(plan.OwnerRole)}", ct);
        // NOINHERIT: the logins have no privileges of their own; each transaction switches role
        // (RowSecurityInterceptor), so a stray statement can do nothing.
        await EnsureLoginRoleAsync(conn, plan.AppRole, plan.AppPassword, "NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT", ct);
        await EnsureLoginRoleAsync(conn, plan.ServiceRole, plan.ServicePassword, "NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT", ct);
        await ExecAsync(conn, $"GRANT anon, authenticated TO {Ident(plan.AppRole)}", ct);
        // A deployment made before the two logins gave the app login service_role too: take it back.
        await ExecAsync(conn, $"REVOKE service_role FROM {Ident(plan.AppRole)}", ct);
        await ExecAsync(conn, $"GRANT service_role TO {Ident(plan.ServiceRole)}", ct);
        await ExecAsync(conn, $"REVOKE anon, authenticated FROM {Ident(plan.ServiceRole)}", ct);
        // A runaway or abandoned unit of work must not hold a connection or its locks for long.
        foreach (var (role, statement) in new[] { (plan.AppRole, "15s"), (plan.ServiceRole, "120s") })
        {
            await ExecAsync(conn, $"ALTER ROLE {Ident(role)} SET statement_timeout = '{statement}'", ct);
            await ExecAsync(conn, $"ALTER ROLE {Ident(role)} SET idle_in_transaction_session_timeout = '60s'", ct);
        }

        foreach (var db in new[] { plan.MasterDatabase, plan.ProductsDatabase, plan.OrdersDatabase })
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", conn) { Parameters = { new() { Value = db } } };
            if (await exists.ExecuteScalarAsync(ct) is null)
                await ExecAsync(conn, $"CREATE DATABASE {Ident(db)} OWNER {Ident(plan.OwnerRole)} ENCODING 'UTF8' TEMPLATE template0", ct);
            // CONNECT only: no temporary tables either (nothing needs them; an injected statement would like them).
            await ExecAsync(conn, $"REVOKE ALL ON DATABASE {Ident(db)} FROM PUBLIC, {Ident(plan.AppRole)}, {Ident(plan.ServiceRole)}; " +
                $"GRANT CONNECT ON DATABASE {Ident(db)} TO {Ident(plan.AppRole)}, {Ident(plan.ServiceRole)}", ct);
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
