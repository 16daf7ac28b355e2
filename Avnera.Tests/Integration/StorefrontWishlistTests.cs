using Avnera.Data.Security;
using Avnera.Tests.Infrastructure;

namespace Avnera.Tests.Integration;

/// <summary>The wishlist as signed-in shoppers use it (the app's WishlistService), and its rows kept private by RLS.</summary>
[Collection(E2ECollection.Name)]
public sealed class StorefrontWishlistTests(AppAndBrowser fixture) : IAsyncLifetime
{
    private string _slug = "";
    private Guid _store;
    private Dictionary<string, Guid> _ids = [];

    private IServiceProvider Services => fixture.App.AppServices;
    private string AppConnection => fixture.App.App(fixture.App.ProductsDatabase);

    public async Task InitializeAsync()
    {
        _slug = "wish-" + Guid.NewGuid().ToString("N")[..8];
        _store = await TestData.CreateStoreAsync(Services, _slug);
        _ids = await TestCatalog.AddAsync(Services, _store,
            new TestProduct("Linen Shirt"), new TestProduct("Wool Scarf"), new TestProduct("Hidden Draft", Published: false));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<StorefrontScope> As(Guid user) => StorefrontScope.OpenAsync(Services, _slug, user);

    [Fact]
    public async Task Toggle_AddsThenRemoves_AndTheListShowsIt()
    {
        var user = await TestData.CreateUserAsync(Services);
        await using var shopper = await As(user);

        Assert.True(await shopper.Wishlist.ToggleAsync(_ids["Linen Shirt"]));
        Assert.True(await shopper.Wishlist.ToggleAsync(_ids["Wool Scarf"]));
        var list = await shopper.Wishlist.ListAsync();
        Assert.Equal(["Linen Shirt", "Wool Scarf"], list.Select(p => p.Name).Order());
        Assert.All(list, p => Assert.True(p.Wishlisted));
        Assert.True(await shopper.Products.IsWishlistedAsync(_ids["Linen Shirt"]));
        Assert.Contains((await shopper.ListAsync("")).Products, p => p.Name == "Linen Shirt" && p.Wishlisted);

        Assert.False(await shopper.Wishlist.ToggleAsync(_ids["Linen Shirt"]));
        Assert.Equal(["Wool Scarf"], (await shopper.Wishlist.ListAsync()).Select(p => p.Name));
        Assert.False(await shopper.Products.IsWishlistedAsync(_ids["Linen Shirt"]));
        Assert.Equal(1L, await TestData.ScalarAsync<long>(fixture.App.Inspect(fixture.App.ProductsDatabase),
            "select count(*) from wishlists where user_id = $1", user));
    }

    [Fact]
    public async Task Toggle_DraftOrUnknownProduct_IsRefused()
    {
        await using var shopper = await As(await TestData.CreateUserAsync(Services));
        Assert.Null(await shopper.Wishlist.ToggleAsync(_ids["Hidden Draft"]));
        Assert.Null(await shopper.Wishlist.ToggleAsync(Guid.NewGuid()));
        Assert.Empty(await shopper.Wishlist.ListAsync());
    }

    [Fact]
    public async Task EachShopper_SeesAndChangesOnlyTheirOwnList()
    {
        var alice = await TestData.CreateUserAsync(Services);
        var bob = await TestData.CreateUserAsync(Services);
        await using (var a = await As(alice)) Assert.True(await a.Wishlist.ToggleAsync(_ids["Linen Shirt"]));

        await using (var b = await As(bob))
        {
            Assert.Empty(await b.Wishlist.ListAsync());
            Assert.False(await b.Products.IsWishlistedAsync(_ids["Linen Shirt"]));
            // Bob toggling the same product adds his own row; Alice's stays.
            Assert.True(await b.Wishlist.ToggleAsync(_ids["Linen Shirt"]));
        }
        await using (var a = await As(alice)) Assert.Single(await a.Wishlist.ListAsync());
    }

    [Fact]
    public async Task RowLevelSecurity_AnotherPersonCannotReadDeleteOrAddToMyList()
    {
        var alice = await TestData.CreateUserAsync(Services);
        await using (var a = await As(alice)) Assert.True(await a.Wishlist.ToggleAsync(_ids["Wool Scarf"]));
        var bob = DbPrincipal.Person(await TestData.CreateUserAsync(Services), "bob@example.com", false);

        Assert.Equal(0L, await AsRole.CountAsync(AppConnection, bob, _store, "select count(*) from wishlists where user_id = $1", alice));
        Assert.Equal(0, await AsRole.ExecuteAsync(AppConnection, bob, _store, "delete from wishlists where user_id = $1", alice));
        Assert.Equal(0, await AsRole.ExecuteAsync(AppConnection, bob, _store, "update wishlists set product_id = $2 where user_id = $1", alice, _ids["Linen Shirt"]));
        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => AsRole.ExecuteAsync(AppConnection, bob, _store,
            "insert into wishlists (store_id, id, user_id, product_id, created_at) values ($1, gen_random_uuid(), $2, $3, now())",
            _store, alice, _ids["Linen Shirt"]));
        var anonymous = await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            AsRole.CountAsync(AppConnection, DbPrincipal.Anonymous, _store, "select count(*) from wishlists"));
        Assert.Equal("42501", anonymous.SqlState); // visitors have no rights on wishlists at all

        var aliceRole = DbPrincipal.Person(alice, "alice@example.com", false);
        Assert.Equal(1L, await AsRole.CountAsync(AppConnection, aliceRole, _store, "select count(*) from wishlists"));
        Assert.Equal(1L, await TestData.ScalarAsync<long>(fixture.App.Inspect(fixture.App.ProductsDatabase),
            "select count(*) from wishlists where user_id = $1", alice));
    }
}
