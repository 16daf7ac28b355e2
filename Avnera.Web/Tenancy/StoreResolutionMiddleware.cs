using Avnera.Data.Tenancy;

namespace Avnera.Web.Tenancy;

/// <summary>
/// For /s/{slug}/… and /admin/{slug}/…: resolves the store before any page renders. An unknown store
/// answers 404 and an unavailable one 503 (both re-executed to the status page), so no page ever starts
/// rendering against a store it cannot serve.
/// </summary>
public sealed class StoreResolutionMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CurrentStore store)
    {
        if (TryGetSlug(context.Request.Path, out var slug))
        {
            try
            {
                await store.ResolveAsync(slug, context.RequestAborted);
            }
            catch (StoreNotFoundException)
            {
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

    internal static bool TryGetSlug(PathString path, out string slug)
    {
        slug = "";
        var segments = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2 || segments[0] is not ("s" or "admin")) return false;
        slug = segments[1];
        return true;
    }
}
