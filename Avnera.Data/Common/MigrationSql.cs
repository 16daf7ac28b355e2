using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Avnera.Data.Common;

/// <summary>
/// The hand-written SQL a migration applies (functions, triggers, grants, policies) lives beside it as
/// <c>&lt;migration id&gt;.sql</c> and is frozen with it: the migration names the SHA-256 it was written with, and
/// reading a file that was edited since throws. What a database should look like now is in Sql/ (current
/// definitions, one folder per database); a change there is carried to databases by a new migration with
/// its own frozen SQL, never by editing one that may already have been applied (decision 0008).
/// </summary>
public static class MigrationSql
{
    public static string Read(Migration migration, string sha256)
    {
        var id = migration.GetType().GetCustomAttribute<MigrationAttribute>()?.Id
                 ?? throw new InvalidOperationException($"{migration.GetType().Name} has no [Migration] attribute.");
        var text = ReadResource(migration.GetType().Assembly, id + ".sql");
        var actual = Hash(text);
        if (!string.Equals(actual, sha256, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(
                $"The SQL of migration {id} was edited after the migration was written (SHA-256 {actual}, expected {sha256}). " +
                "A migration that may have been applied never changes: put the change in a new migration (and in Sql/).");
        return text;
    }

    /// <summary>SHA-256 (hex) of the SQL with line endings normalised, as a migration names it.</summary>
    public static string Hash(string sql) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n")))).ToLowerInvariant();

    /// <summary>The embedded files of Sql/&lt;folder&gt;/ in the order they apply (their names start with a number).</summary>
    public static IReadOnlyList<(string Name, string Sql)> CurrentDefinitions(string folder)
    {
        var assembly = typeof(MigrationSql).Assembly;
        var prefix = $"{assembly.GetName().Name}.Sql.{folder}.";
        return assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n[prefix.Length..], ReadResource(assembly, n[prefix.Length..], prefix)))
            .ToList();
    }

    private static string ReadResource(Assembly assembly, string fileName, string? prefix = null)
    {
        var resource = assembly.GetManifestResourceNames()
                           .SingleOrDefault(n => prefix is null ? n.EndsWith("." + fileName, StringComparison.Ordinal) : n == prefix + fileName)
                       ?? throw new InvalidOperationException($"Embedded SQL '{fileName}' not found.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }
}
