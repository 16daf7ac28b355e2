using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Orders.Configurations;

public class OrdersStoreConfiguration : IEntityTypeConfiguration<OrdersStore>
{
    public void Configure(EntityTypeBuilder<OrdersStore> b)
    {
        b.ToTable("tenant_stores", t => t.HasCheckConstraint("ck_tenant_stores_next_order_number", "next_order_number > 0 and next_return_number > 0 and next_ticket_number > 0"));
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
    }
}
