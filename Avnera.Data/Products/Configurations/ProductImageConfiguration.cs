using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Products.Configurations;

public class ProductImageConfiguration : IEntityTypeConfiguration<ProductImage>
{
    public void Configure(EntityTypeBuilder<ProductImage> b)
    {
        b.ToTable("product_images", t =>
            t.HasCheckConstraint("ck_product_images_size", "(width is null or width > 0) and (height is null or height > 0)"));
        b.HasKey(i => new { i.StoreId, i.Id });
        b.Property(i => i.Url).HasMaxLength(2000);
        b.Property(i => i.AltText).HasMaxLength(500);
        b.HasIndex(i => new { i.StoreId, i.ProductId, i.Position });
        b.HasOne(i => i.Product).WithMany(p => p.Images)
            .HasForeignKey(i => new { i.StoreId, i.ProductId })
            .OnDelete(DeleteBehavior.Cascade);
        // Optional composite FK: Restrict, as SET NULL would null store_id too.
        b.HasOne(i => i.Variant).WithMany()
            .HasForeignKey(i => new { i.StoreId, i.VariantId })
            .OnDelete(DeleteBehavior.Restrict);
    }
}
