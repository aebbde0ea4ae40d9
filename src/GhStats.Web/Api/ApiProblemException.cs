namespace GhStats.Web.Api;

/// <summary>Ends an API request with a problem details response.</summary>
internal sealed class ApiProblemException(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;

    public string Title { get; } = title;
}
