using Keel.Diagnostics;
using Keel.Nn;
using Keel.Optim;
using Keel.Tensors;
using Keel.Training;

namespace Keel.Tests.Diagnostics;

public sealed class ProbeTests
{
    private static (Trainer Trainer, Probe? Probe) NamesTrainer(long? every, float momentum = 0f)
    {
        var model = PathologicalRuns.Healthy(new Generator(9));
        var probe = every is { } n ? new Probe(n, MathF.Log(27)) : null;
        var trainer = new Trainer(model, new Sgd(model.Parameters(), learningRate: 0.1f, momentum: momentum), Losses.CrossEntropy)
        {
            Probe = probe, EvaluateEvery = 20, Seed = 5,
        };
        return (trainer, probe);
    }

    [Fact]
    public void A_probe_does_not_change_the_training_bit_for_bit()
    {
        var split = PathologicalRuns.Names;
        float[] Run(long? every)
        {
            var (trainer, _) = NamesTrainer(every);
            trainer.Fit(split.Train, split.Validation, steps: 40, batchSize: 32);
            return [.. trainer.Model.Parameters().SelectMany(p => p.ToArray()), .. trainer.Model.Buffers().SelectMany(b => b.ToArray())];
        }
        Assert.Equal(Run(null), Run(1));
        Assert.Equal(Run(null), Run(7));
    }

    [Fact]
    public void Probes_run_on_step_0_and_every_n_steps_after_with_evaluations_in_between()
    {
        var (trainer, probe) = NamesTrainer(15);
        trainer.Fit(PathologicalRuns.Names.Train, PathologicalRuns.Names.Validation, steps: 50, batchSize: 32);
        Assert.Equal([0L, 15, 30, 45], probe!.Log.Probes.Select(p => p.Step));
        Assert.Equal([20L, 40, 50], probe.Log.Evaluations.Select(e => e.Step));
        Assert.True(probe.Log.Evaluations[0].Metrics.ContainsKey("val_loss"));
        var record = probe.Log.Probes[1];
        Assert.Equal(["layers.0", "layers.1", "layers.2", "layers.3", "layers.4", "layers.5", "layers.6", "layers.7", "layers.8"], record.Layers.Select(l => l.Name));
        Assert.Equal(ActivationKind.Tanh, record.Layers[4].Activation);
        Assert.NotNull(record.Layers[4].Saturation);
        Assert.Null(record.Layers[3].Saturation);
        Assert.All(record.Layers.Skip(1), l => Assert.NotNull(l.GradStd));
        Assert.Equal(0.1f, record.LearningRate);
    }

    [Fact]
    public void The_update_ratio_is_the_update_momentum_really_applied_and_the_gradient_statistics_are_exact()
    {
        var (trainer, probe) = NamesTrainer(1, momentum: 0.9f);
        var batches = new Keel.Data.RandomBatches(PathologicalRuns.Names.Train, 32, new Generator(1));
        for (int i = 0; i < 5; i++) trainer.TrainStep(batches.Next());

        var weight = trainer.Model.NamedParameters().Single(p => p.Name == "layers.5.weight").Parameter;
        var before = weight.ToArray();
        trainer.TrainStep(batches.Next());
        var after = weight.ToArray();
        var grad = weight.Grad!.ToArray();

        var stats = probe!.Log.Probes[^1].Parameters.Single(p => p.Name == "layers.5.weight");
        double std(IEnumerable<double> v) { var a = v.ToArray(); double m = a.Average(); return Math.Sqrt(a.Sum(x => (x - m) * (x - m)) / a.Length); }
        double updateStd = std(after.Zip(before, (a, b) => (double)a - b)), dataStd = std(before.Select(x => (double)x));
        Assert.Equal(Math.Log10(updateStd / dataStd), stats.UpdateToData!.Value, 3);
        Assert.Equal(std(grad.Select(x => (double)x)) / dataStd, stats.GradToData!.Value, 4);
        Assert.Equal(Math.Sqrt(grad.Sum(x => (double)x * x)), stats.GradNorm, 4);
        // With momentum the applied update is not lr·g: a ratio computed from the gradient would be wrong.
        double fromGradient = Math.Log10(0.1 * std(grad.Select(x => (double)x)) / dataStd);
        Assert.True(Math.Abs(fromGradient - stats.UpdateToData.Value) > 0.05, $"{fromGradient} vs {stats.UpdateToData}");

        double total = Math.Sqrt(trainer.Model.Parameters().Sum(p => p.Grad!.ToArray().Sum(x => (double)x * x)));
        Assert.Equal(total, probe.Log.Probes[^1].GradNorm, 3);
    }

    [Fact]
    public void A_step_the_guard_skips_is_recorded_with_its_non_finite_loss_and_no_update_ratio()
    {
        var model = PathologicalRuns.Healthy(new Generator(2));
        var optimizer = new Sgd(model.Parameters(), learningRate: 0.1f);
        var probe = new Probe(1);
        var trainer = new Trainer(model, optimizer, Losses.CrossEntropy) { Probe = probe, Guard = new Keel.Stability.NonFiniteGuard(optimizer) };
        model.NamedParameters().Single(p => p.Name == "layers.8.bias").Parameter.Data[0] = float.NaN;
        trainer.TrainStep(new Keel.Data.RandomBatches(PathologicalRuns.Names.Train, 32, new Generator(1)).Next());
        var record = Assert.Single(probe.Log.Probes);
        Assert.False(record.Applied);
        Assert.True(float.IsNaN(record.Loss));
        Assert.All(record.Parameters, p => Assert.Null(p.UpdateToData));
    }

    [Fact]
    public void Saturation_and_dead_units_are_counted_as_defined()
    {
        float[] y = [0.99f, -0.98f, 0.5f, 0.969f, -1f, 0f, 0.2f, 0.97f];
        Assert.Equal(3 / 8f, Activations.Saturation(ActivationKind.Tanh, y));
        float[] s = [0.01f, 0.5f, 0.98f, 0.03f];
        Assert.Equal(2 / 4f, Activations.Saturation(ActivationKind.Sigmoid, s));
        // Three rows of four units: units 1 and 3 are never positive.
        float[] relu = [1, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0];
        Assert.Equal(0.5f, Activations.DeadFraction(ActivationKind.ReluFamily, relu, units: 4));
        Assert.Null(Activations.DeadFraction(ActivationKind.Tanh, relu, units: 4));
    }
}
