using GhStats.Domain;
using GhStats.Storage.Relational;

namespace GhStats.Storage.Users;

/// <summary>The columns every profile query selects (member listings extend them), and how to read a profile from them.</summary>
internal static class ProfileRows
{
    public static readonly RowShape Shape = new("user profile");

    private static readonly RowColumn Id = Shape.Column("id");
    private static readonly RowColumn Issuer = Shape.Column("issuer");
    private static readonly RowColumn Subject = Shape.Column("subject");
    private static readonly RowColumn Email = Shape.Column("email");
    private static readonly RowColumn DisplayName = Shape.Column("display_name");
    private static readonly RowColumn CreatedAt = Shape.Column("created_at");
    private static readonly RowColumn LastLoginAt = Shape.Column("last_login_at");
    private static readonly RowColumn Language = Shape.Column("language");

    /// <summary>Reads a profile from a row of <see cref="Shape"/> or of a shape that extends it.</summary>
    /// <param name="r">The row.</param>
    /// <returns>The profile.</returns>
    public static UserProfile Read(RowReader r) => new(
        r.Int64(Id), r.Text(Issuer), r.Text(Subject), r.NullableText(Email), r.NullableText(DisplayName), r.Timestamp(CreatedAt), r.NullableTimestamp(LastLoginAt))
    {
        Language = r.NullableText(Language),
    };
}
