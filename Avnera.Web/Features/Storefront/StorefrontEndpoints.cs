using System.Security.Claims;
using System.Text;
using System.Xml;
using Avnera.Data.Products;
using Avnera.Web.Features.Account;
using Avnera.Web.Features.Storefront.Reviews;
using Avnera.Web.Features.Storefront.Wishlist;
using Avnera.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Avnera.Web.Features.Storefront;

/// <summary>
/// Storefront endpoints that are not pages: the wishlist button and the "helpful" vote (plain form posts,
/// antiforgery-checked, answered with a redirect back so they work without JavaScript), robots.txt and
/// sitemap.xml per store.
/// </summary>
public static class StorefrontEndpoints
{
    public const int SitemapLimit = 50_000;

    public static IEndpointRouteBuilder MapStorefrontEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/s/{storeSlug}/wishlist/toggle", async (
            string storeSlug, [FromForm] Guid productId, [FromForm] string? returnUrl, ClaimsPrincipal user,
            WishlistService wishlist, StorefrontContext storefront, CancellationToken ct) =>
        {
            var back = LocalUrl.Safe(returnUrl, storefront.Url());
            if (user.Identity?.IsAuthenticated != true) return Results.LocalRedirect("/login?returnUrl=" + Uri.EscapeDataString(back));
            var state = await wishlist.ToggleAsync(productId, ct);
            return Results.LocalRedirect(WithQuery(back, "wishlist", state switch { true => "added", false => "removed", null => "unavailable" }));
        });

        app.MapPost("/s/{storeSlug}/reviews/{reviewId:guid}/helpful", async (
            string storeSlug, Guid reviewId, [FromForm] string? returnUrl, ClaimsPrincipal user,
            ReviewService reviews, StorefrontContext storefront, CancellationToken ct) =>
        {
            var back = LocalUrl.Safe(returnUrl, storefront.Url());
            if (user.Identity?.IsAuthenticated != true) return Results.LocalRedirect("/login?returnUrl=" + Uri.EscapeDataString(back));
            var problem = await reviews.VoteHelpfulAsync(reviewId, ct);
            return Results.LocalRedirect(WithQuery(back, "vote", problem is null ? "thanks" : "refused"));
        });

        app.MapGet("/s/{storeSlug}/robots.txt", (string storeSlug, RequestOrigin origin, StorefrontContext storefront) =>
        {
            var prefix = storefront.BasePath;
            var text = $"""
                User-agent: *
                Allow: {prefix}/
                Disallow: {prefix}/wishlist
                Disallow: {prefix}/search
                Sitemap: {origin.Origin}{prefix}/sitemap.xml

                """;
            return Results.Text(text, "text/plain", Encoding.UTF8);
        });

        app.MapGet("/s/{storeSlug}/sitemap.xml", async (string storeSlug, RequestOrigin origin, StorefrontContext storefront, CancellationToken ct) =>
        {
            var xml = await SitemapAsync(origin, storefront, ct);
            return Results.Text(xml, "application/xml", Encoding.UTF8);
        });
        return app;
    }

    /// <summary>
    /// <paramref name="url"/> with <c>key=value</c> added to its query, before any fragment: the helpful vote comes
    /// back to "/p/x#reviews", and a query after the "#" would be part of the fragment, never sent to the server.
    /// </summary>
    internal static string WithQuery(string url, string key, string value)
    {
        var hash = url.IndexOf('#');
        var (path, fragment) = hash < 0 ? (url, "") : (url[..hash], url[hash..]);
        return path + (path.Contains('?') ? "&" : "?") + Uri.EscapeDataString(key) + "=" + Uri.EscapeDataString(value) + fragment;
    }

    private static async Task<string> SitemapAsync(RequestOrigin requestOrigin, StorefrontContext storefront, CancellationToken ct)
    {
        var settings = storefront.Settings;
        var skeleton = await storefront.SkeletonAsync(ct);
        await using var db = await storefront.ProductsAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var products = await db.Products.AsNoTracking().Where(p => p.Status == PublishStatus.Published)
            .OrderByDescending(p => p.UpdatedAt).Select(p => new { p.Slug, p.UpdatedAt })
            .Take(SitemapLimit / settings.Languages.Count).ToListAsync(ct);
        var pages = await db.CmsPages.AsNoTracking().Where(p => p.Status == PublishStatus.Published && p.Slug != "home")
            .Select(p => p.Slug).Distinct().ToListAsync(ct);
        await tx.CommitAsync(ct);

        var origin = requestOrigin.Origin + storefront.BasePath;
        var entries = new List<(string Path, DateTimeOffset? Modified)> { ("", null) };
        entries.AddRange(skeleton.BySlug.Values.Select(c => ("/c/" + c.Slug, (DateTimeOffset?)null)));
        entries.AddRange(skeleton.Collections.Select(c => ("/collections/" + c.Slug, (DateTimeOffset?)null)));
        entries.AddRange(pages.Select(p => ("/pages/" + p, (DateTimeOffset?)null)));
        entries.AddRange(products.Select(p => ("/p/" + p.Slug, (DateTimeOffset?)p.UpdatedAt)));

        var sb = new StringBuilder();
        using (var xml = XmlWriter.Create(sb, new XmlWriterSettings { Indent = false, Encoding = Encoding.UTF8 }))
        {
            xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            xml.WriteAttributeString("xmlns", "xhtml", null, "http://www.w3.org/1999/xhtml");
            foreach (var (path, modified) in entries.Take(SitemapLimit / settings.Languages.Count))
            foreach (var language in settings.Languages)
            {
                xml.WriteStartElement("url");
                xml.WriteElementString("loc", LanguageUrl(origin + path, language, settings.DefaultLanguage));
                if (modified is { } m) xml.WriteElementString("lastmod", m.UtcDateTime.ToString("yyyy-MM-dd"));
                if (settings.Languages.Count > 1)
                {
                    foreach (var alternate in settings.Languages)
                    {
                        xml.WriteStartElement("xhtml", "link", "http://www.w3.org/1999/xhtml");
                        xml.WriteAttributeString("rel", "alternate");
                        xml.WriteAttributeString("hreflang", alternate);
                        xml.WriteAttributeString("href", LanguageUrl(origin + path, alternate, settings.DefaultLanguage));
                        xml.WriteEndElement();
                    }
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"");
    }

    public static string LanguageUrl(string url, string language, string defaultLanguage) =>
        string.Equals(language, defaultLanguage, StringComparison.OrdinalIgnoreCase) ? url : WithQuery(url, "lang", language);
}
