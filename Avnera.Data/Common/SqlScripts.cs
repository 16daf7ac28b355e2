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
