using Avnera.Data.Common;

namespace Avnera.Data.Products;

public enum ReviewStatus { Pending, Published, Rejected }

/// <summary>A shopper's review of a product; one per user and product. Shown once moderated (Published).</summary>
public class ProductReview : TenantEntity
{
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
    public ReviewStatus Status { get; set; } = ReviewStatus.Pending;
    public int HelpfulCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
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
