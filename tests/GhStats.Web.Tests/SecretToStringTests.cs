using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using GhStats.Web.Api;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests;

/// <summary>
/// A record's compiler-made ToString() prints every property, so a request, token or key that lands in a log line, an
/// exception message or a debugger tooltip would print its secret. Every type of every src package with a string
/// property whose name says it holds a secret must leave that secret out of ToString().
/// </summary>
public sealed partial class SecretToStringTests
{
    private const string Secret = "s3cr3t-value-that-must-not-print";

    /// <summary>Every src package, by one type it holds.</summary>
    private static readonly Assembly[] SrcAssemblies =
    [
        typeof(GhStats.Domain.ApiToken).Assembly, // GhStats.Abstractions
        typeof(GhStats.Storage.GhStatsDataProtectionOptions).Assembly, // GhStats.Storage
        typeof(GhStats.Sqlite.GhStatsSqliteOptions).Assembly,
        typeof(GhStats.Postgres.GhStatsPostgresOptions).Assembly,
        typeof(GhStats.Db2.GhStatsDb2Options).Assembly,
        typeof(GhStats.GitHub.GitHubCollectorOptions).Assembly,
        typeof(CsvEndpoints).Assembly, // GhStats.Web
        typeof(GhStats.Client.GhStatsClientOptions).Assembly,
    ];

    /// <summary>Properties named for what they hold, plus the one secret whose name does not say so (a key ring entry's XML).</summary>
    private static readonly (Type Type, string Property)[] SecretsNotNamedSo = [(typeof(GhStats.Domain.DataProtectionKey), "Xml")];

    public static TheoryData<string> SecretProperties()
    {
        var data = new TheoryData<string>();
        foreach (var (type, property) in AllSecretProperties())
        {
            data.Add($"{type.FullName}.{property.Name}");
        }

        return data;
    }

    [Fact]
    public void TheCatalogue_FindsTheSecretsItIsAbout()
    {
        var names = AllSecretProperties().Select(p => $"{p.Type.Name}.{p.Property.Name}").ToList();

        // Types the issue names: connection requests (token, App key), cron requests, issued tokens.
        names.ShouldContain("CreateConnectionRequest.Token");
        names.ShouldContain("CreateConnectionRequest.PrivateKey");
        names.ShouldContain("CollectRequest.Token");
        names.ShouldContain("IssuedApiToken.Secret");
        names.ShouldContain("DataProtectionKey.Xml");
    }

    [Theory]
    [MemberData(nameof(SecretProperties))]
    public void ToString_LeavesTheSecretOut(string typeAndProperty)
    {
        var (type, property) = AllSecretProperties().Single(p => $"{p.Type.FullName}.{p.Property.Name}" == typeAndProperty);
        var instance = RuntimeHelpers.GetUninitializedObject(type);
        Set(instance, property, Secret);

        var printed = instance.ToString() ?? string.Empty;

        printed.ShouldNotContain(Secret, Case.Insensitive, $"{type.Name}.ToString() printed its {property.Name}: {printed}");
    }

    private static IEnumerable<(Type Type, PropertyInfo Property)> AllSecretProperties()
    {
        foreach (var type in SrcAssemblies.SelectMany(a => a.GetTypes()))
        {
            if (type.IsAbstract || type.IsInterface || type.ContainsGenericParameters || type.IsEnum
                || type.IsDefined(typeof(CompilerGeneratedAttribute)) || typeof(Delegate).IsAssignableFrom(type))
            {
                continue;
            }

            foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                if (property.PropertyType == typeof(string) && property.GetIndexParameters().Length == 0 && CanSet(type, property)
                    && (SecretName().IsMatch(property.Name) || SecretsNotNamedSo.Contains((type, property.Name))))
                {
                    yield return (type, property);
                }
            }
        }
    }

    private static bool CanSet(Type type, PropertyInfo property) => property.SetMethod is not null || BackingField(type, property) is not null;

    private static FieldInfo? BackingField(Type type, PropertyInfo property) =>
        type.GetField($"<{property.Name}>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic);

    private static void Set(object instance, PropertyInfo property, string value)
    {
        if (property.SetMethod is not null)
        {
            property.SetValue(instance, value);
        }
        else
        {
            BackingField(instance.GetType(), property)!.SetValue(instance, value);
        }
    }

    [GeneratedRegex("Token|Secret|PrivateKey|Password|ConnectionString", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
