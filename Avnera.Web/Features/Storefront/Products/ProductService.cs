using Avnera.Data.Orders;
using Avnera.Data.Products;
using Avnera.Data.Security;
using Avnera.Data.Tenancy;
using Avnera.Web.Features.Storefront.Listing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Avnera.Web.Features.Storefront.Products;

public sealed record ProductImageModel(string Url, string Alt, Guid? VariantId);

/// <summary>A variant with its option values (attribute code → value), price and stock.</summary>
public sealed record VariantModel(Guid Id, string Sku, string Title, decimal Price, int Available, IReadOnlyDictionary<string, string> Options)
{
    public bool InStock => Available > 0;
}

/// <summary>An option shoppers choose (size, colour) and its values in display order.</summary>
public sealed record OptionGroup(string Code, string Name, IReadOnlyList<string> Values);

public sealed record ProductDetails(
    Guid Id, string Slug, string Name, string? Brand, string? Description, decimal Price, decimal? CompareAtPrice,
    CategoryNode? Category, IReadOnlyList<ProductImageModel> Images, IReadOnlyList<VariantModel> Variants,
    IReadOnlyList<OptionGroup> Options, IReadOnlyList<(string Name, string Value)> Attributes,
    decimal RatingAverage, int RatingCount, DateTimeOffset UpdatedAt)
{
    /// <summary>The variant matching every chosen option, or null when the choice is incomplete or matches none.</summary>
    public VariantModel? Match(IReadOnlyDictionary<string, string> chosen) =>
        Options.All(o => chosen.ContainsKey(o.Code))
            ? Variants.FirstOrDefault(v => Options.All(o => v.Options.TryGetValue(o.Code, out var value) && string.Equals(value, chosen[o.Code], StringComparison.OrdinalIgnoreCase)))
            : null;
}

public sealed record ReviewModel(Guid Id, string Author, short Rating, string? Title, string? Body, DateTimeOffset CreatedAt, int HelpfulCount, bool Mine, bool Voted);

public sealed record ReviewSummary(decimal Average, int Count, IReadOnlyDictionary<int, int> Distribution, IReadOnlyList<ReviewModel> Latest, ReviewModel? Own);

/// <summary>Whether the signed-in shopper may write a review here, and if not, why.</summary>
public enum ReviewEligibility { SignInFirst, NotPurchased, AlreadyReviewed, Allowed }

public sealed class ReviewInput
{
    [System.ComponentModel.DataAnnotations.Range(1, 5, ErrorMessage = "Choose a rating from 1 to 5 stars.")]
    public int Rating { get; set; }
    [System.ComponentModel.DataAnnotations.StringLength(120, ErrorMessage = "Keep the title under 120 characters.")]
    public string? Title { get; set; }
    [System.ComponentModel.DataAnnotations.StringLength(4000, ErrorMessage = "Keep the review under 4,000 characters.")]
    public string? Body { get; set; }
}

/// <summary>
/// The product page: details in the page language, variants, reviews (shoppers who bought the product may
/// write one; one each), helpful votes (one per person), related products. Reads and the shopper's own
/// writes run as the shopper; rating and vote totals are recomputed by the platform afterwards (shoppers
/// may not write products or other people's reviews).
/// </summary>
public sealed class ProductService(StorefrontContext storefront, ITenantDbContextFactory tenants, TimeProvider clock)
{
    private static readonly OrderStatus[] Purchased = [OrderStatus.Paid, OrderStatus.Fulfilled, OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.PartiallyRefunded];

