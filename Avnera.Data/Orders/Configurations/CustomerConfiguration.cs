using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Orders.Configurations;

public class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> b)
    {
        // A guest never carries a Master user (a registered customer normally does, but staff-created or
        // imported customers may not have one yet).
        b.ToTable("customers", t => t.HasCheckConstraint("ck_customers_guest_has_no_user", "not (is_guest and user_id is not null)"));
        b.HasKey(c => new { c.StoreId, c.Id });
        b.Property(c => c.Email).HasMaxLength(320);
        b.Property(c => c.FirstName).HasMaxLength(100);
        b.Property(c => c.LastName).HasMaxLength(100);
        b.Property(c => c.Phone).HasMaxLength(40);
        // One customer row per Master user and store; any number of guest rows.
        b.HasIndex(c => new { c.StoreId, c.UserId }).IsUnique().HasFilter("user_id is not null");
        b.HasIndex(c => new { c.StoreId, c.Email });
    }
}
