using System.Net;
using Avnera.Tests.Auth.Supabase;
using Avnera.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Avnera.Tests.E2E;

/// <summary>
/// Supabase mode: the addresses Avnera hands GoTrue (redirect_to of recovery mails and of external sign-ins) are the
/// public origin's, whatever Host the request named; a forged Host never reaches GoTrue.
/// </summary>
[Collection(SupabaseE2ECollection.Name)]
public sealed class SupabaseModeHostTests(SupabaseAppAndBrowser fixture)
{
    private GoTrueProtocolDouble GoTrue => fixture.GoTrue;
    private string Callback => fixture.App.BaseUrl + "/auth/callback";

    [Fact]
    public async Task Recovery_WithAForgedHost_NeverReachesGoTrue_AndTheMailedLinkReturnsToThePublicOrigin()
    {
        var email = $"supa-host-{Guid.NewGuid():N}"[..20] + "@example.com";
        GoTrue.AddUser(email, "correct horse battery");
        using var curl = new FormClient(fixture.App.BaseUrl);
        var fields = new Dictionary<string, string> { ["Input.Email"] = email };

        var forged = await curl.PostFormAsync("/forgot-password", "forgot", fields, r => r.Headers.Host = "evil.example");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(GoTrue.LastEmailTo(email));

        var asked = await curl.PostFormAsync("/forgot-password", "forgot", fields, r => r.Headers.Add("X-Forwarded-Host", "evil.example"));
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Equal(Callback, GoTrue.LastEmailTo(email)!.RedirectTo);
    }

    [Fact]
    public async Task ExternalSignIn_SendsGoTrueThePublicCallback_NeverAForgedHost()
    {
        using var curl = new FormClient(fixture.App.BaseUrl);
        using var forged = new HttpRequestMessage(HttpMethod.Get, "auth/authorize?provider=github");
        forged.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await curl.Http.SendAsync(forged)).StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, "auth/authorize?provider=github");
        request.Headers.Add("X-Forwarded-Host", "evil.example");
        var response = await curl.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(GoTrue.AuthUrl + "/authorize", location.GetLeftPart(UriPartial.Path));
        Assert.Equal(Callback, QueryHelpers.ParseQuery(location.Query)["redirect_to"].ToString());
    }
}
