using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Orders.Configurations;

public class ReturnItemConfiguration : IEntityTypeConfiguration<ReturnItem>
{
    public void Configure(EntityTypeBuilder<ReturnItem> b)
    {
        b.ToTable("return_items", t => t.HasCheckConstraint("ck_return_items_quantity", "quantity > 0"));
        b.HasKey(i => new { i.StoreId, i.Id });
        b.Property(i => i.Reason).HasMaxLength(500);
        b.HasOne(i => i.Return).WithMany(r => r.Items)
            .HasForeignKey(i => new { i.StoreId, i.ReturnId })
            .OnDelete(DeleteBehavior.Cascade);
        b.HasOne(i => i.OrderItem).WithMany()
            .HasForeignKey(i => new { i.StoreId, i.OrderItemId })
            .OnDelete(DeleteBehavior.Restrict);
    }
}
