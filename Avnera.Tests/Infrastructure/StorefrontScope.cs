using System.Security.Claims;
using Avnera.Web.Features.Storefront;
using Avnera.Web.Features.Storefront.Listing;
using Avnera.Web.Features.Storefront.Products;
using Avnera.Web.Features.Storefront.Reviews;
using Avnera.Web.Features.Storefront.Wishlist;
using Avnera.Web.Tenancy;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Avnera.Tests.Infrastructure;

/// <summary>
/// One storefront request's services from the running app, without HTTP: the store resolved by slug, the
/// shopper's authentication state set as the app sets it for a page (a signed-in person or a visitor), the
/// language chosen. The services are the app's own, over its real databases, under Row Level Security.
/// </summary>
public sealed class StorefrontScope : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private StorefrontScope(AsyncServiceScope scope) => _scope = scope;

    public IServiceProvider Services => _scope.ServiceProvider;
    public StorefrontContext Storefront => Services.GetRequiredService<StorefrontContext>();
    public ListingService Listings => Services.GetRequiredService<ListingService>();
    public ProductService Products => Services.GetRequiredService<ProductService>();
    public ReviewService Reviews => Services.GetRequiredService<ReviewService>();
    public WishlistService Wishlist => Services.GetRequiredService<WishlistService>();

    public static async Task<StorefrontScope> OpenAsync(IServiceProvider app, string slug, Guid? userId = null, string? language = null, string? name = null)
    {
        var result = new StorefrontScope(app.CreateAsyncScope());
        var claims = userId is { } id
            ? new ClaimsIdentity([new Claim("sub", id.ToString()), new Claim("email", $"{id:N}@example.com"), new Claim("name", name ?? "Test Shopper")], "test")
            : new ClaimsIdentity();
        var auth = (IHostEnvironmentAuthenticationStateProvider)result.Services.GetRequiredService<AuthenticationStateProvider>();
        auth.SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(claims))));
        await result.Services.GetRequiredService<CurrentStore>().ResolveAsync(slug);
        await result.Storefront.LoadAsync();
        result.Storefront.ChooseLanguage(language);
        return result;
    }

    public Task<ListingResult> ListAsync(string query = "", string? categorySlug = null) => ListAsync(ListingQuery.Parse(
        new Microsoft.AspNetCore.Http.QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query))), categorySlug);

    public async Task<ListingResult> ListAsync(ListingQuery query, string? categorySlug = null)
    {
        CategoryNode? category = null;
        if (categorySlug is not null) category = (await Storefront.SkeletonAsync()).BySlug[categorySlug];
        return await Listings.ListAsync(new ListingScope(category), query);
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
