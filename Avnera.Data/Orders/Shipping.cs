using Avnera.Data.Common;

namespace Avnera.Data.Orders;

public enum ShipmentStatus { Pending, Shipped, InTransit, Delivered, Returned, Lost }

/// <summary>
/// A parcel of an order (an order may ship in several). Its status follows the carrier
/// (<see cref="AllowedTransitions"/>); shipping and delivery stamp their times.
/// </summary>
public class Shipment : TenantEntity
{
    private Shipment() { } // EF

    public Shipment(DateTimeOffset createdAt) => CreatedAt = createdAt;

    public static readonly IReadOnlyDictionary<ShipmentStatus, ShipmentStatus[]> AllowedTransitions =
        new Dictionary<ShipmentStatus, ShipmentStatus[]>
        {
            [ShipmentStatus.Pending] = [ShipmentStatus.Shipped],
            [ShipmentStatus.Shipped] = [ShipmentStatus.InTransit, ShipmentStatus.Delivered, ShipmentStatus.Lost, ShipmentStatus.Returned],
            [ShipmentStatus.InTransit] = [ShipmentStatus.Delivered, ShipmentStatus.Lost, ShipmentStatus.Returned],
            // A parcel given up as lost sometimes turns up; a delivered one may still come back.
            [ShipmentStatus.Lost] = [ShipmentStatus.Delivered, ShipmentStatus.Returned],
            [ShipmentStatus.Delivered] = [ShipmentStatus.Returned],
            [ShipmentStatus.Returned] = [],
        };

    public Guid OrderId { get; set; }
    public Order? Order { get; set; }
    public required string Carrier { get; set; }
    public string? Service { get; set; }
    public string? TrackingNumber { get; set; }
    public ShipmentStatus Status { get; private set; } = ShipmentStatus.Pending;
    public DateTimeOffset? ShippedAt { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public List<ShippingEvent> Events { get; set; } = [];

    public void Ship(DateTimeOffset at)
    {
        MoveTo(ShipmentStatus.Shipped);
        ShippedAt = at;
    }

    public void MarkInTransit() => MoveTo(ShipmentStatus.InTransit);

    public void MarkDelivered(DateTimeOffset at)
    {
        MoveTo(ShipmentStatus.Delivered);
        DeliveredAt = at;
    }

    public void MarkLost() => MoveTo(ShipmentStatus.Lost);

    public void MarkReturned() => MoveTo(ShipmentStatus.Returned);

    private void MoveTo(ShipmentStatus next)
    {
        AllowedTransitions.Require(Status, next, $"Shipment {TrackingNumber ?? Id.ToString()}");
        Status = next;
    }
}

/// <summary>A tracking event reported by the carrier; <see cref="Status"/> is the carrier's own free text.</summary>
public class ShippingEvent : TenantEntity
{
    public Guid ShipmentId { get; set; }
    public Shipment? Shipment { get; set; }
    public required string Status { get; set; }
    public string? Description { get; set; }
    public string? Location { get; set; }
    /// <summary>When the carrier saw it (from the carrier's report).</summary>
    public required DateTimeOffset OccurredAt { get; set; }
}
