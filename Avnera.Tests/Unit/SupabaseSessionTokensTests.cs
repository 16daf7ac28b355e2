using System.Security.Cryptography;
using Avnera.Data.Master;
using Avnera.Data.Tenancy;
using Avnera.Web.Auth;
using Avnera.Web.Auth.Sessions;
using Avnera.Web.Auth.Supabase;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;

namespace Avnera.Tests.Unit;

/// <summary>Supabase mode's session pieces: GoTrue tokens encrypted on the session row, and the per-session refresh lock.</summary>
public class SupabaseSessionTokensTests
{
    private static SessionService Sessions(byte[] key) =>
        new(null!, new MemoryCache(new MemoryCacheOptions()), TimeProvider.System, new ConnectionStringProtector(key), NullLogger<SessionService>.Instance);

    [Fact]
    public void StoredTokens_ReadBack_AndAreNotInTheRowInClear()
    {
        var sessions = Sessions(RandomNumberGenerator.GetBytes(32));
        var row = new UserSession { UserId = Guid.NewGuid() };
        var tokens = new ProviderTokens("eyJhbGciOi.access.token", "refresh-token-1", DateTimeOffset.UtcNow.AddHours(1));

        sessions.Store(row, tokens);

        Assert.Equal(tokens, sessions.ReadTokens(row));
        Assert.DoesNotContain("eyJ", row.ProviderAccessToken);
        Assert.DoesNotContain("refresh-token-1", row.ProviderRefreshToken);
    }

    [Fact]
    public void TokensCopiedToAnotherSessionRow_DoNotOpen()
    {
        var sessions = Sessions(RandomNumberGenerator.GetBytes(32));
        var row = new UserSession { UserId = Guid.NewGuid() };
        sessions.Store(row, new ProviderTokens("access", "refresh", DateTimeOffset.UtcNow));
        var other = new UserSession { UserId = row.UserId };
        other.StoreProviderTokens(row.ProviderAccessToken!, row.ProviderRefreshToken!, row.ProviderExpiresAt!.Value);

        Assert.ThrowsAny<CryptographicException>(() => sessions.ReadTokens(other));
    }

    [Fact]
    public void RowWithoutTokens_ReadsAsNone() =>
        Assert.Null(Sessions(RandomNumberGenerator.GetBytes(32)).ReadTokens(new UserSession()));

    [Fact]
    public void ProviderTokens_ToString_HidesTheTokens() =>
        Assert.DoesNotContain("secret", new ProviderTokens("secret-a", "secret-r", DateTimeOffset.UtcNow).ToString());

    [Fact]
    public async Task SessionLocks_SameSession_WaitsForTheHolder()
    {
        var locks = new SessionLocks();
        var id = Guid.NewGuid();
        var first = await locks.AcquireAsync(id);
        var second = locks.AcquireAsync(id);
        await Task.Delay(50);
        Assert.False(second.IsCompleted);

        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        Assert.Equal(0, locks.Count); // nothing kept once nobody holds or waits
    }

    [Fact]
    public async Task SessionLocks_OtherSessions_DoNotWait()
    {
        var locks = new SessionLocks();
        using var first = await locks.AcquireAsync(Guid.NewGuid());
        var other = locks.AcquireAsync(Guid.NewGuid());
        Assert.True(other.IsCompletedSuccessfully);
        (await other).Dispose();
        Assert.Equal(1, locks.Count);
    }

    [Fact]
    public async Task SessionLocks_CancelledWaiter_LeavesNoEntryBehind()
    {
        var locks = new SessionLocks();
        var id = Guid.NewGuid();
        var held = await locks.AcquireAsync(id);
        using var cancel = new CancellationTokenSource();
        var waiter = locks.AcquireAsync(id, cancel.Token);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter);
        held.Dispose();
        Assert.Equal(0, locks.Count);
    }
}
