using System.Text.Json;
using System.Text.Json.Nodes;

namespace Avnera.Web.Features.Storefront.Products;

/// <summary>schema.org Product structured data for a product page (offers per variant, rating).</summary>
public static class ProductJsonLd
{
    public static string Build(ProductDetails product, StoreSettings store, string origin, string url)
    {
        var offers = new JsonArray();
        foreach (var v in product.Variants)
        {
            offers.Add(new JsonObject
            {
                ["@type"] = "Offer",
                ["sku"] = v.Sku,
                ["name"] = v.Title,
                ["price"] = v.Price.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
                ["priceCurrency"] = store.Currency,
                ["availability"] = v.InStock ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
                ["url"] = origin + url,
            });
        }
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Product",
            ["name"] = product.Name,
            ["url"] = origin + url,
            ["image"] = new JsonArray(product.Images.Select(i => (JsonNode)JsonValue.Create(i.Url.StartsWith('/') ? origin + i.Url : i.Url)!).ToArray()),
            ["offers"] = offers,
        };
        if (product.Brand is { } brand) json["brand"] = new JsonObject { ["@type"] = "Brand", ["name"] = brand };
        if (SafeMarkdown.PlainText(product.Description) is { Length: > 0 } d) json["description"] = d.Length > 500 ? d[..500] : d;
        if (product.Variants.Count > 0) json["sku"] = product.Variants[0].Sku;
        if (product.RatingCount > 0)
        {
            json["aggregateRating"] = new JsonObject
            {
                ["@type"] = "AggregateRating",
                ["ratingValue"] = product.RatingAverage.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
                ["reviewCount"] = product.RatingCount,
            };
        }
        // The default encoder escapes <, >, &, ' and non-ASCII: safe inside a <script> element.
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
