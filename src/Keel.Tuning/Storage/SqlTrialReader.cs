using Keel.Tuning.SearchSpace;

namespace Keel.Tuning.Storage;

/// <summary>Reads trials with their parameters, intermediate values and attributes in four queries.</summary>
internal static class SqlTrialReader
{
    public static List<FrozenTrial> Read(SqlSession db, string filter, params (string Name, object? Value)[] args)
    {
        var rows = new List<(long Id, int Number, TrialState State, double? Value, string? Error, DateTime? Started, DateTime? Completed)>();
        var parameters = new Dictionary<long, (Dictionary<string, double> Values, Dictionary<string, ParameterDistribution> Distributions)>();
        var intermediate = new Dictionary<long, SortedDictionary<int, double>>();
        var attrs = new Dictionary<long, Dictionary<string, string>>();
        using (var r = db.Query($"SELECT t.trial_id, t.number, t.state, t.value, t.error, t.started, t.completed FROM keel_trials t WHERE {filter} ORDER BY t.number", args))
        {
            while (r.Read())
            {
                long id = Convert.ToInt64(r.GetValue(0));
                rows.Add((id, Convert.ToInt32(r.GetValue(1)), (TrialState)Convert.ToInt32(r.GetValue(2)),
                    r.IsDBNull(3) ? null : r.GetDouble(3), r.IsDBNull(4) ? null : r.GetString(4),
                    Time(r.IsDBNull(5) ? null : r.GetDouble(5)), Time(r.IsDBNull(6) ? null : r.GetDouble(6))));
                parameters[id] = ([], []);
                intermediate[id] = [];
                attrs[id] = [];
            }
        }
        using (var r = db.Query($"SELECT p.trial_id, p.name, p.value, p.distribution FROM keel_trial_params p JOIN keel_trials t ON t.trial_id = p.trial_id WHERE {filter}", args))
        {
            while (r.Read())
            {
                var (values, distributions) = parameters[Convert.ToInt64(r.GetValue(0))];
                values[r.GetString(1)] = r.GetDouble(2);
                distributions[r.GetString(1)] = ParameterDistribution.FromJson(r.GetString(3));
            }
        }
        using (var r = db.Query($"SELECT v.trial_id, v.step, v.value FROM keel_trial_values v JOIN keel_trials t ON t.trial_id = v.trial_id WHERE {filter}", args))
        {
            while (r.Read())
                intermediate[Convert.ToInt64(r.GetValue(0))][Convert.ToInt32(r.GetValue(1))] = r.IsDBNull(2) ? double.NaN : r.GetDouble(2);
        }
        using (var r = db.Query($"SELECT a.trial_id, a.key, a.value FROM keel_trial_attrs a JOIN keel_trials t ON t.trial_id = a.trial_id WHERE {filter}", args))
        {
            while (r.Read()) attrs[Convert.ToInt64(r.GetValue(0))][r.GetString(1)] = r.GetString(2);
        }
        return [.. rows.Select(t => new FrozenTrial(t.Id, t.Number, t.State, t.Value, parameters[t.Id].Values,
            parameters[t.Id].Distributions, intermediate[t.Id], attrs[t.Id], t.Started, t.Completed, t.Error))];
    }

    private static DateTime? Time(double? unixSeconds) =>
        unixSeconds is { } s ? DateTime.UnixEpoch.AddTicks((long)(s * TimeSpan.TicksPerSecond)) : null;
}
