using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Avnera.Data.Orders;
using Avnera.Data.Security;
using Avnera.Tests.Infrastructure;
using Avnera.Web.Features.Demo;
using Avnera.Web.Features.Storefront.Reviews;

namespace Avnera.Tests.Integration;

/// <summary>
/// Reviews and helpful votes through the app's ReviewService as signed-in shoppers, over real databases:
/// who may review (a paid order of the product), one review each, one vote each and never on your own,
/// and the product's rating recomputed. What is stored is read back as superuser.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class StorefrontReviewTests(AppAndBrowser fixture) : IAsyncLifetime
{
    private string _slug = "";
    private Guid _store;
    private Guid _product;
    private Guid _other;

    private IServiceProvider Services => fixture.App.AppServices;
    private string Products => fixture.App.Inspect(fixture.App.ProductsDatabase);

    public async Task InitializeAsync()
    {
        _slug = "reviews-" + Guid.NewGuid().ToString("N")[..8];
        _store = await TestData.CreateStoreAsync(Services, _slug);
        var ids = await TestCatalog.AddAsync(Services, _store, new TestProduct("Linen Shirt"), new TestProduct("Wool Scarf"));
        (_product, _other) = (ids["Linen Shirt"], ids["Wool Scarf"]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<StorefrontScope> As(Guid? user, string name = "Sam Rivera") => StorefrontScope.OpenAsync(Services, _slug, user, name: name);

    private async Task<Guid> BuyerAsync(OrderStatus status = OrderStatus.Paid, Guid? product = null)
    {
        var user = await TestData.CreateUserAsync(Services);
        await TestCatalog.AddOrderAsync(Services, _store, user, product ?? _product, status);
        return user;
    }

    /// <summary>A buyer's published review of the product: (the buyer, the review).</summary>
    private async Task<(Guid Author, Guid Review)> ReviewedAsync()
    {
        var author = await BuyerAsync();
        await using (var a = await As(author))
            Assert.Null(await a.Reviews.AddReviewAsync(_product, new ReviewInput { Rating = 5, Title = "Great" }, "Author"));
        return (author, await TestData.ScalarAsync<Guid>(Products, "select id from product_reviews where user_id = $1", author));
    }

    private Task<long> ReviewCountAsync(Guid? user = null) => TestData.ScalarAsync<long>(Products,
        "select count(*) from product_reviews where product_id = $1 and ($2::uuid is null or user_id = $2)", _product, (object?)user ?? DBNull.Value);

    [Fact]
    public async Task Visitor_MustSignInFirst()
    {
        await using var visitor = await As(null);
        Assert.Equal(ReviewEligibility.SignInFirst, await visitor.Reviews.EligibilityAsync(_product));
        Assert.NotNull(await visitor.Reviews.AddReviewAsync(_product, new ReviewInput { Rating = 5 }, "Nobody"));
        Assert.Equal(0L, await ReviewCountAsync());
    }

    [Theory]
    [InlineData(OrderStatus.AwaitingPayment)]
    [InlineData(OrderStatus.Pending)]
    [InlineData(OrderStatus.Cancelled)]
    public async Task UnpaidOrder_DoesNotAllowAReview(OrderStatus status)
    {
        var user = await BuyerAsync(status);
        await using var shopper = await As(user);
        Assert.Equal(ReviewEligibility.NotPurchased, await shopper.Reviews.EligibilityAsync(_product));
        Assert.Equal("Only customers who bought this product can review it.",
            await shopper.Reviews.AddReviewAsync(_product, new ReviewInput { Rating = 5 }, "Sam R."));
        Assert.Equal(0L, await ReviewCountAsync(user));
    }

    [Fact]
    public async Task PaidOrderOfAnotherProduct_DoesNotAllowAReview()
    {
        var user = await BuyerAsync(OrderStatus.Paid, _other);
        await using var shopper = await As(user);
        Assert.Equal(ReviewEligibility.NotPurchased, await shopper.Reviews.EligibilityAsync(_product));
        Assert.Equal(ReviewEligibility.Allowed, await shopper.Reviews.EligibilityAsync(_other));
    }

    [Theory]
    [InlineData(OrderStatus.Paid)]
    [InlineData(OrderStatus.Delivered)]
    public async Task PaidOrder_AllowsExactlyOneReview(OrderStatus status)
    {
        var user = await BuyerAsync(status);
        await using var shopper = await As(user);
        Assert.Equal(ReviewEligibility.Allowed, await shopper.Reviews.EligibilityAsync(_product));

        Assert.Null(await shopper.Reviews.AddReviewAsync(_product, new ReviewInput { Rating = 4, Title = " Soft ", Body = "Lovely fabric." }, "Sam R."));
        Assert.Equal(ReviewEligibility.AlreadyReviewed, await shopper.Reviews.EligibilityAsync(_product));
        Assert.Equal("You have already reviewed this product.",
            await shopper.Reviews.AddReviewAsync(_product, new ReviewInput { Rating = 1 }, "Sam R."));

        Assert.Equal(1L, await ReviewCountAsync(user));
        Assert.Equal("Soft|Lovely fabric.|4|published", await TestData.ScalarAsync<string>(Products,
            "select title || '|' || body || '|' || rating || '|' || status from product_reviews where user_id = $1", user));
        var summary = await shopper.Reviews.ReviewsAsync(_product);
        Assert.Equal("Soft", summary.Own!.Title);
    }

    [Fact]
    public async Task SomeoneElsesPaidOrder_DoesNotAllowMe()
    {
        await BuyerAsync();
        await using var shopper = await As(await TestData.CreateUserAsync(Services));
        Assert.Equal(ReviewEligibility.NotPurchased, await shopper.Reviews.EligibilityAsync(_product));
    }

    [Fact]
    public async Task Reviews_RecomputeTheProductsAverageAndCount()
    {
        foreach (var rating in new[] { 5, 2, 4 })
        {
            await using var shopper = await As(await BuyerAsync());
            Assert.Null(await shopper.Reviews.AddReviewAsync(_product, new ReviewInput { Rating = rating }, "Buyer"));
        }
        Assert.Equal("3.67|3", await TestData.ScalarAsync<string>(Products, "select rating_average || '|' || rating_count from products where id = $1", _product));

        await using var visitor = await As(null);
        var summary = await visitor.Reviews.ReviewsAsync(_product);
        Assert.Equal(3, summary.Count);
        Assert.Equal(3.7m, summary.Average);
        Assert.Equal([0, 1, 0, 1, 1], Enumerable.Range(1, 5).Select(i => summary.Distribution[i]));
        var card = (await visitor.ListAsync("")).Products.Single(p => p.Id == _product);
        Assert.Equal(3, card.RatingCount);
        Assert.Equal(3.67m, card.Rating);
    }

    [Fact]
    public async Task HelpfulVote_CountsOncePerPerson_NeverOnYourOwnReview()
    {
        var (author, review) = await ReviewedAsync();
        Task<int> Helpful() => TestData.ScalarAsync<int>(Products, "select helpful_count from product_reviews where id = $1", review);

        var voter = await TestData.CreateUserAsync(Services);
        await using (var v = await As(voter))
        {
            Assert.Null(await v.Reviews.VoteHelpfulAsync(review));
            Assert.Equal("You have already voted on this review.", await v.Reviews.VoteHelpfulAsync(review));
            Assert.True((await v.Reviews.ReviewsAsync(_product)).Latest.Single(r => r.Id == review).Voted);
        }
        Assert.Equal(1, await Helpful());

        await using (var a = await As(author))
        {
            Assert.Equal("You cannot vote on your own review.", await a.Reviews.VoteHelpfulAsync(review));
            Assert.True((await a.Reviews.ReviewsAsync(_product)).Latest.Single(r => r.Id == review).Mine);
        }
        await using (var visitor = await As(null))
            Assert.Equal("Sign in to vote.", await visitor.Reviews.VoteHelpfulAsync(review));
        Assert.Equal(1, await Helpful());

        await using (var second = await As(await TestData.CreateUserAsync(Services)))
            Assert.Null(await second.Reviews.VoteHelpfulAsync(review));
        Assert.Equal(2, await Helpful());
        Assert.Equal(2L, await TestData.ScalarAsync<long>(Products, "select count(*) from review_votes where review_id = $1", review));
    }

    [Fact]
    public async Task HelpfulVote_PostedFromTheProductPage_ComesBackToTheReviewsWithItsNoticeInTheQuery()
    {
        var (_, review) = await ReviewedAsync();
        using var voter = new FormClient(fixture.App.BaseUrl);
        await voter.SignInAsync(DemoSeeder.Logins.Shopper, DemoSeeder.Logins.Password);

        // The form as the product page renders it (in the streamed reviews): its action and where it comes back to.
        var productPage = $"s/{_slug}/p/linen-shirt";
        var html = await voter.Http.GetStringAsync(productPage);
        var form = Regex.Match(html, $"action=\"(/s/{_slug}/reviews/{review}/helpful)\">.*?name=\"returnUrl\" value=\"([^\"]+)\"", RegexOptions.Singleline);
        Assert.True(form.Success, "the product page offers the helpful vote");
        var values = new Dictionary<string, string>
        {
            ["returnUrl"] = WebUtility.HtmlDecode(form.Groups[2].Value), ["__RequestVerificationToken"] = await voter.TokenAsync(productPage),
        };
        var response = await voter.Http.PostAsync(form.Groups[1].Value.TrimStart('/'), new FormUrlEncodedContent(values));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var back = response.Headers.Location!.OriginalString;
        Assert.Equal($"/s/{_slug}/p/linen-shirt?vote=thanks#reviews", back);
        // What the browser then asks for (the fragment stays in the browser) shows the notice.
        var landing = await new HtmlParser().ParseDocumentAsync(await voter.Http.GetStringAsync(back.Split('#')[0].TrimStart('/')));
        Assert.Equal("Thanks — your vote is counted.", landing.QuerySelector("p.notice[role=status]")?.TextContent);
        Assert.Equal(1, await TestData.ScalarAsync<int>(Products, "select helpful_count from product_reviews where id = $1", review));
    }

    [Fact]
    public async Task HelpfulVote_OnAnUnknownReview_IsRefused()
    {
        await using var shopper = await As(await TestData.CreateUserAsync(Services));
        Assert.Equal("That review is no longer available.", await shopper.Reviews.VoteHelpfulAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task RowLevelSecurity_APersonCannotWriteAReviewInSomeoneElsesName()
    {
        var me = DbPrincipal.Person(await TestData.CreateUserAsync(Services), "me@example.com", false);
        var someoneElse = Guid.NewGuid();
        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => AsRole.ExecuteAsync(fixture.App.App(fixture.App.ProductsDatabase), me, _store,
            "insert into product_reviews (store_id, id, product_id, user_id, author_name, rating, status, helpful_count, created_at, updated_at) " +
            "values ($1, gen_random_uuid(), $2, $3, 'X', 5, 'published', 0, now(), now())", _store, _product, someoneElse));
        Assert.Equal(0L, await ReviewCountAsync(someoneElse));
    }
}
