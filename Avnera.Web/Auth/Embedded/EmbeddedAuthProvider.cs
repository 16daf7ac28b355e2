using Avnera.Data.Security;
using System.Net.Mail;
using System.Text;
using Avnera.Data.Master;
using Avnera.Web.Auth.Email;
using Avnera.Web.Auth.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Avnera.Web.Auth.Embedded;

/// <summary>
/// The built-in sign-in provider (default when no Supabase project is configured): ASP.NET Core Identity
/// over the auth_* tables in Master. Messages never reveal whether an email has an account.
/// </summary>
public sealed class EmbeddedAuthProvider(
    UserManager<AuthUser> users, IDbContextFactory<MasterDbContext> master, IEmailSender email, SessionService sessions,
    ILogger<EmbeddedAuthProvider> logger) : IAuthProvider
{
    public const string CheckEmailMessage = "Check your email: we have sent a link to confirm your address.";
    public const string WrongCredentialsMessage = "Wrong email or password.";
    public const string LockedOutMessage = "Too many failed attempts: sign-in is locked for 5 minutes. Try again later or reset your password.";
    public const string UnconfirmedMessage = "Please confirm your email address first — check your inbox for the link.";
    public const string RecoverMessage = "If an account uses this address, we have sent it a link to choose a new password.";

    public async Task<SignUpResult> SignUpAsync(string emailAddress, string password, string? displayName, string baseUri, bool openStore = false, CancellationToken ct = default)
    {
        var address = Normalize(emailAddress);
        if (address is null) return new SignUpResult(false, "Enter a valid email address.", []);

        // The password is judged before the address is looked up, so a weak one gets the same answer either way.
        var user = new AuthUser { Id = Guid.CreateVersion7(), UserName = address, Email = address };
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, password);
            problems.AddRange(check.Errors.Select(e => e.Description));
        }
        if (problems.Count > 0) return new SignUpResult(false, "Choose a stronger password.", problems);

        if (await users.FindByEmailAsync(address) is not null)
        {
            // Same answer and the same work as a new account (one password hash, one email), so neither the page nor
            // its timing tells whether the address has an account; the owner of the address is told instead.
            users.PasswordHasher.HashPassword(user, password);
            await email.SendAsync(new EmailMessage(address, "Someone tried to sign up with your address",
                $"Someone (maybe you) tried to create an Avnera account with this address, which already has one.\n\nSign in: {baseUri}login\nForgot your password? {baseUri}forgot-password\n"), ct);
            return new SignUpResult(true, CheckEmailMessage, []);
        }

        await using (var db = await master.CreateAsync(DbPrincipal.Service, ct))
        {
            db.Users.Add(new User
            {
                Id = user.Id, Email = address, DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim(),
                Profile = new UserProfile { UserId = user.Id }, Preferences = new UserPreferences { UserId = user.Id },
            });
            await db.SaveChangesAsync(ct);
        }
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            // Compensate: the person row must not outlive a failed account creation.
            await using var db = await master.CreateAsync(DbPrincipal.Service, ct);
            await db.Users.Where(u => u.Id == user.Id).ExecuteDeleteAsync(ct);
            logger.LogWarning("Sign-up failed: {Errors}", string.Join("; ", created.Errors.Select(e => e.Code)));
            return new SignUpResult(false, "We could not create the account.", created.Errors.Select(e => e.Description).ToList());
        }
        await SendConfirmationAsync(user, baseUri, openStore ? AccountPaths.OpenStore : null, ct);
        return new SignUpResult(true, CheckEmailMessage, []);
    }

    string IAuthProvider.RecoverMessage => RecoverMessage;

    /// <summary>The link is /confirm-email?user=...&amp;code=...</summary>
    Task<bool> IAuthProvider.ConfirmEmailAsync(IReadOnlyDictionary<string, string?> link, CancellationToken ct) =>
        Guid.TryParse(link.GetValueOrDefault("user"), out var id) && link.GetValueOrDefault("code") is { Length: > 0 } code
            ? ConfirmEmailAsync(id, code)
            : Task.FromResult(false);

    /// <summary>The link is /reset-password?user=...&amp;code=..., carried through the form.</summary>
    Task<IReadOnlyList<string>> IAuthProvider.ResetPasswordAsync(IReadOnlyDictionary<string, string?> link, string newPassword, HttpContext http, CancellationToken ct) =>
        Guid.TryParse(link.GetValueOrDefault("user"), out var id) && link.GetValueOrDefault("code") is { Length: > 0 } code
            ? ResetPasswordAsync(id, code, newPassword, ct)
            : Task.FromResult<IReadOnlyList<string>>(["This link is not valid any more. Ask for a new one."]);

    public async Task<bool> ConfirmEmailAsync(Guid userId, string code)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || Decode(code) is not { } token) return false;
        return (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }

    public async Task<SignInResult> SignInAsync(string emailAddress, string password, CancellationToken ct = default)
    {
        var address = Normalize(emailAddress);
        var user = address is null ? null : await users.FindByEmailAsync(address);
        if (user is null)
        {
            // Spend the same time as a real check, so response time does not reveal unknown addresses.
            users.PasswordHasher.HashPassword(new AuthUser(), password);
            return new SignInResult.Failure(WrongCredentialsMessage);
        }
        if (await users.IsLockedOutAsync(user)) return new SignInResult.Failure(LockedOutMessage, LockedOut: true);
        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            await sessions.LogAsync(user.Id, ActivityKind.SignInFailed, null, ct: ct);
            return await users.IsLockedOutAsync(user)
                ? new SignInResult.Failure(LockedOutMessage, LockedOut: true)
                : new SignInResult.Failure(WrongCredentialsMessage);
        }
        if (!user.EmailConfirmed) return new SignInResult.Failure(UnconfirmedMessage);
        await users.ResetAccessFailedCountAsync(user);
        return new SignInResult.Success(user.Id, user.Email!);
    }

    public async Task RecoverAsync(string emailAddress, string baseUri, CancellationToken ct = default)
    {
        var address = Normalize(emailAddress);
        var user = address is null ? null : await users.FindByEmailAsync(address);
        if (user is null) return; // same answer either way
        var token = Encode(await users.GeneratePasswordResetTokenAsync(user));
        await email.SendAsync(new EmailMessage(user.Email!, "Choose a new Avnera password",
            $"Someone (hopefully you) asked to reset the password of this account.\n\nChoose a new password: {baseUri}reset-password?user={user.Id}&code={token}\n\nIf it was not you, ignore this email.\n"), ct);
    }

    public async Task<IReadOnlyList<string>> ResetPasswordAsync(Guid userId, string code, string newPassword, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || Decode(code) is not { } token) return ["This link is not valid any more. Ask for a new one."];
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (!result.Succeeded)
            return result.Errors.Select(e => e.Code == "InvalidToken" ? "This link is not valid any more. Ask for a new one." : e.Description).ToList();
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        if (!user.EmailConfirmed)
        {
            // Receiving the reset email proves the address.
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }
        await sessions.RevokeAllAsync(user.Id, ct);
        await sessions.LogAsync(user.Id, ActivityKind.PasswordChanged, null, new { via = "reset" }, ct);
        return [];
    }

    public async Task<IReadOnlyList<string>> ChangePasswordAsync(Guid userId, string current, string newPassword, HttpContext http, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null) return ["Your account was not found."];
        var result = await users.ChangePasswordAsync(user, current, newPassword);
        if (!result.Succeeded)
            return result.Errors.Select(e => e.Code == "PasswordMismatch" ? "The current password is not right." : e.Description).ToList();
        // Whoever knew the old password may hold a session: only the one that changed it stays signed in.
        await sessions.EndOtherSessionsAsync(http, ct);
        await sessions.LogAsync(user.Id, ActivityKind.PasswordChanged, http, new { via = "account" }, ct);
        return [];
    }

    /// <summary>Creates a confirmed account with a password (demo data and operators' tooling).</summary>
    public async Task EnsureAccountAsync(Guid userId, string emailAddress, string password)
    {
        if (await users.FindByIdAsync(userId.ToString()) is not null) return;
        var result = await users.CreateAsync(new AuthUser { Id = userId, UserName = emailAddress, Email = emailAddress, EmailConfirmed = true }, password);
        if (!result.Succeeded)
            throw new InvalidOperationException("Could not create the account: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    private async Task SendConfirmationAsync(AuthUser user, string baseUri, string? next, CancellationToken ct)
    {
        var token = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        await email.SendAsync(new EmailMessage(user.Email!, "Confirm your email address",
            $"Welcome to Avnera!\n\nConfirm your email address: {baseUri}confirm-email?user={user.Id}&code={token}{(next is null ? "" : "&next=" + Uri.EscapeDataString(next))}\n\nIf you did not sign up, ignore this email.\n"), ct);
    }

    private static string? Normalize(string? value) =>
        MailAddress.TryCreate(value?.Trim(), out var parsed) && parsed.Address.Contains('.') ? parsed.Address.ToLowerInvariant() : null;

    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    private static string? Decode(string code)
    {
        try { return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return null; }
    }
}
