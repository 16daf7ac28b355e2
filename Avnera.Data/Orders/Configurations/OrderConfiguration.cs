using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Orders.Configurations;

public class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> b)
    {
        b.ToTable("orders", t =>
        {
            t.HasCheckConstraint("ck_orders_number", "number > 0");
            t.HasCheckConstraint("ck_orders_currency", "currency ~ '^[A-Z]{3}$'");
            t.HasCheckConstraint("ck_orders_totals",
                "subtotal >= 0 and discount_total >= 0 and shipping_total >= 0 and tax_total >= 0 and grand_total >= 0");
        });
        b.HasKey(o => new { o.StoreId, o.Id });
        b.HasEnumText(o => o.Status, "orders");
        b.Property(o => o.Email).HasMaxLength(320);
        b.Property(o => o.Currency).HasMaxLength(3).IsFixedLength();
        b.Property(o => o.IdempotencyKey).HasMaxLength(100);
        b.Property(o => o.CouponCode).HasMaxLength(50);
        b.Property(o => o.ShippingAddress).HasColumnType("jsonb");
        b.Property(o => o.BillingAddress).HasColumnType("jsonb");
        b.Property(o => o.Notes).HasMaxLength(2000);
        b.HasIndex(o => new { o.StoreId, o.Number }).IsUnique();
        b.HasIndex(o => new { o.StoreId, o.IdempotencyKey }).IsUnique();
        // "My orders" (signed-in user), a customer's history, the back-office list by status.
        b.HasIndex(o => new { o.StoreId, o.UserId, o.CreatedAt });
        b.HasIndex(o => new { o.StoreId, o.CustomerId, o.CreatedAt });
        b.HasIndex(o => new { o.StoreId, o.Status, o.CreatedAt });
        // Every order has a customer row (guests included); a customer with orders cannot be deleted.
        b.HasOne(o => o.Customer).WithMany()
            .HasForeignKey(o => new { o.StoreId, o.CustomerId })
            .OnDelete(DeleteBehavior.Restrict);
    }
}
