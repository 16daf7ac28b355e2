using Avnera.Data.Common;

namespace Avnera.Data.Orders;

public enum PaymentStatus { Pending, Authorized, Captured, Failed, Cancelled, Refunded, PartiallyRefunded }

public enum PaymentAttemptStatus { Started, Succeeded, Declined, Error }

public enum RefundStatus { Pending, Succeeded, Failed }

/// <summary>
/// One payment of an order with one provider. The database keeps refunded &lt;= captured &lt;= amount.
/// </summary>
public class Payment : TenantEntity, ILedgerEntry
{
    public Guid OrderId { get; set; }
    public Order? Order { get; set; }
    /// <summary>Provider key, e.g. "stripe".</summary>
    public required string Provider { get; set; }
    /// <summary>The provider's id of the payment (intent/charge); unique per provider once known.</summary>
    public string? ProviderPaymentId { get; set; }
    public PaymentStatus Status { get; set; } = PaymentStatus.Pending;
    public decimal Amount { get; set; }
    public decimal CapturedAmount { get; set; }
    public decimal RefundedAmount { get; set; }
    /// <summary>ISO 4217 code, e.g. EUR.</summary>
    public required string Currency { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
    public List<PaymentAttempt> Attempts { get; set; } = [];
}

/// <summary>One call to the provider for a payment (authorize/capture), kept for audit and retries.</summary>
public class PaymentAttempt : TenantEntity, ILedgerEntry
{
    public Guid PaymentId { get; set; }
    public Payment? Payment { get; set; }
    public PaymentAttemptStatus Status { get; set; } = PaymentAttemptStatus.Started;
    public string? ErrorCode { get; set; }
    public string? ErrorMessage { get; set; }
    /// <summary>Key sent to the provider so a retried call is not charged twice.</summary>
    public required string IdempotencyKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}

public class Refund : TenantEntity, ILedgerEntry
{
    public Guid PaymentId { get; set; }
    public Payment? Payment { get; set; }
    public Guid OrderId { get; set; }
    public Order? Order { get; set; }
    public decimal Amount { get; set; }
    public string? Reason { get; set; }
    public RefundStatus Status { get; set; } = RefundStatus.Pending;
    public string? ProviderRefundId { get; set; }
    /// <summary>Key sent to the provider so a retried refund is not paid out twice.</summary>
    public required string IdempotencyKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}
