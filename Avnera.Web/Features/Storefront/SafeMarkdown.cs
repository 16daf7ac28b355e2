using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Components;

namespace Avnera.Web.Features.Storefront;

/// <summary>
/// Markdown from merchants (descriptions, CMS text) rendered safely: raw HTML is not interpreted (it shows
/// as text), and links or images whose address is not http(s), mailto or site-relative lose their address,
/// so no script can ride in on a javascript: or data: URL.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    public static MarkupString Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return default;
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url)) link.Url = "#";
            // Merchant links to elsewhere neither pass our ranking nor get the window handle.
            if (link.Url is { } url && url.StartsWith("http", StringComparison.OrdinalIgnoreCase) && !link.IsImage)
                link.GetAttributes().AddPropertyIfNotExist("rel", "nofollow noopener");
        }
        foreach (var auto in document.Descendants<AutolinkInline>())
        {
            if (!IsSafe(auto.Url)) auto.Url = "#";
        }
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return new MarkupString(writer.ToString());
    }

    /// <summary>The text of the Markdown without its markup, on one line (meta descriptions, structured data).</summary>
    public static string PlainText(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var text = Markdown.ToPlainText(markdown, Pipeline);
        return System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();
    }

    /// <summary>http(s), mailto, or a path on this site (not protocol-relative).</summary>
    public static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return true;
        var u = url.Trim();
        if (u.StartsWith('/') && !u.StartsWith("//", StringComparison.Ordinal) && !u.StartsWith("/\\", StringComparison.Ordinal)) return true;
        if (u.StartsWith('#')) return true;
        return Uri.TryCreate(u, UriKind.Absolute, out var abs) && abs.Scheme is "http" or "https" or "mailto";
    }
}
