using CommandCenter.Configuration;

namespace CommandCenter.Field;

/// <summary>一线通达: the field view's upload limits, checked at start.</summary>
public static class FieldSetup
{
    public static IServiceCollection AddField(this IServiceCollection services)
    {
        services.AddOptions<FieldOptions>().BindConfiguration(FieldOptions.Section).CheckedAtStart(o => o.Problems());
        return services;
    }
}
