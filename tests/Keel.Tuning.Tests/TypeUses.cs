using System.Reflection;
using System.Reflection.Emit;

namespace Keel.Tuning.Tests;

/// <summary>Every type a type touches: in its signatures (base, interfaces, fields, properties,
/// method parameters and returns) and in its method bodies (each IL operand that names a type,
/// field or method), with generic arguments and element types unfolded.</summary>
internal static class TypeUses
{
    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> Codes = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(c => c.Value);

    public static IEnumerable<Type> Of(Type type)
    {
        var direct = new List<Type?> { type.BaseType };
        direct.AddRange(type.GetInterfaces());
        direct.AddRange(type.GetFields(All).Select(f => f.FieldType));
        direct.AddRange(type.GetProperties(All).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            if (method is MethodInfo info) direct.Add(info.ReturnType);
            direct.AddRange(method.GetParameters().Select(p => p.ParameterType));
            direct.AddRange(BodyUses(method));
        }
        return direct.OfType<Type>().SelectMany(Unfold).Distinct();
    }

    private static IEnumerable<Type> Unfold(Type type)
    {
        yield return type;
        if (type.HasElementType) foreach (var t in Unfold(type.GetElementType()!)) yield return t;
        if (!type.IsGenericType) yield break;
        foreach (var argument in type.GetGenericArguments().Where(a => !a.IsGenericParameter))
            foreach (var t in Unfold(argument)) yield return t;
    }

    private static IEnumerable<Type?> BodyUses(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        var typeArguments = method.DeclaringType!.IsGenericType ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        int i = 0;
        while (i < il.Length)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            var code = Codes[value];
            i += code.Size;
            if (code.OperandType is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok)
            {
                var member = method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArguments, methodArguments);
                yield return member as Type ?? member?.DeclaringType;
                if (member is MethodInfo called) yield return called.ReturnType;
            }
            i += OperandSize(code.OperandType, il, i);
        }
    }

    private static int OperandSize(OperandType type, byte[] il, int at) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
        _ => 4,
    };
}
