"""lras_loader builds the model from local checkpoints by class name, and never downloads."""

import os
import tempfile
import unittest

import numpy as np
import torch

from tiny_lras import HERE, TinyLpq, TinyLpqConfig, TinyLras, TinyLrasConfig, save_checkpoint  # noqa: I001
import lras_loader


class LoaderTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.lras = TinyLras(TinyLrasConfig(vocab_size=256 + 2048, init_seed=3)).eval()
        self.lpq = TinyLpq(TinyLpqConfig(code_bits=8)).eval()
        self.params = {
            "LRAS_CODE_DIR": HERE,
            "LRAS_CHECKPOINT": os.path.join(self.dir.name, "lras.pt"),
            "LPQ_CHECKPOINT": os.path.join(self.dir.name, "lpq.pt"),
            "LRAS_CONFIG_CLASS": "tiny_lras.TinyLrasConfig",
            "LRAS_MODEL_CLASS": "tiny_lras.TinyLras",
            "LPQ_CONFIG_CLASS": "tiny_lras.TinyLpqConfig",
            "LPQ_MODEL_CLASS": "tiny_lras.TinyLpq",
            "DTYPE": "float32",
            "CONTENT_VOCAB": "256",
            "MAX_SEQUENCES_PER_PASS": "3",
        }
        save_checkpoint(self.lras, self.params["LRAS_CHECKPOINT"])
        save_checkpoint(self.lpq, self.params["LPQ_CHECKPOINT"])

    def tearDown(self):
        self.dir.cleanup()

    def test_loads_both_models_from_their_checkpoints(self):
        transformer, tokenizer, layout, per_pass = lras_loader.load_components(self.params, "cpu")
        self.assertEqual((layout.vocab_size, per_pass), (2304, 3))
        tokens = torch.randint(0, 2304, (2, 40))
        positions = torch.randperm(10240)[:40].expand(2, -1)
        expected = lras_loader.LrasTransformer(self.lras)(tokens, positions, 7)
        self.assertTrue(torch.equal(transformer(tokens, positions, 7), expected))
        frames = np.random.default_rng(1).integers(0, 256, (2, 256, 256, 3), dtype=np.uint8)
        codes = tokenizer(frames)
        self.assertEqual((tuple(codes.shape), codes.dtype), ((2, 64, 64), torch.long))
        self.assertTrue(bool((codes < 256).all()))

    def test_blocks_that_take_a_mask_get_the_causal_mask(self):
        seen = []

        class MaskTakingBlock(torch.nn.Module):
            def __init__(self, inner):
                super().__init__()
                self.inner = inner

            def forward(self, x, mask=None):
                seen.append(mask)
                return self.inner(x)

        self.lras.transformer.h = torch.nn.ModuleList([MaskTakingBlock(b) for b in self.lras.transformer.h])
        tokens = torch.randint(0, 2304, (1, 6))
        lras_loader.LrasTransformer(self.lras)(tokens, torch.arange(6)[None], 2)
        self.assertEqual(len(seen), 2)
        expected = torch.ones(6, 6, dtype=torch.bool).triu(1).view(1, 1, 6, 6)
        self.assertTrue(all(torch.equal(mask, expected) for mask in seen))

    def test_strips_compiled_module_prefixes(self):
        state = {"_orig_mod." + k: v for k, v in self.lras.state_dict().items()}
        torch.save({"cfg": {"vocab_size": 2304, "init_seed": 3}, "weights": state}, self.params["LRAS_CHECKPOINT"])
        transformer, _, _, _ = lras_loader.load_components(self.params, "cpu")
        self.assertTrue(torch.equal(transformer.model.lm_head.weight, self.lras.lm_head.weight))

    def test_missing_checkpoint_fails_at_load_without_downloading(self):
        params = dict(self.params, LRAS_CHECKPOINT=os.path.join(self.dir.name, "absent.pt"))
        with self.assertRaisesRegex(FileNotFoundError, "never downloaded"):
            lras_loader.load_components(params, "cpu")

    def test_vocabulary_must_fit_the_token_layout(self):
        with self.assertRaisesRegex(ValueError, "vocabulary is 2304"):
            lras_loader.load_components(dict(self.params, CONTENT_VOCAB="65536"), "cpu")

    def test_required_paths_and_dtype_are_checked(self):
        params = dict(self.params)
        del params["LPQ_CHECKPOINT"]
        with self.assertRaisesRegex(ValueError, "LPQ_CHECKPOINT is required"):
            lras_loader.load_components(params, "cpu")
        with self.assertRaisesRegex(ValueError, "DTYPE must be one of"):
            lras_loader.load_components(dict(self.params, DTYPE="int8"), "cpu")


if __name__ == "__main__":
    unittest.main()
