"""The parts of the flowtrace probe contract that every model server must compute identically.

Python twin of io.flowtrace.inference.{ModelTensors, RevealMask, GaussianDot, QueryWindow,
SequencePlan, ProbeCost}; see docs/model-contract.md. The tests pin these functions to the values
the Java tests pin, so a request means the same thing here as in the in-process reference model,
and both sides charge a request the same TOKENS.
"""

import math

import numpy as np

MODEL_NAME = "lras_kl_probe"
CROP_SIZE = 256
PATCH_SIZE = 8
CELL_SIZE = 4
GRID = CROP_SIZE // PATCH_SIZE  # 32: one value per 8x8 patch
FINE_GRID = CROP_SIZE // CELL_SIZE  # 64: one value per 4x4 code cell
PATCHES = GRID * GRID

FRAME1 = "FRAME1"
FRAME2 = "FRAME2"
PROBE_POINTS = "PROBE_POINTS"
SEEDS = "SEEDS"
SIGMA = "SIGMA"
AMPLITUDE = "AMPLITUDE"
MASK_RATIO = "MASK_RATIO"
READOUT = "READOUT"
MAP_SIZE = "MAP_SIZE"
QUERY_WINDOW = "QUERY_WINDOW"
SEQUENCE_PLAN = "SEQUENCE_PLAN"
DIVERGENCE = "DIVERGENCE"
TOKENS = "TOKENS"

READOUT_KL = 0
READOUT_RGB_DIFF = 1

TOKENS_PER_PATCH = 5  # pointer + 4 codes
FRAME_TOKENS = PATCHES * TOKENS_PER_PATCH  # 5,120
PASS_TOKENS = 6552  # one pass-equivalent: a full sequence at mask ratio 0.9, 32x32 map

FULL_WINDOW = (0.0, 0.0, float(CROP_SIZE), float(CROP_SIZE))  # queries every hidden patch

PLAN_SHARED_PREFIX = 1
PLAN_ONE_FRAME1_ORDER = 2
PLAN_INDEPENDENT_QUERIES = 4
PLAN_BITS = PLAN_SHARED_PREFIX | PLAN_ONE_FRAME1_ORDER | PLAN_INDEPENDENT_QUERIES  # 7

_MASK64 = (1 << 64) - 1
_GOLDEN_GAMMA = 0x9E3779B97F4A7C15
_MIX1 = 0xBF58476D1CE4E5B9
_MIX2 = 0x94D049BB133111EB


class SplitMix64:
    """SplitMix64 over unsigned 64-bit state; a signed Java long seed maps to the same bits."""

    def __init__(self, seed):
        self._state = int(seed) & _MASK64

    def next(self):
        self._state = (self._state + _GOLDEN_GAMMA) & _MASK64
        z = self._state
        z = ((z ^ (z >> 30)) * _MIX1) & _MASK64
        z = ((z ^ (z >> 27)) * _MIX2) & _MASK64
        return z ^ (z >> 31)


def shuffled_prefix(seed, n, size=PATCHES):
    """First n entries of the SplitMix64 Fisher-Yates shuffle of 0..size-1 (swap i, i + r mod (size - i))."""
    order = list(range(size))
    rng = SplitMix64(seed)
    for i in range(n):
        j = i + rng.next() % (size - i)
        order[i], order[j] = order[j], order[i]
    return order[:n]


def revealed_count(mask_ratio):
    """floor(1024 * (1 - ratio)) in float64, as RevealMask.revealedCount."""
    return int(math.floor(PATCHES * (1.0 - float(mask_ratio))))


def revealed_indices(seed, mask_ratio):
    """The revealed frame-2 patch indices (row * 32 + col) for a seed, in draw order."""
    return shuffled_prefix(seed, revealed_count(mask_ratio))


def dot_added_value(du, dv, sigma, amplitude):
    """Value the dot adds at offset (du, dv) from its centre, before rounding."""
    return amplitude * np.exp(-(np.square(du) + np.square(dv)) / (2.0 * sigma * sigma))


def dot_support_radius(sigma, amplitude):
    """Radius outside which the dot changes no pixel (GaussianDot.supportRadius)."""
    if amplitude < 0.5:
        return 0
    r = sigma * math.sqrt(2.0 * math.log(2.0 * amplitude))
    return int(math.ceil(max(r, 0.0))) + 1


