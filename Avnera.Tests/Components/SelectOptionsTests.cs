using Avnera.Web.Components.Layout;
using Bunit;

namespace Avnera.Tests.Components;

/// <summary>A statically rendered select shows the saved value: the matching option carries `selected`.</summary>
public class SelectOptionsTests : BunitContext
{
    [Fact]
    public void Render_MarksOnlyTheCurrentValueSelected()
    {
        var cut = Render<SelectOptions>(p => p.Add(x => x.Items, SelectOptions.Languages).Add(x => x.Current, "fr"));
        var options = cut.FindAll("option");
        Assert.Equal(["en", "fr", "de", "es"], options.Select(o => o.GetAttribute("value")));
        Assert.Equal(["fr"], options.Where(o => o.HasAttribute("selected")).Select(o => o.GetAttribute("value")));
    }

    [Fact]
    public void Render_UnknownCurrent_SelectsNothing()
    {
        var cut = Render<SelectOptions>(p => p.Add(x => x.Items, SelectOptions.Currencies).Add(x => x.Current, "XXX"));
        Assert.DoesNotContain(cut.FindAll("option"), o => o.HasAttribute("selected"));
    }
}
