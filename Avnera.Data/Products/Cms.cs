using Avnera.Data.Common;

namespace Avnera.Data.Products;

public enum CmsBlockKind { Hero, FeaturedCollection, Text, Image, ProductGrid }

/// <summary>
/// A content page of the storefront (home, about, shipping policy) in one language; published, unpublished
/// and archived like a product (<see cref="Publishing.AllowedTransitions"/>).
/// </summary>
public class CmsPage : Publishable
{
    private CmsPage() { } // EF

    public CmsPage(DateTimeOffset createdAt) => CreatedAt = UpdatedAt = createdAt;

    public required string Slug { get; set; }
    /// <summary>BCP 47 language tag, e.g. fr or pt-BR.</summary>
    public required string Language { get; set; }
    public required string Title { get; set; }
    public string? MetaTitle { get; set; }
    public string? MetaDescription { get; set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public List<CmsBlock> Blocks { get; set; } = [];

    protected override string Subject => $"Page '{Slug}' ({Language})";
}

/// <summary>A section of a page; <see cref="Content"/> holds its kind-specific settings as a JSON object.</summary>
public class CmsBlock : TenantEntity
{
    public Guid PageId { get; set; }
    public CmsPage? Page { get; set; }
    public CmsBlockKind Kind { get; set; }
    public int Position { get; set; }
    /// <summary>JSON object (jsonb).</summary>
    public string Content { get; set; } = "{}";
}
