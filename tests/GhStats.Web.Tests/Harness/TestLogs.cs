using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GhStats.Web.Tests.Harness;

/// <summary>Keeps what an app logs, so a test can assert that a warning was written.</summary>
public sealed class TestLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public IReadOnlyList<LogEntry> Warnings => [.. _entries.Where(e => e.Level >= LogLevel.Warning)];

    public ILogger CreateLogger(string categoryName) => new EntryLogger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class EntryLogger(TestLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs._entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), exception));
    }
}

/// <summary>One logged message.</summary>
public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}: {Message}{(Exception is null ? "" : " " + Exception.GetType().Name + ": " + Exception.Message)}";
}
