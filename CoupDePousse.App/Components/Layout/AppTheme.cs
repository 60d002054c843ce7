using MudBlazor;

namespace CoupDePousse.App.Components.Layout;

/// <summary>
/// MudBlazor's default palette, with the status colours and the secondary text darkened so that text in them
/// (alerts, chips, outlined buttons, the stepper) reaches WCAG AA contrast (4.5:1) on white and on their light tints;
/// the system font: no web font to download.
/// </summary>
public static class AppTheme
{
    private static readonly string[] SystemFont =
        ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "Liberation Sans", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Info = "#1565c0",
            Success = "#2e7d32",
            Warning = "#b45309",
            Error = "#c62828",
            TextSecondary = "rgba(0,0,0,0.6)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = SystemFont },
            H1 = new H1Typography { FontFamily = SystemFont },
            H2 = new H2Typography { FontFamily = SystemFont },
            H3 = new H3Typography { FontFamily = SystemFont },
            H4 = new H4Typography { FontFamily = SystemFont, FontSize = "2rem" },
            H5 = new H5Typography { FontFamily = SystemFont },
            H6 = new H6Typography { FontFamily = SystemFont },
            Subtitle1 = new Subtitle1Typography { FontFamily = SystemFont },
            Subtitle2 = new Subtitle2Typography { FontFamily = SystemFont },
            Body1 = new Body1Typography { FontFamily = SystemFont },
            Body2 = new Body2Typography { FontFamily = SystemFont },
            Button = new ButtonTypography { FontFamily = SystemFont },
            Caption = new CaptionTypography { FontFamily = SystemFont },
            Overline = new OverlineTypography { FontFamily = SystemFont },
        },
    };
}
