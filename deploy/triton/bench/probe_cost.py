"""Time and GPU memory of one probe call on a model of LRAS-7B's shape, with random weights.

The compute of a forward pass does not depend on the weights' values, so a randomly initialised
GPT of LRAS's shape (32 layers, d 4,096, 32 heads, vocabulary 67,584, bf16) run through the
production probe code (`KlProbe`, `LrasTransformer`) measures what a probe costs on this GPU. The
quantizer is the tests' tiny sign-bit one with 16 bits (its cost is negligible next to the GPT).

    python3 deploy/triton/bench/probe_cost.py [--points 4] [--seeds 5] [--repeats 3]
        [--plans 0 1 3 7] [--window 96 96 160 160] [--window 0 0 256 256]

Prints one line per (map size, sequences per pass, plan, window): seconds per probe call, TOKENS
and pass-equivalents (docs/model-contract.md, "Cost"), the transformer calls, peak GPU memory,
seconds per point, and the speedup over the first plan of the same map size, pass size and window.
SEQUENCE_PLAN bits: 1 shared prefix (KV cache), 2 one frame-1 order for all seeds, 4 independent
queries. `--tiny` runs the tests' tiny random model instead (on the CPU without CUDA): a check that
the script runs, not a measurement.
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
from lras_sequence import LRAS7B_LAYOUT, TokenLayout  # noqa: E402
from probe_contract import FULL_WINDOW, PASS_TOKENS  # noqa: E402


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=4)
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--passes", type=int, nargs="+", default=[8, 16])
    parser.add_argument("--maps", type=int, nargs="+", default=[32, 64])
    parser.add_argument("--plans", type=int, nargs="+", default=[0], help="SEQUENCE_PLAN values, 0 to 7")
    parser.add_argument(
        "--window", type=float, nargs=4, action="append", metavar=("X0", "Y0", "X1", "Y1"),
        help="QUERY_WINDOW in crop pixels (repeatable; default the whole crop)",
    )
    parser.add_argument("--tiny", action="store_true", help="the tests' tiny model: checks the script runs")
    args = parser.parse_args(argv)
    args.window = [tuple(w) for w in args.window] if args.window else [FULL_WINDOW]
    for plan in args.plans:
        if not 0 <= plan <= 7:
            parser.error(f"--plans must be 0 to 7, was {plan}")
    for x0, y0, x1, y1 in args.window:
        if not (x0 < x1 and y0 < y1):
            parser.error(f"--window needs x0 < x1 and y0 < y1, was {(x0, y0, x1, y1)}")
    return args


def build_models(tiny, device):
    """(lras, lpq, layout) of LRAS-7B's shape in bf16, or the tests' tiny pair."""
    if tiny:
        layout = TokenLayout(content_vocab=256)
        lras = TinyLras(TinyLrasConfig(vocab_size=layout.vocab_size)).to(device).eval()
        return lras, TinyLpq(TinyLpqConfig(code_bits=8)).to(device).eval(), layout
    with torch.device(device):
        torch.set_default_dtype(torch.bfloat16)
        config = TinyLrasConfig(vocab_size=LRAS7B_LAYOUT.vocab_size, n_layer=32, n_head=32, n_embd=4096)
        lras = TinyLras(config).eval()
        torch.set_default_dtype(torch.float32)
        lpq = TinyLpq(TinyLpqConfig(code_bits=16)).eval()
    return lras, lpq, LRAS7B_LAYOUT


def main(argv=None):
    args = parse_args(argv)
    cuda = torch.cuda.is_available()
    if not cuda and not args.tiny:
        sys.exit("probe_cost.py needs a CUDA device (or --tiny to check the script on the CPU)")
    device = "cuda" if cuda else "cpu"
    torch.backends.cuda.matmul.allow_tf32 = True
    lras, lpq, layout = build_models(args.tiny, device)
    params = sum(p.numel() for p in lras.parameters())
    memory = f", weights {torch.cuda.memory_allocated() / 2**30:.1f} GiB" if cuda else ""
    name = torch.cuda.get_device_name() if cuda else "CPU"
    print(f"{name}, torch {torch.__version__}: model of {params / 1e9:.2f} B parameters{memory}")

    frame1, frame2 = textured_frames()
    points = [[32.0 + 48 * (i % 4), 40.0 + 56 * (i // 4)] for i in range(args.points)]
    seeds = [1110 + s for s in range(args.seeds)]
    for map_size in args.maps:
        for per_pass in args.passes:
            for window in args.window:
                first = None
                for plan in args.plans:
                    probe = KlProbe(LrasTransformer(lras), LpqTokenizer(lpq, device), layout, device, per_pass)
                    request = (frame1, frame2, points, seeds, 2.0, 255.0, 0.9, map_size, window, plan)
                    seconds, result, calls, peak = measure(probe, request, args.repeats, cuda)
                    first = first or seconds
                    print(
                        f"map {map_size}, {per_pass} per pass, plan {plan}, window {window}: {seconds:.2f} s per call "
                        f"({args.points} points x {args.seeds} seeds, {result.tokens} tokens = "
                        f"{result.tokens / PASS_TOKENS:.2f} pass-eq, {calls} transformer calls), "
                        f"{seconds / args.points:.2f} s per point, {first / seconds:.2f}x plan {args.plans[0]}, "
                        f"peak {peak:.1f} GiB, maps {tuple(result.maps.shape)}"
                    )


def measure(probe, request, repeats, cuda):
    """(seconds per call, last ProbeResult, transformer calls per call, peak GiB) after a warm-up."""
    calls = []
    inner = probe.transformer

    class Counting:
        def __call__(self, tokens, positions, n_last):
            calls.append(tokens.shape)
            return inner(tokens, positions, n_last)

        def forward_cached(self, tokens, *rest, **kwargs):
            calls.append(tokens.shape)
            return inner.forward_cached(tokens, *rest, **kwargs)

    probe.transformer = Counting()
    probe.run(*request)  # warm-up
    if cuda:
        torch.cuda.synchronize()
        torch.cuda.reset_peak_memory_stats()
    calls.clear()
    start = time.perf_counter()
    for _ in range(repeats):
        result = probe.run(*request)
    if cuda:
        torch.cuda.synchronize()
    seconds = (time.perf_counter() - start) / repeats
    peak = torch.cuda.max_memory_allocated() / 2**30 if cuda else 0.0
    return seconds, result, len(calls) // repeats, peak


if __name__ == "__main__":
    main()
