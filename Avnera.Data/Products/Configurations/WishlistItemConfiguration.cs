using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Products.Configurations;

public class WishlistItemConfiguration : IEntityTypeConfiguration<WishlistItem>
{
    public void Configure(EntityTypeBuilder<WishlistItem> b)
    {
        b.ToTable("wishlists");
        b.HasKey(w => new { w.StoreId, w.Id });
        // Saved once per user, product and variant; a null variant (whole product) counts once too.
        b.HasIndex(w => new { w.StoreId, w.UserId, w.ProductId, w.VariantId }).IsUnique().AreNullsDistinct(false);
        b.HasIndex(w => new { w.StoreId, w.UserId, w.CreatedAt });
        b.HasOne(w => w.Product).WithMany()
            .HasForeignKey(w => new { w.StoreId, w.ProductId })
            .OnDelete(DeleteBehavior.Cascade);
        b.HasOne(w => w.Variant).WithMany()
            .HasForeignKey(w => new { w.StoreId, w.VariantId })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
