using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Avnera.Data.Master;

/// <summary>The platform database: people, the store registry, tenant credentials, billing, jobs.</summary>
public class MasterDbContext(DbContextOptions<MasterDbContext> options) : DbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyMoneyPrecision();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MasterDbContext).Assembly,
            t => t.Namespace == typeof(MasterDbContext).Namespace + ".Configurations");
        modelBuilder.ApplySnakeCaseNames();
    }
}
