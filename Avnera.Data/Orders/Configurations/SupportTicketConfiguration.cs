using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Orders.Configurations;

public class SupportTicketConfiguration : IEntityTypeConfiguration<SupportTicket>
{
    public void Configure(EntityTypeBuilder<SupportTicket> b)
    {
        b.ToTable("support_tickets", t => t.HasCheckConstraint("ck_support_tickets_number", "number > 0"));
        b.HasKey(s => new { s.StoreId, s.Id });
        b.HasEnumText(s => s.Status, "support_tickets");
        b.HasEnumText(s => s.Priority, "support_tickets");
        b.Property(s => s.Email).HasMaxLength(320);
        b.Property(s => s.Subject).HasMaxLength(300);
        b.HasIndex(s => new { s.StoreId, s.Number }).IsUnique();
        // Back-office queue by status, most recently active first; a user's own tickets.
        b.HasIndex(s => new { s.StoreId, s.Status, s.UpdatedAt });
        b.HasIndex(s => new { s.StoreId, s.UserId });
        // Optional composite FKs: Restrict, not SET NULL (that would null store_id too).
        b.HasOne(s => s.Customer).WithMany()
            .HasForeignKey(s => new { s.StoreId, s.CustomerId })
            .OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.Order).WithMany()
            .HasForeignKey(s => new { s.StoreId, s.OrderId })
            .OnDelete(DeleteBehavior.Restrict);
    }
}
