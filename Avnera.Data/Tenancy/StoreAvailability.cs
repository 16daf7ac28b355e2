using Avnera.Data.Master;

namespace Avnera.Data.Tenancy;

/// <summary>Who is asking: shopper and staff traffic needs a serving store; jobs may reach any live store.</summary>
public enum TenantAccess
{
    /// <summary>Storefront and admin requests: the store must be active and switched on.</summary>
    Serving,
    /// <summary>Provisioning, migration and clean-up jobs: any store that is not deleted.</summary>
    Maintenance,
}

/// <summary>
/// The one rule of whether a store may be reached, for the tenant context factory and the web's store of the
/// request alike: a store that is not registered or was deleted is not found, whoever asks (404); one that exists
/// but is not serving (provisioning, suspended, switched off by the operator) is unavailable to shoppers and
/// staff (503) and still reachable by jobs.
/// </summary>
public static class StoreAvailability
{
    /// <summary>The registration when <paramref name="access"/> may reach it; otherwise throws.</summary>
    /// <param name="key">How the caller named the store (slug or id), for the not-found message.</param>
    /// <exception cref="StoreNotFoundException">No registration, or the store is deleted.</exception>
    /// <exception cref="StoreUnavailableException">Serving access to a store that is not serving.</exception>
    public static StoreRegistration Require(StoreRegistration? registration, string key, TenantAccess access = TenantAccess.Serving)
    {
        if (registration is null || registration.Status == StoreStatus.Deleted) throw new StoreNotFoundException(key);
        if (access == TenantAccess.Serving && !registration.IsServing)
            throw new StoreUnavailableException(registration.StoreId, registration.Slug, registration.Status);
        return registration;
    }
}
