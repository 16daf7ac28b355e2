using Avnera.Data.Common;

namespace Avnera.Data.Orders;

public enum RefundStatus { Pending, Succeeded, Failed }

/// <summary>Money paid back on a payment; pending until the provider answers, then succeeded or failed, once.</summary>
public class Refund : TenantEntity, ILedgerEntry
{
    private Refund() { } // EF

    /// <param name="idempotencyKey">Sent to the provider so a retried refund is not paid out twice.</param>
    public Refund(Guid orderId, Guid paymentId, decimal amount, string idempotencyKey, DateTimeOffset createdAt)
    {
        if (amount <= 0) throw new ArgumentOutOfRangeException(nameof(amount), amount, "A refund pays back a positive amount.");
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        OrderId = orderId;
        PaymentId = paymentId;
        Amount = amount;
        IdempotencyKey = idempotencyKey;
        CreatedAt = createdAt;
    }

    public static readonly IReadOnlyDictionary<RefundStatus, RefundStatus[]> AllowedTransitions =
        new Dictionary<RefundStatus, RefundStatus[]>
        {
            [RefundStatus.Pending] = [RefundStatus.Succeeded, RefundStatus.Failed],
            [RefundStatus.Succeeded] = [],
            [RefundStatus.Failed] = [],
        };

    public Guid PaymentId { get; private set; }
    public Payment? Payment { get; private set; }
    public Guid OrderId { get; private set; }
    public Order? Order { get; private set; }
    public decimal Amount { get; private set; }
    public string? Reason { get; init; }
    public RefundStatus Status { get; private set; } = RefundStatus.Pending;
    public string? ProviderRefundId { get; private set; }
    public string IdempotencyKey { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    public void Succeed(string providerRefundId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerRefundId);
        AllowedTransitions.Require(Status, RefundStatus.Succeeded, $"Refund {Id}");
        Status = RefundStatus.Succeeded;
        ProviderRefundId = providerRefundId;
    }

    public void Fail()
    {
        AllowedTransitions.Require(Status, RefundStatus.Failed, $"Refund {Id}");
        Status = RefundStatus.Failed;
    }
}
