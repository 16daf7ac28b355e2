using Avnera.Data.Security;
using Avnera.Data.Master;
using Avnera.Data.Tenancy;
using Avnera.Web.Auth.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Avnera.Web.Auth;

public static class Policies
{
    /// <summary>The agency: platform pages.</summary>
    public const string PlatformAdmin = "platform_admin";
    /// <summary>Owner or staff of the store named by the route's {StoreSlug} (platform admins too).</summary>
    public const string StoreStaff = "store_staff";
}

public sealed class PlatformAdminRequirement : IAuthorizationRequirement;
public sealed class StoreStaffRequirement : IAuthorizationRequirement;

/// <summary>
/// Roles live in Master, not in the cookie, so removing someone from a store takes effect within seconds
/// (a short cache), not when their cookie expires.
/// </summary>
public sealed class StoreRoles(IDbContextFactory<MasterDbContext> master, IMemoryCache cache)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    public Task<bool> IsPlatformAdminAsync(Guid userId) =>
        cache.GetOrCreateAsync("avnera:admin:" + userId.ToString("N"), async e =>
        {
            e.AbsoluteExpirationRelativeToNow = Ttl;
            await using var db = await master.CreateAsync(DbPrincipal.Service);
            return await db.Users.AnyAsync(u => u.Id == userId && u.IsPlatformAdmin);
        });

    public Task<StoreRole?> RoleInAsync(Guid userId, Guid storeId) =>
        cache.GetOrCreateAsync($"avnera:member:{userId:N}:{storeId:N}", async e =>
        {
            e.AbsoluteExpirationRelativeToNow = Ttl;
            await using var db = await master.CreateAsync(DbPrincipal.Service);
            return await db.StoreMembers.Where(m => m.UserId == userId && m.StoreId == storeId)
                .Select(m => (StoreRole?)m.Role).SingleOrDefaultAsync();
        });

    /// <summary>Stores this person can manage (owner or staff), for navigation.</summary>
    public async Task<IReadOnlyList<(string Slug, string Name, StoreRole Role)>> StoresOfAsync(Guid userId, CancellationToken ct = default)
    {
        await using var db = await master.CreateAsync(DbPrincipal.Service, ct);
        var rows = await db.StoreMembers.Where(m => m.UserId == userId)
            .Join(db.Stores.Where(s => s.Status != StoreStatus.Deleted), m => m.StoreId, s => s.Id, (m, s) => new { s.Slug, s.Name, m.Role })
            .OrderBy(x => x.Name).ToListAsync(ct);
        return rows.Select(r => (r.Slug, r.Name, r.Role)).ToList();
    }

    public void Forget(Guid userId, Guid storeId) => cache.Remove($"avnera:member:{userId:N}:{storeId:N}");
}

public sealed class PlatformAdminHandler(StoreRoles roles) : AuthorizationHandler<PlatformAdminRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PlatformAdminRequirement requirement)
    {
        if (SessionService.UserId(context.User) is { } userId && await roles.IsPlatformAdminAsync(userId))
            context.Succeed(requirement);
    }
}

public sealed class StoreStaffHandler(StoreRoles roles, StoreRegistry registry) : AuthorizationHandler<StoreStaffRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, StoreStaffRequirement requirement)
    {
        if (SessionService.UserId(context.User) is not { } userId) return;
        var slug = context.Resource switch
        {
            HttpContext http => http.GetRouteValue("StoreSlug") as string,
            Microsoft.AspNetCore.Components.RouteData route => route.RouteValues.TryGetValue("StoreSlug", out var v) ? v as string : null,
            _ => null,
        };
        if (slug is null || await registry.FindIdBySlugAsync(slug) is not { } storeId) return;
        if (await roles.RoleInAsync(userId, storeId) is not null || await roles.IsPlatformAdminAsync(userId))
            context.Succeed(requirement);
    }
}
