using System.Net;
using System.Net.Sockets;
using Avnera.Data.Master;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Avnera.Tests.Infrastructure;

/// <summary>
/// The real Avnera web app on a real Kestrel port over its own migrated databases, with the demo data
/// loaded by the app's own start-up path (Avnera:MigrateOnStartup, Avnera:SeedDemoData).
/// </summary>
public sealed class AvneraApp : AvneraDatabases
{
    private WebApplicationFactory<Program>? _factory;

    public string BaseUrl { get; private set; } = "";
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), "avnera-tests", "mail-" + Guid.NewGuid().ToString("N")[..8]);
    public int FormPostsPerMinute { get; init; } = 10_000;
    public IServiceProvider AppServices => _factory!.Services;
    /// <summary>Settings applied last, over the defaults above (e.g. SUPABASE_URL for Supabase mode).</summary>
    public IReadOnlyDictionary<string, string?> ExtraSettings { get; init; } = new Dictionary<string, string?>();

    /// <summary>ASPNETCORE_ENVIRONMENT of the app (Development unless a test needs the deployed behaviour).</summary>
    public string Environment { get; init; } = "Development";
    /// <summary>Counts every password the app hashes (the real hasher does the work): sign-up paths must cost the same.</summary>
    public PasswordHashCounter Hashes { get; } = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // The public origin is the server's own address, so the port is chosen before the start; a port taken by
        // someone else in between fails the bind, and another is tried.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            try
            {
                StartServer(port);
                break;
            }
            catch (Exception e) when (attempt < 3 && e is IOException or InvalidOperationException)
            {
                if (_factory is not null) await _factory.DisposeAsync();
            }
        }
        var addresses = _factory!.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUrl = addresses.Addresses.First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1").TrimEnd('/');
    }

    /// <summary>
    /// Stops the server as when its process ends: the port refuses connections and every open one (circuits'
    /// WebSockets too) drops at once. A graceful stop would first close the circuits while still listening, and
    /// a browser reconnecting in that moment would race the shutdown.
    /// </summary>
    public async Task StopServerAsync()
    {
        if (_factory is null) return;
        using var now = new CancellationTokenSource();
        now.Cancel();
        await _factory.Services.GetRequiredService<IServer>().StopAsync(now.Token);
        await _factory.DisposeAsync();
        _factory = null;
    }

    /// <summary>Starts the app again on the port it had, over the same databases (a browser's open page comes back to it).</summary>
    public void StartServerAgain() => StartServer(new Uri(BaseUrl).Port);

    private void StartServer(int port)
    {
        var settings = Configuration();
        settings["Avnera:MigrateOnStartup"] = "true";
        settings["Avnera:SeedDemoData"] = "true";
        settings["Avnera:Mail:PickupFolder"] = MailFolder;
        settings["Avnera:PublicOrigin"] = $"http://127.0.0.1:{port}";
        // The suite signs in many times from 127.0.0.1; the limiter itself is tested on an app of its own.
        settings["Avnera:Auth:FormPostsPerMinute"] = FormPostsPerMinute.ToString();
        foreach (var (key, value) in ExtraSettings) settings[key] = value;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment(Environment);
            b.UseUrls($"http://127.0.0.1:{port}");
            foreach (var (key, value) in settings) b.UseSetting(key, value);
            b.ConfigureTestServices(services => services.AddScoped<IPasswordHasher<AuthUser>>(sp =>
                new CountingPasswordHasher(new PasswordHasher<AuthUser>(sp.GetService<IOptions<PasswordHasherOptions>>()), Hashes)));
        });
        _factory.UseKestrel(port);
        _factory.StartServer();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>A person with a confirmed account of the embedded provider (as after sign-up and confirmation).</summary>
    public async Task<Guid> CreateConfirmedAccountAsync(string email, string password)
    {
        var id = await TestData.CreateUserAsync(AppServices, email);
        using var scope = AppServices.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Avnera.Web.Auth.Embedded.EmbeddedAuthProvider>().EnsureAccountAsync(id, email, password);
        return id;
    }

    public HttpClient CreateClient() => new() { BaseAddress = new Uri(BaseUrl + "/") };

    public override async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        await base.DisposeAsync();
    }
}

/// <summary>How often each password was hashed, by the app's real hasher (which this only watches).</summary>
public sealed class PasswordHashCounter
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _counts = new();

    public int Of(string password) => _counts.GetValueOrDefault(password);

    internal void Add(string password) => _counts.AddOrUpdate(password, 1, (_, n) => n + 1);
}

internal sealed class CountingPasswordHasher(IPasswordHasher<AuthUser> inner, PasswordHashCounter counter) : IPasswordHasher<AuthUser>
{
    public string HashPassword(AuthUser user, string password)
    {
        counter.Add(password);
        return inner.HashPassword(user, password);
    }

    public PasswordVerificationResult VerifyHashedPassword(AuthUser user, string hashedPassword, string providedPassword) =>
        inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
}
