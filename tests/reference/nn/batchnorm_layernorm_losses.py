"""Reference numbers for tests/Keel.Tests/Nn/PyTorchReferenceTests.cs, from PyTorch 1.13.

Run with Debian's python3-torch: /usr/bin/python3 batchnorm_layernorm_losses.py > batchnorm_layernorm_losses.txt
Inputs are a closed formula that the C# test evaluates the same way, so no data file is needed.
"""
import math
import torch


def values(shape, k):
    n = math.prod(shape)
    return torch.tensor([math.sin(1 + 0.7 * i + 2.1 * k) * (1 + k) for i in range(n)], dtype=torch.float32).reshape(shape)


def show(name, t):
    print(name, " ".join(f"{v:.9g}" for v in t.detach().reshape(-1).tolist()))


torch.set_default_dtype(torch.float32)

# BatchNorm1d on [B, C]: three training batches, then eval.
bn = torch.nn.BatchNorm1d(3)
with torch.no_grad():
    bn.weight.copy_(torch.tensor([0.5, 1.0, 2.0]))
    bn.bias.copy_(torch.tensor([0.0, -1.0, 0.25]))
for k in range(3):
    x = values((4, 3), k).requires_grad_()
    y = bn(x)
    if k == 2:
        show("bn2d.train_output_2", y)
        (y * values((4, 3), 10)).sum().backward()
        show("bn2d.grad_x_2", x.grad)
        show("bn2d.grad_weight", bn.weight.grad)
        show("bn2d.grad_bias", bn.bias.grad)
show("bn2d.running_mean", bn.running_mean)
show("bn2d.running_var", bn.running_var)
bn.eval()
show("bn2d.eval_output", bn(values((2, 3), 5)))

# BatchNorm1d on [B, T, C] (Keel's layout): PyTorch takes [B, C, T], so permute around it.
bn3 = torch.nn.BatchNorm1d(4)
for k in range(3):
    x = values((2, 3, 4), k)
    y = bn3(x.permute(0, 2, 1)).permute(0, 2, 1)
show("bn3d.train_output_2", y)
show("bn3d.running_mean", bn3.running_mean)
show("bn3d.running_var", bn3.running_var)

# LayerNorm over the last axis.
ln = torch.nn.LayerNorm(5)
with torch.no_grad():
    ln.weight.copy_(torch.tensor([1.0, 0.5, -1.0, 2.0, 0.75]))
    ln.bias.copy_(torch.tensor([0.1, 0.2, 0.3, 0.4, 0.5]))
x = values((3, 5), 1).requires_grad_()
y = ln(x)
show("ln.output", y)
(y * values((3, 5), 11)).sum().backward()
show("ln.grad_x", x.grad)

# Losses on the same inputs.
p, t = values((2, 3), 2), values((2, 3), 3) / 4
show("loss.mse", torch.nn.functional.mse_loss(p, t))
show("loss.l1", torch.nn.functional.l1_loss(p, t))
show("loss.huber_delta_1.5", torch.nn.functional.huber_loss(p, t, delta=1.5))
target01 = (values((2, 3), 4) + 5) / 10
show("loss.bce_with_logits", torch.nn.functional.binary_cross_entropy_with_logits(p, target01))
