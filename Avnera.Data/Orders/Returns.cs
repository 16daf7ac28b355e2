using Avnera.Data.Common;

namespace Avnera.Data.Orders;

public enum ReturnStatus { Requested, Approved, Rejected, Received, Refunded, Closed }

/// <summary>
/// A return (RMA) request for items of an order, optionally settled by a refund. The store approves or
/// rejects it, receives the parcel, refunds, and closes it (<see cref="AllowedTransitions"/>).
/// </summary>
public class Return : TenantEntity
{
    private Return() { } // EF

    public Return(DateTimeOffset createdAt) => CreatedAt = UpdatedAt = createdAt;

    public static readonly IReadOnlyDictionary<ReturnStatus, ReturnStatus[]> AllowedTransitions =
        new Dictionary<ReturnStatus, ReturnStatus[]>
        {
            [ReturnStatus.Requested] = [ReturnStatus.Approved, ReturnStatus.Rejected],
            // Approved but never sent back, or received and settled without money (exchange, store credit).
            [ReturnStatus.Approved] = [ReturnStatus.Received, ReturnStatus.Closed],
            [ReturnStatus.Received] = [ReturnStatus.Refunded, ReturnStatus.Closed],
            [ReturnStatus.Refunded] = [ReturnStatus.Closed],
            [ReturnStatus.Rejected] = [ReturnStatus.Closed],
            [ReturnStatus.Closed] = [],
        };

    public Guid OrderId { get; set; }
    public Order? Order { get; set; }
    public Guid CustomerId { get; set; }
    public Customer? Customer { get; set; }
    /// <summary>Human-facing number, unique per store.</summary>
    public long Number { get; set; }
    public ReturnStatus Status { get; private set; } = ReturnStatus.Requested;
    public string? Reason { get; set; }
    public string? ResolutionNotes { get; set; }
    public Guid? RefundId { get; private set; }
    public Refund? Refund { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public List<ReturnItem> Items { get; set; } = [];

    public void Approve(DateTimeOffset now) => MoveTo(ReturnStatus.Approved, now);

    public void Reject(DateTimeOffset now) => MoveTo(ReturnStatus.Rejected, now);

    public void MarkReceived(DateTimeOffset now) => MoveTo(ReturnStatus.Received, now);

    /// <summary>Settled by <paramref name="refund"/>, which pays the money back.</summary>
    public void MarkRefunded(Refund refund, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(refund);
        MoveTo(ReturnStatus.Refunded, now);
        Refund = refund;
        RefundId = refund.Id;
    }

    public void Close(DateTimeOffset now) => MoveTo(ReturnStatus.Closed, now);

    private void MoveTo(ReturnStatus next, DateTimeOffset now)
    {
        AllowedTransitions.Require(Status, next, $"Return {Number}");
        Status = next;
        UpdatedAt = now;
    }
}

public class ReturnItem : TenantEntity
{
    public Guid ReturnId { get; set; }
    public Return? Return { get; set; }
    public Guid OrderItemId { get; set; }
    public OrderItem? OrderItem { get; set; }
    public int Quantity { get; set; }
    public string? Reason { get; set; }
}
