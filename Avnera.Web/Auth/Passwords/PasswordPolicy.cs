using System.IO.Compression;
using Avnera.Data.Master;
using Microsoft.AspNetCore.Identity;

namespace Avnera.Web.Auth.Passwords;

/// <summary>
/// What NIST SP 800-63B asks a new password to avoid, beyond its length (Identity's rules): passwords from
/// breach corpora, sequences, and words from the context — the person's email address, its local part and the
/// service's name, also with digits or symbols around them. Applied at sign-up, reset and change, in both modes
/// (in Supabase mode before GoTrue is asked). The list (42,000 passwords of 6+ characters, lower case) is read
/// once from an embedded resource into a case-insensitive set.
/// </summary>
public sealed class PasswordPolicy
{
    public const string CommonMessage =
        "This password is one of the most common ones (it appears in lists of leaked passwords). Choose a less predictable one.";
    public const string EmailMessage = "Your password must not be your email address, nor its name with digits or symbols added.";
    public const string ServiceMessage = "Your password must not be the name of this site.";
    public const string SequenceMessage = "Your password must not be a simple sequence such as 1234567890 or abcdefghij.";

    private const string Resource = "Avnera.Web.common-passwords.txt.gz";
    private const int ShortestListed = 6;
    private static readonly string[] ServiceNames = ["avnera"];

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    /// <summary>How many passwords the list holds (loads it).</summary>
    public static int CommonCount => Common.Value.Count;

    /// <summary>The problems of a new password; empty when it may be used.</summary>
    public static IReadOnlyList<string> Check(string password, string? email)
    {
        var problems = new List<string>();
        var lower = password.Trim().ToLowerInvariant();
        var core = Core(lower);
        if (IsCommon(lower) || core.Length >= ShortestListed && IsCommon(core)) problems.Add(CommonMessage);
        if (email is { Length: > 0 } && IsDerivedFromEmail(lower, core, email.Trim().ToLowerInvariant())) problems.Add(EmailMessage);
        if (ServiceNames.Any(name => core == name || Letters(core) == name)) problems.Add(ServiceMessage);
        if (IsSequence(lower)) problems.Add(SequenceMessage);
        return problems;
    }

    public static bool IsCommon(string password) => Common.Value.Contains(password);

    private static bool IsDerivedFromEmail(string lower, string core, string email)
    {
        var at = email.LastIndexOf('@');
        var local = at > 0 ? email[..at] : email;
        if (lower == email || lower == local) return true;
        // "sam.shopper2024!", "Sam-Shopper", "samshopper@example.com": the same letters and digits, dressed up.
        var localCore = Letters(Core(local));
        return Letters(lower) == Letters(local) || Letters(lower) == Letters(email)
               || localCore.Length >= 3 && Letters(core) == localCore;
    }

    /// <summary>The password without the digits and symbols people add around a word ("password2024!" → "password").</summary>
    private static string Core(string lower)
    {
        var start = 0;
        var end = lower.Length;
        while (start < end && !char.IsLetter(lower[start])) start++;
        while (end > start && !char.IsLetter(lower[end - 1])) end--;
        return lower[start..end];
    }

    private static string Letters(string value) => new(value.Where(char.IsLetterOrDigit).ToArray());

    /// <summary>Every character one step up (or down) from the one before: 0123456789, abcdefghij, 9876543210.</summary>
    private static bool IsSequence(string lower)
    {
        if (lower.Length < 3) return false;
        var step = lower[1] - lower[0];
        if (step is not (1 or -1)) return false;
        for (var i = 2; i < lower.Length; i++)
            if (lower[i] - lower[i - 1] != step) return false;
        return true;
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream(Resource)
                           ?? throw new InvalidOperationException($"The embedded resource {Resource} is missing.");
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) set.Add(line);
        return set;
    }
}

/// <summary>The policy as an Identity validator: the embedded provider's sign-up, reset and change run it.</summary>
public sealed class PasswordPolicyValidator : IPasswordValidator<AuthUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AuthUser> manager, AuthUser user, string? password)
    {
        var problems = PasswordPolicy.Check(password ?? "", user.Email);
        return Task.FromResult(problems.Count == 0
            ? IdentityResult.Success
            : IdentityResult.Failed(problems.Select(p => new IdentityError { Code = "PasswordPolicy", Description = p }).ToArray()));
    }
}
