using Avnera.Data.Common;

namespace Avnera.Data.Products;

/// <summary>
/// A product's name and description in one of the store's languages. The product row holds the default
/// language; a translation overrides it for <see cref="Language"/>.
/// </summary>
public class ProductTranslation : ITenantEntity
{
    public Guid StoreId { get; set; }
    public Guid ProductId { get; set; }
    public Product? Product { get; set; }
    /// <summary>BCP 47 language tag, e.g. fr or pt-BR.</summary>
    public required string Language { get; set; }
    public required string Name { get; set; }
    /// <summary>Markdown; rendered safely (no raw HTML) on the storefront.</summary>
    public string? Description { get; set; }
}

/// <summary>A category's name and description in one of the store's languages.</summary>
public class CategoryTranslation : ITenantEntity
{
    public Guid StoreId { get; set; }
    public Guid CategoryId { get; set; }
    public Category? Category { get; set; }
    /// <summary>BCP 47 language tag, e.g. fr or pt-BR.</summary>
    public required string Language { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
}
