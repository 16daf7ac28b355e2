using Avnera.Data.Products;
using Microsoft.Extensions.Time.Testing;

namespace Avnera.Tests.Unit;

/// <summary>Stock moves only through the variant's methods, each returning its ledger line.</summary>
public class ProductVariantTests
{
    private static readonly Guid StoreId = Guid.NewGuid();
    private static readonly Guid Earlier = Guid.NewGuid();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));

    private DateTimeOffset Now => _clock.GetUtcNow();

    /// <summary>A variant stocked and reserved the only way there is: through its ledger.</summary>
    private ProductVariant Variant(int onHand, int reserved = 0)
    {
        var variant = new ProductVariant(Now) { StoreId = StoreId, ProductId = Guid.NewGuid(), Sku = "ML-DRESS-S", Title = "Small" };
        if (onHand > 0) variant.Receive(onHand, "Opening stock", Now);
        if (reserved > 0) variant.Reserve(reserved, Earlier, Now);
        _clock.Advance(TimeSpan.FromMinutes(5));
        return variant;
    }

    private static void AssertLine(InventoryMovement movement, ProductVariant variant, InventoryMovementKind kind, int quantity, Guid? orderId, DateTimeOffset at)
    {
        Assert.Equal(kind, movement.Kind);
        Assert.Equal(quantity, movement.Quantity);
        Assert.Equal(orderId, movement.OrderId);
        Assert.Equal(variant.Id, movement.VariantId);
        Assert.Equal(StoreId, movement.StoreId);
        Assert.Equal(at, movement.CreatedAt);
        Assert.Equal(at, variant.UpdatedAt);
    }

    [Fact]
    public void NewVariant_HasNoStockAndItsCreationTime()
    {
        var created = Now;
        var variant = new ProductVariant(created) { Sku = "NEW-1", Title = "New" };

        Assert.Equal(0, variant.StockOnHand);
        Assert.Equal(0, variant.StockReserved);
        Assert.Equal(created, variant.CreatedAt);
        Assert.Equal(created, variant.UpdatedAt);
    }

    [Fact]
    public void Reserve_WithinAvailable_HoldsStockAndReturnsReservation()
    {
        var variant = Variant(onHand: 10);
        var orderId = Guid.NewGuid();

        var movement = variant.Reserve(3, orderId, Now);

        Assert.Equal(10, variant.StockOnHand);
        Assert.Equal(3, variant.StockReserved);
        Assert.Equal(7, variant.Available);
        AssertLine(movement, variant, InventoryMovementKind.Reservation, 3, orderId, Now);
    }

    [Fact]
    public void Reserve_ExactlyAllAvailable_IsAccepted()
    {
        var variant = Variant(onHand: 5, reserved: 2);

        variant.Reserve(3, Guid.NewGuid(), Now);

        Assert.Equal(0, variant.Available);
    }

    [Fact]
    public void Reserve_MoreThanAvailable_ThrowsAndLeavesStockUnchanged()
    {
        var variant = Variant(onHand: 5, reserved: 3);
        var before = variant.UpdatedAt;

        var error = Assert.Throws<InvalidOperationException>(() => variant.Reserve(3, Guid.NewGuid(), Now));

        Assert.Equal(5, variant.StockOnHand);
        Assert.Equal(3, variant.StockReserved);
        Assert.Equal(before, variant.UpdatedAt);
        Assert.Contains("ML-DRESS-S", error.Message);
        Assert.Contains("2 available", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Reserve_NonPositiveQuantity_ThrowsAndLeavesStockUnchanged(int qty)
    {
        var variant = Variant(onHand: 5, reserved: 1);

        Assert.Throws<InvalidOperationException>(() => variant.Reserve(qty, Guid.NewGuid(), Now));

        Assert.Equal(5, variant.StockOnHand);
        Assert.Equal(1, variant.StockReserved);
    }

    [Fact]
    public void Release_Reserved_GivesStockBackWithNegativeMovement()
    {
        var variant = Variant(onHand: 10, reserved: 4);

        var movement = variant.Release(3, Earlier, Now);

        Assert.Equal(10, variant.StockOnHand);
        Assert.Equal(1, variant.StockReserved);
        Assert.Equal(9, variant.Available);
        AssertLine(movement, variant, InventoryMovementKind.Release, -3, Earlier, Now);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(0)]
    [InlineData(-2)]
    public void Release_MoreThanReservedOrNonPositive_ThrowsAndLeavesStockUnchanged(int qty)
    {
        var variant = Variant(onHand: 10, reserved: 4);

        Assert.Throws<InvalidOperationException>(() => variant.Release(qty, Earlier, Now));

        Assert.Equal(10, variant.StockOnHand);
        Assert.Equal(4, variant.StockReserved);
    }

    [Fact]
    public void CommitSale_Reserved_RemovesStockFromOnHandAndReserved()
    {
        var variant = Variant(onHand: 10, reserved: 4);

        var movement = variant.CommitSale(4, Earlier, Now);

        Assert.Equal(6, variant.StockOnHand);
        Assert.Equal(0, variant.StockReserved);
        Assert.Equal(6, variant.Available);
        AssertLine(movement, variant, InventoryMovementKind.Sale, -4, Earlier, Now);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(0)]
    [InlineData(-1)]
    public void CommitSale_MoreThanReservedOrNonPositive_ThrowsAndLeavesStockUnchanged(int qty)
    {
        var variant = Variant(onHand: 10, reserved: 4);

        Assert.Throws<InvalidOperationException>(() => variant.CommitSale(qty, Earlier, Now));

        Assert.Equal(10, variant.StockOnHand);
        Assert.Equal(4, variant.StockReserved);
    }

    [Fact]
    public void CommitSale_UnreservedStock_IsRefused()
    {
        var variant = Variant(onHand: 10);

        Assert.Throws<InvalidOperationException>(() => variant.CommitSale(1, Guid.NewGuid(), Now));

        Assert.Equal(10, variant.StockOnHand);
    }

    [Fact]
    public void Receive_Delivery_AddsToOnHandWithReason()
    {
        var variant = Variant(onHand: 2, reserved: 1);

        var movement = variant.Receive(12, "PO-77", Now);

        Assert.Equal(14, variant.StockOnHand);
        Assert.Equal(1, variant.StockReserved);
        AssertLine(movement, variant, InventoryMovementKind.Receipt, 12, null, Now);
        Assert.Equal("PO-77", movement.Reason);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Receive_NonPositiveQuantity_ThrowsAndLeavesStockUnchanged(int qty)
    {
        var variant = Variant(onHand: 2);

        Assert.Throws<InvalidOperationException>(() => variant.Receive(qty, null, Now));

        Assert.Equal(2, variant.StockOnHand);
    }

    [Fact]
    public void Receive_ReasonLongerThanTheLedgerKeeps_ThrowsAndLeavesStockUnchanged()
    {
        var variant = Variant(onHand: 2);

        Assert.Throws<ArgumentOutOfRangeException>(() => variant.Receive(1, new string('x', InventoryMovement.ReasonMaxLength + 1), Now));

        Assert.Equal(2, variant.StockOnHand);
    }

    [Fact]
    public void ReturnToStock_PutsUnitsBackOnHandForTheOrder()
    {
        var variant = Variant(onHand: 3);

        var movement = variant.ReturnToStock(2, Earlier, Now);

        Assert.Equal(5, variant.StockOnHand);
        Assert.Equal(0, variant.StockReserved);
        AssertLine(movement, variant, InventoryMovementKind.Return, 2, Earlier, Now);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void ReturnToStock_NonPositiveQuantity_ThrowsAndLeavesStockUnchanged(int qty)
    {
        var variant = Variant(onHand: 3);

        Assert.Throws<InvalidOperationException>(() => variant.ReturnToStock(qty, Earlier, Now));

        Assert.Equal(3, variant.StockOnHand);
    }

    [Theory]
    [InlineData(7, -3)]
    [InlineData(15, 5)]
    [InlineData(2, -8)]
    public void CorrectCount_SetsOnHandToTheCountAndRecordsTheDifference(int counted, int difference)
    {
        var variant = Variant(onHand: 10, reserved: 2);

        var movement = variant.CorrectCount(counted, "Stock take March", Now);

        Assert.Equal(counted, variant.StockOnHand);
        Assert.Equal(2, variant.StockReserved);
        AssertLine(movement, variant, InventoryMovementKind.Adjustment, difference, null, Now);
        Assert.Equal("Stock take March", movement.Reason);
    }

    [Fact]
    public void CorrectCount_BelowWhatIsReserved_ThrowsAndLeavesStockUnchanged()
    {
        var variant = Variant(onHand: 10, reserved: 4);

        var error = Assert.Throws<InvalidOperationException>(() => variant.CorrectCount(3, "Damaged", Now));

        Assert.Equal(10, variant.StockOnHand);
        Assert.Equal(4, variant.StockReserved);
        Assert.Contains("4 are reserved", error.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10)]
    public void CorrectCount_NegativeOrUnchanged_ThrowsAndWritesNothing(int counted)
    {
        var variant = Variant(onHand: 10);

        Assert.Throws<InvalidOperationException>(() => variant.CorrectCount(counted, "Count", Now));

        Assert.Equal(10, variant.StockOnHand);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void CorrectCount_WithoutAReason_IsRefused(string reason)
    {
        var variant = Variant(onHand: 10);

        Assert.Throws<ArgumentException>(() => variant.CorrectCount(8, reason, Now));

        Assert.Equal(10, variant.StockOnHand);
    }

    [Fact]
    public void StockMovements_ALifeOfAVariant_LedgerSumsMatchBalances()
    {
        var variant = new ProductVariant(Now) { StoreId = StoreId, Sku = "LIFE-1", Title = "Life" };
        var orderA = Guid.NewGuid();
        var orderB = Guid.NewGuid();

        var ledger = new List<InventoryMovement>
        {
            variant.Receive(10, "Opening stock", Now),
            variant.Reserve(4, orderA, Now),
            variant.Release(1, orderA, Now),
            variant.CommitSale(3, orderA, Now),
            variant.ReturnToStock(1, orderA, Now),
            variant.Reserve(2, orderB, Now),
            variant.CorrectCount(6, "One damaged", Now),
        };

        // The documented ledger identities (Inventory.cs).
        var onHand = ledger.Where(m => m.Kind is InventoryMovementKind.Receipt or InventoryMovementKind.Adjustment
            or InventoryMovementKind.Sale or InventoryMovementKind.Return).Sum(m => m.Quantity);
        var reserved = ledger.Where(m => m.Kind is InventoryMovementKind.Reservation or InventoryMovementKind.Release
            or InventoryMovementKind.Sale).Sum(m => m.Quantity);
        Assert.Equal(6, variant.StockOnHand);
        Assert.Equal(2, variant.StockReserved);
        Assert.Equal(variant.StockOnHand, onHand);
        Assert.Equal(variant.StockReserved, reserved);
    }

    [Fact]
    public void StockMovements_ForManyRandomOperations_NeverLetReservedExceedOnHandOrGoNegative()
    {
        var random = new Random(42);
        var variant = new ProductVariant(Now) { StoreId = StoreId, Sku = "FUZZ-1", Title = "Fuzz" };
        var ledger = new List<InventoryMovement>();
        for (var step = 0; step < 2000; step++)
        {
            var qty = random.Next(-3, 12);
            try
            {
                ledger.Add(random.Next(6) switch
                {
                    0 => variant.Receive(qty, null, Now),
                    1 => variant.Reserve(qty, Guid.NewGuid(), Now),
                    2 => variant.Release(qty, Guid.NewGuid(), Now),
                    3 => variant.CommitSale(qty, Guid.NewGuid(), Now),
                    4 => variant.ReturnToStock(qty, Guid.NewGuid(), Now),
                    _ => variant.CorrectCount(random.Next(-2, 40), "Count", Now),
                });
            }
            catch (InvalidOperationException)
            {
                // Refused: the balances must be as they were, which the checks below confirm against the ledger.
            }
            Assert.InRange(variant.StockReserved, 0, variant.StockOnHand);
            Assert.Equal(variant.StockOnHand, ledger.Where(m => m.Kind is not (InventoryMovementKind.Reservation or InventoryMovementKind.Release)).Sum(m => m.Quantity));
            Assert.Equal(variant.StockReserved, ledger.Where(m => m.Kind is InventoryMovementKind.Reservation or InventoryMovementKind.Release or InventoryMovementKind.Sale).Sum(m => m.Quantity));
        }
        Assert.True(ledger.Count > 500, $"only {ledger.Count} movements were accepted; the test explores too little");
    }
}
