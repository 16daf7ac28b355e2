using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Avnera.Web.Auth.Supabase;

/// <summary>
/// Supabase Auth (GoTrue) over its REST API at {SUPABASE_URL}/auth/v1. A typed HttpClient: resolve it per
/// request or operation, never hold it in a singleton. Every failure, including no answer at all, is a
/// <see cref="GoTrueException"/> whose <see cref="GoTrueException.UserMessage"/> can be shown to the person;
/// a cancelled <c>ct</c> still throws <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class GoTrueClient(HttpClient http, SupabaseOptions options)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private enum Caller { Anonymous, User, Admin }

    private sealed record Reply(int Status, string Body, int? TotalCount);

    /// <summary>
    /// POST /signup. With auto-confirm on, the person is signed in; otherwise they must follow the email link.
    /// An address that already has an account gives the same <see cref="SignUpResult.ConfirmationPending"/> as a
    /// new one (or, with auto-confirm, a <see cref="GoTrueException"/> with a neutral message).
    /// </summary>
    /// <param name="metadata">Stored as the user's <c>user_metadata</c> (the person can change it later: never trust it for authorization).</param>
    /// <param name="codeChallenge">A <see cref="Pkce.Challenge"/>, so that the confirmation link comes back with a code.</param>
    public async Task<SignUpResult> SignUpAsync(string email, string password,
        IReadOnlyDictionary<string, object?>? metadata = null, string? codeChallenge = null, CancellationToken ct = default)
    {
        var reply = await SendAsync(HttpMethod.Post, "/signup", new
        {
            email,
            password,
            data = metadata,
            code_challenge = codeChallenge,
            code_challenge_method = codeChallenge is null ? null : Pkce.Method,
        }, Caller.Anonymous, null, ct);
        if (HasProperty(reply, "access_token")) return new SignUpResult.SignedIn(Read<GoTrueSession>(reply));
        // A new user and GoTrue's look-alike for an existing address (identities: []) look the same from here on.
        _ = Read<GoTrueUser>(reply);
        return new SignUpResult.ConfirmationPending(email);
    }

    /// <summary>POST /token?grant_type=password.</summary>
    public async Task<GoTrueSession> SignInWithPasswordAsync(string email, string password, CancellationToken ct = default) =>
        Read<GoTrueSession>(await SendAsync(HttpMethod.Post, "/token?grant_type=password", new { email, password }, Caller.Anonymous, null, ct));

    /// <summary>
    /// POST /token?grant_type=refresh_token. Refresh tokens are single-use: store the new session's refresh
    /// token. A reused or revoked one gives <see cref="GoTrueException.IsSessionEnded"/>; a refresh racing
    /// another gives <see cref="GoTrueException.IsConcurrentRefresh"/>.
    /// </summary>
    public async Task<GoTrueSession> RefreshAsync(string refreshToken, CancellationToken ct = default) =>
        Read<GoTrueSession>(await SendAsync(HttpMethod.Post, "/token?grant_type=refresh_token",
            new { refresh_token = refreshToken }, Caller.Anonymous, null, ct));

    /// <summary>
    /// POST /logout?scope=. No default scope on purpose: GoTrue's own default is global (every device), a
    /// "sign out" button usually means local. A session that has already ended counts as signed out (as
    /// supabase-js does), so a second sign-out is not an error. The access token must still be valid: refresh
    /// first if it has expired.
    /// </summary>
    public async Task SignOutAsync(string accessToken, SignOutScope scope, CancellationToken ct = default)
    {
        var name = scope switch
        {
            SignOutScope.Local => "local",
            SignOutScope.Global => "global",
            SignOutScope.Others => "others",
            _ => throw new ArgumentOutOfRangeException(nameof(scope)),
        };
        try
        {
            await SendAsync(HttpMethod.Post, $"/logout?scope={name}", null, Caller.User, accessToken, ct);
        }
        catch (GoTrueException e) when (e.IsSessionEnded || e.StatusCode == 404) { }
    }

    /// <summary>POST /recover. Succeeds for unknown addresses too: GoTrue does not say whether the account exists.</summary>
    /// <param name="redirectTo">Where the email link leads; must be in the project's allowed redirect URLs.</param>
    public async Task RecoverAsync(string email, string? redirectTo = null, CancellationToken ct = default) =>
        await SendAsync(HttpMethod.Post, "/recover" + Query(("redirect_to", redirectTo)), new { email }, Caller.Anonymous, null, ct);

    /// <summary>POST /verify with the <c>token_hash</c> of an email link (sign-up confirmation, recovery, magic link...).</summary>
    public async Task<GoTrueSession> VerifyAsync(VerifyType type, string tokenHash, CancellationToken ct = default)
    {
        var name = type switch
        {
            VerifyType.Signup => "signup",
            VerifyType.Invite => "invite",
            VerifyType.MagicLink => "magiclink",
            VerifyType.Recovery => "recovery",
            VerifyType.EmailChange => "email_change",
            VerifyType.Email => "email",
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
        return Read<GoTrueSession>(await SendAsync(HttpMethod.Post, "/verify", new { type = name, token_hash = tokenHash }, Caller.Anonymous, null, ct));
    }

    /// <summary>
    /// The URL to send the browser to for an external provider (google, github...). GoTrue comes back to
    /// <paramref name="redirectTo"/>?code=...; exchange it with <see cref="ExchangeCodeForSessionAsync"/>.
    /// </summary>
    public Uri GetAuthorizeUrl(string provider, string redirectTo, string codeChallenge)
    {
        ArgumentException.ThrowIfNullOrEmpty(provider);
        ArgumentException.ThrowIfNullOrEmpty(redirectTo);
        ArgumentException.ThrowIfNullOrEmpty(codeChallenge);
        return new Uri(AuthUrl + "/authorize" + Query(("provider", provider), ("redirect_to", redirectTo),
            ("code_challenge", codeChallenge), ("code_challenge_method", Pkce.Method)));
    }

    /// <summary>POST /token?grant_type=pkce with the <c>code</c> from the redirect and the verifier kept since /authorize.</summary>
    public async Task<GoTrueSession> ExchangeCodeForSessionAsync(string authCode, string codeVerifier, CancellationToken ct = default) =>
        Read<GoTrueSession>(await SendAsync(HttpMethod.Post, "/token?grant_type=pkce",
            new { auth_code = authCode, code_verifier = codeVerifier }, Caller.Anonymous, null, ct));

    /// <summary>GET /user: the user as GoTrue knows them now (unlike the token's claims, which are as of its issue).</summary>
    public async Task<GoTrueUser> GetUserAsync(string accessToken, CancellationToken ct = default) =>
        Read<GoTrueUser>(await SendAsync(HttpMethod.Get, "/user", null, Caller.User, accessToken, ct));

    /// <summary>PUT /user. A new email takes effect once confirmed (the user then shows <c>new_email</c>).</summary>
    public async Task<GoTrueUser> UpdateUserAsync(string accessToken, string? email = null, string? password = null,
        IReadOnlyDictionary<string, object?>? data = null, CancellationToken ct = default) =>
        Read<GoTrueUser>(await SendAsync(HttpMethod.Put, "/user", new { email, password, data }, Caller.User, accessToken, ct));

    /// <summary>POST /admin/users (service key). <paramref name="appMetadata"/> is for authorization data the user cannot change.</summary>
    /// <param name="id">The user's id (GoTrue's <c>sub</c>) instead of a new random one; GoTrue versions before the
    /// <c>id</c> parameter ignore it, so compare with the returned user's id.</param>
    /// <param name="userMetadata">The user's own metadata (display name...).</param>
    public async Task<GoTrueUser> CreateUserAsync(string email, string password, bool emailConfirm,
        IReadOnlyDictionary<string, object?>? appMetadata = null, Guid? id = null,
        IReadOnlyDictionary<string, object?>? userMetadata = null, CancellationToken ct = default) =>
        Read<GoTrueUser>(await SendAsync(HttpMethod.Post, "/admin/users",
            new { id, email, password, email_confirm = emailConfirm, app_metadata = appMetadata, user_metadata = userMetadata },
            Caller.Admin, null, ct));

    /// <summary>GET /admin/users/{id} (service key): the user, or null when GoTrue has no user with that id.</summary>
    public async Task<GoTrueUser?> GetUserByIdAsync(Guid id, CancellationToken ct = default)
    {
        try
        {
            return Read<GoTrueUser>(await SendAsync(HttpMethod.Get, $"/admin/users/{id}", null, Caller.Admin, null, ct));
        }
        catch (GoTrueException e) when (e.StatusCode == 404)
        {
            return null;
        }
    }

    /// <summary>GET /admin/users (service key); pages start at 1.</summary>
    public async Task<GoTrueUserPage> ListUsersAsync(int page = 1, int perPage = 50, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perPage, 1);
        var reply = await SendAsync(HttpMethod.Get, $"/admin/users?page={page}&per_page={perPage}", null, Caller.Admin, null, ct);
        return new GoTrueUserPage(Read<UserList>(reply).Users, page, perPage, reply.TotalCount);
    }

    /// <summary>GET /settings: enabled providers, whether sign-ups are open and whether emails are auto-confirmed.</summary>
    public async Task<GoTrueSettings> GetSettingsAsync(CancellationToken ct = default) =>
        Read<GoTrueSettings>(await SendAsync(HttpMethod.Get, "/settings", null, Caller.Anonymous, null, ct));

    private sealed record UserList(IReadOnlyList<GoTrueUser> Users);

    private string AuthUrl => options.IsConfigured ? options.AuthUrl : throw SupabaseOptions.NotConfigured();

    private async Task<Reply> SendAsync(HttpMethod method, string pathAndQuery, object? body, Caller caller, string? accessToken,
        CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, AuthUrl + pathAndQuery);
        var apiKey = options.AnonKey!;
        switch (caller)
        {
            case Caller.User:
                ArgumentException.ThrowIfNullOrEmpty(accessToken);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
                break;
            case Caller.Admin:
                // As supabase-js does with a service client: the key is both the gateway's apikey and the bearer.
                apiKey = options.ServiceRoleKey ?? throw new InvalidOperationException(
                    "SUPABASE_SERVICE_ROLE_KEY is not set: GoTrue admin calls need it.");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
                break;
        }
        request.Headers.TryAddWithoutValidation("apikey", apiKey);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json);

        try
        {
            using var response = await http.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode) throw ErrorFrom(response, text);
            int? total = response.Headers.TryGetValues("X-Total-Count", out var values)
                         && int.TryParse(values.FirstOrDefault(), out var n) ? n : null;
            return new Reply((int)response.StatusCode, text, total);
        }
        catch (HttpRequestException e)
        {
            throw GoTrueException.Unreachable(e);
        }
        catch (IOException e)
        {
            throw GoTrueException.Unreachable(e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw GoTrueException.Unreachable(e); // HttpClient.Timeout
        }
    }

    private static GoTrueException ErrorFrom(HttpResponseMessage response, string body)
    {
        string? code = null, message = null, oauthError = null;
        List<string>? reasons = null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                code = Text(root, "error_code");
                message = Text(root, "msg") ?? Text(root, "error_description") ?? Text(root, "message");
                oauthError = Text(root, "error");
                if (root.TryGetProperty("weak_password", out var weak) && weak.ValueKind == JsonValueKind.Object
                    && weak.TryGetProperty("reasons", out var list) && list.ValueKind == JsonValueKind.Array)
                    reasons = list.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!).ToList();
            }
        }
        catch (JsonException)
        {
            message = body.Length > 300 ? body[..300] : body; // a proxy's HTML page, say
        }
        if (code is null && response.Headers.TryGetValues("x-sb-error-code", out var header))
            code = header.FirstOrDefault() is { Length: > 0 } h ? h : null;
        code ??= LegacyCode(oauthError, message);
        return new GoTrueException((int)response.StatusCode, code, message, reasons);
    }

    /// <summary>
    /// Older GoTrue versions answer token errors as OAuth's {error, error_description} without error_code;
    /// recognise the ones that matter to the person, otherwise keep the OAuth error as the code.
    /// </summary>
    private static string? LegacyCode(string? oauthError, string? description)
    {
        if (oauthError is null) return null;
        return description switch
        {
            "Invalid login credentials" => "invalid_credentials",
            "Email not confirmed" => "email_not_confirmed",
            not null when description.Contains("Already Used", StringComparison.OrdinalIgnoreCase) => "refresh_token_already_used",
            not null when description.Contains("Refresh Token Not Found", StringComparison.OrdinalIgnoreCase) => "refresh_token_not_found",
            _ => oauthError,
        };
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool HasProperty(Reply reply, string name)
    {
        try
        {
            using var doc = JsonDocument.Parse(reply.Body);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(name, out _);
        }
        catch (JsonException e)
        {
            throw Unexpected(reply, e);
        }
    }

    private static T Read<T>(Reply reply) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(reply.Body, Json) ?? throw Unexpected(reply, null);
        }
        catch (JsonException e)
        {
            throw Unexpected(reply, e);
        }
    }

    private static GoTrueException Unexpected(Reply reply, Exception? inner) =>
        // Not the body itself: a half-readable session would put tokens into the logs.
        new(reply.Status, "unexpected_response", $"Answer ({reply.Body.Length} characters) not in the documented shape.", null, inner);

    private static string Query(params (string Name, string? Value)[] parameters)
    {
        var parts = parameters.Where(p => p.Value is not null)
            .Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
