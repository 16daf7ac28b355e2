using Avnera.Data.Products;

namespace Avnera.Tests.Unit;

public class ProductReviewTests
{
    private static readonly DateTimeOffset T0 = new(2025, 4, 1, 8, 0, 0, TimeSpan.Zero);

    private static ProductReview NewReview() => new(T0) { AuthorName = "Sam R.", Rating = 5 };

    [Fact]
    public void NewReview_IsPendingUntilModerated()
    {
        var review = NewReview();

        Assert.Equal(ReviewStatus.Pending, review.Status);
        Assert.Equal(T0, review.CreatedAt);
    }

    [Fact]
    public void Moderation_PublishRejectAndPublishAgain_StampsEachChange()
    {
        var review = NewReview();

        review.Publish(T0.AddHours(1));
        Assert.Equal(ReviewStatus.Published, review.Status);
        review.Reject(T0.AddHours(2));
        Assert.Equal(ReviewStatus.Rejected, review.Status);
        review.Publish(T0.AddHours(3));

        Assert.Equal(ReviewStatus.Published, review.Status);
        Assert.Equal(T0.AddHours(3), review.UpdatedAt);
    }

    [Fact]
    public void PublishTwice_ThrowsAndKeepsTheFirstStamp()
    {
        var review = NewReview();
        review.Publish(T0.AddHours(1));

        var error = Assert.Throws<InvalidOperationException>(() => review.Publish(T0.AddHours(2)));

        Assert.Contains("from Published to Published", error.Message);
        Assert.Equal(T0.AddHours(1), review.UpdatedAt);
    }

    [Fact]
    public void RejectTwice_Throws()
    {
        var review = NewReview();
        review.Reject(T0);

        Assert.Throws<InvalidOperationException>(() => review.Reject(T0.AddHours(1)));
        Assert.Equal(ReviewStatus.Rejected, review.Status);
    }
}
