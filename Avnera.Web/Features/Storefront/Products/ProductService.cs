using Avnera.Data.Products;
using Avnera.Web.Features.Storefront.Listing;
using Microsoft.EntityFrameworkCore;

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

/// <summary>
/// The product page: details in the page language, variants, whether the shopper saved it, related products.
/// Everything is read as the shopper. Reviews are <see cref="Reviews.ReviewService"/>'s.
/// </summary>
public sealed class ProductService(StorefrontContext storefront)
{
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
}
