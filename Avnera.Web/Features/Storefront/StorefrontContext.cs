using System.Text.Json;
using System.Text.RegularExpressions;
using Avnera.Data.Products;
using Avnera.Data.Security;
using Avnera.Data.Tenancy;
using Avnera.Web.Auth;
using Avnera.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Avnera.Web.Features.Storefront;

/// <summary>What every storefront page shows of its store: name, money format, languages, theme.</summary>
public sealed record StoreSettings(
    Guid Id, string Slug, string Name, string Currency, string Culture, string DefaultLanguage,
    IReadOnlyList<string> Languages, string? LogoUrl, StoreTheme Theme)
{
    public string Price(decimal amount) => Money.Format(amount, Currency, Culture);
}

/// <summary>Theme colours from the store's settings; only #rgb/#rrggbb values are accepted (they go into CSS).</summary>
public sealed partial record StoreTheme(string? Primary, string? Accent)
{
    public static StoreTheme Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return new(null, null);
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return new(null, null);
            return new(Colour(doc.RootElement, "primary"), Colour(doc.RootElement, "accent"));
        }
        catch (JsonException)
        {
            return new(null, null);
        }
    }

    private static string? Colour(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && HexColour().IsMatch(v.GetString()!) ? v.GetString() : null;

    [GeneratedRegex("^#(?:[0-9a-fA-F]{3}){1,2}$")]
    private static partial Regex HexColour();
}

public sealed record CategoryNode(Guid Id, Guid? ParentId, string Slug, string Name, string? Description, IReadOnlyList<CategoryNode> Children)
{
    public IEnumerable<CategoryNode> SelfAndDescendants() => Children.SelectMany(c => c.SelfAndDescendants()).Prepend(this);
}

public sealed record FacetAttribute(Guid Id, string Code, string Name);

public sealed record CollectionLink(Guid Id, string Slug, string Name, string? Description);

/// <summary>
/// The published shape of a store's catalog in one language: category tree (translated names), filterable
/// attributes, collections. The same for every visitor, so it is read as anonymous and cached briefly.
/// </summary>
public sealed class CatalogSkeleton
{
    public CatalogSkeleton(IReadOnlyList<CategoryNode> tree, IReadOnlyList<FacetAttribute> attributes, IReadOnlyList<CollectionLink> collections)
    {
        Tree = tree;
        Attributes = attributes;
        Collections = collections;
        var all = tree.SelectMany(n => n.SelfAndDescendants()).ToList();
        BySlug = all.ToDictionary(n => n.Slug, StringComparer.OrdinalIgnoreCase);
        ById = all.ToDictionary(n => n.Id);
    }

    public IReadOnlyList<CategoryNode> Tree { get; }
    public IReadOnlyDictionary<string, CategoryNode> BySlug { get; }
    public IReadOnlyDictionary<Guid, CategoryNode> ById { get; }
    public IReadOnlyList<FacetAttribute> Attributes { get; }
    public IReadOnlyList<CollectionLink> Collections { get; }

    /// <summary>The path from the root to <paramref name="node"/>, for breadcrumbs.</summary>
    public IReadOnlyList<CategoryNode> PathTo(CategoryNode node)
    {
        var path = new List<CategoryNode>();
        for (CategoryNode? n = node; n is not null; n = n.ParentId is { } p && ById.TryGetValue(p, out var parent) ? parent : null)
            path.Insert(0, n);
        return path;
    }
}

