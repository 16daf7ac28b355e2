using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Products.Configurations;

public class CollectionProductConfiguration : IEntityTypeConfiguration<CollectionProduct>
{
    public void Configure(EntityTypeBuilder<CollectionProduct> b)
    {
        b.ToTable("collection_products");
        b.HasKey(cp => new { cp.StoreId, cp.CollectionId, cp.ProductId });
        // A collection's products, in order.
        b.HasIndex(cp => new { cp.StoreId, cp.CollectionId, cp.Position });
        b.HasOne(cp => cp.Collection).WithMany(c => c.Products)
            .HasForeignKey(cp => new { cp.StoreId, cp.CollectionId })
            .OnDelete(DeleteBehavior.Cascade);
        b.HasOne(cp => cp.Product).WithMany()
            .HasForeignKey(cp => new { cp.StoreId, cp.ProductId })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
