using System.Threading.RateLimiting;
using Avnera.Data;
using Avnera.Data.Common;
using Avnera.Data.Master;
using Avnera.Web.Auth.Email;
using Avnera.Web.Auth.Embedded;
using Avnera.Web.Auth.Passwords;
using Avnera.Web.Auth.Sessions;
using Avnera.Web.Auth.Supabase;
using Avnera.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace Avnera.Web.Auth;

public sealed class AuthOptions
{
    /// <summary>POSTs to the sign-in, sign-up and recovery forms allowed per client address per minute.</summary>
    public int FormPostsPerMinute { get; set; } = 10;
    /// <summary>Serve the auth cookie without the Secure flag (plain-HTTP local runs only).</summary>
    public bool AllowInsecureCookie { get; set; }
}

public static class AuthSetup
{
    private static readonly string[] RateLimitedPaths = ["/login", "/signup", "/forgot-password", "/reset-password"];

    public static IServiceCollection AddAvneraAuth(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection("Avnera:Auth").Get<AuthOptions>() ?? new AuthOptions();
        var mail = configuration.GetSection("Avnera:Mail").Get<MailOptions>() ?? new MailOptions();
        services.AddSingleton(options);
        services.AddSingleton(mail);
        if (mail.SmtpHost is { Length: > 0 }) services.AddSingleton<IEmailSender, SmtpEmailSender>();
        else services.AddSingleton<IEmailSender, PickupFolderEmailSender>();

        // Embedded provider: Identity over the auth_* tables of Master, through the service login (service_role).
        services.AddDbContext<AuthDbContext>((sp, b) =>
            DbOptions.Configure((DbContextOptionsBuilder<AuthDbContext>)b, sp.GetRequiredService<MasterDbContextFactory>().ServiceSource));
        services.AddIdentityCore<AuthUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedEmail = true;
                // Length over composition rules (NIST SP 800-63B).
                o.Password.RequiredLength = 10;
                o.Password.RequiredUniqueChars = 4;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<AuthDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordPolicyValidator>();
        // The embedded provider stays registered in Supabase mode too: demo data and operators' tooling use it.
        services.AddScoped<EmbeddedAuthProvider>();
        if (SupabaseOptions.From(configuration).IsConfigured)
        {
            services.AddSupabaseAuth(configuration);
            services.AddScoped<SupabaseAuthProvider>();
            services.AddScoped<IAuthProvider>(sp => sp.GetRequiredService<SupabaseAuthProvider>());
            services.AddSingleton<SupabaseSessionRefresher>();
        }
        else services.AddScoped<IAuthProvider>(sp => sp.GetRequiredService<EmbeddedAuthProvider>());
        services.AddSingleton<SessionService>();
        services.AddScoped<CurrentDbPrincipal>();
        services.AddSingleton<StoreRoles>();

        services.AddAuthentication(SessionService.Scheme)
            .AddCookie(SessionService.Scheme, o =>
            {
                o.Cookie.Name = "avnera.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = environment.IsDevelopment() || options.AllowInsecureCookie
                    ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                o.ExpireTimeSpan = TimeSpan.FromDays(14);
                o.SlidingExpiration = true;
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.ReturnUrlParameter = "returnUrl";
                o.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = async ctx =>
                    {
                        if (ctx.Principal is null || !await IsValidAsync(ctx.HttpContext, ctx.Principal))
                        {
                            ctx.RejectPrincipal();
                            await ctx.HttpContext.SignOutAsync(SessionService.Scheme);
                        }
                    },
                    // The handler's absolute redirect is built from the request's Host; a relative one names no host.
                    OnRedirectToLogin = ctx =>
                    {
                        ctx.Response.Redirect(new Uri(ctx.RedirectUri, UriKind.RelativeOrAbsolute) is { IsAbsoluteUri: true } absolute
                            ? absolute.PathAndQuery : ctx.RedirectUri);
                        return Task.CompletedTask;
                    },
                    // A forbidden page answers 403 (rendered by the status page), not a redirect.
                    OnRedirectToAccessDenied = ctx =>
                    {
                        ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                        return Task.CompletedTask;
                    },
                };
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.PlatformAdmin, p => p.RequireAuthenticatedUser().AddRequirements(new PlatformAdminRequirement()))
            .AddPolicy(Policies.StoreStaff, p => p.RequireAuthenticatedUser().AddRequirements(new StoreStaffRequirement()));
        services.AddSingleton<IAuthorizationHandler, PlatformAdminHandler>();
        services.AddSingleton<IAuthorizationHandler, StoreStaffHandler>();
        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, SessionRevalidatingAuthenticationStateProvider>();

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (ctx, _) =>
            {
                ctx.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                HttpMethods.IsPost(http.Request.Method) && RateLimitedPaths.Contains(http.Request.Path.Value, StringComparer.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = options.FormPostsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("unlimited"));
        });
        return services;
    }

    /// <summary>
    /// The session is not revoked, and in Supabase mode its GoTrue tokens are fresh: the one place tokens are
    /// refreshed, during an HTTP request.
    /// </summary>
    private static async Task<bool> IsValidAsync(HttpContext http, System.Security.Claims.ClaimsPrincipal principal)
    {
        var services = http.RequestServices;
        var sessions = services.GetRequiredService<SessionService>();
        var state = await sessions.GetStateAsync(principal, http.RequestAborted);
        if (!state.Active) return false;
        if (services.GetService<SupabaseSessionRefresher>() is not { } refresher || !refresher.NeedsRefresh(state)) return true;
        return await refresher.EnsureFreshAsync(SessionService.SessionId(principal)!.Value, services.GetRequiredService<GoTrueClient>(), http.RequestAborted);
    }

    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        // Sign-out is a POST with an antiforgery token, so no other site can sign a person out. The antiforgery
        // middleware only records its verdict; an endpoint that binds no form must read it itself.
        app.MapPost("/logout", async (HttpContext http, SessionService sessions) =>
        {
            if (http.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>() is not { IsValid: true })
                return Results.StatusCode(StatusCodes.Status400BadRequest);
            await sessions.SignOutAsync(http);
            return Results.LocalRedirect("/");
        }).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute(true));
        // A plain visit to /logout shows the sign-out button rather than signing out on a GET.
        app.MapGet("/logout", () => Results.LocalRedirect("/signout"));

        // Supabase mode: start an external provider's sign-in (PKCE) for one of the configured providers. The verifier
        // and the (local) return URL wait in a short-lived HttpOnly cookie for /auth/callback; only the challenge goes
        // to GoTrue.
        app.MapGet("/auth/authorize", (HttpContext http, string? provider, string? returnUrl, RequestOrigin origin, IServiceProvider services) =>
        {
            if (services.GetService<SupabaseOptions>() is not { IsConfigured: true } supabase
                || supabase.OAuthProviders.FirstOrDefault(p => p.Name == provider) is not { } chosen)
                return Results.NotFound();
            var verifier = Pkce.CreateVerifier();
            PkceFlowCookie.Write(http, verifier, returnUrl);
            var callback = origin.Absolute("/auth/callback");
            return Results.Redirect(services.GetRequiredService<GoTrueClient>().GetAuthorizeUrl(chosen.Name, callback, Pkce.Challenge(verifier)).ToString());
        });
    }
}
