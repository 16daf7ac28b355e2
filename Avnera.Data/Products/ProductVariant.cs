using Avnera.Data.Common;

namespace Avnera.Data.Products;

/// <summary>
/// A sellable unit (size/colour combination) with its own SKU and stock. Available stock is on hand minus
/// reserved. Stock changes only through the methods below, each returning the <see cref="InventoryMovement"/>
/// to add in the same SaveChanges, so the ledger always sums to the balances (a new variant starts at zero
/// and gets its opening stock as a receipt). None lets reserved exceed on hand or either go negative; the
/// database refuses the same.
/// </summary>
public class ProductVariant : TenantEntity
{
    private ProductVariant() { } // EF

    public ProductVariant(DateTimeOffset createdAt) => CreatedAt = UpdatedAt = createdAt;

    public Guid ProductId { get; set; }
    public Product? Product { get; set; }
    public required string Sku { get; set; }
    public required string Title { get; set; }
    /// <summary>Overrides the product price when set.</summary>
    public decimal? Price { get; set; }
    public int StockOnHand { get; private set; }
    public int StockReserved { get; private set; }
    public int? WeightGrams { get; set; }
    public int Position { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>Last change; catalog edits set it, stock movements stamp it.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin: concurrent stock edits through EF fail instead of overwriting each other.</summary>
    public uint Version { get; private set; }

    public int Available => StockOnHand - StockReserved;

    /// <summary>Holds stock for an order's checkout; refused when less than <paramref name="qty"/> is available.</summary>
    public InventoryMovement Reserve(int qty, Guid orderId, DateTimeOffset now)
    {
        Require(qty > 0 && qty <= Available, $"Cannot reserve {qty} of {Sku}: {Available} available.");
        StockReserved += qty;
        return Moved(InventoryMovementKind.Reservation, qty, now, orderId);
    }

    /// <summary>Gives reserved stock back (abandoned, failed or cancelled checkout).</summary>
    public InventoryMovement Release(int qty, Guid orderId, DateTimeOffset now)
    {
        Require(qty > 0 && qty <= StockReserved, $"Cannot release {qty} of {Sku}: {StockReserved} reserved.");
        StockReserved -= qty;
        return Moved(InventoryMovementKind.Release, -qty, now, orderId);
    }

    /// <summary>Turns a reservation into a sale: the stock leaves both reserved and on hand.</summary>
    public InventoryMovement CommitSale(int qty, Guid orderId, DateTimeOffset now)
    {
        Require(qty > 0 && qty <= StockReserved, $"Cannot sell {qty} of {Sku}: {StockReserved} reserved.");
        StockReserved -= qty;
        StockOnHand -= qty;
        return Moved(InventoryMovementKind.Sale, -qty, now, orderId);
    }

    /// <summary>Adds delivered stock (also a new variant's opening stock).</summary>
    public InventoryMovement Receive(int qty, string? reason, DateTimeOffset now)
    {
        Require(qty > 0, $"Cannot receive {qty} of {Sku}.");
        InventoryMovement.RequireReason(reason);
        StockOnHand += qty;
        return Moved(InventoryMovementKind.Receipt, qty, now, reason: reason);
    }

    /// <summary>Puts units a customer sent back on the shelf again.</summary>
    public InventoryMovement ReturnToStock(int qty, Guid orderId, DateTimeOffset now)
    {
        Require(qty > 0, $"Cannot return {qty} of {Sku} to stock.");
        StockOnHand += qty;
        return Moved(InventoryMovementKind.Return, qty, now, orderId);
    }

    /// <summary>
    /// Sets on hand to what a stock count found; the movement records the difference and why. A count below
    /// what is reserved is refused: release or cancel those orders first, so no reservation points at stock
    /// that is not there.
    /// </summary>
    public InventoryMovement CorrectCount(int counted, string reason, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        InventoryMovement.RequireReason(reason);
        Require(counted >= 0, $"A stock count of {Sku} cannot be negative ({counted}).");
        Require(counted != StockOnHand, $"The count of {Sku} ({counted}) equals its stock on hand: nothing to correct.");
        Require(counted >= StockReserved, $"Cannot count {Sku} at {counted}: {StockReserved} are reserved.");
        var difference = counted - StockOnHand;
        StockOnHand = counted;
        return Moved(InventoryMovementKind.Adjustment, difference, now, reason: reason);
    }

    private static void Require(bool condition, string message)
    {
        if (!condition) throw new InvalidOperationException(message);
    }

    private InventoryMovement Moved(InventoryMovementKind kind, int qty, DateTimeOffset now, Guid? orderId = null, string? reason = null)
    {
        UpdatedAt = now;
        return InventoryMovement.For(this, kind, qty, now, orderId, reason);
    }
}
