using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Avnera.Tests.Auth.Supabase;

/// <summary>
/// A PROTOCOL DOUBLE, NOT SUPABASE. A small in-memory HTTP server on Kestrel (127.0.0.1, free port) that
/// answers the GoTrue REST API with the shapes, status codes and error codes written down in
/// shared/SUPABASE.md, so that <c>GoTrueClient</c> and <c>SupabaseTokenValidator</c> are tested over real HTTP.
/// No GoTrue server can run on these machines; passing against this double shows the code follows the
/// documented protocol, not that it works against the hosted service.
/// <para>
/// Served under {Url}/auth/v1 like a Supabase project. Like the hosted gateway it requires an <c>apikey</c>
/// header (anon or service key) on every call except GET /authorize, which a browser opens. Access tokens are
/// signed with a real ES256 key (kid in the header), or with HS256 and a legacy secret in
/// <see cref="SignWithLegacySecret"/> mode. Simplifications, each on purpose: the external provider of
/// /authorize is skipped (it redirects straight back with a code); refresh tokens have no reuse interval; only
/// the PKCE flow is supported by /authorize; emails are recorded in <see cref="Emails"/> instead of sent.
/// </para>
/// </summary>
public sealed partial class GoTrueProtocolDouble : IAsyncDisposable
{
    public const string AnonKey = "protocol-double-anon-key";
    public const string ServiceRoleKey = "protocol-double-service-role-key";
    /// <summary>At least 32 bytes: HS256 keys must be 256 bits for IdentityModel.</summary>
    public const string LegacyJwtSecret = "protocol-double-legacy-jwt-secret-0123456789";

    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<SentEmail> _emails = [];
    private WebApplication? _app;

    private GoTrueProtocolDouble()
    {
        _currentKey = NewSigningKey("key-1");
        _publishedKeys = [_currentKey];
    }

    /// <summary>The "project URL" (SUPABASE_URL), e.g. http://127.0.0.1:41234.</summary>
    public string Url { get; private set; } = "";
    public string AuthUrl => Url + "/auth/v1";
    public string Issuer => AuthUrl;

    // Switches: settable at any time by a test.
    public bool AutoConfirm { get; set; } = true;
    public bool SignupDisabled { get; set; }
    /// <summary>Every call (except the JWKS) answers 429 over_request_rate_limit.</summary>
    public bool RateLimited { get; set; }
    /// <summary>Refresh answers 409 conflict, as GoTrue does when another request is refreshing the same session.</summary>
    public bool RefreshConflict { get; set; }
    /// <summary>Sessions are signed HS256 with <see cref="LegacyJwtSecret"/> instead of the ES256 key.</summary>
    public bool SignWithLegacySecret { get; set; }
    /// <summary>/token errors in the older OAuth shape {error, error_description}, without error_code or header.</summary>
    public bool LegacyTokenErrors { get; set; }
    /// <summary>The JWKS endpoint answers 503.</summary>
    public bool JwksUnavailable { get; set; }
    public TimeSpan ResponseDelay { get; set; }
    public int MinPasswordLength { get; set; } = 8;
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan FlowStateLifetime { get; set; } = TimeSpan.FromSeconds(300);
    public int JwksMaxAgeSeconds { get; set; } = 600;
    /// <summary>
    /// The external provider refuses (the person cancels): /authorize comes back to redirect_to with GoTrue's error
    /// redirect, ?error=access_denied&amp;error_description=...&amp;error_code=..., instead of a code.
    /// </summary>
    public bool OAuthAccessDenied { get; set; }
    /// <summary>Who "signs in" at the external provider that /authorize skips.</summary>
    public string OAuthUserEmail { get; set; } = "oauth.person@example.test";
    public IReadOnlySet<string> LeakedPasswords { get; set; } = new HashSet<string> { "password", "qwerty", "12345678", "letmein1" };
    public IReadOnlySet<string> EnabledProviders { get; set; } = new HashSet<string> { "google", "github" };

    public sealed record RecordedRequest(string Method, string Path, string Query, string? ApiKey, string? Authorization, string Body);

    public sealed record SentEmail(string To, string Type, string TokenHash, string? RedirectTo, string? CodeChallenge);

    public IReadOnlyList<RecordedRequest> Requests { get { lock (_gate) return [.. _requests]; } }
    public IReadOnlyList<SentEmail> Emails { get { lock (_gate) return [.. _emails]; } }

    public int CountRequests(string pathUnderAuth) => Requests.Count(r => r.Path == "/auth/v1" + pathUnderAuth);
    public int JwksRequests => CountRequests("/.well-known/jwks.json");

    public static async Task<GoTrueProtocolDouble> StartAsync()
    {
        var server = new GoTrueProtocolDouble();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        server.Map(app);
        await app.StartAsync();
        server._app = app;
        server.Url = app.Urls.First().TrimEnd('/');
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _app = null;
        lock (_gate) foreach (var key in _publishedKeys) key.Dispose();
    }

