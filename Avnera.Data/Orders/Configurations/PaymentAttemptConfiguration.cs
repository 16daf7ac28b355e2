using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Orders.Configurations;

public class PaymentAttemptConfiguration : IEntityTypeConfiguration<PaymentAttempt>
{
    public void Configure(EntityTypeBuilder<PaymentAttempt> b)
    {
        b.ToTable("payment_attempts");
        b.HasKey(a => new { a.StoreId, a.Id });
        b.HasEnumText(a => a.Status, "payment_attempts");
        b.Property(a => a.ErrorCode).HasMaxLength(100);
        b.Property(a => a.ErrorMessage).HasMaxLength(2000);
        b.Property(a => a.IdempotencyKey).HasMaxLength(100);
        b.HasIndex(a => new { a.StoreId, a.IdempotencyKey }).IsUnique();
        b.HasIndex(a => new { a.StoreId, a.PaymentId, a.CreatedAt });
        b.HasOne(a => a.Payment).WithMany(p => p.Attempts)
            .HasForeignKey(a => new { a.StoreId, a.PaymentId })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
