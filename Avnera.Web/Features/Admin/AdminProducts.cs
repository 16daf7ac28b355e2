using Avnera.Data.Products;
using Avnera.Data.Tenancy;
using Avnera.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace Avnera.Web.Features.Admin;

public sealed record AdminProductRow(
    Guid Id, string Name, string Slug, string? Category, decimal Price, int Variants, int Stock, PublishStatus Status,
    DateTimeOffset UpdatedAt, string? ImageUrl);

public enum AdminProductSort { Name, Category, Price, Variants, Stock, Status, UpdatedAt }

/// <summary>The store admin's product list: paged and sorted in the database.</summary>
public sealed class AdminProducts(ITenantDbContextFactory tenants, CurrentDbPrincipal principal)
{
    public async Task<(IReadOnlyList<AdminProductRow> Rows, int Total)> ListAsync(
        Guid storeId, int skip, int take, AdminProductSort sort, bool descending, string? search, CancellationToken ct = default)
    {
        await using var db = await tenants.CreateProductsAsync(storeId, await principal.ForStoreAsync(storeId), ct: ct);
        var query = db.Products.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = "%" + search.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(p => EF.Functions.ILike(p.Name, pattern) || p.Variants.Any(v => EF.Functions.ILike(v.Sku, pattern)));
        }
        var total = await query.CountAsync(ct);
        // Sort on the entity, before projecting: EF cannot translate ordering by a constructed row.
        IOrderedQueryable<Product> ordered = sort switch
        {
            AdminProductSort.Category => Order(query, p => p.Category != null ? p.Category.Name : null, descending),
            AdminProductSort.Price => Order(query, p => p.Price, descending),
            AdminProductSort.Variants => Order(query, p => p.Variants.Count, descending),
            AdminProductSort.Stock => Order(query, p => p.Variants.Sum(v => v.StockOnHand - v.StockReserved), descending),
            AdminProductSort.Status => Order(query, p => p.Status, descending),
            AdminProductSort.UpdatedAt => Order(query, p => p.UpdatedAt, descending),
            _ => Order(query, p => p.Name, descending),
        };
        var page = await ordered.ThenBy(p => p.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 200))
            .Select(p => new AdminProductRow(
                p.Id, p.Name, p.Slug, p.Category != null ? p.Category.Name : null, p.Price, p.Variants.Count,
                p.Variants.Sum(v => v.StockOnHand - v.StockReserved), p.Status, p.UpdatedAt,
                p.Images.OrderBy(i => i.Position).Select(i => i.Url).FirstOrDefault()))
            .ToListAsync(ct);
        return (page, total);
    }

    private static IOrderedQueryable<Product> Order<TKey>(IQueryable<Product> query, System.Linq.Expressions.Expression<Func<Product, TKey>> key, bool descending) =>
        descending ? query.OrderByDescending(key) : query.OrderBy(key);
}
