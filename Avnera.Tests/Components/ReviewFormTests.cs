using Avnera.Web.Features.Storefront.Reviews;
using Bunit;

namespace Avnera.Tests.Components;

/// <summary>The review form: a star rating radio group and optional texts, posted under the page's "Input" form model.</summary>
public class ReviewFormTests : BunitContext
{
    private IRenderedComponent<ReviewForm> RenderForm(ReviewInput? model = null, string? problem = null) =>
        Render<ReviewForm>(p => p.Add(x => x.Model, model ?? new ReviewInput()).Add(x => x.Problem, problem));

    [Fact]
    public void Render_FiveLabelledStarChoices_BestFirst()
    {
        var cut = RenderForm();
        var radios = cut.FindAll("input[type=radio]");
        Assert.Equal(["5", "4", "3", "2", "1"], radios.Select(r => r.GetAttribute("value")));
        Assert.All(radios, r => Assert.Equal("Input.Rating", r.GetAttribute("name")));
        Assert.Equal(["5 stars", "4 stars", "3 stars", "2 stars", "1 star"],
            radios.Select(r => cut.Find($"label[for='{r.Id}'] .visually-hidden").TextContent.Trim()));
        // The star glyph is decoration: hidden from assistive technology, which reads the words.
        Assert.All(radios, r => Assert.Equal("true", cut.Find($"label[for='{r.Id}'] span[aria-hidden]").GetAttribute("aria-hidden")));
        Assert.Equal("Your rating", cut.Find("fieldset legend").TextContent);
        Assert.Empty(cut.FindAll("input[type=radio][checked]"));
    }

    [Fact]
    public void Render_TextFields_AreLabelledAndPostedUnderTheInputModel()
    {
        var cut = RenderForm();
        var title = cut.Find("#review-title");
        var body = cut.Find("#review-body");
        Assert.Equal("Input.Title", title.GetAttribute("name"));
        Assert.Equal("Input.Body", body.GetAttribute("name"));
        Assert.Equal("120", title.GetAttribute("maxlength"));
        Assert.Equal("4000", body.GetAttribute("maxlength"));
        Assert.StartsWith("Title", cut.Find("label[for=review-title]").TextContent);
        Assert.StartsWith("Your review", cut.Find("label[for=review-body]").TextContent);
    }

    [Fact]
    public void Render_PostsTheForm()
    {
        var cut = RenderForm();
        var form = cut.Find("form");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("Publish review", cut.Find("button[type=submit]").TextContent);
    }

    [Fact]
    public void Render_PostedValues_AreShownAgain()
    {
        var cut = RenderForm(new ReviewInput { Rating = 4, Title = "Lovely", Body = "Soft & light" });
        Assert.Equal(["4"], cut.FindAll("input[type=radio][checked]").Select(r => r.GetAttribute("value")));
        Assert.Equal("Lovely", cut.Find("#review-title").GetAttribute("value"));
        var body = cut.Find("#review-body");
        Assert.Equal("Soft & light", body.GetAttribute("value") ?? body.TextContent);
    }

    [Fact]
    public void Render_Problem_IsAnAlert()
    {
        var cut = RenderForm(problem: "You have already reviewed this product.");
        Assert.Equal("You have already reviewed this product.", cut.Find("[role=alert]").TextContent);
        Assert.Empty(RenderForm().FindAll("[role=alert]"));
    }

    [Fact]
    public void Submit_WithoutRating_ShowsTheRatingMessage_AndDoesNotSubmit()
    {
        var submitted = false;
        var cut = Render<ReviewForm>(p => p.Add(x => x.Model, new ReviewInput { Rating = 0 }).Add(x => x.OnSubmit, () => submitted = true));
        cut.Find("form").Submit();
        Assert.False(submitted);
        Assert.Contains("Choose a rating from 1 to 5 stars.", cut.Find(".validation-message").TextContent);
    }

    [Fact]
    public void Submit_TooLongTitle_IsRefused()
    {
        var submitted = false;
        var cut = Render<ReviewForm>(p => p.Add(x => x.Model, new ReviewInput { Rating = 5, Title = new string('x', 121) }).Add(x => x.OnSubmit, () => submitted = true));
        cut.Find("form").Submit();
        Assert.False(submitted);
        Assert.Contains("Keep the title under 120 characters.", cut.Markup);
    }

    [Fact]
    public void Submit_Valid_CallsOnSubmit()
    {
        var submitted = false;
        var cut = Render<ReviewForm>(p => p.Add(x => x.Model, new ReviewInput { Rating = 5, Title = "Great" }).Add(x => x.OnSubmit, () => submitted = true));
        cut.Find("form").Submit();
        Assert.True(submitted);
        Assert.Empty(cut.FindAll(".validation-message"));
    }
}
