using Avnera.Web.Features.Demo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace Avnera.Tests.Unit;

/// <summary>Regressions found by review: trailing newlines slipping past "$" anchors, culture leaks.</summary>
public class InputHardeningTests
{
    [Fact]
    public void DemoMedia_Render_ColourWithTrailingNewline_ReturnsNull()
    {
        Assert.Null(DemoMedia.Render("dress", "aabbcc\n"));
    }

    [Fact]
    public async Task DemoMedia_Endpoint_ColourWithEncodedNewline_Answers404()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        await using var app = builder.Build();
        app.MapDemoMedia();
        await app.StartAsync();
        var client = app.GetTestClient();
        var ok = await client.GetAsync("/media/demo/dress/aabbcc.svg");
        Assert.Equal(200, (int)ok.StatusCode);
        var response = await client.GetAsync("/media/demo/dress/aabbcc%0A.svg");
        Assert.Equal(404, (int)response.StatusCode);
    }

    [Fact]
    public void ValidateSlug_TrailingNewline_IsRejected()
    {
        Assert.NotNull(Avnera.Data.Tenancy.StoreProvisioner.ValidateSlug("abc\n"));
    }
}
