using Avnera.Data.Common;

namespace Avnera.Data.Master;

/// <summary>
/// Everyone who can sign in (store owners, staff, shoppers, platform admins). The id is the auth
/// provider's user id (Supabase auth.users.id, or the embedded provider's id).
/// </summary>
public class User
{
    public Guid Id { get; set; }
    public required string Email { get; set; }
    public string? DisplayName { get; set; }
    public bool IsPlatformAdmin { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? LastSignInAt { get; set; }
    public UserProfile? Profile { get; set; }
    public UserPreferences? Preferences { get; set; }
    public List<UserAddress> Addresses { get; set; } = [];
}

public class UserProfile
{
    public Guid UserId { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Phone { get; set; }
    public string? AvatarUrl { get; set; }
    public DateOnly? BirthDate { get; set; }
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}

/// <summary>An address in a person's address book (the shape is <see cref="PostalAddress"/>).</summary>
public class UserAddress : PostalAddress
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}

public class UserPreferences
{
    public Guid UserId { get; set; }
    public string Language { get; set; } = "en";
    public string Currency { get; set; } = "EUR";
    public bool MarketingOptIn { get; set; }
    public string Timezone { get; set; } = "UTC";
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}

/// <summary>One signed-in browser or device. Revoked sessions are refused at the next request.</summary>
public class UserSession
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public string? Device { get; set; }
    public string? IpAddress { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset LastSeenAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? RevokedAt { get; set; }
    /// <summary>Supabase mode: the GoTrue access token, encrypted (never sent to the browser).</summary>
    public string? ProviderAccessToken { get; private set; }
    /// <summary>Supabase mode: the GoTrue refresh token, encrypted; single-use, replaced at every refresh.</summary>
    public string? ProviderRefreshToken { get; private set; }
    public DateTimeOffset? ProviderExpiresAt { get; private set; }

    /// <summary>Keeps the provider's tokens, already encrypted by the caller.</summary>
    public void StoreProviderTokens(string protectedAccessToken, string protectedRefreshToken, DateTimeOffset expiresAt)
    {
        ProviderAccessToken = protectedAccessToken;
        ProviderRefreshToken = protectedRefreshToken;
        ProviderExpiresAt = expiresAt;
    }
}

public enum ActivityKind { SignIn, SignOut, SignInFailed, PasswordChanged, ProfileChanged, AddressChanged, SessionRevoked, StoreCreated, OrderPlaced }

public class UserActivityLog
{
    public long Id { get; set; }
    public Guid UserId { get; set; }
    public ActivityKind Kind { get; set; }
    /// <summary>Details as JSON (jsonb).</summary>
    public string Details { get; set; } = "{}";
    public string? IpAddress { get; set; }
    public DateTimeOffset OccurredAt { get; set; } = DateTimeOffset.UtcNow;
}
