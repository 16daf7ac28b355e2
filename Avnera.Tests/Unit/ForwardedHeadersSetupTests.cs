using System.Net;
using Avnera.Data;
using Avnera.Web.Hosting;

namespace Avnera.Tests.Unit;

public class ForwardedHeadersSetupTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Parse_Nothing_TrustsNoProxy(string? value)
    {
        Assert.Null(ForwardedHeadersSetup.Parse(value));
    }

    [Fact]
    public void Parse_AddressesAndRanges_AreTrusted()
    {
        var proxies = ForwardedHeadersSetup.Parse("10.0.0.5, 192.168.0.0/16,fd00::/8 ::1")!;

        Assert.Equal([IPAddress.Parse("10.0.0.5"), IPAddress.IPv6Loopback], proxies.Addresses);
        Assert.Equal([System.Net.IPNetwork.Parse("192.168.0.0/16"), System.Net.IPNetwork.Parse("fd00::/8")], proxies.Networks);
    }

    [Theory]
    [InlineData("proxy.internal")]
    [InlineData("10.0.0.300")]
    [InlineData("10.0.0.0/33")]
    public void Parse_SomethingElse_StopsTheStartNamingIt(string entry)
    {
        var e = Assert.Throws<AvneraConfigurationException>(() => ForwardedHeadersSetup.Parse("10.0.0.1," + entry));

        Assert.Contains("Avnera__KnownProxies", e.Message);
        Assert.Contains($"\"{entry}\"", e.Message);
    }
}
