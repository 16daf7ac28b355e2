using Avnera.Data.Orders;

namespace Avnera.Tests.Unit;

/// <summary>A coupon counts a use only through Redeem, which checks its window, limits and minimum first.</summary>
public class CouponTests
{
    private static readonly DateTimeOffset T0 = new(2025, 7, 1, 0, 0, 0, TimeSpan.Zero);

    private static Order OrderOf(decimal subtotal)
    {
        var order = new Order("EUR", T0) { Number = 1, Email = "b@example.com", IdempotencyKey = Guid.NewGuid().ToString(), CustomerId = Guid.NewGuid() };
        order.AddItem(Guid.NewGuid(), Guid.NewGuid(), "SKU", "Thing", null, 1, subtotal);
        return order;
    }

    [Fact]
    public void Redeem_ValidCoupon_CountsTheUseAndReturnsItsRow()
    {
        var coupon = new Coupon(T0) { Code = "summer", UsageLimit = 2 };
        var order = OrderOf(50m);

        var usage = coupon.Redeem(order, usesByCustomer: 0, T0.AddDays(1));

        Assert.Equal(1, coupon.TimesUsed);
        Assert.Equal(coupon.Id, usage.CouponId);
        Assert.Equal(order.Id, usage.OrderId);
        Assert.Equal(order.CustomerId, usage.CustomerId);
        Assert.Equal(T0.AddDays(1), usage.UsedAt);
    }

    [Fact]
    public void Redeem_UsedUp_ThrowsAndCountsNothing()
    {
        var coupon = new Coupon(T0) { Code = "once", UsageLimit = 1 };
        coupon.Redeem(OrderOf(10m), 0, T0);

        var error = Assert.Throws<InvalidOperationException>(() => coupon.Redeem(OrderOf(10m), 0, T0));

        Assert.Contains("ONCE", error.Message);
        Assert.Equal(1, coupon.TimesUsed);
    }

    [Theory]
    [InlineData(-1, "not valid at this time")]   // before it starts
    [InlineData(31, "not valid at this time")]   // after it ends
    public void Redeem_OutsideItsWindow_IsRefused(int day, string message)
    {
        var coupon = new Coupon(T0) { Code = "july", EndsAt = T0.AddDays(31) };

        Assert.Contains(message, coupon.Refusal(OrderOf(10m), 0, T0.AddDays(day)));
        Assert.Throws<InvalidOperationException>(() => coupon.Redeem(OrderOf(10m), 0, T0.AddDays(day)));
        Assert.Equal(0, coupon.TimesUsed);
    }

    [Fact]
    public void Redeem_BelowTheMinimumOrOverThePerCustomerLimitOrInactive_IsRefused()
    {
        var coupon = new Coupon(T0) { Code = "big", MinSubtotal = 100m, UsageLimitPerCustomer = 1 };

        Assert.Contains("applies from 100", coupon.Refusal(OrderOf(99.99m), 0, T0));
        Assert.Contains("already used", coupon.Refusal(OrderOf(150m), 1, T0));
        Assert.Null(coupon.Refusal(OrderOf(100m), 0, T0));
        coupon.IsActive = false;
        Assert.Contains("no longer valid", coupon.Refusal(OrderOf(150m), 0, T0));
        Assert.Equal(0, coupon.TimesUsed);
    }
}
