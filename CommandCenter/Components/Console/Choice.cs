namespace CommandCenter.Components.Console;

/// <summary>One option of a filter: the value the filter matches and the Chinese label shown.</summary>
public sealed record Choice(string Value, string Label);
