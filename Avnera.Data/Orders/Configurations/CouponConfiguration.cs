using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Orders.Configurations;

public class CouponConfiguration : IEntityTypeConfiguration<Coupon>
{
    public void Configure(EntityTypeBuilder<Coupon> b)
    {
        b.ToTable("coupons", t =>
        {
            t.HasCheckConstraint("ck_coupons_value", "value >= 0");
            t.HasCheckConstraint("ck_coupons_percent_value", "kind <> 'percent' or value <= 100");
            t.HasCheckConstraint("ck_coupons_min_subtotal", "min_subtotal is null or min_subtotal >= 0");
            t.HasCheckConstraint("ck_coupons_period", "ends_at is null or ends_at > starts_at");
            t.HasCheckConstraint("ck_coupons_usage_limits",
                "(usage_limit is null or usage_limit >= 0) and (usage_limit_per_customer is null or usage_limit_per_customer >= 0)");
            t.HasCheckConstraint("ck_coupons_times_used", "times_used >= 0 and (usage_limit is null or times_used <= usage_limit)");
            // Codes are stored upper-cased (the entity normalizes them), so the plain unique index below
            // is case-insensitive in effect; this keeps hand-written SQL honest.
            t.HasCheckConstraint("ck_coupons_code_upper", "code = upper(code)");
        });
        b.HasKey(c => new { c.StoreId, c.Id });
        b.HasEnumText(c => c.Kind, "coupons");
        b.Property(c => c.Code).HasMaxLength(50);
        b.HasIndex(c => new { c.StoreId, c.Code }).IsUnique();
    }
}
