namespace Avnera.Web.Features.Storefront.Reviews;

public sealed record ReviewModel(Guid Id, string Author, short Rating, string? Title, string? Body, DateTimeOffset CreatedAt, int HelpfulCount, bool Mine, bool Voted);

public sealed record ReviewSummary(decimal Average, int Count, IReadOnlyDictionary<int, int> Distribution, IReadOnlyList<ReviewModel> Latest, ReviewModel? Own);

/// <summary>Whether the signed-in shopper may write a review here, and if not, why.</summary>
public enum ReviewEligibility { SignInFirst, NotPurchased, AlreadyReviewed, Allowed }
