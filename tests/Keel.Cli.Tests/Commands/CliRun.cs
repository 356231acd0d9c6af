using Keel.Cli.Commands;
using Keel.TestKit;

namespace Keel.Cli.Tests.Commands;

/// <summary>Runs <c>keel</c> in-process and captures its output, error text and exit code.</summary>
internal static class CliRun
{
    public static (int Code, string Output, string Error) Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = KeelCommand.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>A small names config in a temporary folder, with <paramref name="edit"/> applied to its text.</summary>
    public static string WriteConfig(TempFolder folder, Func<string, string>? edit = null, int words = 300)
    {
        File.WriteAllLines(folder.File("names.txt"), File.ReadLines(RepositoryPaths.InRepository("examples/names/names.txt")).Take(words));
        var yaml = """
            seed: 7
            data:
              text: names.txt
              context: 3
            model:
              - embedding: {vocab: 27, dim: 4}
              - flatten: {}
              - linear: {out: 16, bias: false}
              - batchnorm1d: {}
              - tanh: {}
              - linear: {out: 27}
            optimizer: {sgd: {lr: 0.1, momentum: 0.9}}
            train: {steps: 40, batch_size: 8, eval_every: 10}
            sample: {count: 3}
            """;
        var path = folder.File("run.yaml");
        File.WriteAllText(path, edit is null ? yaml : edit(yaml));
        return path;
    }
}
