using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Orders.Configurations;

public class CustomerAddressConfiguration : IEntityTypeConfiguration<CustomerAddress>
{
    public void Configure(EntityTypeBuilder<CustomerAddress> b)
    {
        b.ToTable("customer_addresses", t => t.HasCheckConstraint("ck_customer_addresses_country_code", "country_code ~ '^[A-Z]{2}$'"));
        b.HasKey(a => new { a.StoreId, a.Id });
        b.Property(a => a.Label).HasMaxLength(50);
        b.Property(a => a.RecipientName).HasMaxLength(200);
        b.Property(a => a.Line1).HasMaxLength(200);
        b.Property(a => a.Line2).HasMaxLength(200);
        b.Property(a => a.City).HasMaxLength(100);
        b.Property(a => a.Region).HasMaxLength(100);
        b.Property(a => a.PostalCode).HasMaxLength(20);
        b.Property(a => a.CountryCode).HasMaxLength(2).IsFixedLength();
        b.Property(a => a.Phone).HasMaxLength(40);
        b.HasIndex(a => new { a.StoreId, a.CustomerId });
        b.HasOne(a => a.Customer).WithMany(c => c.Addresses)
            .HasForeignKey(a => new { a.StoreId, a.CustomerId })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
