using Microsoft.Extensions.Localization;

// The notifications' strings live in Resources/, named after each class below GhStats.Notifications, whatever
// ResourcesPath the host sets for its own strings.
[assembly: ResourceLocation("Resources")]
[assembly: RootNamespace("GhStats.Notifications")]
