using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Products.Configurations;

public class ProductSearchConfiguration : IEntityTypeConfiguration<ProductSearch>
{
    public void Configure(EntityTypeBuilder<ProductSearch> b)
    {
        b.ToTable("product_search");
        // One document per product and language, each with its language's text search configuration.
        b.HasKey(s => new { s.StoreId, s.ProductId, s.Language });
        b.Property(s => s.Language).HasMaxLength(10);
        b.Property(s => s.Config).HasMaxLength(40);
        b.Property(s => s.Document).HasColumnType("tsvector");
        b.Property(s => s.Name).HasMaxLength(300);
        // Full-text search of one store in one language in one index scan (store and language via btree_gin).
        b.HasIndex(s => new { s.StoreId, s.Language, s.Document }, "ix_product_search_store_language_document").HasMethod("gin");
        // Typo-tolerant fallback: trigram similarity on the (translated) name (pg_trgm).
        b.HasIndex(s => s.Name, "ix_product_search_name_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        b.Property(s => s.FacetValues).HasColumnType("text[]").HasDefaultValueSql("'{}'::text[]");
        b.Property(s => s.RatingAverage).HasPrecision(3, 2);
        b.HasOne(s => s.Product).WithMany()
            .HasForeignKey(s => new { s.StoreId, s.ProductId })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
