namespace Avnera.Data.Common;

/// <summary>
/// The one way an entity's status changes: a table of legal next states per state, checked before the
/// change. An illegal change throws instead of being ignored (a silently skipped "mark paid" is how money
/// and orders drift apart), with the subject and both states in the message.
/// </summary>
public static class StatusTransitions
{
    public static bool Allows<TStatus>(this IReadOnlyDictionary<TStatus, TStatus[]> allowed, TStatus from, TStatus to)
        where TStatus : struct, Enum =>
        allowed.TryGetValue(from, out var next) && next.Contains(to);

    /// <summary>Throws <see cref="InvalidOperationException"/> unless <paramref name="from"/> may move to <paramref name="to"/>.</summary>
    public static void Require<TStatus>(this IReadOnlyDictionary<TStatus, TStatus[]> allowed, TStatus from, TStatus to, string subject)
        where TStatus : struct, Enum
    {
        if (!allowed.Allows(from, to))
            throw new InvalidOperationException($"{subject} cannot move from {from} to {to}.");
    }
}
