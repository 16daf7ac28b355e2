using Avnera.Data.Common;

namespace Avnera.Data.Orders;

/// <summary>
/// An order's money, consistent by construction: every change of lines, discount, shipping or tax
/// recomputes the line totals and the order totals, so GrandTotal = Subtotal − DiscountTotal + ShippingTotal
/// + TaxTotal and Σ line totals = Subtotal − DiscountTotal always hold. Prices must be whole minor units of
/// the order's currency; computed amounts (a percentage, a tax) are rounded to them (see
/// <see cref="CurrencyAmounts"/>). Once the order leaves Pending its money is fixed: the shopper is asked
/// to pay exactly this.
/// </summary>
public partial class Order
{
    /// <summary>Adds a line (a snapshot of the variant at checkout) and recomputes the totals.</summary>
    public OrderItem AddItem(Guid productId, Guid variantId, string sku, string name, string? variantTitle, int quantity, decimal unitPrice)
    {
        RequirePending();
        if (quantity <= 0)
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, $"An order line needs a quantity of at least 1 (was {quantity}).");
        CurrencyAmounts.RequireExact(unitPrice, Currency, "Unit price");
        var item = new OrderItem(this, productId, variantId, sku, name, variantTitle, quantity, unitPrice);
        _items.Add(item);
        // An existing discount keeps its amount and is spread again, now over every line.
        SpreadDiscount(DiscountTotal);
        return item;
    }

    /// <summary>An order discount of a fixed amount (e.g. a coupon), spread over the lines in proportion to their amounts.</summary>
    public void ApplyDiscount(decimal amount, string? couponCode = null)
    {
        RequirePending();
        CurrencyAmounts.RequireExact(amount, Currency, "Discount");
        if (amount > Subtotal)
            throw new ArgumentOutOfRangeException(nameof(amount), amount,
                $"A discount of {amount} {Currency} exceeds order {Number}'s subtotal of {Subtotal} {Currency}.");
        CouponCode = couponCode is null ? null : Coupon.NormalizeCode(couponCode);
        SpreadDiscount(amount);
    }

    /// <summary>A discount of <paramref name="percent"/> % of the subtotal, rounded to the currency's minor unit.</summary>
    public void ApplyPercentDiscount(decimal percent, string? couponCode = null)
    {
        if (percent is < 0 or > 100)
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "A percentage discount lies between 0 and 100.");
        ApplyDiscount(CurrencyAmounts.Round(Subtotal * percent / 100m, Currency), couponCode);
    }

    public void SetShipping(decimal amount)
    {
        RequirePending();
        ShippingTotal = CurrencyAmounts.RequireExact(amount, Currency, "Shipping");
        Recalculate();
    }

    /// <summary>The tax as the tax rules computed it, rounded to the currency's minor unit.</summary>
    public void SetTax(decimal amount)
    {
        RequirePending();
        if (amount < 0) throw new ArgumentOutOfRangeException(nameof(amount), amount, $"Tax cannot be negative ({amount} {Currency}).");
        TaxTotal = CurrencyAmounts.Round(amount, Currency);
        Recalculate();
    }

    private void RequirePending()
    {
        if (Status != OrderStatus.Pending)
            throw new InvalidOperationException($"Order {Number} is {Status}: its lines and totals are fixed once it leaves Pending.");
    }

    /// <summary>
    /// Largest-remainder split in minor units: each line gets its proportional share rounded down, and the
    /// units left over go to the lines that lost the most, so the line discounts add up to the amount exactly
    /// and no line is discounted below zero.
    /// </summary>
    private void SpreadDiscount(decimal amount)
    {
        var unit = CurrencyAmounts.MinorUnit(Currency);
        var gross = _items.Sum(i => i.Gross);
        var units = amount / unit;
        var shares = _items.Select((item, index) =>
        {
            var exact = gross == 0 ? 0 : units * item.Gross / gross;
            return (Item: item, Index: index, Floor: Math.Floor(exact), Remainder: exact - Math.Floor(exact));
        }).ToList();
        var left = units - shares.Sum(s => s.Floor);
        var extra = shares.OrderByDescending(s => s.Remainder).ThenBy(s => s.Index).Take((int)left).Select(s => s.Index).ToHashSet();
        foreach (var share in shares)
            share.Item.SetDiscount((share.Floor + (extra.Contains(share.Index) ? 1 : 0)) * unit);
        Recalculate();
    }

    private void Recalculate()
    {
        Subtotal = _items.Sum(i => i.Gross);
        DiscountTotal = _items.Sum(i => i.Discount);
        GrandTotal = Subtotal - DiscountTotal + ShippingTotal + TaxTotal;
    }
}
