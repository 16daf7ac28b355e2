using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Products.Configurations;

public class ProductReviewConfiguration : IEntityTypeConfiguration<ProductReview>
{
    public void Configure(EntityTypeBuilder<ProductReview> b)
    {
        b.ToTable("product_reviews", t =>
        {
            t.HasCheckConstraint("ck_product_reviews_rating", "rating between 1 and 5");
            t.HasCheckConstraint("ck_product_reviews_helpful_count", "helpful_count >= 0");
        });
        b.HasKey(r => new { r.StoreId, r.Id });
        b.HasEnumText(r => r.Status, "product_reviews");
        b.Property(r => r.AuthorName).HasMaxLength(100);
        b.Property(r => r.Title).HasMaxLength(200);
        b.Property(r => r.Body).HasMaxLength(5000);
        // One review per person per product.
        b.HasIndex(r => new { r.StoreId, r.ProductId, r.UserId }).IsUnique();
        b.HasIndex(r => new { r.StoreId, r.UserId });
        // A product's published reviews, newest first.
        b.HasIndex(r => new { r.StoreId, r.ProductId, r.Status, r.CreatedAt });
        b.HasOne(r => r.Product).WithMany()
            .HasForeignKey(r => new { r.StoreId, r.ProductId })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
