"""The PyTorch side of train-step.sh: the same networks and steps as Keel's compare-step mode.

Each case: random integer tokens (fixed seed) -> Embedding -> flatten -> blocks of
Linear(bias=False), BatchNorm1d, Tanh -> Linear to 27 classes. A training step is forward,
cross-entropy, zero_grad (set to None), backward and an SGD update (lr 0.1); wide-eval is the forward pass in
eval mode under no_grad. Prints {"case": median microseconds per step, ...} as JSON.
"""
import argparse
import json
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

CASES = {
    "seed-small": dict(context=3, embedding=10, hidden=200, blocks=1, batch=32, eval_only=False),
    "seed-deep": dict(context=8, embedding=24, hidden=128, blocks=5, batch=32, eval_only=False),
    "wide": dict(context=8, embedding=64, hidden=1024, blocks=3, batch=512, eval_only=False),
    "wide-eval": dict(context=8, embedding=64, hidden=1024, blocks=3, batch=512, eval_only=True),
}
VOCABULARY = 27
BLOCKS = 7


def build(context, embedding, hidden, blocks, batch, eval_only):
    torch.manual_seed(1234)
    layers = [nn.Embedding(VOCABULARY, embedding), nn.Flatten()]
    inputs = context * embedding
    for _ in range(blocks):
        layers += [nn.Linear(inputs, hidden, bias=False), nn.BatchNorm1d(hidden), nn.Tanh()]
        inputs = hidden
    layers.append(nn.Linear(inputs, VOCABULARY))
    model = nn.Sequential(*layers)
    x = torch.randint(0, VOCABULARY, (batch, context))
    y = torch.randint(0, VOCABULARY, (batch,))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    if eval_only:
        model.eval()

        def step():
            with torch.no_grad():
                model(x)
    else:
        def step():
            loss = F.cross_entropy(model(x), y)
            optimizer.zero_grad(set_to_none=True)  # as Keel's ZeroGrad() and PyTorch 2's default
            loss.backward()
            optimizer.step()
    return step


def median_microseconds(step):
    start, warm = time.perf_counter(), 0
    while time.perf_counter() - start < 3.0 or warm < 50:  # the same warm-up as Keel's side
        step()
        warm += 1
    per_step = (time.perf_counter() - start) / warm
    steps = max(3, int(0.25 / per_step))
    times = []
    for _ in range(BLOCKS):
        begin = time.perf_counter()
        for _ in range(steps):
            step()
        times.append((time.perf_counter() - begin) / steps * 1e6)
    return sorted(times)[BLOCKS // 2]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("cases", nargs="*", default=list(CASES))
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    print(json.dumps({name: median_microseconds(build(**CASES[name])) for name in args.cases}))


if __name__ == "__main__":
    main()
