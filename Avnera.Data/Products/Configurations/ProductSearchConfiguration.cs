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
        // Full-text search of one store in one index scan (store via btree_gin). The language is checked on the
        // rows found: in the index it made every search intersect the posting list of all documents in that
        // language (2.3 ms of a 6 ms search over 100,000 products, docs/benchmarks.md).
        b.HasIndex(s => new { s.StoreId, s.Document }).HasMethod("gin").HasDatabaseName("ix_product_search_store_document");
        b.Property(s => s.FacetValues).HasColumnType("text[]").HasDefaultValueSql("'{}'::text[]");
        b.Property(s => s.RatingAverage).HasPrecision(3, 2);
        b.HasOne(s => s.Product).WithMany()
            .HasForeignKey(s => new { s.StoreId, s.ProductId })
            .OnDelete(DeleteBehavior.Cascade);
    }
}

public class SearchTermConfiguration : IEntityTypeConfiguration<SearchTerm>
{
    public void Configure(EntityTypeBuilder<SearchTerm> b)
    {
        b.ToTable("search_terms");
        b.HasKey(t => new { t.StoreId, t.Language, t.Term });
        b.Property(t => t.Language).HasMaxLength(10);
        // Byte order ("C"), so "every word starting with ..." is a range of the primary key.
        b.Property(t => t.Term).HasMaxLength(100).UseCollation("C");
        // Words that look like a misspelt term, within one store (store via btree_gin, trigrams via pg_trgm).
        b.HasIndex(t => new { t.StoreId, t.Term }).HasDatabaseName("ix_search_terms_store_term_trgm").HasMethod("gin").HasOperators("uuid_ops", "gin_trgm_ops");
        b.HasOne<Store>().WithMany().HasForeignKey(t => t.StoreId).OnDelete(DeleteBehavior.Cascade);
    }
}
