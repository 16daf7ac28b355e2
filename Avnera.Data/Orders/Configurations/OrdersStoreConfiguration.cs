using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Orders.Configurations;

public class OrdersStoreConfiguration : IEntityTypeConfiguration<OrdersStore>
{
    public void Configure(EntityTypeBuilder<OrdersStore> b)
    {
        b.ToTable("stores", t => t.HasCheckConstraint("ck_stores_next_order_number", "next_order_number > 0"));
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
    }
}
