using Avnera.Data.Products;
using Avnera.Data.Tenancy;
using Avnera.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace Avnera.Web.Features.Storefront;

public sealed record StoreFront(string Name, string Currency, string Culture, string? LogoUrl);
public sealed record CategoryNode(Guid Id, string Slug, string Name, IReadOnlyList<CategoryNode> Children);
public sealed record ProductCardModel(string Slug, string Name, string? Brand, decimal Price, decimal? CompareAtPrice, string? ImageUrl, string? ImageAlt, bool InStock, decimal Rating, int RatingCount);
public sealed record StoreHomeModel(
    StoreFront Store, IReadOnlyList<CategoryNode> Categories, CategoryNode? ActiveCategory,
    IReadOnlyList<ProductCardModel> Products, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// Read-only catalog queries of the storefront (published rows only), run as the shopper — never with staff
/// powers, even for the store's own staff browsing it — so RLS shows them exactly what a customer sees.
/// </summary>
public sealed class StorefrontCatalog(ITenantDbContextFactory tenants, CurrentDbPrincipal principal)
{
    public const int PageSize = 24;

    /// <returns>null when the category slug is unknown (the page answers 404).</returns>
    public async Task<StoreHomeModel?> GetHomeAsync(Guid storeId, string? categorySlug, int page, CancellationToken ct = default)
    {
        await using var db = await tenants.CreateProductsAsync(storeId, await principal.PersonAsync(), ct: ct);
        var store = await db.Stores.AsNoTracking()
            .Select(s => new StoreFront(s.Name, s.Currency, s.Culture, s.LogoUrl)).SingleAsync(ct);

        var categories = await db.Categories.AsNoTracking().Where(c => c.IsPublished)
            .OrderBy(c => c.Position).ThenBy(c => c.Name)
            .Select(c => new { c.Id, c.ParentId, c.Slug, c.Name }).ToListAsync(ct);
        var byParent = categories.ToLookup(c => c.ParentId);
        CategoryNode Build(Guid id, string slug, string name) =>
            new(id, slug, name, byParent[id].Select(c => Build(c.Id, c.Slug, c.Name)).ToList());
        var tree = byParent[null].Select(c => Build(c.Id, c.Slug, c.Name)).ToList();

        var query = db.Products.AsNoTracking().Where(p => p.Status == PublishStatus.Published);
        CategoryNode? active = null;
        if (!string.IsNullOrEmpty(categorySlug))
        {
            active = Flatten(tree).FirstOrDefault(c => c.Slug == categorySlug);
            if (active is null) return null;
            var ids = Flatten([active]).Select(c => (Guid?)c.Id).ToList();
            query = query.Where(p => ids.Contains(p.CategoryId));
        }

        var total = await query.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var products = await query
            .OrderByDescending(p => p.PublishedAt).ThenBy(p => p.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(p => new ProductCardModel(
                p.Slug, p.Name, p.Brand, p.Price, p.CompareAtPrice,
                p.Images.OrderBy(i => i.Position).Select(i => i.Url).FirstOrDefault(),
                p.Images.OrderBy(i => i.Position).Select(i => i.AltText).FirstOrDefault(),
                p.Variants.Any(v => v.IsActive && v.StockOnHand > v.StockReserved),
                p.RatingAverage, p.RatingCount))
            .ToListAsync(ct);
        return new StoreHomeModel(store, tree, active, products, total, page, PageSize);
    }

    private static IEnumerable<CategoryNode> Flatten(IEnumerable<CategoryNode> nodes) =>
        nodes.SelectMany(n => Flatten(n.Children).Prepend(n));
}
