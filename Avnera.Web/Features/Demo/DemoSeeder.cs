using Avnera.Data.Security;
using System.Security.Cryptography;
using System.Text;
using Avnera.Data.Master;
using Avnera.Data.Orders;
using Avnera.Data.Tenancy;
using Avnera.Web.Auth.Supabase;
using Microsoft.EntityFrameworkCore;

namespace Avnera.Web.Features.Demo;

/// <summary>
/// Loads the demo: a platform admin, two store owners with a store each (~200 products in a category
/// tree, variants, stock, images, reviews, a CMS home page) and a shopper with an address and a past
/// order. Idempotent: every part checks what exists and only adds what is missing.
/// </summary>
public sealed class DemoSeeder(
    IDbContextFactory<MasterDbContext> master, StoreProvisioner provisioner, ITenantDbContextFactory tenants,
    IServiceScopeFactory scopes, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    /// <summary>Demo sign-ins: embedded accounts always, and Supabase Auth accounts in Supabase mode with a service key.</summary>
    public static class Logins
    {
        public const string Password = "Avnera-demo-2026";
        public const string Admin = "admin@avnera.example";
        public const string FashionOwner = "camille@maison-lumiere.example";
        public const string HomeOwner = "noah@oak-and-ember.example";
        public const string Shopper = "sam.shopper@example.com";
    }

    private sealed record DemoPerson(string Email, string First, string Last, bool PlatformAdmin);

    private static readonly DemoPerson[] People =
    [
        new(Logins.Admin, "Avery", "Admin", PlatformAdmin: true),
        new(Logins.FashionOwner, "Camille", "Laurent", PlatformAdmin: false),
        new(Logins.HomeOwner, "Noah", "Bennett", PlatformAdmin: false),
        new(Logins.Shopper, "Sam", "Rivera", PlatformAdmin: false),
    ];

    /// <summary>Stable ids, so a demo account keeps its id across runs and sign-in providers.</summary>
    public static Guid UserId(string email) =>
        new(MD5.HashData(Encoding.UTF8.GetBytes("avnera-demo:" + email)));

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await using (var db = await master.CreateAsync(DbPrincipal.Service, ct))
        {
            foreach (var person in People) await EnsureUserAsync(db, person, ct);
            await EnsurePlansAsync(db, ct);
            var shopper = UserId(Logins.Shopper);
            if (!await db.UserAddresses.AnyAsync(a => a.UserId == shopper, ct))
            {
                db.UserAddresses.Add(ShopperAddress(shopper));
                await db.SaveChangesAsync(ct);
            }
        }
        await EnsureSignInsAsync(ct);

        var fashion = await SeedStoreAsync(DemoStoreSpec.Fashion, Logins.FashionOwner, ct);
        await SeedStoreAsync(DemoStoreSpec.Home, Logins.HomeOwner, ct);
        await DemoOrders.EnsurePastOrderAsync(tenants, fashion, UserId(Logins.Shopper), Logins.Shopper, ShopperAddress(UserId(Logins.Shopper)),
            clock.GetUtcNow(), ct);
        logger.LogInformation("Demo data is loaded.");
    }

    /// <summary>
    /// Accounts for the demo people (confirmed, demo password): always with the embedded provider (kept in Supabase
    /// mode too, so a deployment can switch back), and in Supabase mode at GoTrue, with the Master ids as GoTrue ids.
    /// </summary>
    private async Task EnsureSignInsAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var auth = scope.ServiceProvider.GetRequiredService<Auth.Embedded.EmbeddedAuthProvider>();
        foreach (var person in People) await auth.EnsureAccountAsync(UserId(person.Email), person.Email, Logins.Password);

        if (scope.ServiceProvider.GetService<SupabaseOptions>() is not { IsConfigured: true } supabase) return;
        if (supabase.ServiceRoleKey is null)
        {
            logger.LogWarning("Supabase mode without SUPABASE_SERVICE_ROLE_KEY: the demo people get no Supabase Auth accounts, so demo sign-ins are refused");
            return;
        }
        var outcomes = await ActivatorUtilities.CreateInstance<DemoGoTrueAccounts>(scope.ServiceProvider).EnsureAsync(
            People.Select(p => new DemoGoTrueAccounts.Person(UserId(p.Email), p.Email, $"{p.First} {p.Last}")), Logins.Password, ct);
        logger.LogInformation("Demo people at Supabase Auth: {Outcomes}", string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}")));
    }

    private async Task<Guid> SeedStoreAsync(DemoStoreSpec spec, string ownerEmail, CancellationToken ct)
    {
        var storeId = await provisioner.ProvisionAsync(new NewStore(
            UserId(ownerEmail), spec.Slug, spec.Name, spec.Email, spec.Currency, spec.Culture, spec.Languages), ct);
        await using var db = await tenants.CreateProductsAsync(storeId, DbPrincipal.Service, TenantAccess.Maintenance, ct);
        if (await db.Products.AnyAsync(ct)) return storeId;
        var count = await new DemoCatalogGenerator(spec, db, UserId(Logins.Shopper), clock.GetUtcNow()).GenerateAsync(ct);
        logger.LogInformation("Demo store {Slug}: {Count} products created", spec.Slug, count);
        return storeId;
    }

    private static async Task EnsureUserAsync(MasterDbContext db, DemoPerson person, CancellationToken ct)
    {
        var id = UserId(person.Email);
        if (await db.Users.AnyAsync(u => u.Id == id, ct)) return;
        db.Users.Add(new User
        {
            Id = id, Email = person.Email, DisplayName = $"{person.First} {person.Last}", IsPlatformAdmin = person.PlatformAdmin,
            Profile = new UserProfile { UserId = id, FirstName = person.First, LastName = person.Last },
            Preferences = new UserPreferences { UserId = id },
        });
        await db.SaveChangesAsync(ct);
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
