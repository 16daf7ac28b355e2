using Avnera.Data.Common;

namespace Avnera.Data.Orders;

public enum OrderStatus
{
    Pending,
    AwaitingPayment,
    Paid,
    Fulfilled,
    Shipped,
    Delivered,
    Cancelled,
    Refunded,
    PartiallyRefunded,
    RejectedOutOfStock,
    PaymentFailed,
}

/// <summary>
/// A placed order. Lines, prices and addresses are snapshots taken at checkout, so later catalog or address
/// edits never change a past order. The status only moves along <see cref="AllowedTransitions"/>.
/// </summary>
public class Order : TenantEntity
{
    /// <summary>Human-facing number, unique per store (taken from <see cref="OrdersStore.NextOrderNumber"/>).</summary>
    public long Number { get; set; }
    public Guid CustomerId { get; set; }
    public Customer? Customer { get; set; }
    /// <summary>Master user id when the buyer was signed in; null for guest checkout.</summary>
    public Guid? UserId { get; set; }
    public required string Email { get; set; }
    public OrderStatus Status { get; private set; } = OrderStatus.Pending;
    /// <summary>ISO 4217 code, e.g. EUR.</summary>
    public required string Currency { get; set; }
    public decimal Subtotal { get; set; }
    public decimal DiscountTotal { get; set; }
    public decimal ShippingTotal { get; set; }
    public decimal TaxTotal { get; set; }
    public decimal GrandTotal { get; set; }
    /// <summary>Client-supplied key: replaying a checkout returns the same order instead of a second one.</summary>
    public required string IdempotencyKey { get; set; }
    public string? CouponCode { get; set; }
    /// <summary>Address snapshot as JSON (jsonb).</summary>
    public string? ShippingAddress { get; set; }
    /// <summary>Address snapshot as JSON (jsonb).</summary>
    public string? BillingAddress { get; set; }
    public string? Notes { get; set; }
    public DateTimeOffset PlacedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? PaidAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
    public List<OrderItem> Items { get; set; } = [];
    public List<Payment> Payments { get; set; } = [];
    public List<Shipment> Shipments { get; set; } = [];

    /// <summary>Every legal status change; anything else throws.</summary>
    public static readonly IReadOnlyDictionary<OrderStatus, OrderStatus[]> AllowedTransitions =
        new Dictionary<OrderStatus, OrderStatus[]>
        {
            [OrderStatus.Pending] = [OrderStatus.AwaitingPayment, OrderStatus.RejectedOutOfStock, OrderStatus.Cancelled],
            [OrderStatus.AwaitingPayment] = [OrderStatus.Paid, OrderStatus.PaymentFailed, OrderStatus.RejectedOutOfStock, OrderStatus.Cancelled],
            // A failed payment may be retried, may still succeed late (provider webhook), or the order is dropped.
            [OrderStatus.PaymentFailed] = [OrderStatus.AwaitingPayment, OrderStatus.Paid, OrderStatus.Cancelled],
            // Money was taken: leaving these states goes through a refund, never a plain cancel.
            [OrderStatus.Paid] = [OrderStatus.Fulfilled, OrderStatus.Refunded, OrderStatus.PartiallyRefunded],
            [OrderStatus.Fulfilled] = [OrderStatus.Shipped, OrderStatus.Refunded, OrderStatus.PartiallyRefunded],
            [OrderStatus.Shipped] = [OrderStatus.Delivered, OrderStatus.Refunded, OrderStatus.PartiallyRefunded],
            [OrderStatus.Delivered] = [OrderStatus.Refunded, OrderStatus.PartiallyRefunded],
            [OrderStatus.PartiallyRefunded] = [OrderStatus.Refunded],
            [OrderStatus.Cancelled] = [],
            [OrderStatus.Refunded] = [],
            [OrderStatus.RejectedOutOfStock] = [],
        };

    public static bool CanTransition(OrderStatus from, OrderStatus to) =>
        AllowedTransitions.TryGetValue(from, out var next) && next.Contains(to);

    public bool CanMoveTo(OrderStatus next) => CanTransition(Status, next);

    public void MarkAwaitingPayment() => TransitionTo(OrderStatus.AwaitingPayment, DateTimeOffset.UtcNow);

    public void MarkPaid(DateTimeOffset at)
    {
        TransitionTo(OrderStatus.Paid, at);
        PaidAt = at;
    }

    public void MarkPaymentFailed() => TransitionTo(OrderStatus.PaymentFailed, DateTimeOffset.UtcNow);

    public void RejectOutOfStock() => TransitionTo(OrderStatus.RejectedOutOfStock, DateTimeOffset.UtcNow);

    public void Cancel(DateTimeOffset at)
    {
        TransitionTo(OrderStatus.Cancelled, at);
        CancelledAt = at;
    }

    /// <summary>The single entry point for status changes (also for states without a dedicated method).</summary>
    public void TransitionTo(OrderStatus next, DateTimeOffset at)
    {
        if (!CanTransition(Status, next))
            throw new InvalidOperationException($"Order {Number} cannot move from {Status} to {next}.");
        Status = next;
        UpdatedAt = at;
    }
}

/// <summary>A line of an order: a snapshot of the variant (ids of the Products database, no FK) at checkout.</summary>
public class OrderItem : TenantEntity
{
    public Guid OrderId { get; set; }
    public Order? Order { get; set; }
    /// <summary>Products database id; no foreign key.</summary>
    public Guid ProductId { get; set; }
    /// <summary>Products database id; no foreign key.</summary>
    public Guid VariantId { get; set; }
    public required string Sku { get; set; }
    public required string Name { get; set; }
    public string? VariantTitle { get; set; }
    public int Quantity { get; set; }
    public decimal UnitPrice { get; set; }
    public decimal Discount { get; set; }
    public decimal LineTotal { get; set; }
}
