using Avnera.Data.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Avnera.Data.Master;

/// <summary>
/// The embedded sign-in provider's tables (ASP.NET Core Identity), in the Master database, prefixed auth_
/// like Supabase's auth schema. A context of its own: the provider is replaceable (Supabase mode does not
/// use it) and Identity's own "Users" set would clash with Master's people. Migrated after Master.
/// </summary>
public class AuthDbContext(DbContextOptions<AuthDbContext> options) : IdentityUserContext<AuthUser, Guid>(options)
{
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
