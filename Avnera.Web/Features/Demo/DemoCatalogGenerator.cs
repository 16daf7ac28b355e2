using System.Text;
using System.Text.Json;
using Avnera.Data.Products;
using Microsoft.EntityFrameworkCore;

namespace Avnera.Web.Features.Demo;

/// <summary>
/// Generates one demo store's catalog from its <see cref="DemoStoreSpec"/> with a seeded random generator,
/// so every run produces the same products, prices and stock.
/// </summary>
internal sealed class DemoCatalogGenerator(DemoStoreSpec spec, ProductsDbContext db, Guid shopperId, DateTimeOffset now)
{
    private readonly Random _random = new(spec.Slug.Aggregate(17, (h, c) => h * 31 + c));
    private readonly DateTimeOffset _now = now;

    private static readonly (string Name, string Email)[] Reviewers =
    [
        ("Sam R.", DemoSeeder.Logins.Shopper), ("Priya K.", "priya@example.com"), ("Jonas W.", "jonas@example.com"),
        ("Aiko T.", "aiko@example.com"), ("Lucía M.", "lucia@example.com"), ("Tom B.", "tom@example.com"),
        ("Fatima Z.", "fatima@example.com"), ("Oliver P.", "oliver@example.com"), ("Chloé D.", "chloe@example.com"),
    ];

    private static readonly string[] ReviewTitles = ["Love it", "Great quality", "Exactly as pictured", "Good value", "Runs a little small", "Beautiful colour", "Would buy again"];
    private static readonly string[] ReviewBodies =
    [
        "Well made and the colour is lovely in person.", "Fits nicely and feels sturdy. Shipping was quick.",
        "A little different from the photo but I still like it.", "Second one I have bought — no complaints.",
        "Good for the price. Washed well.",
    ];

    public async Task<int> GenerateAsync(CancellationToken ct)
    {
        var attributes = CreateAttributes();
        var leaves = CreateCategories();
        var products = new List<Product>();
        var names = new HashSet<string>();
        var perLeaf = spec.ProductCount / leaves.Count;
        var extra = spec.ProductCount % leaves.Count;
        var index = 0;
        foreach (var (leaf, category, position) in leaves.Select((l, i) => (l.Leaf, l.Category, i)))
        {
            for (var n = 0; n < perLeaf + (position < extra ? 1 : 0); n++)
                products.Add(CreateProduct(leaf, category, ++index, names, attributes));
        }
        db.Products.AddRange(products);
        AddCollectionsAndHomePage(products);
        await db.SaveChangesAsync(ct);
        await ProductSearchIndex.RefreshAsync(db, ct: ct);
        return products.Count;
    }

    private Dictionary<string, ProductAttribute> CreateAttributes()
    {
        var list = new[]
        {
            new ProductAttribute { Code = "colour", Name = "Colour", IsFilterable = true, IsVariantOption = true, Position = 1 },
            new ProductAttribute { Code = "size", Name = "Size", IsFilterable = true, IsVariantOption = true, Position = 2 },
            new ProductAttribute { Code = "material", Name = "Material", IsFilterable = true, Position = 3 },
        };
        db.ProductAttributes.AddRange(list);
        return list.ToDictionary(a => a.Code);
    }

    private List<(DemoLeaf Leaf, Category Category)> CreateCategories()
    {
        var leaves = new List<(DemoLeaf, Category)>();
        var used = new HashSet<string>();
        foreach (var (branch, i) in spec.Tree.Select((b, i) => (b, i)))
        {
            var parent = NewCategory(branch.Name, branch.FrenchName, null, i, used);
            foreach (var (leaf, j) in branch.Leaves.Select((l, j) => (l, j)))
                leaves.Add((leaf, NewCategory(leaf.Name, leaf.FrenchName, parent, j, used)));
        }
        return leaves;
    }

    private Category NewCategory(string name, string french, Category? parent, int position, HashSet<string> used)
    {
        var slug = Slugify(name);
        if (!used.Add(slug)) used.Add(slug = Slugify((parent?.Name ?? "") + " " + name));
        var category = new Category
        {
            Slug = slug, Name = name, Parent = parent, Position = position,
            Description = $"{name} from {spec.Name}.",
        };
        if (spec.Languages.Contains("fr"))
            category.Translations.Add(new CategoryTranslation { Language = "fr", Name = french });
        db.Categories.Add(category);
        return category;
    }

