using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Master.Configurations;

public class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.ToTable("users", t => t.HasCheckConstraint("ck_users_email_lower", "email = lower(email)"));
        b.HasKey(u => u.Id);
        b.Property(u => u.Id).ValueGeneratedNever();
        b.Property(u => u.Email).HasMaxLength(320);
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.HasIndex(u => u.Email).IsUnique();
        b.HasOne(u => u.Profile).WithOne().HasForeignKey<UserProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(u => u.Preferences).WithOne().HasForeignKey<UserPreferences>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(u => u.Addresses).WithOne().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class UserProfileConfiguration : IEntityTypeConfiguration<UserProfile>
{
    public void Configure(EntityTypeBuilder<UserProfile> b)
    {
        b.ToTable("user_profiles");
        b.HasKey(p => p.UserId);
        b.Property(p => p.FirstName).HasMaxLength(100);
        b.Property(p => p.LastName).HasMaxLength(100);
        b.Property(p => p.Phone).HasMaxLength(40);
        b.Property(p => p.AvatarUrl).HasMaxLength(2000);
    }
}

public class UserAddressConfiguration : IEntityTypeConfiguration<UserAddress>
{
    public void Configure(EntityTypeBuilder<UserAddress> b)
    {
        b.HasPostalAddress("user_addresses");
        b.HasKey(a => a.Id);
        b.HasIndex(a => new { a.UserId, a.CreatedAt });
        // At most one default shipping and one default billing address per person.
        // (Named indexes: two unnamed HasIndex on the same column would be one index, the last filter winning.)
        b.HasIndex(a => a.UserId, "ux_user_addresses_default_shipping").IsUnique().HasFilter("is_default_shipping")
            .HasDatabaseName("ux_user_addresses_default_shipping");
        b.HasIndex(a => a.UserId, "ux_user_addresses_default_billing").IsUnique().HasFilter("is_default_billing")
            .HasDatabaseName("ux_user_addresses_default_billing");
    }
}

public class UserPreferencesConfiguration : IEntityTypeConfiguration<UserPreferences>
{
    public void Configure(EntityTypeBuilder<UserPreferences> b)
    {
        b.ToTable("user_preferences", t => t.HasCheckConstraint("ck_user_preferences_currency", "currency ~ '^[A-Z]{3}$'"));
        b.HasKey(p => p.UserId);
        b.Property(p => p.Language).HasMaxLength(10);
        b.Property(p => p.Currency).HasMaxLength(3).IsFixedLength();
        b.Property(p => p.Timezone).HasMaxLength(60);
    }
}

public class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.ToTable("user_sessions");
        b.HasKey(s => s.Id);
        b.Property(s => s.Device).HasMaxLength(300);
        b.Property(s => s.IpAddress).HasMaxLength(45);
        b.HasIndex(s => new { s.UserId, s.CreatedAt });
        b.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class UserActivityLogConfiguration : IEntityTypeConfiguration<UserActivityLog>
{
    public void Configure(EntityTypeBuilder<UserActivityLog> b)
    {
        b.ToTable("user_activity_logs");
        b.HasKey(l => l.Id);
        b.Property(l => l.Id).UseIdentityAlwaysColumn();
        b.HasEnumText(l => l.Kind, "user_activity_logs");
        b.Property(l => l.Details).HasColumnType("jsonb");
        b.Property(l => l.IpAddress).HasMaxLength(45);
        b.HasIndex(l => new { l.UserId, l.OccurredAt });
        b.HasOne<User>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
