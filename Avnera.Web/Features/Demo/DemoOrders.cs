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
        ITenantDbContextFactory tenants, Guid storeId, Guid userId, string email, UserAddress address, DateTimeOffset now, CancellationToken ct)
    {
        await using var orders = await tenants.CreateOrdersAsync(storeId, DbPrincipal.Service, TenantAccess.Maintenance, ct);
        if (await orders.Customers.AnyAsync(c => c.UserId == userId, ct)) return;

        await using var products = await tenants.CreateProductsAsync(storeId, DbPrincipal.Service, TenantAccess.Maintenance, ct);
        var variants = await products.ProductVariants.Include(v => v.Product)
            .Where(v => v.StockOnHand >= 3 && v.Product!.Status == PublishStatus.Published)
            .OrderBy(v => v.Sku).Take(2).ToListAsync(ct);
        if (variants.Count == 0) return;

        var placed = now.AddDays(-21);
        var customer = new Customer
        {
            UserId = userId, Email = email, FirstName = "Sam", LastName = "Rivera", Phone = address.Phone, CreatedAt = placed,
        };
        var kept = new CustomerAddress { IsDefaultShipping = true, IsDefaultBilling = true };
        kept.Assign(address); // the same shape in both databases
        customer.Addresses.Add(kept);
        orders.Customers.Add(customer);

        // UPDATE ... RETURNING cannot be composed over, so read the single row client-side.
        var number = (await orders.Database
            .SqlQuery<long>($"update tenant_stores set next_order_number = next_order_number + 1 where id = {storeId} returning next_order_number - 1 as \"Value\"")
            .ToListAsync(ct)).Single();
        var currency = await products.Stores.Select(s => s.Currency).SingleAsync(ct);
        var order = new Order(currency, placed)
        {
            Number = number, Customer = customer, UserId = userId, Email = email, IdempotencyKey = "demo-past-order",
            ShippingAddress = JsonSerializer.Serialize(address), BillingAddress = JsonSerializer.Serialize(address),
        };
        foreach (var v in variants)
            order.AddItem(v.ProductId, v.Id, v.Sku, v.Product!.Name, v.Title, quantity: 1, unitPrice: v.Price ?? v.Product!.Price);
        order.SetShipping(4.90m);
        order.MarkAwaitingPayment(placed);

        var paid = placed.AddMinutes(1);
        var payment = new Payment("test", order.GrandTotal, currency, placed);
        payment.Capture(order.GrandTotal, $"demo_{order.Id:N}", paid);
        order.Payments.Add(payment);
        order.MarkPaid(paid);

        var shipment = new Shipment(placed.AddDays(1)) { Carrier = "Colissimo", Service = "Standard", TrackingNumber = "6A" + number + "FR" };
        shipment.Ship(placed.AddDays(1));
        shipment.Events.Add(new ShippingEvent { Status = "shipped", Description = "Parcel handed to carrier", Location = "Paris", OccurredAt = placed.AddDays(1) });
        shipment.MarkDelivered(placed.AddDays(3));
        shipment.Events.Add(new ShippingEvent { Status = "delivered", Description = "Delivered to the recipient", Location = "Lyon", OccurredAt = placed.AddDays(3) });
        order.Shipments.Add(shipment);
        order.TransitionTo(OrderStatus.Fulfilled, placed.AddDays(1));
        order.TransitionTo(OrderStatus.Shipped, placed.AddDays(1));
        order.TransitionTo(OrderStatus.Delivered, placed.AddDays(3));
        orders.Orders.Add(order);
        await orders.SaveChangesAsync(ct);

        // The ledger follows the order: reserve then sell one of each line.
        foreach (var v in variants)
        {
            products.InventoryMovements.Add(v.Reserve(1, order.Id, placed));
            products.InventoryMovements.Add(v.CommitSale(1, order.Id, paid));
        }
        await products.SaveChangesAsync(ct);
    }
}
