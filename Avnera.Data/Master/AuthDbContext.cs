using Avnera.Data.Common;
using Avnera.Data.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Avnera.Data.Master;

/// <summary>
/// The embedded sign-in provider's tables (ASP.NET Core Identity), in the Master database, prefixed auth_
/// like Supabase's auth schema. A context of its own: the provider is replaceable (Supabase mode does not
/// use it) and Identity's own "Users" set would clash with Master's people. Migrated after Master.
/// It acts as the platform itself (service_role), through the service login (decision 0008): only that role
/// may read password hashes, and the request login cannot become it.
/// </summary>
public class AuthDbContext(DbContextOptions<AuthDbContext> options) : IdentityUserContext<AuthUser, Guid>(options), IRowSecuredContext
{
    /// <summary>The platform itself; null only for the migrator, which connects as the schema owner.</summary>
    public DbPrincipal? Principal { get; init; } = DbPrincipal.Service;

    Guid? IRowSecuredContext.RowStoreId => null;

    // service_role's policies read no claims; the service login alone can become it.
    byte[]? IRowSecuredContext.ClaimsKey => null;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<AuthUser>(b =>
        {
            b.ToTable("auth_users");
            // Identity names these indexes itself (EmailIndex, UserNameIndex); snake_case like the rest.
            b.HasIndex(u => u.NormalizedEmail).HasDatabaseName("ix_auth_users_normalized_email");
            b.HasIndex(u => u.NormalizedUserName).HasDatabaseName("ux_auth_users_normalized_user_name");
        });
        modelBuilder.Entity<IdentityUserClaim<Guid>>().ToTable("auth_user_claims");
        modelBuilder.Entity<IdentityUserLogin<Guid>>().ToTable("auth_user_logins");
        modelBuilder.Entity<IdentityUserToken<Guid>>().ToTable("auth_user_tokens");
    }
}
