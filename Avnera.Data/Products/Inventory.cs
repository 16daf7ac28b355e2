using Avnera.Data.Common;

namespace Avnera.Data.Products;

public enum InventoryMovementKind { Receipt, Adjustment, Reservation, Release, Sale, Return }

/// <summary>
/// One line of the append-only stock ledger of a variant, written only by the variant's stock methods.
/// <see cref="Quantity"/> is signed, as the change of the balance the kind moves: Receipt, Return (+) and
/// Adjustment (±) move on hand; Reservation (+) and Release (−) move reserved; Sale (−) moves both on hand
/// and reserved. Hence stock_on_hand = Σ receipt, adjustment, sale, return and stock_reserved = Σ
/// reservation, release, sale. A checkout step writes at most one movement per (order, variant, kind), so a
/// retried step is refused.
/// </summary>
public class InventoryMovement : TenantEntity, ILedgerEntry
{
    /// <summary>Longest reason the ledger keeps (the column's length).</summary>
    public const int ReasonMaxLength = 500;

    private InventoryMovement() { } // EF

    public Guid VariantId { get; private set; }
    public ProductVariant? Variant { get; private set; }
    public InventoryMovementKind Kind { get; private set; }
    public int Quantity { get; private set; }
    /// <summary>Order in the Orders database (no foreign key across databases).</summary>
    public Guid? OrderId { get; private set; }
    public string? Reason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    internal static void RequireReason(string? reason)
    {
        if (reason?.Length > ReasonMaxLength)
            throw new ArgumentOutOfRangeException(nameof(reason), $"A stock movement's reason has at most {ReasonMaxLength} characters.");
    }

    internal static InventoryMovement For(ProductVariant variant, InventoryMovementKind kind, int quantity,
        DateTimeOffset now, Guid? orderId, string? reason)
    {
        // The variant checked everything before it changed its balance; this only guards the ledger's own rule.
        if (quantity == 0) throw new ArgumentOutOfRangeException(nameof(quantity), "A movement moves stock.");
        return new InventoryMovement
        {
            StoreId = variant.StoreId,
            VariantId = variant.Id,
            Kind = kind,
            Quantity = quantity,
            OrderId = orderId,
            Reason = reason,
            CreatedAt = now,
        };
    }
}
