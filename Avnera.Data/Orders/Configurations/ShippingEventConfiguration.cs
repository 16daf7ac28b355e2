using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Orders.Configurations;

public class ShippingEventConfiguration : IEntityTypeConfiguration<ShippingEvent>
{
    public void Configure(EntityTypeBuilder<ShippingEvent> b)
    {
        b.ToTable("shipping_events");
        b.HasKey(e => new { e.StoreId, e.Id });
        b.Property(e => e.Status).HasMaxLength(60);
        b.Property(e => e.Description).HasMaxLength(500);
        b.Property(e => e.Location).HasMaxLength(200);
        // Tracking timeline of a shipment.
        b.HasIndex(e => new { e.StoreId, e.ShipmentId, e.OccurredAt });
        b.HasOne(e => e.Shipment).WithMany(s => s.Events)
            .HasForeignKey(e => new { e.StoreId, e.ShipmentId })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
