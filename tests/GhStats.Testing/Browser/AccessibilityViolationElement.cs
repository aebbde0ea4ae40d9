namespace GhStats.Testing.Browser;

/// <summary>An element that breaks an axe-core rule.</summary>
/// <param name="Target">A CSS selector for it (frames and shadow roots joined with <c>" >>> "</c>).</param>
/// <param name="Html">The start of its markup.</param>
/// <param name="FailureSummary">axe's account of what to fix, e.g. the contrast ratio found and the one needed.</param>
public sealed record AccessibilityViolationElement(string Target, string Html, string FailureSummary);
