using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Avnera.Tests.Auth.Supabase;

/// <summary>
/// The double itself answers in the shapes shared/SUPABASE.md documents. If these fail, the client and
/// validator tests prove nothing.
/// </summary>
public class GoTrueProtocolDoubleTests : IAsyncLifetime
{
    private GoTrueProtocolDouble _server = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _server = await GoTrueProtocolDouble.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task AnyEndpoint_WithoutApiKey_Answers401()
    {
        var response = await _http.GetAsync(_server.AuthUrl + "/settings");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Error_Always_HasCodeErrorCodeMsgAndHeader()
    {
        var response = await Post("/token?grant_type=password", new { email = "nobody@example.test", password = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_credentials", response.Headers.GetValues("x-sb-error-code").Single());
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(400, (int?)body!["code"]);
        Assert.Equal("invalid_credentials", (string?)body["error_code"]);
        Assert.Equal("Invalid login credentials", (string?)body["msg"]);
    }

    [Fact]
    public async Task Signup_ExistingConfirmedEmailWithoutAutoConfirm_ReturnsFakeUserWithoutIdentities()
    {
        _server.AutoConfirm = false;
        var id = _server.AddUser("taken@example.test", "correct-horse-battery");

        var response = await Post("/signup", new { email = "taken@example.test", password = "another-long-password" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var user = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Empty(user!["identities"]!.AsArray());
        Assert.NotEqual(id.ToString(), (string?)user["id"]);
        Assert.NotNull(user["confirmation_sent_at"]);
    }

    [Fact]
    public async Task Session_AccessToken_IsEs256WithKidAndDocumentedClaims()
    {
        var id = _server.AddUser("ada@example.test", "correct-horse-battery");

        var response = await Post("/token?grant_type=password", new { email = "ada@example.test", password = "correct-horse-battery" });
        var session = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal("bearer", (string?)session!["token_type"]);
        Assert.Equal(3600, (int?)session["expires_in"]);
        var parts = ((string)session["access_token"]!).Split('.');
        var header = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]))!;
        var claims = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        Assert.Equal("ES256", (string?)header["alg"]);
        Assert.Equal(_server.CurrentKey.Kid, (string?)header["kid"]);
        Assert.Equal(64, Base64Url.DecodeFromChars(parts[2]).Length); // r || s
        Assert.Equal(_server.Issuer, (string?)claims["iss"]);
        Assert.Equal(id.ToString(), (string?)claims["sub"]);
        Assert.Equal("authenticated", (string?)claims["aud"]);
        Assert.Equal("authenticated", (string?)claims["role"]);
        Assert.Equal("aal1", (string?)claims["aal"]);
        foreach (var name in new[] { "exp", "iat", "email", "phone", "app_metadata", "user_metadata", "amr", "session_id", "is_anonymous" })
            Assert.True(claims.ContainsKey(name), name);
    }

    [Fact]
    public async Task Session_LegacyMode_IsHs256WithoutKid()
    {
        _server.SignWithLegacySecret = true;
        _server.AddUser("ada@example.test", "correct-horse-battery");

        var response = await Post("/token?grant_type=password", new { email = "ada@example.test", password = "correct-horse-battery" });
        var token = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!;

        var header = JsonNode.Parse(Base64Url.DecodeFromChars(token.Split('.')[0]))!;
        Assert.Equal("HS256", (string?)header["alg"]);
        Assert.Null(header["kid"]);
    }

    [Fact]
    public async Task Jwks_Always_PublishesPublicEcKeyWithMaxAge()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _server.AuthUrl + "/.well-known/jwks.json");
        request.Headers.Add("apikey", GoTrueProtocolDouble.AnonKey);

        var response = await _http.SendAsync(request);

        Assert.Equal(TimeSpan.FromSeconds(600), response.Headers.CacheControl?.MaxAge);
        var key = Assert.Single((await response.Content.ReadFromJsonAsync<JsonObject>())!["keys"]!.AsArray())!;
        Assert.Equal("EC", (string?)key["kty"]);
        Assert.Equal("P-256", (string?)key["crv"]);
        Assert.Equal(_server.CurrentKey.Kid, (string?)key["kid"]);
        Assert.Null(key["d"]); // never the private part
    }

    [Fact]
    public async Task Admin_WithAnonKeyAsBearer_Answers403()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _server.AuthUrl + "/admin/users");
        request.Headers.Add("apikey", GoTrueProtocolDouble.AnonKey);
        request.Headers.Authorization = new("Bearer", GoTrueProtocolDouble.AnonKey);

        var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<HttpResponseMessage> Post(string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _server.AuthUrl + path) { Content = JsonContent.Create(body) };
        request.Headers.Add("apikey", GoTrueProtocolDouble.AnonKey);
        return await _http.SendAsync(request);
    }
}
