"""Validation of one lras_kl_probe request into plain numpy values (no Triton, no torch).

Every check names the tensor and the bad value; a failure raises BadRequest, which model.py turns
into an error response.
"""

import math
from dataclasses import dataclass

import numpy as np

from probe_contract import (
    AMPLITUDE,
    CROP_SIZE,
    FINE_GRID,
    FRAME1,
    FRAME2,
    GRID,
    MAP_SIZE,
    MASK_RATIO,
    PLAN_BITS,
    PROBE_POINTS,
    QUERY_WINDOW,
    READOUT,
    READOUT_KL,
    READOUT_RGB_DIFF,
    SEEDS,
    SEQUENCE_PLAN,
    SIGMA,
)

INPUTS = {
    FRAME1: np.uint8,
    FRAME2: np.uint8,
    PROBE_POINTS: np.float32,
    SEEDS: np.int64,
    SIGMA: np.float32,
    AMPLITUDE: np.float32,
    MASK_RATIO: np.float32,
    READOUT: np.int32,
    MAP_SIZE: np.int32,
    QUERY_WINDOW: np.float32,
    SEQUENCE_PLAN: np.int32,
}


class BadRequest(ValueError):
    """A request that breaks the probe contract; reported to the caller, never raised by Triton."""


@dataclass(frozen=True)
class PairProbe:
    """One crop pair of a request, with its own parameters."""

    frame1: np.ndarray  # uint8 [256, 256, 3]
    frame2: np.ndarray  # uint8 [256, 256, 3]
    points: np.ndarray  # float32 [P, 2]
    seeds: np.ndarray  # int64 [S]
    sigma: float
    amplitude: float
    mask_ratio: float
    map_size: int
    window: tuple  # (x0, y0, x1, y1) in crop pixels, x0 < x1 and y0 < y1
    plan: int  # SEQUENCE_PLAN bits, 0..7


def parse_request(get_input):
    """Validates a request; get_input(name) returns its numpy array or None. Returns [PairProbe]."""
    arrays = {}
    for name, dtype in INPUTS.items():
        array = get_input(name)
        if array is None:
            raise BadRequest(f"input {name} is missing")
        if array.dtype != dtype:
            raise BadRequest(f"input {name} has dtype {array.dtype}, expected {np.dtype(dtype)}")
        arrays[name] = array
    batch = arrays[FRAME1].shape[0] if arrays[FRAME1].ndim > 0 else 0
    frame_shape = (batch, CROP_SIZE, CROP_SIZE, 3)
    _check_shape(arrays, FRAME1, frame_shape, "[B, 256, 256, 3]")
    _check_shape(arrays, FRAME2, frame_shape, "[B, 256, 256, 3]")
    points = arrays[PROBE_POINTS]
    _check_shape(arrays, PROBE_POINTS, (batch, points.shape[1] if points.ndim == 3 else -1, 2), "[B, P, 2]")
    seeds = arrays[SEEDS]
    _check_shape(arrays, SEEDS, (batch, seeds.shape[1] if seeds.ndim == 2 else -1), "[B, S]")
    for name in (SIGMA, AMPLITUDE, MASK_RATIO, READOUT, MAP_SIZE, SEQUENCE_PLAN):
        _check_shape(arrays, name, (batch, 1), "[B, 1]")
    _check_shape(arrays, QUERY_WINDOW, (batch, 4), "[B, 4]")
    if batch == 0 or points.shape[1] == 0 or seeds.shape[1] == 0:
        raise BadRequest(f"B, P and S must be >= 1, were {batch}, {points.shape[1]}, {seeds.shape[1]}")
    if not np.all(np.isfinite(points)):
        raise BadRequest(f"{PROBE_POINTS} must be finite")
    pairs = [_pair(arrays, b) for b in range(batch)]
    sizes = sorted({pair.map_size for pair in pairs})
    if len(sizes) > 1:
        raise BadRequest(f"{MAP_SIZE} must be the same for every pair of a request, was {sizes}")
    return pairs


def _check_shape(arrays, name, expected, text):
    actual = tuple(arrays[name].shape)
    if actual != tuple(expected):
        raise BadRequest(f"input {name} has shape {list(actual)}, expected {text} with B = {expected[0]}")


def _pair(arrays, b):
    sigma = float(arrays[SIGMA][b, 0])
    amplitude = float(arrays[AMPLITUDE][b, 0])
    ratio = float(arrays[MASK_RATIO][b, 0])
    readout = int(arrays[READOUT][b, 0])
    map_size = int(arrays[MAP_SIZE][b, 0])
    plan = int(arrays[SEQUENCE_PLAN][b, 0])
    if not (math.isfinite(sigma) and sigma > 0):
        raise BadRequest(f"{SIGMA} must be a positive number, was {sigma} (pair {b})")
    if not (math.isfinite(amplitude) and amplitude >= 0):
        raise BadRequest(f"{AMPLITUDE} must be a non-negative number, was {amplitude} (pair {b})")
    if not 0.0 <= ratio < 1.0:
        raise BadRequest(f"{MASK_RATIO} must be in [0, 1), was {ratio} (pair {b})")
    if readout == READOUT_RGB_DIFF:
        raise BadRequest(f"{READOUT} 1 (RGB difference) is not supported by this model; use 0 (KL)")
    if readout != READOUT_KL:
        raise BadRequest(f"{READOUT} must be 0 (KL) or 1 (RGB difference), was {readout} (pair {b})")
    if map_size not in (GRID, FINE_GRID):
        raise BadRequest(f"{MAP_SIZE} must be {GRID} or {FINE_GRID}, was {map_size} (pair {b})")
    if not 0 <= plan <= PLAN_BITS:
        raise BadRequest(f"{SEQUENCE_PLAN} must be 0 to {PLAN_BITS} (bits 1, 2, 4), was {plan} (pair {b})")
    return PairProbe(
        frame1=arrays[FRAME1][b],
        frame2=arrays[FRAME2][b],
        points=arrays[PROBE_POINTS][b],
        seeds=arrays[SEEDS][b],
        sigma=sigma,
        amplitude=amplitude,
        mask_ratio=ratio,
        map_size=map_size,
        window=_window(arrays[QUERY_WINDOW][b], b),
        plan=plan,
    )


def _window(values, b):
    """(x0, y0, x1, y1) as floats (the exact FP32 values), finite with x0 < x1 and y0 < y1."""
    x0, y0, x1, y1 = (float(v) for v in values)
    text = f"({x0}, {y0}, {x1}, {y1})"
    if not all(math.isfinite(v) for v in (x0, y0, x1, y1)):
        raise BadRequest(f"{QUERY_WINDOW} must be finite, was {text} (pair {b})")
    if not (x0 < x1 and y0 < y1):
        raise BadRequest(f"{QUERY_WINDOW} needs x0 < x1 and y0 < y1, was {text} (pair {b})")
    return (x0, y0, x1, y1)
