"""The Python reveal mask and Gaussian dot equal the Java definitions (RevealMask, GaussianDot)."""

import math
import unittest

import numpy as np

import tiny_lras  # noqa: F401  (puts the model folder on sys.path)
from probe_contract import PATCHES, apply_dot, revealed_count, revealed_indices


def java_dot_reference(image, x, y, sigma, amplitude):
    """GaussianDot.apply written out pixel by pixel, with Math.round as floor(v + 1/2)."""
    out = image.copy()
    for v in range(image.shape[0]):
        for u in range(image.shape[1]):
            add = amplitude * math.exp(-((u - x) ** 2 + (v - y) ** 2) / (2 * sigma * sigma))
            if add < 0.5:
                continue
            for c in range(3):
                out[v, u, c] = min(255, math.floor(int(image[v, u, c]) + add + 0.5))
    return out


class RevealMaskTest(unittest.TestCase):
    def test_seed_1110_at_ratio_0_9_reveals_the_java_pinned_patches_first(self):
        self.assertEqual(revealed_indices(1110, 0.9)[:6], [546, 894, 267, 861, 110, 689])

    def test_float32_ratio_from_the_wire_reveals_the_same_patches(self):
        self.assertEqual(revealed_indices(1110, np.float32(0.9)), revealed_indices(1110, 0.9))

    def test_count_is_floor_of_1024_times_one_minus_ratio(self):
        self.assertEqual([revealed_count(r) for r in (0.9, 0.0, 0.5, 0.99)], [102, 1024, 512, 10])

    def test_revealed_patches_are_distinct_and_in_range(self):
        for seed in (1110, 1114, -1, -(2**63), 2**63 - 1):
            drawn = revealed_indices(seed, 0.9)
            self.assertEqual(len(set(drawn)), 102)
            self.assertTrue(all(0 <= p < PATCHES for p in drawn))

    def test_ratio_zero_reveals_every_patch(self):
        self.assertEqual(sorted(revealed_indices(5, 0.0)), list(range(PATCHES)))


class GaussianDotTest(unittest.TestCase):
    def setUp(self):
        self.black = np.zeros((256, 256, 3), dtype=np.uint8)

    def test_known_offsets_on_black(self):
        out = apply_dot(self.black, 100, 100, 2.0, 255.0)
        self.assertEqual(out[100, 100].tolist(), [255, 255, 255])
        self.assertEqual(int(out[100, 102, 0]), 155)  # offset (2, 0)
        self.assertEqual(int(out[104, 100, 0]), 35)  # offset (0, 4)
        self.assertEqual(int(out[100, 106, 0]), 3)
        self.assertEqual(int(out[100, 107, 0]), 1)  # 0.56 added: rounded half up
        self.assertEqual(int(out[100, 108, 0]), 0)  # 0.09 added: below 0.5, unchanged

    def test_sum_is_clipped_at_255(self):
        grey = np.full((256, 256, 3), 200, dtype=np.uint8)
        out = apply_dot(grey, 50, 60, 2.0, 255.0)
        self.assertEqual(int(out[60, 50, 1]), 255)
        self.assertEqual(int(out[60, 52, 1]), 255)  # 200 + 155 clipped

    def test_zero_amplitude_changes_nothing(self):
        self.assertTrue(np.array_equal(apply_dot(self.black, 10, 10, 2.0, 0.0), self.black))

    def test_integer_coordinates_are_pixel_centres(self):
        out = apply_dot(self.black, 100.5, 100, 2.0, 255.0)
        expected = math.floor(255 * math.exp(-0.25 / 8) + 0.5)
        self.assertEqual([int(out[100, 100, 0]), int(out[100, 101, 0])], [expected, expected])

    def test_matches_the_java_formula_for_sub_pixel_centres_and_borders(self):
        rng = np.random.default_rng(3)
        image = rng.integers(0, 256, (24, 24, 3), dtype=np.uint8)
        cases = [(11.3, 7.8, 2.0, 255.0), (0.0, 0.0, 2.0, 255.0), (23.6, 12.2, 1.3, 90.0), (5.5, 5.5, 3.0, 40.0)]
        for x, y, sigma, amplitude in cases:
            with self.subTest(x=x, y=y, sigma=sigma, amplitude=amplitude):
                expected = java_dot_reference(image, x, y, sigma, amplitude)
                self.assertTrue(np.array_equal(apply_dot(image, x, y, sigma, amplitude), expected))

    def test_dot_far_outside_the_crop_changes_nothing(self):
        self.assertTrue(np.array_equal(apply_dot(self.black, -50, 300, 2.0, 255.0), self.black))


if __name__ == "__main__":
    unittest.main()
