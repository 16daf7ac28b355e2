using Avnera.Web.Tenancy;

namespace Avnera.Web.Features.Storefront;

/// <summary>
/// For storefront requests (/s/{slug}/…, also a store's own host name mapped there by
/// <see cref="CustomHostMiddleware"/>), after <see cref="StoreResolutionMiddleware"/> has resolved the store:
/// loads the store's settings and picks the page language (?lang=, then the cookie, then the store's default),
/// remembering an explicit choice in a cookie scoped to the store's path. The admin area and unresolved
/// stores pass through untouched.
/// </summary>
public sealed class StorefrontLanguageMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CurrentStore store, StorefrontContext storefront)
    {
        if (store.Registration is not null && StoreResolutionMiddleware.TryGetSlug(context.Request.Path, out var area, out _) && area == "s")
        {
            storefront.OnOwnHost = context.Items.ContainsKey(CustomHostMiddleware.MappedItem);
            await ChooseLanguageAsync(context, storefront);
        }
        await next(context);
    }

    private static async Task ChooseLanguageAsync(HttpContext context, StorefrontContext storefront)
    {
        await storefront.LoadAsync(context.RequestAborted);
        var asked = context.Request.Query["lang"].ToString();
        var remembered = context.Request.Cookies[StorefrontContext.LanguageCookie];
        var language = storefront.ChooseLanguage(asked, remembered);
        if (string.Equals(asked, language, StringComparison.OrdinalIgnoreCase) && remembered != language)
        {
            context.Response.Cookies.Append(StorefrontContext.LanguageCookie, language, new CookieOptions
            {
                HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, MaxAge = TimeSpan.FromDays(365),
                Path = storefront.BasePath.Length == 0 ? "/" : storefront.BasePath,
            });
        }
    }
}
