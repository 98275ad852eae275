using CommandCenter.Configuration;
using CommandCenter.Officers;
using CommandCenter.Scenes;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Components.Console.Emergency;

/// <summary>
/// For a supervisor or a leader: which daily scene the walls show (全区 or 苏河秀带), pushed to
/// every wall at once. During an emergency the walls hold the emergency scene and the buttons rest.
/// </summary>
public sealed partial class WallSceneControl : IDisposable
{
    [Inject]
    private IEmergencyCommands Commands { get; set; } = default!;

    [Inject]
    private WallSceneDirector Scenes { get; set; } = default!;

    private string Current { get; set; } = string.Empty;

    private bool Holding => Current == WallScene.Emergency.Slug();

    private bool Busy { get; set; }

    private string? Refusal { get; set; }

    protected override void OnInitialized()
    {
        Current = Scenes.Current.Scene;
        Scenes.Changed += OnScene;
    }

    private void OnScene(WallSceneMessage scene) => InvokeAsync(() =>
    {
        Current = scene.Scene;
        StateHasChanged();
    });

    private async Task PushAsync(WallScene scene)
    {
        Busy = true;
        Refusal = null;
        try
        {
            var outcome = await Commands.PushSceneAsync(scene);
            Refusal = outcome.Accepted ? null : RefusalText.Of(outcome, ConsoleText.ActionRefused);
        }
        finally
        {
            Busy = false;
        }
    }

    public void Dispose() => Scenes.Changed -= OnScene;
}
