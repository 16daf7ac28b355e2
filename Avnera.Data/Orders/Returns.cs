using Avnera.Data.Common;

namespace Avnera.Data.Orders;

public enum ReturnStatus { Requested, Approved, Rejected, Received, Refunded, Closed }

/// <summary>A return (RMA) request for items of an order, optionally settled by a refund.</summary>
public class Return : TenantEntity
{
    public Guid OrderId { get; set; }
    public Order? Order { get; set; }
    public Guid CustomerId { get; set; }
    public Customer? Customer { get; set; }
    /// <summary>Human-facing number, unique per store.</summary>
    public long Number { get; set; }
    public ReturnStatus Status { get; set; } = ReturnStatus.Requested;
    public string? Reason { get; set; }
    public string? ResolutionNotes { get; set; }
    public Guid? RefundId { get; set; }
    public Refund? Refund { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
    public List<ReturnItem> Items { get; set; } = [];
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