    /// <summary>Stops answering, so that the port refuses connections.</summary>
    public async Task StopAsync()
    {
        if (_app is not null) await _app.StopAsync();
    }

    private sealed record Call(HttpRequest Request, JsonObject Body, string? Bearer)
    {
        public string? Query(string name) => Request.Query[name].FirstOrDefault();
        public string? Text(string name) => Body[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        public bool Flag(string name) => Body[name] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
    }

    private sealed record Reply(int Status, JsonNode? Body = null, string? ErrorCode = null, string? Location = null,
        IReadOnlyDictionary<string, string>? Headers = null);

    private void Map(WebApplication app)
    {
        app.Use(async (ctx, next) =>
        {
            var body = await new StreamReader(ctx.Request.Body).ReadToEndAsync();
            ctx.Items["body"] = body;
            var apiKey = ctx.Request.Headers["apikey"].FirstOrDefault();
            lock (_gate)
                _requests.Add(new RecordedRequest(ctx.Request.Method, ctx.Request.Path, ctx.Request.QueryString.Value ?? "",
                    apiKey, ctx.Request.Headers.Authorization.FirstOrDefault(), body));
            if (ResponseDelay > TimeSpan.Zero) await Task.Delay(ResponseDelay, ctx.RequestAborted);

            var path = ctx.Request.Path.Value ?? "";
            // The hosted gateway's own answers (Kong key-auth): no error_code, just a message.
            if (path != "/auth/v1/authorize" && apiKey is null)
            {
                await Write(ctx, new Reply(401, new JsonObject { ["message"] = "No API key found in request" }));
                return;
            }
            if (path != "/auth/v1/authorize" && apiKey is not (AnonKey or ServiceRoleKey))
            {
                await Write(ctx, new Reply(401, new JsonObject { ["message"] = "Invalid API key" }));
                return;
            }
            if (RateLimited && path != "/auth/v1/.well-known/jwks.json")
            {
                await Write(ctx, Error(429, "over_request_rate_limit", "Request rate limit reached"));
                return;
            }
            await next(ctx);
        });

        var auth = app.MapGroup("/auth/v1");
        Route(auth, "POST", "/signup", Signup);
        Route(auth, "POST", "/token", Token);
        Route(auth, "POST", "/logout", Logout);
        Route(auth, "POST", "/recover", Recover);
        Route(auth, "POST", "/verify", Verify);
        Route(auth, "GET", "/user", GetUser);
        Route(auth, "PUT", "/user", UpdateUser);
        Route(auth, "GET", "/authorize", Authorize);
        Route(auth, "GET", "/settings", Settings);
        Route(auth, "GET", "/.well-known/jwks.json", Jwks);
        Route(auth, "GET", "/admin/users", AdminListUsers);
        Route(auth, "POST", "/admin/users", AdminCreateUser);
        Route(auth, "GET", "/admin/users/{id}", AdminGetUser);
    }

    private void Route(RouteGroupBuilder group, string method, string pattern, Func<Call, Reply> handler) =>
        group.MapMethods(pattern, [method], (RequestDelegate)(ctx =>
        {
            var text = (string)ctx.Items["body"]!;
            Reply reply;
            JsonObject body;
            try
            {
                body = text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? [];
            }
            catch (JsonException)
            {
                return Write(ctx, Error(400, "bad_json", "Could not parse request body as JSON"));
            }
            var authorization = ctx.Request.Headers.Authorization.FirstOrDefault();
            var bearer = authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                ? authorization["Bearer ".Length..].Trim()
                : null;
            // One request at a time through the state: simple and race-free, and plenty fast for tests.
            lock (_gate) reply = handler(new Call(ctx.Request, body, bearer));
            return Write(ctx, reply);
        }));

    private static async Task Write(HttpContext ctx, Reply reply)
    {
        ctx.Response.StatusCode = reply.Status;
        if (reply.ErrorCode is not null) ctx.Response.Headers["x-sb-error-code"] = reply.ErrorCode;
        if (reply.Location is not null) ctx.Response.Headers.Location = reply.Location;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>()) ctx.Response.Headers[name] = value;
        if (reply.Body is not null)
        {
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync(reply.Body.ToJsonString());
        }
    }

    private static Reply Json(JsonNode body, int status = 200) => new(status, body);

    /// <summary>GoTrue's error shape: {code, error_code, msg} and the x-sb-error-code header.</summary>
    private static Reply Error(int status, string code, string msg, JsonObject? extra = null)
    {
        var body = new JsonObject { ["code"] = status, ["error_code"] = code, ["msg"] = msg };
        foreach (var (name, value) in extra ?? []) body[name] = value?.DeepClone();
        return new Reply(status, body, code);
    }

    /// <summary>The OAuth shape older GoTrue versions use for /token errors.</summary>
    private static Reply OAuthError(int status, string error, string description) =>
        new(status, new JsonObject { ["error"] = error, ["error_description"] = description });
}
