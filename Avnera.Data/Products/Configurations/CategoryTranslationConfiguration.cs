using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Products.Configurations;

public class CategoryTranslationConfiguration : IEntityTypeConfiguration<CategoryTranslation>
{
    public void Configure(EntityTypeBuilder<CategoryTranslation> b)
    {
        b.ToTable("category_translations");
        b.HasKey(t => new { t.StoreId, t.CategoryId, t.Language });
        b.Property(t => t.Language).HasMaxLength(10);
        b.Property(t => t.Name).HasMaxLength(200);
        b.HasOne(t => t.Category).WithMany(c => c.Translations)
            .HasForeignKey(t => new { t.StoreId, t.CategoryId })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
