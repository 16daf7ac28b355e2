using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Products.Configurations;

public class ReviewVoteConfiguration : IEntityTypeConfiguration<ReviewVote>
{
    public void Configure(EntityTypeBuilder<ReviewVote> b)
    {
        b.ToTable("review_votes");
        b.HasKey(v => new { v.StoreId, v.ReviewId, v.UserId });
        b.HasIndex(v => new { v.StoreId, v.UserId });
        b.HasOne(v => v.Review).WithMany()
            .HasForeignKey(v => new { v.StoreId, v.ReviewId })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
