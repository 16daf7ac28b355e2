using Avnera.Data;
using Avnera.Web.Auth;
using Avnera.Web.Components;
using Avnera.Web.Features.Demo;
using Avnera.Web.Features.Storefront;
using Avnera.Web.Features.Admin.Products;
using Avnera.Web.Health;
using Avnera.Web.Tenancy;
using MudBlazor.Services;

namespace Avnera.Web.Hosting;

public static class WebSetup
{
    public static WebApplicationBuilder AddAvneraWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddAvneraHttpSecurity();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddAvneraData(builder.Configuration, builder.Environment.IsDevelopment());
        services.AddMasterKeyRing();
        services.AddAvneraAuth(builder.Configuration, builder.Environment);
        services.AddAvneraForwardedHeaders(builder.Configuration);
        services.AddScoped<CurrentStore>();
        services.AddSingleton<ReadinessProbe>();
        services.AddHttpContextAccessor();
        services.AddScoped<Features.Storefront.StorefrontContext>();
        services.AddScoped<Features.Storefront.Listing.ListingService>();
        services.AddSingleton<Features.Storefront.Listing.ListingCache>();
        services.AddScoped<Features.Storefront.Listing.ListingFilters>();
        services.AddScoped<Features.Storefront.PageQuery>();
        services.AddScoped<Features.Storefront.Products.ProductService>();
        services.AddScoped<Features.Storefront.Reviews.ReviewService>();
        services.AddScoped<Features.Storefront.Wishlist.WishlistService>();
        services.AddScoped<Features.Storefront.Cms.CmsService>();
        services.AddScoped<AdminProducts>();
        services.AddSingleton<DemoSeeder>();
        services.AddSingleton<Features.Account.AccountService>();
        services.AddSingleton(builder.Configuration.GetSection("Avnera:Stores").Get<Features.Account.StoreOpeningOptions>() ?? new());
        services.AddScoped<Features.Account.StoreOpening>();
        return builder;
    }

    public static WebApplication UseAvneraWeb(this WebApplication app)
    {
        // Before anything reads the client's address or scheme (HSTS, rate limits, sessions, redirects).
        app.UseAvneraForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }
        // Re-executes bodiless 4xx/5xx (unknown store, unavailable store) to a friendly page.
        app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
        // The status page is re-executed with the original method; a POST (e.g. a rate-limited sign-in) must
        // render it as a GET, or the page would answer "which form was submitted?" (400) instead.
        app.Use((context, next) =>
        {
            if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
                context.Request.Method = HttpMethods.Get;
            return next(context);
        });
        app.UseMiddleware<RequestTargetLimitMiddleware>();
        app.UseMiddleware<DatabaseBusyMiddleware>();
        // Only the platform's host and stores' registered host names are served (400 otherwise).
        app.UseMiddleware<KnownHostsMiddleware>();
        // A store on its own host name: map its paths under /s/{slug} before routing picks an endpoint.
        app.UseMiddleware<CustomHostMiddleware>();
        app.UseRouting();
        app.UseMiddleware<StoreResolutionMiddleware>();
        app.UseMiddleware<StorefrontLanguageMiddleware>();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealthEndpoints();
        app.MapDemoMedia();
        app.MapAuthEndpoints();
        app.MapStorefrontEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
