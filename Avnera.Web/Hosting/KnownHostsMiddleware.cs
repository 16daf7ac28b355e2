using Avnera.Data.Tenancy;
using Microsoft.AspNetCore.Diagnostics;

namespace Avnera.Web.Hosting;

/// <summary>
/// Answers only for the hosts Avnera is: the platform's public host (<see cref="PublicOrigin"/>) and the custom host
/// names stores registered in Master. Any other Host gets 400 (the status page): whatever the framework builds from
/// the Host (Blazor's base URI, redirects) can then only name a host of ours. Records which origin the request came
/// on in <see cref="RequestOrigin"/>. Health probes pass on any host: orchestrators call them by address.
/// </summary>
public sealed class KnownHostsMiddleware(RequestDelegate next, PublicOrigin platform)
{
    public async Task InvokeAsync(HttpContext context, RequestOrigin origin, StoreRegistry registry)
    {
        var host = context.Request.Host;
        // The status page of a refused request is rendered by re-executing the pipeline: let it through.
        if (platform.IsPlatform(host) || IsProbe(context.Request.Path)
            || context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            await next(context);
            return;
        }
        if (platform.PortMatches(host) && await registry.FindByHostAsync(host.Host, context.RequestAborted) is { } store)
        {
            origin.UseCustomHost(host.Host.ToLowerInvariant(), store.Id);
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    private static bool IsProbe(PathString path) => path.Equals("/healthz") || path.Equals("/readyz");
}
