using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Products.Configurations;

public class ProductAttributeConfiguration : IEntityTypeConfiguration<ProductAttribute>
{
    public void Configure(EntityTypeBuilder<ProductAttribute> b)
    {
        b.ToTable("product_attributes");
        b.HasKey(a => new { a.StoreId, a.Id });
        b.HasEnumText(a => a.Kind, "product_attributes");
        b.Property(a => a.Code).HasMaxLength(64);
        b.Property(a => a.Name).HasMaxLength(200);
        b.HasIndex(a => new { a.StoreId, a.Code }).IsUnique();
    }
}
