using Avnera.Data.Tenancy;

namespace Avnera.Web.Tenancy;

/// <summary>
/// For /s/{slug}/… and /admin/{slug}/…: resolves the store before any page renders. An unknown store
/// answers 404 and an unavailable one 503 (both re-executed to the status page), so no page ever starts
/// rendering against a store it cannot serve. A store's old slug answers 301 to its new one. What a
/// storefront does with its resolved store (settings, language) is the storefront's own middleware's.
/// </summary>
public sealed class StoreResolutionMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CurrentStore store, StoreRegistry registry)
    {
        if (TryGetSlug(context.Request.Path, out var area, out var slug))
        {
            try
            {
                await store.ResolveAsync(slug, context.RequestAborted);
            }
            catch (StoreNotFoundException)
            {
                if (await registry.FindRenamedAsync(slug, context.RequestAborted) is { } current)
                {
                    var rest = (context.Request.Path.Value ?? "")[(area.Length + slug.Length + 2)..];
                    context.Response.Redirect($"/{area}/{current}{rest}{context.Request.QueryString}", permanent: true);
                    return;
                }
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            catch (StoreUnavailableException)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "3600";
                return;
            }
        }
        await next(context);
    }

    internal static bool TryGetSlug(PathString path, out string area, out string slug)
    {
        area = slug = "";
        var segments = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2 || segments[0] is not ("s" or "admin")) return false;
        area = segments[0];
        slug = segments[1];
        return true;
    }
}

/// <summary>
/// A store on its own host name (stores.custom_host): its pages are served at the root of that host by
/// mapping /x to /s/{slug}/x before routing. Paths the app serves for every host (framework files,
/// static assets, sign-in, health) pass through unchanged.
/// </summary>
public sealed class CustomHostMiddleware(RequestDelegate next)
{
    /// <summary>HttpContext.Items key set when the request came on a store's own host name and was mapped.</summary>
    public const string MappedItem = "avnera.custom-host";

    private static readonly string[] Shared =
        ["/s/", "/admin/", "/_framework/", "/_content/", "/_blazor", "/media/", "/login", "/logout", "/signup", "/signout",
         "/account", "/auth/", "/forgot-password", "/reset-password", "/confirm-email", "/status/", "/healthz", "/readyz", "/error"];

    public async Task InvokeAsync(HttpContext context, StoreRegistry registry)
    {
        var path = context.Request.Path.Value ?? "/";
        var storePage = !Shared.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase) || path + "/" == p)
                        && (!Path.HasExtension(path) || path is "/robots.txt" or "/sitemap.xml");
        if (storePage && await registry.FindByHostAsync(context.Request.Host.Host, context.RequestAborted) is { } store)
        {
            context.Request.Path = "/s/" + store.Slug + (path == "/" ? "" : path);
            context.Items[MappedItem] = true;
        }
        await next(context);
    }
}
