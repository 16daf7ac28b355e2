using Avnera.Data.Common;

namespace Avnera.Data.Products;

public enum CmsBlockKind { Hero, FeaturedCollection, Text, Image, ProductGrid }

/// <summary>A content page of the storefront (home, about, shipping policy) in one language.</summary>
public class CmsPage : TenantEntity
{
    public required string Slug { get; set; }
    /// <summary>BCP 47 language tag, e.g. fr or pt-BR.</summary>
    public required string Language { get; set; }
    public required string Title { get; set; }
    public PublishStatus Status { get; set; } = PublishStatus.Draft;
    public string? MetaTitle { get; set; }
    public string? MetaDescription { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
    public List<CmsBlock> Blocks { get; set; } = [];
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
