"""Prints PyTorch's learning rates at chosen steps for the schedules PyTorch has, the expected
values in tests/Keel.Tests/Optim/ScheduleTests.cs:

    /usr/bin/python3 tests/reference/schedules.py
"""
import torch


def rates(make, steps, lr=1.0):
    p = torch.nn.Parameter(torch.zeros(1))
    opt = torch.optim.SGD([p], lr=lr)
    sched = make(opt)
    out = {}
    for t in range(max(steps) + 1):
        if t in steps:
            out[t] = opt.param_groups[0]["lr"]
        opt.step()
        sched.step()
    return out


print("OneCycle(max 1, T 100):", rates(lambda o: torch.optim.lr_scheduler.OneCycleLR(o, max_lr=1.0, total_steps=100), [0, 10, 29, 30, 50, 99]))
print("OneCycle(max 1, T 100, linear, three phase):", rates(
    lambda o: torch.optim.lr_scheduler.OneCycleLR(o, max_lr=1.0, total_steps=100, anneal_strategy="linear", three_phase=True), [0, 15, 29, 45, 58, 80, 99]))
print("StepLR(0.5, 10, gamma 0.5):", rates(lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=10, gamma=0.5), [0, 9, 10, 25], lr=0.5))
print("CosineAnnealingLR(T_max 100, eta_min 0.1), lr 1:", rates(lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=100, eta_min=0.1), [0, 25, 50, 100]))
