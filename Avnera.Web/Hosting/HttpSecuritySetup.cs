namespace Avnera.Web.Hosting;

/// <summary>
/// What the HTTP hardening needs registered: Kestrel without its banner and with the request-line limit left to
/// <see cref="RequestTargetLimitMiddleware"/>, the configured <see cref="PublicOrigin"/> and the per-request
/// <see cref="RequestOrigin"/>. The middleware themselves are placed in the pipeline by WebSetup, in order.
/// </summary>
public static class HttpSecuritySetup
{
    public static WebApplicationBuilder AddAvneraHttpSecurity(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false; // no product banner for scanners to match
            // Kestrel answers an over-long line itself, with an empty body; RequestTargetLimitMiddleware decides instead.
            kestrel.Limits.MaxRequestLineSize = RequestTargetLimitMiddleware.KestrelLineLimit;
        });
        // Resolved when serving starts (Program.cs): maintenance commands run without it.
        builder.Services.AddSingleton(_ => PublicOrigin.From(builder.Configuration, builder.Environment));
        builder.Services.AddScoped<RequestOrigin>();
        return builder;
    }
}
