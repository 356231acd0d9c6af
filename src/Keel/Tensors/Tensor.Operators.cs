namespace Keel.Tensors;

public partial class Tensor
{
    /// <summary>Elementwise sum with numpy broadcasting.</summary>
    public static Tensor operator +(Tensor a, Tensor b) => AddOp.Forward(a, b);

    /// <summary>Adds a constant to every element.</summary>
    public static Tensor operator +(Tensor a, float b) => ScaleShiftOp.Forward(a, 1f, b);

    /// <summary>Adds a constant to every element.</summary>
    public static Tensor operator +(float a, Tensor b) => ScaleShiftOp.Forward(b, 1f, a);

    /// <summary>Elementwise difference with numpy broadcasting.</summary>
    public static Tensor operator -(Tensor a, Tensor b) => SubOp.Forward(a, b);

    /// <summary>Subtracts a constant from every element.</summary>
    public static Tensor operator -(Tensor a, float b) => ScaleShiftOp.Forward(a, 1f, -b);

    /// <summary><c>a − x</c> for every element x.</summary>
    public static Tensor operator -(float a, Tensor b) => ScaleShiftOp.Forward(b, -1f, a);

    /// <summary>Elementwise negation.</summary>
    public static Tensor operator -(Tensor a) => ScaleShiftOp.Forward(a, -1f, 0f);

    /// <summary>Elementwise product with numpy broadcasting.</summary>
    public static Tensor operator *(Tensor a, Tensor b) => MulOp.Forward(a, b);

    /// <summary>Multiplies every element by a constant.</summary>
    public static Tensor operator *(Tensor a, float b) => ScaleShiftOp.Forward(a, b, 0f);

    /// <summary>Multiplies every element by a constant.</summary>
    public static Tensor operator *(float a, Tensor b) => ScaleShiftOp.Forward(b, a, 0f);

    /// <summary>Elementwise quotient with numpy broadcasting.</summary>
    public static Tensor operator /(Tensor a, Tensor b) => DivOp.Forward(a, b);

    /// <summary>Divides every element by a constant.</summary>
    public static Tensor operator /(Tensor a, float b) => ScaleShiftOp.Forward(a, 1f / b, 0f);

    /// <summary>Elementwise <c>−x</c>.</summary>
    public Tensor Neg() => -this;
}
