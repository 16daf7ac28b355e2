using Avnera.Data.Master;

namespace Avnera.Data.Tenancy;

/// <summary>Base for tenancy failures the UI turns into a page (404 / 503) rather than an error.</summary>
public abstract class TenantException(string message) : Exception(message);

/// <summary>No store with that id, slug or host is registered (or it was deleted).</summary>
public sealed class StoreNotFoundException(string key)
    : TenantException($"No store '{key}' exists.")
{
    public string Key { get; } = key;
}

/// <summary>The store exists but is not serving (provisioning, suspended or switched off by the operator).</summary>
public sealed class StoreUnavailableException(Guid storeId, string slug, StoreStatus status)
    : TenantException($"Store '{slug}' is unavailable ({status.ToString().ToLowerInvariant()}).")
{
    public Guid StoreId { get; } = storeId;
    public string Slug { get; } = slug;
    public StoreStatus Status { get; } = status;
}
