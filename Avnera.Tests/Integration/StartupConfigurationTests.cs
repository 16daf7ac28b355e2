using System.Diagnostics;
using Avnera.Tests.Infrastructure;

namespace Avnera.Tests.Integration;

/// <summary>The real app process, started as an operator would, refuses to start without its secrets.</summary>
public sealed class StartupConfigurationTests
{
    private static (int ExitCode, string Output) RunApp(Dictionary<string, string> environment)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = AppContext.BaseDirectory };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Avnera.Web.dll"));
        psi.ArgumentList.Add("--urls=http://127.0.0.1:0");
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings__") || k is "ENCRYPTION_KEY" or "Avnera__PublicOrigin").ToList())
            psi.Environment.Remove(key);
        foreach (var (key, value) in environment) psi.Environment[key] = value;
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(true);
            return (-1, "still running after 60 s: " + stdout.Result);
        }
        return (process.ExitCode, stderr.Result + stdout.Result);
    }

    private static Dictionary<string, string> Production(bool withKey) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__Master"] = "Host=127.0.0.1;Port=1;Database=m;Username=u",
        ["ConnectionStrings__Products"] = "Host=127.0.0.1;Port=1;Database=p;Username=u",
        ["ConnectionStrings__Orders"] = "Host=127.0.0.1;Port=1;Database=o;Username=u",
        ["ConnectionStrings__MasterService"] = "Host=127.0.0.1;Port=1;Database=m;Username=s",
        ["ConnectionStrings__ProductsService"] = "Host=127.0.0.1;Port=1;Database=p;Username=s",
        ["ConnectionStrings__OrdersService"] = "Host=127.0.0.1;Port=1;Database=o;Username=s",
        ["ENCRYPTION_KEY"] = withKey ? AvneraDatabases.EncryptionKey : "",
        ["Avnera__PublicOrigin"] = "https://shops.example.com",
    };

    [Fact]
    public void MissingEncryptionKey_OutsideDevelopment_StopsTheStartWithAClearMessage()
    {
        var (exit, output) = RunApp(Production(withKey: false));
        Assert.Equal(1, exit);
        Assert.Contains("Avnera cannot start: ENCRYPTION_KEY is not set", output);
        Assert.DoesNotContain("   at ", output); // no stack trace
    }

    [Fact]
    public void MalformedEncryptionKey_StopsTheStart()
    {
        var env = Production(withKey: true);
        env["ENCRYPTION_KEY"] = "too-short";
        var (exit, output) = RunApp(env);
        Assert.Equal(1, exit);
        Assert.Contains("ENCRYPTION_KEY must be 32 random bytes", output);
    }

    [Fact]
    public void UnknownOAuthProvider_StopsTheStartNamingIt()
    {
        var env = Production(withKey: true);
        env["SUPABASE_URL"] = "https://abcd.supabase.co";
        env["SUPABASE_ANON_KEY"] = "anon";
        env["SUPABASE_OAUTH_PROVIDERS"] = "google,myspace";
        var (exit, output) = RunApp(env);
        Assert.Equal(1, exit);
        Assert.Contains("Avnera cannot start: SUPABASE_OAUTH_PROVIDERS names an unknown provider (\"myspace\")", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public void MalformedKnownProxies_StopsTheStartNamingTheEntry()
    {
        var env = Production(withKey: true);
        env["Avnera__KnownProxies"] = "10.0.0.1, load-balancer";
        var (exit, output) = RunApp(env);
        Assert.Equal(1, exit);
        Assert.Contains("Avnera cannot start: Avnera__KnownProxies has \"load-balancer\"", output);
    }

    [Fact]
    public void MissingPublicOrigin_OutsideDevelopment_StopsTheStartWithAClearMessage()
    {
        var env = Production(withKey: true);
        env.Remove("Avnera__PublicOrigin");
        var (exit, output) = RunApp(env);
        Assert.Equal(1, exit);
        Assert.Contains("Avnera cannot start: Avnera__PublicOrigin is not set. Set it to the platform's public address", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Theory]
    [InlineData("shops.example.com")]
    [InlineData("https://shops.example.com/store")]
    [InlineData("ftp://shops.example.com")]
    [InlineData("https://user:pw@shops.example.com")]
    public void MalformedPublicOrigin_StopsTheStartNamingIt(string value)
    {
        var env = Production(withKey: true);
        env["Avnera__PublicOrigin"] = value;
        var (exit, output) = RunApp(env);
        Assert.Equal(1, exit);
        Assert.Contains($"Avnera cannot start: Avnera__PublicOrigin is \"{value}\"; it must be the platform's public address", output);
    }

    [Fact]
    public void MissingConnectionString_NamesTheVariableToSet()
    {
        var env = Production(withKey: true);
        env.Remove("ConnectionStrings__Orders");
        var (exit, output) = RunApp(env);
        Assert.Equal(1, exit);
        Assert.Contains("ConnectionStrings__Orders", output);
    }
}
