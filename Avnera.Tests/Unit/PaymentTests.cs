using Avnera.Data.Orders;

namespace Avnera.Tests.Unit;

/// <summary>A payment's status and amounts move together: refunded ≤ captured ≤ amount, illegal moves throw.</summary>
public class PaymentTests
{
    private static readonly DateTimeOffset T0 = new(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static Payment NewPayment(decimal amount = 100m) => new("test", amount, "EUR", T0);

    private static Payment Captured(decimal amount = 100m)
    {
        var payment = NewPayment(amount);
        payment.Capture(amount, "pi_1", T0.AddMinutes(1));
        return payment;
    }

    [Fact]
    public void NewPayment_IsPendingWithNothingCaptured()
    {
        var payment = NewPayment();

        Assert.Equal(PaymentStatus.Pending, payment.Status);
        Assert.Equal(100m, payment.Amount);
        Assert.Equal(0m, payment.CapturedAmount);
        Assert.Equal(T0, payment.CreatedAt);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(10.001)]
    public void NewPayment_NonPositiveOrFractionalCentAmount_IsRefused(decimal amount)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NewPayment(amount));
    }

    [Fact]
    public void AuthorizeThenCapture_TakesTheMoneyAndRemembersTheProviderId()
    {
        var payment = NewPayment();

        payment.Authorize("pi_1", T0.AddMinutes(1));
        payment.Capture(100m, "pi_1", T0.AddMinutes(2));

        Assert.Equal(PaymentStatus.Captured, payment.Status);
        Assert.Equal(100m, payment.CapturedAmount);
        Assert.Equal("pi_1", payment.ProviderPaymentId);
        Assert.Equal(T0.AddMinutes(2), payment.UpdatedAt);
    }

    [Theory]
    [InlineData(100.01)]
    [InlineData(0)]
    public void Capture_MoreThanTheAmountOrNothing_ThrowsAndCapturesNothing(decimal amount)
    {
        var payment = NewPayment();

        Assert.Throws<ArgumentOutOfRangeException>(() => payment.Capture(amount, "pi_1", T0));

        Assert.Equal(PaymentStatus.Pending, payment.Status);
        Assert.Equal(0m, payment.CapturedAmount);
    }

    [Fact]
    public void Capture_Twice_Throws()
    {
        var payment = Captured();

        Assert.Throws<InvalidOperationException>(() => payment.Capture(100m, "pi_1", T0.AddHours(1)));
        Assert.Equal(100m, payment.CapturedAmount);
    }

    [Fact]
    public void RecordRefund_PartlyThenTheRest_EndsRefunded()
    {
        var payment = Captured();

        payment.RecordRefund(30m, T0.AddDays(1));
        Assert.Equal(PaymentStatus.PartiallyRefunded, payment.Status);
        payment.RecordRefund(20m, T0.AddDays(2));
        Assert.Equal(PaymentStatus.PartiallyRefunded, payment.Status);
        payment.RecordRefund(50m, T0.AddDays(3));

        Assert.Equal(PaymentStatus.Refunded, payment.Status);
        Assert.Equal(100m, payment.RefundedAmount);
        Assert.Equal(T0.AddDays(3), payment.UpdatedAt);
    }

    [Fact]
    public void RecordRefund_MoreThanCaptured_ThrowsAndRefundsNothing()
    {
        var payment = Captured();
        payment.RecordRefund(60m, T0.AddDays(1));

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => payment.RecordRefund(40.01m, T0.AddDays(2)));

        Assert.Contains("at most the 40 EUR", error.Message);
        Assert.Equal(60m, payment.RefundedAmount);
        Assert.Equal(PaymentStatus.PartiallyRefunded, payment.Status);
    }

    [Fact]
    public void RecordRefund_BeforeCapture_Throws()
    {
        var payment = NewPayment();

        Assert.Throws<ArgumentOutOfRangeException>(() => payment.RecordRefund(10m, T0));
        Assert.Equal(0m, payment.RefundedAmount);
    }

    [Fact]
    public void FailedOrCancelledPayment_IsFinal()
    {
        var failed = NewPayment();
        failed.Fail(T0);
        var cancelled = NewPayment();
        cancelled.Authorize("pi_2", T0);
        cancelled.Cancel(T0.AddMinutes(1));

        Assert.Throws<InvalidOperationException>(() => failed.Capture(100m, "pi_1", T0.AddMinutes(1)));
        Assert.Throws<InvalidOperationException>(() => cancelled.Capture(100m, "pi_2", T0.AddMinutes(2)));
        Assert.Equal(PaymentStatus.Failed, failed.Status);
        Assert.Equal(PaymentStatus.Cancelled, cancelled.Status);
    }

    [Fact]
    public void PaymentAttempt_EndsOnceWithItsError()
    {
        var attempt = new PaymentAttempt("attempt-1", T0);

        attempt.Decline("card_declined", "Your card was declined.");

        Assert.Equal(PaymentAttemptStatus.Declined, attempt.Status);
        Assert.Equal("card_declined", attempt.ErrorCode);
        Assert.Throws<InvalidOperationException>(attempt.Succeed);
        Assert.Equal(PaymentAttemptStatus.Declined, attempt.Status);
    }

    [Fact]
    public void Refund_SucceedsOrFailsOnce()
    {
        var refund = new Refund(Guid.NewGuid(), Guid.NewGuid(), 25m, "refund-1", T0);

        refund.Succeed("re_1");

        Assert.Equal(RefundStatus.Succeeded, refund.Status);
        Assert.Equal("re_1", refund.ProviderRefundId);
        Assert.Throws<InvalidOperationException>(refund.Fail);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Refund(Guid.NewGuid(), Guid.NewGuid(), 0m, "refund-2", T0));
    }
}
