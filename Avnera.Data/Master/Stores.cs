using Avnera.Data.Common;

namespace Avnera.Data.Master;

public enum StoreStatus { Provisioning, Active, Suspended, Deleted }

public enum StoreRole { Owner, Staff }

/// <summary>
/// The platform's registry entry for a store: routing (slug, host), status and ownership. The store's
/// configuration lives in its Products database under the same id. The lifecycle status moves along
/// <see cref="AllowedTransitions"/>; the operator's switch (<see cref="IsActive"/>) is separate, and neither
/// changes once the store is deleted.
/// </summary>
public class RegisteredStore
{
    private RegisteredStore() { } // EF

    public RegisteredStore(DateTimeOffset createdAt) => CreatedAt = UpdatedAt = createdAt;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OwnerUserId { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string? CustomHost { get; set; }
    public StoreStatus Status { get; private set; } = StoreStatus.Provisioning;
    /// <summary>Operator switch, independent of the lifecycle status (e.g. unpaid subscription).</summary>
    public bool IsActive { get; private set; } = true;
    public Guid? PlanId { get; set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public StoreDatabase? Database { get; set; }
    public List<StoreMember> Members { get; set; } = [];

    /// <summary>Provisioning ends active (or is abandoned); an active store may be suspended and reactivated; any store may be deleted, for good.</summary>
    public static readonly IReadOnlyDictionary<StoreStatus, StoreStatus[]> AllowedTransitions =
        new Dictionary<StoreStatus, StoreStatus[]>
        {
            [StoreStatus.Provisioning] = [StoreStatus.Active, StoreStatus.Deleted],
            [StoreStatus.Active] = [StoreStatus.Suspended, StoreStatus.Deleted],
            [StoreStatus.Suspended] = [StoreStatus.Active, StoreStatus.Deleted],
            [StoreStatus.Deleted] = [],
        };

    /// <summary>Open for shoppers and staff: active and switched on.</summary>
    public bool IsServing => Serves(Status, IsActive);

    /// <summary>Whether a store of this status and operator switch serves (also read from cached registrations).</summary>
    public static bool Serves(StoreStatus status, bool isActive) => status == StoreStatus.Active && isActive;

    public void Activate(DateTimeOffset now) => MoveTo(StoreStatus.Active, now);
    public void Suspend(DateTimeOffset now) => MoveTo(StoreStatus.Suspended, now);
    public void Delete(DateTimeOffset now) => MoveTo(StoreStatus.Deleted, now);

    /// <summary>The operator switches the store off (it stops serving whatever its status) or on again; repeating a switch changes nothing.</summary>
    public void SwitchOff(DateTimeOffset now) => Switch(false, now);
    public void SwitchOn(DateTimeOffset now) => Switch(true, now);

    private void MoveTo(StoreStatus next, DateTimeOffset now)
    {
        AllowedTransitions.Require(Status, next, $"Store '{Slug}'");
        Status = next;
        UpdatedAt = now;
    }

    private void Switch(bool on, DateTimeOffset now)
    {
        if (Status == StoreStatus.Deleted)
            throw new InvalidOperationException($"Store '{Slug}' is deleted; it cannot be switched {(on ? "on" : "off")}.");
        if (IsActive == on) return;
        IsActive = on;
        UpdatedAt = now;
    }
}

public class StoreMember
{
    public Guid StoreId { get; set; }
    public Guid UserId { get; set; }
    public StoreRole Role { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}

/// <summary>
/// Where a store's tenant data lives. Connection strings are AES-256-GCM ciphertexts bound to the store id
/// (see Tenancy/ConnectionStringProtector). Several stores pointing at the same database are "pooled".
/// </summary>
public class StoreDatabase
{
    public Guid StoreId { get; set; }
    /// <summary>The request login's connection strings (anon/authenticated only), encrypted.</summary>
    public required string ProductsConnection { get; set; }
    public required string OrdersConnection { get; set; }
    /// <summary>The service login's (service_role: jobs, checkout, provisioning), encrypted; never used by a request's own unit of work.</summary>
    public required string ProductsServiceConnection { get; set; }
    public required string OrdersServiceConnection { get; set; }
    /// <summary>Owner credentials used only to migrate a dedicated database; null for pooled ones.</summary>
    public string? ProductsMigrationConnection { get; set; }
    public string? OrdersMigrationConnection { get; set; }
    public bool IsDedicated { get; set; }
    public int KeyVersion { get; set; } = 1;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}

/// <summary>
/// A slug a store used before it was renamed: storefront links to it answer 301 to the current slug, so
/// bookmarks and search engines follow the store. A slug is never given to another store while it redirects.
/// </summary>
public class StoreSlugRedirect
{
    public required string Slug { get; set; }
    public Guid StoreId { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}
