using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Avnera.Web.Auth.Supabase;
using Microsoft.Extensions.DependencyInjection;

namespace Avnera.Tests.Auth.Supabase;

/// <summary>GoTrueClient over real HTTP against the GoTrue protocol double (not Supabase; see the double).</summary>
public class GoTrueClientTests : IAsyncLifetime
{
    private GoTrueProtocolDouble _server = null!;
    private ServiceProvider _services = null!;

    private GoTrueClient Client => _services.GetRequiredService<GoTrueClient>();

    public async Task InitializeAsync()
    {
        _server = await GoTrueProtocolDouble.StartAsync();
        _services = SupabaseTestServices.Create(_server);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    // Sign-up

    [Fact]
    public async Task SignUp_AutoConfirmOn_SignsInWithSession()
    {
        var result = await Client.SignUpAsync("new@example.test", "correct-horse-battery");

        var signedIn = Assert.IsType<SignUpResult.SignedIn>(result);
        Assert.Equal("new@example.test", signedIn.Session.User.Email);
        Assert.Equal("bearer", signedIn.Session.TokenType);
        Assert.False(string.IsNullOrEmpty(signedIn.Session.AccessToken));
        Assert.False(string.IsNullOrEmpty(signedIn.Session.RefreshToken));
        Assert.True(signedIn.Session.AccessTokenExpiresAt > DateTimeOffset.UtcNow.AddMinutes(50));
        Assert.NotNull(signedIn.Session.User.EmailConfirmedAt);
    }

    [Fact]
    public async Task SignUp_AutoConfirmOff_AsksToCheckEmailAndSendsConfirmation()
    {
        _server.AutoConfirm = false;

        var result = await Client.SignUpAsync("new@example.test", "correct-horse-battery");

        Assert.Equal(new SignUpResult.ConfirmationPending("new@example.test"), result);
        Assert.Equal("signup", _server.LastEmailTo("new@example.test")?.Type);
    }

    [Fact]
    public async Task SignUp_ExistingEmailWithoutAutoConfirm_LooksExactlyLikeNewSignUp()
    {
        _server.AutoConfirm = false;
        _server.AddUser("taken@example.test", "correct-horse-battery", confirmed: true);

        var forExisting = await Client.SignUpAsync("taken@example.test", "another-long-password");
        var forNew = await Client.SignUpAsync("fresh@example.test", "another-long-password");

        // The double answered the existing address with its look-alike user (identities: []) and sent nothing...
        Assert.Equal(2, _server.CountRequests("/signup"));
        Assert.Null(_server.LastEmailTo("taken@example.test"));
        // ...and the caller cannot tell the two apart.
        Assert.Equal(new SignUpResult.ConfirmationPending("taken@example.test"), forExisting);
        Assert.Equal(new SignUpResult.ConfirmationPending("fresh@example.test"), forNew);
    }

    [Fact]
    public async Task SignUp_ExistingEmailWithAutoConfirm_GivesNeutralMessage()
    {
        _server.AddUser("taken@example.test", "correct-horse-battery");

        var e = await Assert.ThrowsAsync<GoTrueException>(() => Client.SignUpAsync("taken@example.test", "another-long-password"));

        Assert.Equal(422, e.StatusCode);
        Assert.Equal("user_already_exists", e.ErrorCode);
        Assert.Equal(GoTrueException.NeutralEmailMessage, e.UserMessage);
        Assert.DoesNotContain("exist", e.UserMessage, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("registered", e.UserMessage, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignUp_ShortLeakedPassword_ExplainsBothReasons()
    {
        var e = await Assert.ThrowsAsync<GoTrueException>(() => Client.SignUpAsync("new@example.test", "qwerty"));

        Assert.Equal(422, e.StatusCode);
        Assert.Equal("weak_password", e.ErrorCode);
        Assert.Equal(["length", "pwned"], e.WeakPasswordReasons);
        Assert.Equal("Choose a stronger password: it is too short; it appears in a list of leaked passwords.", e.UserMessage);
    }

    [Fact]
    public async Task SignUp_SignupsDisabled_SaysSignupsAreClosed()
    {
        _server.SignupDisabled = true;

        var e = await Assert.ThrowsAsync<GoTrueException>(() => Client.SignUpAsync("new@example.test", "correct-horse-battery"));

        Assert.Equal("signup_disabled", e.ErrorCode);
        Assert.Equal("New sign-ups are closed.", e.UserMessage);
    }

    [Fact]
    public async Task SignUp_WithMetadataAndChallenge_SendsThemInDocumentedFields()
    {
        _server.AutoConfirm = false;
        var challenge = Pkce.Challenge(Pkce.CreateVerifier());

        await Client.SignUpAsync("new@example.test", "correct-horse-battery",
            new Dictionary<string, object?> { ["display_name"] = "Ada" }, challenge);

        var body = JsonNode.Parse(_server.Requests.Single(r => r.Path == "/auth/v1/signup").Body)!;
        Assert.Equal("Ada", (string?)body["data"]?["display_name"]);
        Assert.Equal(challenge, (string?)body["code_challenge"]);
        Assert.Equal("s256", (string?)body["code_challenge_method"]);
        Assert.Equal(challenge, _server.LastEmailTo("new@example.test")?.CodeChallenge);
    }

    // Sign-in

    [Fact]
    public async Task SignIn_RightPassword_ReturnsSessionOfThatUser()
    {
        var id = _server.AddUser("ada@example.test", "correct-horse-battery");

        var session = await Client.SignInWithPasswordAsync("ada@example.test", "correct-horse-battery");

        Assert.Equal(id, session.User.Id);
        Assert.Equal("ada@example.test", session.User.Email);
        Assert.Equal("email", Assert.Single(session.User.Identities!).Provider);
        Assert.Equal("email", session.User.AppMetadata!["provider"].GetString());
        Assert.Null(session.WeakPassword);
        Assert.Equal("/auth/v1/token", _server.Requests.Last().Path);
        Assert.Equal("?grant_type=password", _server.Requests.Last().Query);
    }

    [Fact]
    public async Task SignIn_WrongPassword_SaysWrongEmailOrPassword()
    {
        _server.AddUser("ada@example.test", "correct-horse-battery");

        var e = await Assert.ThrowsAsync<GoTrueException>(() => Client.SignInWithPasswordAsync("ada@example.test", "wrong-password"));

        Assert.Equal(400, e.StatusCode);
        Assert.Equal("invalid_credentials", e.ErrorCode);
        Assert.Equal("Wrong email or password.", e.UserMessage);
        Assert.False(e.IsSessionEnded);
    }

    [Fact]
    public async Task SignIn_UnknownEmail_SaysTheSameAsWrongPassword()
    {
        var e = await Assert.ThrowsAsync<GoTrueException>(() => Client.SignInWithPasswordAsync("nobody@example.test", "whatever-password"));

        Assert.Equal("Wrong email or password.", e.UserMessage);
    }

    [Fact]
    public async Task SignIn_OlderGoTrueErrorShape_StillSaysWrongEmailOrPassword()
    {
        _server.LegacyTokenErrors = true;
        _server.AddUser("ada@example.test", "correct-horse-battery");

        var e = await Assert.ThrowsAsync<GoTrueException>(() => Client.SignInWithPasswordAsync("ada@example.test", "wrong-password"));

        Assert.Equal("invalid_credentials", e.ErrorCode);
        Assert.Equal("Invalid login credentials", e.ServerMessage);
        Assert.Equal("Wrong email or password.", e.UserMessage);
    }

    [Fact]
    public async Task SignIn_UnconfirmedEmail_AsksToConfirmFirst()
    {
        _server.AddUser("ada@example.test", "correct-horse-battery", confirmed: false);

        var e = await Assert.ThrowsAsync<GoTrueException>(() => Client.SignInWithPasswordAsync("ada@example.test", "correct-horse-battery"));

        Assert.Equal("email_not_confirmed", e.ErrorCode);
        Assert.Equal("Please confirm your email address first — check your inbox.", e.UserMessage);
    }

    [Fact]
    public async Task SignIn_PasswordBelowCurrentPolicy_SignsInAndReportsWeakness()
    {
        _server.MinPasswordLength = 6;
        _server.AddUser("ada@example.test", "letmein1");
        _server.MinPasswordLength = 12;

        var session = await Client.SignInWithPasswordAsync("ada@example.test", "letmein1");

        Assert.Equal(["length", "pwned"], session.WeakPassword?.Reasons);
    }

    [Fact]
    public async Task SignIn_RateLimited_SaysTooManyAttempts()
    {
        _server.AddUser("ada@example.test", "correct-horse-battery");
        _server.RateLimited = true;

        var e = await Assert.ThrowsAsync<GoTrueException>(() => Client.SignInWithPasswordAsync("ada@example.test", "correct-horse-battery"));

        Assert.Equal(429, e.StatusCode);
        Assert.Equal("over_request_rate_limit", e.ErrorCode);
        Assert.True(e.IsRateLimited);
        Assert.Equal("Too many attempts. Please wait a moment and try again.", e.UserMessage);
    }

    // Refresh

    [Fact]
    public async Task Refresh_ValidToken_RotatesTokensInTheSameSession()
    {
        _server.AddUser("ada@example.test", "correct-horse-battery");
        var first = await Client.SignInWithPasswordAsync("ada@example.test", "correct-horse-battery");

        var second = await Client.RefreshAsync(first.RefreshToken);

        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.Equal(first.User.Id, second.User.Id);
        Assert.Equal(SessionId(first.AccessToken), SessionId(second.AccessToken));
        var third = await Client.RefreshAsync(second.RefreshToken);
        Assert.NotEqual(second.RefreshToken, third.RefreshToken);
    }

    [Fact]
    public async Task Refresh_ReusedToken_EndsTheSession()
    {
        _server.AddUser("ada@example.test", "correct-horse-battery");
        var first = await Client.SignInWithPasswordAsync("ada@example.test", "correct-horse-battery");
        var second = await Client.RefreshAsync(first.RefreshToken);

        var e = await Assert.ThrowsAsync<GoTrueException>(() => Client.RefreshAsync(first.RefreshToken));

        Assert.Equal("refresh_token_already_used", e.ErrorCode);
        Assert.True(e.IsSessionEnded);
        Assert.Equal("Your session has ended. Please sign in again.", e.UserMessage);
        // Reuse revokes the whole family: the newest token is dead too.
        var after = await Assert.ThrowsAsync<GoTrueException>(() => Client.RefreshAsync(second.RefreshToken));
        Assert.True(after.IsSessionEnded);
    }

    [Fact]
    public async Task Refresh_UnknownToken_EndsTheSession()
    {
        var e = await Assert.ThrowsAsync<GoTrueException>(() => Client.RefreshAsync("not-a-token"));

        Assert.Equal("refresh_token_not_found", e.ErrorCode);
        Assert.True(e.IsSessionEnded);
    }

    [Fact]
    public async Task Refresh_ConcurrentRefresh_IsFlaggedAndDoesNotEndSession()
    {
        _server.AddUser("ada@example.test", "correct-horse-battery");
        var session = await Client.SignInWithPasswordAsync("ada@example.test", "correct-horse-battery");
        _server.RefreshConflict = true;

        var e = await Assert.ThrowsAsync<GoTrueException>(() => Client.RefreshAsync(session.RefreshToken));

        Assert.Equal(409, e.StatusCode);
        Assert.True(e.IsConcurrentRefresh);
        Assert.False(e.IsSessionEnded);
    }

    // PKCE

    [Fact]
    public async Task Pkce_AuthorizeThenExchangeWithRightVerifier_SignsIn()
    {
        var verifier = Pkce.CreateVerifier();
        var url = Client.GetAuthorizeUrl("google", "https://shop.example.test/auth/callback?next=%2Faccount", Pkce.Challenge(verifier));

        var code = await FollowAuthorizeAsync(url, "https://shop.example.test/auth/callback?next=%2Faccount&code=");
        var session = await Client.ExchangeCodeForSessionAsync(code, verifier);

        Assert.Equal(_server.OAuthUserEmail, session.User.Email);
        Assert.Equal("google", session.User.AppMetadata!["provider"].GetString());
        var body = JsonNode.Parse(_server.Requests.Last().Body)!;
        Assert.Equal(code, (string?)body["auth_code"]);
        Assert.Null(body["code"]);
    }

    [Fact]
    public async Task Pkce_ExchangeWithWrongVerifier_SaysLinkExpired()
    {
        var url = Client.GetAuthorizeUrl("github", "https://shop.example.test/cb", Pkce.Challenge(Pkce.CreateVerifier()));
        var code = await FollowAuthorizeAsync(url, "https://shop.example.test/cb?code=");

        var e = await Assert.ThrowsAsync<GoTrueException>(() => Client.ExchangeCodeForSessionAsync(code, Pkce.CreateVerifier()));

        Assert.Equal(400, e.StatusCode);
        Assert.Equal("bad_code_verifier", e.ErrorCode);
        Assert.Equal("The sign-in link has expired. Please try again.", e.UserMessage);
    }

    [Fact]
    public async Task Pkce_CodeUsedTwice_SecondExchangeSaysLinkExpired()
    {
        var verifier = Pkce.CreateVerifier();
        var url = Client.GetAuthorizeUrl("google", "https://shop.example.test/cb", Pkce.Challenge(verifier));
        var code = await FollowAuthorizeAsync(url, "https://shop.example.test/cb?code=");
        await Client.ExchangeCodeForSessionAsync(code, verifier);

        var e = await Assert.ThrowsAsync<GoTrueException>(() => Client.ExchangeCodeForSessionAsync(code, verifier));

        Assert.Equal(404, e.StatusCode);
        Assert.Equal("flow_state_not_found", e.ErrorCode);
        Assert.Equal(GoTrueException.LinkExpiredMessage, e.UserMessage);
    }

    [Fact]
    public async Task Pkce_ExpiredFlowState_SaysLinkExpired()
    {
        _server.FlowStateLifetime = TimeSpan.FromSeconds(-1);
        var verifier = Pkce.CreateVerifier();
        var code = await FollowAuthorizeAsync(
            Client.GetAuthorizeUrl("google", "https://shop.example.test/cb", Pkce.Challenge(verifier)), "https://shop.example.test/cb?code=");

        var e = await Assert.ThrowsAsync<GoTrueException>(() => Client.ExchangeCodeForSessionAsync(code, verifier));

        Assert.Equal("flow_state_expired", e.ErrorCode);
        Assert.Equal(GoTrueException.LinkExpiredMessage, e.UserMessage);
    }

    [Fact]
    public void GetAuthorizeUrl_AnyProvider_CarriesDocumentedQuery()
    {
        var url = Client.GetAuthorizeUrl("google", "https://shop.example.test/cb?a=1&b=2", "CHALLENGE");

        Assert.Equal(_server.AuthUrl + "/authorize", url.GetLeftPart(UriPartial.Path));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url.Query);
        Assert.Equal("google", query["provider"]);
        Assert.Equal("https://shop.example.test/cb?a=1&b=2", query["redirect_to"]);
        Assert.Equal("CHALLENGE", query["code_challenge"]);
        Assert.Equal("s256", query["code_challenge_method"]);
    }

    // Sign-out, user, recovery, verification

    [Fact]
    public async Task SignOut_Local_EndsThisSessionOnly()
    {
        var id = _server.AddUser("ada@example.test", "correct-horse-battery");
        var here = await Client.SignInWithPasswordAsync("ada@example.test", "correct-horse-battery");
        var elsewhere = await Client.SignInWithPasswordAsync("ada@example.test", "correct-horse-battery");

        await Client.SignOutAsync(here.AccessToken, SignOutScope.Local);

        Assert.Equal("?scope=local", _server.Requests.Last().Query);
        var refresh = await Assert.ThrowsAsync<GoTrueException>(() => Client.RefreshAsync(here.RefreshToken));
        Assert.True(refresh.IsSessionEnded);
        var user = await Assert.ThrowsAsync<GoTrueException>(() => Client.GetUserAsync(here.AccessToken));
        Assert.Equal("session_not_found", user.ErrorCode);
        Assert.True(user.IsSessionEnded);
        Assert.Equal(id, (await Client.GetUserAsync(elsewhere.AccessToken)).Id);
        // Signing out of a session that has already ended is not an error.
        await Client.SignOutAsync(here.AccessToken, SignOutScope.Local);
    }

    [Fact]
    public async Task SignOut_Global_EndsEverySessionOfTheUser()
    {
        var id = _server.AddUser("ada@example.test", "correct-horse-battery");
        var here = await Client.SignInWithPasswordAsync("ada@example.test", "correct-horse-battery");
        var elsewhere = await Client.SignInWithPasswordAsync("ada@example.test", "correct-horse-battery");

        await Client.SignOutAsync(here.AccessToken, SignOutScope.Global);

        Assert.Equal(0, _server.SessionCount(id));
        var e = await Assert.ThrowsAsync<GoTrueException>(() => Client.RefreshAsync(elsewhere.RefreshToken));
        Assert.True(e.IsSessionEnded);
    }

    [Fact]
    public async Task SignOut_Others_KeepsThisSession()
    {
        var id = _server.AddUser("ada@example.test", "correct-horse-battery");
        var here = await Client.SignInWithPasswordAsync("ada@example.test", "correct-horse-battery");
        await Client.SignInWithPasswordAsync("ada@example.test", "correct-horse-battery");

        await Client.SignOutAsync(here.AccessToken, SignOutScope.Others);

        Assert.Equal(1, _server.SessionCount(id));
        Assert.Equal(id, (await Client.GetUserAsync(here.AccessToken)).Id);
    }

    [Fact]
    public async Task Recover_UnknownEmail_SucceedsSilently()
    {
        await Client.RecoverAsync("nobody@example.test");

        Assert.Empty(_server.Emails);
    }

    [Fact]
    public async Task Recover_KnownEmail_SendsLinkThatSignsIn()
    {
        var id = _server.AddUser("ada@example.test", "correct-horse-battery");

        await Client.RecoverAsync("ada@example.test", "https://shop.example.test/reset");

        var email = _server.LastEmailTo("ada@example.test")!;
        Assert.Equal("recovery", email.Type);
        Assert.Equal("https://shop.example.test/reset", email.RedirectTo);
        var session = await Client.VerifyAsync(VerifyType.Recovery, email.TokenHash);
        Assert.Equal(id, session.User.Id);
        var updated = await Client.UpdateUserAsync(session.AccessToken, password: "a-brand-new-password");
        Assert.Equal(id, updated.Id);
        await Client.SignInWithPasswordAsync("ada@example.test", "a-brand-new-password");
    }

    [Fact]
    public async Task Verify_SignupLink_ConfirmsEmailOnceOnly()
    {
        _server.AutoConfirm = false;
        await Client.SignUpAsync("new@example.test", "correct-horse-battery");
        var hash = _server.LastEmailTo("new@example.test")!.TokenHash;

        var session = await Client.VerifyAsync(VerifyType.Signup, hash);

        Assert.NotNull(session.User.EmailConfirmedAt);
        await Client.SignInWithPasswordAsync("new@example.test", "correct-horse-battery");
        var again = await Assert.ThrowsAsync<GoTrueException>(() => Client.VerifyAsync(VerifyType.Signup, hash));
        Assert.Equal("otp_expired", again.ErrorCode);
        Assert.Equal(GoTrueException.LinkExpiredMessage, again.UserMessage);
    }

    [Fact]
    public async Task GetUser_ValidToken_ReturnsCurrentUserWithBearer()
    {
        var id = _server.AddUser("ada@example.test", "correct-horse-battery");
        var session = await Client.SignInWithPasswordAsync("ada@example.test", "correct-horse-battery");

        var user = await Client.GetUserAsync(session.AccessToken);

        Assert.Equal(id, user.Id);
        Assert.Equal("Bearer " + session.AccessToken, _server.Requests.Last().Authorization);
    }

    [Fact]
    public async Task GetUser_NotAToken_GivesGenericMessageWithoutEndingSession()
    {
        var e = await Assert.ThrowsAsync<GoTrueException>(() => Client.GetUserAsync("garbage"));

        Assert.Equal(403, e.StatusCode);
        Assert.Equal("bad_jwt", e.ErrorCode);
        Assert.False(e.IsSessionEnded);
        Assert.Equal(GoTrueException.GenericMessage, e.UserMessage);
    }

    [Fact]
    public async Task UpdateUser_DataAndEmail_MergesMetadataAndAwaitsEmailConfirmation()
    {
        _server.AddUser("ada@example.test", "correct-horse-battery");
        var session = await Client.SignInWithPasswordAsync("ada@example.test", "correct-horse-battery");
        await Client.UpdateUserAsync(session.AccessToken, data: new Dictionary<string, object?> { ["locale"] = "fr" });

        var user = await Client.UpdateUserAsync(session.AccessToken, email: "ada.l@example.test",
            data: new Dictionary<string, object?> { ["display_name"] = "Ada" });

        Assert.Equal("fr", user.UserMetadata!["locale"].GetString());
        Assert.Equal("Ada", user.UserMetadata["display_name"].GetString());
        Assert.Equal("ada@example.test", user.Email);
        Assert.Equal("ada.l@example.test", user.NewEmail);
        Assert.Equal("email_change", _server.LastEmailTo("ada.l@example.test")?.Type);
    }

    [Fact]
    public async Task UpdateUser_WeakPassword_ExplainsReason()
    {
        _server.AddUser("ada@example.test", "correct-horse-battery");
        var session = await Client.SignInWithPasswordAsync("ada@example.test", "correct-horse-battery");

        var e = await Assert.ThrowsAsync<GoTrueException>(() => Client.UpdateUserAsync(session.AccessToken, password: "short"));

        Assert.Equal("Choose a stronger password: it is too short.", e.UserMessage);
    }

    // Admin and settings

    [Fact]
    public async Task Admin_CreateUserWithServiceKey_UserCanSignIn()
    {
        var user = await Client.CreateUserAsync("staff@example.test", "correct-horse-battery", emailConfirm: true,
            new Dictionary<string, object?> { ["avnera_role"] = "owner" });

        Assert.Equal("owner", user.AppMetadata!["avnera_role"].GetString());
        Assert.NotNull(user.EmailConfirmedAt);
        var request = _server.Requests.Last();
        Assert.Equal(GoTrueProtocolDouble.ServiceRoleKey, request.ApiKey);
        Assert.Equal("Bearer " + GoTrueProtocolDouble.ServiceRoleKey, request.Authorization);
        Assert.True((bool?)JsonNode.Parse(request.Body)!["email_confirm"]);
        var session = await Client.SignInWithPasswordAsync("staff@example.test", "correct-horse-battery");
        Assert.Equal(user.Id, session.User.Id);
    }

    [Fact]
    public async Task Admin_CreateExistingUser_GivesNeutralMessage()
    {
        _server.AddUser("staff@example.test", "correct-horse-battery");

        var e = await Assert.ThrowsAsync<GoTrueException>(() => Client.CreateUserAsync("staff@example.test", "x-long-password", true));

        Assert.Equal("email_exists", e.ErrorCode);
        Assert.Equal(GoTrueException.NeutralEmailMessage, e.UserMessage);
    }

    [Fact]
    public async Task Admin_CreateUserWithAnId_KeepsIt_AndGetUserByIdFindsIt()
    {
        var id = Guid.NewGuid();

        var user = await Client.CreateUserAsync("staff@example.test", "correct-horse-battery", emailConfirm: true, id: id,
            userMetadata: new Dictionary<string, object?> { ["display_name"] = "Sta Ff" });

        Assert.Equal(id, user.Id);
        Assert.Equal(id.ToString(), (string?)JsonNode.Parse(_server.Requests.Last().Body)!["id"]);
        var found = await Client.GetUserByIdAsync(id);
        Assert.Equal("staff@example.test", found!.Email);
        Assert.Equal("Sta Ff", found.UserMetadata!["display_name"].GetString());
        Assert.Equal($"/auth/v1/admin/users/{id}", _server.Requests.Last().Path);
        Assert.Equal(id, (await Client.SignInWithPasswordAsync("staff@example.test", "correct-horse-battery")).User.Id);
    }

    [Fact]
    public async Task Admin_GetUserById_Unknown_IsNull()
    {
        Assert.Null(await Client.GetUserByIdAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task Admin_CreateUserWithoutAnId_SendsNone()
    {
        await Client.CreateUserAsync("staff@example.test", "correct-horse-battery", emailConfirm: true);

        Assert.Null(JsonNode.Parse(_server.Requests.Last().Body)!["id"]);
    }

    [Fact]
    public async Task Admin_ListUsers_PagesAndReadsTotalCount()
    {
        foreach (var name in new[] { "a", "b", "c" }) _server.AddUser($"{name}@example.test", "correct-horse-battery");

        var first = await Client.ListUsersAsync(page: 1, perPage: 2);
        var second = await Client.ListUsersAsync(page: 2, perPage: 2);

        Assert.Equal(3, first.TotalCount);
        Assert.Equal(2, first.Users.Count);
        Assert.Single(second.Users);
        Assert.Equal(3, first.Users.Concat(second.Users).Select(u => u.Email).Distinct().Count());
        Assert.Equal("?page=2&per_page=2", _server.Requests.Last().Query);
    }

    [Fact]
    public async Task Admin_WrongServiceKey_IsRefused()
    {
        await using var services = SupabaseTestServices.Create(_server, configure: s => s["SUPABASE_SERVICE_ROLE_KEY"] = GoTrueProtocolDouble.AnonKey);

        var e = await Assert.ThrowsAsync<GoTrueException>(() => services.GetRequiredService<GoTrueClient>().ListUsersAsync());

        Assert.Equal(403, e.StatusCode);
        Assert.Equal("not_admin", e.ErrorCode);
    }

    [Fact]
    public async Task Admin_NoServiceKeyConfigured_ThrowsBeforeCalling()
    {
        await using var services = SupabaseTestServices.Create(_server, configure: s => s.Remove("SUPABASE_SERVICE_ROLE_KEY"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => services.GetRequiredService<GoTrueClient>().ListUsersAsync());
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Settings_ReflectProjectSwitches()
    {
        _server.SignupDisabled = true;
        _server.AutoConfirm = false;

        var settings = await Client.GetSettingsAsync();

        Assert.True(settings.DisableSignup);
        Assert.False(settings.MailerAutoconfirm);
        Assert.True(settings.External["google"]);
        Assert.False(settings.External["apple"]);
    }

    // Transport

    [Fact]
    public async Task EveryCall_SendsTheAnonApiKey()
    {
        _server.AddUser("ada@example.test", "correct-horse-battery");
        var session = await Client.SignInWithPasswordAsync("ada@example.test", "correct-horse-battery");
        await Client.GetUserAsync(session.AccessToken);
        await Client.RefreshAsync(session.RefreshToken);
        await Client.RecoverAsync("ada@example.test");
        await Client.GetSettingsAsync();
        await Client.SignOutAsync(session.AccessToken, SignOutScope.Local);

        Assert.Equal(6, _server.Requests.Count);
        Assert.All(_server.Requests, r => Assert.Equal(GoTrueProtocolDouble.AnonKey, r.ApiKey));
    }

    [Fact]
    public async Task AnyCall_ApiKeyRejected_ThrowsGoTrueExceptionWithGenericMessage()
    {
        await using var services = SupabaseTestServices.Create(_server, configure: s => s["SUPABASE_ANON_KEY"] = "revoked-key");

        var e = await Assert.ThrowsAsync<GoTrueException>(() => services.GetRequiredService<GoTrueClient>().GetSettingsAsync());

        Assert.Equal(401, e.StatusCode);
        Assert.Null(e.ErrorCode);
        Assert.Equal("Invalid API key", e.ServerMessage);
        Assert.Equal(GoTrueException.GenericMessage, e.UserMessage);
    }

    [Fact]
    public async Task AnyCall_NotConfigured_ThrowsInvalidOperation()
    {
        await using var services = SupabaseTestServices.Create(_server, configure: s => s.Remove("SUPABASE_ANON_KEY"));

        Assert.False(services.GetRequiredService<SupabaseOptions>().IsConfigured);
        await Assert.ThrowsAsync<InvalidOperationException>(() => services.GetRequiredService<GoTrueClient>().GetSettingsAsync());
    }

    [Fact]
    public async Task AnyCall_ServerUnreachable_SaysServiceNotReachable()
    {
        await _server.StopAsync();

        var e = await Assert.ThrowsAsync<GoTrueException>(() => Client.SignInWithPasswordAsync("ada@example.test", "correct-horse-battery"));

        Assert.True(e.IsUnreachable);
        Assert.Null(e.StatusCode);
        Assert.Contains("not reachable", e.UserMessage);
        Assert.IsType<HttpRequestException>(e.InnerException);
    }

    [Fact]
    public async Task AnyCall_ServerTooSlow_SaysServiceNotReachable()
    {
        _server.ResponseDelay = TimeSpan.FromSeconds(5);
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
        var client = new GoTrueClient(http, _services.GetRequiredService<SupabaseOptions>());

        var e = await Assert.ThrowsAsync<GoTrueException>(() => client.GetSettingsAsync());

        Assert.True(e.IsUnreachable);
        Assert.Contains("not reachable", e.UserMessage);
    }

    [Fact]
    public async Task AnyCall_CallerCancels_ThrowsOperationCanceled()
    {
        _server.ResponseDelay = TimeSpan.FromSeconds(5);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client.GetSettingsAsync(cts.Token));
    }

    private async Task<string> FollowAuthorizeAsync(Uri authorizeUrl, string expectedPrefix)
    {
        // As the browser would: no apikey header, and the redirect is not followed into the app.
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var response = await browser.GetAsync(authorizeUrl);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith(expectedPrefix, location);
        return Uri.UnescapeDataString(location[expectedPrefix.Length..]);
    }

    private static string SessionId(string accessToken)
    {
        var payload = System.Buffers.Text.Base64Url.DecodeFromChars(accessToken.Split('.')[1]);
        return JsonDocument.Parse(payload).RootElement.GetProperty("session_id").GetString()!;
    }
}
