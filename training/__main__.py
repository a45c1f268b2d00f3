"""`make model`: train the same-claim cross-encoder from ../shared/data and write it into the package.

    python -m training [--data ../shared/data] [--out src/newsprism/nlp/models/claim_pairs.onnx]

Two stages (training/fit.py): both outputs on every training pair, then the same-claim output alone. Each
stage's weights are kept under build/ so that a later stage or the export can run again without the earlier
ones (--from-stage).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import torch

from training.export import export_int8
from training.fit import FitOptions, fit, new_model, pair_tokenizer, refine
from training.pairs import DATA, same_claim_pairs, summary, training_pairs

ROOT = Path(__file__).resolve().parents[1]
TOKENIZER = ROOT / "src" / "newsprism" / "nlp" / "models" / "tokenizer.json"
CHECKPOINTS = {1: ROOT / "build" / "claim_pairs.pt", 2: ROOT / "build" / "claim_pairs_refined.pt"}
TARGET = ROOT / "src" / "newsprism" / "nlp" / "models" / "claim_pairs.onnx"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=TARGET, help="the int8 ONNX file (default: %(default)s)")
    parser.add_argument(
        "--from-stage", type=int, choices=(1, 2, 3), default=1,
        help="2: start from build/'s first-stage weights; 3: only export build/'s refined weights",
    )
    parser.add_argument("--limit", type=int, default=0, help="train on the first N pairs only (a smoke run)")
    arguments = parser.parse_args()
    started = time.monotonic()
    tokenizer = pair_tokenizer(TOKENIZER)
    options = FitOptions()
    model = new_model()
    if arguments.from_stage == 1:
        pairs = _limited(training_pairs(arguments.data), arguments.limit)
        print(f"stage 1 on {summary(pairs)}", flush=True)
        model = fit(pairs, tokenizer, options)
        _save(model, 1)
    elif arguments.from_stage >= 2:
        model.load_state_dict(torch.load(CHECKPOINTS[arguments.from_stage - 1]))
    if arguments.from_stage <= 2:
        pairs = _limited(same_claim_pairs(arguments.data), arguments.limit)
        print(f"stage 2 on {summary(pairs)}", flush=True)
        model = refine(model, pairs, tokenizer, options)
        _save(model, 2)
    export_int8(model, arguments.out)
    size = arguments.out.stat().st_size / 2**20
    print(f"wrote {arguments.out} ({size:.1f} MiB) in {(time.monotonic() - started) / 60:.1f} min")


def _limited(pairs: list, limit: int) -> list:  # type: ignore[type-arg]
    return pairs[:limit] if limit else pairs


def _save(model: torch.nn.Module, stage: int) -> None:
    CHECKPOINTS[stage].parent.mkdir(parents=True, exist_ok=True)
    torch.save(model.state_dict(), CHECKPOINTS[stage])


if __name__ == "__main__":
    main()
