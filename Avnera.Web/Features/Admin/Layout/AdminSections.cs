using MudBlazor;

namespace Avnera.Web.Features.Admin.Layout;

/// <summary>A section of a store's admin: its drawer entry and the first breadcrumb of its pages.</summary>
/// <param name="Path">Below /admin/{slug}/, e.g. "products".</param>
public sealed record AdminSection(string Title, string Path, string Icon);

public static class AdminSections
{
    /// <summary>
    /// The drawer, in order. Add a section here when its page exists (dashboard, orders, customers, content,
    /// settings, staff come with their issues): a drawer entry must never lead to a page that is not there.
    /// </summary>
    public static readonly IReadOnlyList<AdminSection> All =
    [
        new("Products", "products", Icons.Material.Outlined.Inventory2),
    ];

    public static string Href(string storeSlug, AdminSection section) => $"/admin/{storeSlug}/{section.Path}";

    /// <summary>The section a path below /admin/{slug}/ belongs to (its first segment), if any.</summary>
    public static AdminSection? Of(string pathBelowStore)
    {
        var first = pathBelowStore.Split('/', '?', '#')[0];
        return All.FirstOrDefault(s => string.Equals(s.Path, first, StringComparison.OrdinalIgnoreCase));
    }
}
