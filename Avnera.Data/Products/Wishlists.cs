using Avnera.Data.Common;

namespace Avnera.Data.Products;

/// <summary>A product (or one variant of it) a signed-in user saved for later; a row of the wishlists table.</summary>
public class WishlistItem : TenantEntity
{
    /// <summary>User in the Master database (no foreign key across databases).</summary>
    public Guid UserId { get; set; }
    public Guid ProductId { get; set; }
    public Product? Product { get; set; }
    public Guid? VariantId { get; set; }
    public ProductVariant? Variant { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}
