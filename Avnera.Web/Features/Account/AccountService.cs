using Avnera.Data.Security;
using System.ComponentModel.DataAnnotations;
using Avnera.Data.Common;
using Avnera.Data.Master;
using Avnera.Web.Auth.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Avnera.Web.Features.Account;

public sealed class ProfileInput
{
    [StringLength(200)] public string? DisplayName { get; set; }
    [StringLength(100)] public string? FirstName { get; set; }
    [StringLength(100)] public string? LastName { get; set; }
    [StringLength(40), RegularExpression(@"^\+?[0-9 ()./-]{5,40}$", ErrorMessage = "Enter a valid phone number, e.g. +33 4 12 34 56 78.")] public string? Phone { get; set; }
    [Required, RegularExpression("^(en|fr|de|es)$", ErrorMessage = "Choose a language from the list.")] public string Language { get; set; } = "en";
    [Required, RegularExpression("^(EUR|USD|GBP)$", ErrorMessage = "Choose a currency from the list.")] public string Currency { get; set; } = "EUR";
    public bool MarketingOptIn { get; set; }
}

/// <summary>The address form; what it may hold is <see cref="PostalAddress.Validate"/>'s to say, shown beside each field.</summary>
public sealed class AddressInput : IPostalAddressFields, IValidatableObject
{
    public Guid? Id { get; set; }
    public string? Label { get; set; }
    public string? RecipientName { get; set; }
    public string? Line1 { get; set; }
    public string? Line2 { get; set; }
    public string? City { get; set; }
    public string? Region { get; set; }
    public string? PostalCode { get; set; }
    public string? CountryCode { get; set; }
    public string? Phone { get; set; }
    public bool IsDefaultShipping { get; set; }
    public bool IsDefaultBilling { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => PostalAddress.Validate(this);

    public static AddressInput From(UserAddress a) => new()
    {
        Id = a.Id, Label = a.Label, RecipientName = a.RecipientName, Line1 = a.Line1, Line2 = a.Line2, City = a.City,
        Region = a.Region, PostalCode = a.PostalCode, CountryCode = a.CountryCode, Phone = a.Phone,
        IsDefaultShipping = a.IsDefaultShipping, IsDefaultBilling = a.IsDefaultBilling,
    };
}

public sealed record SessionRow(Guid Id, string? Device, string? IpAddress, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, bool Current);
public sealed record ActivityRow(ActivityKind Kind, string? IpAddress, DateTimeOffset OccurredAt);

/// <summary>
/// A person's own account data. Every query is keyed by the signed-in user's id, never by input, and runs as
/// that person: Row Level Security would hide anyone else's rows even if a query forgot its filter.
/// </summary>
public sealed class AccountService(IDbContextFactory<MasterDbContext> master, SessionService sessions)
{
    public async Task<ProfileInput> GetProfileAsync(Guid userId, CancellationToken ct = default)
    {
        await using var db = await master.CreateAsync(DbPrincipal.Person(userId), ct);
        var user = await db.Users.AsNoTracking().Include(u => u.Profile).Include(u => u.Preferences).SingleAsync(u => u.Id == userId, ct);
        return new ProfileInput
        {
            DisplayName = user.DisplayName, FirstName = user.Profile?.FirstName, LastName = user.Profile?.LastName, Phone = user.Profile?.Phone,
            Language = user.Preferences?.Language ?? "en", Currency = user.Preferences?.Currency ?? "EUR",
            MarketingOptIn = user.Preferences?.MarketingOptIn ?? false,
        };
    }

