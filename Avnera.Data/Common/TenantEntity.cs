namespace Avnera.Data.Common;

/// <summary>A row that belongs to one store. Every tenant table carries store_id.</summary>
public interface ITenantEntity
{
    Guid StoreId { get; set; }
}

/// <summary>
/// Base for tenant rows with their own id. The primary key is (store_id, id): every foreign key inside a
/// tenant database then includes store_id, so PostgreSQL itself refuses a row of one store that points at
/// a row of another (see docs/decisions/0002-tenant-keys.md). Ids are UUIDv7: unique across databases, so
/// a store can move between pooled and dedicated databases without renumbering, and index-friendly.
/// </summary>
public abstract class TenantEntity : ITenantEntity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StoreId { get; set; }
}

/// <summary>
/// A row of a ledger (stock movements, payments, refunds): history that must outlive what it describes. Its
/// store's anchor row cannot be deleted while it exists (no cascade), so removing a store's data is an
/// explicit workflow that archives ledgers first, never a side effect of one DELETE.
/// </summary>
public interface ILedgerEntry : ITenantEntity;

/// <summary>The store's own row in a tenant database (its id is the store id).</summary>
public interface ITenantRoot
{
    Guid Id { get; }
}
