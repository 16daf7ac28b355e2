using Avnera.Data.Products;
using Avnera.Data.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Avnera.Data.Security;
using Avnera.Tests.Infrastructure;

namespace Avnera.Tests.Integration;

/// <summary>
/// Storefront search over real PostgreSQL full-text and trigram indexes: prefix matching, weighting,
/// typo correction against the store's vocabulary, SKUs, per-language configuration, the empty state, and drafts kept out by Row Level Security.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class StorefrontSearchTests(AppAndBrowser fixture) : IAsyncLifetime
{
    private string _slug = "";
    private Guid _store;
    private Dictionary<string, Guid> _ids = [];

    public async Task InitializeAsync()
    {
        var services = fixture.App.AppServices;
        _slug = "search-" + Guid.NewGuid().ToString("N")[..8];
        _store = await TestData.CreateStoreAsync(services, _slug);
        _ids = await TestCatalog.AddAsync(services, _store,
            new TestProduct("Linen Shirt", "Crisp and cool for summer.", PublishedDaysAgo: 30),
            // Newer, and mentions linen only in its description: must still rank below the name match.
            new TestProduct("Cotton Trousers", "Pairs well with a linen shirt.", PublishedDaysAgo: 1),
            new TestProduct("Wool Scarf", "Warm.", Sku: "TS-0042-NAVY-M", PublishedDaysAgo: 5),
            new TestProduct("Crinoline Skirt", "Full and light.", PublishedDaysAgo: 3),
            new TestProduct("Linen Secret Sample", "Not for sale yet.", Published: false));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<StorefrontScope> ShopperAsync(Guid? userId = null) => StorefrontScope.OpenAsync(fixture.App.AppServices, _slug, userId);

    private static async Task<(List<string> Names, bool Fuzzy)> SearchAsync(StorefrontScope shopper, string q)
    {
        var result = await shopper.ListAsync("?q=" + Uri.EscapeDataString(q));
        return (result.Products.Select(p => p.Name).ToList(), result.Search!.Fuzzy);
    }

    [Theory]
    [InlineData("lin")]
    [InlineData("line")]
    [InlineData("LINEN")]
    public async Task Prefix_AsYouType_FindsTheNameAtOnce(string typed)
    {
        await using var shopper = await ShopperAsync();
        var (names, fuzzy) = await SearchAsync(shopper, typed);
        Assert.False(fuzzy);
        Assert.Equal("Linen Shirt", names[0]);
        Assert.DoesNotContain("Crinoline Skirt", names); // prefixes match word starts, not the middle of words
    }

    [Fact]
    public async Task Weighting_NameMatchRanksAboveDescriptionOnlyMatch_EvenWhenOlder()
    {
        await using var shopper = await ShopperAsync();
        var (names, fuzzy) = await SearchAsync(shopper, "linen");
        Assert.False(fuzzy);
        Assert.Equal(["Linen Shirt", "Cotton Trousers"], names);
    }

    [Fact]
    public async Task NewestSort_OverridesRelevance()
    {
        await using var shopper = await ShopperAsync();
        var result = await shopper.ListAsync("?q=linen&sort=newest");
        Assert.Equal(["Cotton Trousers", "Linen Shirt"], result.Products.Select(p => p.Name));
    }

    [Theory]
    [InlineData("linnen")]
    [InlineData("lnen shirt")]
    [InlineData("shirtt")]
    public async Task Typo_FallsBackToSimilarNames(string typed)
    {
        await using var shopper = await ShopperAsync();
        var (names, fuzzy) = await SearchAsync(shopper, typed);
        Assert.True(fuzzy);
        Assert.Equal("Linen Shirt", names[0]);
        Assert.DoesNotContain("Linen Secret Sample", names);
    }

    [Theory]
    [InlineData("linnen", "linen")]
    [InlineData("lnen shirt", "linen shirt")]
    [InlineData("shirtt", "shirt")]
    [InlineData("cottn trousres", "cotton trousers")]
    public async Task Typo_IsCorrectedToTheClosestWordsOfTheCatalog(string typed, string searchedFor)
    {
        await using var shopper = await ShopperAsync();
        var result = await shopper.ListAsync("?q=" + Uri.EscapeDataString(typed));
        Assert.True(result.Search!.Fuzzy);
        Assert.Equal(typed, result.Search.Query);
        Assert.Equal(searchedFor, result.Search.SearchedFor);
    }

    [Fact]
    public async Task Typo_PageSaysWhichWordsItSearchedFor()
    {
        using var client = fixture.App.CreateClient();
        var html = await client.GetStringAsync($"s/{_slug}/search?q=linnen+shirt");
        Assert.Contains("No exact matches for “linnen shirt”. Showing results for “<strong>linen shirt</strong>”.", html);
        Assert.Contains("<mark>Linen</mark>", html); // the corrected words are highlighted
    }

    [Fact]
    public async Task Vocabulary_HoldsWordsOfPublishedProductsOnly_AndShoppersCannotReadIt()
    {
        var inspect = fixture.App.Inspect(fixture.App.ProductsDatabase);
        var words = (await TestData.ScalarAsync<string[]>(inspect,
            "select array_agg(term order by term) from search_terms where store_id = $1", _store))!;
        Assert.Subset(words.ToHashSet(), new HashSet<string> { "linen", "shirt", "cotton", "trousers", "wool", "scarf", "crinoline", "skirt" });
        Assert.DoesNotContain("secret", words); // only the draft has it
        Assert.DoesNotContain("sample", words);
        // So a misspelt draft word is never "corrected" into it.
        await using (var shopper = await ShopperAsync())
        {
            var result = await shopper.ListAsync("?q=secrett");
            Assert.Equal(0, result.Total);
            Assert.False(result.Search!.Fuzzy);
        }
        // Shoppers reach the vocabulary only through app.search_corrections, for the store they browse.
        var app = fixture.App.App(fixture.App.ProductsDatabase);
        var denied = await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            AsRole.CountAsync(app, DbPrincipal.Anonymous, _store, "select count(*) from search_terms"));
        Assert.Equal("42501", denied.SqlState);
    }

    [Theory]
    [InlineData("TS-0042-NAVY-M")]
    [InlineData("ts-0042")]
    [InlineData("0042")]
    public async Task Sku_FindsItsProduct(string typed)
    {
        await using var shopper = await ShopperAsync();
        var (names, fuzzy) = await SearchAsync(shopper, typed);
        Assert.False(fuzzy);
        Assert.Equal(["Wool Scarf"], names);
    }

    [Theory]
    [InlineData("zzqqxx")]
    [InlineData("!!!")]
    [InlineData("a")]
    public async Task NothingMatches_IsAnEmptyResultNotAnError(string typed)
    {
        await using var shopper = await ShopperAsync();
        var result = await shopper.ListAsync("?q=" + Uri.EscapeDataString(typed));
        Assert.Equal(0, result.Total);
        Assert.Empty(result.Products);
    }

    [Fact]
    public async Task NothingMatches_PageHelpsTheShopper()
    {
        using var client = fixture.App.CreateClient();
        var response = await client.GetAsync($"s/{_slug}/search?q=zzqqxx");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("No products match", html);
        Assert.Contains("Check the spelling", html);
        Assert.Contains("0 products", html);
        Assert.DoesNotContain("listing-filters", html); // nothing to filter: no empty filter column
    }

    [Fact]
    public async Task EmptySearch_AsksWhatToLookFor()
    {
        using var client = fixture.App.CreateClient();
        var html = await client.GetStringAsync($"s/{_slug}/search");
        Assert.Contains("Type what you are looking for", html);
    }

    [Fact]
    public async Task Drafts_NeverAppearInSearchOrListings()
    {
        foreach (var user in new Guid?[] { null, await TestData.CreateUserAsync(fixture.App.AppServices) })
        {
            await using var shopper = await ShopperAsync(user);
            Assert.Empty((await SearchAsync(shopper, "secret")).Names);
            Assert.Empty((await SearchAsync(shopper, "sample")).Names);
            Assert.DoesNotContain("Linen Secret Sample", (await SearchAsync(shopper, "linen")).Names);
            var all = await shopper.ListAsync("");
            Assert.Equal(4, all.Total);
            Assert.DoesNotContain(all.Products, p => p.Name == "Linen Secret Sample");
        }
    }

    [Fact]
    public async Task Drafts_HaveNoSearchDocuments_AndUnpublishingRemovesThem()
    {
        var draft = _ids["Linen Secret Sample"];
        var inspect = fixture.App.Inspect(fixture.App.ProductsDatabase);
        var app = fixture.App.App(fixture.App.ProductsDatabase);
        const string sql = "select count(*) from product_search where product_id = $1";
        Assert.Equal(0L, await TestData.ScalarAsync<long>(inspect, sql, draft)); // never indexed
        var person = DbPrincipal.Person(Guid.NewGuid(), "someone@example.com", false);
        Assert.Equal(0L, await AsRole.CountAsync(app, person, _store, "select count(*) from products where id = $1", draft));
        // Without any application filter, a visitor's search sees only the four published products.
        Assert.Equal(4L, await AsRole.CountAsync(app, DbPrincipal.Anonymous, _store, "select count(*) from product_search"));

        // A published product taken off sale loses its documents at once (trigger), before any re-index.
        var shirt = _ids["Linen Shirt"];
        Assert.Equal(1L, await TestData.ScalarAsync<long>(inspect, sql, shirt));
        Assert.Equal(1, await AsRole.ExecuteAsync(fixture.App.Service(fixture.App.ProductsDatabase), DbPrincipal.Service, _store, "update products set status = 'archived' where id = $1", shirt));
        Assert.Equal(0L, await TestData.ScalarAsync<long>(inspect, sql, shirt));
        Assert.Equal(1, await AsRole.ExecuteAsync(fixture.App.Service(fixture.App.ProductsDatabase), DbPrincipal.Service, _store, "update products set status = 'published' where id = $1", shirt));
        await using (var products = await fixture.App.AppServices.GetRequiredService<ITenantDbContextFactory>().CreateProductsAsync(_store, DbPrincipal.Service))
            await ProductSearchIndex.RefreshAsync(products, [shirt]);
        Assert.Equal(1L, await TestData.ScalarAsync<long>(inspect, sql, shirt));
    }

    [Fact]
    public async Task SearchMatchesView_AnswersForTheCallersStoreAndSearchOnly()
    {
        // app.search_matches reads product_search with its owner's rights (so the full-text index is used under
        // RLS); it must still answer only for the store the unit of work is signed for, and only for its search.
        var app = fixture.App.App(fixture.App.ProductsDatabase);
        var other = await TestData.CreateStoreAsync(fixture.App.AppServices, "search-other-" + Guid.NewGuid().ToString("N")[..8]);
        await TestCatalog.AddAsync(fixture.App.AppServices, other, new TestProduct("Linen Apron", "Also linen."));
        var linen = new Dictionary<string, string> { ["app.search_config"] = "english", ["app.search_query"] = "linen:*" };
        const string count = "select count(*) from app.search_matches where language = 'en'";
        foreach (var principal in new[] { DbPrincipal.Anonymous, DbPrincipal.Person(Guid.NewGuid(), "someone@example.com", false) })
        {
            Assert.Equal(2L, await AsRole.CountAsync(app, principal, _store, linen, count));   // Linen Shirt, Cotton Trousers
            Assert.Equal(1L, await AsRole.CountAsync(app, principal, other, linen, count));    // Linen Apron
            Assert.Equal(0L, await AsRole.CountAsync(app, principal, null, linen, count));     // no store: nothing
            Assert.Equal(0L, await AsRole.CountAsync(app, principal, _store, count));          // no search: nothing
            // Bound to one store, pointed at the other by an injected set_config: the binding is void, nothing.
            var moved = new Dictionary<string, string>(linen) { ["app.store_id"] = other.ToString() };
            Assert.Equal(0L, await AsRole.CountAsync(app, principal, _store, moved, count));
        }
    }

    [Fact]
    public async Task SearchDocuments_FollowTheProductsListingColumns()
    {
        // Search answers from product_search alone, so its copy of price, stock and rating must follow products.
        var scarf = _ids["Wool Scarf"];
        var inspect = fixture.App.Inspect(fixture.App.ProductsDatabase);
        var app = fixture.App.App(fixture.App.ProductsDatabase);
        Assert.Equal(1, await AsRole.ExecuteAsync(fixture.App.Service(fixture.App.ProductsDatabase), DbPrincipal.Service, _store, "update products set price = 123.45, rating_average = 4.5, rating_count = 2 where id = $1", scarf));
        Assert.Equal(123.45m, await TestData.ScalarAsync<decimal>(inspect, "select price from product_search where product_id = $1", scarf));
        Assert.Equal(2, await TestData.ScalarAsync<int>(inspect, "select rating_count from product_search where product_id = $1", scarf));
        // Stock: the variant trigger flips products.in_stock, whose trigger flips the search copy.
        await AsRole.ExecuteAsync(fixture.App.Service(fixture.App.ProductsDatabase), DbPrincipal.Service, _store, "update product_variants set stock_on_hand = 0, stock_reserved = 0 where product_id = $1", scarf);
        Assert.False(await TestData.ScalarAsync<bool>(inspect, "select in_stock from product_search where product_id = $1", scarf));
        await using var shopper = await StorefrontScope.OpenAsync(fixture.App.AppServices, _slug);
        var result = await shopper.ListAsync("?q=scarf");
        var card = Assert.Single(result.Products);
        Assert.Equal(123.45m, card.Price);
        Assert.False(card.InStock);
        Assert.Equal(0, result.Facets.InStockCount);
    }

    [Fact]
    public async Task French_UsesTheFrenchConfiguration()
    {
        // Maison Lumière has French names; "robes" (plural) reaches "Robe …" only through French stemming.
        await using var french = await StorefrontScope.OpenAsync(fixture.App.AppServices, "maison-lumiere", language: "fr");
        var result = await french.ListAsync("?q=robes");
        Assert.False(result.Search!.Fuzzy);
        Assert.InRange(result.Total, 5, 100);
        Assert.All(result.Products, p => Assert.StartsWith("Robe", p.Name));

        await using var english = await StorefrontScope.OpenAsync(fixture.App.AppServices, "maison-lumiere", language: "en");
        var dresses = await english.ListAsync("?q=dresses");
        Assert.False(dresses.Search!.Fuzzy);
        Assert.All(dresses.Products, p => Assert.Contains("Dress", p.Name));
        var robesInEnglish = await english.ListAsync("?q=robes");
        Assert.True(robesInEnglish.Total == 0 || robesInEnglish.Search!.Fuzzy, "English documents hold no French words");
    }

    [Fact]
    public async Task English_TypoOfLinen_FindsLinenProductsOfTheDemoStore()
    {
        await using var shopper = await StorefrontScope.OpenAsync(fixture.App.AppServices, "maison-lumiere", language: "en");
        var result = await shopper.ListAsync("?q=linnen");
        Assert.True(result.Search!.Fuzzy);
        Assert.InRange(result.Total, 5, 100);
        Assert.All(result.Products, p => Assert.Contains("Linen", p.Name));
    }
}
