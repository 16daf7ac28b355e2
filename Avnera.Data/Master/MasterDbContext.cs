using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Avnera.Data.Master;

/// <summary>The platform database: people, the store registry, tenant credentials, billing, jobs.</summary>
public class MasterDbContext(DbContextOptions<MasterDbContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();
    public DbSet<UserProfile> UserProfiles => Set<UserProfile>();
    public DbSet<UserAddress> UserAddresses => Set<UserAddress>();
    public DbSet<UserPreferences> UserPreferences => Set<UserPreferences>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<UserActivityLog> UserActivityLogs => Set<UserActivityLog>();
    public DbSet<RegisteredStore> Stores => Set<RegisteredStore>();
    public DbSet<StoreMember> StoreMembers => Set<StoreMember>();
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
        modelBuilder.ApplySnakeCaseNames();
    }
}
