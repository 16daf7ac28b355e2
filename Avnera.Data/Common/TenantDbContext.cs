using System.Linq.Expressions;
using Avnera.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Avnera.Data.Common;

/// <summary>
/// Base of the tenant contexts (Products, Orders). A context is bound to exactly one store by
/// <see cref="Tenancy.TenantDbContextFactory"/>: a global query filter pins every query to that store, and
/// SaveChanges refuses to write a row of any other store. An unbound context fails closed. Below that,
/// every unit of work runs as the <see cref="Principal"/> it was bound with and with app.store_id set, so
/// PostgreSQL's Row Level Security enforces the same (and who may see what) even for a query EF did not build.
/// </summary>
public abstract class TenantDbContext(DbContextOptions options) : DbContext(options), IRowSecuredContext
{
    private Guid _storeId;

    public DbPrincipal? Principal { get; private set; }

    Guid? IRowSecuredContext.RowStoreId => _storeId == Guid.Empty ? null : _storeId;

    public byte[]? ClaimsKey { get; private set; }

    /// <summary>The store this context is bound to. Throws when unbound, so a query can never run unscoped.</summary>
    public Guid CurrentStoreId => _storeId != Guid.Empty
        ? _storeId
        : throw new InvalidOperationException($"{GetType().Name} is not bound to a store; create it through ITenantDbContextFactory.");

    public bool IsBound => _storeId != Guid.Empty;

    internal void BindToStore(Guid storeId, DbPrincipal principal, byte[] claimsKey)
    {
        if (storeId == Guid.Empty) throw new ArgumentException("A store id is required.", nameof(storeId));
        _storeId = storeId;
        Principal = principal ?? throw new ArgumentNullException(nameof(principal));
        ClaimsKey = claimsKey;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyMoneyPrecision();

    /// <summary>
    /// The tenant part of a model, after the context's own configurations: every tenant row references its
    /// store's anchor row (cascade: deleting the anchor removes the store's data; ledgers restrict it instead)
    /// and every query is filtered to the bound store. Names are snake_case (EFCore.NamingConventions, DbOptions).
    /// </summary>
    protected static void ConfigureTenantModel<TAnchor>(ModelBuilder modelBuilder, TenantDbContext context) where TAnchor : class, ITenantRoot
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes()
                     .Where(e => typeof(ITenantEntity).IsAssignableFrom(e.ClrType)).ToList())
        {
            var ledger = typeof(ILedgerEntry).IsAssignableFrom(entity.ClrType);
            modelBuilder.Entity(entity.ClrType).HasOne(typeof(TAnchor)).WithMany()
                .HasForeignKey(nameof(ITenantEntity.StoreId)).OnDelete(ledger ? DeleteBehavior.Restrict : DeleteBehavior.Cascade);
        }
        context.ApplyStoreFilters(modelBuilder, typeof(TAnchor));
    }

    /// <summary>Adds the store filter to every tenant entity; the store table itself is filtered on its id.</summary>
    private void ApplyStoreFilters(ModelBuilder modelBuilder, Type storeEntity)
    {
        var context = Expression.Constant(this);
        var current = Expression.Property(context, nameof(CurrentStoreId));
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => e.BaseType is null))
        {
            string? keyProperty = entity.ClrType == storeEntity ? "Id"
                : typeof(ITenantEntity).IsAssignableFrom(entity.ClrType) ? nameof(ITenantEntity.StoreId) : null;
            if (keyProperty is null) continue;
            var row = Expression.Parameter(entity.ClrType, "e");
            var body = Expression.Equal(Expression.Property(row, keyProperty), current);
            modelBuilder.Entity(entity.ClrType).HasQueryFilter(Expression.Lambda(body, row));
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardStore();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardStore();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void GuardStore()
    {
        var storeId = CurrentStoreId;
        foreach (var entry in ChangeTracker.Entries<ITenantEntity>())
        {
            if (entry.State == EntityState.Added && entry.Entity.StoreId == Guid.Empty)
                entry.Entity.StoreId = storeId;
            else if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && entry.Entity.StoreId != storeId)
                throw new TenantMismatchException(storeId, entry.Entity.StoreId, entry.Metadata.ClrType.Name);
        }
        foreach (var entry in ChangeTracker.Entries<ITenantRoot>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && entry.Entity.Id != storeId)
                throw new TenantMismatchException(storeId, entry.Entity.Id, entry.Metadata.ClrType.Name);
        }
    }

    /// <summary>Pooled instances go back unbound, so nothing of the last store survives a return to the pool.</summary>
    public override ValueTask DisposeAsync()
    {
        _storeId = Guid.Empty;
        Principal = null;
        ClaimsKey = null;
        return base.DisposeAsync();
    }

    public override void Dispose()
    {
        _storeId = Guid.Empty;
        Principal = null;
        ClaimsKey = null;
        base.Dispose();
    }
}

public sealed class TenantMismatchException(Guid bound, Guid row, string entity)
    : InvalidOperationException($"Refused to write a {entity} of store {row} through a context bound to store {bound}.");
