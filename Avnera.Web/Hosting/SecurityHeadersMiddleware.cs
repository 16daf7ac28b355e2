namespace Avnera.Web.Hosting;

/// <summary>
/// Security headers on every response the app writes (pages, files, status pages, endpoints). The policy allows
/// scripts and connections (the Blazor circuit's WebSocket) from the page's own origin only and no inline script,
/// so injected markup cannot run; inline styles stay allowed because the component library sets style attributes.
/// No page may frame ours (clickjacking), and forms post only to our own origin. HSTS is added outside
/// Development by UseHsts; Kestrel's Server header is switched off where Kestrel is configured.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpContext)state).Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY"; // frame-ancestors for browsers that predate it
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
