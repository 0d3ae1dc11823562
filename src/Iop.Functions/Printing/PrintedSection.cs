namespace Iop.Functions.Printing;

/// <summary>One part of the printed case file under its own heading.</summary>
/// <param name="Id">A stable id, for the page's anchors.</param>
/// <param name="Heading">The heading.</param>
/// <param name="Blocks">What it shows, in order.</param>
internal sealed record PrintedSection(string Id, string Heading, IReadOnlyList<PrintedBlock> Blocks);
