using Avnera.Data.Common;

namespace Avnera.Data.Orders;

public enum PaymentStatus { Pending, Authorized, Captured, Failed, Cancelled, Refunded, PartiallyRefunded }

/// <summary>
/// One payment of an order with one provider. Its status moves along <see cref="AllowedTransitions"/>, and
/// the amounts only through <see cref="Capture"/> and <see cref="RecordRefund"/>, which keep
/// refunded &lt;= captured &lt;= amount (the database checks the same).
/// </summary>
public class Payment : TenantEntity, ILedgerEntry
{
    private Payment() { } // EF

    public Payment(string provider, decimal amount, string currency, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        if (amount <= 0) throw new ArgumentOutOfRangeException(nameof(amount), amount, "A payment is for a positive amount.");
        Provider = provider;
        Amount = CurrencyAmounts.RequireExact(amount, currency, "Payment amount");
        Currency = currency;
        CreatedAt = UpdatedAt = createdAt;
    }

    public static readonly IReadOnlyDictionary<PaymentStatus, PaymentStatus[]> AllowedTransitions =
        new Dictionary<PaymentStatus, PaymentStatus[]>
        {
            [PaymentStatus.Pending] = [PaymentStatus.Authorized, PaymentStatus.Captured, PaymentStatus.Failed, PaymentStatus.Cancelled],
            [PaymentStatus.Authorized] = [PaymentStatus.Captured, PaymentStatus.Cancelled],
            [PaymentStatus.Captured] = [PaymentStatus.PartiallyRefunded, PaymentStatus.Refunded],
            // Each further partial refund stays partially refunded until the whole capture is paid back.
            [PaymentStatus.PartiallyRefunded] = [PaymentStatus.PartiallyRefunded, PaymentStatus.Refunded],
            [PaymentStatus.Failed] = [],
            [PaymentStatus.Cancelled] = [],
            [PaymentStatus.Refunded] = [],
        };

    public Guid OrderId { get; init; }
    public Order? Order { get; init; }
    /// <summary>Provider key, e.g. "stripe".</summary>
    public string Provider { get; private set; } = "";
    /// <summary>The provider's id of the payment (intent/charge); unique per provider once known.</summary>
    public string? ProviderPaymentId { get; private set; }
    public PaymentStatus Status { get; private set; } = PaymentStatus.Pending;
    public decimal Amount { get; private set; }
    public decimal CapturedAmount { get; private set; }
    public decimal RefundedAmount { get; private set; }
    /// <summary>ISO 4217 code, e.g. EUR.</summary>
    public string Currency { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public List<PaymentAttempt> Attempts { get; private set; } = [];

    public void Authorize(string providerPaymentId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerPaymentId);
        MoveTo(PaymentStatus.Authorized, now);
        ProviderPaymentId = providerPaymentId;
    }

    /// <summary>Money taken: at most the payment's amount (a partial capture takes less).</summary>
    public void Capture(decimal amount, string providerPaymentId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerPaymentId);
        CurrencyAmounts.RequireExact(amount, Currency, "Captured amount");
        if (amount <= 0 || amount > Amount)
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"A capture takes more than 0 and at most {Amount} {Currency}.");
        MoveTo(PaymentStatus.Captured, now);
        CapturedAmount = amount;
        ProviderPaymentId = providerPaymentId;
    }

    public void Fail(DateTimeOffset now) => MoveTo(PaymentStatus.Failed, now);

    public void Cancel(DateTimeOffset now) => MoveTo(PaymentStatus.Cancelled, now);

    /// <summary>Money paid back (a succeeded <see cref="Refund"/>); never more than was captured in all.</summary>
    public void RecordRefund(decimal amount, DateTimeOffset now)
    {
        CurrencyAmounts.RequireExact(amount, Currency, "Refunded amount");
        if (amount <= 0 || RefundedAmount + amount > CapturedAmount)
            throw new ArgumentOutOfRangeException(nameof(amount), amount,
                $"A refund pays back more than 0 and at most the {CapturedAmount - RefundedAmount} {Currency} not yet refunded.");
        MoveTo(RefundedAmount + amount == CapturedAmount ? PaymentStatus.Refunded : PaymentStatus.PartiallyRefunded, now);
        RefundedAmount += amount;
    }

    private void MoveTo(PaymentStatus next, DateTimeOffset now)
    {
        AllowedTransitions.Require(Status, next, $"Payment {Id}");
        Status = next;
        UpdatedAt = now;
    }
}
