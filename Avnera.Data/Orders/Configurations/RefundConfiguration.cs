using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Orders.Configurations;

public class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> b)
    {
        b.ToTable("refunds", t => t.HasCheckConstraint("ck_refunds_amount", "amount > 0"));
        b.HasKey(r => new { r.StoreId, r.Id });
        b.HasEnumText(r => r.Status, "refunds");
        b.Property(r => r.Reason).HasMaxLength(500);
        b.Property(r => r.ProviderRefundId).HasMaxLength(200);
        b.Property(r => r.IdempotencyKey).HasMaxLength(100);
        b.HasIndex(r => new { r.StoreId, r.IdempotencyKey }).IsUnique();
        b.HasIndex(r => new { r.StoreId, r.PaymentId });
        b.HasIndex(r => new { r.StoreId, r.OrderId });
        b.HasOne(r => r.Payment).WithMany()
            .HasForeignKey(r => new { r.StoreId, r.PaymentId })
            .OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Order).WithMany()
            .HasForeignKey(r => new { r.StoreId, r.OrderId })
            .OnDelete(DeleteBehavior.Restrict);
    }
}
