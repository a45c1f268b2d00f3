"""Build the embedding model's faster int8 copy, once, into the cache: clustering needs its ~3.5x speed."""

from __future__ import annotations

import hashlib
import logging
import os
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import onnxruntime as ort
from tokenizers import Tokenizer

from newsprism.errors import NewsprismError
from newsprism.files import replaced_atomically
from newsprism.nlp.onnx_session import DISABLED_OPTIMIZERS, embed_batch, load_session

if TYPE_CHECKING:
    import onnx

ONNX_INSTALL = "pip install onnx==1.23.2"

# Bump whenever the rewrite below changes, so stale cached models are not read.
OPTIMISED_FORMAT_VERSION = 3
ATTENTION_HEADS = 12  # all-MiniLM-L6-v2: 12 heads of 32 dimensions
# The optimised copy is kept only if no probe sentence moves further than this from the source model's vector;
# over 2,947 news titles and leads the smallest cosine measured was 0.983, a broken rewrite gives far less.
MIN_AGREEMENT = 0.97
# They set the optimised copy's activation ranges, then check it: bump the format version on a change.
PROBE_SENTENCES = (
    "Police fired tear gas at protesters in Port Asha on Friday night.",
    "More than 4,000 residents were evacuated overnight as the river kept rising.",
    "Shares in the company fell sharply.",
    "A 12-year-old was in critical condition Tuesday after he and three others were shot on a basketball "
    "court, police said, and the shooter fled in a light blue SUV.",
)

_log = logging.getLogger(__name__)


def optimised_model_name(model_path: Path) -> str:
    """Name the optimised copy after the file it is built from, the recipe and onnxruntime's version."""
    with model_path.open("rb") as file:
        digest = hashlib.file_digest(file, "sha256").hexdigest()[:16]
    size = model_path.stat().st_size
    return f"minilm-int8-activations-v{OPTIMISED_FORMAT_VERSION}-ort{ort.__version__}-{size}-{digest}.onnx"


def open_optimised(
    source: Path, target: Path, tokenizer: Tokenizer, threads: int
) -> ort.InferenceSession | None:
    """Open the cached optimised copy of source, building it first if needed; None when that fails."""
    if target.is_file():
        # A copy that no longer loads (a damaged disk) is built again.
        with suppress(NewsprismError):
            return load_session(target, threads)
    try:
        return _build_optimised(source, target, tokenizer, threads)
    except ImportError:
        _log.warning("Embeddings run ~3.5x slower, on the model as shipped: run `%s`.", ONNX_INSTALL)
    except (OSError, ValueError, NewsprismError) as error:
        _log.warning(
            "Embeddings run ~3.5x slower, on the model as shipped: no optimised copy in %s (%s).",
            target.parent,
            error,
        )
    return None


def _build_optimised(source: Path, target: Path, tokenizer: Tokenizer, threads: int) -> ort.InferenceSession:
    """Write the optimised copy of source to target atomically, check it against source and open it."""
    import onnx

    target.parent.mkdir(parents=True, exist_ok=True)
    with replaced_atomically(target) as temporary:
        model = _fused_float_model(source)
        _quantise(model, tokenizer)
        onnx.save(model, temporary)
        _apply_onnxruntime_rewrites(temporary)
        session = load_session(temporary, threads)
        agreement = _agreement(session, load_session(source, threads), tokenizer)
        if agreement < MIN_AGREEMENT:
            raise ValueError(f"its vectors differ from the model's (cosine {agreement:.3f})")
    return session


def _apply_onnxruntime_rewrites(path: Path) -> None:
    """Replace the model at path by the graph onnxruntime makes of it at its extended level.

    Every process would otherwise redo these rewrites when it opens the model: the rewritten copy opens in
    ~70 ms instead of ~110-150. The extended level stays portable across CPUs (the level above it may lay
    tensors out for this machine's instruction set).
    """
    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
    rewritten = path.with_name(f"{path.name}.rewritten")
    options.optimized_model_filepath = str(rewritten)
    try:
        ort.InferenceSession(
            str(path),
            sess_options=options,
            providers=["CPUExecutionProvider"],
            disabled_optimizers=DISABLED_OPTIMIZERS,
        )
        os.replace(rewritten, path)
    except Exception as error:  # onnxruntime's own untyped errors: the shipped model runs instead
        raise NewsprismError(f"onnxruntime could not rewrite {path}: {error}") from error
    finally:
        rewritten.unlink(missing_ok=True)


