using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Avnera.Data.Orders;

/// <summary>
/// A store's customers, orders, payments, shipments, returns, coupons, support and outbox. One physical
/// Orders database may hold many stores (pooled) or one (dedicated); an instance is bound to one store.
/// </summary>
public class OrdersDbContext(DbContextOptions<OrdersDbContext> options) : TenantDbContext(options)
{
    public DbSet<OrdersStore> Stores => Set<OrdersStore>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OrdersDbContext).Assembly,
            t => t.Namespace == typeof(Configurations.OrdersStoreConfiguration).Namespace);

        foreach (var entity in modelBuilder.Model.GetEntityTypes()
                     .Where(e => typeof(ITenantEntity).IsAssignableFrom(e.ClrType)).ToList())
        {
            modelBuilder.Entity(entity.ClrType).HasOne(typeof(OrdersStore)).WithMany()
                .HasForeignKey(nameof(ITenantEntity.StoreId)).OnDelete(DeleteBehavior.Cascade);
        }

        ApplyStoreFilters(modelBuilder, typeof(OrdersStore));
        modelBuilder.ApplySnakeCaseNames();
    }
}
