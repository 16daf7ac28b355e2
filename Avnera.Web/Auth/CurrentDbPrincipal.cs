using Avnera.Data.Master;
using Avnera.Data.Security;
using Avnera.Web.Auth.Sessions;
using Microsoft.AspNetCore.Components.Authorization;

namespace Avnera.Web.Auth;

/// <summary>
/// Who the database sees for the current request or circuit: a visitor (anon), a signed-in person, or —
/// for the store being worked on — its owner or staff, as recorded in store_members right now. The claims
/// it produces are what the Row Level Security policies check, so they come from Master, never from input.
/// </summary>
public sealed class CurrentDbPrincipal(AuthenticationStateProvider authentication, IHttpContextAccessor http, StoreRoles roles)
{
    /// <summary>The signed-in person (with the platform-admin flag), or anonymous.</summary>
    public async Task<DbPrincipal> PersonAsync()
    {
        var user = await UserAsync();
        if (SessionService.UserId(user) is not { } userId) return DbPrincipal.Anonymous;
        return DbPrincipal.Person(userId, user.FindFirst("email")?.Value, await roles.IsPlatformAdminAsync(userId));
    }

    /// <summary>The person as seen by one store: with their owner/staff role there when they have one.</summary>
    public async Task<DbPrincipal> ForStoreAsync(Guid storeId)
    {
        var person = await PersonAsync();
        if (person.UserId is not { } userId) return person;
        return await roles.RoleInAsync(userId, storeId) switch
        {
            StoreRole.Owner => person.AsStoreMember("owner", storeId),
            StoreRole.Staff => person.AsStoreMember("staff", storeId),
            _ => person,
        };
    }

    /// <summary>
    /// A plain HTTP request (static pages, endpoints, middleware) carries its user; an interactive circuit
    /// (on /_blazor) asks the authentication state, which revalidation keeps current for the circuit's life.
    /// </summary>
    private async Task<System.Security.Claims.ClaimsPrincipal> UserAsync()
    {
        if (http.HttpContext is { } context && !context.Request.Path.StartsWithSegments("/_blazor"))
            return context.User;
        return (await authentication.GetAuthenticationStateAsync()).User;
    }
}
