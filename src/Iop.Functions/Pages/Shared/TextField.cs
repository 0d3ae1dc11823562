namespace Iop.Functions.Pages.Shared;

/// <summary>One labelled input with its hint and error, rendered by _TextField so every field is accessible the same way.</summary>
public sealed record TextField(
    string Id,
    string Name,
    string Label,
    string? Value,
    string? Error,
    string? Hint = null,
    string Type = "text",
    bool Multiline = false,
    string? Autocomplete = null,
    string? InputMode = null);
