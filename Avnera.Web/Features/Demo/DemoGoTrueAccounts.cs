using Avnera.Web.Auth.Supabase;

namespace Avnera.Web.Features.Demo;

/// <summary>
/// Supabase mode: the demo people's accounts at Supabase Auth (GoTrue), created through the admin API with the
/// service key, confirmed, with the demo password and <b>the Master person's id as GoTrue's id</b>. The app
/// finds the person of a sign-in by the token's <c>sub</c>, so the ids must match; an address already used by
/// another GoTrue user is not merged (the sign-in would be refused) but reported for the operator to resolve.
/// </summary>
public sealed class DemoGoTrueAccounts(GoTrueClient gotrue, ILogger<DemoGoTrueAccounts> logger)
{
    public sealed record Person(Guid Id, string Email, string DisplayName);

    /// <summary>What happened to each person, for the log and for tests.</summary>
    public enum Outcome { Created, AlreadyThere, Conflict, Failed }

    public async Task<IReadOnlyDictionary<string, Outcome>> EnsureAsync(IEnumerable<Person> people, string password, CancellationToken ct = default)
    {
        var outcomes = new Dictionary<string, Outcome>();
        foreach (var person in people)
        {
            outcomes[person.Email] = await EnsureAsync(person, password, ct);
        }
        return outcomes;
    }

    private async Task<Outcome> EnsureAsync(Person person, string password, CancellationToken ct)
    {
        try
        {
            if (await gotrue.GetUserByIdAsync(person.Id, ct) is { } existing)
            {
                if (string.Equals(existing.Email, person.Email, StringComparison.OrdinalIgnoreCase)) return Outcome.AlreadyThere;
                logger.LogWarning("Supabase Auth has user {Id} with another address ({Email}); demo person {Demo} cannot sign in", person.Id, existing.Email, person.Email);
                return Outcome.Conflict;
            }
            var created = await gotrue.CreateUserAsync(person.Email, password, emailConfirm: true, id: person.Id,
                userMetadata: new Dictionary<string, object?> { ["display_name"] = person.DisplayName }, ct: ct);
            if (created.Id == person.Id) return Outcome.Created;
            logger.LogWarning("Supabase Auth gave demo person {Email} the id {GoTrueId}, not {Id} (a GoTrue without admin create's id?); " +
                              "sign-in will be refused. Delete that user in Supabase and seed again", person.Email, created.Id, person.Id);
            return Outcome.Conflict;
        }
        catch (GoTrueException e) when (e.ErrorCode is "email_exists" or "user_already_exists")
        {
            logger.LogWarning("Supabase Auth already has a user {Email} with another id than the demo person's {Id}; sign-in will be refused. " +
                              "Delete that user in Supabase and seed again", person.Email, person.Id);
            return Outcome.Conflict;
        }
        catch (GoTrueException e)
        {
            // Demo data must not stop the app from starting; the rest of the demo is loaded.
            logger.LogWarning("Could not create demo person {Email} at Supabase Auth: {Error}", person.Email, e.Message);
            return Outcome.Failed;
        }
    }
}
