using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Products.Configurations;

public class ProductVariantConfiguration : IEntityTypeConfiguration<ProductVariant>
{
    public void Configure(EntityTypeBuilder<ProductVariant> b)
    {
        b.ToTable("product_variants", t =>
        {
            t.HasCheckConstraint("ck_product_variants_stock", "stock_on_hand >= 0 and stock_reserved >= 0 and stock_reserved <= stock_on_hand");
            t.HasCheckConstraint("ck_product_variants_price", "price is null or price >= 0");
        });
        b.HasKey(v => new { v.StoreId, v.Id });
        b.Property(v => v.Sku).HasMaxLength(64);
        b.Property(v => v.Title).HasMaxLength(200);
        b.Ignore(v => v.Available);
        b.Property(v => v.Version).IsRowVersion().HasColumnName("xmin").HasColumnType("xid");
        b.HasIndex(v => new { v.StoreId, v.Sku }).IsUnique();
        b.HasIndex(v => new { v.StoreId, v.ProductId, v.Position });
        b.HasOne(v => v.Product).WithMany(p => p.Variants)
            .HasForeignKey(v => new { v.StoreId, v.ProductId })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
