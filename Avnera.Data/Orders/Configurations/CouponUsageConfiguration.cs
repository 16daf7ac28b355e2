using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Orders.Configurations;

public class CouponUsageConfiguration : IEntityTypeConfiguration<CouponUsage>
{
    public void Configure(EntityTypeBuilder<CouponUsage> b)
    {
        b.ToTable("coupon_usage");
        b.HasKey(u => new { u.StoreId, u.Id });
        b.HasIndex(u => new { u.StoreId, u.CouponId, u.OrderId }).IsUnique();
        // Per-customer usage limit check.
        b.HasIndex(u => new { u.StoreId, u.CustomerId, u.CouponId });
        b.HasOne(u => u.Coupon).WithMany()
            .HasForeignKey(u => new { u.StoreId, u.CouponId })
            .OnDelete(DeleteBehavior.Cascade);
        b.HasOne(u => u.Order).WithMany()
            .HasForeignKey(u => new { u.StoreId, u.OrderId })
            .OnDelete(DeleteBehavior.Cascade);
        b.HasOne(u => u.Customer).WithMany()
            .HasForeignKey(u => new { u.StoreId, u.CustomerId })
            .OnDelete(DeleteBehavior.Restrict);
    }
}
