using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Orders.Configurations;

public class EmailTemplateConfiguration : IEntityTypeConfiguration<EmailTemplate>
{
    public void Configure(EntityTypeBuilder<EmailTemplate> b)
    {
        b.ToTable("email_templates");
        b.HasKey(e => new { e.StoreId, e.Id });
        b.Property(e => e.Key).HasMaxLength(100);
        b.Property(e => e.Language).HasMaxLength(10);
        b.Property(e => e.Subject).HasMaxLength(300);
        b.HasIndex(e => new { e.StoreId, e.Key, e.Language }).IsUnique();
    }
}
