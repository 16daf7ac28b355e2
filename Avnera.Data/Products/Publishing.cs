using Avnera.Data.Common;

namespace Avnera.Data.Products;

public enum PublishStatus { Draft, Published, Archived }

/// <summary>
/// The publication rule shared by products and CMS pages: a draft is published or archived; a published
/// item goes back to draft or is archived; an archived one comes back only as a draft (looked at again
/// before it is shown).
/// </summary>
public static class Publishing
{
    public static readonly IReadOnlyDictionary<PublishStatus, PublishStatus[]> AllowedTransitions =
        new Dictionary<PublishStatus, PublishStatus[]>
        {
            [PublishStatus.Draft] = [PublishStatus.Published, PublishStatus.Archived],
            [PublishStatus.Published] = [PublishStatus.Draft, PublishStatus.Archived],
            [PublishStatus.Archived] = [PublishStatus.Draft],
        };

}

/// <summary>
/// A tenant row that is published along <see cref="Publishing.AllowedTransitions"/> (products, CMS pages):
/// status, first publication and last change, moved only by the methods here. Not an EF type of its own;
/// its properties are columns of each derived table.
/// </summary>
public abstract class Publishable : TenantEntity
{
    public PublishStatus Status { get; private set; } = PublishStatus.Draft;
    /// <summary>First publication; kept when the row is unpublished and published again.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }
    /// <summary>Last change; content edits set it, status changes stamp it.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Names the row in error messages.</summary>
    protected abstract string Subject { get; }

    public void Publish(DateTimeOffset now)
    {
        MoveTo(PublishStatus.Published, now);
        PublishedAt ??= now;
    }

    /// <summary>Back to draft: hidden from the storefront (also how an archived row returns).</summary>
    public void Unpublish(DateTimeOffset now) => MoveTo(PublishStatus.Draft, now);

    public void Archive(DateTimeOffset now) => MoveTo(PublishStatus.Archived, now);

    private void MoveTo(PublishStatus next, DateTimeOffset now)
    {
        Publishing.AllowedTransitions.Require(Status, next, Subject);
        Status = next;
        UpdatedAt = now;
    }
}
