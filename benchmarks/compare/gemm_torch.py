"""Torch half of gemm.sh: times torch.mm on each case, printing the JSON CompareGemm prints.

Usage: OPENBLAS_NUM_THREADS=T OMP_NUM_THREADS=T gemm_torch.py --threads T CASE...
A case is MxKxN with an optional :ta, :tb or :tatb suffix; a transposed operand is a transposed
view of a contiguous [K, M] (or [N, K]) tensor, the way autograd hands it to torch.mm. The output
is written into a preallocated C (out=), timed like Keel: a warm-up, then the best of 7 batches.
"""
import ctypes
import json
import sys
import time

import torch

WARMUP_SECONDS = 0.15
BATCH_SECONDS = 0.04
BATCHES = 7


def parse(text):
    dims, _, flags = text.partition(":")
    m, k, n = (int(d) for d in dims.split("x"))
    return m, k, n, "ta" in flags, "tb" in flags


def measure(text):
    m, k, n, ta, tb = parse(text)
    g = torch.Generator().manual_seed(42)
    a = (torch.rand(k, m, generator=g) * 2 - 1).t() if ta else torch.rand(m, k, generator=g) * 2 - 1
    b = (torch.rand(n, k, generator=g) * 2 - 1).t() if tb else torch.rand(k, n, generator=g) * 2 - 1
    c = torch.empty(m, n)
    flops = 2.0 * m * k * n
    start, calls = time.perf_counter(), 0
    while time.perf_counter() - start < WARMUP_SECONDS or calls < 3:
        torch.mm(a, b, out=c)
        calls += 1
    per_batch = max(1, int(calls / (time.perf_counter() - start) * BATCH_SECONDS))
    rates = []
    for _ in range(BATCHES):
        t0 = time.perf_counter()
        for _ in range(per_batch):
            torch.mm(a, b, out=c)
        rates.append(flops * per_batch / (time.perf_counter() - t0) / 1e9)
    return max(rates)


def blas_name():
    """The BLAS torch.mm runs on, e.g. 'OpenBLAS 0.3.21 ... Haswell' (its kernel family)."""
    for line in open("/proc/self/maps"):
        path = line.split()[-1]
        if "openblas" in path and ".so" in path:
            lib = ctypes.CDLL(path)
            lib.openblas_get_config.restype = ctypes.c_char_p
            lib.openblas_get_corename.restype = ctypes.c_char_p
            config = lib.openblas_get_config().decode().split()
            return f"{' '.join(config[:2])} ({lib.openblas_get_corename().decode()} kernels)"
    for line in open("/proc/self/maps"):
        if "libblas" in line:
            return line.split()[-1]
    return "unknown"


def main(argv):
    threads, cases = 1, []
    i = 0
    while i < len(argv):
        if argv[i] == "--threads":
            threads = int(argv[i + 1])
            i += 2
        else:
            cases.append(argv[i])
            i += 1
    torch.set_num_threads(threads)
    gflops = {case: round(measure(case), 3) for case in cases}
    result = {"threads": threads, "blas": blas_name(), "gflops": gflops}
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
