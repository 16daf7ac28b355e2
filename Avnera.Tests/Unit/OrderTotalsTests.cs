using Avnera.Data.Orders;

namespace Avnera.Tests.Unit;

/// <summary>An order's money is computed by the order: lines, discount, shipping and tax always add up.</summary>
public class OrderTotalsTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static Order NewOrder(string currency = "EUR") => new(currency, T0)
    {
        Number = 7, Email = "buyer@example.com", IdempotencyKey = Guid.NewGuid().ToString(),
    };

    private static OrderItem Add(Order order, int quantity, decimal unitPrice, string sku = "SKU-1") =>
        order.AddItem(Guid.NewGuid(), Guid.NewGuid(), sku, "Thing " + sku, null, quantity, unitPrice);

    [Fact]
    public void AddItem_ComputesLineTotalsAndOrderTotals()
    {
        var order = NewOrder();

        var dress = Add(order, 2, 19.99m, "A");
        var belt = Add(order, 1, 5.00m, "B");

        Assert.Equal(39.98m, dress.LineTotal);
        Assert.Equal(5.00m, belt.LineTotal);
        Assert.Equal(new[] { dress, belt }, order.Items);
        Assert.Equal(44.98m, order.Subtotal);
        Assert.Equal(0m, order.DiscountTotal);
        Assert.Equal(44.98m, order.GrandTotal);
    }

    [Fact]
    public void ShippingAndTax_AddToTheGrandTotal()
    {
        var order = NewOrder();
        Add(order, 1, 40m);

        order.SetShipping(4.90m);
        order.SetTax(8.98m);

        Assert.Equal(4.90m, order.ShippingTotal);
        Assert.Equal(8.98m, order.TaxTotal);
        Assert.Equal(53.88m, order.GrandTotal);
    }

    [Fact]
    public void ApplyDiscount_IsSpreadOverTheLinesToTheCent()
    {
        var order = NewOrder();
        var a = Add(order, 1, 10m, "A");
        var b = Add(order, 1, 20m, "B");
        var c = Add(order, 1, 30m, "C");

        order.ApplyDiscount(10m, " spring10 ");

        // 1.666.., 3.333.., 5: the cent left over goes to the line that lost most to rounding down.
        Assert.Equal(new[] { 1.67m, 3.33m, 5.00m }, new[] { a.Discount, b.Discount, c.Discount });
        Assert.Equal(new[] { 8.33m, 16.67m, 25.00m }, new[] { a.LineTotal, b.LineTotal, c.LineTotal });
        Assert.Equal(60m, order.Subtotal);
        Assert.Equal(10m, order.DiscountTotal);
        Assert.Equal(50m, order.GrandTotal);
        Assert.Equal("SPRING10", order.CouponCode);
    }

    [Fact]
    public void AddItem_AfterADiscount_SpreadsTheSameDiscountOverEveryLine()
    {
        var order = NewOrder();
        var a = Add(order, 1, 30m, "A");
        order.ApplyDiscount(6m);

        var b = Add(order, 1, 30m, "B");

        Assert.Equal(3m, a.Discount);
        Assert.Equal(3m, b.Discount);
        Assert.Equal(6m, order.DiscountTotal);
        Assert.Equal(54m, order.GrandTotal);
    }

    [Theory]
    [InlineData("EUR", 19.99, 15, 3.00)]   // 2.9985
    [InlineData("EUR", 10.00, 12.5, 1.25)]
    [InlineData("EUR", 0.10, 5, 0.01)]     // 0.005: half away from zero
    [InlineData("JPY", 999, 15, 150)]      // 149.85: yen have no minor unit
    public void ApplyPercentDiscount_RoundsToTheCurrencysMinorUnit(string currency, decimal price, decimal percent, decimal expected)
    {
        var order = NewOrder(currency);
        Add(order, 1, price);

        order.ApplyPercentDiscount(percent);

        Assert.Equal(expected, order.DiscountTotal);
        Assert.Equal(price - expected, order.GrandTotal);
    }

    [Theory]
    [InlineData("EUR", 6.665, 6.67)]
    [InlineData("EUR", 6.664, 6.66)]
    [InlineData("JPY", 80.5, 81)]
    public void SetTax_RoundsHalfAwayFromZeroToTheMinorUnit(string currency, decimal tax, decimal expected)
    {
        var order = NewOrder(currency);
        Add(order, 1, 100m);

        order.SetTax(tax);

        Assert.Equal(expected, order.TaxTotal);
        Assert.Equal(100m + expected, order.GrandTotal);
    }

    [Theory]
    [InlineData("EUR", 10.005)]
    [InlineData("JPY", 1500.50)]
    [InlineData("EUR", -1)]
    public void AddItem_PriceTheCurrencyCannotHold_IsRefusedAndNothingIsAdded(string currency, decimal unitPrice)
    {
        var order = NewOrder(currency);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Add(order, 1, unitPrice));

        Assert.Contains("Unit price", error.Message);
        Assert.Empty(order.Items);
        Assert.Equal(0m, order.GrandTotal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void AddItem_QuantityBelowOne_IsRefusedAndNothingIsAdded(int quantity)
    {
        var order = NewOrder();
        Add(order, 1, 10m, "KEEP");

        Assert.Throws<ArgumentOutOfRangeException>(() => Add(order, quantity, 10m));

        Assert.Single(order.Items);
        Assert.Equal(10m, order.GrandTotal);
    }

    [Theory]
    [InlineData(10.01)]
    [InlineData(-0.01)]
    [InlineData(0.001)]
    public void ApplyDiscount_NegativeFractionalOrAboveTheSubtotal_IsRefusedAndTotalsStay(decimal amount)
    {
        var order = NewOrder();
        Add(order, 1, 10m);

        Assert.Throws<ArgumentOutOfRangeException>(() => order.ApplyDiscount(amount, "X"));

        Assert.Equal(0m, order.DiscountTotal);
        Assert.Equal(10m, order.GrandTotal);
        Assert.Null(order.CouponCode);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100.5)]
    public void ApplyPercentDiscount_OutsideZeroToHundred_IsRefused(decimal percent)
    {
        var order = NewOrder();
        Add(order, 1, 10m);

        Assert.Throws<ArgumentOutOfRangeException>(() => order.ApplyPercentDiscount(percent));
        Assert.Equal(10m, order.GrandTotal);
    }

    [Fact]
    public void NegativeShippingOrTax_IsRefused()
    {
        var order = NewOrder();
        Add(order, 1, 10m);

        Assert.Throws<ArgumentOutOfRangeException>(() => order.SetShipping(-4.90m));
        Assert.Throws<ArgumentOutOfRangeException>(() => order.SetTax(-1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => order.SetShipping(4.905m));

        Assert.Equal(10m, order.GrandTotal);
    }

    [Fact]
    public void Money_OnceTheOrderAwaitsPayment_IsFixed()
    {
        var order = NewOrder();
        Add(order, 1, 10m);
        order.SetShipping(2m);
        order.MarkAwaitingPayment(T0);

        Assert.Throws<InvalidOperationException>(() => Add(order, 1, 5m));
        Assert.Throws<InvalidOperationException>(() => order.ApplyDiscount(1m));
        Assert.Throws<InvalidOperationException>(() => order.SetShipping(0m));
        var error = Assert.Throws<InvalidOperationException>(() => order.SetTax(1m));

        Assert.Contains("AwaitingPayment", error.Message);
        Assert.Single(order.Items);
        Assert.Equal(12m, order.GrandTotal);
    }

    [Fact]
    public void Totals_ForManyRandomOrders_AlwaysAddUp()
    {
        var random = new Random(20250301);
        for (var run = 0; run < 500; run++)
        {
            var currency = run % 5 == 0 ? "JPY" : "EUR";
            var cents = currency == "JPY" ? 1m : 0.01m;
            var order = NewOrder(currency);
            for (var line = 0; line < random.Next(1, 6); line++)
                Add(order, random.Next(1, 5), random.Next(0, 20_000) * cents, "L" + line);
            if (random.Next(2) == 0) order.ApplyPercentDiscount(random.Next(0, 101));
            else order.ApplyDiscount(Math.Floor(order.Subtotal * (decimal)random.NextDouble() / cents) * cents);
            order.SetShipping(random.Next(0, 1000) * cents);
            order.SetTax((decimal)random.NextDouble() * 50);

            Assert.Equal(order.Items.Sum(i => i.Quantity * i.UnitPrice), order.Subtotal);
            Assert.Equal(order.Items.Sum(i => i.Discount), order.DiscountTotal);
            Assert.Equal(order.Items.Sum(i => i.LineTotal) + order.ShippingTotal + order.TaxTotal, order.GrandTotal);
            Assert.All(order.Items, i => Assert.InRange(i.Discount, 0m, i.Quantity * i.UnitPrice));
            Assert.All(order.Items, i => Assert.Equal(0m, i.Discount % cents));
            Assert.True(order.GrandTotal >= 0);
        }
    }
}
