using Avnera.Data.Common;

namespace Avnera.Data.Products;

public enum InventoryMovementKind { Receipt, Adjustment, Reservation, Release, Sale, Return }

/// <summary>
/// One line of the append-only stock ledger of a variant. <see cref="Quantity"/> is signed, as the change
/// of the balance the kind moves: Receipt, Return (+) and Adjustment (±) move on hand; Reservation (+) and
/// Release (−) move reserved; Sale (−) moves both on hand and reserved. Hence
/// stock_on_hand = Σ receipt, adjustment, sale, return and stock_reserved = Σ reservation, release, sale.
/// A checkout step writes at most one movement per (order, variant, kind), so a retried step is refused.
/// </summary>
public class InventoryMovement : TenantEntity, ILedgerEntry
{
    public Guid VariantId { get; set; }
    public ProductVariant? Variant { get; set; }
    public InventoryMovementKind Kind { get; set; }
    public int Quantity { get; set; }
    /// <summary>Order in the Orders database (no foreign key across databases).</summary>
    public Guid? OrderId { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    public static InventoryMovement For(ProductVariant variant, InventoryMovementKind kind, int quantity,
        Guid? orderId = null, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(variant);
        if (quantity == 0) throw new ArgumentOutOfRangeException(nameof(quantity), "A movement moves stock.");
        return new InventoryMovement
        {
            StoreId = variant.StoreId,
            VariantId = variant.Id,
            Kind = kind,
            Quantity = quantity,
            OrderId = orderId,
            Reason = reason,
        };
    }
}
