using System.Security.Cryptography;
using System.Text;
using Avnera.Data.Security;
using Avnera.Data.Master;
using Avnera.Data.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Avnera.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Master context factory, tenant factory, registry, encryption, migrator and provisioning.</summary>
    public static IServiceCollection AddAvneraData(this IServiceCollection services, IConfiguration configuration, bool isDevelopment)
    {
        var options = AvneraDataOptions.From(configuration);
        services.AddSingleton(options);
        services.AddSingleton<ClaimsKeys>();
        services.AddSingleton<MasterDbContextFactory>();
        services.AddSingleton<IDbContextFactory<MasterDbContext>>(sp => sp.GetRequiredService<MasterDbContextFactory>());

        services.AddMemoryCache();
        services.AddSingleton(sp => new ConnectionStringProtector(
            LoadEncryptionKey(configuration, isDevelopment, sp.GetRequiredService<ILoggerFactory>().CreateLogger("Avnera.Encryption"))));
        services.AddSingleton<StoreRegistry>();
        services.AddSingleton<TenantDataSources>();
        services.AddSingleton<ITenantDbContextFactory, TenantDbContextFactory>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<StoreProvisioner>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>
    /// ENCRYPTION_KEY protects every tenant's credentials, so outside Development a missing key stops the
    /// app at start-up. In Development a fixed, publicly known key is used with a warning.
    /// </summary>
    internal static byte[] LoadEncryptionKey(IConfiguration configuration, bool isDevelopment, ILogger logger)
    {
        var value = configuration["ENCRYPTION_KEY"];
        if (!string.IsNullOrWhiteSpace(value)) return ConnectionStringProtector.ParseKey(value);
        if (!isDevelopment)
            throw new AvneraConfigurationException(
                "ENCRYPTION_KEY is not set. It encrypts tenant database credentials and is required outside Development: " +
                "set it to 32 random bytes in base64 (e.g. `openssl rand -base64 32`).");
        logger.LogWarning("ENCRYPTION_KEY is not set: using the built-in Development key. Never use it with real data.");
        return SHA256.HashData(Encoding.UTF8.GetBytes("avnera-development-only-key"));
    }
}
