using Avnera.Data.Orders;
using Avnera.Data.Products;
using Avnera.Data.Security;
using Avnera.Data.Tenancy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Avnera.Web.Features.Storefront.Reviews;

/// <summary>
/// Product reviews: shoppers who bought the product may write one (one each), helpful votes (one per person).
/// Reads and the shopper's own votes run as the shopper; a verified buyer's review, and rating and vote totals
/// afterwards, are written by the platform (shoppers may not publish reviews, write products or other people's
/// reviews).
/// </summary>
public sealed class ReviewService(StorefrontContext storefront, ITenantDbContextFactory tenants, TimeProvider clock)
{
    private static readonly OrderStatus[] Purchased = [OrderStatus.Paid, OrderStatus.Fulfilled, OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.PartiallyRefunded];

    public async Task<ReviewSummary> ReviewsAsync(Guid productId, int take = 10, CancellationToken ct = default)
    {
        var userId = (await storefront.ShopperAsync()).UserId;
        await using var db = await storefront.ProductsAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var published = db.ProductReviews.AsNoTracking().Where(r => r.ProductId == productId && r.Status == ReviewStatus.Published);
        var distribution = await published.GroupBy(r => r.Rating).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var latest = await published.OrderByDescending(r => r.HelpfulCount).ThenByDescending(r => r.CreatedAt).Take(take)
            .Select(r => new ReviewModel(r.Id, r.AuthorName, r.Rating, r.Title, r.Body, r.CreatedAt, r.HelpfulCount, r.UserId == userId,
                userId != null && db.ReviewVotes.Any(v => v.ReviewId == r.Id && v.UserId == userId)))
            .ToListAsync(ct);
        ReviewModel? own = null;
        if (userId is { } uid)
            own = await db.ProductReviews.AsNoTracking().Where(r => r.ProductId == productId && r.UserId == uid)
                .Select(r => new ReviewModel(r.Id, r.AuthorName, r.Rating, r.Title, r.Body, r.CreatedAt, r.HelpfulCount, true, false))
                .FirstOrDefaultAsync(ct);
        await tx.CommitAsync(ct);
        var count = distribution.Sum(d => d.Count);
        var average = count == 0 ? 0 : Math.Round((decimal)distribution.Sum(d => d.Key * d.Count) / count, 1);
        return new ReviewSummary(average, count, Enumerable.Range(1, 5).ToDictionary(i => i, i => distribution.FirstOrDefault(d => d.Key == i)?.Count ?? 0), latest, own);
    }

    public async Task<ReviewEligibility> EligibilityAsync(Guid productId, CancellationToken ct = default)
    {
        var shopper = await storefront.ShopperAsync();
        if (shopper.UserId is not { } userId) return ReviewEligibility.SignInFirst;
        await using (var db = await storefront.ProductsAsync(ct))
        {
            if (await db.ProductReviews.AnyAsync(r => r.ProductId == productId && r.UserId == userId, ct)) return ReviewEligibility.AlreadyReviewed;
        }
        // Their own orders only (RLS shows a person nothing else).
        await using var orders = await tenants.CreateOrdersAsync(storefront.StoreId, shopper, ct: ct);
        var bought = await orders.OrderItems.AnyAsync(i => i.ProductId == productId
            && orders.Orders.Any(o => o.Id == i.OrderId && o.UserId == userId && Purchased.Contains(o.Status)), ct);
        return bought ? ReviewEligibility.Allowed : ReviewEligibility.NotPurchased;
    }

    /// <returns>null when saved, otherwise a message for the shopper.</returns>
    public async Task<string?> AddReviewAsync(Guid productId, ReviewInput input, string authorName, CancellationToken ct = default)
    {
        switch (await EligibilityAsync(productId, ct))
        {
            case ReviewEligibility.SignInFirst: return "Sign in to write a review.";
            case ReviewEligibility.NotPurchased: return "Only customers who bought this product can review it.";
            case ReviewEligibility.AlreadyReviewed: return "You have already reviewed this product.";
        }
        var shopper = await storefront.ShopperAsync();
        // Published at once, which only the store or the platform may decide (40_reviews.sql): the purchase was
        // checked above, in the Orders database, so the platform writes it.
        await using (var db = await tenants.CreateProductsAsync(storefront.StoreId, DbPrincipal.Service, ct: ct))
        {
            var now = clock.GetUtcNow();
            var review = new ProductReview(now)
            {
                ProductId = productId, UserId = shopper.UserId!.Value, AuthorName = authorName,
                Rating = (short)Math.Clamp(input.Rating, 1, 5), Title = Blank(input.Title), Body = Blank(input.Body),
            };
            review.Publish(now); // a verified purchase; the store can still reject it
            db.ProductReviews.Add(review);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                return "You have already reviewed this product.";
            }
        }
        await RecountRatingAsync(productId, ct);
        return null;
    }

    /// <returns>null when counted, otherwise a message for the shopper.</returns>
    public async Task<string?> VoteHelpfulAsync(Guid reviewId, CancellationToken ct = default)
    {
        var shopper = await storefront.ShopperAsync();
        if (shopper.UserId is not { } userId) return "Sign in to vote.";
        await using (var db = await storefront.ProductsAsync(ct))
        {
            var review = await db.ProductReviews.AsNoTracking().Where(r => r.Id == reviewId && r.Status == ReviewStatus.Published)
                .Select(r => new { r.UserId }).FirstOrDefaultAsync(ct);
            if (review is null) return "That review is no longer available.";
            if (review.UserId == userId) return "You cannot vote on your own review.";
            db.ReviewVotes.Add(new ReviewVote { ReviewId = reviewId, UserId = userId, IsHelpful = true });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                return "You have already voted on this review.";
            }
        }
        await using var service = await tenants.CreateProductsAsync(storefront.StoreId, DbPrincipal.Service, ct: ct);
        await service.ProductReviews.Where(r => r.Id == reviewId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.HelpfulCount, r => service.ReviewVotes.Count(v => v.ReviewId == r.Id && v.IsHelpful)), ct);
        return null;
    }

    /// <summary>The product's rating average and count from its published reviews (the platform's job).</summary>
    private async Task RecountRatingAsync(Guid productId, CancellationToken ct)
    {
        await using var service = await tenants.CreateProductsAsync(storefront.StoreId, DbPrincipal.Service, ct: ct);
        await service.Products.Where(p => p.Id == productId).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.RatingCount, p => service.ProductReviews.Count(r => r.ProductId == p.Id && r.Status == ReviewStatus.Published))
            .SetProperty(p => p.RatingAverage, p => Math.Round(
                service.ProductReviews.Where(r => r.ProductId == p.Id && r.Status == ReviewStatus.Published).Average(r => (decimal?)r.Rating) ?? 0m, 2)), ct);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
