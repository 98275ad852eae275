namespace CommandCenter.Scenes;

/// <summary>Wires the wall scenes' director; the hub folder answers <see cref="IWallSceneSender"/>.</summary>
public static class ScenesSetup
{
    public static IServiceCollection AddWallScenes(this IServiceCollection services)
    {
        services.AddSingleton<WallSceneRelay>();
        services.AddSingleton<WallSceneDirector>();
        services.AddHostedService(sp => sp.GetRequiredService<WallSceneDirector>());
        return services;
    }
}
