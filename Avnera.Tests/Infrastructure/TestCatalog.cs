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
        foreach (var spec in products)
        {
            var product = new Product
            {
                Slug = spec.Name.ToLowerInvariant().Replace(' ', '-'), Name = spec.Name, Description = spec.Description, Price = spec.Price,
            };
            if (spec.Published) product.Publish(DateTimeOffset.UtcNow.AddDays(-spec.PublishedDaysAgo));
            product.Variants.Add(new ProductVariant { Sku = spec.Sku ?? $"T-{Guid.NewGuid():N}"[..14], Title = "Default", StockOnHand = spec.Stock });
            db.Products.Add(product);
            added[spec.Name] = product.Id;
        }
        await db.SaveChangesAsync();
        await ProductSearchIndex.RefreshAsync(db);
        return added;
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
        var order = new Order
        {
            Number = Random.Shared.NextInt64(1_000_000, long.MaxValue / 2), Customer = customer,
            UserId = userId, Email = email, Currency = "EUR", IdempotencyKey = Guid.NewGuid().ToString(),
            Subtotal = 10, GrandTotal = 10,
        };
        order.Items.Add(new OrderItem { ProductId = productId, VariantId = variantId, Sku = "T", Name = "T", Quantity = 1, UnitPrice = 10, LineTotal = 10 });
        if (status != OrderStatus.Pending) order.MarkAwaitingPayment();
        if (status is not (OrderStatus.Pending or OrderStatus.AwaitingPayment))
        {
            if (status == OrderStatus.Cancelled) order.Cancel(DateTimeOffset.UtcNow);
            else
            {
                order.MarkPaid(DateTimeOffset.UtcNow);
                foreach (var next in new[] { OrderStatus.Fulfilled, OrderStatus.Shipped, OrderStatus.Delivered })
                {
                    if (order.Status == status) break;
                    order.TransitionTo(next, DateTimeOffset.UtcNow);
                }
            }
        }
        orders.Orders.Add(order);
        await orders.SaveChangesAsync();
    }
}
