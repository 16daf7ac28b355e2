using Avnera.Data.Tenancy;

namespace Avnera.Web.Tenancy;

/// <summary>
/// The store of this request or circuit, resolved once from the route. Static pages get it from
/// <see cref="StoreResolutionMiddleware"/>; interactive pages call <see cref="ResolveAsync"/> with their
/// route's slug when their circuit starts. Components never read HttpContext for it.
/// </summary>
public sealed class CurrentStore(StoreRegistry registry)
{
    public StoreRegistration? Registration { get; private set; }

    public Guid Id => Registration?.StoreId ?? throw new InvalidOperationException("No store resolved for this request.");
    public string Slug => Registration?.Slug ?? throw new InvalidOperationException("No store resolved for this request.");
    public string Name => Registration?.Name ?? "";

    /// <summary>Resolves a serving store by slug, or throws StoreNotFound / StoreUnavailable (<see cref="StoreAvailability"/>).</summary>
    public async Task<StoreRegistration> ResolveAsync(string slug, CancellationToken ct = default)
    {
        if (Registration is { } r && string.Equals(r.Slug, slug, StringComparison.OrdinalIgnoreCase)) return r;
        var registration = await registry.FindIdBySlugAsync(slug, ct) is { } id ? await registry.FindAsync(id, ct) : null;
        return Registration = StoreAvailability.Require(registration, slug);
    }
}