def apply_dot(image, x, y, sigma, amplitude):
    """A copy of a uint8 [H, W, 3] image with the white Gaussian dot added at (x, y).

    Integer coordinates are pixel centres. Pixels where the added value is below 0.5 are left
    unchanged; elsewhere the sum is rounded half up and clipped to 255 (amplitude is >= 0).
    """
    out = np.array(image, dtype=np.uint8, copy=True)
    x, y, sigma, amplitude = float(x), float(y), float(sigma), float(amplitude)
    height, width = out.shape[0], out.shape[1]
    radius = dot_support_radius(sigma, amplitude)
    x0 = max(0, int(math.floor(x - radius)))
    x1 = min(width - 1, int(math.ceil(x + radius)))
    y0 = max(0, int(math.floor(y - radius)))
    y1 = min(height - 1, int(math.ceil(y + radius)))
    if x0 > x1 or y0 > y1:
        return out
    du = np.arange(x0, x1 + 1, dtype=np.float64) - x
    dv = np.arange(y0, y1 + 1, dtype=np.float64) - y
    added = dot_added_value(du[None, :], dv[:, None], sigma, amplitude)[:, :, None]
    window = out[y0 : y1 + 1, x0 : x1 + 1].astype(np.float64)
    total = window + added
    whole = np.floor(total)
    # Half up without the double rounding of floor(total + 0.5): total - floor(total) is exact.
    rounded = np.minimum(255.0, whole + (total - whole >= 0.5))
    changed = np.broadcast_to(added >= 0.5, window.shape)
    out[y0 : y1 + 1, x0 : x1 + 1] = np.where(changed, rounded, window).astype(np.uint8)
    return out


def touched_patches(frame1, perturbed):
    """Sorted patch indices (row * 32 + col) of the 8x8 patches holding a pixel that differs."""
    changed = np.any(np.asarray(frame1) != np.asarray(perturbed), axis=2)  # [256, 256]
    per_patch = changed.reshape(GRID, PATCH_SIZE, GRID, PATCH_SIZE).any(axis=(1, 3))
    return np.flatnonzero(per_patch)


def patch_meets_window(patch, window):
    """True when the 8x8 square [8c, 8c+8) x [8r, 8r+8) of a patch meets [x0, x1) x [y0, y1)."""
    x0, y0, x1, y1 = window
    row, col = divmod(int(patch), GRID)
    return (
        PATCH_SIZE * col < x1
        and PATCH_SIZE * col + PATCH_SIZE > x0
        and PATCH_SIZE * row < y1
        and PATCH_SIZE * row + PATCH_SIZE > y0
    )


def split_groups(count, size):
    """[start, end) ranges cutting count active points, in request order, into groups of size."""
    return [(start, min(count, start + size)) for start in range(0, count, size)]


def _union_size(touched, start, end):
    return len(set().union(*(set(int(p) for p in t) for t in touched[start:end])))


def _group_tokens(u, branches, queried, revealed, codes, one_frame1_order):
    """Tokens of one group: its prefix, its branches' frame-1 tails and their per-seed suffixes."""
    prefix = TOKENS_PER_PATCH * (PATCHES - u)
    tail = TOKENS_PER_PATCH * u
    suffixes = [TOKENS_PER_PATCH * revealed + codes * q for q in queried]
    if one_frame1_order:
        return prefix + branches * tail + sum(branches * s for s in suffixes)
    return sum(prefix + branches * (tail + s) for s in suffixes)


def grouped_tokens(touched, queried, revealed, codes, size, one_frame1_order):
    """Tokens of the shared-prefix plan with groups of `size` active points (the last may be smaller)."""
    total = 0
    for start, end in split_groups(len(touched), size):
        u = _union_size(touched, start, end)
        total += _group_tokens(u, end - start + 1, queried, revealed, codes, one_frame1_order)
    return total


def best_group_size(touched, queried, revealed, codes, one_frame1_order):
    """The group size 1..|A| of least total tokens, the smallest on ties."""
    best, best_total = 1, None
    for size in range(1, len(touched) + 1):
        total = grouped_tokens(touched, queried, revealed, codes, size, one_frame1_order)
        if best_total is None or total < best_total:
            best, best_total = size, total
    return best


def plan_tokens(touched, queried, revealed, codes, plan):
    """TOKENS of a pair (docs/model-contract.md, "Cost"); the Python twin of ProbeCost.tokens.

    touched: the touched patches of each active point, in request order; queried: q_s of the seeds
    with q_s > 0; revealed: n; codes: c (1 for 32x32 maps, 4 for 64x64); plan: the SEQUENCE_PLAN bits.
    """
    queried = [int(q) for q in queried if q > 0]
    if not touched or not queried:
        return 0
    if not plan & PLAN_SHARED_PREFIX:
        sequence = [codes * (FRAME_TOKENS + TOKENS_PER_PATCH * revealed) + q * codes * (codes + 1) // 2 for q in queried]
        return (1 + len(touched)) * sum(sequence)
    one_order = bool(plan & PLAN_ONE_FRAME1_ORDER)
    size = best_group_size(touched, queried, revealed, codes, one_order)
    return grouped_tokens(touched, queried, revealed, codes, size, one_order)
