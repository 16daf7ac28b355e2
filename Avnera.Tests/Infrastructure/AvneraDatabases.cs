using Avnera.Data;
using Avnera.Data.Deployment;
using Avnera.Data.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Avnera.Tests.Infrastructure;

/// <summary>
/// A complete, migrated Avnera deployment (Master, Products, Orders databases, owner and app roles) in the
/// shared test cluster, with its own database names so suites never share data. Services are built with
/// the app's own registration (AddAvneraData) and connect as the application role, as the app does.
/// </summary>
public class AvneraDatabases : IAsyncLifetime
{
    public const string OwnerRole = "avnera_owner";
    public const string AppRole = "avnera_app";
    public const string ServiceRole = "avnera_service";
    public const string EncryptionKey = "u3Dw9GkYQ2mQ8s2m8lq9Wb2wS4R3k3mZ2N9T6o7vYxg=";

    public PostgresServer Server => PostgresServer.Instance;
    public string MasterDatabase { get; } = PostgresServer.Instance.UniqueName("avnera_master");
    public string ProductsDatabase { get; } = PostgresServer.Instance.UniqueName("avnera_products");
    public string OrdersDatabase { get; } = PostgresServer.Instance.UniqueName("avnera_orders");
    public ServiceProvider Services { get; private set; } = null!;

    /// <summary>The request login: can become anon or authenticated only.</summary>
    public string App(string database) => Server.ConnectionString(database, AppRole, "app-password");
    /// <summary>The service login: can become service_role only.</summary>
    public string Service(string database) => Server.ConnectionString(database, ServiceRole, "service-password");
    /// <summary>The login the app would use for <paramref name="principal"/>: the service login for the platform, else the request login.</summary>
    public string LoginFor(string database, Avnera.Data.Security.DbPrincipal principal) =>
        principal.Role == Avnera.Data.Security.DbRole.Service ? Service(database) : App(database);
    public string Owner(string database) => Server.ConnectionString(database, OwnerRole, "owner-password");

    /// <summary>
    /// The test's own view of a database (superuser): what is really stored, whatever Row Level Security
    /// would let the owner or the app see. For arranging and inspecting, never for what is under test.
    /// </summary>
    public string Inspect(string database) => Server.ConnectionString(database);

    public Dictionary<string, string?> Configuration() => new()
    {
        ["ConnectionStrings:Master"] = App(MasterDatabase),
        ["ConnectionStrings:Products"] = App(ProductsDatabase),
        ["ConnectionStrings:Orders"] = App(OrdersDatabase),
        ["ConnectionStrings:MasterService"] = Service(MasterDatabase),
        ["ConnectionStrings:ProductsService"] = Service(ProductsDatabase),
        ["ConnectionStrings:OrdersService"] = Service(OrdersDatabase),
        ["ConnectionStrings:MasterOwner"] = Owner(MasterDatabase),
        ["ConnectionStrings:ProductsOwner"] = Owner(ProductsDatabase),
        ["ConnectionStrings:OrdersOwner"] = Owner(OrdersDatabase),
        ["ENCRYPTION_KEY"] = EncryptionKey,
    };

    // Roles are cluster-wide: suites starting in parallel must not race to create them.
    private static readonly SemaphoreSlim BootstrapLock = new(1, 1);

    public virtual async Task InitializeAsync()
    {
        await BootstrapLock.WaitAsync();
        try
        {
            await LocalDatabaseBootstrapper.BootstrapAsync(Server.ConnectionString(), new LocalDatabasePlan(
                OwnerRole, "owner-password", AppRole, "app-password", ServiceRole, "service-password",
                MasterDatabase, ProductsDatabase, OrdersDatabase));
        }
        finally
        {
            BootstrapLock.Release();
        }
        Services = BuildServices(Configuration());
        var reports = await Services.GetRequiredService<DatabaseMigrator>().MigrateAllAsync();
        if (reports.FirstOrDefault(r => !r.Succeeded) is { } failed)
            throw new InvalidOperationException($"Test databases failed to migrate: {failed.Context} {failed.Error}");
    }

    public static ServiceProvider BuildServices(Dictionary<string, string?> settings) => BuildServicesWith(settings, _ => { });

    public static ServiceProvider BuildServicesWith(Dictionary<string, string?> settings, Action<IServiceCollection> more)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddAvneraData(configuration, isDevelopment: false);
        more(services);
        return services.BuildServiceProvider();
    }

    /// <summary>Creates an empty database owned by the owner role, migrated for a context: a "dedicated" tenant.</summary>
    public async Task<string> CreateEmptyDatabaseAsync(string prefix)
    {
        var name = Server.UniqueName(prefix);
        await Server.ExecuteAsync($"CREATE DATABASE {name} OWNER {OwnerRole}");
        await Server.ExecuteAsync($"GRANT CONNECT ON DATABASE {name} TO {AppRole}, {ServiceRole}");
        return name;
    }

    public virtual async Task DisposeAsync()
    {
        if (Services is not null) await Services.DisposeAsync();
    }
}
