using MudBlazor;

namespace CommandCenter.Components.Layout;

/// <summary>The command hall's dark theme: deep blue ground, cyan accents, CJK fonts first.</summary>
public static class CommandCenterTheme
{
    public static MudTheme Dark { get; } = new()
    {
        PaletteDark = new PaletteDark
        {
            Primary = "#3fa9ff",
            Secondary = "#7fd3ff",
            Background = "#050d18",
            Surface = "#0c1d33",
            AppbarBackground = "#0a2850",
            TextPrimary = "#e8f4ff",
            TextSecondary = "#a9bfd6",
            Success = "#5fd4a0",
            Warning = "#ffc53d",
            Error = "#ff4d4f",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "sans-serif"],
            },
        },
    };
}
