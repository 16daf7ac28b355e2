using Avnera.Data.Common;

namespace Avnera.Data.Products;

public enum AttributeKind { Select, Text, Number }

/// <summary>
/// A property products can have (size, colour, material). Filterable attributes become storefront facets;
/// variant options distinguish the variants of one product.
/// </summary>
public class ProductAttribute : TenantEntity
{
    /// <summary>Stable machine name, unique in the store, e.g. "size" or "colour".</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public AttributeKind Kind { get; set; } = AttributeKind.Select;
    public bool IsFilterable { get; set; }
    public bool IsVariantOption { get; set; }
    public int Position { get; set; }
}

/// <summary>
/// The value of an attribute for a product, or for one of its variants when <see cref="VariantId"/> is set.
/// <see cref="Value"/> is always filled (facets group on it); <see cref="NumericValue"/> also for Number
/// attributes, for range filters.
/// </summary>
public class ProductAttributeValue : TenantEntity
{
    public Guid ProductId { get; set; }
    public Product? Product { get; set; }
    public Guid? VariantId { get; set; }
    public ProductVariant? Variant { get; set; }
    public Guid AttributeId { get; set; }
    public ProductAttribute? Attribute { get; set; }
    public required string Value { get; set; }
    public decimal? NumericValue { get; set; }
}
