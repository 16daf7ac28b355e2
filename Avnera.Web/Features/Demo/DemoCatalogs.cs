namespace Avnera.Web.Features.Demo;

/// <summary>A leaf category of a demo store: what it sells, how it is drawn, its price range.</summary>
public sealed record DemoLeaf(string Name, string FrenchName, string Shape, string[] Nouns, decimal MinPrice, decimal MaxPrice);

public sealed record DemoBranch(string Name, string FrenchName, DemoLeaf[] Leaves);

public sealed record DemoColour(string Name, string FrenchName, string Hex);

/// <summary>The two demo stores: word lists the generator combines into ~200 products each.</summary>
public sealed record DemoStoreSpec(
    string Slug, string Name, string Email, string Currency, string Culture, string[] Languages, string SkuPrefix,
    string[] Brands, string[] Adjectives, string[] Materials, DemoColour[] Colours, string[] Sizes,
    string OptionAttribute, DemoBranch[] Tree, string Tagline, int ProductCount)
{
    /// <summary>French words for the generator's English ones (adjectives, materials, nouns, colours), when the store speaks French.</summary>
    public IReadOnlyDictionary<string, string> French { get; init; } = new Dictionary<string, string>();

    public static readonly DemoColour[] FashionColours =
    [
        new("Black", "Noir", "#1f1f24"), new("Ivory", "Ivoire", "#efe8d8"), new("Navy", "Marine", "#1f3366"),
        new("Terracotta", "Terre cuite", "#c0623f"), new("Sage", "Sauge", "#8fa58a"), new("Burgundy", "Bordeaux", "#7a1f33"),
        new("Camel", "Camel", "#c19a6b"), new("Sky", "Ciel", "#8ec1e6"), new("Charcoal", "Anthracite", "#3c4048"),
        new("Rose", "Rose", "#e3a5b4"),
    ];

    public static readonly DemoStoreSpec Fashion = new(
        Slug: "maison-lumiere", Name: "Maison Lumière", Email: "hello@maison-lumiere.example", Currency: "EUR", Culture: "fr-FR",
        Languages: ["en", "fr"], SkuPrefix: "ML",
        Brands: ["Lumière", "Atelier Nord", "Rive Gauche", "Studio Sept"],
        Adjectives: ["Classic", "Relaxed", "Tailored", "Everyday", "Soft", "Cropped", "Oversized", "Slim", "Pleated", "Wrap"],
        Materials: ["Linen", "Cotton", "Wool", "Silk", "Cashmere", "Denim", "Viscose", "Merino"],
        Colours: FashionColours, Sizes: ["XS", "S", "M", "L", "XL"], OptionAttribute: "size",
        Tree:
        [
            new("Women", "Femme",
            [
                new("Dresses", "Robes", "dress", ["Dress", "Midi Dress", "Shirt Dress", "Slip Dress"], 59, 189),
                new("Tops", "Hauts", "top", ["Blouse", "T-Shirt", "Tank", "Shirt"], 25, 95),
                new("Knitwear", "Mailles", "knit", ["Sweater", "Cardigan", "Turtleneck"], 69, 229),
                new("Trousers", "Pantalons", "trousers", ["Trousers", "Wide-Leg Pants", "Culottes"], 49, 149),
            ]),
            new("Men", "Homme",
            [
                new("Shirts", "Chemises", "top", ["Oxford Shirt", "Overshirt", "Polo"], 39, 119),
                new("Jackets", "Vestes", "jacket", ["Jacket", "Blazer", "Field Jacket", "Coat"], 99, 349),
                new("Knitwear", "Mailles homme", "knit", ["Crewneck", "Quarter-Zip", "Cardigan"], 69, 219),
                new("Trousers", "Pantalons homme", "trousers", ["Chinos", "Trousers", "Jeans"], 49, 139),
            ]),
            new("Accessories", "Accessoires",
            [
                new("Bags", "Sacs", "bag", ["Tote", "Crossbody Bag", "Weekender"], 45, 259),
                new("Scarves", "Écharpes", "scarf", ["Scarf", "Stole", "Bandana"], 29, 129),
                new("Belts", "Ceintures", "belt", ["Belt", "Braided Belt"], 25, 89),
            ]),
        ],
        Tagline: "Considered clothing, made to last.", ProductCount: 200)
    {
        French = new Dictionary<string, string>
        {
            ["Classic"] = "classique", ["Relaxed"] = "décontracté", ["Tailored"] = "ajusté", ["Everyday"] = "du quotidien",
            ["Soft"] = "doux", ["Cropped"] = "court", ["Oversized"] = "oversize", ["Slim"] = "slim", ["Pleated"] = "plissé",
            ["Wrap"] = "portefeuille",
            ["Linen"] = "lin", ["Cotton"] = "coton", ["Wool"] = "laine", ["Silk"] = "soie", ["Cashmere"] = "cachemire",
            ["Denim"] = "denim", ["Viscose"] = "viscose", ["Merino"] = "mérinos",
            ["Dress"] = "Robe", ["Midi Dress"] = "Robe midi", ["Shirt Dress"] = "Robe chemise", ["Slip Dress"] = "Robe nuisette",
            ["Blouse"] = "Blouse", ["T-Shirt"] = "T-shirt", ["Tank"] = "Débardeur", ["Shirt"] = "Chemise",
            ["Sweater"] = "Pull", ["Cardigan"] = "Cardigan", ["Turtleneck"] = "Col roulé", ["Trousers"] = "Pantalon",
            ["Wide-Leg Pants"] = "Pantalon large", ["Culottes"] = "Jupe-culotte", ["Oxford Shirt"] = "Chemise oxford",
            ["Overshirt"] = "Surchemise", ["Polo"] = "Polo", ["Jacket"] = "Veste", ["Blazer"] = "Blazer",
            ["Field Jacket"] = "Veste saharienne", ["Coat"] = "Manteau", ["Crewneck"] = "Pull col rond",
            ["Quarter-Zip"] = "Pull camionneur", ["Chinos"] = "Chino", ["Jeans"] = "Jean", ["Tote"] = "Cabas",
            ["Crossbody Bag"] = "Sac bandoulière", ["Weekender"] = "Sac week-end", ["Scarf"] = "Écharpe", ["Stole"] = "Étole",
            ["Bandana"] = "Bandana", ["Belt"] = "Ceinture", ["Braided Belt"] = "Ceinture tressée",
        },
    };

    public static readonly DemoStoreSpec Home = new(
        Slug: "oak-and-ember", Name: "Oak & Ember Home", Email: "care@oak-and-ember.example", Currency: "USD", Culture: "en-US",
        Languages: ["en"], SkuPrefix: "OE",
        Brands: ["Oak & Ember", "Hearthline", "Fieldhouse", "Kiln & Co."],
        Adjectives: ["Rustic", "Modern", "Handmade", "Nordic", "Classic", "Stoneware", "Minimal", "Heritage", "Coastal", "Artisan"],
        Materials: ["Oak", "Ceramic", "Linen", "Cast Iron", "Stoneware", "Cotton", "Walnut", "Glass", "Brass", "Wool"],
        Colours:
        [
            new("Natural", "Naturel", "#d9c7a7"), new("Charcoal", "Anthracite", "#3a3d42"), new("Clay", "Argile", "#b5654a"),
            new("Moss", "Mousse", "#6b7f4b"), new("Ocean", "Océan", "#2f6f8f"), new("Chalk", "Craie", "#f2efe8"),
            new("Mustard", "Moutarde", "#d4a017"), new("Plum", "Prune", "#6b3a5b"),
        ],
        Sizes: ["Small", "Medium", "Large"], OptionAttribute: "size",
        Tree:
        [
            new("Kitchen", "Cuisine",
            [
                new("Cookware", "Batterie de cuisine", "pan", ["Skillet", "Saucepan", "Dutch Oven", "Sauté Pan"], 29, 249),
                new("Tableware", "Arts de la table", "plate", ["Dinner Plate Set", "Serving Bowl", "Side Plates", "Platter"], 19, 129),
                new("Mugs & Cups", "Tasses", "mug", ["Mug", "Espresso Cup Set", "Tea Cup"], 12, 59),
                new("Utensils", "Ustensiles", "utensil", ["Spatula", "Serving Spoons", "Salad Servers"], 9, 49),
            ]),
            new("Living", "Salon",
            [
                new("Cushions", "Coussins", "cushion", ["Cushion", "Floor Cushion", "Lumbar Pillow"], 25, 89),
                new("Throws", "Plaids", "throw", ["Throw", "Blanket"], 45, 189),
                new("Lighting", "Luminaires", "lamp", ["Table Lamp", "Floor Lamp", "Pendant"], 49, 299),
                new("Vases", "Vases", "vase", ["Vase", "Bud Vase", "Vessel"], 19, 119),
                new("Candles", "Bougies", "candle", ["Candle", "Pillar Candle", "Taper Set"], 12, 48),
            ]),
            new("Bed & Bath", "Chambre & bain",
            [
                new("Bedding", "Linge de lit", "bedding", ["Duvet Cover", "Sheet Set", "Pillowcases"], 39, 219),
                new("Towels", "Serviettes", "towel", ["Bath Towel", "Hand Towel Set", "Bath Sheet"], 15, 79),
            ]),
            new("Garden", "Jardin",
            [
                new("Planters", "Jardinières", "plant", ["Planter", "Herb Pot Set", "Hanging Planter"], 15, 129),
            ]),
        ],
        Tagline: "Good things for a well-lived home.", ProductCount: 200);
}
