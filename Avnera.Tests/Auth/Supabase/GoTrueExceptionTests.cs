using Avnera.Web.Auth.Supabase;

namespace Avnera.Tests.Auth.Supabase;

public class GoTrueExceptionTests
{
    [Theory]
    [InlineData(400, "invalid_credentials", "Wrong email or password.")]
    [InlineData(400, "email_not_confirmed", "Please confirm your email address first — check your inbox.")]
    [InlineData(429, "over_request_rate_limit", "Too many attempts. Please wait a moment and try again.")]
    [InlineData(429, "over_email_send_rate_limit", "Too many attempts. Please wait a moment and try again.")]
    [InlineData(429, null, "Too many attempts. Please wait a moment and try again.")]
    [InlineData(422, "signup_disabled", "New sign-ups are closed.")]
    [InlineData(422, "user_already_exists", "If this address can be used, we have sent an email to it.")]
    [InlineData(422, "email_exists", "If this address can be used, we have sent an email to it.")]
    [InlineData(400, "refresh_token_already_used", "Your session has ended. Please sign in again.")]
    [InlineData(400, "refresh_token_not_found", "Your session has ended. Please sign in again.")]
    [InlineData(403, "session_not_found", "Your session has ended. Please sign in again.")]
    [InlineData(400, "session_expired", "Your session has ended. Please sign in again.")]
    [InlineData(404, "flow_state_not_found", "The sign-in link has expired. Please try again.")]
    [InlineData(422, "flow_state_expired", "The sign-in link has expired. Please try again.")]
    [InlineData(400, "bad_code_verifier", "The sign-in link has expired. Please try again.")]
    [InlineData(500, "unexpected_failure", GoTrueException.GenericMessage)]
    [InlineData(502, null, GoTrueException.GenericMessage)]
    public void UserMessage_ErrorCode_IsMappedToSentence(int status, string? code, string expected)
    {
        Assert.Equal(expected, new GoTrueException(status, code, "server text").UserMessage);
    }

    [Theory]
    [InlineData("refresh_token_already_used", true)]
    [InlineData("refresh_token_not_found", true)]
    [InlineData("session_not_found", true)]
    [InlineData("session_expired", true)]
    [InlineData("invalid_credentials", false)]
    [InlineData("bad_jwt", false)]
    [InlineData("conflict", false)]
    public void IsSessionEnded_ErrorCode_OnlyForEndedSessions(string code, bool ended)
    {
        Assert.Equal(ended, new GoTrueException(400, code, null).IsSessionEnded);
    }

    [Fact]
    public void IsConcurrentRefresh_409Conflict_IsTrueAndNotSessionEnded()
    {
        var e = new GoTrueException(409, "conflict", "conflict");

        Assert.True(e.IsConcurrentRefresh);
        Assert.False(e.IsSessionEnded);
        Assert.False(new GoTrueException(400, "refresh_token_not_found", null).IsConcurrentRefresh);
    }

    [Fact]
    public void UserMessage_WeakPasswordCharacters_ExplainsInWords()
    {
        var e = new GoTrueException(422, "weak_password", "Password should contain...", ["characters"]);

        Assert.StartsWith("Choose a stronger password: it needs a mix of character kinds", e.UserMessage);
    }

    [Fact]
    public void UserMessage_WeakPasswordWithoutReasons_StillAsksForStrongerPassword()
    {
        Assert.Equal("Choose a stronger password.", new GoTrueException(422, "weak_password", null).UserMessage);
    }

    [Fact]
    public void Message_ForLogs_CarriesStatusCodeAndServerText()
    {
        var e = new GoTrueException(400, "invalid_credentials", "Invalid login credentials");

        Assert.Equal("GoTrue answered 400 invalid_credentials: Invalid login credentials", e.Message);
    }
}