    private Product CreateProduct(DemoLeaf leaf, Category category, int index, HashSet<string> names, Dictionary<string, ProductAttribute> attributes)
    {
        string name, material, adjective, noun;
        var tries = 0;
        do
        {
            material = Pick(spec.Materials);
            adjective = Pick(spec.Adjectives);
            noun = Pick(leaf.Nouns);
            name = $"{adjective} {material} {noun}";
        } while (!names.Add(name) && ++tries < 20);
        var suffix = "";
        if (tries >= 20) names.Add(name = $"{name}{suffix = $" No. {index}"}");

        var price = Math.Round(leaf.MinPrice + (decimal)_random.NextDouble() * (leaf.MaxPrice - leaf.MinPrice)) - 0.10m;
        var published = _random.NextDouble() > 0.04;
        // Drawn in this order so that every run (and every version of this code) makes the same catalog.
        var brand = Pick(spec.Brands);
        decimal? compareAt = _random.NextDouble() < 0.15 ? Math.Round(price * 1.25m) - 0.10m : null;
        var description = Describe(name, material, leaf);
        var product = new Product(_now.AddDays(-_random.Next(5, 200)))
        {
            Slug = Slugify(name), Name = name, Brand = brand, Category = category, Price = price,
            CompareAtPrice = compareAt, Description = description,
        };
        if (spec.Languages.Contains("fr") && spec.French.TryGetValue(noun, out var nounFr)
            && spec.French.TryGetValue(adjective, out var adjectiveFr) && spec.French.TryGetValue(material, out var materialFr))
        {
            var french = $"{nounFr} {adjectiveFr} en {materialFr}{suffix}";
            product.Translations.Add(new ProductTranslation
            {
                Language = "fr", Name = french,
                Description = $"**{french}**, en {materialFr} fini à la main.\n\n- Conçu pour durer\n- Facile d'entretien",
            });
        }
        if (published) product.Publish(_now.AddDays(-_random.Next(0, 120)).AddMinutes(-index));

        product.Attributes.Add(new ProductAttributeValue { Attribute = attributes["material"], Value = material });
        var colours = spec.Colours.OrderBy(_ => _random.Next()).Take(_random.Next(1, 4)).ToList();
        // Sizes: a run of consecutive sizes (most products skip the extremes), so size filters narrow a listing.
        string?[] sizes = leaf.Shape is "bag" or "scarf" or "plate" or "utensil" or "candle" ? new string?[] { null } : SizeRun(spec.Sizes);
        var position = 0;
        foreach (var colour in colours)
        {
            product.Images.Add(new ProductImage
            {
                Url = DemoMedia.Url(leaf.Shape, colour.Hex), AltText = $"{name} in {colour.Name.ToLowerInvariant()}",
                Position = product.Images.Count, Width = 400, Height = 400,
            });
            foreach (var size in sizes)
            {
                var variant = new ProductVariant(product.CreatedAt)
                {
                    Sku = $"{spec.SkuPrefix}-{index:D4}-{Code(colour.Name)}{(size is null ? "" : "-" + Code(size))}",
                    Title = size is null ? colour.Name : $"{colour.Name} / {size}", Position = position++,
                };
                var stock = _random.NextDouble() < 0.1 ? 0 : _random.Next(1, 36);
                if (stock > 0) db.InventoryMovements.Add(variant.Receive(stock, "Opening stock", product.CreatedAt));
                product.Variants.Add(variant);
                product.Attributes.Add(new ProductAttributeValue { Attribute = attributes["colour"], Variant = variant, Value = colour.Name });
                if (size is not null)
                    product.Attributes.Add(new ProductAttributeValue { Attribute = attributes["size"], Variant = variant, Value = size });
            }
        }
        if (published && _random.NextDouble() < 0.35) AddReviews(product);
        return product;
    }

