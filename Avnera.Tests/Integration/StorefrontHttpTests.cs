using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Avnera.Data.Tenancy;
using Avnera.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Avnera.Tests.Integration;

/// <summary>
/// The storefront over HTTP as browsers and crawlers see it: forgiving URLs, old slugs, custom host names,
/// robots.txt and sitemap.xml, SEO tags and the page language.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class StorefrontHttpTests(AppAndBrowser fixture)
{
    private const string Fashion = "/s/maison-lumiere";

    private string Products => fixture.App.Inspect(fixture.App.ProductsDatabase);
    private string Master => fixture.App.Inspect(fixture.App.MasterDatabase);

    private HttpClient Client(bool redirects = true, CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = redirects, CookieContainer = cookies ?? new CookieContainer() })
        { BaseAddress = new Uri(fixture.App.BaseUrl + "/") };

    private static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>A published Maison Lumière product with a French name: (slug, English name, French name).</summary>
    private async Task<(string Slug, string Name, string French)> FashionProductAsync()
    {
        var row = await TestData.ScalarAsync<string>(Products, """
            select p.slug || '|' || p.name || '|' || t.name from products p
            join stores s on s.id = p.store_id
            join product_translations t on t.store_id = p.store_id and t.product_id = p.id and t.language = 'fr'
            where s.name = 'Maison Lumière' and p.status = 'published'
              and exists (select 1 from product_variants v where v.store_id = p.store_id and v.product_id = p.id and v.is_active)
            order by p.slug limit 1
            """);
        var parts = row!.Split('|');
        return (parts[0], parts[1], parts[2]);
    }

    /// <summary>A new store answering on a host name of its own.</summary>
    private async Task<(Guid Store, string Slug, string Host)> StoreOnItsOwnHostAsync(string slugPrefix)
    {
        var services = fixture.App.AppServices;
        var slug = slugPrefix + "-" + Guid.NewGuid().ToString("N")[..8];
        var host = $"shop-{Guid.NewGuid():N}"[..17] + ".example";
        var store = await TestData.CreateStoreAsync(services, slug);
        await TestData.ExecuteAsync(Master, "update stores set custom_host = $1 where id = $2", host, store);
        services.GetRequiredService<StoreRegistry>().Invalidate(store); // as a change of the registration does
        return (store, slug, host);
    }

    public static TheoryData<string, int> BadInput => new()
    {
        { Fashion + "/products?page=-1", 200 },
        { Fashion + "/products?page=abc", 200 },
        { Fashion + "/products?page=99999999999", 200 },
        { Fashion + "/c/women?page=99999", 200 },
        { Fashion + "/products?sort=drop%20table", 200 },
        { Fashion + "/search?q=linen&sort=%27%3B--", 200 },
        { Fashion + "/search?q=" + new string('a', 10 * 1024), 200 },
        { Fashion + "/search?q=%00%27%22%3C%3E:*%26%7C!", 200 },
        { Fashion + "/products?f_size=%00&f_=x&f_bogus=1&f_colour=%3Cscript%3E&F_SIZE=m", 200 },
        { Fashion + "/products?f_size=" + new string('x', 500), 200 },
        { Fashion + "/products?min=200&max=10", 200 },
        { Fashion + "/products?min=abc&max=-1&instock=maybe", 200 },
        { Fashion + "/products?lang=xx", 200 },
        { Fashion + "/products?lang=%00", 200 },
        { Fashion + "/c/no-such-category", 404 },
        { Fashion + "/c/no-such-category?page=-1&sort=drop%20table", 404 },
        { Fashion + "/collections/no-such-collection", 404 },
        { Fashion + "/p/no-such-product", 404 },
        { Fashion + "/p/no-such-product/reviews", 404 },
        { Fashion + "/pages/no-such-page", 404 },
        { Fashion + "?category=no-such-category", 404 },
        { "/s/no-such-store/products", 404 },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task BadInput_AnswersANormalPageOrNotFound_NeverAnError(string url, int status)
    {
        using var client = Client();
        var response = await client.GetAsync(url.TrimStart('/'));
        Assert.Equal(status, (int)response.StatusCode);
        var doc = await ParseAsync(response);
        var h1 = doc.QuerySelector("h1")?.TextContent.Trim();
        if (status == 404) Assert.Equal("Page not found", h1);
        else Assert.False(string.IsNullOrEmpty(h1));
    }

    [Fact]
    public async Task BadInput_ProductPageWithUnknownOptions_IsTheProductPage()
    {
        var (slug, name, _) = await FashionProductAsync();
        using var client = Client();
        var response = await client.GetAsync($"s/maison-lumiere/p/{slug}?o_size=XXL&o_colour=%00&o_=1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(name, (await ParseAsync(response)).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task LongSearch_IsCutAndStillAnswered()
    {
        using var client = Client();
        var doc = await ParseAsync(await client.GetAsync("s/maison-lumiere/search?q=linen" + new string('x', 10 * 1024)));
        Assert.Equal($"Results for “linen{new string('x', 95)}”", doc.QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("/products?q=")] // not a search: the words are not used, and were repeated in every link back here
    [InlineData("/search?q=")]
    [InlineData("/c/women?utm_campaign=")]
    public async Task TenKilobyteParameter_IsNotRepeatedInTheLinksOfThePage_SoThePageStaysSmall(string path)
    {
        using var client = Client();
        var response = await client.GetAsync((Fashion + path).TrimStart('/') + new string('x', 10 * 1024));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.InRange(html.Length, 1, 60_000);
        Assert.DoesNotContain(new string('x', 101), html);
    }

    [Fact]
    public async Task UnknownFilterValues_AreDropped_NeitherOfferedAsFiltersNorRepeated()
    {
        var known = (await TestData.ScalarAsync<string>(Products, """
            select string_agg(distinct v, chr(31)) from products p join stores s on s.id = p.store_id, unnest(p.facet_values) v
            where s.name = 'Maison Lumière' and p.status = 'published'
            """))!.Split('\u001f');
        using var client = Client();
        async Task<(string Html, IDocument Doc)> Get(string query)
        {
            var response = await client.GetAsync("s/maison-lumiere/c/women?" + query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            return (html, await new HtmlParser().ParseDocumentAsync(html));
        }

        var (html, doc) = await Get("f_colour=%3Cscript%3Ex%3C%2Fscript%3E&f_colour=Black&f_size=nonexistent&f_brand=nonexistent"
                                    + "&color=%3Cscript%3Ey%3C%2Fscript%3E&brand=nonexistent&page=5000&sort=bogus&min=abc");

        var options = doc.QuerySelectorAll("form.facets input[type=checkbox][name^='f_']").ToList();
        Assert.NotEmpty(options);
        Assert.All(options, o => Assert.Contains(o.GetAttribute("name")![2..] + ":" + o.GetAttribute("value"), known));
        Assert.Equal(["colour:Black"], options.Where(o => o.HasAttribute("checked")).Select(o => o.GetAttribute("name")![2..] + ":" + o.GetAttribute("value")));
        Assert.DoesNotContain("nonexistent", html);
        var decoded = WebUtility.HtmlDecode(Uri.UnescapeDataString(html));
        Assert.DoesNotContain("<script>x", decoded);
        Assert.DoesNotContain("<script>y", decoded);
        // The listing is the one of the known filter alone.
        var (_, black) = await Get("f_colour=Black");
        Assert.Equal(black.QuerySelector(".count[role=status]")!.TextContent, doc.QuerySelector(".count[role=status]")!.TextContent);
    }

    [Fact]
    public async Task LinksBackToThePage_CarryItsParametersAsUnderstood_WithoutNoticesOrTags()
    {
        using var client = Client();
        var listing = await ParseAsync(await client.GetAsync("s/maison-lumiere/c/women?F_COLOUR=black&sort=price-asc&page=2&utm_source=mail&wishlist=added"));
        Assert.Equal("/login?returnUrl=" + Uri.EscapeDataString($"{Fashion}/c/women?f_colour=Black&sort=price-asc&page=2"),
            listing.QuerySelector(".store-links a[href^='/login']")!.GetAttribute("href"));
        Assert.Equal([("f_colour", "Black"), ("sort", "price-asc")],
            listing.QuerySelectorAll("form.language input[type=hidden]").Select(i => (i.GetAttribute("name")!, i.GetAttribute("value")!)));

        var (slug, _, _) = await FashionProductAsync();
        var product = await ParseAsync(await client.GetAsync($"s/maison-lumiere/p/{slug}?o_size=M&lang=fr&vote=thanks"));
        Assert.Equal("/login?returnUrl=" + Uri.EscapeDataString($"{Fashion}/p/{slug}?o_size=M&lang=fr"),
            product.QuerySelector(".store-links a[href^='/login']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task OldSlug_RedirectsPermanentlyToTheNewOne_KeepingPathAndQuery()
    {
        var slug = "renamed-" + Guid.NewGuid().ToString("N")[..8];
        var old = "old-" + Guid.NewGuid().ToString("N")[..8];
        var store = await TestData.CreateStoreAsync(fixture.App.AppServices, slug);
        await TestData.ExecuteAsync(Master, "insert into store_slug_redirects (slug, store_id, created_at) values ($1, $2, now())", old, store);
        using var client = Client(redirects: false);

        var response = await client.GetAsync($"s/{old}/products?page=2&sort=price-asc");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"/s/{slug}/products?page=2&sort=price-asc", response.Headers.Location!.OriginalString);

        var admin = await client.GetAsync($"admin/{old}/products");
        Assert.Equal(HttpStatusCode.MovedPermanently, admin.StatusCode);
        Assert.Equal($"/admin/{slug}/products", admin.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"s/never-{old}/products")).StatusCode);
        using var following = Client();
        Assert.Equal(HttpStatusCode.OK, (await following.GetAsync($"s/{old}")).StatusCode);
    }

    [Fact]
    public async Task CustomHost_ServesTheStoreAtTheRootOfItsHost()
    {
        var (store, slug, host) = await StoreOnItsOwnHostAsync("hosted");
        await TestCatalog.AddAsync(fixture.App.AppServices, store, new TestProduct("Linen Shirt"));
        using var client = Client();

        async Task<HttpResponseMessage> Get(string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Host = host;
            return await client.SendAsync(request);
        }

        var home = await Get("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Store " + slug, (await ParseAsync(home)).QuerySelector(".store-name")!.TextContent);
        var product = await Get("/p/linen-shirt");
        Assert.Equal(HttpStatusCode.OK, product.StatusCode);
        var productPage = await ParseAsync(product);
        Assert.Equal("Linen Shirt", productPage.QuerySelector("h1")!.TextContent);
        // Canonical and Open Graph addresses agree with the sitemap: the store's pages at the root of its host.
        Assert.Equal($"http://{host}/p/linen-shirt", productPage.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal($"http://{host}/p/linen-shirt", productPage.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        Assert.Equal(HttpStatusCode.NotFound, (await Get("/p/no-such-product")).StatusCode);
        // Every link and form of the store's pages stays on its host's short addresses.
        var listing = await ParseAsync(await Get("/products"));
        Assert.Equal("/search", listing.QuerySelector("form[role=search]")!.GetAttribute("action"));
        Assert.Equal("/p/linen-shirt", listing.QuerySelector(".card a")!.GetAttribute("href"));
        Assert.Equal("/products", listing.QuerySelector("form.facets")?.GetAttribute("action") ?? "/products");
        foreach (var page in new[] { listing, productPage })
        {
            var addresses = page.QuerySelectorAll("a[href], form[action], input[name=returnUrl]")
                .Select(e => Uri.UnescapeDataString(e.GetAttribute("href") ?? e.GetAttribute("action") ?? e.GetAttribute("value") ?? "")).ToList();
            Assert.Contains(addresses, a => a.StartsWith("/login?returnUrl=/", StringComparison.Ordinal)); // sign in comes back here
            Assert.DoesNotContain(addresses, a => a.Contains($"/s/{slug}", StringComparison.Ordinal));
        }

        var robots = await (await Get("/robots.txt")).Content.ReadAsStringAsync();
        Assert.Contains("Disallow: /search\n", robots);
        Assert.Contains($"Sitemap: http://{host}/sitemap.xml", robots);
        var sitemap = XDocument.Parse(await (await Get("/sitemap.xml")).Content.ReadAsStringAsync());
        var locs = sitemap.Descendants(XName.Get("loc", "http://www.sitemaps.org/schemas/sitemap/0.9")).Select(l => l.Value).ToList();
        Assert.Contains($"http://{host}", locs);
        Assert.Contains($"http://{host}/p/linen-shirt", locs);

        // The platform's own pages still answer on the store's host; other hosts are not the store.
        Assert.Equal(HttpStatusCode.OK, (await Get("/login")).StatusCode);
        Assert.Null((await ParseAsync(await client.GetAsync("/"))).QuerySelector(".store-name")); // the platform's home, not the store
    }

    [Fact]
    public async Task LanguageCookie_IsScopedToTheStore_AtTheRootOfItsOwnHost_AndNeverSetByTheAdminArea()
    {
        var (store, slug, host) = await StoreOnItsOwnHostAsync("bilingual");
        await TestData.ExecuteAsync(Products, "update stores set languages = '{en,fr}' where id = $1", store);
        using var client = Client(redirects: false);

        async Task<string?> LanguageCookie(string path, string? onHost = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (onHost is not null) request.Headers.Host = onHost;
            using var response = await client.SendAsync(request);
            return response.Headers.TryGetValues("Set-Cookie", out var cookies)
                ? cookies.SingleOrDefault(c => c.StartsWith("avnera.lang=", StringComparison.Ordinal))
                : null;
        }

        var onPlatform = await LanguageCookie($"s/{slug}/products?lang=fr");
        Assert.StartsWith("avnera.lang=fr;", onPlatform);
        Assert.Contains($"path=/s/{slug};", onPlatform);
        var onOwnHost = await LanguageCookie("/products?lang=fr", host);
        Assert.StartsWith("avnera.lang=fr;", onOwnHost);
        Assert.Contains("path=/;", onOwnHost);
        // The store's admin has no storefront language: nothing is chosen or remembered there.
        Assert.Null(await LanguageCookie($"admin/{slug}/products?lang=fr"));
    }

    [Fact]
    public async Task RobotsTxt_KeepsCrawlersOutOfSearchAndWishlists_AndPointsAtTheSitemap()
    {
        using var client = Client();
        var response = await client.GetAsync("s/maison-lumiere/robots.txt");
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["User-agent: *", $"Allow: {Fashion}/", $"Disallow: {Fashion}/wishlist", $"Disallow: {Fashion}/search",
            $"Sitemap: {fixture.App.BaseUrl}{Fashion}/sitemap.xml"], lines);
    }

    [Fact]
    public async Task SitemapXml_ListsEveryPublishedPageInBothLanguages_WithHreflangAlternates()
    {
        using var client = Client();
        var response = await client.GetAsync("s/maison-lumiere/sitemap.xml");
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9", xhtml = "http://www.w3.org/1999/xhtml";
        var urls = xml.Root!.Elements(sm + "url").ToList();
        var origin = fixture.App.BaseUrl + Fashion;

        var published = (await TestData.ScalarAsync<string>(Products,
            "select string_agg(p.slug, ' ') from products p join stores s on s.id = p.store_id where s.name = 'Maison Lumière' and p.status = 'published'"))!.Split(' ');
        var drafts = (await TestData.ScalarAsync<string>(Products,
            "select string_agg(p.slug, ' ') from products p join stores s on s.id = p.store_id where s.name = 'Maison Lumière' and p.status <> 'published'"))?.Split(' ') ?? [];
        var locs = urls.Select(u => u.Element(sm + "loc")!.Value).ToHashSet();
        Assert.All(published, slug =>
        {
            Assert.Contains($"{origin}/p/{slug}", locs);
            Assert.Contains($"{origin}/p/{slug}?lang=fr", locs);
        });
        Assert.NotEmpty(drafts);
        Assert.All(drafts, slug => Assert.DoesNotContain(locs, l => l.EndsWith("/p/" + slug, StringComparison.Ordinal) || l.Contains("/p/" + slug + "?")));
        Assert.Contains(origin, locs);
        Assert.Contains($"{origin}/c/women?lang=fr", locs);
        Assert.Contains($"{origin}/collections/new-arrivals", locs);

        foreach (var url in urls)
        {
            var loc = url.Element(sm + "loc")!.Value;
            var english = loc.Replace("?lang=fr", "");
            var alternates = url.Elements(xhtml + "link").ToDictionary(l => l.Attribute("hreflang")!.Value, l => l.Attribute("href")!.Value);
            Assert.Equal(english, alternates["en"]);
            Assert.Equal(english + "?lang=fr", alternates["fr"]);
            Assert.All(url.Elements(xhtml + "link"), l => Assert.Equal("alternate", l.Attribute("rel")!.Value));
        }
        Assert.All(urls.Where(u => u.Element(sm + "loc")!.Value.Contains("/p/")), u => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", u.Element(sm + "lastmod")!.Value));
    }

    [Fact]
    public async Task SitemapXml_OneLanguageStore_HasNoAlternates()
    {
        using var client = Client();
        var xml = XDocument.Parse(await client.GetStringAsync("s/oak-and-ember/sitemap.xml"));
        Assert.Empty(xml.Descendants(XName.Get("link", "http://www.w3.org/1999/xhtml")));
        Assert.DoesNotContain(xml.Descendants(XName.Get("loc", "http://www.sitemaps.org/schemas/sitemap/0.9")), l => l.Value.Contains("lang="));
    }

    [Fact]
    public async Task ProductPage_HasCanonicalOpenGraphAndProductJsonLd()
    {
        var (slug, name, _) = await FashionProductAsync();
        using var client = Client();
        var doc = await ParseAsync(await client.GetAsync($"s/maison-lumiere/p/{slug}"));
        var url = $"{fixture.App.BaseUrl}{Fashion}/p/{slug}";
        string? Meta(string property) => doc.QuerySelector($"meta[property='{property}']")?.GetAttribute("content");

        Assert.Equal(url, doc.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(url, doc.QuerySelector("link[rel=alternate][hreflang=en]")!.GetAttribute("href"));
        Assert.Equal(url + "?lang=fr", doc.QuerySelector("link[rel=alternate][hreflang=fr]")!.GetAttribute("href"));
        Assert.Equal($"{name} · Maison Lumière", doc.Title);
        Assert.Equal(name, Meta("og:title"));
        Assert.Equal("product", Meta("og:type"));
        Assert.Equal(url, Meta("og:url"));
        Assert.Equal("Maison Lumière", Meta("og:site_name"));
        Assert.StartsWith(fixture.App.BaseUrl + "/media/", Meta("og:image"));
        Assert.False(string.IsNullOrWhiteSpace(doc.QuerySelector("meta[name=description]")!.GetAttribute("content")));
        Assert.Null(doc.QuerySelector("meta[name=robots]"));

        var script = Assert.Single(doc.QuerySelectorAll("script[type='application/ld+json']"));
        var json = JsonDocument.Parse(script.TextContent).RootElement;
        Assert.Equal("Product", json.GetProperty("@type").GetString());
        Assert.Equal(name, json.GetProperty("name").GetString());
        Assert.Equal(url, json.GetProperty("url").GetString());
        var variants = await TestData.ScalarAsync<long>(Products,
            "select count(*) from product_variants v join products p on p.store_id = v.store_id and p.id = v.product_id where p.slug = $1 and v.is_active", slug);
        var offers = json.GetProperty("offers").EnumerateArray().ToList();
        Assert.Equal(variants, offers.Count);
        Assert.All(offers, o => Assert.Equal("EUR", o.GetProperty("priceCurrency").GetString()));
    }

    [Fact]
    public async Task SearchAndFilteredListings_AreNotIndexed_PlainListingsAreCanonical()
    {
        using var client = Client();
        var search = await ParseAsync(await client.GetAsync("s/maison-lumiere/search?q=linen"));
        Assert.Equal("noindex, follow", search.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        var filtered = await ParseAsync(await client.GetAsync("s/maison-lumiere/c/women?f_size=M"));
        Assert.NotNull(filtered.QuerySelector("meta[name=robots]"));
        var category = await ParseAsync(await client.GetAsync("s/maison-lumiere/c/women?page=2"));
        Assert.Equal($"{fixture.App.BaseUrl}{Fashion}/c/women?page=2", category.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task HtmlLang_FollowsTheChosenLanguage_RememberedByCookie()
    {
        var (slug, name, french) = await FashionProductAsync();
        var cookies = new CookieContainer();
        using var client = Client(cookies: cookies);
        async Task<IDocument> Page(string url) => await ParseAsync(await client.GetAsync(url));

        var english = await Page($"s/maison-lumiere/p/{slug}");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal(name, english.QuerySelector("h1")!.TextContent);

        var inFrench = await Page($"s/maison-lumiere/p/{slug}?lang=fr");
        Assert.Equal("fr", inFrench.DocumentElement.GetAttribute("lang"));
        Assert.Equal(french, inFrench.QuerySelector("h1")!.TextContent);
        Assert.Equal("fr", inFrench.QuerySelector("meta[property='og:locale']")!.GetAttribute("content"));
        Assert.EndsWith($"/p/{slug}?lang=fr", inFrench.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));

        // The choice is remembered for the store: the next page without ?lang= is French too.
        var women = await Page("s/maison-lumiere/c/women");
        Assert.Equal("fr", women.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Femme", women.QuerySelector("h1")!.TextContent);

        // A language the store does not offer is ignored.
        using var other = Client();
        Assert.Equal("en", (await ParseAsync(await other.GetAsync("s/oak-and-ember/products?lang=fr"))).DocumentElement.GetAttribute("lang"));
        Assert.Equal("en", (await ParseAsync(await other.GetAsync("s/maison-lumiere/products?lang=de"))).DocumentElement.GetAttribute("lang"));
    }
}
