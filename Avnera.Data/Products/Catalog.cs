using Avnera.Data.Common;

namespace Avnera.Data.Products;

/// <summary>A node of the store's category tree.</summary>
public class Category : TenantEntity
{
    public Guid? ParentId { get; set; }
    public Category? Parent { get; set; }
    public List<Category> Children { get; set; } = [];
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public int Position { get; set; }
    public bool IsPublished { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public List<CategoryTranslation> Translations { get; set; } = [];
}

/// <summary>A product of the catalog. Its publication moves along <see cref="Publishing.AllowedTransitions"/>.</summary>
public class Product : Publishable
{
    private Product() { } // EF

    public Product(DateTimeOffset createdAt) => CreatedAt = UpdatedAt = createdAt;

    public required string Slug { get; set; }
    public required string Name { get; set; }
    /// <summary>Markdown; rendered safely (no raw HTML) on the storefront.</summary>
    public string? Description { get; set; }
    public string? Brand { get; set; }
    public Guid? CategoryId { get; set; }
    public Category? Category { get; set; }
    /// <summary>Price shown when a variant does not override it.</summary>
    public decimal Price { get; set; }
    public decimal? CompareAtPrice { get; set; }
    public decimal RatingAverage { get; set; }
    public int RatingCount { get; set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// Listing index, maintained by the database, never written by EF: "code:value" of every filterable
    /// attribute of the product and its active variants (rebuilt by <see cref="ProductSearchIndex"/>), so
    /// facets count and filter on the products table alone.
    /// </summary>
    public List<string> FacetValues { get; private set; } = [];

    /// <summary>Some active variant has stock available; kept current by a trigger on product_variants.</summary>
    public bool InStock { get; private set; }

    public List<ProductVariant> Variants { get; set; } = [];
    public List<ProductImage> Images { get; set; } = [];
    public List<ProductTranslation> Translations { get; set; } = [];
    /// <summary>Attribute values of the product and (with VariantId set) of its variants.</summary>
    public List<ProductAttributeValue> Attributes { get; set; } = [];

    protected override string Subject => $"Product '{Slug}'";
}
