using System.Globalization;
using System.Text;
using Keel.Tensors;

namespace Keel.Nn;

/// <summary>
/// The table printed by <see cref="Module.Summary"/>, like Keras' <c>model.summary()</c>: one row
/// per layer with its name and type, output shape and number of parameters, then the totals.
/// </summary>
/// <remarks>
/// The shapes come from a forward pass of zeros of the given input shape (batch axis included,
/// where Keras prints <c>None</c>), in evaluation mode and without recording the graph; each
/// module's training mode is restored afterwards. <see cref="Sequential"/> models (nested ones
/// too) are listed layer by layer; any other module is one row. Buffers such as batch-norm running
/// statistics are counted apart: Keras counts them as "non-trainable params", PyTorch not at all.
/// </remarks>
internal static class ModelSummary
{
    private const string LayerHeader = "Layer (type)", ShapeHeader = "Output shape", CountHeader = "Param #";

    public static string Format(Module model, Shape inputShape)
    {
        var modes = model.Walk("").Select(m => (m.Module, m.Module.IsTraining)).ToList();
        var rows = new List<(string Layer, string Shape, string Count)>();
        model.Eval();
        try
        {
            using (GradMode.NoGrad())
            {
                Run(model, "", Tensor.Zeros(inputShape), rows);
            }
        }
        finally
        {
            foreach (var (module, training) in modes) module.Train(training);
        }

        int layerWidth = rows.Select(r => r.Layer.Length).Append(LayerHeader.Length).Max() + 2;
        int shapeWidth = rows.Select(r => r.Shape.Length).Append(ShapeHeader.Length).Max() + 2;
        int countWidth = rows.Select(r => r.Count.Length).Append(CountHeader.Length).Max();
        string rule = new('─', layerWidth + shapeWidth + countWidth);
        var text = new StringBuilder();
        text.AppendLine($"Model: {model}");
        text.AppendLine(rule);
        text.AppendLine(LayerHeader.PadRight(layerWidth) + ShapeHeader.PadRight(shapeWidth) + CountHeader.PadLeft(countWidth));
        text.AppendLine(new string('═', rule.Length));
        foreach (var (layer, shape, count) in rows)
            text.AppendLine(layer.PadRight(layerWidth) + shape.PadRight(shapeWidth) + count.PadLeft(countWidth));
        text.AppendLine(rule);
        long total = model.ParameterCount, trainable = model.Parameters().Where(p => p.RequiresGrad).Sum(p => (long)p.Size);
        text.AppendLine($"Total params: {Number(total)}");
        text.AppendLine($"Trainable params: {Number(trainable)}");
        text.AppendLine($"Non-trainable params: {Number(total - trainable)}");
        text.AppendLine($"Buffers (saved, not trained): {Number(model.Buffers().Sum(b => (long)b.Size))}");
        return text.ToString();
    }

    private static Tensor Run(Module module, string name, Tensor input, List<(string, string, string)> rows)
    {
        if (module is Sequential sequential)
        {
            var x = input;
            foreach (var (childName, child) in sequential.NamedChildren())
                x = Run(child, name.Length == 0 ? childName : $"{name}.{childName}", x, rows);
            return x;
        }
        var output = module.Forward(input);
        string label = name.Length == 0 ? module.GetType().Name : $"{name} ({module.GetType().Name})";
        rows.Add((label, output.Shape.ToString(), Number(module.ParameterCount)));
        return output;
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
