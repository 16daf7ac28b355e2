using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Avnera.Tests.Auth.Email;

/// <summary>
/// A PROTOCOL DOUBLE, NOT A MAIL SERVER. A small SMTP listener on 127.0.0.1 (free port) that speaks the part of
/// RFC 5321 a sending client needs (EHLO/HELO, AUTH PLAIN, MAIL FROM, RCPT TO, DATA with dot-stuffing, RSET, NOOP,
/// QUIT) and records what arrives instead of delivering it, so that the app's SMTP sender is tested over a real
/// socket. It advertises neither STARTTLS, 8BITMIME nor SMTPUTF8: a client must send 7-bit data (encoded headers
/// and body), and a client that requires TLS must refuse to go on.
/// </summary>
public sealed class SmtpProtocolDouble : IAsyncDisposable
{
    public sealed record ReceivedMail(string? AuthUser, string? AuthPassword, string MailFrom, IReadOnlyList<string> Recipients, byte[] Data);

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<ReceivedMail> _received = [];
    private readonly Task _accepting;

    public SmtpProtocolDouble()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public IReadOnlyList<ReceivedMail> Received { get { lock (_gate) return [.. _received]; } }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        // Latin-1 maps each byte to one char: what the client sent is kept byte for byte.
        using var reader = new StreamReader(stream, Encoding.Latin1);
        async Task Reply(string line) => await stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"), _stop.Token);

        string? user = null, password = null, from = null;
        var recipients = new List<string>();
        try
        {
            await Reply("220 smtp-protocol-double ESMTP");
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                var argument = line.Length > verb.Length ? line[(verb.Length + 1)..] : "";
                switch (verb)
                {
                    case "EHLO":
                        await Reply("250-smtp-protocol-double");
                        await Reply("250 AUTH PLAIN");
                        break;
                    case "HELO" or "NOOP":
                        await Reply("250 OK");
                        break;
                    case "AUTH":
                        var parts = argument.Split(' ', 2);
                        var response = parts.Length > 1 ? parts[1] : null;
                        if (!parts[0].Equals("PLAIN", StringComparison.OrdinalIgnoreCase)) { await Reply("504 Unrecognized authentication type"); break; }
                        if (response is null) { await Reply("334 "); response = await reader.ReadLineAsync(_stop.Token) ?? ""; }
                        var fields = Encoding.UTF8.GetString(Convert.FromBase64String(response)).Split('\0');
                        (user, password) = (fields[1], fields[2]);
                        await Reply("235 Authentication successful");
                        break;
                    case "MAIL":
                        from = Address(argument);
                        recipients.Clear();
                        await Reply("250 OK");
                        break;
                    case "RCPT":
                        recipients.Add(Address(argument));
                        await Reply("250 OK");
                        break;
                    case "DATA":
                        await Reply("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                            data.Append(dataLine.StartsWith("..") ? dataLine[1..] : dataLine).Append("\r\n");
                        lock (_gate) _received.Add(new ReceivedMail(user, password, from ?? "", [.. recipients], Encoding.Latin1.GetBytes(data.ToString())));
                        await Reply("250 OK: queued");
                        break;
                    case "RSET":
                        (from, recipients) = (null, []);
                        await Reply("250 OK");
                        break;
                    case "QUIT":
                        await Reply("221 Bye");
                        return;
                    default:
                        await Reply("502 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away (or the double is stopping): nothing to record.
        }
    }

    /// <summary>The address of "FROM:&lt;a@b&gt; SIZE=123" or "TO:&lt;a@b&gt;".</summary>
    private static string Address(string argument)
    {
        var start = argument.IndexOf('<');
        var end = argument.IndexOf('>', start + 1);
        return start < 0 || end < 0 ? argument : argument[(start + 1)..end];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
