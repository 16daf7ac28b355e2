using Avnera.Data.Orders;
using Avnera.Data.Products;
using Avnera.Data.Security;
using Avnera.Data.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Avnera.Tests.Infrastructure;

/// <summary>A product for <see cref="TestCatalog.AddAsync"/>: what search and listings look at.</summary>
public sealed record TestProduct(
    string Name, string? Description = null, string? Sku = null, decimal Price = 10m, bool Published = true, int PublishedDaysAgo = 10, int Stock = 5);

/// <summary>Small catalogs and paid orders for storefront tests, written as the platform (Service) writes them.</summary>
public static class TestCatalog
{
    /// <returns>Product ids by name.</returns>
    public static async Task<Dictionary<string, Guid>> AddAsync(IServiceProvider services, Guid storeId, params TestProduct[] products)
    {
        await using var db = await services.GetRequiredService<ITenantDbContextFactory>().CreateProductsAsync(storeId, DbPrincipal.Service);
        var added = new Dictionary<string, Guid>();
        var now = DateTimeOffset.UtcNow;
        foreach (var spec in products)
        {
            var product = new Product(now.AddDays(-spec.PublishedDaysAgo - 1))
            {
                Slug = spec.Name.ToLowerInvariant().Replace(' ', '-'), Name = spec.Name, Description = spec.Description, Price = spec.Price,
            };
            if (spec.Published) product.Publish(now.AddDays(-spec.PublishedDaysAgo));
            product.Variants.Add(StockedVariant(db, spec.Sku ?? $"T-{Guid.NewGuid():N}"[..14], "Default", spec.Stock, now));
            db.Products.Add(product);
            added[spec.Name] = product.Id;
        }
        await db.SaveChangesAsync();
        await ProductSearchIndex.RefreshAsync(db);
        return added;
    }

    /// <summary>A new variant whose opening stock is received through the ledger, as the app stocks one.</summary>
    public static ProductVariant StockedVariant(ProductsDbContext db, string sku, string title, int stock, DateTimeOffset now)
    {
        var variant = new ProductVariant(now) { Sku = sku, Title = title };
        if (stock > 0) db.InventoryMovements.Add(variant.Receive(stock, "Opening stock", now));
        return variant;
    }

    /// <summary>An order of <paramref name="productId"/> by the person, moved to <paramref name="status"/>.</summary>
    public static async Task AddOrderAsync(IServiceProvider services, Guid storeId, Guid userId, Guid productId, OrderStatus status)
    {
        Guid variantId;
        await using (var products = await services.GetRequiredService<ITenantDbContextFactory>().CreateProductsAsync(storeId, DbPrincipal.Service))
            variantId = products.ProductVariants.Where(v => v.ProductId == productId).Select(v => v.Id).First();
        await using var orders = await services.GetRequiredService<ITenantDbContextFactory>().CreateOrdersAsync(storeId, DbPrincipal.Service);
        var email = $"{userId:N}@example.com";
        var customer = orders.Customers.FirstOrDefault(c => c.UserId == userId) ?? new Customer { UserId = userId, Email = email };
        var now = DateTimeOffset.UtcNow;
        var order = new Order("EUR", now)
        {
            Number = Random.Shared.NextInt64(1_000_000, long.MaxValue / 2), Customer = customer,
            UserId = userId, Email = email, IdempotencyKey = Guid.NewGuid().ToString(),
        };
        order.AddItem(productId, variantId, "T", "T", null, quantity: 1, unitPrice: 10m);
        if (status != OrderStatus.Pending) order.MarkAwaitingPayment(now);
        if (status is not (OrderStatus.Pending or OrderStatus.AwaitingPayment))
        {
            if (status == OrderStatus.Cancelled) order.Cancel(now);
            else
            {
                order.MarkPaid(now);
                foreach (var next in new[] { OrderStatus.Fulfilled, OrderStatus.Shipped, OrderStatus.Delivered })
                {
                    if (order.Status == status) break;
                    order.TransitionTo(next, now);
                }
            }
        }
        orders.Orders.Add(order);
        await orders.SaveChangesAsync();
    }
}
