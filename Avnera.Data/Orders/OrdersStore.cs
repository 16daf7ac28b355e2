using Avnera.Data.Common;

namespace Avnera.Data.Orders;

/// <summary>
/// The anchor row of a store in its Orders database (table tenant_stores, so that a dedicated store can keep
/// its Products and Orders tables in one physical database without two "stores" tables) (same id as in Master and Products). Not in the
/// architecture's table list: it gives every Orders table a foreign key target (so deleting a store's
/// tenant data is one cascading delete) and holds the per-store order number counter.
/// </summary>
public class OrdersStore : ITenantRoot
{
    public Guid Id { get; set; }
    /// <summary>Next human-facing order number; taken with UPDATE ... RETURNING so numbers never repeat.</summary>
    public long NextOrderNumber { get; set; } = 1001;
    public long NextReturnNumber { get; set; } = 1;
    public long NextTicketNumber { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}