    public async Task<ProductDetails?> FindAsync(string slug, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(slug) || slug.Length > 200) return null;
        var skeleton = await storefront.SkeletonAsync(ct);
        var language = storefront.Language;
        await using var db = await storefront.ProductsAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var p = await db.Products.AsNoTracking()
            .Where(x => x.Slug == slug && x.Status == PublishStatus.Published)
            .Select(x => new
            {
                x.Id, x.Slug, x.Name, x.Brand, x.Description, x.Price, x.CompareAtPrice, x.CategoryId, x.RatingAverage, x.RatingCount, x.UpdatedAt,
                Translation = x.Translations.Where(t => t.Language == language).Select(t => new { t.Name, t.Description }).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (p is null) return null;

        var images = await db.ProductImages.AsNoTracking().Where(i => i.ProductId == p.Id).OrderBy(i => i.Position)
            .Select(i => new ProductImageModel(i.Url, i.AltText ?? p.Name, i.VariantId)).ToListAsync(ct);
        var variants = await db.ProductVariants.AsNoTracking().Where(v => v.ProductId == p.Id && v.IsActive).OrderBy(v => v.Position)
            .Select(v => new { v.Id, v.Sku, v.Title, v.Price, Available = v.StockOnHand - v.StockReserved }).ToListAsync(ct);
        var values = await db.ProductAttributeValues.AsNoTracking().Where(a => a.ProductId == p.Id)
            .Select(a => new { a.VariantId, a.Value, a.Attribute!.Code, a.Attribute.Name, a.Attribute.IsVariantOption, a.Attribute.Position })
            .ToListAsync(ct);
        await tx.CommitAsync(ct);

        var optionAttributes = values.Where(v => v.VariantId is not null && v.IsVariantOption)
            .GroupBy(v => new { v.Code, v.Name, v.Position }).OrderBy(g => g.Key.Position).ToList();
        var variantModels = variants.Select(v => new VariantModel(v.Id, v.Sku, v.Title, v.Price ?? p.Price, Math.Max(0, v.Available),
            values.Where(a => a.VariantId == v.Id && a.IsVariantOption).GroupBy(a => a.Code).ToDictionary(g => g.Key, g => g.First().Value))).ToList();
        // Option values in the order the variants list them (the merchant's order), not alphabetically.
        var options = optionAttributes.Select(g => new OptionGroup(g.Key.Code, g.Key.Name,
            variantModels.Select(v => v.Options.GetValueOrDefault(g.Key.Code)).OfType<string>().Distinct().ToList())).ToList();
        var attributes = values.Where(v => v.VariantId is null).OrderBy(v => v.Position).Select(v => (v.Name, v.Value))
            .Concat(optionAttributes.Select(g => (g.Key.Name, string.Join(", ", options.First(o => o.Code == g.Key.Code).Values))))
            .ToList();

        return new ProductDetails(p.Id, p.Slug, p.Translation?.Name ?? p.Name, p.Brand, p.Translation?.Description ?? p.Description,
            p.Price, p.CompareAtPrice, p.CategoryId is { } c && skeleton.ById.TryGetValue(c, out var node) ? node : null,
            images, variantModels, options, attributes, p.RatingAverage, p.RatingCount, p.UpdatedAt);
    }

    public async Task<bool> IsWishlistedAsync(Guid productId, CancellationToken ct = default)
    {
        if ((await storefront.ShopperAsync()).UserId is not { } userId) return false;
        await using var db = await storefront.ProductsAsync(ct);
        return await db.WishlistItems.AnyAsync(w => w.UserId == userId && w.ProductId == productId, ct);
    }

    public async Task<IReadOnlyList<ProductSummary>> RelatedAsync(ProductDetails product, int count = 4, CancellationToken ct = default)
    {
        if (product.Category is null) return [];
        await using var db = await storefront.ProductsAsync(ct);
        var categoryId = product.Category.Id;
        var cards = await ProductSummary.Project(db.Products.AsNoTracking()
                .Where(p => p.Status == PublishStatus.Published && p.CategoryId == categoryId && p.Id != product.Id)
                .OrderByDescending(p => p.RatingAverage).ThenByDescending(p => p.PublishedAt).ThenBy(p => p.Id).Take(count),
            storefront.Language).ToListAsync(ct);
        return cards;
    }

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
