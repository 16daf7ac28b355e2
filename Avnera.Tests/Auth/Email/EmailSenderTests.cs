using System.Text;
using Avnera.Web.Auth.Email;
using MailKit.Security;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace Avnera.Tests.Auth.Email;

/// <summary>
/// The SMTP sender (MailKit) against a local SMTP protocol double, and the pickup folder of ./run.sh and the tests:
/// what arrives is what a mail client would show, a non-ASCII subject included.
/// </summary>
public sealed class EmailSenderTests : IAsyncLifetime
{
    private const string Subject = "Confirmez votre adresse — Maison Lumière ✓";
    private const string Body = "Bonjour Zoë,\n\nConfirm: http://127.0.0.1:5080/confirm-email?user=42&code=a.b-c=\n";
    private static readonly EmailMessage Message = new("camille@example.com", Subject, Body);

    private readonly SmtpProtocolDouble _smtp = new();

    private MailOptions Smtp(bool tls = false, string? user = "mailer", string? password = "s3cret-relay") => new()
    {
        From = "Maison Lumière <boutique@maison-lumiere.example>",
        SmtpHost = "127.0.0.1", SmtpPort = _smtp.Port, SmtpTls = tls, SmtpUser = user, SmtpPassword = password,
    };

    [Fact]
    public async Task Smtp_DeliversFromToSubjectAndBody_WithTheNonAsciiSubjectEncoded()
    {
        await new SmtpEmailSender(Smtp()).SendAsync(Message);

        var mail = Assert.Single(_smtp.Received);
        Assert.Equal(("mailer", "s3cret-relay"), (mail.AuthUser, mail.AuthPassword));
        Assert.Equal("boutique@maison-lumiere.example", mail.MailFrom);
        Assert.Equal(["camille@example.com"], mail.Recipients);
        // No 8BITMIME or SMTPUTF8 offered: every byte on the wire is 7-bit, the subject's accents RFC 2047 encoded words.
        Assert.All(mail.Data, b => Assert.True(b < 0x80, $"byte 0x{b:x2} is not 7-bit"));
        var raw = Encoding.ASCII.GetString(mail.Data);
        Assert.Matches(new System.Text.RegularExpressions.Regex(@"^Subject: .*=\?utf-8\?[bq]\?", System.Text.RegularExpressions.RegexOptions.Multiline | System.Text.RegularExpressions.RegexOptions.IgnoreCase), raw);

        using var received = MimeMessage.Load(new MemoryStream(mail.Data));
        var from = Assert.IsType<MailboxAddress>(Assert.Single(received.From));
        Assert.Equal(("Maison Lumière", "boutique@maison-lumiere.example"), (from.Name, from.Address));
        Assert.Equal("camille@example.com", Assert.IsType<MailboxAddress>(Assert.Single(received.To)).Address);
        Assert.Equal(Subject, received.Subject);
        Assert.Equal(Body.ReplaceLineEndings("\r\n"), received.TextBody?.ReplaceLineEndings("\r\n"));
        Assert.Equal("utf-8", received.Body?.ContentType.Charset, ignoreCase: true);
    }

    [Fact]
    public async Task Smtp_WithoutCredentials_SendsWithoutAuthenticating()
    {
        await new SmtpEmailSender(Smtp(user: null, password: null)).SendAsync(Message);

        Assert.Null(Assert.Single(_smtp.Received).AuthUser);
    }

    [Fact]
    public async Task Smtp_RequiringTls_RefusesAServerWithoutStartTls_AndSendsNothing()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => new SmtpEmailSender(Smtp(tls: true)).SendAsync(Message));

        Assert.Empty(_smtp.Received);
    }

    [Theory]
    [InlineData(false, 25, SecureSocketOptions.None)]
    [InlineData(true, 587, SecureSocketOptions.StartTls)]
    [InlineData(true, 465, SecureSocketOptions.SslOnConnect)]
    public void Smtp_TlsSetting_ChoosesStartTlsOrImplicitTls_NeverOpportunistic(bool tls, int port, SecureSocketOptions expected) =>
        Assert.Equal(expected, SmtpEmailSender.Security(new MailOptions { SmtpTls = tls, SmtpPort = port }));

    [Fact]
    public async Task PickupFolder_WritesAnEmlWithCrlfLines_ThatReadsBackAsSent()
    {
        var folder = Path.Combine(Path.GetTempPath(), "avnera-tests", "pickup-" + Guid.NewGuid().ToString("N")[..8]);
        await new PickupFolderEmailSender(new MailOptions { PickupFolder = folder }, NullLogger<PickupFolderEmailSender>.Instance).SendAsync(Message);

        var file = Assert.Single(Directory.GetFiles(folder, "*.eml"));
        var text = await File.ReadAllTextAsync(file);
        Assert.Contains("To: camille@example.com\r\n", text);
        Assert.DoesNotContain("\n", text.Replace("\r\n", ""));
        // The link stays on one line, as the tests and a developer reading the file expect.
        Assert.Contains("http://127.0.0.1:5080/confirm-email?user=42&code=a.b-c=\r\n", text);
        using var written = MimeMessage.Load(file);
        Assert.Equal(Subject, written.Subject);
        Assert.Equal("no-reply@avnera.example", Assert.IsType<MailboxAddress>(Assert.Single(written.From)).Address);
        Directory.Delete(folder, recursive: true);
    }

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _smtp.DisposeAsync();
}
