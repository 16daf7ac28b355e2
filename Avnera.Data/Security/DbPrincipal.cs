using System.Text.Json;
using System.Text.Json.Nodes;

namespace Avnera.Data.Security;

/// <summary>The PostgreSQL group role a unit of work runs as (Supabase's names).</summary>
public enum DbRole
{
    /// <summary>A visitor who is not signed in: the published catalog of one store, their own guest cart.</summary>
    Anon,
    /// <summary>A signed-in person: their own rows; store staff also their store's rows.</summary>
    Authenticated,
    /// <summary>The platform itself (sign-in, store registry, provisioning, jobs): every row.</summary>
    Service,
}

/// <summary>
/// Who a unit of work acts for, as PostgreSQL sees it: the role it switches to and the claims that
/// auth.uid(), auth.role(), auth.jwt() and the Row Level Security policies read. Every Avnera context runs
/// each transaction as one of these; a context without one has no privileges at all (fails closed).
/// </summary>
public sealed record DbPrincipal
{
    private DbPrincipal(DbRole role, Guid? userId, string? email, bool platformAdmin, string? storeRole, Guid? memberOf, string? cartToken)
    {
        Role = role;
        UserId = userId;
        Email = email;
        PlatformAdmin = platformAdmin;
        StoreRole = storeRole;
        MemberOf = memberOf;
        CartToken = cartToken;
    }

    public DbRole Role { get; }
    public Guid? UserId { get; }
    public string? Email { get; }
    public bool PlatformAdmin { get; }

    /// <summary>"owner" or "staff" of <see cref="MemberOf"/>, checked against store_members by the caller.</summary>
    public string? StoreRole { get; }

    /// <summary>
    /// The store the <see cref="StoreRole"/> is held in. The policies grant staff powers only when it is the
    /// store the unit of work is bound to: an owner of one store is nobody in another.
    /// </summary>
    public Guid? MemberOf { get; }

    /// <summary>The anonymous cart a visitor holds (cookie), so they reach that cart and no other.</summary>
    public string? CartToken { get; }

    public static DbPrincipal Anonymous { get; } = new(DbRole.Anon, null, null, false, null, null, null);

    /// <summary>The platform acting on its own behalf: sign-in, registry, provisioning, background jobs.</summary>
    public static DbPrincipal Service { get; } = new(DbRole.Service, null, null, false, null, null, null);

    public static DbPrincipal Person(Guid userId, string? email = null, bool platformAdmin = false)
    {
        if (userId == Guid.Empty) throw new ArgumentException("A person needs an id.", nameof(userId));
        return new(DbRole.Authenticated, userId, email, platformAdmin, null, null, null);
    }

    /// <summary>The same person as owner or staff of <paramref name="storeId"/>.</summary>
    public DbPrincipal AsStoreMember(string storeRole, Guid storeId)
    {
        if (Role != DbRole.Authenticated) throw new InvalidOperationException("Only a signed-in person can be a store member.");
        if (storeRole is not ("owner" or "staff")) throw new ArgumentOutOfRangeException(nameof(storeRole), storeRole, "owner or staff");
        if (storeId == Guid.Empty) throw new ArgumentException("A store membership names its store.", nameof(storeId));
        return new(Role, UserId, Email, PlatformAdmin, storeRole, storeId, CartToken);
    }

    public DbPrincipal WithCartToken(string? cartToken) =>
        Role == DbRole.Service ? this : new(Role, UserId, Email, PlatformAdmin, StoreRole, MemberOf, cartToken);

    /// <summary>Staff powers over <paramref name="storeId"/>: a member of it, or a platform admin.</summary>
    public bool IsStaffOf(Guid storeId) => MemberOf == storeId || PlatformAdmin;

    public string RoleName => Role switch
    {
        DbRole.Anon => "anon",
        DbRole.Authenticated => "authenticated",
        DbRole.Service => "service_role",
        _ => throw new ArgumentOutOfRangeException(nameof(Role)),
    };

    /// <summary>The request.jwt.claims document, shaped like a Supabase access token's payload.</summary>
    public string ClaimsJson()
    {
        var claims = new JsonObject { ["role"] = RoleName };
        if (UserId is { } id) claims["sub"] = id.ToString();
        if (Email is not null) claims["email"] = Email;
        if (PlatformAdmin) claims["platform_admin"] = true;
        if (StoreRole is not null) claims["store_role"] = StoreRole;
        if (MemberOf is { } store) claims["store_id"] = store.ToString();
        if (CartToken is not null) claims["cart_token"] = CartToken;
        return claims.ToJsonString(JsonOptions);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };

    public override string ToString() => UserId is { } id ? $"{RoleName}:{id}" : RoleName;
}

/// <summary>A context whose transactions run as a <see cref="DbPrincipal"/>, optionally pinned to a store.</summary>
public interface IRowSecuredContext
{
    /// <summary>Null: no role is assumed (the connection's own privileges; none for the app role).</summary>
    DbPrincipal? Principal { get; }

    /// <summary>The store app.store_id() answers, or null.</summary>
    Guid? RowStoreId { get; }

    /// <summary>The database's claims key (<see cref="ClaimsKeys"/>); without it the claims are not believed.</summary>
    byte[]? ClaimsKey { get; }
}
