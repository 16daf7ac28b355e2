using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Products.Configurations;

public class CmsBlockConfiguration : IEntityTypeConfiguration<CmsBlock>
{
    public void Configure(EntityTypeBuilder<CmsBlock> b)
    {
        b.ToTable("cms_blocks", t => t.HasCheckConstraint("ck_cms_blocks_content", "jsonb_typeof(content) = 'object'"));
        b.HasKey(bl => new { bl.StoreId, bl.Id });
        b.HasEnumText(bl => bl.Kind, "cms_blocks");
        b.Property(bl => bl.Content).HasColumnType("jsonb").HasDefaultValueSql("'{}'::jsonb");
        b.HasIndex(bl => new { bl.StoreId, bl.PageId, bl.Position });
        b.HasOne(bl => bl.Page).WithMany(p => p.Blocks)
            .HasForeignKey(bl => new { bl.StoreId, bl.PageId })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
