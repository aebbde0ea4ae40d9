using GhStats.ClientSample;

return await NightlyReport.RunAsync(args, Environment.GetEnvironmentVariable, Console.Out, Console.Error);
