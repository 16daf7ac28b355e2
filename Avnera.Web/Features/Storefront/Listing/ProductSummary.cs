using Avnera.Data.Products;

namespace Avnera.Web.Features.Storefront.Listing;

/// <summary>A product as a listing shows it, in the page's language.</summary>
public sealed record ProductSummary(
    Guid Id, string Slug, string Name, string? Brand, decimal Price, decimal? CompareAtPrice, string? ImageUrl, string? ImageAlt,
    bool InStock, decimal Rating, int RatingCount)
{
    public bool Wishlisted { get; init; }

    /// <summary>Cards in the page language (translated name when there is one).</summary>
    public static IQueryable<ProductSummary> Project(IQueryable<Product> products, string language) =>
        products.Select(p => new ProductSummary(
            p.Id, p.Slug,
            p.Translations.Where(t => t.Language == language).Select(t => t.Name).FirstOrDefault() ?? p.Name,
            p.Brand, p.Price, p.CompareAtPrice,
            p.Images.OrderBy(i => i.Position).Select(i => i.Url).FirstOrDefault(),
            p.Images.OrderBy(i => i.Position).Select(i => i.AltText).FirstOrDefault(),
            p.InStock, p.RatingAverage, p.RatingCount));
}
