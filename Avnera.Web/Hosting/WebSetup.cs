using Avnera.Data;
using Avnera.Web.Components;
using Avnera.Web.Features.Demo;
using Avnera.Web.Features.Storefront;
using Avnera.Web.Features.Admin;
using Avnera.Web.Health;
using Avnera.Web.Tenancy;
using Radzen;

namespace Avnera.Web.Hosting;

public static class WebSetup
{
    public static WebApplicationBuilder AddAvneraWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddRadzenComponents();
        services.AddAvneraData(builder.Configuration, builder.Environment.IsDevelopment());
        services.AddMasterKeyRing();
        services.AddScoped<CurrentStore>();
        services.AddSingleton<ReadinessProbe>();
        services.AddScoped<StorefrontCatalog>();
        services.AddScoped<AdminProducts>();
        services.AddSingleton<DemoSeeder>();
        return builder;
    }

    public static WebApplication UseAvneraWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }
        // Re-executes bodiless 4xx/5xx (unknown store, unavailable store) to a friendly page.
        app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
        app.UseMiddleware<StoreResolutionMiddleware>();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealthEndpoints();
        app.MapDemoMedia();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
