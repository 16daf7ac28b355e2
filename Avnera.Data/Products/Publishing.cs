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

    /// <returns><paramref name="to"/>, when the move is allowed; throws otherwise.</returns>
    internal static PublishStatus Move(PublishStatus from, PublishStatus to, string subject)
    {
        AllowedTransitions.Require(from, to, subject);
        return to;
    }
}
