using Avnera.Data.Common;

namespace Avnera.Data.Products;

/// <summary>A product picture; when <see cref="VariantId"/> is set it shows that variant (e.g. the red one).</summary>
public class ProductImage : TenantEntity
{
    public Guid ProductId { get; set; }
    public Product? Product { get; set; }
    public Guid? VariantId { get; set; }
    public ProductVariant? Variant { get; set; }
    public required string Url { get; set; }
    public string? AltText { get; set; }
    public int Position { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
}
