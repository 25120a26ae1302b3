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

    def test_tiny_lras_mirrors_the_lras_module_names_and_its_forward_matches_the_adapter(self):
        names = {name for name, _ in self.lras.named_modules()}
        for name in ("transformer.token_embedding", "transformer.positional_embedding", "transformer.ln_f", "lm_head"):
            self.assertIn(name, names)
        for name in ("ln_1", "attn", "attn.c_attn", "attn.c_proj", "ln_2", "mlp", "mlp.c_fc", "mlp.c_proj"):
            self.assertIn(f"transformer.h.0.{name}", names)
        tokens, positions = torch.randint(0, 2304, (2, 40)), torch.randperm(10240)[:40].expand(2, -1)
        logits, loss = self.lras(tokens, positions, tgt=torch.zeros(2, 7, dtype=torch.long))
        self.assertIsNone(loss)
        expected = lras_loader.LrasTransformer(self.lras)(tokens, positions, 7)
        torch.testing.assert_close(logits, expected, rtol=0, atol=0)

    def test_cached_forward_without_cache_or_mask_equals_the_plain_pass(self):
        adapter = lras_loader.LrasTransformer(self.lras)
        tokens, positions = torch.randint(0, 2304, (2, 700)), torch.randperm(10240)[:700].expand(2, -1)
        plain = adapter(tokens, positions, 30)
        logits, cache = adapter.forward_cached(tokens, positions, 30)
        torch.testing.assert_close(logits, plain, rtol=1e-5, atol=1e-5)
        self.assertEqual((cache.batch, cache.length, len(cache.keys)), (2, 700, 2))
        causal = torch.ones(700, 700, dtype=torch.bool).tril()
        masked, none = adapter.forward_cached(tokens, positions, 30, allowed=causal, keep=False)
        torch.testing.assert_close(masked, plain, rtol=1e-5, atol=1e-5)
        self.assertIsNone(none)

    def test_a_sequence_run_in_cached_pieces_equals_the_whole(self):
        adapter = lras_loader.LrasTransformer(self.lras)
        tokens, positions = torch.randint(0, 2304, (3, 900)), torch.randperm(10240)[:900].expand(3, -1)
        tokens[1:, :600] = tokens[:1, :600]  # the rows share their first 600 tokens
        _, shared = adapter.forward_cached(tokens[:1, :600], positions[:1, :600], 0)  # batch 1, broadcast
        _, middle = adapter.forward_cached(tokens[:, 600:850], positions[:, 600:850], 0, [shared])
        logits, last = adapter.forward_cached(tokens[:, 850:], positions[:, 850:], 50, [shared, middle])
        self.assertEqual((shared.batch, middle.batch, last.length), (1, 3, 50))
        torch.testing.assert_close(logits, adapter(tokens, positions, 50), rtol=1e-5, atol=1e-5)

    def test_a_mask_hides_tokens_from_the_attention(self):
        adapter = lras_loader.LrasTransformer(self.lras)
        tokens, positions = torch.randint(0, 2304, (1, 60)), torch.randperm(10240)[:60][None]
        _, context = adapter.forward_cached(tokens[:, :50], positions[:, :50], 0)
        # Token 55 attends to the context and itself only: as if tokens 50..54 were not there.
        allowed = torch.ones(10, 60, dtype=torch.bool).tril(50)
        allowed[5, 50:55] = False
        logits, _ = adapter.forward_cached(tokens[:, 50:], positions[:, 50:], 10, [context], allowed)
        alone, _ = adapter.forward_cached(tokens[:, 55:56], positions[:, 55:56], 1, [context])
        torch.testing.assert_close(logits[:, 5], alone[:, 0], rtol=1e-5, atol=1e-5)
        with self.assertRaisesRegex(ValueError, "attention mask has shape"):
            adapter.forward_cached(tokens[:, 50:], positions[:, 50:], 10, [context], allowed[:, :59])

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
