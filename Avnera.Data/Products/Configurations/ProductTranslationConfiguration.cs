using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Products.Configurations;

public class ProductTranslationConfiguration : IEntityTypeConfiguration<ProductTranslation>
{
    public void Configure(EntityTypeBuilder<ProductTranslation> b)
    {
        b.ToTable("product_translations");
        b.HasKey(t => new { t.StoreId, t.ProductId, t.Language });
        b.Property(t => t.Language).HasMaxLength(10);
        b.Property(t => t.Name).HasMaxLength(300);
        b.HasOne(t => t.Product).WithMany(p => p.Translations)
            .HasForeignKey(t => new { t.StoreId, t.ProductId })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
