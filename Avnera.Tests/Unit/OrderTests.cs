using Avnera.Data.Orders;

namespace Avnera.Tests.Unit;

public class OrderTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A pending order with one line (an order without lines cannot await payment).</summary>
    private static Order NewOrder()
    {
        var order = EmptyOrder();
        order.AddItem(Guid.NewGuid(), Guid.NewGuid(), "ML-DRESS-S", "Linen dress", "Small", quantity: 1, unitPrice: 89.90m);
        return order;
    }

    private static Order EmptyOrder() => new("EUR", T0)
    {
        Number = 1042,
        Email = "buyer@example.com",
        IdempotencyKey = Guid.NewGuid().ToString(),
    };

    /// <summary>An order moved along legal steps to <paramref name="status"/>.</summary>
    private static Order OrderIn(OrderStatus status)
    {
        var order = NewOrder();
        OrderStatus[] path = status switch
        {
            OrderStatus.Pending => [],
            OrderStatus.AwaitingPayment => [OrderStatus.AwaitingPayment],
            OrderStatus.PaymentFailed => [OrderStatus.AwaitingPayment, OrderStatus.PaymentFailed],
            OrderStatus.Paid => [OrderStatus.AwaitingPayment, OrderStatus.Paid],
            OrderStatus.Fulfilled => [OrderStatus.AwaitingPayment, OrderStatus.Paid, OrderStatus.Fulfilled],
            OrderStatus.Shipped => [OrderStatus.AwaitingPayment, OrderStatus.Paid, OrderStatus.Fulfilled, OrderStatus.Shipped],
            OrderStatus.Delivered => [OrderStatus.AwaitingPayment, OrderStatus.Paid, OrderStatus.Fulfilled, OrderStatus.Shipped, OrderStatus.Delivered],
            OrderStatus.PartiallyRefunded => [OrderStatus.AwaitingPayment, OrderStatus.Paid, OrderStatus.PartiallyRefunded],
            OrderStatus.Refunded => [OrderStatus.AwaitingPayment, OrderStatus.Paid, OrderStatus.Refunded],
            OrderStatus.Cancelled => [OrderStatus.Cancelled],
            OrderStatus.RejectedOutOfStock => [OrderStatus.RejectedOutOfStock],
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        foreach (var step in path) order.TransitionTo(step, T0);
        Assert.Equal(status, order.Status);
        return order;
    }

    [Fact]
    public void NewOrder_StartsPendingAndStampedWithItsPlacement()
    {
        var order = NewOrder();

        Assert.Equal(OrderStatus.Pending, order.Status);
        Assert.Equal(T0, order.PlacedAt);
        Assert.Equal(T0, order.CreatedAt);
        Assert.Equal(T0, order.UpdatedAt);
        Assert.Null(order.PaidAt);
        Assert.Null(order.CancelledAt);
    }

    [Fact]
    public void MarkAwaitingPayment_WithoutLines_ThrowsAndStaysPending()
    {
        var order = EmptyOrder();

        var error = Assert.Throws<InvalidOperationException>(() => order.MarkAwaitingPayment(T0));

        Assert.Equal(OrderStatus.Pending, order.Status);
        Assert.Contains("no lines", error.Message);
    }

    [Theory]
    [InlineData("eur")]
    [InlineData("EURO")]
    [InlineData("")]
    public void NewOrder_WithoutAnIsoCurrencyCode_IsRefused(string currency)
    {
        Assert.Throws<ArgumentException>(() => new Order(currency, T0) { Email = "b@example.com", IdempotencyKey = "k" });
    }

    [Fact]
    public void Order_HappyPath_MovesFromPendingToDelivered()
    {
        var order = NewOrder();

        order.MarkAwaitingPayment(T0);
        Assert.Equal(OrderStatus.AwaitingPayment, order.Status);
        order.MarkPaid(T0);
        Assert.Equal(OrderStatus.Paid, order.Status);
        order.TransitionTo(OrderStatus.Fulfilled, T0.AddHours(1));
        Assert.Equal(OrderStatus.Fulfilled, order.Status);
        order.TransitionTo(OrderStatus.Shipped, T0.AddHours(2));
        Assert.Equal(OrderStatus.Shipped, order.Status);
        order.TransitionTo(OrderStatus.Delivered, T0.AddDays(2));

        Assert.Equal(OrderStatus.Delivered, order.Status);
        Assert.Equal(T0.AddDays(2), order.UpdatedAt);
    }

    [Fact]
    public void MarkPaid_AwaitingPayment_SetsPaidAtAndUpdatedAt()
    {
        var order = OrderIn(OrderStatus.AwaitingPayment);
        var at = T0.AddMinutes(7);

        order.MarkPaid(at);

        Assert.Equal(at, order.PaidAt);
        Assert.Equal(at, order.UpdatedAt);
    }

    [Fact]
    public void MarkPaid_AfterFailedPayment_IsAccepted()
    {
        var order = OrderIn(OrderStatus.PaymentFailed);

        order.MarkPaid(T0.AddHours(1));

        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal(T0.AddHours(1), order.PaidAt);
    }

    [Fact]
    public void MarkAwaitingPayment_AfterFailedPayment_AllowsARetry()
    {
        var order = OrderIn(OrderStatus.PaymentFailed);

        order.MarkAwaitingPayment(T0.AddHours(2));

        Assert.Equal(OrderStatus.AwaitingPayment, order.Status);
        Assert.Equal(T0.AddHours(2), order.UpdatedAt);
    }

    [Theory]
    [InlineData(OrderStatus.Pending)]
    [InlineData(OrderStatus.Cancelled)]
    [InlineData(OrderStatus.RejectedOutOfStock)]
    [InlineData(OrderStatus.Paid)]
    [InlineData(OrderStatus.Refunded)]
    [InlineData(OrderStatus.Delivered)]
    public void MarkPaid_NotAwaitingPayment_ThrowsAndLeavesOrderUnchanged(OrderStatus status)
    {
        var order = OrderIn(status);
        var paidAt = order.PaidAt;
        var updatedAt = order.UpdatedAt;

        Assert.Throws<InvalidOperationException>(() => order.MarkPaid(T0.AddDays(1)));

        Assert.Equal(status, order.Status);
        Assert.Equal(paidAt, order.PaidAt);
        Assert.Equal(updatedAt, order.UpdatedAt);
    }

    [Theory]
    [InlineData(OrderStatus.Paid)]
    [InlineData(OrderStatus.Fulfilled)]
    [InlineData(OrderStatus.Shipped)]
    [InlineData(OrderStatus.Delivered)]
    [InlineData(OrderStatus.PartiallyRefunded)]
    public void Cancel_AfterMoneyWasTaken_ThrowsAndDoesNotSetCancelledAt(OrderStatus status)
    {
        var order = OrderIn(status);

        Assert.Throws<InvalidOperationException>(() => order.Cancel(T0.AddDays(1)));

        Assert.Equal(status, order.Status);
        Assert.Null(order.CancelledAt);
    }

    [Theory]
    [InlineData(OrderStatus.Pending)]
    [InlineData(OrderStatus.AwaitingPayment)]
    [InlineData(OrderStatus.PaymentFailed)]
    public void Cancel_BeforePayment_CancelsAndSetsCancelledAt(OrderStatus status)
    {
        var order = OrderIn(status);
        var at = T0.AddHours(3);

        order.Cancel(at);

        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal(at, order.CancelledAt);
        Assert.Equal(at, order.UpdatedAt);
    }

    [Theory]
    [InlineData(OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Refunded)]
    [InlineData(OrderStatus.RejectedOutOfStock)]
    public void TransitionTo_FromFinalState_AlwaysThrows(OrderStatus final)
    {
        foreach (var next in Enum.GetValues<OrderStatus>())
        {
            var order = OrderIn(final);
            Assert.Throws<InvalidOperationException>(() => order.TransitionTo(next, T0.AddDays(1)));
            Assert.Equal(final, order.Status);
        }
    }

    [Theory]
    [InlineData(OrderStatus.Pending, OrderStatus.Paid)]
    [InlineData(OrderStatus.Pending, OrderStatus.Shipped)]
    [InlineData(OrderStatus.AwaitingPayment, OrderStatus.Fulfilled)]
    [InlineData(OrderStatus.Paid, OrderStatus.Shipped)]
    [InlineData(OrderStatus.Paid, OrderStatus.Delivered)]
    [InlineData(OrderStatus.Paid, OrderStatus.PaymentFailed)]
    [InlineData(OrderStatus.Paid, OrderStatus.RejectedOutOfStock)]
    [InlineData(OrderStatus.Fulfilled, OrderStatus.Delivered)]
    [InlineData(OrderStatus.Shipped, OrderStatus.Fulfilled)]
    [InlineData(OrderStatus.Delivered, OrderStatus.Shipped)]
    [InlineData(OrderStatus.PaymentFailed, OrderStatus.RejectedOutOfStock)]
    [InlineData(OrderStatus.PartiallyRefunded, OrderStatus.PartiallyRefunded)]
    [InlineData(OrderStatus.Paid, OrderStatus.Paid)]
    public void TransitionTo_SkippingOrReversingSteps_ThrowsWithBothStatesInMessage(OrderStatus from, OrderStatus to)
    {
        var order = OrderIn(from);

        var error = Assert.Throws<InvalidOperationException>(() => order.TransitionTo(to, T0.AddDays(1)));

        Assert.Equal(from, order.Status);
        Assert.Contains("1042", error.Message);
        Assert.Contains(from.ToString(), error.Message);
        Assert.Contains(to.ToString(), error.Message);
    }

    [Theory]
    [InlineData(OrderStatus.Paid, OrderStatus.Refunded)]
    [InlineData(OrderStatus.Paid, OrderStatus.PartiallyRefunded)]
    [InlineData(OrderStatus.Fulfilled, OrderStatus.Refunded)]
    [InlineData(OrderStatus.Shipped, OrderStatus.PartiallyRefunded)]
    [InlineData(OrderStatus.Delivered, OrderStatus.Refunded)]
    [InlineData(OrderStatus.PartiallyRefunded, OrderStatus.Refunded)]
    public void TransitionTo_RefundAfterPayment_IsAccepted(OrderStatus from, OrderStatus to)
    {
        var order = OrderIn(from);

        order.TransitionTo(to, T0.AddDays(5));

        Assert.Equal(to, order.Status);
        Assert.Equal(T0.AddDays(5), order.UpdatedAt);
    }

    [Theory]
    [InlineData(OrderStatus.Pending)]
    [InlineData(OrderStatus.AwaitingPayment)]
    public void RejectOutOfStock_BeforePayment_Rejects(OrderStatus status)
    {
        var order = OrderIn(status);

        order.RejectOutOfStock(T0.AddMinutes(1));

        Assert.Equal(OrderStatus.RejectedOutOfStock, order.Status);
        Assert.Equal(T0.AddMinutes(1), order.UpdatedAt);
    }

    [Fact]
    public void MarkPaymentFailed_Pending_Throws()
    {
        var order = NewOrder();

        Assert.Throws<InvalidOperationException>(() => order.MarkPaymentFailed(T0));
        Assert.Equal(OrderStatus.Pending, order.Status);
    }

    [Fact]
    public void CanMoveTo_ReflectsCurrentStatus()
    {
        var order = OrderIn(OrderStatus.Paid);

        Assert.True(order.CanMoveTo(OrderStatus.Fulfilled));
        Assert.False(order.CanMoveTo(OrderStatus.Cancelled));
    }

    [Fact]
    public void AllowedTransitions_CoversEveryStatus()
    {
        Assert.All(Enum.GetValues<OrderStatus>(), s => Assert.True(Order.AllowedTransitions.ContainsKey(s), $"{s} has no entry"));
    }
}
