using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Avnera.Tests.Auth.Supabase;

// The endpoints. Every handler runs under _gate.
public sealed partial class GoTrueProtocolDouble
{
    private sealed class User
    {
        public Guid Id { get; init; } = Guid.NewGuid();
        public required string Email { get; set; }
        public required string Password { get; set; }
        public DateTimeOffset CreatedAt { get; } = DateTimeOffset.UtcNow;
        public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
        public DateTimeOffset? EmailConfirmedAt { get; set; }
        public DateTimeOffset? ConfirmationSentAt { get; set; }
        public DateTimeOffset? RecoverySentAt { get; set; }
        public DateTimeOffset? LastSignInAt { get; set; }
        public string? NewEmail { get; set; }
        public DateTimeOffset? EmailChangeSentAt { get; set; }
        public JsonObject AppMetadata { get; set; } = new() { ["provider"] = "email", ["providers"] = new JsonArray("email") };
        public JsonObject UserMetadata { get; set; } = [];
        /// <summary>Outstanding email links by type (signup, recovery, email_change) → token hash.</summary>
        public Dictionary<string, string> TokenHashes { get; } = [];
    }

    private sealed record Session(Guid Id, Guid UserId);

    private sealed class RefreshToken(Guid sessionId)
    {
        public Guid SessionId { get; } = sessionId;
        public bool Used { get; set; }
    }

    private sealed record FlowState(Guid UserId, string CodeChallenge, DateTimeOffset CreatedAt);

    private readonly Dictionary<Guid, User> _users = [];
    private readonly Dictionary<Guid, Session> _sessions = [];
    private readonly Dictionary<string, RefreshToken> _refreshTokens = [];
    private readonly Dictionary<string, FlowState> _flowStates = [];

    /// <summary>Adds a user directly, as if created earlier.</summary>
    public Guid AddUser(string email, string password, bool confirmed = true)
    {
        lock (_gate)
        {
            var user = new User { Email = email, Password = password, EmailConfirmedAt = confirmed ? DateTimeOffset.UtcNow : null };
            _users[user.Id] = user;
            return user.Id;
        }
    }

    public int SessionCount(Guid userId) { lock (_gate) return _sessions.Values.Count(s => s.UserId == userId); }

    /// <summary>Inspection: the id of the user with this address, as GoTrue would put it in the token's sub.</summary>
    public Guid? FindUserId(string email) { lock (_gate) return FindUser(email)?.Id; }

    /// <summary>Ends every session of the user (as a global sign-out on another device or an admin would).</summary>
    public void EndSessions(Guid userId)
    {
        lock (_gate)
            foreach (var id in _sessions.Values.Where(s => s.UserId == userId).Select(s => s.Id).ToList()) EndSession(id);
    }

    /// <summary>How many refresh_token grants the double has answered (or refused).</summary>
    public int RefreshRequests => Requests.Count(r => r.Path == "/auth/v1/token" && r.Query.Contains("grant_type=refresh_token"));

    public SentEmail? LastEmailTo(string email) =>
        Emails.LastOrDefault(e => string.Equals(e.To, email, StringComparison.OrdinalIgnoreCase));

