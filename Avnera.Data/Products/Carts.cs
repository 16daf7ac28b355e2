using Avnera.Data.Common;

namespace Avnera.Data.Products;

/// <summary>
/// A shopper's cart: of a signed-in user (<see cref="UserId"/>) or of a guest (<see cref="AnonymousToken"/>,
/// the value of the cart cookie). At most one cart per user and per token in a store.
/// </summary>
public class ShoppingCart : TenantEntity
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(30);

    /// <summary>User in the Master database (no foreign key across databases).</summary>
    public Guid? UserId { get; set; }
    public string? AnonymousToken { get; set; }
    /// <summary>ISO 4217 code, e.g. EUR.</summary>
    public required string Currency { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset ExpiresAt { get; set; } = DateTimeOffset.UtcNow + DefaultLifetime;
    public List<ShoppingCartItem> Items { get; set; } = [];
}

/// <summary>A variant in a cart, with the unit price seen when it was added.</summary>
public class ShoppingCartItem : TenantEntity
{
    public const int MaxQuantity = 999;

    public Guid CartId { get; set; }
    public ShoppingCart? Cart { get; set; }
    public Guid VariantId { get; set; }
    public ProductVariant? Variant { get; set; }
    public int Quantity { get; set; } = 1;
    /// <summary>Snapshot of the price when added; checkout re-prices and tells the shopper of a change.</summary>
    public decimal UnitPrice { get; set; }
    public DateTimeOffset AddedAt { get; set; } = DateTimeOffset.UtcNow;
}
