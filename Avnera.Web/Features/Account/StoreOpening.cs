using Avnera.Data.Master;
using Avnera.Data.Security;
using Avnera.Data.Tenancy;
using Avnera.Web.Auth.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Avnera.Web.Features.Account;

/// <summary>Avnera:Stores — what a person may open by themselves (plans will set their own limits later).</summary>
public sealed class StoreOpeningOptions
{
    /// <summary>Stores one person may own (deleted ones do not count).</summary>
    public int MaxPerPerson { get; set; } = 3;
}

public sealed record StoreRequest(string Name, string Slug, string Currency);

/// <summary>
/// A person opens a store (/account/stores/new): a valid, unreserved address, within the number of stores one person
/// may own, then the create-store workflow. Operators' tooling and demo data call the provisioner directly.
/// </summary>
public sealed class StoreOpening(
    StoreProvisioner provisioner, IDbContextFactory<MasterDbContext> master, SessionService sessions, StoreOpeningOptions options)
{
    public abstract record Outcome
    {
        public sealed record Opened(string Slug) : Outcome;
        public sealed record Refused(string Message) : Outcome;
    }

    public string LimitMessage => options.MaxPerPerson == 1
        ? "You already have a store, the most one person can open for now. Contact us to open more."
        : $"You already have {options.MaxPerPerson} stores, the most one person can open for now. Contact us to open more.";

    public async Task<Outcome> OpenAsync(HttpContext http, StoreRequest request, CancellationToken ct = default)
    {
        var userId = SessionService.UserId(http.User) ?? throw new InvalidOperationException("Opening a store needs a signed-in person.");
        var slug = request.Slug.Trim().ToLowerInvariant();
        if (StoreProvisioner.ValidateSlug(slug) is { } invalid) return new Outcome.Refused(invalid);

        // One opening per person at a time (advisory lock for this transaction): two forms posted at once cannot both
        // pass the count.
        await using var db = await master.CreateAsync(DbPrincipal.Service, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"select pg_advisory_xact_lock({LockSpace}, {LockKey(userId)})", ct);
        var owned = await db.Stores.Where(s => s.OwnerUserId == userId && s.Status != StoreStatus.Deleted)
            .Select(s => s.Slug).ToListAsync(ct);
        // The same address again is a retry of an interrupted opening: it continues whatever the count.
        if (owned.Count >= options.MaxPerPerson && !owned.Contains(slug)) return new Outcome.Refused(LimitMessage);
        try
        {
            var culture = request.Currency switch { "USD" => "en-US", "GBP" => "en-GB", _ => "en-IE" };
            var email = http.User.FindFirst("email")?.Value ?? "";
            var storeId = await provisioner.ProvisionAsync(new NewStore(userId, slug, request.Name.Trim(), email, request.Currency, culture), ct);
            await sessions.LogAsync(userId, ActivityKind.StoreCreated, http, new { store = storeId, slug }, ct);
        }
        catch (SlugTakenException)
        {
            return new Outcome.Refused($"The address /s/{slug} is taken. Choose another.");
        }
        await tx.CommitAsync(ct);
        return new Outcome.Opened(slug);
    }

    /// <summary>The two-key form keeps these locks apart from any other advisory lock in Master.</summary>
    private const int LockSpace = 0x41564e01;

    private static int LockKey(Guid userId)
    {
        var bytes = userId.ToByteArray();
        return BitConverter.ToInt32(bytes, 0) ^ BitConverter.ToInt32(bytes, 4) ^ BitConverter.ToInt32(bytes, 8) ^ BitConverter.ToInt32(bytes, 12);
    }
}
