"""The PyTorch side of names-mlp.sh: examples/names/mlp.yaml's run, step for step, in PyTorch.

Data: names.txt, every name padded with context 3 ('.' = 0, a-z = 1..26), shuffled names split
80/10/10 (Keel splits the examples, so the validation numbers differ slightly; the work per step is
the same). Model: Embedding(27, 10) -> Flatten -> Linear(30, 200, bias=False) -> BatchNorm1d(200)
-> Tanh -> Linear(200, 27). SGD, learning rate 0.1 then 0.01 after 100,000 steps, batch 32, random
batches drawn with replacement, validation loss every 10,000 steps in eval mode, final train /
validation / test loss. Prints JSON: {"steps", "wall_seconds", "train_loss", "validation_loss",
"test_loss"}; wall_seconds covers the training loop and its evaluations, as Keel's metrics.json does.
"""
import argparse
import json
import random
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def examples(names, context):
    alphabet = {c: i + 1 for i, c in enumerate("abcdefghijklmnopqrstuvwxyz")}
    xs, ys = [], []
    for name in names:
        window = [0] * context
        for ch in name + ".":
            index = alphabet.get(ch, 0)
            xs.append(window)
            ys.append(index)
            window = window[1:] + [index]
    return torch.tensor(xs), torch.tensor(ys)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--names", default="examples/names/names.txt")
    parser.add_argument("--steps", type=int, default=200_000)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(42)
    random.seed(42)

    names = open(args.names, encoding="utf-8").read().split()
    random.shuffle(names)
    n1, n2 = int(0.8 * len(names)), int(0.9 * len(names))
    train, validation, test = (examples(part, 3) for part in (names[:n1], names[n1:n2], names[n2:]))

    model = nn.Sequential(
        nn.Embedding(27, 10), nn.Flatten(),
        nn.Linear(30, 200, bias=False), nn.BatchNorm1d(200), nn.Tanh(),
        nn.Linear(200, 27))
    with torch.no_grad():
        nn.init.kaiming_normal_(model[2].weight, nonlinearity="linear")
        model[2].weight *= 5 / 3
        nn.init.kaiming_normal_(model[5].weight, nonlinearity="linear")
        model[5].weight *= 0.1
        model[5].bias.zero_()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

    def loss_on(split):
        model.eval()
        with torch.no_grad():
            loss = F.cross_entropy(model(split[0]), split[1]).item()
        model.train()
        return loss

    xtr, ytr = train
    start = time.perf_counter()
    for step in range(args.steps):
        if step == 100_000:
            for group in optimizer.param_groups:
                group["lr"] = 0.01
        batch = torch.randint(0, xtr.shape[0], (32,))
        loss = F.cross_entropy(model(xtr[batch]), ytr[batch])
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        if (step + 1) % 10_000 == 0:
            loss_on(validation)
    seconds = time.perf_counter() - start
    print(json.dumps({
        "steps": args.steps, "wall_seconds": round(seconds, 3),
        "train_loss": loss_on(train), "validation_loss": loss_on(validation), "test_loss": loss_on(test)}))


if __name__ == "__main__":
    main()
