using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Avnera.Web.Auth.Sessions;

/// <summary>
/// Interactive circuits outlive the request that started them: every minute the circuit re-checks that its
/// session is still valid, so a revoked session (sign-out elsewhere, password reset) loses access there too.
/// </summary>
public sealed class SessionRevalidatingAuthenticationStateProvider(ILoggerFactory loggerFactory, SessionService sessions)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        authenticationState.User.Identity?.IsAuthenticated == true
            ? sessions.IsActiveAsync(authenticationState.User, cancellationToken)
            : Task.FromResult(true);
}
