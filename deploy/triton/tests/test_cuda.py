"""The probe on a CUDA device gives the CPU's maps: device placement of every tensor, the sequence
plans' KV cache and masks through SDPA, and what bf16 autocast (the GPU default for a 7B
checkpoint) does to the maps' peaks. Skipped without CUDA."""

import copy
import unittest

import numpy as np
import torch

from tiny_lras import textured_frames, tiny_components  # noqa: I001 (sets sys.path)
from lras_loader import LpqTokenizer, LrasTransformer
from lras_probe import KlProbe
from probe_contract import FULL_WINDOW

SEEDS = [1110, 1111, 1112]
POINTS = [[100.0, 100.0], [37.5, 180.0], [200.0, 60.0], [128.0, 128.0]]


@unittest.skipUnless(torch.cuda.is_available(), "no CUDA device")
class CudaProbeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        torch.backends.cuda.matmul.allow_tf32 = False
        torch.backends.cudnn.allow_tf32 = False
        cls.cpu, lras = tiny_components()
        cls.frame1, cls.frame2 = textured_frames()
        lpq = cls.cpu.tokenizer.quantizer

        def on_cuda(autocast_dtype):
            return KlProbe(
                LrasTransformer(copy.deepcopy(lras).to("cuda"), autocast_dtype),
                LpqTokenizer(copy.deepcopy(lpq).to("cuda"), "cuda"),
                cls.cpu.layout,
                "cuda",
                cls.cpu.max_sequences_per_pass,
            )

        cls.cuda32 = on_cuda(None)
        cls.cuda16 = on_cuda(torch.bfloat16)

    def maps(self, probe, map_size=32):
        return probe.probe(self.frame1, self.frame2, POINTS, SEEDS, 2.0, 255.0, 0.9, map_size)

    def test_float32_maps_on_cuda_equal_the_cpu_maps(self):
        for map_size in (32, 64):
            cpu = self.maps(self.cpu, map_size)
            cuda = self.maps(self.cuda32, map_size)
            self.assertEqual(cuda.shape, cpu.shape)
            self.assertEqual(cuda.dtype, np.float32)
            np.testing.assert_allclose(cuda, cpu, rtol=1e-3, atol=1e-5)
            self.assertTrue(np.array_equal(peaks(cuda), peaks(cpu)))

    def test_sequence_plans_on_cuda_equal_the_cpu(self):
        window = (72.0, 80.0, 150.0, 136.0)
        for plan, map_size, win in ((3, 32, FULL_WINDOW), (5, 32, window), (4, 32, window), (7, 64, window)):
            with self.subTest(plan=plan, map_size=map_size):
                args = (self.frame1, self.frame2, POINTS, SEEDS, 2.0, 255.0, 0.9, map_size, win, plan)
                cpu, cuda = self.cpu.run(*args), self.cuda32.run(*args)
                self.assertEqual(cuda.tokens, cpu.tokens)
                np.testing.assert_allclose(cuda.maps, cpu.maps, rtol=1e-3, atol=1e-5)
                bf16 = self.cuda16.run(*args)
                same = float(np.mean(np.all(peaks(bf16.maps) == peaks(cpu.maps), axis=-1)))
                print(f"plan {plan}, {map_size} maps, bf16: {same:.0%} of the float32 peaks")

    def test_bf16_autocast_keeps_most_peaks(self):
        cpu = self.maps(self.cpu)
        bf16 = self.maps(self.cuda16)
        self.assertTrue(np.all(np.isfinite(bf16)) and np.all(bf16 >= 0))
        same = float(np.mean(np.all(peaks(bf16) == peaks(cpu), axis=-1)))
        print(f"bf16 autocast: {same:.0%} of {cpu.shape[0] * cpu.shape[1]} map peaks where float32 has them")
        self.assertGreaterEqual(same, 0.5)


def peaks(maps):
    """(row, col) of each map's maximum: [P, S, 2]."""
    flat = maps.reshape(maps.shape[0], maps.shape[1], -1).argmax(-1)
    return np.stack(np.unravel_index(flat, maps.shape[2:]), axis=-1)


if __name__ == "__main__":
    unittest.main()
