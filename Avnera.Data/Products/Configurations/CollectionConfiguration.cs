using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Products.Configurations;

public class CollectionConfiguration : IEntityTypeConfiguration<Collection>
{
    public void Configure(EntityTypeBuilder<Collection> b)
    {
        b.ToTable("collections");
        b.HasKey(c => new { c.StoreId, c.Id });
        b.Property(c => c.Slug).HasMaxLength(200);
        b.Property(c => c.Name).HasMaxLength(200);
        b.HasIndex(c => new { c.StoreId, c.Slug }).IsUnique();
    }
}
