using Avnera.Data.Common;

namespace Avnera.Data.Products;

public enum ReviewStatus { Pending, Published, Rejected }

/// <summary>
/// A shopper's review of a product; one per user and product. Shown once moderated (Published); the store
/// may reject a published review or publish a rejected one again (<see cref="AllowedTransitions"/>).
/// </summary>
public class ProductReview : TenantEntity
{
    private ProductReview() { } // EF

    public ProductReview(DateTimeOffset createdAt) => CreatedAt = UpdatedAt = createdAt;

    public static readonly IReadOnlyDictionary<ReviewStatus, ReviewStatus[]> AllowedTransitions =
        new Dictionary<ReviewStatus, ReviewStatus[]>
        {
            [ReviewStatus.Pending] = [ReviewStatus.Published, ReviewStatus.Rejected],
            [ReviewStatus.Published] = [ReviewStatus.Rejected],
            [ReviewStatus.Rejected] = [ReviewStatus.Published],
        };

    public Guid ProductId { get; set; }
    public Product? Product { get; set; }
    /// <summary>User in the Master database (no foreign key across databases).</summary>
    public Guid UserId { get; set; }
    public required string AuthorName { get; set; }
    /// <summary>1 to 5 stars.</summary>
    public short Rating { get; set; }
    public string? Title { get; set; }
    /// <summary>Plain text written by the shopper; always encoded when shown.</summary>
    public string? Body { get; set; }
    public ReviewStatus Status { get; private set; } = ReviewStatus.Pending;
    /// <summary>Helpful votes, a count the platform keeps from <see cref="ReviewVote"/> rows (recounted in SQL).</summary>
    public int HelpfulCount { get; set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Publish(DateTimeOffset now) => MoveTo(ReviewStatus.Published, now);

    public void Reject(DateTimeOffset now) => MoveTo(ReviewStatus.Rejected, now);

    private void MoveTo(ReviewStatus next, DateTimeOffset now)
    {
        AllowedTransitions.Require(Status, next, $"Review {Id}");
        Status = next;
        UpdatedAt = now;
    }
}

/// <summary>A user's "was this helpful?" answer on a review; one per user and review.</summary>
public class ReviewVote : ITenantEntity
{
    public Guid StoreId { get; set; }
    public Guid ReviewId { get; set; }
    public ProductReview? Review { get; set; }
    /// <summary>User in the Master database (no foreign key across databases).</summary>
    public Guid UserId { get; set; }
    public bool IsHelpful { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}
