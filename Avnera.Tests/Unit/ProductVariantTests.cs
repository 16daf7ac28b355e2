using Avnera.Data.Products;

namespace Avnera.Tests.Unit;

public class ProductVariantTests
{
    private static readonly Guid StoreId = Guid.NewGuid();

    private static ProductVariant Variant(int onHand, int reserved = 0) => new()
    {
        StoreId = StoreId,
        ProductId = Guid.NewGuid(),
        Sku = "ML-DRESS-S",
        Title = "Small",
        StockOnHand = onHand,
        StockReserved = reserved,
    };

    [Fact]
    public void Reserve_WithinAvailable_HoldsStockAndReturnsReservation()
    {
        var variant = Variant(onHand: 10);
        var orderId = Guid.NewGuid();

        var movement = variant.Reserve(3, orderId);

        Assert.Equal(10, variant.StockOnHand);
        Assert.Equal(3, variant.StockReserved);
        Assert.Equal(7, variant.Available);
        Assert.Equal(InventoryMovementKind.Reservation, movement.Kind);
        Assert.Equal(3, movement.Quantity);
        Assert.Equal(orderId, movement.OrderId);
        Assert.Equal(variant.Id, movement.VariantId);
        Assert.Equal(StoreId, movement.StoreId);
        Assert.Equal(movement.CreatedAt, variant.UpdatedAt);
    }

    [Fact]
    public void Reserve_ExactlyAllAvailable_IsAccepted()
    {
        var variant = Variant(onHand: 5, reserved: 2);

        variant.Reserve(3);

        Assert.Equal(0, variant.Available);
    }

    [Fact]
    public void Reserve_MoreThanAvailable_ThrowsAndLeavesStockUnchanged()
    {
        var variant = Variant(onHand: 5, reserved: 3);

        var error = Assert.Throws<InvalidOperationException>(() => variant.Reserve(3));

        Assert.Equal(5, variant.StockOnHand);
        Assert.Equal(3, variant.StockReserved);
        Assert.Contains("ML-DRESS-S", error.Message);
        Assert.Contains("2 available", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Reserve_NonPositiveQuantity_ThrowsAndLeavesStockUnchanged(int qty)
    {
        var variant = Variant(onHand: 5, reserved: 1);

        Assert.Throws<InvalidOperationException>(() => variant.Reserve(qty));

        Assert.Equal(5, variant.StockOnHand);
        Assert.Equal(1, variant.StockReserved);
    }

    [Fact]
    public void Release_Reserved_GivesStockBackWithNegativeMovement()
    {
        var variant = Variant(onHand: 10, reserved: 4);
        var orderId = Guid.NewGuid();

        var movement = variant.Release(3, orderId);

        Assert.Equal(10, variant.StockOnHand);
        Assert.Equal(1, variant.StockReserved);
        Assert.Equal(9, variant.Available);
        Assert.Equal(InventoryMovementKind.Release, movement.Kind);
        Assert.Equal(-3, movement.Quantity);
        Assert.Equal(orderId, movement.OrderId);
        Assert.Equal(variant.Id, movement.VariantId);
        Assert.Equal(StoreId, movement.StoreId);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(0)]
    [InlineData(-2)]
    public void Release_MoreThanReservedOrNonPositive_ThrowsAndLeavesStockUnchanged(int qty)
    {
        var variant = Variant(onHand: 10, reserved: 4);

        Assert.Throws<InvalidOperationException>(() => variant.Release(qty));

        Assert.Equal(10, variant.StockOnHand);
        Assert.Equal(4, variant.StockReserved);
    }

    [Fact]
    public void CommitSale_Reserved_RemovesStockFromOnHandAndReserved()
    {
        var variant = Variant(onHand: 10, reserved: 4);
        var orderId = Guid.NewGuid();

        var movement = variant.CommitSale(4, orderId);

        Assert.Equal(6, variant.StockOnHand);
        Assert.Equal(0, variant.StockReserved);
        Assert.Equal(6, variant.Available);
        Assert.Equal(InventoryMovementKind.Sale, movement.Kind);
        Assert.Equal(-4, movement.Quantity);
        Assert.Equal(orderId, movement.OrderId);
        Assert.Equal(variant.Id, movement.VariantId);
        Assert.Equal(StoreId, movement.StoreId);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(0)]
    [InlineData(-1)]
    public void CommitSale_MoreThanReservedOrNonPositive_ThrowsAndLeavesStockUnchanged(int qty)
    {
        var variant = Variant(onHand: 10, reserved: 4);

        Assert.Throws<InvalidOperationException>(() => variant.CommitSale(qty));

        Assert.Equal(10, variant.StockOnHand);
        Assert.Equal(4, variant.StockReserved);
    }

    [Fact]
    public void CommitSale_UnreservedStock_IsRefused()
    {
        var variant = Variant(onHand: 10);

        Assert.Throws<InvalidOperationException>(() => variant.CommitSale(1));

        Assert.Equal(10, variant.StockOnHand);
    }

    [Fact]
    public void Receive_Delivery_AddsToOnHandWithReason()
    {
        var variant = Variant(onHand: 2, reserved: 1);

        var movement = variant.Receive(12, "PO-77");

        Assert.Equal(14, variant.StockOnHand);
        Assert.Equal(1, variant.StockReserved);
        Assert.Equal(InventoryMovementKind.Receipt, movement.Kind);
        Assert.Equal(12, movement.Quantity);
        Assert.Null(movement.OrderId);
        Assert.Equal("PO-77", movement.Reason);
        Assert.Equal(variant.Id, movement.VariantId);
        Assert.Equal(StoreId, movement.StoreId);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Receive_NonPositiveQuantity_ThrowsAndLeavesStockUnchanged(int qty)
    {
        var variant = Variant(onHand: 2);

        Assert.Throws<InvalidOperationException>(() => variant.Receive(qty));

        Assert.Equal(2, variant.StockOnHand);
    }

    [Fact]
    public void StockMovements_FullCheckout_LedgerSumsMatchBalances()
    {
        var variant = Variant(onHand: 0);
        var orderId = Guid.NewGuid();

        var ledger = new List<InventoryMovement>
        {
            variant.Receive(10),
            variant.Reserve(4, orderId),
            variant.Release(1, orderId),
            variant.CommitSale(3, orderId),
        };

        // The documented ledger identities (Inventory.cs).
        var onHand = ledger.Where(m => m.Kind is InventoryMovementKind.Receipt or InventoryMovementKind.Adjustment
            or InventoryMovementKind.Sale or InventoryMovementKind.Return).Sum(m => m.Quantity);
        var reserved = ledger.Where(m => m.Kind is InventoryMovementKind.Reservation or InventoryMovementKind.Release
            or InventoryMovementKind.Sale).Sum(m => m.Quantity);
        Assert.Equal(7, variant.StockOnHand);
        Assert.Equal(0, variant.StockReserved);
        Assert.Equal(variant.StockOnHand, onHand);
        Assert.Equal(variant.StockReserved, reserved);
    }
}