def _agreement(optimised: ort.InferenceSession, source: ort.InferenceSession, tokenizer: Tokenizer) -> float:
    """The smallest cosine between the two models' vectors of the probe sentences."""
    encodings = tokenizer.encode_batch(list(PROBE_SENTENCES))
    return float((embed_batch(optimised, encodings) * embed_batch(source, encodings)).sum(axis=1).min())


def _fused_float_model(source: Path) -> onnx.ModelProto:
    """Load source with float32 MatMul weights, each attention block and each GELU fused into one operator.

    Raises ValueError when the file is not an all-MiniLM-L6-v2 export of the shape this expects.
    """
    import onnx
    from google.protobuf.message import DecodeError

    try:
        model = onnx.load(str(source))
    except DecodeError as error:
        raise ValueError(f"{source} is not an ONNX model") from error
    graph = _GraphIndex(model.graph)
    replacements = {**_fused_attention(graph), **_fused_gelu(graph)}
    # The shipped weights are int8 turned to float32 by Cast and Mul nodes at run time.
    for node in graph.nodes:
        if node.op_type == "MatMul" and node.input[1] not in graph.initializers:
            weight = graph.constant(node.input[1])
            if weight is not None:
                node.input[1] = graph.add_initializer(f"{node.name}.weight", weight)
    mask = onnx.helper.make_node(
        "Cast", ["attention_mask"], [_MASK_INT32], to=onnx.TensorProto.INT32, name="attention_mask_to_int32"
    )
    _replace_nodes(model.graph, [mask, *(replacements.get(node.output[0], node) for node in graph.nodes)])
    model.opset_import.append(onnx.helper.make_opsetid(_MS_DOMAIN, 1))
    return model


_MS_DOMAIN = "com.microsoft"  # onnxruntime's own operators: Attention, Gelu, their int8 forms
_MASK_INT32 = "attention_mask_int32"
_QUERY_KEY_VALUE = ("query", "key", "value")
_GELU_CONSTANTS = (2**0.5, 1.0, 0.5)  # x / sqrt(2), erf + 1, 0.5 * ...


@dataclass(frozen=True)
class _Projection:
    """A dense layer in the graph: Add(MatMul(source, weight), bias)."""

    source: str
    weight: np.ndarray
    bias: np.ndarray


def _fused_attention(graph: _GraphIndex) -> dict[str, onnx.NodeProto]:
    """One com.microsoft Attention node per layer, keyed by the context tensor it produces."""
    from onnx import helper

    layers = sorted(
        name.removesuffix(".attention.self.query.bias")
        for name in graph.initializers
        if name.endswith(".attention.self.query.bias")
    )
    if not layers:
        raise ValueError("no attention layer was found")
    fused = {}
    for layer in layers:
        parts = [_projection(graph, f"{layer}.attention.self.{name}.bias") for name in _QUERY_KEY_VALUE]
        if len({part.source for part in parts}) != 1:
            raise ValueError(f"{layer}: query, key and value read different inputs")
        # The output dense layer reads the heads' concatenated context: what Attention computes.
        context = _projection(graph, f"{layer}.attention.output.dense.bias").source
        weight = np.hstack([part.weight for part in parts])
        bias = np.concatenate([part.bias for part in parts])
        fused[context] = helper.make_node(
            "Attention",
            [
                parts[0].source,
                graph.add_initializer(f"{layer}.attention.qkv.weight", weight),
                graph.add_initializer(f"{layer}.attention.qkv.bias", bias),
                _MASK_INT32,
            ],
            [context],
            name=f"{layer}.attention",
            domain=_MS_DOMAIN,
            num_heads=ATTENTION_HEADS,
        )
    return fused


def _projection(graph: _GraphIndex, bias_name: str) -> _Projection:
    """The dense layer that adds the initializer bias_name."""
    add = graph.only_reader(bias_name, "Add")
    matmul = graph.producer.get(_other_input(add, bias_name))
    weight = None if matmul is None or matmul.op_type != "MatMul" else graph.constant(matmul.input[1])
    bias = graph.constant(bias_name)
    if matmul is None or weight is None or bias is None:
        raise ValueError(f"the bias {bias_name} does not follow a MatMul by a constant")
    return _Projection(matmul.input[0], weight, bias)


