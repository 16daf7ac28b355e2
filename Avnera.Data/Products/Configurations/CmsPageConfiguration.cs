using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Products.Configurations;

public class CmsPageConfiguration : IEntityTypeConfiguration<CmsPage>
{
    public void Configure(EntityTypeBuilder<CmsPage> b)
    {
        b.ToTable("cms_pages");
        b.HasKey(p => new { p.StoreId, p.Id });
        b.HasEnumText(p => p.Status, "cms_pages");
        b.Property(p => p.Slug).HasMaxLength(200);
        b.Property(p => p.Language).HasMaxLength(10);
        b.Property(p => p.Title).HasMaxLength(300);
        b.Property(p => p.MetaTitle).HasMaxLength(200);
        b.Property(p => p.MetaDescription).HasMaxLength(500);
        b.HasIndex(p => new { p.StoreId, p.Slug, p.Language }).IsUnique();
    }
}