    private User? FindUser(string? email) =>
        email is null ? null : _users.Values.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));

    private Reply Signup(Call call)
    {
        if (SignupDisabled) return Error(422, "signup_disabled", "Signups not allowed for this instance");
        var email = call.Text("email");
        var password = call.Text("password");
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password))
            return Error(400, "validation_failed", "To signup, please provide your email and password");
        if (WeakPassword(password) is { } weak) return weak;
        var challenge = call.Text("code_challenge");

        if (FindUser(email) is { } existing)
        {
            if (AutoConfirm) return Error(422, "user_already_exists", "User already registered");
            if (existing.EmailConfirmedAt is null)
            {
                SendEmail(existing, "signup", call.Query("redirect_to"), challenge); // GoTrue resends the confirmation
                return Json(UserJson(existing));
            }
            // Anti-enumeration: a look-alike of a new, unconfirmed user, with no identities.
            var now = Stamp(DateTimeOffset.UtcNow);
            return Json(new JsonObject
            {
                ["id"] = Guid.NewGuid().ToString(), ["aud"] = "authenticated", ["role"] = "authenticated",
                ["email"] = email, ["phone"] = "", ["confirmation_sent_at"] = now,
                ["app_metadata"] = new JsonObject { ["provider"] = "email", ["providers"] = new JsonArray("email") },
                ["user_metadata"] = call.Body["data"]?.DeepClone() ?? new JsonObject(),
                ["identities"] = new JsonArray(), ["created_at"] = now, ["updated_at"] = now, ["is_anonymous"] = false,
            });
        }

        var user = new User { Email = email, Password = password };
        if (call.Body["data"] is JsonObject data) user.UserMetadata = (JsonObject)data.DeepClone();
        _users[user.Id] = user;
        if (AutoConfirm)
        {
            user.EmailConfirmedAt = DateTimeOffset.UtcNow;
            return Json(NewSession(user, "password"));
        }
        SendEmail(user, "signup", call.Query("redirect_to"), challenge);
        return Json(UserJson(user));
    }

    private Reply Token(Call call) => call.Query("grant_type") switch
    {
        "password" => PasswordGrant(call),
        "refresh_token" => RefreshGrant(call),
        "pkce" => PkceGrant(call),
        _ => Error(400, "unsupported_grant_type", "unsupported_grant_type"),
    };

    private Reply PasswordGrant(Call call)
    {
        var user = FindUser(call.Text("email"));
        if (user is null || user.Password != call.Text("password"))
            return LegacyTokenErrors
                ? OAuthError(400, "invalid_grant", "Invalid login credentials")
                : Error(400, "invalid_credentials", "Invalid login credentials");
        if (user.EmailConfirmedAt is null)
            return LegacyTokenErrors
                ? OAuthError(400, "invalid_grant", "Email not confirmed")
                : Error(400, "email_not_confirmed", "Email not confirmed");
        var session = NewSession(user, "password");
        // Signed in, but the password no longer meets the policy: GoTrue says so alongside the session.
        if (WeakReasons(user.Password) is { Count: > 0 } reasons)
            session["weak_password"] = new JsonObject
            {
                ["reasons"] = new JsonArray([.. reasons.Select(r => JsonValue.Create(r))]),
                ["message"] = "Password is weak",
            };
        return Json(session);
    }

    private Reply RefreshGrant(Call call)
    {
        if (RefreshConflict) return Error(409, "conflict", "Concurrent refresh of the same session");
        var token = call.Text("refresh_token");
        if (token is null || !_refreshTokens.TryGetValue(token, out var record) || !_sessions.TryGetValue(record.SessionId, out var session))
            return LegacyTokenErrors
                ? OAuthError(400, "invalid_grant", "Invalid Refresh Token: Refresh Token Not Found")
                : Error(400, "refresh_token_not_found", "Invalid Refresh Token: Refresh Token Not Found");
        if (record.Used)
        {
            // No reuse interval in the double: any reuse revokes the whole family (the session).
            EndSession(session.Id);
            return LegacyTokenErrors
                ? OAuthError(400, "invalid_grant", "Invalid Refresh Token: Already Used")
                : Error(400, "refresh_token_already_used", "Invalid Refresh Token: Already Used");
        }
        record.Used = true;
        return Json(SessionJson(_users[session.UserId], session, "password"));
    }

    private Reply PkceGrant(Call call)
    {
        var code = call.Text("auth_code");
        var verifier = call.Text("code_verifier");
        if (string.IsNullOrEmpty(code) || string.IsNullOrEmpty(verifier))
            return Error(400, "validation_failed", "invalid request: both auth code and code verifier should be non-empty");
        if (!_flowStates.TryGetValue(code, out var flow))
            return Error(404, "flow_state_not_found", "invalid flow state, no valid flow state found");
        if (DateTimeOffset.UtcNow - flow.CreatedAt > FlowStateLifetime)
            return Error(422, "flow_state_expired", "invalid flow state, flow state has expired");
        var challenge = B64(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(challenge), Encoding.ASCII.GetBytes(flow.CodeChallenge)))
            return Error(400, "bad_code_verifier", "code challenge does not match previously saved code verifier");
        _flowStates.Remove(code);
        return Json(NewSession(_users[flow.UserId], "oauth"));
    }

    private Reply Logout(Call call)
    {
        if (Authenticate(call, out var user, out var session) is { } failed) return failed;
        var scope = call.Query("scope") ?? "global";
        var ended = scope switch
        {
            "local" => new List<Guid> { session!.Id },
            "global" => _sessions.Values.Where(s => s.UserId == user!.Id).Select(s => s.Id).ToList(),
            "others" => _sessions.Values.Where(s => s.UserId == user!.Id && s.Id != session!.Id).Select(s => s.Id).ToList(),
            _ => null,
        };
        if (ended is null) return Error(400, "validation_failed", $"Unsupported logout scope \"{scope}\"");
        foreach (var id in ended) EndSession(id);
        return new Reply(204);
    }

    private Reply Recover(Call call)
    {
        if (FindUser(call.Text("email")) is { } user)
        {
            user.RecoverySentAt = DateTimeOffset.UtcNow;
            SendEmail(user, "recovery", call.Query("redirect_to"), call.Text("code_challenge"));
        }
        return Json(new JsonObject()); // the same answer whether or not the address has an account
    }

    private Reply Verify(Call call)
    {
        var type = call.Text("type");
        var hash = call.Text("token_hash");
        var slot = type switch { "signup" or "email" => "signup", "recovery" => "recovery", "email_change" => "email_change", _ => null };
        var user = slot is null || hash is null ? null
            : _users.Values.FirstOrDefault(u => u.TokenHashes.TryGetValue(slot, out var h) && h == hash);
        if (user is null) return Error(403, "otp_expired", "Email link is invalid or has expired");
        user.TokenHashes.Remove(slot!);
        user.EmailConfirmedAt ??= DateTimeOffset.UtcNow;
        if (slot == "email_change" && user.NewEmail is not null)
        {
            user.Email = user.NewEmail;
            user.NewEmail = null;
        }
        return Json(NewSession(user, "otp"));
    }

    private Reply GetUser(Call call) =>
        Authenticate(call, out var user, out _) ?? Json(UserJson(user!));

    private Reply UpdateUser(Call call)
    {
        if (Authenticate(call, out var user, out _) is { } failed) return failed;
        if (call.Text("password") is { } password)
        {
            if (WeakPassword(password) is { } weak) return weak;
            user!.Password = password;
        }
        if (call.Text("email") is { } email && !string.Equals(email, user!.Email, StringComparison.OrdinalIgnoreCase))
        {
            if (FindUser(email) is not null)
                return Error(422, "email_exists", "A user with this email address has already been registered");
            user.NewEmail = email;
            user.EmailChangeSentAt = DateTimeOffset.UtcNow;
            SendEmail(user, "email_change", null, null, to: email);
        }
        if (call.Body["data"] is JsonObject data)
            foreach (var (key, value) in data)
                user!.UserMetadata[key] = value?.DeepClone(); // GoTrue merges top-level keys
        user!.UpdatedAt = DateTimeOffset.UtcNow;
        return Json(UserJson(user));
    }

    private Reply Authorize(Call call)
    {
        var provider = call.Query("provider");
        var redirectTo = call.Query("redirect_to");
        var challenge = call.Query("code_challenge");
        if (provider is null || !EnabledProviders.Contains(provider))
            return Error(400, "validation_failed", $"Unsupported provider: Provider {provider} could not be found");
        if (string.IsNullOrEmpty(redirectTo) || string.IsNullOrEmpty(challenge)
            || !string.Equals(call.Query("code_challenge_method"), "s256", StringComparison.OrdinalIgnoreCase))
            return Error(400, "validation_failed", "The protocol double supports only the PKCE flow (code_challenge, s256) with redirect_to");

        var separator = redirectTo.Contains('?') ? "&" : "?";
        if (OAuthAccessDenied)
            return new Reply(302, Location: redirectTo + separator + "error=access_denied&error_code=403&error_description="
                + Uri.EscapeDataString("The user denied the request"));

        // The double skips the external provider: OAuthUserEmail has just signed in there.
        var user = FindUser(OAuthUserEmail);
        if (user is null)
        {
            user = new User { Email = OAuthUserEmail, Password = Guid.NewGuid().ToString(), EmailConfirmedAt = DateTimeOffset.UtcNow };
            _users[user.Id] = user;
        }
        user.AppMetadata = new JsonObject { ["provider"] = provider, ["providers"] = new JsonArray(provider) };
        var code = Guid.NewGuid().ToString();
        _flowStates[code] = new FlowState(user.Id, challenge, DateTimeOffset.UtcNow);
        return new Reply(302, Location: redirectTo + separator + "code=" + Uri.EscapeDataString(code));
    }

    private Reply Settings(Call call)
    {
        var external = new JsonObject { ["email"] = true, ["phone"] = false, ["anonymous_users"] = false };
        foreach (var provider in new[] { "apple", "github", "google" }) external[provider] = EnabledProviders.Contains(provider);
        return Json(new JsonObject
        {
            ["external"] = external, ["disable_signup"] = SignupDisabled, ["mailer_autoconfirm"] = AutoConfirm,
            ["phone_autoconfirm"] = false, ["sms_provider"] = "", ["saml_enabled"] = false,
        });
    }

    private Reply Jwks(Call call)
    {
        if (JwksUnavailable) return Error(503, "unexpected_failure", "Service temporarily unavailable");
        // HS256 secrets are never published; only the asymmetric public keys.
        return new Reply(200, new JsonObject { ["keys"] = new JsonArray([.. _publishedKeys.Select(k => k.PublicJwk())]) },
            Headers: new Dictionary<string, string> { ["Cache-Control"] = $"public, max-age={JwksMaxAgeSeconds}" });
    }

    private Reply AdminListUsers(Call call)
    {
        if (RequireServiceRole(call) is { } failed) return failed;
        var page = int.TryParse(call.Query("page"), out var p) && p > 0 ? p : 1;
        var perPage = int.TryParse(call.Query("per_page"), out var n) && n > 0 ? n : 50;
        var users = _users.Values.OrderBy(u => u.CreatedAt).ThenBy(u => u.Email).ToList();
        var pageOf = users.Skip((page - 1) * perPage).Take(perPage).Select(UserJson);
        return new Reply(200, new JsonObject { ["users"] = new JsonArray([.. pageOf]), ["aud"] = "authenticated" },
            Headers: new Dictionary<string, string> { ["X-Total-Count"] = users.Count.ToString(CultureInfo.InvariantCulture) });
    }

    private Reply AdminCreateUser(Call call)
    {
        if (RequireServiceRole(call) is { } failed) return failed;
        var email = call.Text("email");
        if (string.IsNullOrEmpty(email)) return Error(400, "validation_failed", "Unable to validate email address: invalid format");
        if (FindUser(email) is not null)
            return Error(422, "email_exists", "A user with this email address has already been registered");
        // GoTrue: an optional id replaces the random one; it must be a uuid and not the nil uuid.
        var id = Guid.NewGuid();
        if (call.Text("id") is { } requested)
        {
            if (!Guid.TryParse(requested, out id)) return Error(400, "validation_failed", "ID must conform to the uuid v4 format");
            if (id == Guid.Empty) return Error(400, "validation_failed", "ID cannot be a nil uuid");
            if (_users.ContainsKey(id)) return Error(500, "unexpected_failure", "Database error creating new user");
        }
        var user = new User
        {
            Id = id,
            Email = email,
            Password = call.Text("password") ?? Guid.NewGuid().ToString(),
            EmailConfirmedAt = call.Flag("email_confirm") ? DateTimeOffset.UtcNow : null,
        };
        if (call.Body["app_metadata"] is JsonObject app)
            foreach (var (key, value) in app) user.AppMetadata[key] = value?.DeepClone();
        if (call.Body["user_metadata"] is JsonObject meta) user.UserMetadata = (JsonObject)meta.DeepClone();
        _users[user.Id] = user;
        return Json(UserJson(user));
    }

    private Reply AdminGetUser(Call call)
    {
        if (RequireServiceRole(call) is { } failed) return failed;
        if (!Guid.TryParse((string?)call.Request.RouteValues["id"], out var id))
            return Error(404, "validation_failed", "user_id must be an UUID");
        return _users.TryGetValue(id, out var user) ? Json(UserJson(user)) : Error(404, "user_not_found", "User not found");
    }

    private static Reply? RequireServiceRole(Call call) => call.Bearer switch
    {
        null => Error(401, "no_authorization", "This endpoint requires a valid Bearer token"),
        ServiceRoleKey => null,
        _ => Error(403, "not_admin", "User not allowed"),
    };

    private Reply? Authenticate(Call call, out User? user, out Session? session)
    {
        user = null;
        session = null;
        if (call.Bearer is null) return Error(401, "no_authorization", "This endpoint requires a valid Bearer token");
        var claims = VerifyOwnToken(call.Bearer);
        if (claims is null) return Error(403, "bad_jwt", "invalid JWT: unable to parse or verify signature, token is expired or invalid");
        if (!Guid.TryParse((string?)claims["session_id"], out var sessionId) || !_sessions.TryGetValue(sessionId, out session))
            return Error(403, "session_not_found", "Session from session_id claim in JWT does not exist");
        if (!_users.TryGetValue(session.UserId, out user)) return Error(404, "user_not_found", "User from sub claim in JWT does not exist");
        return null;
    }

    private JsonObject NewSession(User user, string method)
    {
        var session = new Session(Guid.NewGuid(), user.Id);
        _sessions[session.Id] = session;
        user.LastSignInAt = DateTimeOffset.UtcNow;
        return SessionJson(user, session, method);
    }

    private JsonObject SessionJson(User user, Session session, string method)
    {
        var now = DateTimeOffset.UtcNow;
        var refresh = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 12);
        _refreshTokens[refresh] = new RefreshToken(session.Id);
        var claims = AccessTokenClaims(user.Id, user.Email, session.Id, now, user.AppMetadata, user.UserMetadata, method);
        return new JsonObject
        {
            ["access_token"] = SignSessionToken(claims),
            ["token_type"] = "bearer",
            ["expires_in"] = (int)AccessTokenLifetime.TotalSeconds,
            ["expires_at"] = now.ToUnixTimeSeconds() + (long)AccessTokenLifetime.TotalSeconds,
            ["refresh_token"] = refresh,
            ["user"] = UserJson(user),
        };
    }

    private void EndSession(Guid sessionId)
    {
        _sessions.Remove(sessionId);
        foreach (var token in _refreshTokens.Where(t => t.Value.SessionId == sessionId).Select(t => t.Key).ToList())
            _refreshTokens.Remove(token);
    }

    private static JsonObject UserJson(User user)
    {
        var identity = new JsonObject
        {
            ["identity_id"] = Guid.NewGuid().ToString(), ["id"] = user.Id.ToString(), ["user_id"] = user.Id.ToString(),
            ["identity_data"] = new JsonObject { ["email"] = user.Email, ["sub"] = user.Id.ToString(), ["email_verified"] = user.EmailConfirmedAt is not null },
            ["provider"] = "email", ["last_sign_in_at"] = Stamp(user.LastSignInAt),
            ["created_at"] = Stamp(user.CreatedAt), ["updated_at"] = Stamp(user.UpdatedAt), ["email"] = user.Email,
        };
        var json = new JsonObject
        {
            ["id"] = user.Id.ToString(), ["aud"] = "authenticated", ["role"] = "authenticated",
            ["email"] = user.Email, ["email_confirmed_at"] = Stamp(user.EmailConfirmedAt), ["phone"] = "",
            ["confirmation_sent_at"] = Stamp(user.ConfirmationSentAt), ["confirmed_at"] = Stamp(user.EmailConfirmedAt),
            ["recovery_sent_at"] = Stamp(user.RecoverySentAt), ["last_sign_in_at"] = Stamp(user.LastSignInAt),
            ["app_metadata"] = user.AppMetadata.DeepClone(), ["user_metadata"] = user.UserMetadata.DeepClone(),
            ["identities"] = new JsonArray(identity),
            ["created_at"] = Stamp(user.CreatedAt), ["updated_at"] = Stamp(user.UpdatedAt), ["is_anonymous"] = false,
        };
        if (user.NewEmail is not null)
        {
            json["new_email"] = user.NewEmail;
            json["email_change_sent_at"] = Stamp(user.EmailChangeSentAt);
        }
        // GoTrue omits unset optional timestamps.
        foreach (var key in json.Where(p => p.Value is null).Select(p => p.Key).ToList()) json.Remove(key);
        return json;
    }

    /// <summary>Timestamps as GoTrue writes them: RFC 3339, UTC, microseconds.</summary>
    private static string? Stamp(DateTimeOffset? t) =>
        t?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private void SendEmail(User user, string type, string? redirectTo, string? codeChallenge, string? to = null)
    {
        var hash = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(28)); // GoTrue's are sha224 hex
        user.TokenHashes[type] = hash;
        if (type == "signup") user.ConfirmationSentAt = DateTimeOffset.UtcNow;
        _emails.Add(new SentEmail(to ?? user.Email, type, hash, redirectTo, codeChallenge));
    }

    private List<string> WeakReasons(string password)
    {
        var reasons = new List<string>();
        if (password.Length < MinPasswordLength) reasons.Add("length");
        if (LeakedPasswords.Contains(password)) reasons.Add("pwned");
        return reasons;
    }

    private Reply? WeakPassword(string password)
    {
        var reasons = WeakReasons(password);
        if (reasons.Count == 0) return null;
        var message = reasons[0] == "length"
            ? $"Password should be at least {MinPasswordLength} characters."
            : "Password is known to be weak and easy to guess, please choose a different one.";
        return Error(422, "weak_password", message,
            new JsonObject { ["weak_password"] = new JsonObject { ["reasons"] = new JsonArray([.. reasons.Select(r => JsonValue.Create(r))]) } });
    }
}
