using Avnera.Data.Security;
using System.Text.Json;
using Avnera.Data.Master;
using Avnera.Data.Orders;
using Avnera.Data.Products;
using Avnera.Data.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Avnera.Web.Features.Demo;

/// <summary>The demo shopper's past order: delivered, paid, with its stock movements in the ledger.</summary>
internal static class DemoOrders
{
    public static async Task EnsurePastOrderAsync(
        ITenantDbContextFactory tenants, Guid storeId, Guid userId, string email, UserAddress address, CancellationToken ct)
    {
        await using var orders = await tenants.CreateOrdersAsync(storeId, DbPrincipal.Service, TenantAccess.Maintenance, ct);
        if (await orders.Customers.AnyAsync(c => c.UserId == userId, ct)) return;

        await using var products = await tenants.CreateProductsAsync(storeId, DbPrincipal.Service, TenantAccess.Maintenance, ct);
        var variants = await products.ProductVariants.Include(v => v.Product)
            .Where(v => v.StockOnHand >= 3 && v.Product!.Status == PublishStatus.Published)
            .OrderBy(v => v.Sku).Take(2).ToListAsync(ct);
        if (variants.Count == 0) return;

        var placed = DateTimeOffset.UtcNow.AddDays(-21);
        var customer = new Customer
        {
            UserId = userId, Email = email, FirstName = "Sam", LastName = "Rivera", Phone = address.Phone, CreatedAt = placed,
        };
        customer.Addresses.Add(new CustomerAddress
        {
            Label = address.Label, RecipientName = address.RecipientName, Line1 = address.Line1, City = address.City,
            PostalCode = address.PostalCode, CountryCode = address.CountryCode, Phone = address.Phone,
            IsDefaultShipping = true, IsDefaultBilling = true,
        });
        orders.Customers.Add(customer);

        // UPDATE ... RETURNING cannot be composed over, so read the single row client-side.
        var number = (await orders.Database
            .SqlQuery<long>($"update tenant_stores set next_order_number = next_order_number + 1 where id = {storeId} returning next_order_number - 1 as \"Value\"")
            .ToListAsync(ct)).Single();
        var currency = await products.Stores.Select(s => s.Currency).SingleAsync(ct);
        var order = new Order
        {
            Number = number, Customer = customer, UserId = userId, Email = email, Currency = currency,
            IdempotencyKey = "demo-past-order", PlacedAt = placed, CreatedAt = placed,
            ShippingAddress = JsonSerializer.Serialize(address), BillingAddress = JsonSerializer.Serialize(address),
        };
        foreach (var v in variants)
        {
            var unit = v.Price ?? v.Product!.Price;
            order.Items.Add(new OrderItem
            {
                ProductId = v.ProductId, VariantId = v.Id, Sku = v.Sku, Name = v.Product!.Name, VariantTitle = v.Title,
                Quantity = 1, UnitPrice = unit, LineTotal = unit,
            });
        }
        order.Subtotal = order.Items.Sum(i => i.LineTotal);
        order.ShippingTotal = 4.90m;
        order.GrandTotal = order.Subtotal + order.ShippingTotal;
        order.MarkAwaitingPayment();
        order.MarkPaid(placed.AddMinutes(1));
        foreach (var status in new[] { OrderStatus.Fulfilled, OrderStatus.Shipped, OrderStatus.Delivered })
            order.TransitionTo(status, placed.AddDays(2));
        order.Payments.Add(new Payment
        {
            Provider = "test", ProviderPaymentId = $"demo_{order.Id:N}", Status = PaymentStatus.Captured,
            Amount = order.GrandTotal, CapturedAmount = order.GrandTotal, Currency = currency, CreatedAt = placed,
        });
        var shipment = new Shipment
        {
            Carrier = "Colissimo", Service = "Standard", TrackingNumber = "6A" + number + "FR", Status = ShipmentStatus.Delivered,
            ShippedAt = placed.AddDays(1), DeliveredAt = placed.AddDays(3), CreatedAt = placed.AddDays(1),
        };
        shipment.Events.Add(new ShippingEvent { Status = "shipped", Description = "Parcel handed to carrier", Location = "Paris", OccurredAt = placed.AddDays(1) });
        shipment.Events.Add(new ShippingEvent { Status = "delivered", Description = "Delivered to the recipient", Location = "Lyon", OccurredAt = placed.AddDays(3) });
        order.Shipments.Add(shipment);
        orders.Orders.Add(order);
        await orders.SaveChangesAsync(ct);

        // The ledger follows the order: reserve then sell one of each line.
        foreach (var v in variants)
        {
            products.InventoryMovements.Add(v.Reserve(1, order.Id));
            products.InventoryMovements.Add(v.CommitSale(1, order.Id));
        }
        await products.SaveChangesAsync(ct);
    }
}
