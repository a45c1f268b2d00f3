"""`make model`: train the same-claim cross-encoder from ../shared/data and write it into the package.

python -m training [--data ../shared/data] [--out src/newsprism/nlp/models/claim_pairs.onnx]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import torch

from training.export import export_int8
from training.fit import FitOptions, fit, new_model, pair_tokenizer
from training.pairs import DATA, summary, training_pairs

ROOT = Path(__file__).resolve().parents[1]
TOKENIZER = ROOT / "src" / "newsprism" / "nlp" / "models" / "tokenizer.json"
CHECKPOINT = ROOT / "build" / "claim_pairs.pt"
TARGET = ROOT / "src" / "newsprism" / "nlp" / "models" / "claim_pairs.onnx"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--data", type=Path, default=DATA, help="the shared data folder (default: %(default)s)"
    )
    parser.add_argument("--out", type=Path, default=TARGET, help="the int8 ONNX file (default: %(default)s)")
    parser.add_argument("--epochs", type=int, default=FitOptions.epochs)
    parser.add_argument("--export-only", action="store_true", help=f"export {CHECKPOINT} again, no training")
    parser.add_argument("--limit", type=int, default=0, help="train on the first N pairs only (a smoke run)")
    arguments = parser.parse_args()
    started = time.monotonic()
    if arguments.export_only:
        model = new_model()
        model.load_state_dict(torch.load(CHECKPOINT))
        export_int8(model, arguments.out)
        return
    pairs = training_pairs(arguments.data)
    if arguments.limit:
        pairs = pairs[: arguments.limit]
    print(f"training on {summary(pairs)}", flush=True)
    model = fit(pairs, pair_tokenizer(TOKENIZER), FitOptions(epochs=arguments.epochs))
    # Kept so that a change of the export alone does not need a new training run (--export-only).
    CHECKPOINT.parent.mkdir(parents=True, exist_ok=True)
    torch.save(model.state_dict(), CHECKPOINT)
    export_int8(model, arguments.out)
    size = arguments.out.stat().st_size / 2**20
    print(f"wrote {arguments.out} ({size:.1f} MiB) in {(time.monotonic() - started) / 60:.1f} min")


if __name__ == "__main__":
    main()
