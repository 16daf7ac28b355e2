using System.Security.Claims;
using System.Text.Json;
using Avnera.Data.Master;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Avnera.Web.Auth.Sessions;

/// <summary>
/// Browser sessions: every sign-in gets a new user_sessions row whose id travels in the cookie ("sid"), so a
/// session can be listed and revoked ("sign out other sessions") and a revoked one is refused at the next
/// request. Sign-in, sign-out and the rest of a person's security history go to user_activity_logs.
/// </summary>
public sealed class SessionService(IDbContextFactory<MasterDbContext> master, IMemoryCache cache, TimeProvider clock)
{
    public const string Scheme = "Avnera";
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(5);

    public async Task SignInAsync(HttpContext http, Guid userId, string email, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await master.CreateDbContextAsync(ct);
        var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
        var session = new UserSession
        {
            UserId = userId, CreatedAt = now, LastSeenAt = now,
            Device = Truncate(http.Request.Headers.UserAgent.ToString(), 300), IpAddress = Ip(http),
        };
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
            await using var db = await master.CreateDbContextAsync(ct);
            await db.UserSessions.Where(s => s.Id == sessionId && s.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, clock.GetUtcNow()), ct);
            db.UserActivityLogs.Add(Log(userId, ActivityKind.SignOut, http, new { session = sessionId }));
            await db.SaveChangesAsync(ct);
            cache.Remove(CacheKey(sessionId));
        }
        await http.SignOutAsync(Scheme);
    }

    /// <summary>Revokes every session of the person but the current one; returns how many were ended.</summary>
    public async Task<int> RevokeOthersAsync(Guid userId, Guid currentSessionId, string? ip, CancellationToken ct = default)
    {
        await using var db = await master.CreateDbContextAsync(ct);
        var ids = await db.UserSessions.Where(s => s.UserId == userId && s.Id != currentSessionId && s.RevokedAt == null)
            .Select(s => s.Id).ToListAsync(ct);
        await db.UserSessions.Where(s => ids.Contains(s.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, clock.GetUtcNow()), ct);
        db.UserActivityLogs.Add(new UserActivityLog { UserId = userId, Kind = ActivityKind.SessionRevoked, IpAddress = ip, Details = JsonSerializer.Serialize(new { count = ids.Count }) });
        await db.SaveChangesAsync(ct);
        foreach (var id in ids) cache.Remove(CacheKey(id));
        return ids.Count;
    }

    /// <summary>Revokes all of a person's sessions (after a password reset).</summary>
    public async Task RevokeAllAsync(Guid userId, CancellationToken ct = default)
    {
        await using var db = await master.CreateDbContextAsync(ct);
        var ids = await db.UserSessions.Where(s => s.UserId == userId && s.RevokedAt == null).Select(s => s.Id).ToListAsync(ct);
        await db.UserSessions.Where(s => ids.Contains(s.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, clock.GetUtcNow()), ct);
        foreach (var id in ids) cache.Remove(CacheKey(id));
    }

    /// <summary>Is the cookie's session still valid? Checked on requests, at most every 30 s per session.</summary>
    public async Task<bool> IsActiveAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (SessionId(principal) is not { } sessionId || UserId(principal) is not { } userId) return false;
        if (cache.TryGetValue(CacheKey(sessionId), out bool active)) return active;
        await using var db = await master.CreateDbContextAsync(ct);
        var session = await db.UserSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId, ct);
        active = session is { RevokedAt: null };
        if (active && clock.GetUtcNow() - session!.LastSeenAt > TouchEvery)
        {
            session.LastSeenAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }
        cache.Set(CacheKey(sessionId), active, CheckEvery);
        return active;
    }

    public async Task LogAsync(Guid userId, ActivityKind kind, HttpContext? http, object? details = null, CancellationToken ct = default)
    {
        await using var db = await master.CreateDbContextAsync(ct);
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
