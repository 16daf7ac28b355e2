using Avnera.Data.Common;
using Avnera.Data.Orders;
using Avnera.Data.Products;
using Avnera.Data.Security;

namespace Avnera.Data.Tenancy;

/// <summary>Turns a store id into a context of that store's Products or Orders database, pinned to it.</summary>
public interface ITenantDbContextFactory
{
    /// <summary>A Products context of the store, acting for <paramref name="principal"/> (RLS decides what it sees).</summary>
    Task<ProductsDbContext> CreateProductsAsync(Guid storeId, DbPrincipal principal, TenantAccess access = TenantAccess.Serving, CancellationToken ct = default);

    /// <summary>An Orders context of the store, acting for <paramref name="principal"/> (RLS decides what it sees).</summary>
    Task<OrdersDbContext> CreateOrdersAsync(Guid storeId, DbPrincipal principal, TenantAccess access = TenantAccess.Serving, CancellationToken ct = default);
}

/// <remarks>
/// The service principal gets a context of the service login; every other principal one of the request login,
/// which cannot become service_role (decision 0008). Either way the claims are signed with the key of the
/// database the context reaches.
/// </remarks>
public sealed class TenantDbContextFactory(StoreRegistry registry, TenantDataSources databases, ClaimsKeys keys) : ITenantDbContextFactory
{
    public async Task<ProductsDbContext> CreateProductsAsync(
        Guid storeId, DbPrincipal principal, TenantAccess access = TenantAccess.Serving, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var registration = await ResolveAsync(storeId, access, ct);
        var service = databases.Get(registration.ProductsServiceConnection);
        var key = await keys.GetAsync(service.DataSource, ct);
        var database = principal.Role == DbRole.Service ? service : databases.Get(registration.ProductsConnection);
        return Bind(database.CreateProducts(), storeId, principal, key);
    }

    public async Task<OrdersDbContext> CreateOrdersAsync(
        Guid storeId, DbPrincipal principal, TenantAccess access = TenantAccess.Serving, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var registration = await ResolveAsync(storeId, access, ct);
        var service = databases.Get(registration.OrdersServiceConnection);
        var key = await keys.GetAsync(service.DataSource, ct);
        var database = principal.Role == DbRole.Service ? service : databases.Get(registration.OrdersConnection);
        return Bind(database.CreateOrders(), storeId, principal, key);
    }

    private async Task<StoreRegistration> ResolveAsync(Guid storeId, TenantAccess access, CancellationToken ct) =>
        StoreAvailability.Require(await registry.FindAsync(storeId, ct), storeId.ToString(), access);

    private static T Bind<T>(T context, Guid storeId, DbPrincipal principal, byte[] key) where T : TenantDbContext
    {
        context.BindToStore(storeId, principal, key);
        return context;
    }
}
