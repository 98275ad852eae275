using Bunit;
using CommandCenter.Components.Console;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;

namespace CommandCenter.Tests.Console;

/// <summary>The console's shortcut listener when the page leaves while it is still being set up.</summary>
public sealed class ConsoleKeyboardTests
{
    private const string KeysModule = "./assets/js/consolekeys.js";

    [Fact]
    public async Task A_page_that_leaves_while_the_shortcut_module_loads_registers_no_listener_and_throws_nothing()
    {
        await using var ctx = new BunitContext();
        var js = new ImportingRuntime();
        ctx.Services.AddSingleton<IJSRuntime>(js);
        var keyboard = ctx.Render<ConsoleKeyboard>();

        await ctx.DisposeComponentsAsync();
        var module = new RecordingModule();
        await keyboard.InvokeAsync(() => js.Import.SetResult(module));

        keyboard.WaitForAssertion(() => Assert.True(module.Disposed, "the module loaded after the page left was not released"));
        Assert.DoesNotContain("register", module.Calls);
    }

    [Fact]
    public async Task A_page_that_leaves_after_registering_unregisters_its_listener()
    {
        await using var ctx = new BunitContext();
        var js = new ImportingRuntime();
        ctx.Services.AddSingleton<IJSRuntime>(js);
        var keyboard = ctx.Render<ConsoleKeyboard>();
        var module = new RecordingModule();
        await keyboard.InvokeAsync(() => js.Import.SetResult(module));
        keyboard.WaitForAssertion(() => Assert.Contains("register", module.Calls));

        await ctx.DisposeComponentsAsync();

        Assert.Equal(["register", "unregister"], module.Calls);
        Assert.True(module.Disposed);
    }

    /// <summary>A browser whose import of the shortcut module completes when the test says so.</summary>
    private sealed class ImportingRuntime : IJSRuntime
    {
        public TaskCompletionSource<IJSObjectReference> Import { get; } = new();

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args)
        {
            Assert.Equal(("import", KeysModule), (identifier, args?[0] as string));
            return new ValueTask<TValue>((Task<TValue>)(object)Import.Task);
        }

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            InvokeAsync<TValue>(identifier, args);
    }

    private sealed class RecordingModule : IJSObjectReference
    {
        public List<string> Calls { get; } = [];

        public bool Disposed { get; private set; }

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args)
        {
            Calls.Add(identifier);
            return ValueTask.FromResult(default(TValue)!);
        }

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            InvokeAsync<TValue>(identifier, args);

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }

        public ValueTask<IJSObjectReference> InvokeConstructorAsync(string identifier, object?[]? args) => throw new NotSupportedException();

        public ValueTask<IJSObjectReference> InvokeConstructorAsync(string identifier, CancellationToken cancellationToken, object?[]? args) => throw new NotSupportedException();

        public ValueTask<TValue> GetValueAsync<TValue>(string identifier) => throw new NotSupportedException();

        public ValueTask<TValue> GetValueAsync<TValue>(string identifier, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask SetValueAsync<TValue>(string identifier, TValue value) => throw new NotSupportedException();

        public ValueTask SetValueAsync<TValue>(string identifier, TValue value, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
