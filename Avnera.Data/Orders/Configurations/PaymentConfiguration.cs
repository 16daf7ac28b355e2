using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Orders.Configurations;

public class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> b)
    {
        b.ToTable("payments", t =>
        {
            t.HasCheckConstraint("ck_payments_currency", "currency ~ '^[A-Z]{3}$'");
            t.HasCheckConstraint("ck_payments_amounts",
                "amount >= 0 and captured_amount >= 0 and refunded_amount >= 0 and refunded_amount <= captured_amount and captured_amount <= amount");
        });
        b.HasKey(p => new { p.StoreId, p.Id });
        b.HasEnumText(p => p.Status, "payments");
        b.Property(p => p.Provider).HasMaxLength(40);
        b.Property(p => p.ProviderPaymentId).HasMaxLength(200);
        b.Property(p => p.Currency).HasMaxLength(3).IsFixedLength();
        // Provider ids are global to the provider: a webhook finds its payment without knowing the store.
        b.HasIndex(p => new { p.Provider, p.ProviderPaymentId }).IsUnique().HasFilter("provider_payment_id is not null");
        b.HasIndex(p => new { p.StoreId, p.OrderId });
        // Payments are financial records: an order that has any cannot be deleted.
        b.HasOne(p => p.Order).WithMany(o => o.Payments)
            .HasForeignKey(p => new { p.StoreId, p.OrderId })
            .OnDelete(DeleteBehavior.Restrict);
    }
}
