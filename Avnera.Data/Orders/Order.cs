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
/// edits never change a past order. The status only moves along <see cref="AllowedTransitions"/>; lines and
/// money change only through the methods in Order.Totals.cs, and only while the order is pending.
/// </summary>
public partial class Order : TenantEntity
{
    private readonly List<OrderItem> _items = [];

    private Order() { } // EF

    /// <param name="currency">ISO 4217 code; every amount of the order is in it.</param>
    /// <param name="placedAt">When the shopper placed the order; also its creation and last change.</param>
    public Order(string currency, DateTimeOffset placedAt)
    {
        if (currency is not { Length: 3 } || !currency.All(char.IsAsciiLetterUpper))
            throw new ArgumentException($"'{currency}' is not an ISO 4217 currency code.", nameof(currency));
        Currency = currency;
        PlacedAt = CreatedAt = UpdatedAt = placedAt;
    }

    /// <summary>Human-facing number, unique per store (taken from <see cref="OrdersStore.NextOrderNumber"/>).</summary>
    public long Number { get; init; }
    public Guid CustomerId { get; init; }
    public Customer? Customer { get; init; }
    /// <summary>Master user id when the buyer was signed in; null for guest checkout.</summary>
    public Guid? UserId { get; init; }
    public required string Email { get; init; }
    public OrderStatus Status { get; private set; } = OrderStatus.Pending;
    /// <summary>ISO 4217 code, e.g. EUR.</summary>
    public string Currency { get; private set; } = "";
    /// <summary>Σ quantity × unit price of the lines, before discounts.</summary>
    public decimal Subtotal { get; private set; }
    /// <summary>Σ line discounts (an order discount is spread over the lines).</summary>
    public decimal DiscountTotal { get; private set; }
    public decimal ShippingTotal { get; private set; }
    public decimal TaxTotal { get; private set; }
    /// <summary>Subtotal − DiscountTotal + ShippingTotal + TaxTotal: what the shopper pays.</summary>
    public decimal GrandTotal { get; private set; }
    /// <summary>Client-supplied key: replaying a checkout returns the same order instead of a second one.</summary>
    public required string IdempotencyKey { get; init; }
    public string? CouponCode { get; private set; }
    /// <summary>Address snapshot as JSON (jsonb).</summary>
    public string? ShippingAddress { get; init; }
    /// <summary>Address snapshot as JSON (jsonb).</summary>
    public string? BillingAddress { get; init; }
    public string? Notes { get; init; }
    public DateTimeOffset PlacedAt { get; private set; }
    public DateTimeOffset? PaidAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public IReadOnlyList<OrderItem> Items => _items;
    public List<Payment> Payments { get; private set; } = [];
    public List<Shipment> Shipments { get; private set; } = [];

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

    public static bool CanTransition(OrderStatus from, OrderStatus to) => AllowedTransitions.Allows(from, to);

    public bool CanMoveTo(OrderStatus next) => CanTransition(Status, next);

    public void MarkAwaitingPayment(DateTimeOffset now) => TransitionTo(OrderStatus.AwaitingPayment, now);

    public void MarkPaid(DateTimeOffset at)
    {
        TransitionTo(OrderStatus.Paid, at);
        PaidAt = at;
    }

    public void MarkPaymentFailed(DateTimeOffset now) => TransitionTo(OrderStatus.PaymentFailed, now);

    public void RejectOutOfStock(DateTimeOffset now) => TransitionTo(OrderStatus.RejectedOutOfStock, now);

    public void Cancel(DateTimeOffset at)
    {
        TransitionTo(OrderStatus.Cancelled, at);
        CancelledAt = at;
    }

    /// <summary>The single entry point for status changes (also for states without a dedicated method).</summary>
    public void TransitionTo(OrderStatus next, DateTimeOffset at)
    {
        AllowedTransitions.Require(Status, next, $"Order {Number}");
        // Asking for money needs something to pay for: the totals are final from here on.
        if (next == OrderStatus.AwaitingPayment && _items.Count == 0)
            throw new InvalidOperationException($"Order {Number} has no lines; it cannot await payment.");
        Status = next;
        UpdatedAt = at;
    }
}
