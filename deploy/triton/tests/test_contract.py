"""The Python reveal mask and Gaussian dot equal the Java definitions (RevealMask, GaussianDot)."""

import math
import unittest

import numpy as np

import tiny_lras  # noqa: F401  (puts the model folder on sys.path)
from probe_contract import (
    PATCHES,
    apply_dot,
    best_group_size,
    grouped_tokens,
    plan_tokens,
    revealed_count,
    revealed_indices,
    split_groups,
    touched_patches,
)


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


class TouchedPatchesTest(unittest.TestCase):
    def test_patches_holding_a_changed_pixel(self):
        black = np.zeros((256, 256, 3), dtype=np.uint8)
        dotted = apply_dot(black, 100, 100, 2.0, 255.0)  # changes pixels within 7.06 px
        # Rows and columns 11..13 of patches, but not the corner patch (11, 11): its nearest pixel
        # (95, 95) is 7.07 px away, where the dot adds 255 exp(-50 / 8) = 0.49 < 0.5.
        expected = [32 * r + c for r in (11, 12, 13) for c in (11, 12, 13) if (r, c) != (11, 11)]
        self.assertEqual(touched_patches(black, dotted).tolist(), expected)

    def test_saturated_pixels_do_not_count(self):
        white = np.full((256, 256, 3), 255, dtype=np.uint8)
        self.assertEqual(touched_patches(white, apply_dot(white, 100, 100, 2.0, 255.0)).tolist(), [])


class TokenRuleTest(unittest.TestCase):
    """docs/model-contract.md, "Cost": the rule's formulas on hand-worked cases."""

    def test_the_spec_example(self):
        # One point touching 2 patches, 5 seeds, ratio 0.9, 32x32 maps, 25 queried hidden patches.
        touched, queried = [[330, 331]], [25] * 5
        self.assertEqual(plan_tokens(touched, queried, 102, 1, 0), 56550)
        self.assertEqual(plan_tokens(touched, queried, 102, 1, 1), 31000)
        self.assertEqual(plan_tokens(touched, queried, 102, 1, 3), 10480)
        self.assertEqual(plan_tokens(touched, queried, 102, 1, 7), 10480)  # bit 4 costs nothing
        self.assertEqual(plan_tokens(touched, queried, 102, 1, 4), 56550)
        self.assertEqual(plan_tokens(touched, queried, 102, 1, 2), 56550)

    def test_fine_maps(self):
        touched, queried = [[330, 331]], [25]
        # plain: 2 x (4 x 5,630 + 25 x 10); shared prefix: 5,110 + 2 x (10 + 510 + 4 x 25).
        self.assertEqual(plan_tokens(touched, queried, 102, 4, 0), 2 * (4 * 5630 + 250))
        self.assertEqual(plan_tokens(touched, queried, 102, 4, 1), 5110 + 2 * 620)

    def test_a_full_window_pass_is_one_pass_equivalent(self):
        self.assertEqual(plan_tokens([[0]], [922], 102, 1, 0), 2 * 6552)

    def test_nothing_to_run_costs_nothing(self):
        self.assertEqual(plan_tokens([], [25, 25], 102, 1, 0), 0)
        for plan in range(8):
            self.assertEqual(plan_tokens([[1, 2]], [0, 0], 102, 1, plan), 0)
        # Seeds without queries drop out of the sums, the prefix of bits 1 + 2 included.
        self.assertEqual(plan_tokens([[1, 2]], [0, 25], 102, 1, 3), plan_tokens([[1, 2]], [25], 102, 1, 3))

    def test_groups_are_cut_in_request_order_and_the_last_may_be_smaller(self):
        self.assertEqual(split_groups(5, 2), [(0, 2), (2, 4), (4, 5)])
        touched = [[0, 1], [1, 2], [100]]
        # g = 2: group {0, 1, 2} (u = 3, 3 branches) and group {100} (u = 1, 2 branches).
        first = 5 * (1024 - 3) + 3 * (5 * 3 + 510 + 30)
        second = 5 * (1024 - 1) + 2 * (5 * 1 + 510 + 30)
        self.assertEqual(grouped_tokens(touched, [30], 102, 1, 2, False), first + second)

    def test_group_size_is_the_least_total_and_the_smallest_on_ties(self):
        one_patch = [[p] for p in range(4)]
        # Small touched sets: one group shares the prefix and the clean branch best.
        self.assertEqual(best_group_size(one_patch, [25], 102, 1, False), 4)
        # Large touched sets: long tails make smaller groups cheaper.
        big = [list(range(256 * i, 256 * i + 200)) for i in range(4)]
        sizes = {g: grouped_tokens(big, [25], 102, 1, g, False) for g in range(1, 5)}
        best = best_group_size(big, [25], 102, 1, False)
        self.assertEqual(sizes[best], min(sizes.values()))
        self.assertLess(best, 4)
        # A tie between g = 2 and g = 3 (n = 10, q = 1, c = 1): the smaller wins.
        tie = [range(252, 352), range(585, 635), range(495, 745), range(750, 1000)]
        # g = 2: {A, B} u = 150: 4,370 + 3 x 750 + 3 x 51; {C, D} u = 500: 2,620 + 3 x 2,500 + 3 x 51.
        # g = 3: {A, B, C} u = 350: 3,370 + 4 x 1,750 + 4 x 51; {D} u = 250: 3,870 + 2 x 1,250 + 2 x 51.
        self.assertEqual([grouped_tokens(tie, [1], 10, 1, g, True) for g in (1, 2, 3, 4)], [24138, 17046, 17046, 17375])
        self.assertEqual(best_group_size(tie, [1], 10, 1, True), 2)

if __name__ == "__main__":
    unittest.main()
