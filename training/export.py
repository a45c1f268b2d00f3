"""Write the trained cross-encoder as one int8 ONNX file that onnxruntime runs without torch."""

from __future__ import annotations

import tempfile
from pathlib import Path

import torch

from training.fit import CrossEncoder

OPSET = 17
INPUTS = ("input_ids", "attention_mask", "token_type_ids")


def export_int8(model: CrossEncoder, target: Path) -> None:
    """Export to ONNX (float), then quantise the weights of every MatMul and
    the word-embedding table (Gather) to int8, per channel."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model.eval()
    example = {name: torch.ones((2, 16), dtype=torch.long) for name in INPUTS}
    dynamic = {name: {0: "batch", 1: "tokens"} for name in INPUTS}
    with tempfile.TemporaryDirectory() as folder:
        float_path = Path(folder) / "float.onnx"
        torch.onnx.export(
            model,
            (example["input_ids"], example["attention_mask"], example["token_type_ids"]),
            str(float_path),
            input_names=list(INPUTS),
            output_names=["logits"],
            dynamic_axes={**dynamic, "logits": {0: "batch"}},
            opset_version=OPSET,
            dynamo=False,
        )
        target.parent.mkdir(parents=True, exist_ok=True)
        quantize_dynamic(
            str(float_path),
            str(target),
            weight_type=QuantType.QInt8,
            per_channel=True,
            op_types_to_quantize=["MatMul", "Gather"],
        )
