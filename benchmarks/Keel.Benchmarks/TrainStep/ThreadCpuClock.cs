using System.Runtime.InteropServices;

namespace Keel.Benchmarks.TrainStep;

/// <summary>
/// CPU time of the calling thread (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>, nanosecond
/// resolution). On a machine shared with other jobs, wall time counts the slices the scheduler
/// gave to them; the thread's own CPU time does not, so single-threaded steps compare far more
/// steadily. Kernels run on the calling thread with one kernel thread.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>Seconds of CPU the calling thread has used.</summary>
    public static double Seconds()
    {
        if (ClockGetTime(ClockThreadCpuTimeId, out var time) != 0) throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
        return time.Seconds + time.Nanoseconds * 1e-9;
    }

    /// <summary>Runs <paramref name="step"/> for about <paramref name="seconds"/> of wall time; returns CPU microseconds per step.</summary>
    public static double MicrosecondsPerStep(Action step, double seconds)
    {
        var wall = System.Diagnostics.Stopwatch.StartNew();
        double start = Seconds();
        int steps = 0;
        while (wall.Elapsed.TotalSeconds < seconds || steps < 3)
        {
            step();
            steps++;
        }
        return (Seconds() - start) * 1e6 / steps;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);
}
