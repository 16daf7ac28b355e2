using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Orders.Configurations;

public class CustomerAddressConfiguration : IEntityTypeConfiguration<CustomerAddress>
{
    public void Configure(EntityTypeBuilder<CustomerAddress> b)
    {
        b.HasPostalAddress("customer_addresses");
        b.HasKey(a => new { a.StoreId, a.Id });
        b.HasIndex(a => new { a.StoreId, a.CustomerId });
        b.HasOne(a => a.Customer).WithMany(c => c.Addresses)
            .HasForeignKey(a => new { a.StoreId, a.CustomerId })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
