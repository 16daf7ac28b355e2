using MudBlazor;

namespace Avnera.Web.Features.Admin.Layout;

/// <summary>
/// The store admin's look: a dark top bar, a light drawer and white surfaces on a pale grey page, one calm
/// blue for actions (the accent of app.css), and the platform's system font stack (no web font to fetch).
/// Text colours keep at least 4.5:1 contrast on white and on the page background.
/// </summary>
public static class AvneraTheme
{
    private static readonly string[] FontStack =
        ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#2a5bd7",
            Secondary = "#4b5563",
            Info = "#2a5bd7",
            Success = "#1e7045",
            Warning = "#a15c07",
            Error = "#b42318",
            Dark = "#1f2937",
            TextPrimary = "#1d2433",
            TextSecondary = "#525b6b",
            ActionDefault = "#525b6b",
            Background = "#f4f5f7",
            Surface = "#ffffff",
            AppbarBackground = "#1f2937",
            AppbarText = "#ffffff",
            DrawerBackground = "#ebedf0",
            DrawerText = "#1d2433",
            DrawerIcon = "#4b5563",
            LinesDefault = "#e3e6ec",
            TableLines = "#e3e6ec",
            TableHover = "#f6f7f9",
            Divider = "#e3e6ec",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontStack, FontSize = "0.875rem", LineHeight = "1.45" },
            H1 = new H1Typography { FontFamily = FontStack },
            H5 = new H5Typography { FontFamily = FontStack, FontSize = "1.5rem", FontWeight = "650", LineHeight = "1.3" },
            H6 = new H6Typography { FontFamily = FontStack, FontSize = "1.05rem", FontWeight = "600" },
            Button = new ButtonTypography { FontFamily = FontStack, TextTransform = "none", FontWeight = "600" },
            Body1 = new Body1Typography { FontFamily = FontStack },
            Body2 = new Body2Typography { FontFamily = FontStack },
            Subtitle1 = new Subtitle1Typography { FontFamily = FontStack },
            Subtitle2 = new Subtitle2Typography { FontFamily = FontStack },
            Caption = new CaptionTypography { FontFamily = FontStack },
            Overline = new OverlineTypography { FontFamily = FontStack },
        },
        LayoutProperties = new LayoutProperties
        {
            DefaultBorderRadius = "8px",
            DrawerWidthLeft = "232px",
            AppbarHeight = "56px",
        },
    };
}
