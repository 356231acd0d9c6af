// A tuning worker process for the multi-process tests:
//   dotnet Keel.Tuning.Worker.dll STORAGE STUDY TRIALS [hang-after:K]
// STORAGE is a storage URL or an Npgsql connection string. Each trial suggests x and y, sleeps a
// few milliseconds and returns a quadratic. With hang-after:K the worker completes K trials, then
// prints "HANG <number>" in the next one and blocks until it is killed. At the end it prints
// "RAN" and the numbers of the trials it completed.
using System.Globalization;
using Keel.Tuning;
using Keel.Tuning.Samplers;
using Keel.Tuning.Storage;

if (args.Length < 3)
{
    Console.Error.WriteLine("usage: Keel.Tuning.Worker STORAGE STUDY TRIALS [hang-after:K]");
    return 2;
}
IStudyStorage storage = args[0].StartsWith("Host=", StringComparison.Ordinal) ? new PostgresStorage(args[0]) : StorageUrl.Open(args[0]);
int trials = int.Parse(args[2], CultureInfo.InvariantCulture);
int? hangAfter = args.Length > 3 && args[3].StartsWith("hang-after:", StringComparison.Ordinal)
    ? int.Parse(args[3]["hang-after:".Length..], CultureInfo.InvariantCulture)
    : null;

var study = Study.Create(args[1], StudyDirection.Minimize, new StudyOptions
{
    Storage = storage,
    Sampler = new RandomSampler(),
    Seed = 7,
    HeartbeatInterval = TimeSpan.FromMilliseconds(200),
    StaleGrace = TimeSpan.FromSeconds(2),
});
int completed = 0;
var ran = new List<int>();
study.Optimize(trial =>
{
    double x = trial.SuggestFloat("x", -5, 5);
    double y = trial.SuggestFloat("y", -5, 5);
    if (hangAfter is { } k && completed == k)
    {
        Console.WriteLine($"HANG {trial.Number}");
        Thread.Sleep(Timeout.Infinite);
    }
    Thread.Sleep(5);
    completed++;
    ran.Add(trial.Number);
    return (x - 1) * (x - 1) + (y + 2) * (y + 2);
}, trials: trials);
Console.WriteLine($"RAN {string.Join(' ', ran)}");
Console.WriteLine($"DONE {completed}");
return 0;
