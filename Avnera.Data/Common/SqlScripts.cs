namespace Avnera.Data.Common;

/// <summary>Hand-written SQL kept as embedded files under Sql/ (grants, policies), used by migrations.</summary>
public static class SqlScripts
{
    public static string Read(string fileName)
    {
        var assembly = typeof(SqlScripts).Assembly;
        var resource = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith("." + fileName, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Embedded SQL '{fileName}' not found.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>Undoing a *_rls.sql script: drops every policy of the given tables and switches RLS off.</summary>
public static class RowSecurityScripts
{
    public static string Off(string tablesSqlArray) => $$"""
        DO $rls$
        DECLARE r record;
        BEGIN
            FOR r IN SELECT tablename, policyname FROM pg_policies
                     WHERE schemaname = 'public' AND tablename = ANY ({{tablesSqlArray}}) LOOP
                EXECUTE format('DROP POLICY %I ON %I', r.policyname, r.tablename);
            END LOOP;
            FOR r IN SELECT c.relname AS tablename FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname = ANY ({{tablesSqlArray}}) LOOP
                EXECUTE format('ALTER TABLE %I NO FORCE ROW LEVEL SECURITY', r.tablename);
                EXECUTE format('ALTER TABLE %I DISABLE ROW LEVEL SECURITY', r.tablename);
            END LOOP;
        END
        $rls$;
        """;
}
