using Avnera.Web.Auth.Supabase;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Avnera.Tests.Auth.Supabase;

/// <summary>
/// The app's own registration (<see cref="SupabaseAuthServiceCollectionExtensions.AddSupabaseAuth"/>) pointed at
/// a <see cref="GoTrueProtocolDouble"/>, so that the tests also cover how the pieces are put together.
/// </summary>
internal static class SupabaseTestServices
{
    public static ServiceProvider Create(GoTrueProtocolDouble server, TimeProvider? time = null,
        Action<Dictionary<string, string?>>? configure = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["SUPABASE_URL"] = server.Url,
            ["SUPABASE_ANON_KEY"] = GoTrueProtocolDouble.AnonKey,
            ["SUPABASE_SERVICE_ROLE_KEY"] = GoTrueProtocolDouble.ServiceRoleKey,
        };
        configure?.Invoke(settings);
        var services = new ServiceCollection();
        services.AddLogging();
        if (time is not null) services.AddSingleton(time);
        services.AddSupabaseAuth(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}

/// <summary>A clock the test moves by hand, starting at the real time (tokens from the double use real time).</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
