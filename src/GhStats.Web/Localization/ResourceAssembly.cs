using System.Resources;
using Microsoft.Extensions.Localization;

// The interface's strings are .resx files under Resources/, mirroring the classes' namespaces below GhStats.Web
// (Resources/Ui/Pages/OverviewPage.resx holds OverviewPage's). These attributes fix where they are looked up, so a host
// that sets its own LocalizationOptions.ResourcesPath for its own strings does not move GhStats'.
[assembly: ResourceLocation("Resources")]
[assembly: RootNamespace("GhStats.Web")]
[assembly: NeutralResourcesLanguage("en")]