/// <summary>
/// The storefront of the current request: its store (resolved by <see cref="StoreResolutionMiddleware"/>),
/// the shopper's language (?lang=, then the cookie, then the store's default), and Products contexts that
/// act for the shopper. Store settings and the catalog skeleton are cached for 30 seconds per instance.
/// </summary>
public sealed class StorefrontContext(
    CurrentStore current, ITenantDbContextFactory tenants, CurrentDbPrincipal principal, IMemoryCache cache)
{
    public const string LanguageCookie = "avnera.lang";
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    private StoreSettings? _settings;

    public Guid StoreId => current.Id;
    public string Slug => current.Slug;

    /// <summary>Whether the visitor reached the store on its own host name (set by <see cref="Storefront.StorefrontLanguageMiddleware"/>).</summary>
    public bool OnOwnHost { get; set; }

    /// <summary>The store's path prefix as the visitor sees it: "" on its own host name, "/s/{slug}" otherwise.</summary>
    public string BasePath => OnOwnHost ? "" : "/s/" + current.Slug;

    /// <summary>The path of this request as the visitor sees it (a store on its own host is mapped under /s/{slug} inside).</summary>
    public string VisitorPath(HttpRequest request)
    {
        var path = request.Path.Value ?? "/";
        var inside = "/s/" + current.Slug;
        return OnOwnHost && path.StartsWith(inside, StringComparison.OrdinalIgnoreCase)
            ? path[inside.Length..] is { Length: > 0 } rest ? rest : "/"
            : path;
    }

    /// <summary>The language pages render in; set by <see cref="ChooseLanguage"/>.</summary>
    public string Language { get; private set; } = "en";

    public StoreSettings Settings => _settings ?? throw new InvalidOperationException("Storefront settings are not loaded.");

    public bool IsLoaded => _settings is not null;

    public async Task<StoreSettings> LoadAsync(CancellationToken ct = default)
    {
        if (_settings is not null) return _settings;
        var id = current.Id;
        var slug = current.Slug;
        _settings = await cache.GetOrCreateAsync("avnera:storefront:" + id.ToString("N"), async e =>
        {
            e.AbsoluteExpirationRelativeToNow = Ttl;
            await using var db = await tenants.CreateProductsAsync(id, DbPrincipal.Anonymous, ct: ct);
            var s = await db.Stores.AsNoTracking().SingleAsync(ct);
            var languages = s.Languages.Prepend(s.DefaultLanguage).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return new StoreSettings(id, slug, s.Name, s.Currency, s.Culture, s.DefaultLanguage, languages, s.LogoUrl, StoreTheme.Parse(s.Theme));
        }) ?? throw new InvalidOperationException("Store settings could not be loaded.");
        Language = _settings.DefaultLanguage;
        return _settings;
    }

    /// <summary>Picks the page language from the candidates in order; unknown languages are ignored.</summary>
    public string ChooseLanguage(params string?[] candidates)
    {
        var settings = Settings;
        Language = candidates.Select(c => c?.Trim())
            .FirstOrDefault(c => !string.IsNullOrEmpty(c) && settings.Languages.Contains(c, StringComparer.OrdinalIgnoreCase))
            ?.ToLowerInvariant() ?? settings.DefaultLanguage;
        return Language;
    }

    public bool IsDefaultLanguage => string.Equals(Language, Settings.DefaultLanguage, StringComparison.OrdinalIgnoreCase);

    public Task<CatalogSkeleton> SkeletonAsync(CancellationToken ct = default)
    {
        var id = current.Id;
        var language = Language;
        return cache.GetOrCreateAsync($"avnera:skeleton:{id:N}:{language}", async e =>
        {
            e.AbsoluteExpirationRelativeToNow = Ttl;
            await using var db = await tenants.CreateProductsAsync(id, DbPrincipal.Anonymous, ct: ct);
            var categories = await db.Categories.AsNoTracking().Where(c => c.IsPublished)
                .OrderBy(c => c.Position).ThenBy(c => c.Name)
                .Select(c => new
                {
                    c.Id, c.ParentId, c.Slug, c.Description,
                    Name = c.Translations.Where(t => t.Language == language).Select(t => t.Name).FirstOrDefault() ?? c.Name,
                })
                .ToListAsync(ct);
            var byParent = categories.ToLookup(c => c.ParentId);
            CategoryNode Build(Guid id2) =>
                categories.First(c => c.Id == id2) is var c
                    ? new CategoryNode(c.Id, c.ParentId, c.Slug, c.Name, c.Description, byParent[c.Id].Select(x => Build(x.Id)).ToList())
                    : throw new InvalidOperationException();
            var tree = byParent[null].Select(c => Build(c.Id)).ToList();
            var attributes = await db.ProductAttributes.AsNoTracking().Where(a => a.IsFilterable)
                .OrderBy(a => a.Position).Select(a => new FacetAttribute(a.Id, a.Code, a.Name)).ToListAsync(ct);
            var collections = await db.Collections.AsNoTracking().Where(c => c.IsPublished)
                .OrderBy(c => c.Position).Select(c => new CollectionLink(c.Id, c.Slug, c.Name, c.Description)).ToListAsync(ct);
            return new CatalogSkeleton(tree, attributes, collections);
        })!;
    }

    /// <summary>A Products context acting for the shopper (never with staff powers on the storefront).</summary>
    public async Task<ProductsDbContext> ProductsAsync(CancellationToken ct = default) =>
        await tenants.CreateProductsAsync(current.Id, await principal.PersonAsync(), ct: ct);

    public Task<DbPrincipal> ShopperAsync() => principal.PersonAsync();

    /// <summary>Storefront URL of a path under the store, with ?lang= when not the default language.</summary>
    public string Url(string path = "", IEnumerable<KeyValuePair<string, string?>>? query = null)
    {
        var q = (query ?? []).Where(kv => !string.IsNullOrEmpty(kv.Value)).ToList();
        if (!IsDefaultLanguage && q.All(kv => kv.Key != "lang")) q.Add(new("lang", Language));
        var url = BasePath + (path.Length > 0 ? "/" + path.TrimStart('/') : "");
        if (url.Length == 0) url = "/";
        return q.Count == 0 ? url : url + "?" + string.Join("&", q.Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value!)}"));
    }
}
