using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Avnera.Web.Auth.Email;

public sealed record EmailMessage(string To, string Subject, string TextBody);

/// <summary>Sends the app's emails. Development writes them to a pickup folder; production uses SMTP.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct = default);
}

public sealed class MailOptions
{
    public string From { get; set; } = "Avnera <no-reply@avnera.example>";
    /// <summary>Folder the pickup sender writes .eml files to (used when no SMTP host is set).</summary>
    public string? PickupFolder { get; set; }
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    /// <summary>Require TLS: implicit TLS on port 465, STARTTLS on any other port. Off only for a local relay.</summary>
    public bool SmtpTls { get; set; } = true;
}

/// <summary>One MIME message for both senders: encoded headers (a non-ASCII subject stays readable), UTF-8 text.</summary>
internal static class MimeEmail
{
    public static MimeMessage Create(string from, EmailMessage message) => new(
        [MailboxAddress.Parse(from)], [MailboxAddress.Parse(message.To)], message.Subject,
        new TextPart(MimeKit.Text.TextFormat.Plain) { Text = message.TextBody });
}

/// <summary>Writes each email as an RFC 5322 .eml file (CRLF lines), as an SMTP server's pickup directory would hold it.</summary>
public sealed class PickupFolderEmailSender(MailOptions options, ILogger<PickupFolderEmailSender> logger) : IEmailSender
{
    private static readonly FormatOptions Crlf = new() { NewLineFormat = NewLineFormat.Dos };

    public string Folder { get; } = options.PickupFolder ?? Path.Combine(Path.GetTempPath(), "avnera-mail");

    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
        using var mime = MimeEmail.Create(options.From, message);
        await mime.WriteToAsync(Crlf, path, ct);
        logger.LogInformation("Email to {To} ({Subject}) written to {Path}", message.To, message.Subject, path);
    }
}

/// <summary>Sends through an SMTP server with MailKit (System.Net.Mail's SmtpClient is not recommended for new code).</summary>
public sealed class SmtpEmailSender(MailOptions options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        using var mime = MimeEmail.Create(options.From, message);
        using var client = new SmtpClient();
        await client.ConnectAsync(options.SmtpHost ?? throw new InvalidOperationException("Avnera:Mail:SmtpHost is not set."), options.SmtpPort, Security(options), ct);
        if (options.SmtpUser is not null) await client.AuthenticateAsync(options.SmtpUser, options.SmtpPassword ?? "", ct);
        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    internal static SecureSocketOptions Security(MailOptions options) =>
        !options.SmtpTls ? SecureSocketOptions.None
        : options.SmtpPort == 465 ? SecureSocketOptions.SslOnConnect
        : SecureSocketOptions.StartTls;
}