def _fused_gelu(graph: _GraphIndex) -> dict[str, onnx.NodeProto]:
    """One com.microsoft Gelu node for each x * (0.5 * (1 + erf(x / sqrt(2)))), keyed by its output."""
    from onnx import helper

    fused = {}
    for erf in [node for node in graph.nodes if node.op_type == "Erf"]:
        divide = graph.producer.get(erf.input[0])
        if divide is None:
            raise ValueError(f"{erf.name} reads a graph input")
        plus_one = graph.only_reader(erf.output[0], "Add")
        halve = graph.only_reader(plus_one.output[0], "Mul")
        multiply = graph.only_reader(halve.output[0], "Mul")
        x = divide.input[0]
        constants = [
            _scalar(graph, divide.input[1]),
            _scalar(graph, _other_input(plus_one, erf.output[0])),
            _scalar(graph, _other_input(halve, plus_one.output[0])),
        ]
        if divide.op_type != "Div" or x not in multiply.input or not np.allclose(constants, _GELU_CONSTANTS):
            raise ValueError(f"{erf.name} is not part of an erf GELU")
        output = multiply.output[0]
        fused[output] = helper.make_node("Gelu", [x], [output], name=f"{erf.name}_gelu", domain=_MS_DOMAIN)
    return fused


def _quantise(model: onnx.ModelProto, tokenizer: Tokenizer) -> None:
    """Turn each MatMul by a constant (with its bias) and each Attention into its int8 form, in place.

    Weights get one symmetric int8 scale per output column; the shipped weights are already that (their
    columns reach +-127), so they come back exactly. Activations get one fixed uint8 range per tensor, the one
    the probe sentences span: a row's vector then does not depend on the rows batched with it, as it would
    with ranges measured per batch. Ranges measured on 200 news leads embedded no better.
    """
    graph = _GraphIndex(model.graph)
    targets = [
        node
        for node in graph.nodes
        if node.op_type == "Attention" or (node.op_type == "MatMul" and node.input[1] in graph.initializers)
    ]
    ranges = _activation_ranges(model, sorted({node.input[0] for node in targets}), tokenizer)
    quantisers = {name: _uint8_quantiser(graph, name, *ranges[name]) for name in ranges}
    replacements = dict(_int8_node(graph, node) for node in targets)
    nodes = []
    for node in graph.nodes:
        nodes.append(replacements.get(node.output[0], node))
        nodes.extend(quantisers[name] for name in node.output if name in quantisers)
    _replace_nodes(model.graph, nodes)


def _activation_ranges(
    model: onnx.ModelProto, names: list[str], tokenizer: Tokenizer
) -> dict[str, tuple[float, float]]:
    """The smallest and largest value (and 0) each named tensor takes over the probe sentences."""
    from onnx import TensorProto, helper

    outputs = len(model.graph.output)
    model.graph.output.extend(helper.make_tensor_value_info(name, TensorProto.FLOAT, None) for name in names)
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    del model.graph.output[outputs:]
    ranges = dict.fromkeys(names, (0.0, 0.0))
    # One sentence at a time: padding tokens would widen the ranges.
    for encoding in tokenizer.encode_batch(list(PROBE_SENTENCES)):
        input_ids = np.array([encoding.ids], dtype=np.int64)
        feed = {
            "input_ids": input_ids,
            "attention_mask": np.ones_like(input_ids),
            "token_type_ids": np.zeros_like(input_ids),
        }
        for name, values in zip(names, session.run(names, feed), strict=True):
            low, high = ranges[name]
            ranges[name] = (min(low, float(values.min())), max(high, float(values.max())))
    return ranges


def _uint8_quantiser(graph: _GraphIndex, name: str, low: float, high: float) -> onnx.NodeProto:
    """A QuantizeLinear node mapping [low, high] of tensor name onto 0..255, as {name}_quantized."""
    from onnx import helper

    scale = max(high - low, 1e-8) / 255
    zero_point = np.clip(np.round(-low / scale), 0, 255)
    return helper.make_node(
        "QuantizeLinear",
        [
            name,
            graph.add_initializer(f"{name}_scale", np.array(scale, dtype=np.float32)),
            graph.add_initializer(f"{name}_zero_point", np.array(zero_point, dtype=np.uint8)),
        ],
        [f"{name}_quantized"],
        name=f"{name}_quantize",
    )


