using Avnera.Data.Common;
using Avnera.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Avnera.Data.Master;

/// <summary>
/// The platform database: people, the store registry, tenant credentials, billing, jobs. Every unit of
/// work runs as the <see cref="Principal"/> given at creation (<see cref="MasterDbContextFactoryExtensions.CreateAsync"/>);
/// Row Level Security decides what it may see.
/// </summary>
public class MasterDbContext(DbContextOptions<MasterDbContext> options) : DbContext(options), IRowSecuredContext
{
    public DbPrincipal? Principal { get; private set; }

    Guid? IRowSecuredContext.RowStoreId => null;

    public byte[]? ClaimsKey { get; private set; }

    /// <summary>Sets who this context acts for; a pooled instance forgets it when disposed.</summary>
    internal MasterDbContext ActAs(DbPrincipal principal, byte[] claimsKey)
    {
        Principal = principal;
        ClaimsKey = claimsKey;
        return this;
    }

    public override ValueTask DisposeAsync()
    {
        Principal = null;
        ClaimsKey = null;
        return base.DisposeAsync();
    }

    public override void Dispose()
    {
        Principal = null;
        ClaimsKey = null;
        base.Dispose();
    }

    public DbSet<User> Users => Set<User>();
    public DbSet<UserProfile> UserProfiles => Set<UserProfile>();
    public DbSet<UserAddress> UserAddresses => Set<UserAddress>();
    public DbSet<UserPreferences> UserPreferences => Set<UserPreferences>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<UserActivityLog> UserActivityLogs => Set<UserActivityLog>();
    public DbSet<RegisteredStore> Stores => Set<RegisteredStore>();
    public DbSet<StoreMember> StoreMembers => Set<StoreMember>();
    public DbSet<StoreSlugRedirect> StoreSlugRedirects => Set<StoreSlugRedirect>();
    public DbSet<StoreDatabase> StoreDatabases => Set<StoreDatabase>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<Subscription> Subscriptions => Set<Subscription>();
    public DbSet<CreditBalance> CreditBalances => Set<CreditBalance>();
    public DbSet<CreditTransaction> CreditTransactions => Set<CreditTransaction>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyMoneyPrecision();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MasterDbContext).Assembly,
            t => t.Namespace == typeof(MasterDbContext).Namespace + ".Configurations");
    }
}

public static class MasterDbContextFactoryExtensions
{
    /// <summary>A Master context acting for <paramref name="principal"/>. The only way the app creates one.</summary>
    public static Task<MasterDbContext> CreateAsync(
        this IDbContextFactory<MasterDbContext> factory, DbPrincipal principal, CancellationToken ct = default) =>
        Avnera(factory).CreateAsync(principal, ct);

    /// <summary>The same, for the few callers that cannot wait (the Data Protection key ring).</summary>
    public static MasterDbContext Create(this IDbContextFactory<MasterDbContext> factory, DbPrincipal principal) =>
        Avnera(factory).Create(principal);

    private static MasterDbContextFactory Avnera(IDbContextFactory<MasterDbContext> factory) =>
        factory as MasterDbContextFactory
        ?? throw new InvalidOperationException("Master contexts come from AddAvneraData's factory, which picks the login for the principal.");
}
