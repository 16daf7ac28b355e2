using System.Globalization;
using System.Text.RegularExpressions;

namespace Avnera.Web.Features.Demo;

/// <summary>
/// Product pictures for the demo stores, drawn as SVG from the URL alone: /media/demo/{shape}/{rrggbb}.svg.
/// Nothing is stored; the same URL always gives the same picture, cached for a year.
/// </summary>
public static partial class DemoMedia
{
    public static string Url(string shape, string hexColour) => $"/media/demo/{shape}/{hexColour.TrimStart('#').ToLowerInvariant()}.svg";

    [GeneratedRegex(@"^[0-9a-f]{6}\z")] // \z, not $: "$" also matches before a trailing newline
    private static partial Regex Hex();

    private static readonly Dictionary<string, string> Shapes = new()
    {
        ["dress"] = "M160 70 L240 70 L250 120 L225 150 L290 330 L110 330 L175 150 L150 120 Z",
        ["top"] = "M130 90 L175 75 Q200 95 225 75 L270 90 L300 140 L265 155 L260 320 L140 320 L135 155 L100 140 Z",
        ["knit"] = "M125 95 L175 78 Q200 100 225 78 L275 95 L310 250 L275 258 L262 170 L262 320 L138 320 L138 170 L125 258 L90 250 Z",
        ["trousers"] = "M140 70 L260 70 L275 330 L220 330 L200 150 L180 330 L125 330 Z",
        ["jacket"] = "M125 85 L180 70 L200 130 L220 70 L275 85 L305 260 L272 265 L265 170 L265 325 L135 325 L135 170 L128 265 L95 260 Z",
        ["bag"] = "M120 160 L280 160 L295 320 L105 320 Z M160 160 Q160 95 200 95 Q240 95 240 160 L226 160 Q226 110 200 110 Q174 110 174 160 Z",
        ["scarf"] = "M150 70 L250 70 L250 110 L228 110 L228 330 L190 330 L190 110 L172 110 L172 260 L150 260 Z",
        ["belt"] = "M70 180 L330 180 L330 220 L70 220 Z M180 168 L230 168 L230 232 L180 232 Z",
        ["mug"] = "M120 120 L250 120 L245 310 L125 310 Z M250 160 Q310 160 305 215 Q300 265 247 262 L248 240 Q282 240 283 213 Q284 183 250 184 Z",
        ["plate"] = "M200 80 A120 120 0 1 1 199.9 80 Z M200 125 A75 75 0 1 0 200.1 125 Z",
        ["pan"] = "M80 190 A90 55 0 1 0 260 190 A90 55 0 1 0 80 190 Z M255 182 L345 170 L348 188 L258 200 Z",
        ["lamp"] = "M145 80 L255 80 L290 190 L110 190 Z M192 190 L208 190 L208 300 L192 300 Z M140 300 L260 300 L260 320 L140 320 Z",
        ["cushion"] = "M95 110 Q200 80 305 110 Q330 200 305 290 Q200 320 95 290 Q70 200 95 110 Z",
        ["throw"] = "M90 90 L310 90 L310 310 L90 310 Z M90 130 L310 130 M90 270 L310 270",
        ["bedding"] = "M70 170 L330 170 L330 300 L70 300 Z M90 120 L190 120 L190 170 L90 170 Z M210 120 L310 120 L310 170 L210 170 Z",
        ["towel"] = "M120 80 L280 80 L280 330 L120 330 Z M120 290 L280 290",
        ["plant"] = "M150 240 L250 240 L235 330 L165 330 Z M200 240 Q150 170 170 100 Q200 160 200 240 Z M200 240 Q260 180 250 110 Q215 170 200 240 Z",
        ["vase"] = "M170 80 L230 80 L225 120 Q290 170 255 330 L145 330 Q110 170 175 120 Z",
        ["utensil"] = "M150 70 L165 70 L165 330 L150 330 Z M235 70 Q260 120 245 180 L245 330 L230 330 L230 180 Q215 120 235 70 Z",
        ["candle"] = "M160 150 L240 150 L240 330 L160 330 Z M200 90 Q220 120 200 140 Q180 120 200 90 Z",
    };

    public static IReadOnlyCollection<string> ShapeNames => Shapes.Keys;

    public static string? Render(string shape, string hex)
    {
        if (!Shapes.TryGetValue(shape, out var path) || !Hex().IsMatch(hex)) return null;
        var (r, g, b) = (Convert.ToInt32(hex[..2], 16), Convert.ToInt32(hex[2..4], 16), Convert.ToInt32(hex[4..], 16));
        // A pale tint of the product colour behind it, so light and dark products both read well.
        string Tint(int c) => ((int)(c + (255 - c) * 0.85)).ToString("x2", CultureInfo.InvariantCulture);
        var background = Tint(r) + Tint(g) + Tint(b);
        var stroke = (0.299 * r + 0.587 * g + 0.114 * b) > 200 ? "#9aa3b2" : "none";
        return $"""
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="400" height="400">
              <rect width="400" height="400" fill="#{background}"/>
              <ellipse cx="200" cy="345" rx="130" ry="14" fill="#000" opacity="0.07"/>
              <path d="{path}" fill="#{hex}" fill-rule="evenodd" stroke="{stroke}" stroke-width="3"/>
            </svg>
            """;
    }

    public static void MapDemoMedia(this IEndpointRouteBuilder app) =>
        app.MapGet("/media/demo/{shape}/{colour}.svg", (string shape, string colour, HttpContext http) =>
        {
            var svg = Render(shape, colour.ToLowerInvariant());
            if (svg is null) return Results.NotFound();
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Text(svg, "image/svg+xml");
        });
}
