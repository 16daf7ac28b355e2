using System.Globalization;
using Avnera.Web.Features.Demo;
using Avnera.Web.Features.Storefront;
using Bunit;
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

    [Fact]
    public void ProductCard_Rating_FollowsStoreCultureNotServerCulture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
            using var ctx = new BunitContext();
            var cut = ctx.Render<ProductCard>(p => p
                .Add(x => x.Product, new ProductCardModel("s", "n", null, 10m, null, null, null, true, 4.5m, 3))
                .Add(x => x.Currency, "EUR").Add(x => x.Culture, "fr-FR"));
            Assert.Contains("4,5", cut.Find(".rating").TextContent);
        }
        finally { CultureInfo.CurrentCulture = saved; }
    }
}
