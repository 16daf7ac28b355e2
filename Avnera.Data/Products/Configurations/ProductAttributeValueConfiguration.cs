using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Products.Configurations;

public class ProductAttributeValueConfiguration : IEntityTypeConfiguration<ProductAttributeValue>
{
    public void Configure(EntityTypeBuilder<ProductAttributeValue> b)
    {
        b.ToTable("product_attribute_values");
        b.HasKey(v => new { v.StoreId, v.Id });
        b.Property(v => v.Value).HasMaxLength(200);
        b.Property(v => v.NumericValue).HasPrecision(14, 4);
        // Facet filters: products having a value of an attribute.
        b.HasIndex(v => new { v.StoreId, v.AttributeId, v.Value });
        b.HasIndex(v => new { v.StoreId, v.ProductId });
        b.HasOne(v => v.Product).WithMany(p => p.Attributes)
            .HasForeignKey(v => new { v.StoreId, v.ProductId })
            .OnDelete(DeleteBehavior.Cascade);
        // Cascade (not SET NULL) is safe on an optional composite FK: the row goes with its variant.
        b.HasOne(v => v.Variant).WithMany()
            .HasForeignKey(v => new { v.StoreId, v.VariantId })
            .OnDelete(DeleteBehavior.Cascade);
        b.HasOne(v => v.Attribute).WithMany()
            .HasForeignKey(v => new { v.StoreId, v.AttributeId })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
