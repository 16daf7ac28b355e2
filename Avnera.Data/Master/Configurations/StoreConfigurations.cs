using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Master.Configurations;

public class RegisteredStoreConfiguration : IEntityTypeConfiguration<RegisteredStore>
{
    public void Configure(EntityTypeBuilder<RegisteredStore> b)
    {
        b.ToTable("stores", t =>
            t.HasCheckConstraint("ck_stores_slug", "slug ~ '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$'"));
        b.HasKey(s => s.Id);
        b.HasEnumText(s => s.Status, "stores");
        b.Property(s => s.Slug).HasMaxLength(63);
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.CustomHost).HasMaxLength(253);
        b.Ignore(s => s.IsServing);
        b.HasIndex(s => s.Slug).IsUnique();
        b.HasIndex(s => s.CustomHost).IsUnique().HasFilter("custom_host is not null");
        b.HasIndex(s => s.OwnerUserId);
        b.HasOne<User>().WithMany().HasForeignKey(s => s.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Plan>().WithMany().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.Database).WithOne().HasForeignKey<StoreDatabase>(d => d.StoreId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Members).WithOne().HasForeignKey(m => m.StoreId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class StoreMemberConfiguration : IEntityTypeConfiguration<StoreMember>
{
    public void Configure(EntityTypeBuilder<StoreMember> b)
    {
        b.ToTable("store_members");
        b.HasKey(m => new { m.StoreId, m.UserId });
        b.HasEnumText(m => m.Role, "store_members");
        // "Which stores can this person manage?" runs on every admin request.
        b.HasIndex(m => m.UserId);
        b.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class StoreDatabaseConfiguration : IEntityTypeConfiguration<StoreDatabase>
{
    public void Configure(EntityTypeBuilder<StoreDatabase> b)
    {
        b.ToTable("store_databases", t =>
        {
            // Ciphertexts only: a plain connection string ("Host=...") can never be stored here.
            t.HasCheckConstraint("ck_store_databases_encrypted",
                "products_connection like 'v1:%' and orders_connection like 'v1:%' " +
                "and products_service_connection like 'v1:%' and orders_service_connection like 'v1:%' " +
                "and (products_migration_connection is null or products_migration_connection like 'v1:%') " +
                "and (orders_migration_connection is null or orders_migration_connection like 'v1:%')");
            t.HasCheckConstraint("ck_store_databases_key_version", "key_version > 0");
        });
        b.HasKey(d => d.StoreId);
    }
}

public class StoreSlugRedirectConfiguration : IEntityTypeConfiguration<StoreSlugRedirect>
{
    public void Configure(EntityTypeBuilder<StoreSlugRedirect> b)
    {
        b.ToTable("store_slug_redirects");
        b.HasKey(r => r.Slug);
        b.Property(r => r.Slug).HasMaxLength(63);
        b.HasOne<RegisteredStore>().WithMany().HasForeignKey(r => r.StoreId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => r.StoreId);
    }
}
