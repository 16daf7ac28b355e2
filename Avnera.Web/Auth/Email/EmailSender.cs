using System.Net;
using System.Net.Mail;
using System.Text;

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
    public bool SmtpTls { get; set; } = true;
}

/// <summary>Writes each email as an RFC 822 .eml file, as an SMTP server's pickup directory would hold it.</summary>
public sealed class PickupFolderEmailSender(MailOptions options, ILogger<PickupFolderEmailSender> logger) : IEmailSender
{
    public string Folder { get; } = options.PickupFolder ?? Path.Combine(Path.GetTempPath(), "avnera-mail");

    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
        var eml = new StringBuilder()
            .Append("From: ").Append(options.From).Append("\r\n")
            .Append("To: ").Append(message.To).Append("\r\n")
            .Append("Subject: ").Append(message.Subject).Append("\r\n")
            .Append("Date: ").Append(DateTimeOffset.UtcNow.ToString("r")).Append("\r\n")
            .Append("Content-Type: text/plain; charset=utf-8\r\n\r\n")
            .Append(message.TextBody.ReplaceLineEndings("\r\n"));
        await File.WriteAllTextAsync(path, eml.ToString(), ct);
        logger.LogInformation("Email to {To} ({Subject}) written to {Path}", message.To, message.Subject, path);
    }
}

public sealed class SmtpEmailSender(MailOptions options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        using var client = new SmtpClient(options.SmtpHost, options.SmtpPort) { EnableSsl = options.SmtpTls };
        if (options.SmtpUser is not null) client.Credentials = new NetworkCredential(options.SmtpUser, options.SmtpPassword);
        using var mail = new MailMessage { From = new MailAddress(ExtractAddress(options.From)), Subject = message.Subject, Body = message.TextBody };
        mail.To.Add(message.To);
        await client.SendMailAsync(mail, ct);
    }

    private static string ExtractAddress(string from) =>
        from.Contains('<') ? from[(from.IndexOf('<') + 1)..from.IndexOf('>')] : from;
}
