using Avnera.Data.Common;
using NpgsqlTypes;

namespace Avnera.Data.Products;

/// <summary>
/// The full-text search document of a product (one row per product), rebuilt when the product changes.
/// <see cref="Config"/> is the PostgreSQL text search configuration the document was built with; queries
/// must use the same one.
/// </summary>
public class ProductSearch : ITenantEntity
{
    public Guid StoreId { get; set; }
    public Guid ProductId { get; set; }
    public Product? Product { get; set; }
    public required string Language { get; set; }
    /// <summary>Text search configuration name, e.g. 'english' or 'simple'.</summary>
    public required string Config { get; set; }
    public NpgsqlTsVector Document { get; set; } = NpgsqlTsVector.Empty;
    /// <summary>The product name, for trigram (typo-tolerant) search.</summary>
    public required string Name { get; set; }
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

    // A copy of the product's listing columns, kept current by a trigger on products, so a search is
    // answered from this table alone (no join to products for thousands of matches).
    public Guid? CategoryId { get; set; }
    public decimal Price { get; set; }
    public bool InStock { get; set; }
    public List<string> FacetValues { get; set; } = [];
    public DateTimeOffset? PublishedAt { get; set; }
    public decimal RatingAverage { get; set; }
    public int RatingCount { get; set; }
}

/// <summary>
/// A word of the store's published catalog (product names and attribute values) in one language: the
/// vocabulary a misspelt search term is corrected against (trigram similarity, pg_trgm). Rebuilt by
/// <see cref="ProductSearchIndex.RefreshAsync"/>; only words of published products, so drafts never surface
/// as suggestions.
/// </summary>
public class SearchTerm : ITenantEntity
{
    public Guid StoreId { get; set; }
    public required string Language { get; set; }
    public required string Term { get; set; }
}
