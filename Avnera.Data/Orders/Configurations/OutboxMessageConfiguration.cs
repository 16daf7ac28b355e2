using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Orders.Configurations;

public class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox", t => t.HasCheckConstraint("ck_outbox_attempts", "attempts >= 0"));
        b.HasKey(m => new { m.StoreId, m.Id });
        b.Property(m => m.Kind).HasMaxLength(100);
        b.Property(m => m.Payload).HasColumnType("jsonb");
        b.Property(m => m.LastError).HasMaxLength(2000);
        b.HasIndex(m => new { m.StoreId, m.ProcessedAt, m.CreatedAt });
        // The dispatcher's queue across all stores of the database: small, since processed rows drop out.
        b.HasIndex(m => m.CreatedAt).HasFilter("processed_at is null");
    }
}
