using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Orders.Configurations;

public class SupportTicketMessageConfiguration : IEntityTypeConfiguration<SupportTicketMessage>
{
    public void Configure(EntityTypeBuilder<SupportTicketMessage> b)
    {
        b.ToTable("support_ticket_messages");
        b.HasKey(m => new { m.StoreId, m.Id });
        b.Property(m => m.Body).HasMaxLength(20000);
        // A ticket's thread, in order.
        b.HasIndex(m => new { m.StoreId, m.TicketId, m.CreatedAt });
        b.HasOne(m => m.Ticket).WithMany(t => t.Messages)
            .HasForeignKey(m => new { m.StoreId, m.TicketId })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
