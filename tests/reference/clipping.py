"""Prints what PyTorch's clip_grad_norm_ and clip_grad_value_ make of the gradient [0.9, 100],
the numbers in tests/Keel.Tests/Stability/GradientClippingTests.cs:

    /usr/bin/python3 tests/reference/clipping.py
"""
import torch

for name, clip in [("clip_grad_norm_(max_norm=1)", lambda p: torch.nn.utils.clip_grad_norm_([p], max_norm=1.0)),
                   ("clip_grad_value_(clip_value=1)", lambda p: torch.nn.utils.clip_grad_value_([p], clip_value=1.0))]:
    p = torch.nn.Parameter(torch.zeros(2))
    p.grad = torch.tensor([0.9, 100.0])
    norm = clip(p)
    print(f"{name}: gradient {[float(v) for v in p.grad]}, returned {None if norm is None else float(norm)}")
