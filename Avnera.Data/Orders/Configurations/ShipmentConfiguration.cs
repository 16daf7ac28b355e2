using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Orders.Configurations;

public class ShipmentConfiguration : IEntityTypeConfiguration<Shipment>
{
    public void Configure(EntityTypeBuilder<Shipment> b)
    {
        b.ToTable("shipments");
        b.HasKey(s => new { s.StoreId, s.Id });
        b.HasEnumText(s => s.Status, "shipments");
        b.Property(s => s.Carrier).HasMaxLength(60);
        b.Property(s => s.Service).HasMaxLength(60);
        b.Property(s => s.TrackingNumber).HasMaxLength(100);
        b.HasIndex(s => new { s.StoreId, s.OrderId });
        b.HasOne(s => s.Order).WithMany(o => o.Shipments)
            .HasForeignKey(s => new { s.StoreId, s.OrderId })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
