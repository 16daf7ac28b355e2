using Avnera.Web.Features.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Outcome = Avnera.Web.Features.Demo.DemoGoTrueAccounts.Outcome;

namespace Avnera.Tests.Auth.Supabase;

/// <summary>
/// Demo people at Supabase Auth through the admin API, against the GoTrue protocol double (a local stand-in that
/// follows the documented protocol, not Supabase): created confirmed, with the Master ids, once.
/// </summary>
public class DemoGoTrueAccountsTests : IAsyncLifetime
{
    private const string Password = "Avnera-demo-2026";
    private GoTrueProtocolDouble _server = null!;
    private ServiceProvider _services = null!;

    private DemoGoTrueAccounts Accounts => new(_services.GetRequiredService<Avnera.Web.Auth.Supabase.GoTrueClient>(), NullLogger<DemoGoTrueAccounts>.Instance);

    private static readonly DemoGoTrueAccounts.Person Camille = new(Guid.NewGuid(), "camille@maison-lumiere.example", "Camille Laurent");
    private static readonly DemoGoTrueAccounts.Person Noah = new(Guid.NewGuid(), "noah@oak-and-ember.example", "Noah Bennett");

    public async Task InitializeAsync()
    {
        _server = await GoTrueProtocolDouble.StartAsync();
        _server.AutoConfirm = false; // the admin API's email_confirm must be what confirms them
        _services = SupabaseTestServices.Create(_server);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Ensure_CreatesConfirmedUsersWithTheMasterIds_AndOnlyOnce()
    {
        var first = await Accounts.EnsureAsync([Camille, Noah], Password);
        var second = await Accounts.EnsureAsync([Camille, Noah], Password);

        Assert.All(first.Values, o => Assert.Equal(Outcome.Created, o));
        Assert.All(second.Values, o => Assert.Equal(Outcome.AlreadyThere, o));
        Assert.Equal(2, _server.CountRequests("/admin/users")); // two creates, no more
        Assert.Equal(Camille.Id, _server.FindUserId(Camille.Email));
        var client = _services.GetRequiredService<Avnera.Web.Auth.Supabase.GoTrueClient>();
        var session = await client.SignInWithPasswordAsync(Noah.Email, Password);
        Assert.Equal(Noah.Id, session.User.Id);
        Assert.Equal("Noah Bennett", session.User.UserMetadata!["display_name"].GetString());
    }

    [Fact]
    public async Task Ensure_AddressTakenByAnotherGoTrueUser_IsReported_NotMerged_AndTheOthersGoOn()
    {
        var other = _server.AddUser(Camille.Email, "someone else's password");

        var outcomes = await Accounts.EnsureAsync([Camille, Noah], Password);

        Assert.Equal(Outcome.Conflict, outcomes[Camille.Email]);
        Assert.Equal(Outcome.Created, outcomes[Noah.Email]);
        Assert.Equal(other, _server.FindUserId(Camille.Email));
    }

    [Fact]
    public async Task Ensure_GoTrueUnreachable_ReportsFailure_WithoutThrowing()
    {
        await _server.StopAsync();

        var outcomes = await Accounts.EnsureAsync([Camille], Password);

        Assert.Equal(Outcome.Failed, outcomes[Camille.Email]);
    }
}
