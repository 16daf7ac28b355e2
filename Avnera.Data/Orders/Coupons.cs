using Avnera.Data.Common;

namespace Avnera.Data.Orders;

public enum CouponKind { Percent, FixedAmount, FreeShipping }

/// <summary>
/// A discount code. Codes are matched case-insensitively: the entity stores them upper-cased (trimmed), so a
/// plain unique index on (store_id, code) enforces uniqueness; look codes up with <see cref="NormalizeCode"/>.
/// A use is counted only through <see cref="Redeem"/>, which checks the coupon's own rules first.
/// </summary>
public class Coupon : TenantEntity
{
    private string _code = "";

    private Coupon() { } // EF

    /// <param name="createdAt">Also when the coupon starts to apply, unless <see cref="StartsAt"/> says otherwise.</param>
    public Coupon(DateTimeOffset createdAt) => CreatedAt = StartsAt = createdAt;

    public required string Code
    {
        get => _code;
        set => _code = NormalizeCode(value);
    }

    public CouponKind Kind { get; set; }
    /// <summary>Percent (0-100) for <see cref="CouponKind.Percent"/>, an amount for FixedAmount, unused for FreeShipping.</summary>
    public decimal Value { get; set; }
    public decimal? MinSubtotal { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset? EndsAt { get; set; }
    public int? UsageLimit { get; set; }
    public int? UsageLimitPerCustomer { get; set; }
    public int TimesUsed { get; private set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; private set; }

    public static string NormalizeCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Trim().ToUpperInvariant();
    }

    /// <summary>Why the coupon cannot be used on <paramref name="order"/> now, or null when it can.</summary>
    public string? Refusal(Order order, int usesByCustomer, DateTimeOffset now) => this switch
    {
        { IsActive: false } => $"The code {Code} is no longer valid.",
        _ when now < StartsAt || now >= EndsAt => $"The code {Code} is not valid at this time.",
        { UsageLimit: { } limit } when TimesUsed >= limit => $"The code {Code} has been used up.",
        { UsageLimitPerCustomer: { } perCustomer } when usesByCustomer >= perCustomer => $"You have already used the code {Code}.",
        { MinSubtotal: { } minimum } when order.Subtotal < minimum => $"The code {Code} applies from {minimum} {order.Currency}.",
        _ => null,
    };

    /// <summary>Counts one use by <paramref name="order"/> and returns its usage row, to add in the same SaveChanges.</summary>
    /// <param name="usesByCustomer">How often the order's customer used this coupon before.</param>
    public CouponUsage Redeem(Order order, int usesByCustomer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (Refusal(order, usesByCustomer, now) is { } refusal) throw new InvalidOperationException(refusal);
        TimesUsed++;
        return new CouponUsage(this, order, now);
    }
}

/// <summary>One use of a coupon by an order (at most once per order); written only by <see cref="Coupon.Redeem"/>.</summary>
public class CouponUsage : TenantEntity
{
    private CouponUsage() { } // EF

    internal CouponUsage(Coupon coupon, Order order, DateTimeOffset usedAt)
    {
        StoreId = coupon.StoreId;
        Coupon = coupon;
        CouponId = coupon.Id;
        Order = order;
        OrderId = order.Id;
        Customer = order.Customer;
        CustomerId = order.Customer?.Id ?? order.CustomerId;
        UsedAt = usedAt;
    }

    public Guid CouponId { get; private set; }
    public Coupon? Coupon { get; private set; }
    public Guid OrderId { get; private set; }
    public Order? Order { get; private set; }
    public Guid CustomerId { get; private set; }
    public Customer? Customer { get; private set; }
    public DateTimeOffset UsedAt { get; private set; }
}
