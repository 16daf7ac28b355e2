using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Avnera.Web.Auth.Supabase;
using Microsoft.Extensions.DependencyInjection;

namespace Avnera.Tests.Auth.Supabase;

/// <summary>
/// SupabaseTokenValidator against tokens and JWKS from the GoTrue protocol double (not Supabase), with a
/// hand-moved clock for the cache and lifetime rules.
/// </summary>
public class SupabaseTokenValidatorTests : IAsyncLifetime
{
    private GoTrueProtocolDouble _server = null!;
    private ServiceProvider _services = null!;
    private readonly ManualTimeProvider _time = new();

    private SupabaseTokenValidator Validator => _services.GetRequiredService<SupabaseTokenValidator>();

    public async Task InitializeAsync()
    {
        _server = await GoTrueProtocolDouble.StartAsync();
        _services = SupabaseTestServices.Create(_server, _time);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Validate_Es256SessionTokenFromDouble_CarriesSubEmailRoleUnderJwtNames()
    {
        var id = _server.AddUser("ada@example.test", "correct-horse-battery");
        var session = await _services.GetRequiredService<GoTrueClient>().SignInWithPasswordAsync("ada@example.test", "correct-horse-battery");

        var result = await Validator.ValidateAsync(session.AccessToken);

        Assert.True(result.IsValid, result.Reason);
        var principal = result.Principal;
        Assert.Equal(id.ToString(), principal.FindFirstValue("sub"));
        Assert.Equal("ada@example.test", principal.FindFirstValue("email"));
        Assert.Equal("authenticated", principal.FindFirstValue("role"));
        Assert.Equal("aal1", principal.FindFirstValue("aal"));
        Assert.False(string.IsNullOrEmpty(principal.FindFirstValue("session_id")));
        Assert.Null(principal.FindFirst(ClaimTypes.NameIdentifier)); // no inbound claim mapping
        Assert.Null(principal.FindFirst(ClaimTypes.Email));
        Assert.Equal("ada@example.test", principal.Identity!.Name);
        Assert.True(principal.IsInRole("authenticated"));
        Assert.Equal("email", JsonNode.Parse(principal.FindFirstValue("app_metadata")!)!["provider"]!.GetValue<string>());
    }

    [Fact]
    public async Task Validate_ExpiredToken_RejectsAsExpired()
    {
        var claims = _server.AccessTokenClaims(now: DateTimeOffset.UtcNow.AddHours(-2));

        var result = await Validator.ValidateAsync(_server.SignEs256(claims));

        Assert.False(result.IsValid);
        Assert.Equal(SupabaseTokenFailure.Expired, result.Failure);
    }

    [Fact]
    public async Task Validate_ExpiryWithinClockSkew_AcceptsThenRejectsAfterSkew()
    {
        var claims = _server.AccessTokenClaims();
        claims["exp"] = _time.GetUtcNow().ToUnixTimeSeconds();
        var token = _server.SignEs256(claims);

        _time.Advance(TimeSpan.FromSeconds(25));
        var withinSkew = await Validator.ValidateAsync(token);
        _time.Advance(TimeSpan.FromSeconds(10));
        var pastSkew = await Validator.ValidateAsync(token);

        Assert.True(withinSkew.IsValid, withinSkew.Reason);
        Assert.Equal(SupabaseTokenFailure.Expired, pastSkew.Failure);
    }

    [Fact]
    public async Task Validate_WrongIssuer_Rejects()
    {
        var claims = _server.AccessTokenClaims();
        claims["iss"] = "https://another-project.supabase.co/auth/v1";

        var result = await Validator.ValidateAsync(_server.SignEs256(claims));

        Assert.Equal(SupabaseTokenFailure.WrongIssuer, result.Failure);
    }

    [Fact]
    public async Task Validate_WrongAudience_Rejects()
    {
        var claims = _server.AccessTokenClaims();
        claims["aud"] = "anon";

        var result = await Validator.ValidateAsync(_server.SignEs256(claims));

        Assert.Equal(SupabaseTokenFailure.WrongAudience, result.Failure);
    }

    [Fact]
    public async Task Validate_TamperedPayload_RejectsSignature()
    {
        var token = _server.SignEs256(_server.AccessTokenClaims(email: "ada@example.test"));
        var forged = _server.AccessTokenClaims(email: "ada@example.test");
        forged["role"] = "service_role";
        var parts = token.Split('.');
        var tampered = parts[0] + "." + _server.SignEs256(forged).Split('.')[1] + "." + parts[2];

        var result = await Validator.ValidateAsync(tampered);

        Assert.Equal(SupabaseTokenFailure.BadSignature, result.Failure);
    }

    [Fact]
    public async Task Validate_TamperedSignature_Rejects()
    {
        var token = _server.SignEs256(_server.AccessTokenClaims());
        var signature = token[(token.LastIndexOf('.') + 1)..].ToCharArray();
        signature[10] = signature[10] == 'A' ? 'B' : 'A';

        var result = await Validator.ValidateAsync(token[..(token.LastIndexOf('.') + 1)] + new string(signature));

        Assert.Equal(SupabaseTokenFailure.BadSignature, result.Failure);
    }

    [Fact]
    public async Task Validate_AlgNone_Rejects()
    {
        var result = await Validator.ValidateAsync(GoTrueProtocolDouble.Unsigned(_server.AccessTokenClaims()));

        Assert.Equal(SupabaseTokenFailure.AlgorithmNotAllowed, result.Failure);
    }

    [Fact]
    public async Task Validate_Hs256WithoutConfiguredSecret_Rejects()
    {
        var result = await Validator.ValidateAsync(GoTrueProtocolDouble.SignHs256(_server.AccessTokenClaims()));

        Assert.False(result.IsValid);
        Assert.Equal(SupabaseTokenFailure.AlgorithmNotAllowed, result.Failure);
    }

    [Fact]
    public async Task Validate_Hs256WithConfiguredSecret_Accepts()
    {
        await using var services = WithLegacySecret(GoTrueProtocolDouble.LegacyJwtSecret);
        var claims = _server.AccessTokenClaims(email: "ada@example.test");

        var result = await services.GetRequiredService<SupabaseTokenValidator>().ValidateAsync(GoTrueProtocolDouble.SignHs256(claims));

        Assert.True(result.IsValid, result.Reason);
        Assert.Equal("ada@example.test", result.Principal.FindFirstValue("email"));
        Assert.Equal(0, _server.JwksRequests);
    }

    [Fact]
    public async Task Validate_Hs256SessionFromLegacyDouble_Accepts()
    {
        _server.SignWithLegacySecret = true;
        var id = _server.AddUser("ada@example.test", "correct-horse-battery");
        await using var services = WithLegacySecret(GoTrueProtocolDouble.LegacyJwtSecret);
        var session = await services.GetRequiredService<GoTrueClient>().SignInWithPasswordAsync("ada@example.test", "correct-horse-battery");

        var result = await services.GetRequiredService<SupabaseTokenValidator>().ValidateAsync(session.AccessToken);

        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(id.ToString(), result.Principal.FindFirstValue("sub"));
    }

    [Fact]
    public async Task Validate_Hs256WithOtherSecret_RejectsSignature()
    {
        await using var services = WithLegacySecret(GoTrueProtocolDouble.LegacyJwtSecret);
        var token = GoTrueProtocolDouble.SignHs256(_server.AccessTokenClaims(), "someone-elses-secret-that-is-long-enough-0123");

        var result = await services.GetRequiredService<SupabaseTokenValidator>().ValidateAsync(token);

        Assert.Equal(SupabaseTokenFailure.BadSignature, result.Failure);
    }

    [Fact]
    public async Task Validate_AnonApiKeyJwt_Rejects()
    {
        await using var services = WithLegacySecret(GoTrueProtocolDouble.LegacyJwtSecret);
        var anonKey = GoTrueProtocolDouble.SignHs256(new JsonObject
        {
            ["iss"] = "supabase", ["ref"] = "abcd", ["role"] = "anon",
            ["iat"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["exp"] = DateTimeOffset.UtcNow.AddYears(10).ToUnixTimeSeconds(),
        });

        var result = await services.GetRequiredService<SupabaseTokenValidator>().ValidateAsync(anonKey);

        Assert.False(result.IsValid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-jwt")]
    [InlineData("a.b")]
    public async Task Validate_Garbage_RejectsAsMalformed(string token)
    {
        var result = await Validator.ValidateAsync(token);

        Assert.Equal(SupabaseTokenFailure.Malformed, result.Failure);
        Assert.Equal(0, _server.JwksRequests);
    }

    [Fact]
    public async Task Validate_SecondToken_UsesCachedJwks()
    {
        await Validator.ValidateAsync(_server.SignEs256(_server.AccessTokenClaims()));

        var second = await Validator.ValidateAsync(_server.SignEs256(_server.AccessTokenClaims()));

        Assert.True(second.IsValid, second.Reason);
        Assert.Equal(1, _server.JwksRequests);
        Assert.Equal(GoTrueProtocolDouble.AnonKey, _server.Requests.Single().ApiKey);
    }

    [Fact]
    public async Task Validate_ManyAtOnce_FetchJwksOnce()
    {
        var tokens = Enumerable.Range(0, 20).Select(_ => _server.SignEs256(_server.AccessTokenClaims())).ToList();

        var results = await Task.WhenAll(tokens.Select(t => Validator.ValidateAsync(t)));

        Assert.All(results, r => Assert.True(r.IsValid, r.Reason));
        Assert.Equal(1, _server.JwksRequests);
    }

    [Fact]
    public async Task Validate_AfterMaxAge_RefetchesJwks()
    {
        await Validator.ValidateAsync(_server.SignEs256(_server.AccessTokenClaims()));

        _time.Advance(TimeSpan.FromSeconds(599));
        await Validator.ValidateAsync(_server.SignEs256(_server.AccessTokenClaims()));
        Assert.Equal(1, _server.JwksRequests);
        _time.Advance(TimeSpan.FromSeconds(2));
        var result = await Validator.ValidateAsync(_server.SignEs256(_server.AccessTokenClaims()));

        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(2, _server.JwksRequests);
    }

    [Fact]
    public async Task Validate_UnknownKid_RefetchesExactlyOnceThenRejects()
    {
        await Validator.ValidateAsync(_server.SignEs256(_server.AccessTokenClaims()));
        _time.Advance(TimeSpan.FromSeconds(31));

        var results = new List<SupabaseTokenValidation>();
        for (var i = 0; i < 5; i++)
        {
            using var forgedKey = GoTrueProtocolDouble.NewSigningKey();
            results.Add(await Validator.ValidateAsync(_server.SignEs256(_server.AccessTokenClaims(), forgedKey)));
        }

        Assert.All(results, r => Assert.Equal(SupabaseTokenFailure.UnknownSigningKey, r.Failure));
        Assert.Equal(2, _server.JwksRequests);
    }

    [Fact]
    public async Task Validate_UnknownKidRightAfterFetch_DoesNotRefetch()
    {
        await Validator.ValidateAsync(_server.SignEs256(_server.AccessTokenClaims()));
        using var forgedKey = GoTrueProtocolDouble.NewSigningKey();

        var result = await Validator.ValidateAsync(_server.SignEs256(_server.AccessTokenClaims(), forgedKey));

        Assert.Equal(SupabaseTokenFailure.UnknownSigningKey, result.Failure);
        Assert.Equal(1, _server.JwksRequests);
    }

    [Fact]
    public async Task Validate_RotatedKey_IsPickedUpByOneRefetch()
    {
        var old = _server.SignEs256(_server.AccessTokenClaims());
        await Validator.ValidateAsync(old);
        var rotated = _server.RotateSigningKey();
        _time.Advance(TimeSpan.FromSeconds(31));

        var fresh = await Validator.ValidateAsync(_server.SignEs256(_server.AccessTokenClaims(), rotated));
        var stillOld = await Validator.ValidateAsync(old);

        Assert.True(fresh.IsValid, fresh.Reason);
        Assert.True(stillOld.IsValid, stillOld.Reason);
        Assert.Equal(2, _server.JwksRequests);
    }

    [Fact]
    public async Task Validate_JwksDownBeforeFirstFetch_RejectsAsKeysUnavailable()
    {
        _server.JwksUnavailable = true;

        var result = await Validator.ValidateAsync(_server.SignEs256(_server.AccessTokenClaims()));

        Assert.Equal(SupabaseTokenFailure.SigningKeysUnavailable, result.Failure);
    }

    [Fact]
    public async Task Validate_JwksDownAfterCacheExpiry_KeepsUsingLastKeys()
    {
        await Validator.ValidateAsync(_server.SignEs256(_server.AccessTokenClaims()));
        _server.JwksUnavailable = true;
        _time.Advance(TimeSpan.FromMinutes(11));

        var first = await Validator.ValidateAsync(_server.SignEs256(_server.AccessTokenClaims()));
        var second = await Validator.ValidateAsync(_server.SignEs256(_server.AccessTokenClaims()));

        Assert.True(first.IsValid, first.Reason);
        Assert.True(second.IsValid, second.Reason);
        Assert.Equal(2, _server.JwksRequests); // the failed attempt is throttled like any other
    }

    [Fact]
    public async Task Validate_Rs256HeaderWithEcKid_RejectsKeyMismatch()
    {
        await Validator.ValidateAsync(_server.SignEs256(_server.AccessTokenClaims()));
        var header = new JsonObject { ["alg"] = "RS256", ["kid"] = _server.CurrentKey.Kid, ["typ"] = "JWT" };
        var token = GoTrueProtocolDouble.B64(Encoding.UTF8.GetBytes(header.ToJsonString())) + "."
                    + GoTrueProtocolDouble.B64(Encoding.UTF8.GetBytes(_server.AccessTokenClaims().ToJsonString())) + "."
                    + GoTrueProtocolDouble.B64(RandomNumberGenerator.GetBytes(256));

        var result = await Validator.ValidateAsync(token);

        Assert.Equal(SupabaseTokenFailure.UnknownSigningKey, result.Failure);
    }

    private ServiceProvider WithLegacySecret(string secret) =>
        SupabaseTestServices.Create(_server, _time, s => s["SUPABASE_JWT_SECRET"] = secret);
}
