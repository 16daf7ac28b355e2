using Avnera.Data.Common;
using Avnera.Data.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Avnera.Data.Master;

/// <summary>
/// The Master database through its two logins (decision 0008): request principals (people, platform admins)
/// get a context of the request login, which cannot become service_role; <see cref="DbPrincipal.Service"/>
/// gets one of the service login. Each login has its own connection pool and context pool.
/// </summary>
public sealed class MasterDbContextFactory : IDbContextFactory<MasterDbContext>, IAsyncDisposable
{
    private readonly PooledDbContextFactory<MasterDbContext> _request;
    private readonly PooledDbContextFactory<MasterDbContext> _service;
    private readonly ClaimsKeys _keys;

    public MasterDbContextFactory(AvneraDataOptions options, ClaimsKeys keys)
    {
        _keys = keys;
        RequestSource = NpgsqlDataSource.Create(options.Master);
        ServiceSource = NpgsqlDataSource.Create(options.MasterService);
        _request = new PooledDbContextFactory<MasterDbContext>(DbOptions.For<MasterDbContext>(RequestSource));
        _service = new PooledDbContextFactory<MasterDbContext>(DbOptions.For<MasterDbContext>(ServiceSource));
    }

    /// <summary>The request login's pool (readiness checks).</summary>
    public NpgsqlDataSource RequestSource { get; }

    /// <summary>The service login's pool: sign-in's credential tables (AuthDbContext), jobs.</summary>
    public NpgsqlDataSource ServiceSource { get; }

    /// <summary>A context that acts for nobody: every statement fails with "permission denied".</summary>
    public MasterDbContext CreateDbContext() => _request.CreateDbContext();

    public async Task<MasterDbContext> CreateAsync(DbPrincipal principal, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var key = await _keys.GetAsync(ServiceSource, ct);
        return Pool(principal).CreateDbContext().ActAs(principal, key);
    }

    public MasterDbContext Create(DbPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var key = _keys.Get(ServiceSource);
        return Pool(principal).CreateDbContext().ActAs(principal, key);
    }

    private PooledDbContextFactory<MasterDbContext> Pool(DbPrincipal principal) =>
        principal.Role == DbRole.Service ? _service : _request;

    public async ValueTask DisposeAsync()
    {
        await RequestSource.DisposeAsync();
        await ServiceSource.DisposeAsync();
    }
}
