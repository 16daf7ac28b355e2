using Avnera.Data.Products;
using Avnera.Web.Features.Storefront.Listing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Avnera.Web.Features.Storefront.Wishlist;

/// <summary>A signed-in shopper's wishlist in the current store; rows are theirs alone (RLS).</summary>
public sealed class WishlistService(StorefrontContext storefront)
{
    public const int MaxItems = 500;

    /// <returns>true when the product is now on the list, false when it was removed; null when it is not for sale.</returns>
    public async Task<bool?> ToggleAsync(Guid productId, CancellationToken ct = default)
    {
        var userId = (await storefront.ShopperAsync()).UserId ?? throw new InvalidOperationException("Sign in first.");
        await using var db = await storefront.ProductsAsync(ct);
        var removed = await db.WishlistItems.Where(w => w.UserId == userId && w.ProductId == productId && w.VariantId == null).ExecuteDeleteAsync(ct);
        if (removed > 0) return false;
        if (!await db.Products.AnyAsync(p => p.Id == productId && p.Status == PublishStatus.Published, ct)) return null;
        if (await db.WishlistItems.CountAsync(w => w.UserId == userId, ct) >= MaxItems) return null;
        db.WishlistItems.Add(new WishlistItem { UserId = userId, ProductId = productId });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Added by a double click a moment ago: it is on the list.
        }
        return true;
    }

    public async Task<IReadOnlyList<ProductSummary>> ListAsync(CancellationToken ct = default)
    {
        if ((await storefront.ShopperAsync()).UserId is not { } userId) return [];
        await using var db = await storefront.ProductsAsync(ct);
        var saved = db.WishlistItems.Where(w => w.UserId == userId);
        var cards = await ProductSummary.Project(db.Products.AsNoTracking()
                .Where(p => p.Status == PublishStatus.Published && saved.Any(w => w.ProductId == p.Id))
                .OrderByDescending(p => saved.Where(w => w.ProductId == p.Id).Max(w => w.CreatedAt)), storefront.Language)
            .ToListAsync(ct);
        return cards.Select(c => c with { Wishlisted = true }).ToList();
    }
}
