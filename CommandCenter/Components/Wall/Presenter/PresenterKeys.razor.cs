using Microsoft.AspNetCore.Components;

namespace CommandCenter.Components.Wall.Presenter;

/// <summary>
/// The presenter's keys: the arrows, PageUp/PageDown (what presentation clickers send), Space,
/// 0–5 and Escape, raised as <see cref="Pressed"/>.
/// </summary>
public sealed partial class PresenterKeys
{
    /// <summary>The keys the presenter view acts on.</summary>
    private static readonly string[] PresenterKeyList = ["ArrowRight", "ArrowDown", "PageDown", " ", "ArrowLeft", "ArrowUp", "PageUp", "0", "1", "2", "3", "4", "5", "Escape"];

    [Parameter]
    public EventCallback<string> Pressed { get; set; }

    private bool Ready { get; set; }

    protected override IReadOnlyList<string> Keys => PresenterKeyList;

    protected override Task OnKeyAsync(string key) => Pressed.InvokeAsync(key);

    protected override Task OnRegisteredAsync()
    {
        Ready = true;
        StateHasChanged();
        return Task.CompletedTask;
    }
}
