using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Avnera.Tests.Infrastructure;

/// <summary>
/// A real, throwaway PostgreSQL cluster for the test run: initdb into a temp folder, started on a free
/// loopback port (as the postgres OS user when the tests run as root, since PostgreSQL refuses root),
/// stopped and deleted when the test process exits. One per test run; suites create their own databases.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<PostgresServer> Shared = new(() =>
    {
        var server = new PostgresServer();
        server.Start();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public static PostgresServer Instance => Shared.Value;

    private readonly string _bin = FindBinaries();
    private readonly string _root = Path.Combine(Path.GetTempPath(), "avnera-tests", "pg-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly bool _asPostgresUser = Environment.UserName == "root";
    private int _databaseCounter;

    public int Port { get; } = FreePort();
    private string DataDir => Path.Combine(_root, "data");

    public string ConnectionString(string database = "postgres", string user = "postgres", string? password = null) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username={user}" + (password is null ? "" : $";Password={password}") +
        ";Include Error Detail=true";

    /// <summary>A database name unique within this run, e.g. avnera_master_3.</summary>
    public string UniqueName(string prefix) => $"{prefix}_{Interlocked.Increment(ref _databaseCounter)}";

    private void Start()
    {
        Directory.CreateDirectory(_root);
        if (_asPostgresUser)
        {
            Run("chmod", "755", Path.GetDirectoryName(_root)!);
            Run("chown", "postgres:postgres", _root);
        }
        Pg("initdb", "-D", DataDir, "-U", "postgres", "-A", "trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync");
        // Durability is irrelevant for throwaway test data; these make the suite several times faster.
        Pg("pg_ctl", "-D", DataDir, "-l", Path.Combine(_root, "postgres.log"), "-w", "-t", "60", "start", "-o",
            $"-p {Port} -c listen_addresses=127.0.0.1 -k {_root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400");
    }

    public void Stop()
    {
        try
        {
            if (Directory.Exists(DataDir)) Pg("pg_ctl", "-D", DataDir, "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException) { /* already stopped */ }
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public async Task ExecuteAsync(string sql, string database = "postgres")
    {
        await using var conn = new NpgsqlConnection(ConnectionString(database));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private void Pg(string tool, params string[] args)
    {
        var exe = Path.Combine(_bin, tool);
        if (_asPostgresUser) Run("runuser", ["-u", "postgres", "--", exe, .. args]);
        else Run(exe, args);
    }

    private static void Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromSeconds(120))) { p.Kill(true); throw new InvalidOperationException($"{file} timed out"); }
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({p.ExitCode}): {stderr.Result}{stdout.Result}");
    }

    private static string FindBinaries()
    {
        var dir = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).FirstOrDefault()
            : null;
        return dir ?? throw new InvalidOperationException(
            "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin. Run ./test.sh, which installs them.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