    public async Task SaveProfileAsync(Guid userId, ProfileInput input, HttpContext http, CancellationToken ct = default)
    {
        await using var db = await master.CreateAsync(DbPrincipal.Person(userId), ct);
        var user = await db.Users.Include(u => u.Profile).Include(u => u.Preferences).SingleAsync(u => u.Id == userId, ct);
        var now = DateTimeOffset.UtcNow;
        user.DisplayName = Blank(input.DisplayName);
        user.UpdatedAt = now;
        user.Profile ??= new UserProfile { UserId = userId };
        user.Profile.FirstName = Blank(input.FirstName);
        user.Profile.LastName = Blank(input.LastName);
        user.Profile.Phone = Blank(input.Phone);
        user.Profile.UpdatedAt = now;
        user.Preferences ??= new UserPreferences { UserId = userId };
        user.Preferences.Language = input.Language;
        user.Preferences.Currency = input.Currency;
        user.Preferences.MarketingOptIn = input.MarketingOptIn;
        user.Preferences.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await sessions.LogAsync(userId, ActivityKind.ProfileChanged, http, ct: ct);
    }

    public async Task<IReadOnlyList<UserAddress>> AddressesAsync(Guid userId, CancellationToken ct = default)
    {
        await using var db = await master.CreateAsync(DbPrincipal.Person(userId), ct);
        return await db.UserAddresses.AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.CreatedAt).ToListAsync(ct);
    }

    /// <summary>Adds or updates one of the person's addresses; false when the id is not theirs.</summary>
    public async Task<bool> SaveAddressAsync(Guid userId, AddressInput input, HttpContext http, CancellationToken ct = default)
    {
        await using var db = await master.CreateAsync(DbPrincipal.Person(userId), ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        UserAddress? address;
        if (input.Id is { } id)
        {
            address = await db.UserAddresses.SingleOrDefaultAsync(a => a.Id == id && a.UserId == userId, ct);
            if (address is null) return false;
        }
        else
        {
            address = new UserAddress { UserId = userId };
            db.UserAddresses.Add(address);
        }
        address.Assign(input);
        // One default of each kind: clear the others first (a unique index guards it too).
        if (input.IsDefaultShipping)
            await db.UserAddresses.Where(a => a.UserId == userId && a.Id != address.Id && a.IsDefaultShipping)
                .ExecuteUpdateAsync(a => a.SetProperty(x => x.IsDefaultShipping, false), ct);
        if (input.IsDefaultBilling)
            await db.UserAddresses.Where(a => a.UserId == userId && a.Id != address.Id && a.IsDefaultBilling)
                .ExecuteUpdateAsync(a => a.SetProperty(x => x.IsDefaultBilling, false), ct);
        address.IsDefaultShipping = input.IsDefaultShipping;
        address.IsDefaultBilling = input.IsDefaultBilling;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await sessions.LogAsync(userId, ActivityKind.AddressChanged, http, new { address = address.Id }, ct);
        return true;
    }

    public async Task<bool> DeleteAddressAsync(Guid userId, Guid addressId, HttpContext http, CancellationToken ct = default)
    {
        await using var db = await master.CreateAsync(DbPrincipal.Person(userId), ct);
        var deleted = await db.UserAddresses.Where(a => a.Id == addressId && a.UserId == userId).ExecuteDeleteAsync(ct);
        if (deleted > 0) await sessions.LogAsync(userId, ActivityKind.AddressChanged, http, new { deleted = addressId }, ct);
        return deleted > 0;
    }

    public async Task<IReadOnlyList<SessionRow>> SessionsAsync(Guid userId, Guid? current, CancellationToken ct = default)
    {
        await using var db = await master.CreateAsync(DbPrincipal.Person(userId), ct);
        return await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId && s.RevokedAt == null)
            .OrderByDescending(s => s.LastSeenAt)
            .Select(s => new SessionRow(s.Id, s.Device, s.IpAddress, s.CreatedAt, s.LastSeenAt, s.Id == current)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<ActivityRow>> ActivityAsync(Guid userId, CancellationToken ct = default)
    {
        await using var db = await master.CreateAsync(DbPrincipal.Person(userId), ct);
        return await db.UserActivityLogs.AsNoTracking().Where(l => l.UserId == userId)
            .OrderByDescending(l => l.OccurredAt).Take(20)
            .Select(l => new ActivityRow(l.Kind, l.IpAddress, l.OccurredAt)).ToListAsync(ct);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
