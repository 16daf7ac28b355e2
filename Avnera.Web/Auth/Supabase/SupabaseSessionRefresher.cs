using Avnera.Data.Security;
using Avnera.Data.Master;
using Avnera.Web.Auth.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Avnera.Web.Auth.Supabase;

/// <summary>
/// Keeps a session's GoTrue tokens fresh. Called only from the cookie's validation, i.e. during an HTTP request
/// (a Blazor circuit cannot write cookies and must never spend a single-use refresh token). One refresh per
/// session at a time on this instance (a lock per session id); another instance refreshing first shows up as
/// refresh_token_already_used or 409 conflict, after which the row holds that instance's newer tokens.
/// </summary>
public sealed class SupabaseSessionRefresher(
    IDbContextFactory<MasterDbContext> master, SessionService sessions, TimeProvider clock, ILogger<SupabaseSessionRefresher> logger)
{
    /// <summary>Refresh when the access token expires within this margin.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RereadDelay = TimeSpan.FromMilliseconds(150);
    private const int Rereads = 5;

    private readonly SessionLocks _locks = new();

    public bool NeedsRefresh(SessionService.SessionState state) =>
        state is { Active: true, ProviderExpiresAt: { } expires } && expires - clock.GetUtcNow() < Margin;

    /// <summary>Refreshes the session's tokens if they are (still) about to expire. False when the session has ended.</summary>
    public async Task<bool> EnsureFreshAsync(Guid sessionId, GoTrueClient gotrue, CancellationToken ct = default)
    {
        using var held = await _locks.AcquireAsync(sessionId, ct);
        var row = await ReadAsync(sessionId, ct);
        if (row is not { RevokedAt: null }) return Ended(sessionId);
        if (sessions.ReadTokens(row) is not { } tokens) return true; // not a Supabase session
        if (tokens.ExpiresAt - clock.GetUtcNow() >= Margin) return Fresh(row); // refreshed while we waited

        try
        {
            var session = await gotrue.RefreshAsync(tokens.RefreshToken, ct);
            var fresh = new ProviderTokens(session.AccessToken, session.RefreshToken,
                session.AccessTokenExpiresAt ?? clock.GetUtcNow().AddSeconds(session.ExpiresIn));
            await using var db = await master.CreateAsync(DbPrincipal.Service, ct);
            var tracked = await db.UserSessions.SingleAsync(s => s.Id == sessionId, ct);
            if (tracked.ProviderRefreshToken != row.ProviderRefreshToken)
            {
                // Another instance stored its refresh in the meantime; ours is just as valid, keep the row's.
                return Fresh(tracked);
            }
            sessions.Store(tracked, fresh);
            await db.SaveChangesAsync(ct);
            return Fresh(tracked);
        }
        catch (GoTrueException e) when (e.IsConcurrentRefresh || e.ErrorCode == "refresh_token_already_used")
        {
            // Someone else refreshed first: carry on with the tokens they stored.
            for (var i = 0; i < Rereads; i++)
            {
                var again = await ReadAsync(sessionId, ct);
                if (again is not { RevokedAt: null }) return Ended(sessionId);
                if (again.ProviderRefreshToken != row.ProviderRefreshToken) return Fresh(again);
                await Task.Delay(RereadDelay, clock, ct);
            }
            if (e.IsConcurrentRefresh)
            {
                logger.LogInformation("GoTrue reported a concurrent refresh of session {Session}; retrying at the next request", sessionId);
                return true;
            }
            logger.LogInformation("Session {Session}: refresh token already used and no newer one stored; signing out", sessionId);
            await sessions.RevokeAsync(sessionId, ct);
            return false;
        }
        catch (GoTrueException e) when (e.IsSessionEnded)
        {
            logger.LogInformation("Session {Session} ended at GoTrue ({Code}); signing out", sessionId, e.ErrorCode);
            await sessions.RevokeAsync(sessionId, ct);
            return false;
        }
        catch (GoTrueException e)
        {
            // GoTrue unreachable or failing: not the person's fault. Keep the session and try again next request.
            logger.LogWarning("Refreshing session {Session} failed: {Error}", sessionId, e.Message);
            return true;
        }
    }

    private async Task<UserSession?> ReadAsync(Guid sessionId, CancellationToken ct)
    {
        await using var db = await master.CreateAsync(DbPrincipal.Service, ct);
        return await db.UserSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
    }

    private bool Fresh(UserSession row)
    {
        sessions.Remember(row.Id, new SessionService.SessionState(true, row.ProviderExpiresAt));
        return true;
    }

    private bool Ended(Guid sessionId)
    {
        sessions.Remember(sessionId, new SessionService.SessionState(false, null));
        return false;
    }
}

/// <summary>
/// One async lock per key, held in a dictionary only while someone holds or waits for it (so the dictionary
/// does not grow with every session ever seen).
/// </summary>
public sealed class SessionLocks
{
    private sealed class Entry
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public int Users;
    }

    private readonly Dictionary<Guid, Entry> _entries = [];
    private readonly Lock _sync = new();

    public int Count { get { lock (_sync) return _entries.Count; } }

    public async Task<IDisposable> AcquireAsync(Guid key, CancellationToken ct = default)
    {
        Entry entry;
        lock (_sync)
        {
            if (!_entries.TryGetValue(key, out entry!)) _entries[key] = entry = new Entry();
            entry.Users++;
        }
        try
        {
            await entry.Gate.WaitAsync(ct);
        }
        catch
        {
            Leave(key, entry);
            throw;
        }
        return new Releaser(this, key, entry);
    }

    private void Leave(Guid key, Entry entry)
    {
        lock (_sync)
        {
            if (--entry.Users == 0) _entries.Remove(key);
        }
    }

    private sealed class Releaser(SessionLocks owner, Guid key, Entry entry) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            entry.Gate.Release();
            owner.Leave(key, entry);
        }
    }
}
