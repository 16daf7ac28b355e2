using Avnera.Data.Products;
using Avnera.Data.Tenancy;
using Avnera.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace Avnera.Web.Features.Admin.Products;

public sealed record AdminProductRow(
    Guid Id, string Name, string Slug, string? Category, decimal Price, int Variants, int Stock, PublishStatus Status,
    DateTimeOffset UpdatedAt, string? ImageUrl);

public enum AdminProductSort { Name, Category, Price, Variants, Stock, Status, UpdatedAt }

/// <summary>One page of the product list as the grid asks for it; <see cref="Search"/> matches name or SKU.</summary>
public sealed record AdminProductQuery(int Skip, int Take, AdminProductSort Sort = AdminProductSort.Name, bool Descending = false, string? Search = null)
{
    public const int MaxTake = 200;
    public const int MaxSearchLength = 100;
}

public sealed record AdminProductPage(IReadOnlyList<AdminProductRow> Rows, int Total);

/// <summary>The store admin's product list: searched, sorted and paged in the database.</summary>
public sealed class AdminProducts(ITenantDbContextFactory tenants, CurrentDbPrincipal principal)
{
    public async Task<AdminProductPage> ListAsync(Guid storeId, AdminProductQuery q, CancellationToken ct = default)
    {
        await using var db = await tenants.CreateProductsAsync(storeId, await principal.ForStoreAsync(storeId), ct: ct);
        var query = db.Products.AsNoTracking();
        if (SearchPattern(q.Search) is { } pattern)
            query = query.Where(p => EF.Functions.ILike(p.Name, pattern) || p.Variants.Any(v => EF.Functions.ILike(v.Sku, pattern)));
        var total = await query.CountAsync(ct);
        // Sort on the entity, before projecting: EF cannot translate ordering by a constructed row.
        IOrderedQueryable<Product> ordered = q.Sort switch
        {
            AdminProductSort.Category => Order(query, p => p.Category != null ? p.Category.Name : null, q.Descending),
            AdminProductSort.Price => Order(query, p => p.Price, q.Descending),
            AdminProductSort.Variants => Order(query, p => p.Variants.Count, q.Descending),
            AdminProductSort.Stock => Order(query, p => p.Variants.Sum(v => v.StockOnHand - v.StockReserved), q.Descending),
            AdminProductSort.Status => Order(query, p => p.Status, q.Descending),
            AdminProductSort.UpdatedAt => Order(query, p => p.UpdatedAt, q.Descending),
            _ => Order(query, p => p.Name, q.Descending),
        };
        var page = await ordered.ThenBy(p => p.Id)
            .Skip(Math.Max(0, q.Skip)).Take(Math.Clamp(q.Take, 1, AdminProductQuery.MaxTake))
            .Select(p => new AdminProductRow(
                p.Id, p.Name, p.Slug, p.Category != null ? p.Category.Name : null, p.Price, p.Variants.Count,
                p.Variants.Sum(v => v.StockOnHand - v.StockReserved), p.Status, p.UpdatedAt,
                p.Images.OrderBy(i => i.Position).Select(i => i.Url).FirstOrDefault()))
            .ToListAsync(ct);
        return new AdminProductPage(page, total);
    }

    /// <summary>An ILIKE pattern for "contains", with the pattern's own wildcards escaped; null for no search.</summary>
    internal static string? SearchPattern(string? search)
    {
        var text = search?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (text.Length > AdminProductQuery.MaxSearchLength) text = text[..AdminProductQuery.MaxSearchLength];
        return "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
    }

    private static IOrderedQueryable<Product> Order<TKey>(IQueryable<Product> query, System.Linq.Expressions.Expression<Func<Product, TKey>> key, bool descending) =>
        descending ? query.OrderByDescending(key) : query.OrderBy(key);
}
