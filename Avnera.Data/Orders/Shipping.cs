using Avnera.Data.Common;

namespace Avnera.Data.Orders;

public enum ShipmentStatus { Pending, Shipped, InTransit, Delivered, Returned, Lost }

/// <summary>A parcel of an order (an order may ship in several).</summary>
public class Shipment : TenantEntity
{
    public Guid OrderId { get; set; }
    public Order? Order { get; set; }
    public required string Carrier { get; set; }
    public string? Service { get; set; }
    public string? TrackingNumber { get; set; }
    public ShipmentStatus Status { get; set; } = ShipmentStatus.Pending;
    public DateTimeOffset? ShippedAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public List<ShippingEvent> Events { get; set; } = [];
}

/// <summary>A tracking event reported by the carrier; <see cref="Status"/> is the carrier's own free text.</summary>
public class ShippingEvent : TenantEntity
{
    public Guid ShipmentId { get; set; }
    public Shipment? Shipment { get; set; }
    public required string Status { get; set; }
    public string? Description { get; set; }
    public string? Location { get; set; }
    public DateTimeOffset OccurredAt { get; set; } = DateTimeOffset.UtcNow;
}
