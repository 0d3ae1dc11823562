namespace Iop.Functions.Printing;

/// <summary>
/// One part of a section of the printed case file. The blocks say what is printed, in the current language; the page
/// and the PDF each lay out every kind, so the two always show the same.
/// </summary>
internal abstract record PrintedBlock;

/// <summary>A heading within a section: one meeting, one request, one document.</summary>
internal sealed record Subheading(string Text) : PrintedBlock;

/// <summary>Running text; the line breaks people typed are kept.</summary>
internal sealed record TextBlock(string Text) : PrintedBlock;

/// <summary>Labelled values, one under the other.</summary>
internal sealed record FactList(IReadOnlyList<Fact> Facts) : PrintedBlock;

/// <summary>One labelled value.</summary>
/// <param name="Label">What the value is.</param>
/// <param name="Value">The value; line breaks are kept.</param>
/// <param name="Code">Whether the value is a code (a checksum), printed in a fixed-width font.</param>
internal sealed record Fact(string Label, string Value, bool Code = false);

/// <summary>A table; every row has one cell per column.</summary>
internal sealed record TableBlock(IReadOnlyList<Column> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : PrintedBlock;

/// <summary>A table's column.</summary>
/// <param name="Header">Its heading.</param>
/// <param name="Width">Its share of the table's width, relative to the other columns.</param>
internal sealed record Column(string Header, double Width);

/// <summary>The case's events, oldest first.</summary>
internal sealed record TimelineBlock(IReadOnlyList<TimelineEntry> Entries) : PrintedBlock;

/// <summary>One event as the timeline reads it: when, who, what.</summary>
internal sealed record TimelineEntry(string When, string Who, string What);
