using Avnera.Data;
using Avnera.Data.Deployment;
using Avnera.Data.Tenancy;
using Avnera.Web.Hosting;

// `Avnera.Web schema` regenerates database/*/schema.sql from the migrations; it needs no configuration.
if (args is ["schema", ..])
{
    var root = args.Length > 1 ? args[1] : SchemaScripts.FindRepositoryRoot(Directory.GetCurrentDirectory());
    foreach (var path in SchemaScripts.WriteAll(Path.Combine(root, "database"))) Console.WriteLine($"wrote {path}");
    return 0;
}

WebApplication app;
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddAvneraWeb();
    app = builder.Build();
    // Resolve what needs configuration now, so a missing ENCRYPTION_KEY stops the start, not a request.
    app.Services.GetRequiredService<ConnectionStringProtector>();
    // Serving needs the public origin too; maintenance commands do not.
    if (!Commands.IsCommand(args)) app.Services.GetRequiredService<PublicOrigin>();
}
catch (AvneraConfigurationException ex)
{
    Console.Error.WriteLine($"Avnera cannot start: {ex.Message}");
    return 1;
}

// `Avnera.Web setup|migrate|seed` run a maintenance command and exit (see Hosting/Commands.cs).
if (Commands.IsCommand(args)) return await Commands.RunAsync(app, args);
await Commands.PrepareOnStartupAsync(app);

app.UseAvneraWeb();
await app.RunAsync();
return 0;

public partial class Program;
