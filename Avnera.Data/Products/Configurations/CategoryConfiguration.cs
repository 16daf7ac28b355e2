using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Products.Configurations;

public class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> b)
    {
        b.ToTable("categories", t => t.HasCheckConstraint("ck_categories_not_own_parent", "parent_id is null or parent_id <> id"));
        b.HasKey(c => new { c.StoreId, c.Id });
        b.Property(c => c.Slug).HasMaxLength(200);
        b.Property(c => c.Name).HasMaxLength(200);
        b.HasIndex(c => new { c.StoreId, c.Slug }).IsUnique();
        // Tree navigation: children of a parent, in order.
        b.HasIndex(c => new { c.StoreId, c.ParentId, c.Position });
        // Composite FK: a category's parent is always in the same store. Restrict (not SET NULL): setting
        // the whole composite key to null would null store_id too.
        b.HasOne(c => c.Parent).WithMany(c => c.Children)
            .HasForeignKey(c => new { c.StoreId, c.ParentId })
            .OnDelete(DeleteBehavior.Restrict);
    }
}
