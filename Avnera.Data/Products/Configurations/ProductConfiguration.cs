using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Products.Configurations;

public class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> b)
    {
        b.ToTable("products", t =>
        {
            t.HasCheckConstraint("ck_products_price", "price >= 0");
            t.HasCheckConstraint("ck_products_compare_at_price", "compare_at_price is null or compare_at_price >= 0");
            t.HasCheckConstraint("ck_products_rating", "rating_average between 0 and 5 and rating_count >= 0");
        });
        b.HasKey(p => new { p.StoreId, p.Id });
        b.HasEnumText(p => p.Status, "products");
        b.Property(p => p.Slug).HasMaxLength(200);
        b.Property(p => p.Name).HasMaxLength(300);
        b.Property(p => p.Brand).HasMaxLength(200);
        b.Property(p => p.RatingAverage).HasPrecision(3, 2);
        b.HasIndex(p => new { p.StoreId, p.Slug }).IsUnique();
        // Category listing: published products of a category, newest or by price.
        b.HasIndex(p => new { p.StoreId, p.CategoryId, p.Status, p.Price });
        b.HasIndex(p => new { p.StoreId, p.Status, p.PublishedAt });
        // Written by the database only (index refresh, stock trigger); EF reads them and never overwrites them.
        b.Property(p => p.FacetValues).HasColumnType("text[]").HasDefaultValueSql("'{}'::text[]")
            .ValueGeneratedOnAddOrUpdate().Metadata.SetAfterSaveBehavior(Microsoft.EntityFrameworkCore.Metadata.PropertySaveBehavior.Ignore);
        b.Property(p => p.FacetValues).Metadata.SetBeforeSaveBehavior(Microsoft.EntityFrameworkCore.Metadata.PropertySaveBehavior.Ignore);
        b.Property(p => p.InStock).HasDefaultValue(false)
            .ValueGeneratedOnAddOrUpdate().Metadata.SetAfterSaveBehavior(Microsoft.EntityFrameworkCore.Metadata.PropertySaveBehavior.Ignore);
        b.Property(p => p.InStock).Metadata.SetBeforeSaveBehavior(Microsoft.EntityFrameworkCore.Metadata.PropertySaveBehavior.Ignore);
        // No index on facet_values: listings count by facet_key and filter by variant_keys (both in SQL scripts),
        // so a GIN index here would only be maintained on every product write.
        b.HasOne(p => p.Category).WithMany()
            .HasForeignKey(p => new { p.StoreId, p.CategoryId })
            .OnDelete(DeleteBehavior.Restrict);
    }
}
