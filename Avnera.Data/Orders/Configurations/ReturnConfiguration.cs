using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Orders.Configurations;

public class ReturnConfiguration : IEntityTypeConfiguration<Return>
{
    public void Configure(EntityTypeBuilder<Return> b)
    {
        b.ToTable("returns", t => t.HasCheckConstraint("ck_returns_number", "number > 0"));
        b.HasKey(r => new { r.StoreId, r.Id });
        b.HasEnumText(r => r.Status, "returns");
        b.Property(r => r.Reason).HasMaxLength(500);
        b.Property(r => r.ResolutionNotes).HasMaxLength(2000);
        b.HasIndex(r => new { r.StoreId, r.Number }).IsUnique();
        b.HasIndex(r => new { r.StoreId, r.OrderId });
        b.HasOne(r => r.Order).WithMany()
            .HasForeignKey(r => new { r.StoreId, r.OrderId })
            .OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Customer).WithMany()
            .HasForeignKey(r => new { r.StoreId, r.CustomerId })
            .OnDelete(DeleteBehavior.Restrict);
        // Optional composite FK: Restrict, not SET NULL (that would null store_id too).
        b.HasOne(r => r.Refund).WithMany()
            .HasForeignKey(r => new { r.StoreId, r.RefundId })
            .OnDelete(DeleteBehavior.Restrict);
    }
}
