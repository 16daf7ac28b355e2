using Avnera.Data.Security;
using Avnera.Data.Master;
using Avnera.Data.Products;
using Avnera.Data.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Avnera.Tests.Infrastructure;

/// <summary>Small builders for integration tests: people, stores and products created the way the app does.</summary>
public static class TestData
{
    public static async Task<Guid> CreateUserAsync(IServiceProvider services, string? email = null)
    {
        var factory = services.GetRequiredService<IDbContextFactory<MasterDbContext>>();
        await using var db = await factory.CreateAsync(DbPrincipal.Service);
        var user = new User { Id = Guid.NewGuid(), Email = email ?? $"user-{Guid.NewGuid():N}@example.com" };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    public static async Task<Guid> CreateStoreAsync(IServiceProvider services, string? slug = null, DedicatedDatabase? dedicated = null)
    {
        var owner = await CreateUserAsync(services);
        slug ??= "store-" + Guid.NewGuid().ToString("N")[..10];
        return await services.GetRequiredService<StoreProvisioner>().ProvisionAsync(
            new NewStore(owner, slug, "Store " + slug, $"{slug}@example.com", Dedicated: dedicated));
    }

    /// <summary>Adds published products (one variant each) through a context bound to the store.</summary>
    public static async Task AddProductsAsync(IServiceProvider services, Guid storeId, params string[] names)
    {
        await using var db = await services.GetRequiredService<ITenantDbContextFactory>().CreateProductsAsync(storeId, DbPrincipal.Service);
        var now = DateTimeOffset.UtcNow;
        foreach (var name in names)
        {
            var product = new Product(now) { Slug = name.ToLowerInvariant().Replace(' ', '-'), Name = name, Price = 10 };
            product.Publish(now);
            product.Variants.Add(TestCatalog.StockedVariant(db, $"SKU-{Guid.NewGuid():N}"[..20], "Default", 5, now));
            db.Products.Add(product);
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Moves the store to <paramref name="status"/> the way the platform does, through the registry entry's methods.</summary>
    public static Task SetStatusAsync(IServiceProvider services, Guid storeId, StoreStatus status) =>
        ChangeStoreAsync(services, storeId, (store, now) =>
        {
            switch (status)
            {
                case StoreStatus.Active: store.Activate(now); break;
                case StoreStatus.Suspended: store.Suspend(now); break;
                case StoreStatus.Deleted: store.Delete(now); break;
                default: throw new ArgumentOutOfRangeException(nameof(status), status, "A store is never moved back to provisioning.");
            }
        });

    /// <summary>Loads the store's registry entry, applies <paramref name="change"/>, saves, and drops the cached registration.</summary>
    public static async Task ChangeStoreAsync(IServiceProvider services, Guid storeId, Action<RegisteredStore, DateTimeOffset> change)
    {
        await using (var db = await services.GetRequiredService<IDbContextFactory<MasterDbContext>>().CreateAsync(DbPrincipal.Service))
        {
            var store = await db.Stores.SingleAsync(s => s.Id == storeId);
            change(store, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        services.GetRequiredService<StoreRegistry>().Invalidate(storeId);
    }

    /// <summary>Runs raw SQL on a connection string and returns the first column of the first row.</summary>
    public static async Task<T?> ScalarAsync<T>(string connectionString, string sql, params object[] parameters)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var p in parameters) cmd.Parameters.Add(new NpgsqlParameter { Value = p });
        var result = await cmd.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)Convert.ChangeType(result, typeof(T));
    }

    public static async Task ExecuteAsync(string connectionString, string sql, params object[] parameters)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var p in parameters) cmd.Parameters.Add(new NpgsqlParameter { Value = p });
        await cmd.ExecuteNonQueryAsync();
    }
}
