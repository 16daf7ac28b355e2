namespace Avnera.Web.Auth.Supabase;

/// <summary>
/// Every failed GoTrue call: an error answer, an answer that could not be read, or no answer at all.
/// <see cref="UserMessage"/> is safe to show to the person signing in; <see cref="Exception.Message"/>
/// carries the status, code and server text for logs.
/// </summary>
public sealed class GoTrueException : Exception
{
    public const string GenericMessage = "Something went wrong while signing you in. Please try again.";
    public const string UnreachableMessage = "The sign-in service is not reachable at the moment. Please try again in a few minutes.";
    public const string WrongCredentialsMessage = "Wrong email or password.";
    public const string EmailNotConfirmedMessage = "Please confirm your email address first — check your inbox.";
    public const string RateLimitedMessage = "Too many attempts. Please wait a moment and try again.";
    public const string SignupDisabledMessage = "New sign-ups are closed.";
    /// <summary>Shown when the address is taken, worded so that it does not confirm that an account exists.</summary>
    public const string NeutralEmailMessage = "If this address can be used, we have sent an email to it.";
    public const string SessionEndedMessage = "Your session has ended. Please sign in again.";
    public const string LinkExpiredMessage = "The sign-in link has expired. Please try again.";

    private static readonly HashSet<string> SessionEndedCodes =
        ["refresh_token_already_used", "refresh_token_not_found", "session_not_found", "session_expired"];

    // otp_expired is what /verify answers for a used or stale email link: the same thing to the person.
    private static readonly HashSet<string> LinkExpiredCodes =
        ["flow_state_not_found", "flow_state_expired", "bad_code_verifier", "otp_expired"];

    private static readonly HashSet<string> RateLimitCodes =
        ["over_request_rate_limit", "over_email_send_rate_limit", "over_sms_send_rate_limit"];

    public GoTrueException(int? statusCode, string? errorCode, string? serverMessage,
        IReadOnlyList<string>? weakPasswordReasons = null, Exception? innerException = null)
        : base(Describe(statusCode, errorCode, serverMessage), innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ServerMessage = serverMessage;
        WeakPasswordReasons = weakPasswordReasons ?? [];
        UserMessage = MessageFor(statusCode, errorCode, WeakPasswordReasons);
    }

    /// <summary>The HTTP status, or null when no answer arrived.</summary>
    public int? StatusCode { get; }

    /// <summary>GoTrue's <c>error_code</c> (e.g. invalid_credentials), or null when there was none.</summary>
    public string? ErrorCode { get; }

    /// <summary>The server's own text (<c>msg</c>, <c>error_description</c> or <c>message</c>); for logs, not for people.</summary>
    public string? ServerMessage { get; }

    /// <summary>With weak_password: length, characters and/or pwned.</summary>
    public IReadOnlyList<string> WeakPasswordReasons { get; }

    /// <summary>A sentence for the person signing in. Never says whether an account exists.</summary>
    public string UserMessage { get; }

    /// <summary>The refresh token or session is gone: sign the person out locally and ask them to sign in.</summary>
    public bool IsSessionEnded => ErrorCode is not null && SessionEndedCodes.Contains(ErrorCode);

    /// <summary>
    /// 409 conflict: another request refreshed this session at the same moment. Not a reason to sign out;
    /// use the session that request obtained.
    /// </summary>
    public bool IsConcurrentRefresh => ErrorCode == "conflict" || (StatusCode == 409 && ErrorCode is null);

    public bool IsRateLimited => StatusCode == 429 || (ErrorCode is not null && RateLimitCodes.Contains(ErrorCode));

    /// <summary>No answer: connection refused, DNS, TLS or timeout.</summary>
    public bool IsUnreachable => StatusCode is null && ErrorCode is null;

    internal static GoTrueException Unreachable(Exception inner) => new(null, null, inner.Message, null, inner);

    private static string Describe(int? status, string? code, string? serverMessage) => status is null
        ? $"GoTrue not reachable: {serverMessage}"
        : $"GoTrue answered {status}{(code is null ? "" : $" {code}")}{(string.IsNullOrEmpty(serverMessage) ? "" : $": {serverMessage}")}";

    private static string MessageFor(int? status, string? code, IReadOnlyList<string> reasons)
    {
        if (status is null && code is null) return UnreachableMessage;
        switch (code)
        {
            case "invalid_credentials": return WrongCredentialsMessage;
            case "email_not_confirmed": return EmailNotConfirmedMessage;
            case "weak_password": return WeakPasswordMessage(reasons);
            case "signup_disabled": return SignupDisabledMessage;
            case "user_already_exists" or "email_exists": return NeutralEmailMessage;
        }
        if (code is not null && SessionEndedCodes.Contains(code)) return SessionEndedMessage;
        if (code is not null && LinkExpiredCodes.Contains(code)) return LinkExpiredMessage;
        if (status == 429 || (code is not null && RateLimitCodes.Contains(code))) return RateLimitedMessage;
        return GenericMessage;
    }

    private static string WeakPasswordMessage(IReadOnlyList<string> reasons)
    {
        var words = reasons.Distinct().Select(r => r switch
        {
            "length" => "it is too short",
            "characters" => "it needs a mix of character kinds (lower and upper case letters, digits, symbols)",
            "pwned" => "it appears in a list of leaked passwords",
            _ => null,
        }).OfType<string>().ToList();
        return words.Count == 0 ? "Choose a stronger password." : "Choose a stronger password: " + string.Join("; ", words) + ".";
    }
}
