using System.Diagnostics;
using Keel.Diagnostics;
using Keel.Tensors;
using Keel.TestKit;

namespace Keel.Tests.Diagnostics;

/// <summary>
/// <c>report.html</c> opens in a real browser: Debian's Chromium renders it headless, without a
/// sandbox and with every host name unresolvable (so nothing can come from the network), to a
/// screenshot that must show the page's text and charts. <c>.ci/run</c> installs Chromium; a
/// machine without it fails this test with the command that installs it.
/// </summary>
public sealed class ReportRenderingTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Report_html_renders_in_headless_chromium_to_a_screenshot_that_is_not_blank()
    {
        Assert.True(File.Exists(Chromium),
            $"{Chromium} is missing{(Environment.GetEnvironmentVariable("CI") == "true" ? " in CI: .ci/run should have installed it" : "")}; install it with: apt-get install -y chromium");
        var log = PathologicalRuns.Train(PathologicalRuns.WeightsFarTooLarge(new Generator(2)), lr: 0.1f, steps: 40, every: 10);
        using var folder = new TempFolder();
        DiagnosticsReport.Write(folder.Path, "render", log, HealthReport.Diagnose(log));
        var screenshot = folder.File("screenshot.png");

        var start = new ProcessStartInfo(Chromium)
        {
            ArgumentList =
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
                "--host-resolver-rules=MAP * ~NOTFOUND", $"--user-data-dir={folder.File("profile")}",
                $"--screenshot={screenshot}", "--window-size=1400,1800", new Uri(folder.File("report.html")).AbsoluteUri,
            },
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("chromium did not finish within two minutes");
            }
        }
        await output;
        Assert.True(File.Exists(screenshot), $"chromium wrote no screenshot (exit code {process.ExitCode}): {await errors}");

        var (width, height, pixels) = PngPixels.Read(File.ReadAllBytes(screenshot));
        Assert.Equal((1400, 1800), (width, height));
        int colours = pixels.Distinct().Count();
        double background = pixels.Count(p => p == pixels[0]) / (double)pixels.Length;
        Assert.True(colours > 20, $"the screenshot has only {colours} colours");
        Assert.True(background < 0.97, $"{background:P1} of the screenshot is its background colour");
        // The table's critical rows are tinted #f8d7da: the health report itself was drawn.
        Assert.Contains(0xF8D7DAu, pixels);
    }
}
