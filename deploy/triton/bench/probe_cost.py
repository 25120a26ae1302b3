"""Time and GPU memory of one probe call on a model of LRAS-7B's shape, with random weights.

The compute of a forward pass does not depend on the weights' values, so a randomly initialised
GPT of LRAS's shape (32 layers, d 4,096, 32 heads, vocabulary 67,584, bf16) run through the
production probe code (`KlProbe`, `LrasTransformer`) measures what a probe costs on this GPU. The
quantizer is the tests' tiny sign-bit one with 16 bits (its cost is negligible next to the GPT).

    python3 deploy/triton/bench/probe_cost.py [--points 4] [--seeds 5] [--repeats 3]

Prints one line per (map size, sequences per pass): seconds per probe call, sequences run, peak
GPU memory, and seconds per point for the whole call.
"""

import argparse
import os
import sys
import time

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests"))

from tiny_lras import TinyLpq, TinyLpqConfig, TinyLras, TinyLrasConfig, textured_frames  # noqa: E402
from lras_loader import LpqTokenizer, LrasTransformer  # noqa: E402
from lras_probe import KlProbe  # noqa: E402
from lras_sequence import LRAS7B_LAYOUT  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=4)
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--passes", type=int, nargs="+", default=[8, 16])
    parser.add_argument("--maps", type=int, nargs="+", default=[32, 64])
    args = parser.parse_args()
    if not torch.cuda.is_available():
        sys.exit("probe_cost.py needs a CUDA device")

    torch.backends.cuda.matmul.allow_tf32 = True
    with torch.device("cuda"):
        torch.set_default_dtype(torch.bfloat16)
        config = TinyLrasConfig(vocab_size=LRAS7B_LAYOUT.vocab_size, n_layer=32, n_head=32, n_embd=4096)
        lras = TinyLras(config).eval()
        torch.set_default_dtype(torch.float32)
        lpq = TinyLpq(TinyLpqConfig(code_bits=16)).eval()
    params = sum(p.numel() for p in lras.parameters())
    print(f"{torch.cuda.get_device_name()}, torch {torch.__version__}: model of {params / 1e9:.2f} B parameters, "
          f"bf16 weights {torch.cuda.memory_allocated() / 2**30:.1f} GiB")

    frame1, frame2 = textured_frames()
    points = [[32.0 + 48 * (i % 4), 40.0 + 56 * (i // 4)] for i in range(args.points)]
    seeds = [1110 + s for s in range(args.seeds)]
    for map_size in args.maps:
        for per_pass in args.passes:
            probe = KlProbe(LrasTransformer(lras), LpqTokenizer(lpq, "cuda"), LRAS7B_LAYOUT, "cuda", per_pass)
            sequences = []
            inner = probe.transformer

            def counting(tokens, positions, n_last, inner=inner):
                sequences.append((tokens.shape[0], tokens.shape[1]))
                return inner(tokens, positions, n_last)

            probe.transformer = counting
            probe.probe(frame1, frame2, points, seeds, 2.0, 255.0, 0.9, map_size)  # warm-up
            torch.cuda.synchronize()
            torch.cuda.reset_peak_memory_stats()
            sequences.clear()
            start = time.perf_counter()
            for _ in range(args.repeats):
                maps = probe.probe(frame1, frame2, points, seeds, 2.0, 255.0, 0.9, map_size)
            torch.cuda.synchronize()
            seconds = (time.perf_counter() - start) / args.repeats
            n = sum(b for b, _ in sequences) // args.repeats
            length = max(t for _, t in sequences)
            print(f"map {map_size}, {per_pass} sequences per pass: {seconds:.2f} s per call "
                  f"({args.points} points x {args.seeds} seeds, {n} sequences of up to {length} tokens, "
                  f"{seconds / n * 1000:.0f} ms per sequence), {seconds / args.points:.2f} s per point, "
                  f"peak {torch.cuda.max_memory_allocated() / 2**30:.1f} GiB, maps {tuple(maps.shape)}")


if __name__ == "__main__":
    main()
