using Avnera.Data.Common;

namespace Avnera.Data.Orders;

public enum CouponKind { Percent, FixedAmount, FreeShipping }

/// <summary>
/// A discount code. Codes are matched case-insensitively: the entity stores them upper-cased (trimmed), so a
/// plain unique index on (store_id, code) enforces uniqueness; look codes up with <see cref="NormalizeCode"/>.
/// </summary>
public class Coupon : TenantEntity
{
    private string _code = "";

    public required string Code
    {
        get => _code;
        set => _code = NormalizeCode(value);
    }

    public CouponKind Kind { get; set; }
    /// <summary>Percent (0-100) for <see cref="CouponKind.Percent"/>, an amount for FixedAmount, unused for FreeShipping.</summary>
    public decimal Value { get; set; }
    public decimal? MinSubtotal { get; set; }
    public DateTimeOffset StartsAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? EndsAt { get; set; }
    public int? UsageLimit { get; set; }
    public int? UsageLimitPerCustomer { get; set; }
    public int TimesUsed { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    public static string NormalizeCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Trim().ToUpperInvariant();
    }
}

/// <summary>One use of a coupon by an order (at most once per order).</summary>
public class CouponUsage : TenantEntity
{
    public Guid CouponId { get; set; }
    public Coupon? Coupon { get; set; }
    public Guid OrderId { get; set; }
    public Order? Order { get; set; }
    public Guid CustomerId { get; set; }
    public Customer? Customer { get; set; }
    public DateTimeOffset UsedAt { get; set; } = DateTimeOffset.UtcNow;
}