def _int8_node(graph: _GraphIndex, node: onnx.NodeProto) -> tuple[str, onnx.NodeProto]:
    """The int8 form of an Attention or MatMul node (taking in the bias Add after a MatMul), by output."""
    from onnx import helper

    x = node.input[0]
    weight = _int8_columns(graph, node.input[1])
    if node.op_type == "Attention":
        _, _, bias, mask = node.input
        inputs = [f"{x}_quantized", weight, bias, f"{x}_scale", f"{weight}_scale", mask, f"{x}_zero_point"]
        attention = helper.make_node(
            "QAttention",
            [*inputs, f"{weight}_zero_point"],
            list(node.output),
            name=f"{node.name}_int8",
            domain=_MS_DOMAIN,
            num_heads=ATTENTION_HEADS,
        )
        return node.output[0], attention
    output, bias_inputs = node.output[0], []
    readers = graph.readers.get(output, [])
    if len(readers) == 1 and readers[0].op_type == "Add":
        other = _other_input(readers[0], output)
        if other in graph.initializers:
            output, bias_inputs = readers[0].output[0], [other]
    inputs = [f"{x}_quantized", weight, f"{x}_scale", f"{weight}_scale", f"{x}_zero_point"]
    matmul = helper.make_node(
        "MatMulIntegerToFloat",
        [*inputs, f"{weight}_zero_point", *bias_inputs],
        [output],
        name=f"{node.name}_int8",
        domain=_MS_DOMAIN,
    )
    return output, matmul


def _int8_columns(graph: _GraphIndex, weight_name: str) -> str:
    """Add the weight as int8 with one symmetric scale per column; return the int8 initializer's name."""
    weight = graph.constant(weight_name)
    if weight is None:
        raise ValueError(f"{weight_name} is not a constant")
    scale = np.abs(weight).max(axis=0) / 127
    scale[scale == 0] = 1.0
    name = f"{weight_name}_int8"
    graph.add_initializer(f"{name}_scale", scale.astype(np.float32))
    graph.add_initializer(f"{name}_zero_point", np.zeros(scale.shape, dtype=np.int8))
    return graph.add_initializer(name, np.clip(np.round(weight / scale), -127, 127).astype(np.int8))


class _GraphIndex:
    """Lookups over an ONNX graph: constants, the node producing a tensor, the nodes reading it."""

    def __init__(self, graph: onnx.GraphProto) -> None:
        self.graph = graph
        self.nodes = list(graph.node)
        self.initializers = {tensor.name: tensor for tensor in graph.initializer}
        self.producer = {output: node for node in self.nodes for output in node.output}
        self.readers: dict[str, list[onnx.NodeProto]] = {}
        for node in self.nodes:
            for name in node.input:
                self.readers.setdefault(name, []).append(node)

    def constant(self, name: str) -> np.ndarray | None:
        """The value of a tensor that is an initializer or computed from initializers by Cast and Mul."""
        from onnx import TensorProto, helper, numpy_helper

        if name in self.initializers:
            return numpy_helper.to_array(self.initializers[name])
        node = self.producer.get(name)
        if node is None or node.op_type not in ("Cast", "Mul"):
            return None
        if node.op_type == "Cast" and helper.get_attribute_value(node.attribute[0]) != TensorProto.FLOAT:
            return None
        values = []
        for input_name in node.input:
            value = self.constant(input_name)
            if value is None:
                return None
            values.append(value)
        if node.op_type == "Cast":
            return np.asarray(values[0], dtype=np.float32)
        return np.multiply(values[0], values[1], dtype=np.float32)

    def only_reader(self, name: str, op_type: str) -> onnx.NodeProto:
        readers = self.readers.get(name, [])
        if len(readers) != 1 or readers[0].op_type != op_type:
            raise ValueError(f"{name} is not read by one {op_type} node")
        return readers[0]

    def add_initializer(self, name: str, value: np.ndarray) -> str:
        from onnx import numpy_helper

        tensor = numpy_helper.from_array(value, name)
        self.graph.initializer.append(tensor)
        self.initializers[name] = tensor
        return name


def _other_input(node: onnx.NodeProto, name: str) -> str:
    return next(input_name for input_name in node.input if input_name != name)


def _scalar(graph: _GraphIndex, name: str) -> float:
    value = graph.constant(name)
    return float("nan") if value is None or value.size != 1 else float(value.reshape(()))


def _replace_nodes(graph: onnx.GraphProto, nodes: list[onnx.NodeProto]) -> None:
    """Set the graph's nodes (in topological order), dropping those and the initializers no output needs."""
    needed = {output.name for output in graph.output}
    kept = []
    for node in reversed(nodes):
        if any(output in needed for output in node.output):
            kept.append(node)
            needed.update(node.input)
    initializers = [tensor for tensor in graph.initializer if tensor.name in needed]
    del graph.node[:]
    graph.node.extend(reversed(kept))
    del graph.initializer[:]
    graph.initializer.extend(initializers)
