namespace Avnera.Web.Hosting;

/// <summary>
/// Addresses longer than <see cref="MaxTargetLength"/> get 414 with the status page. Kestrel itself would answer
/// an over-long request line with an empty 414 before the app sees the request, so Kestrel's own limit is set far
/// above ours (to its request buffer size: no more memory per connection than it holds anyway) and ours decides.
/// Only a line past <see cref="KestrelLineLimit"/> still gets Kestrel's bare answer.
/// </summary>
public sealed class RequestTargetLimitMiddleware(RequestDelegate next)
{
    /// <summary>Path and query; a pasted 10 KB search still fits (the listing trims it itself).</summary>
    public const int MaxTargetLength = 16 * 1024;
    public const int KestrelLineLimit = 1024 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var length = (request.PathBase.Value ?? "").Length + (request.Path.Value ?? "").Length + (request.QueryString.Value ?? "").Length;
        if (length <= MaxTargetLength) return next(context);
        context.Response.StatusCode = StatusCodes.Status414UriTooLong;
        return Task.CompletedTask;
    }
}
