using Avnera.Data.Common;

namespace Avnera.Data.Products;

public enum CmsBlockKind { Hero, FeaturedCollection, Text, Image, ProductGrid }

/// <summary>
/// A content page of the storefront (home, about, shipping policy) in one language; published, unpublished
/// and archived like a product (<see cref="Publishing.AllowedTransitions"/>).
/// </summary>
public class CmsPage : TenantEntity
{
    private CmsPage() { } // EF

    public CmsPage(DateTimeOffset createdAt) => CreatedAt = UpdatedAt = createdAt;

    public required string Slug { get; set; }
    /// <summary>BCP 47 language tag, e.g. fr or pt-BR.</summary>
    public required string Language { get; set; }
    public required string Title { get; set; }
    public PublishStatus Status { get; private set; } = PublishStatus.Draft;
    public string? MetaTitle { get; set; }
    public string? MetaDescription { get; set; }
    /// <summary>First publication; kept when the page is unpublished and published again.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>Last change; content edits set it, status changes stamp it.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
    public List<CmsBlock> Blocks { get; set; } = [];

    public void Publish(DateTimeOffset now)
    {
        MoveTo(PublishStatus.Published, now);
        PublishedAt ??= now;
    }

    public void Unpublish(DateTimeOffset now) => MoveTo(PublishStatus.Draft, now);

    public void Archive(DateTimeOffset now) => MoveTo(PublishStatus.Archived, now);

    private void MoveTo(PublishStatus next, DateTimeOffset now)
    {
        Status = Publishing.Move(Status, next, $"Page '{Slug}' ({Language})");
        UpdatedAt = now;
    }
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
