using Avnera.Data.Common;

namespace Avnera.Data.Orders;

public enum PaymentAttemptStatus { Started, Succeeded, Declined, Error }

/// <summary>One call to the provider for a payment (authorize/capture), kept for audit and retries; it ends once.</summary>
public class PaymentAttempt : TenantEntity, ILedgerEntry
{
    private PaymentAttempt() { } // EF

    /// <param name="idempotencyKey">Sent to the provider so a retried call is not charged twice.</param>
    public PaymentAttempt(string idempotencyKey, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        IdempotencyKey = idempotencyKey;
        CreatedAt = createdAt;
    }

    public static readonly IReadOnlyDictionary<PaymentAttemptStatus, PaymentAttemptStatus[]> AllowedTransitions =
        new Dictionary<PaymentAttemptStatus, PaymentAttemptStatus[]>
        {
            [PaymentAttemptStatus.Started] = [PaymentAttemptStatus.Succeeded, PaymentAttemptStatus.Declined, PaymentAttemptStatus.Error],
            [PaymentAttemptStatus.Succeeded] = [],
            [PaymentAttemptStatus.Declined] = [],
            [PaymentAttemptStatus.Error] = [],
        };

    public Guid PaymentId { get; init; }
    public Payment? Payment { get; init; }
    public PaymentAttemptStatus Status { get; private set; } = PaymentAttemptStatus.Started;
    public string? ErrorCode { get; private set; }
    public string? ErrorMessage { get; private set; }
    public string IdempotencyKey { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    public void Succeed() => End(PaymentAttemptStatus.Succeeded, null, null);

    /// <summary>The provider said no (card declined, insufficient funds).</summary>
    public void Decline(string code, string? message) => End(PaymentAttemptStatus.Declined, code, message);

    /// <summary>The call failed (timeout, provider error): the outcome is unknown and the attempt may be retried with the same key.</summary>
    public void RecordError(string code, string? message) => End(PaymentAttemptStatus.Error, code, message);

    private void End(PaymentAttemptStatus next, string? code, string? message)
    {
        AllowedTransitions.Require(Status, next, $"Payment attempt {Id}");
        Status = next;
        ErrorCode = code;
        ErrorMessage = message;
    }
}
