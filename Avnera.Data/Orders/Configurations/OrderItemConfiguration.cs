using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Orders.Configurations;

public class OrderItemConfiguration : IEntityTypeConfiguration<OrderItem>
{
    public void Configure(EntityTypeBuilder<OrderItem> b)
    {
        b.ToTable("order_items", t =>
        {
            t.HasCheckConstraint("ck_order_items_quantity", "quantity > 0");
            t.HasCheckConstraint("ck_order_items_amounts", "unit_price >= 0 and discount >= 0 and line_total >= 0");
        });
        b.HasKey(i => new { i.StoreId, i.Id });
        b.Property(i => i.Sku).HasMaxLength(64);
        b.Property(i => i.Name).HasMaxLength(300);
        b.Property(i => i.VariantTitle).HasMaxLength(200);
        b.HasIndex(i => new { i.StoreId, i.OrderId });
        b.HasOne(i => i.Order).WithMany(o => o.Items)
            .HasForeignKey(i => new { i.StoreId, i.OrderId })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
