namespace GhStats.Testing.Browser;

/// <summary>One axe-core rule the page breaks, with every element that breaks it.</summary>
/// <param name="Id">The rule's id, e.g. <c>label</c> or <c>color-contrast</c>.</param>
/// <param name="Impact">axe's rating: <c>minor</c>, <c>moderate</c>, <c>serious</c> or <c>critical</c>.</param>
/// <param name="Help">What the rule asks, in one line.</param>
/// <param name="HelpUrl">Deque's page that explains the rule and its fixes.</param>
/// <param name="Elements">The elements that break the rule.</param>
public sealed record AccessibilityViolation(string Id, string? Impact, string Help, string HelpUrl, IReadOnlyList<AccessibilityViolationElement> Elements);

/// <summary>An element that breaks an axe-core rule.</summary>
/// <param name="Target">A CSS selector for it (frames and shadow roots joined with <c>" >>> "</c>).</param>
/// <param name="Html">The start of its markup.</param>
/// <param name="FailureSummary">axe's account of what to fix, e.g. the contrast ratio found and the one needed.</param>
public sealed record AccessibilityViolationElement(string Target, string Html, string FailureSummary);
