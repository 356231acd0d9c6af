using System.Diagnostics;

namespace Keel.Tuning.Tests.Workers;

/// <summary>Starts the Keel.Tuning.Worker console program with <c>dotnet</c>, as a separate process.</summary>
internal static class WorkerProcess
{
    public static string DllPath
    {
        get
        {
            string own = AppContext.BaseDirectory;
            string dll = Path.Combine(own.Replace($"{Path.DirectorySeparatorChar}Keel.Tuning.Tests{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}",
                $"{Path.DirectorySeparatorChar}Keel.Tuning.Worker{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal), "Keel.Tuning.Worker.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"The worker program is not built at '{dll}'.", dll);
        }
    }

    public static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(DllPath);
        foreach (string a in args) info.ArgumentList.Add(a);
        return Process.Start(info) ?? throw new InvalidOperationException("The worker process did not start.");
    }

    /// <summary>Waits for the worker to exit and returns its output; fails the test on a non-zero exit.</summary>
    public static string Finish(Process process, TimeSpan timeout)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The worker did not finish within {timeout}.");
        }
        Assert.True(process.ExitCode == 0, $"Worker exited with {process.ExitCode}: {error.Result}");
        return output.Result;
    }
}