    private void AddReviews(Product product)
    {
        var reviewers = Reviewers.Skip(1).OrderBy(_ => _random.Next()).Take(_random.Next(1, 5)).ToList();
        foreach (var (author, email) in reviewers)
        {
            var rating = (short)Math.Clamp(5 - (int)Math.Floor(Math.Pow(_random.NextDouble(), 2.5) * 4), 1, 5);
            var (title, body, helpful) = (Pick(ReviewTitles), Pick(ReviewBodies), _random.Next(0, 12));
            var written = _now.AddDays(-_random.Next(1, 90));
            var review = new ProductReview(written)
            {
                Product = product, UserId = email == DemoSeeder.Logins.Shopper ? shopperId : DemoSeeder.UserId(email),
                AuthorName = author, Rating = rating, Title = title, Body = body, HelpfulCount = helpful,
            };
            review.Publish(written);
            db.ProductReviews.Add(review);
            product.RatingCount++;
            product.RatingAverage += rating;
        }
        product.RatingAverage = Math.Round(product.RatingAverage / product.RatingCount, 2);
    }

    private void AddCollectionsAndHomePage(List<Product> products)
    {
        var live = products.Where(p => p.Status == PublishStatus.Published).ToList();
        var newArrivals = new Collection { Slug = "new-arrivals", Name = "New arrivals", Position = 0, Description = "Just landed." };
        var bestSellers = new Collection { Slug = "best-sellers", Name = "Best sellers", Position = 1, Description = "Our customers' favourites." };
        foreach (var (p, i) in live.OrderByDescending(p => p.PublishedAt).Take(12).Select((p, i) => (p, i)))
            newArrivals.Products.Add(new CollectionProduct { Product = p, Position = i });
        foreach (var (p, i) in live.OrderByDescending(p => p.RatingAverage).ThenByDescending(p => p.RatingCount).Take(12).Select((p, i) => (p, i)))
            bestSellers.Products.Add(new CollectionProduct { Product = p, Position = i });
        db.Collections.AddRange(newArrivals, bestSellers);

        var home = new CmsPage(_now)
        {
            Slug = "home", Language = spec.Languages[0], Title = spec.Name,
            MetaTitle = $"{spec.Name} — {spec.Tagline}", MetaDescription = spec.Tagline,
        };
        home.Publish(_now);
        home.Blocks.Add(Block(CmsBlockKind.Hero, 0, new { heading = spec.Name, subheading = spec.Tagline, cta = new { label = "Shop new arrivals", collection = "new-arrivals" } }));
        home.Blocks.Add(Block(CmsBlockKind.FeaturedCollection, 1, new { collection = "new-arrivals", title = "New arrivals", limit = 8 }));
        home.Blocks.Add(Block(CmsBlockKind.Text, 2, new { markdown = $"## About {spec.Name}\n\n{spec.Tagline} Free returns within 30 days." }));
        db.CmsPages.Add(home);
    }

    private static CmsBlock Block(CmsBlockKind kind, int position, object content) =>
        new() { Kind = kind, Position = position, Content = JsonSerializer.Serialize(content) };

    private string Describe(string name, string material, DemoLeaf leaf) =>
        $"""
        The **{name}** is made from {material.ToLowerInvariant()} and finished by hand.

        - {Pick(["Designed to last for years", "Easy to care for", "Responsibly sourced", "Made in small batches"])}
        - {Pick(["Pairs with everything in the range", "A customer favourite", "New this season", "Limited run"])}

        Part of our {leaf.Name.ToLowerInvariant()} collection.
        """;

    private string?[] SizeRun(string[] all)
    {
        var count = Math.Min(all.Length, _random.Next(2, all.Length + 1));
        var start = _random.Next(0, all.Length - count + 1);
        return all.Skip(start).Take(count).ToArray<string?>();
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static string Code(string value) =>
        new string(value.ToUpperInvariant().Where(char.IsAsciiLetterOrDigit).ToArray()) is { Length: > 4 } s ? s[..4] : value.ToUpperInvariant().Replace(" ", "");

    internal static string Slugify(string value)
    {
        var normalized = value.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder();
        foreach (var c in normalized)
        {
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if ((c == ' ' || c == '-' || c == '&') && sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        return sb.ToString().Trim('-');
    }
}
