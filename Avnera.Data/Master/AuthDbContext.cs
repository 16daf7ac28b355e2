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
/// It acts as the platform itself (service_role): only that role may read password hashes.
/// </summary>
public class AuthDbContext(DbContextOptions<AuthDbContext> options) : IdentityUserContext<AuthUser, Guid>(options), IRowSecuredContext
{
    /// <summary>The platform itself; null only for the migrator, which connects as the schema owner.</summary>
    public DbPrincipal? Principal { get; init; } = DbPrincipal.Service;

    Guid? IRowSecuredContext.RowStoreId => null;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<AuthUser>().ToTable("auth_users");
        modelBuilder.Entity<IdentityUserClaim<Guid>>().ToTable("auth_user_claims");
        modelBuilder.Entity<IdentityUserLogin<Guid>>().ToTable("auth_user_logins");
        modelBuilder.Entity<IdentityUserToken<Guid>>().ToTable("auth_user_tokens");
        modelBuilder.ApplySnakeCaseNames();
    }
}
