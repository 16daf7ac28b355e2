using Avnera.Data.Security;
using System.Security.Claims;
using System.Text.Json;
using Avnera.Data.Master;
using Avnera.Data.Tenancy;
using Avnera.Web.Auth.Supabase;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Avnera.Web.Auth.Sessions;

/// <summary>
/// Browser sessions: every sign-in gets a new user_sessions row whose id travels in the cookie ("sid"), so a
/// session can be listed and revoked ("sign out other sessions") and a revoked one is refused at the next
/// request. Sign-in, sign-out and the rest of a person's security history go to user_activity_logs.
/// In Supabase mode the row also keeps GoTrue's tokens, encrypted; the cookie never holds more than the sid.
/// </summary>
public sealed class SessionService(IDbContextFactory<MasterDbContext> master, IMemoryCache cache, TimeProvider clock,
    ConnectionStringProtector protector, ILogger<SessionService> logger)
{
    public const string Scheme = "Avnera";
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(5);

    /// <summary>What a request needs to know about its session; cached up to 30 s per instance.</summary>
    public sealed record SessionState(bool Active, DateTimeOffset? ProviderExpiresAt);

    private static readonly SessionState Inactive = new(false, null);

    public async Task SignInAsync(HttpContext http, Guid userId, string email, ProviderTokens? tokens = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await master.CreateAsync(DbPrincipal.Service, ct);
        var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
        var session = new UserSession
        {
            UserId = userId, CreatedAt = now, LastSeenAt = now,
            Device = Truncate(http.Request.Headers.UserAgent.ToString(), 300), IpAddress = Ip(http),
        };
        if (tokens is not null) Store(session, tokens);
        db.UserSessions.Add(session);
        user.LastSignInAt = now;
        db.UserActivityLogs.Add(Log(userId, ActivityKind.SignIn, http, new { session = session.Id }));
        await db.SaveChangesAsync(ct);

        var identity = new ClaimsIdentity(
        [
            new Claim(AvneraClaims.Subject, userId.ToString()),
            new Claim(AvneraClaims.Email, email),
            new Claim(AvneraClaims.Role, AvneraClaims.AuthenticatedRole),
            new Claim(AvneraClaims.SessionId, session.Id.ToString()),
            new Claim(AvneraClaims.Name, user.DisplayName ?? email),
        ], Scheme, AvneraClaims.Name, AvneraClaims.Role);
        await http.SignInAsync(Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = true });
    }

    public async Task SignOutAsync(HttpContext http, CancellationToken ct = default)
    {
        if (UserId(http.User) is { } userId && SessionId(http.User) is { } sessionId)
        {
            await using var db = await master.CreateAsync(DbPrincipal.Service, ct);
            var row = await db.UserSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId, ct);
            if (row is { RevokedAt: null } && ReadTokens(row) is { } tokens && http.RequestServices.GetService<GoTrueClient>() is { } gotrue)
            {
                try
                {
                    await gotrue.SignOutAsync(tokens.AccessToken, SignOutScope.Local, ct);
                }
                catch (GoTrueException e)
                {
                    // Signing out here must not depend on GoTrue: the row is revoked below either way.
                    logger.LogWarning("GoTrue sign-out failed ({Code}); the session is ended locally", e.ErrorCode ?? e.StatusCode?.ToString() ?? "unreachable");
                }
            }
            await db.UserSessions.Where(s => s.Id == sessionId && s.RevokedAt == null)
                .RevokeAsync(clock.GetUtcNow(), ct);
            db.UserActivityLogs.Add(Log(userId, ActivityKind.SignOut, http, new { session = sessionId }));
            await db.SaveChangesAsync(ct);
            cache.Remove(CacheKey(sessionId));
        }
        await http.SignOutAsync(Scheme);
    }

    /// <summary>Revokes every session of the person but the current one; returns how many were ended.</summary>
    public async Task<int> RevokeOthersAsync(Guid userId, Guid currentSessionId, string? ip, CancellationToken ct = default)
    {
        await using var db = await master.CreateAsync(DbPrincipal.Service, ct);
        var ids = await db.UserSessions.Where(s => s.UserId == userId && s.Id != currentSessionId && s.RevokedAt == null)
            .Select(s => s.Id).ToListAsync(ct);
        await db.UserSessions.Where(s => ids.Contains(s.Id)).RevokeAsync(clock.GetUtcNow(), ct);
        db.UserActivityLogs.Add(new UserActivityLog { UserId = userId, Kind = ActivityKind.SessionRevoked, IpAddress = ip, Details = JsonSerializer.Serialize(new { count = ids.Count }) });
        await db.SaveChangesAsync(ct);
        foreach (var id in ids) cache.Remove(CacheKey(id));
        return ids.Count;
    }

    /// <summary>
    /// Supabase mode: ends the person's other GoTrue sessions (scope=others) with this session's access token, so
    /// that their access tokens stop working at GoTrue too. Call before <see cref="RevokeOthersAsync"/>.
    /// </summary>
    private async Task EndOtherProviderSessionsAsync(HttpContext http, CancellationToken ct = default)
    {
        if (http.RequestServices.GetService<GoTrueClient>() is not { } gotrue || await ReadTokensAsync(http.User, ct) is not { } tokens) return;
        try
        {
            await gotrue.SignOutAsync(tokens.AccessToken, SignOutScope.Others, ct);
        }
        catch (GoTrueException e)
        {
            logger.LogWarning("GoTrue could not end the other sessions: {Error}", e.Message);
        }
    }

    /// <summary>
    /// Signs the current person out everywhere but here ("sign out other sessions", a changed password): their
    /// other sessions end here and, in Supabase mode, at GoTrue. Returns how many were ended.
    /// </summary>
    public async Task<int> EndOtherSessionsAsync(HttpContext http, CancellationToken ct = default)
    {
        if (UserId(http.User) is not { } userId || SessionId(http.User) is not { } sessionId) return 0;
        await EndOtherProviderSessionsAsync(http, ct);
        return await RevokeOthersAsync(userId, sessionId, Ip(http), ct);
    }

    /// <summary>Revokes all of a person's sessions (after a password reset).</summary>
    public async Task RevokeAllAsync(Guid userId, CancellationToken ct = default)
    {
        await using var db = await master.CreateAsync(DbPrincipal.Service, ct);
        var ids = await db.UserSessions.Where(s => s.UserId == userId && s.RevokedAt == null).Select(s => s.Id).ToListAsync(ct);
        await db.UserSessions.Where(s => ids.Contains(s.Id)).RevokeAsync(clock.GetUtcNow(), ct);
        foreach (var id in ids) cache.Remove(CacheKey(id));
    }

    /// <summary>Is the cookie's session still valid? Checked on requests, at most every 30 s per session.</summary>
    public async Task<bool> IsActiveAsync(ClaimsPrincipal principal, CancellationToken ct = default) =>
        (await GetStateAsync(principal, ct)).Active;

    public async Task<SessionState> GetStateAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (SessionId(principal) is not { } sessionId || UserId(principal) is not { } userId) return Inactive;
        if (cache.TryGetValue(CacheKey(sessionId), out SessionState? state)) return state!;
        await using var db = await master.CreateAsync(DbPrincipal.Service, ct);
        var session = await db.UserSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId, ct);
        state = session is { RevokedAt: null } ? new SessionState(true, session.ProviderExpiresAt) : Inactive;
        if (state.Active && clock.GetUtcNow() - session!.LastSeenAt > TouchEvery)
        {
            session.LastSeenAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }
        Remember(sessionId, state);
        return state;
    }

    /// <summary>Replaces this instance's cached state of a session (after a refresh or a revocation).</summary>
    public void Remember(Guid sessionId, SessionState state) => cache.Set(CacheKey(sessionId), state, CheckEvery);

    /// <summary>Encrypts the provider's tokens onto the row; the purpose binds them to this session.</summary>
    public void Store(UserSession session, ProviderTokens tokens) => session.StoreProviderTokens(
        protector.Protect(TokenPurpose(session.Id), tokens.AccessToken),
        protector.Protect(TokenPurpose(session.Id), tokens.RefreshToken),
        tokens.ExpiresAt);

    /// <summary>The provider's tokens of a session row, decrypted; null when it has none.</summary>
    public ProviderTokens? ReadTokens(UserSession session) =>
        session is { ProviderAccessToken: { } access, ProviderRefreshToken: { } refresh, ProviderExpiresAt: { } expires }
            ? new ProviderTokens(protector.Unprotect(TokenPurpose(session.Id), access), protector.Unprotect(TokenPurpose(session.Id), refresh), expires)
            : null;

    /// <summary>The provider's tokens of the current request's session, if it is active.</summary>
    public async Task<ProviderTokens?> ReadTokensAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (SessionId(principal) is not { } sessionId || UserId(principal) is not { } userId) return null;
        await using var db = await master.CreateAsync(DbPrincipal.Service, ct);
        var row = await db.UserSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId && s.RevokedAt == null, ct);
        return row is null ? null : ReadTokens(row);
    }

    /// <summary>Revokes one session (its refresh family has ended at the provider, say).</summary>
    public async Task RevokeAsync(Guid sessionId, CancellationToken ct = default)
    {
        await using var db = await master.CreateAsync(DbPrincipal.Service, ct);
        await db.UserSessions.Where(s => s.Id == sessionId).RevokeAsync(clock.GetUtcNow(), ct);
        Remember(sessionId, Inactive);
    }

    public static string TokenPurpose(Guid sessionId) => "avnera/session-tokens/" + sessionId.ToString("D");

    public async Task LogAsync(Guid userId, ActivityKind kind, HttpContext? http, object? details = null, CancellationToken ct = default)
    {
        await using var db = await master.CreateAsync(DbPrincipal.Service, ct);
        db.UserActivityLogs.Add(Log(userId, kind, http, details));
        await db.SaveChangesAsync(ct);
    }

    public static Guid? UserId(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirst(AvneraClaims.Subject)?.Value, out var id) ? id : null;

    public static Guid? SessionId(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirst(AvneraClaims.SessionId)?.Value, out var id) ? id : null;

    private static UserActivityLog Log(Guid userId, ActivityKind kind, HttpContext? http, object? details) => new()
    {
        UserId = userId, Kind = kind, IpAddress = http is null ? null : Ip(http),
        Details = details is null ? "{}" : JsonSerializer.Serialize(details),
    };

    public static string? Ip(HttpContext http) => http.Connection.RemoteIpAddress?.ToString();

    private static string CacheKey(Guid sessionId) => "avnera:session:" + sessionId.ToString("N");

    private static string? Truncate(string value, int max) => string.IsNullOrEmpty(value) ? null : value.Length <= max ? value : value[..max];
}

internal static class UserSessionQueries
{
    /// <summary>Marks sessions revoked and drops their provider tokens: an ended session keeps no credentials.</summary>
    public static Task<int> RevokeAsync(this IQueryable<UserSession> sessions, DateTimeOffset now, CancellationToken ct) =>
        sessions.ExecuteUpdateAsync(s => s
            .SetProperty(x => x.RevokedAt, now)
            .SetProperty(x => x.ProviderAccessToken, (string?)null)
            .SetProperty(x => x.ProviderRefreshToken, (string?)null), ct);
}
