namespace GhStats.Testing.Browser;

/// <summary>One axe-core rule the page breaks, with every element that breaks it.</summary>
/// <param name="Id">The rule's id, e.g. <c>label</c> or <c>color-contrast</c>.</param>
/// <param name="Impact">axe's rating: <c>minor</c>, <c>moderate</c>, <c>serious</c> or <c>critical</c>.</param>
/// <param name="Help">What the rule asks, in one line.</param>
/// <param name="HelpUrl">Deque's page that explains the rule and its fixes.</param>
/// <param name="Elements">The elements that break the rule.</param>
public sealed record AccessibilityViolation(string Id, string? Impact, string Help, string HelpUrl, IReadOnlyList<AccessibilityViolationElement> Elements);
