using FsCheck;
using FsCheck.Fluent;
using Keel.Tensors;

namespace Keel.Tests.Tensors;

public sealed class SoftmaxPropertyTests
{
    private static Arbitrary<float[]> Logits => ArbMap.Default.ArbFor<NormalFloat>()
        .Generator.Select(v => (float)Math.Clamp(v.Get, -1e4, 1e4)).ArrayOf().Where(a => a.Length > 0).ToArbitrary();

    [Fact]
    public void Softmax_rows_are_probabilities_and_match_exp_of_log_softmax()
        => Prop.ForAll(Logits, values =>
        {
            var x = Tensor.FromArray(values);
            var p = x.Softmax().ToArray();
            var fromLog = x.LogSoftmax().ToArray().Select(MathF.Exp).ToArray();
            return Math.Abs(p.Sum() - 1f) < 1e-4f && p.All(v => v is >= 0f and <= 1f)
                && p.Zip(fromLog).All(t => Math.Abs(t.First - t.Second) < 1e-5f);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void CrossEntropy_is_finite_non_negative_and_equals_nll_of_log_softmax()
        => Prop.ForAll(Logits, values =>
        {
            var x = Tensor.FromArray(values, [1, values.Length]);
            var target = Tensor.FromArray([values.Length - 1f]);
            float ce = x.CrossEntropy(target).Item(), nll = x.LogSoftmax().NllLoss(target).Item();
            return float.IsFinite(ce) && ce >= 0f && Math.Abs(ce - nll) <= 1e-3f * Math.Max(1f, Math.Abs(ce));
        }).QuickCheckThrowOnFailure();
}
