using Avnera.Data.Common;

namespace Avnera.Data.Orders;

/// <summary>
/// A line of an order: a snapshot of the variant (ids of the Products database, no FK) at checkout. Created
/// only by <see cref="Order.AddItem"/>, which keeps the line total and the order's totals in step.
/// </summary>
public class OrderItem : TenantEntity
{
    private OrderItem() { } // EF

    internal OrderItem(Order order, Guid productId, Guid variantId, string sku, string name, string? variantTitle, int quantity, decimal unitPrice)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sku);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Order = order;
        OrderId = order.Id;
        StoreId = order.StoreId;
        ProductId = productId;
        VariantId = variantId;
        Sku = sku;
        Name = name;
        VariantTitle = variantTitle;
        Quantity = quantity;
        UnitPrice = unitPrice;
        LineTotal = Gross;
    }

    public Guid OrderId { get; private set; }
    public Order? Order { get; private set; }
    /// <summary>Products database id; no foreign key.</summary>
    public Guid ProductId { get; private set; }
    /// <summary>Products database id; no foreign key.</summary>
    public Guid VariantId { get; private set; }
    public string Sku { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? VariantTitle { get; private set; }
    public int Quantity { get; private set; }
    public decimal UnitPrice { get; private set; }
    /// <summary>This line's share of the order's discount.</summary>
    public decimal Discount { get; private set; }
    /// <summary>Quantity × unit price − discount.</summary>
    public decimal LineTotal { get; private set; }

    internal decimal Gross => Quantity * UnitPrice;

    internal void SetDiscount(decimal discount)
    {
        Discount = discount;
        LineTotal = Gross - discount;
    }
}
