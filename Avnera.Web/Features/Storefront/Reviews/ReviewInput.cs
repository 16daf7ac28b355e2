using System.ComponentModel.DataAnnotations;

namespace Avnera.Web.Features.Storefront.Reviews;

/// <summary>What the review form posts; validated on the server.</summary>
public sealed class ReviewInput
{
    [Range(1, 5, ErrorMessage = "Choose a rating from 1 to 5 stars.")]
    public int Rating { get; set; }
    [StringLength(120, ErrorMessage = "Keep the title under 120 characters.")]
    public string? Title { get; set; }
    [StringLength(4000, ErrorMessage = "Keep the review under 4,000 characters.")]
    public string? Body { get; set; }
}
