using Avnera.Data.Security;
using System.Security.Cryptography;
using System.Text;
using Avnera.Data.Master;
using Avnera.Data.Orders;
using Avnera.Data.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Avnera.Web.Features.Demo;

/// <summary>
/// Loads the demo: a platform admin, two store owners with a store each (~200 products in a category
/// tree, variants, stock, images, reviews, a CMS home page) and a shopper with an address and a past
/// order. Idempotent: every part checks what exists and only adds what is missing.
/// </summary>
public sealed class DemoSeeder(
    IDbContextFactory<MasterDbContext> master, StoreProvisioner provisioner, ITenantDbContextFactory tenants,
    IServiceScopeFactory scopes, ILogger<DemoSeeder> logger)
{
    /// <summary>Demo sign-ins (the password is for the embedded sign-in provider).</summary>
    public static class Logins
    {
        public const string Password = "Avnera-demo-2026";
        public const string Admin = "admin@avnera.example";
        public const string FashionOwner = "camille@maison-lumiere.example";
        public const string HomeOwner = "noah@oak-and-ember.example";
        public const string Shopper = "sam.shopper@example.com";
    }

    /// <summary>Stable ids, so a demo account keeps its id across runs and sign-in providers.</summary>
    public static Guid UserId(string email) =>
        new(MD5.HashData(Encoding.UTF8.GetBytes("avnera-demo:" + email)));

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await using (var db = await master.CreateAsync(DbPrincipal.Service, ct))
        {
            await EnsureUserAsync(db, Logins.Admin, "Avery", "Admin", platformAdmin: true, ct);
            await EnsureUserAsync(db, Logins.FashionOwner, "Camille", "Laurent", platformAdmin: false, ct);
            await EnsureUserAsync(db, Logins.HomeOwner, "Noah", "Bennett", platformAdmin: false, ct);
            var shopper = await EnsureUserAsync(db, Logins.Shopper, "Sam", "Rivera", platformAdmin: false, ct);
            await EnsurePlansAsync(db, ct);
            if (!await db.UserAddresses.AnyAsync(a => a.UserId == shopper.Id, ct))
            {
                db.UserAddresses.Add(ShopperAddress(shopper.Id));
                await db.SaveChangesAsync(ct);
            }
        }
        await EnsureSignInsAsync();

        var fashion = await SeedStoreAsync(DemoStoreSpec.Fashion, Logins.FashionOwner, ct);
        await SeedStoreAsync(DemoStoreSpec.Home, Logins.HomeOwner, ct);
        await DemoOrders.EnsurePastOrderAsync(tenants, fashion, UserId(Logins.Shopper), Logins.Shopper, ShopperAddress(UserId(Logins.Shopper)), ct);
        logger.LogInformation("Demo data is loaded.");
    }

    /// <summary>Accounts of the embedded sign-in provider for the demo people (confirmed, demo password).</summary>
    private async Task EnsureSignInsAsync()
    {
        using var scope = scopes.CreateScope();
        var auth = scope.ServiceProvider.GetRequiredService<Auth.Embedded.EmbeddedAuthProvider>();
        foreach (var email in new[] { Logins.Admin, Logins.FashionOwner, Logins.HomeOwner, Logins.Shopper })
            await auth.EnsureAccountAsync(UserId(email), email, Logins.Password);
    }

    private async Task<Guid> SeedStoreAsync(DemoStoreSpec spec, string ownerEmail, CancellationToken ct)
    {
        var storeId = await provisioner.ProvisionAsync(new NewStore(
            UserId(ownerEmail), spec.Slug, spec.Name, spec.Email, spec.Currency, spec.Culture, spec.Languages), ct);
        await using var db = await tenants.CreateProductsAsync(storeId, DbPrincipal.Service, TenantAccess.Maintenance, ct);
        if (await db.Products.AnyAsync(ct)) return storeId;
        var count = await new DemoCatalogGenerator(spec, db, UserId(Logins.Shopper)).GenerateAsync(ct);
        logger.LogInformation("Demo store {Slug}: {Count} products created", spec.Slug, count);
        return storeId;
    }

    private static async Task<User> EnsureUserAsync(MasterDbContext db, string email, string first, string last, bool platformAdmin, CancellationToken ct)
    {
        var id = UserId(email);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is not null) return user;
        user = new User
        {
            Id = id, Email = email, DisplayName = $"{first} {last}", IsPlatformAdmin = platformAdmin,
            Profile = new UserProfile { UserId = id, FirstName = first, LastName = last },
            Preferences = new UserPreferences { UserId = id },
        };
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return user;
    }

    private static async Task EnsurePlansAsync(MasterDbContext db, CancellationToken ct)
    {
        if (await db.Plans.AnyAsync(ct)) return;
        db.Plans.AddRange(
            new Plan { Code = "starter", Name = "Starter", MonthlyPrice = 29, MaxProducts = 500, MaxStaff = 2, IncludedCredits = 100 },
            new Plan { Code = "growth", Name = "Growth", MonthlyPrice = 99, MaxProducts = 10_000, MaxStaff = 10, IncludedCredits = 1000 },
            new Plan { Code = "scale", Name = "Scale", MonthlyPrice = 299, IncludedCredits = 5000 });
        await db.SaveChangesAsync(ct);
    }

    private static UserAddress ShopperAddress(Guid userId) => new()
    {
        UserId = userId, Label = "Home", RecipientName = "Sam Rivera", Line1 = "12 Rue des Lilas", City = "Lyon",
        PostalCode = "69003", CountryCode = "FR", Phone = "+33 4 00 00 00 00", IsDefaultShipping = true, IsDefaultBilling = true,
    };
}
