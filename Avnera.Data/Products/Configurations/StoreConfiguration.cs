using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Products.Configurations;

public class StoreConfiguration : IEntityTypeConfiguration<Store>
{
    public void Configure(EntityTypeBuilder<Store> b)
    {
        b.ToTable("stores", t =>
        {
            t.HasCheckConstraint("ck_stores_currency", "currency ~ '^[A-Z]{3}$'");
            t.HasCheckConstraint("ck_stores_default_language", "default_language = any(languages)");
        });
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.Email).HasMaxLength(320);
        b.Property(s => s.Currency).HasMaxLength(3).IsFixedLength();
        b.Property(s => s.Culture).HasMaxLength(20);
        b.Property(s => s.DefaultLanguage).HasMaxLength(10);
        b.Property(s => s.Timezone).HasMaxLength(60);
        b.Property(s => s.LogoUrl).HasMaxLength(2000);
        b.Property(s => s.Theme).HasColumnType("jsonb");
        b.Property(s => s.Settings).HasColumnType("jsonb");
        b.Property(s => s.Contact).HasColumnType("jsonb");
    }
}
