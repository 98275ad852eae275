namespace CommandCenter.Components.Console;

/// <summary>One option of a filter: the value the filter matches and the label shown in the page's language.</summary>
public sealed record Choice(string Value, string Label);
