using Keel.Optim;
using Keel.Stability;
using Keel.Tensors;

namespace Keel.Tests.Stability;

public sealed class SteadyStateAllocationTests
{
    [Fact]
    public void Guard_clipping_and_constraints_allocate_nothing_after_the_first_step()
    {
        var weight = new Parameter(Tensor.Ones([4, 3]), "w") { Grad = Tensor.Full([4, 3], 2f) };
        var bias = new Parameter(Tensor.Ones([3])) { Grad = Tensor.Full([3], 2f) };
        Parameter[] parameters = [weight, bias];
        var guard = new NonFiniteGuard(new Sgd(parameters), spikeFactor: 100f, spikeWindow: 8, spikeMinHistory: 2);
        GradientClipping[] clippings = [GradientClipping.GlobalNorm(1f), GradientClipping.Norm(1f, axes: [0]), GradientClipping.Value(1f), GradientClipping.Adaptive()];
        ConstraintBinding[] constraints =
        [
            Constraints.MaxNorm(1f).For([weight]), Constraints.UnitNorm(1).For([weight]), Constraints.NonNeg().For(parameters),
            Constraints.MinMaxNorm().For([weight]), Constraints.TotalNorm(1f).For(parameters),
        ];

        void Step()
        {
            guard.Check(1f);
            foreach (var clipping in clippings) clipping.Clip(parameters);
            foreach (var constraint in constraints) constraint.Apply();
        }

        for (int i = 0; i < 20; i++) Step();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) Step();
        // Any allocation per step would be 100 objects of 24 bytes or more; the runtime's own
        // one-time allocations (tiered recompilation can land in the window) stay under that.
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 100);
    }
}
