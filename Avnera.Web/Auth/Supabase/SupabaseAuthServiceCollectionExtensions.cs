using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Avnera.Web.Auth.Supabase;

public static class SupabaseAuthServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="SupabaseOptions"/> (singleton, read now from SUPABASE_* settings), the typed
    /// <see cref="GoTrueClient"/> and the singleton <see cref="SupabaseTokenValidator"/>. Registers them
    /// even when Supabase is not configured, so the app can check <see cref="SupabaseOptions.IsConfigured"/>;
    /// using the client or the validator then throws.
    /// </summary>
    public static IServiceCollection AddSupabaseAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(SupabaseOptions.From(configuration));
        // A sign-in page should fail with "not reachable" in seconds, not after HttpClient's 100 s default.
        services.AddHttpClient<GoTrueClient>(http => http.Timeout = TimeSpan.FromSeconds(15));
        services.AddHttpClient(SupabaseTokenValidator.JwksHttpClientName, http => http.Timeout = TimeSpan.FromSeconds(10));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SupabaseTokenValidator>();
        return services;
    }
}
