using Avnera.Data.Security;
using Avnera.Data.Tenancy;
using Avnera.Tests.Infrastructure;
using Avnera.Web.Features.Demo;
using Avnera.Web.Auth;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;

namespace Avnera.Tests.Integration;

/// <summary>The demo data a new user meets: complete, consistent, and loaded only once however often it runs.</summary>
public sealed class DemoSeederTests(DemoSeederTests.SeededDatabases db) : IClassFixture<DemoSeederTests.SeededDatabases>
{
    public sealed class SeededDatabases : AvneraDatabases
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            // The seeder also creates the demo people's sign-ins, so it needs the embedded auth provider.
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(Configuration()).Build();
            await using var services = BuildServicesWith(Configuration(), s =>
            {
                s.AddDataProtection();
                s.AddAvneraAuth(configuration, new HostingEnvironment { EnvironmentName = "Development" });
            });
            var seeder = ActivatorUtilities.CreateInstance<DemoSeeder>(services);
            await seeder.SeedAsync();
            await seeder.SeedAsync(); // running twice must change nothing
        }
    }

    private Task<long> Products(string sql, params object[] args) => TestData.ScalarAsync<long>(db.Inspect(db.ProductsDatabase), sql, args);
    private Task<long> Master(string sql, params object[] args) => TestData.ScalarAsync<long>(db.Inspect(db.MasterDatabase), sql, args);
    private Task<long> Orders(string sql, params object[] args) => TestData.ScalarAsync<long>(db.Inspect(db.OrdersDatabase), sql, args);

    [Fact]
    public async Task Seeding_CreatesPeopleAndTwoActiveStores_OnlyOnce()
    {
        Assert.Equal(4, await Master("select count(*) from users"));
        Assert.Equal(4, await Master("select count(*) from auth_users where email_confirmed"));
        Assert.Equal(1, await Master("select count(*) from users where is_platform_admin"));
        Assert.Equal(2, await Master("select count(*) from stores where status = 'active'"));
        Assert.Equal(2, await Master("select count(*) from store_members where role = 'owner'"));
        Assert.Equal(400, await Products("select count(*) from products"));
        Assert.Equal(1, await Orders("select count(*) from orders"));
    }

    [Fact]
    public async Task EachStore_HasACategoryTree_ProductsWithImagesVariantsAndStock()
    {
        foreach (var slug in new[] { DemoStoreSpec.Fashion.Slug, DemoStoreSpec.Home.Slug })
        {
            var id = await TestData.ScalarAsync<Guid>(db.Inspect(db.MasterDatabase), "select id from stores where slug = $1", slug);
            Assert.Equal(200, await Products("select count(*) from products where store_id = $1", id));
            Assert.True(await Products("select count(*) from categories where store_id = $1 and parent_id is null", id) >= 3);
            Assert.True(await Products("select count(*) from categories where store_id = $1 and parent_id is not null", id) >= 10);
            Assert.Equal(0, await Products("select count(*) from products p where store_id = $1 and not exists (select 1 from product_images i where i.store_id = p.store_id and i.product_id = p.id)", id));
            Assert.Equal(0, await Products("select count(*) from products p where store_id = $1 and not exists (select 1 from product_variants v where v.store_id = p.store_id and v.product_id = p.id)", id));
            Assert.True(await Products("select count(*) from product_reviews where store_id = $1", id) > 20);
            Assert.True(await Products("select count(*) from product_variants where store_id = $1 and stock_on_hand > 0", id) > 100);
            // One search document per published product and store language (Maison Lumière speaks English and
            // French); drafts have none.
            var languages = slug == DemoStoreSpec.Fashion.Slug ? new[] { "en", "fr" } : ["en"];
            var published = await Products("select count(*) from products where store_id = $1 and status = 'published'", id);
            Assert.InRange(published, 150, 199); // a few are left as drafts
            Assert.Equal(published * languages.Length, await Products("select count(*) from product_search where store_id = $1", id));
            foreach (var language in languages)
                Assert.Equal(published, await Products(
                    "select count(*) from product_search s join products p on p.store_id = s.store_id and p.id = s.product_id where s.store_id = $1 and s.language = $2 and p.status = 'published'",
                    id, language));
            Assert.Equal(3, await Products("select count(*) from cms_blocks b join cms_pages p on p.store_id = b.store_id and p.id = b.page_id where p.store_id = $1 and p.slug = 'home' and p.status = 'published'", id));
        }
        // Size/colour variants in the fashion store.
        Assert.True(await Products("select count(distinct value) from product_attribute_values v join product_attributes a on a.store_id = v.store_id and a.id = v.attribute_id where a.code = 'size'") >= 5);
    }

    [Fact]
    public async Task StockOnHand_EqualsItsLedger_ForEveryVariant()
    {
        // Quantities are signed. On hand moves with receipts, adjustments, sales and returns; reserved with
        // reservations, releases and sales (a sale leaves both). The ledger must account for every unit.
        Assert.Equal(0, await Products("""
            select count(*) from product_variants v
            where v.stock_on_hand <> coalesce((select sum(m.quantity) from inventory_movements m
                where m.store_id = v.store_id and m.variant_id = v.id and m.kind in ('receipt', 'adjustment', 'sale', 'return')), 0)
            """));
        Assert.Equal(0, await Products("""
            select count(*) from product_variants v
            where v.stock_reserved <> coalesce((select sum(m.quantity) from inventory_movements m
                where m.store_id = v.store_id and m.variant_id = v.id and m.kind in ('reservation', 'release', 'sale')), 0)
            """));
    }

    [Fact]
    public async Task Shopper_HasAnAddress_AndADeliveredPaidPastOrder()
    {
        var shopper = DemoSeeder.UserId(DemoSeeder.Logins.Shopper);
        Assert.Equal(1, await Master("select count(*) from user_addresses where user_id = $1 and is_default_shipping", shopper));
        Assert.Equal(1, await Orders("select count(*) from orders where user_id = $1 and status = 'delivered' and paid_at is not null", shopper));
        Assert.Equal(1, await Orders("select count(*) from payments p join orders o on o.store_id = p.store_id and o.id = p.order_id where o.user_id = $1 and p.status = 'captured' and p.captured_amount = o.grand_total", shopper));
        Assert.True(await Orders("select count(*) from order_items i join orders o on o.store_id = i.store_id and o.id = i.order_id where o.user_id = $1", shopper) >= 1);
        var orderId = await TestData.ScalarAsync<Guid>(db.Inspect(db.OrdersDatabase), "select id from orders where user_id = $1", shopper);
        Assert.True(await Products("select count(*) from inventory_movements where order_id = $1 and kind = 'sale'", orderId) >= 1);
    }

    [Fact]
    public async Task DemoStores_AreServedThroughTheTenantFactory()
    {
        var id = await TestData.ScalarAsync<Guid>(db.Inspect(db.MasterDatabase), "select id from stores where slug = $1", DemoStoreSpec.Home.Slug);
        await using var ctx = await db.Services.GetRequiredService<ITenantDbContextFactory>().CreateProductsAsync(id, DbPrincipal.Service);
        Assert.Equal("Oak & Ember Home", ctx.Stores.Single().Name);
        Assert.Equal("USD", ctx.Stores.Single().Currency);
    }
}
