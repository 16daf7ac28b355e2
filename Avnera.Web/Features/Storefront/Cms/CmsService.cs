using System.Text.Json;
using Avnera.Data.Products;
using Avnera.Web.Features.Storefront.Listing;
using Microsoft.EntityFrameworkCore;

namespace Avnera.Web.Features.Storefront.Cms;

public abstract record CmsBlockModel;
public sealed record HeroBlock(string Heading, string? Subheading, string? CtaLabel, string? CtaUrl) : CmsBlockModel;
public sealed record FeaturedCollectionBlock(string Title, CollectionLink Collection, IReadOnlyList<ProductSummary> Products) : CmsBlockModel;
public sealed record TextBlock(string Markdown) : CmsBlockModel;
public sealed record ImageBlock(string Url, string Alt) : CmsBlockModel;

public sealed record CmsPageModel(string Slug, string Title, string? MetaTitle, string? MetaDescription, IReadOnlyList<CmsBlockModel> Blocks, DateTimeOffset UpdatedAt);

/// <summary>
/// Published CMS pages in the page language, falling back to the store's default language. Block content
/// is JSON written by staff; a block that does not parse, or points at something unpublished, is skipped.
/// </summary>
public sealed class CmsService(StorefrontContext storefront)
{
    public async Task<CmsPageModel?> PageAsync(string slug, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(slug) || slug.Length > 200) return null;
        var skeleton = await storefront.SkeletonAsync(ct);
        var language = storefront.Language;
        var fallback = storefront.Settings.DefaultLanguage;
        await using var db = await storefront.ProductsAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var page = await db.CmsPages.AsNoTracking().Include(p => p.Blocks)
            .Where(p => p.Slug == slug && p.Status == PublishStatus.Published && (p.Language == language || p.Language == fallback))
            .OrderBy(p => p.Language == language ? 0 : 1).FirstOrDefaultAsync(ct);
        if (page is null) return null;
        var blocks = new List<CmsBlockModel>();
        foreach (var block in page.Blocks.OrderBy(b => b.Position))
        {
            if (await ToModelAsync(db, skeleton, block, language, ct) is { } model) blocks.Add(model);
        }
        await tx.CommitAsync(ct);
        return new CmsPageModel(page.Slug, page.Title, page.MetaTitle, page.MetaDescription, blocks, page.UpdatedAt);
    }

    private async Task<CmsBlockModel?> ToModelAsync(ProductsDbContext db, CatalogSkeleton skeleton, CmsBlock block, string language, CancellationToken ct)
    {
        JsonElement content;
        try
        {
            using var doc = JsonDocument.Parse(block.Content);
            content = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
        if (content.ValueKind != JsonValueKind.Object) return null;
        switch (block.Kind)
        {
            case CmsBlockKind.Hero when Str(content, "heading") is { } heading:
                string? ctaLabel = null, ctaUrl = null;
                if (content.TryGetProperty("cta", out var cta) && cta.ValueKind == JsonValueKind.Object && Str(cta, "label") is { } label)
                {
                    if (Str(cta, "collection") is { } c && skeleton.Collections.Any(x => x.Slug == c)) (ctaLabel, ctaUrl) = (label, storefront.Url("collections/" + c));
                    else if (Str(cta, "category") is { } cat && skeleton.BySlug.ContainsKey(cat)) (ctaLabel, ctaUrl) = (label, storefront.Url("c/" + cat));
                }
                return new HeroBlock(heading, Str(content, "subheading"), ctaLabel, ctaUrl);
            case CmsBlockKind.FeaturedCollection when Str(content, "collection") is { } slug
                                                      && skeleton.Collections.FirstOrDefault(c => c.Slug == slug) is { } collection:
                var limit = content.TryGetProperty("limit", out var l) && l.TryGetInt32(out var n) ? Math.Clamp(n, 1, 24) : 8;
                var id = collection.Id;
                var products = await ProductSummary.Project(db.Products.AsNoTracking()
                    .Where(p => p.Status == PublishStatus.Published)
                    .Join(db.CollectionProducts.Where(cp => cp.CollectionId == id), p => p.Id, cp => cp.ProductId, (p, cp) => new { p, cp.Position })
                    .OrderBy(x => x.Position).Select(x => x.p).Take(limit), language).ToListAsync(ct);
                return products.Count == 0 ? null : new FeaturedCollectionBlock(Str(content, "title") ?? collection.Name, collection, products);
            case CmsBlockKind.Text when Str(content, "markdown") is { } markdown:
                return new TextBlock(markdown);
            case CmsBlockKind.Image when Str(content, "url") is { } url && (url.StartsWith('/') || url.StartsWith("https://", StringComparison.Ordinal)):
                return new ImageBlock(url, Str(content, "alt") ?? "");
            default:
                return null;
        }
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;
}
