using Avnera.Data.Deployment;
using Avnera.Web.Hosting;

// `Avnera.Web schema` regenerates database/*/schema.sql from the migrations; it needs no configuration.
if (args is ["schema", ..])
{
    var root = args.Length > 1 ? args[1] : SchemaScripts.FindRepositoryRoot(Directory.GetCurrentDirectory());
    foreach (var path in SchemaScripts.WriteAll(Path.Combine(root, "database"))) Console.WriteLine($"wrote {path}");
    return 0;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddAvneraWeb();

var app = builder.Build();

// `Avnera.Web setup|migrate|seed` run a maintenance command and exit (see Hosting/Commands.cs).
if (Commands.IsCommand(args)) return await Commands.RunAsync(app, args);
await Commands.PrepareOnStartupAsync(app);

app.UseAvneraWeb();
await app.RunAsync();
return 0;

public partial class Program;
