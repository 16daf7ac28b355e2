using Avnera.Web.Hosting;

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
