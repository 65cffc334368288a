"""Everything the app says in words: diagnoses, remedies, pause reasons, engine errors, languages.

The engine speaks in codes with parameters (``Diagnosis("vanishing", {"layer": 1, ...})``,
``ConfigError(field, code, template, **params)``); this module words them in the user's
language through ``QCoreApplication.translate`` with explicit contexts ("Diagnosis",
"Remedy", "PauseReason", "EngineError", "SessionError"), so ``pyside6-lupdate`` finds every
string and a subclass never loses its translations (``self.tr`` takes the runtime class).
Placeholders such as ``{layer}`` stay in the translated text and are filled afterwards.

Engine error templates are listed literally in :data:`ENGINE_ERROR_TEMPLATES` (for
lupdate); a test checks the list covers every template the engine raises. An error whose
template is not listed falls back to its English text.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from gradsim.engine.diagnosis import Diagnosis, layer_ranges
from gradsim.engine.errors import ConfigError, GradsimError

I18N_DIR = Path(__file__).resolve().parents[1] / "i18n"  # gradsim/ui/i18n

#: code -> (native name). Language names are shown in their own language, never translated.
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文", "ru": "Русский"}


translate = QCoreApplication.translate  # the name pyside6-lupdate recognizes with a context


def _fill(template: str, params: Mapping[str, Any]) -> str:
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError, AttributeError):
        return template


# ============================================================================ numbers
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def format_number(value: float) -> str:
    """3 significant digits; powers of ten as 3.1×10⁻⁵ (readable from the back of a hall)."""
    if value is None or not isinstance(value, int | float):
        return str(value)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    if value == 0 or 1e-3 <= abs(value) < 1e4:
        return f"{value:.3g}"
    exponent = math.floor(math.log10(abs(value)))
    mantissa = value / 10**exponent
    return f"{mantissa:.2g}×10{str(exponent).translate(_SUPERSCRIPT)}"


# ============================================================================ diagnoses
def diagnosis_title(code: str) -> str:
    """A short name for the status bar and the banner's headline."""
    titles = {
        "diverged": translate("Diagnosis", "Training diverged (NaN/Inf)"),
        "exploding": translate("Diagnosis", "Exploding gradients"),
        "underflow": translate("Diagnosis", "Gradient underflow"),
        "vanishing": translate("Diagnosis", "Vanishing gradients"),
        "dead_relu": translate("Diagnosis", "Dead ReLU units"),
        "saturated": translate("Diagnosis", "Saturated units"),
        "symmetric": translate("Diagnosis", "Symmetric units"),
    }
    return titles.get(code, code)


def healthy_title() -> str:
    return translate("Diagnosis", "No problem detected")


def healthy_text() -> str:
    return translate(
        "Diagnosis", "Gradients reach every layer with a usable size; no dead or saturated layer."
    )


def not_started_title() -> str:
    return translate("Diagnosis", "Ready to train")


def not_started_text() -> str:
    return translate(
        "Diagnosis",
        "Press Play to train, or Step to take one step. The diagnosis appears here as soon as "
        "there is evidence.",
    )


def divergence_where(divergence: Mapping[str, Any]) -> str:
    """Where the first non-finite value appeared: the loss, a layer's gradient, the output layer's."""
    what = str(divergence.get("what", ""))
    if what == "loss":
        return translate("Diagnosis", "the loss")
    if what == "output layer gradient":
        return translate("Diagnosis", "the output layer's gradient")
    if "layer" in divergence:
        return _fill(translate("Diagnosis", "the gradient of layer {layer}"), {"layer": divergence["layer"]})
    return what


def layer_list(layers: Any, output_layer: int | None = None) -> str:
    """Layer numbers as ranges with their noun: "layer 3", "layers 1–7, 9" (the output layer
    named as such when ``output_layer`` is its number)."""
    numbers = [int(n) for n in (layers if isinstance(layers, list | tuple) else [layers])]
    named_output = output_layer is not None and output_layer in numbers
    hidden = [n for n in numbers if n != output_layer] if named_output else numbers
    parts = [f"{a}" if a == b else f"{a}–{b}" for a, b in layer_ranges(hidden)]
    if not parts:
        return translate("Diagnosis", "the output layer")
    if len(hidden) == 1:
        text = _fill(translate("Diagnosis", "layer {number}"), {"number": parts[0]})
    else:
        text = _fill(translate("Diagnosis", "layers {numbers}"), {"numbers": ", ".join(parts)})
    if named_output:
        text = _fill(translate("Diagnosis", "{layers} and the output layer"), {"layers": text})
    return text


#: The smallest positive number of each storage precision (subnormals included).
SMALLEST_NUMBER = {"float16": 5.96e-8, "float32": 1.4e-45, "float64": 4.9e-324}


def _diverged_evidence(params: Mapping[str, Any]) -> str:
    numbers = {k: format_number(v) if isinstance(v, float) else v for k, v in params.items()}
    parts = [
        _fill(
            translate("Diagnosis", "{where} became {value} at step {step}."),
            {**numbers, "where": divergence_where(params).capitalize()},
        )
    ]
    forward = params.get("forward_layer")
    if forward is not None and forward <= params.get("depth", forward):
        parts.append(
            _fill(
                translate(
                    "Diagnosis", "On the way forward, the values first became NaN/Inf in layer {layer}."
                ),
                {"layer": forward},
            )
        )
    elif forward is not None:
        parts.append(
            translate("Diagnosis", "On the way forward, the values first became NaN/Inf in the output layer.")
        )
    elif params.get("what") == "loss":
        parts.append(
            translate("Diagnosis", "Every layer's values were still finite: the loss itself overflowed.")
        )
    if "rewind_to" not in params:
        parts.append(
            translate(
                "Diagnosis",
                "The update was not applied: the weights are still the last finite ones, so you can "
                "lower the learning rate or turn on clipping and continue.",
            )
        )
    elif params.get("onset", params.get("step")) < params.get("step", 0):
        parts.append(
            _fill(
                translate(
                    "Diagnosis",
                    "The update was not applied, but the gradient left its usual range at step {onset}: "
                    "the weights have grown since, and a lower learning rate from here diverges again. "
                    "Rewind to step {rewind_to}, the last checkpoint before that, then lower the "
                    "learning rate or turn on clipping.",
                ),
                params,
            )
        )
    else:
        parts.append(
            _fill(
                translate(
                    "Diagnosis",
                    "The update was not applied and the gradient was in its usual range until this "
                    "step: lower the learning rate or turn on clipping and continue, or rewind to "
                    "step {rewind_to}, the last checkpoint before it.",
                ),
                params,
            )
        )
    return " ".join(parts)


def diagnosis_evidence(diagnosis: Diagnosis) -> str:
    """The evidence in plain words, with the numbers that support it."""
    code, params = diagnosis.code, dict(diagnosis.params)
    numbers = {k: format_number(v) if isinstance(v, float) else v for k, v in params.items()}
    if code == "diverged":
        return _diverged_evidence(params)
    if code == "underflow":
        output = params.get("output_layer")
        values = {
            "precision": params.get("precision", "float16"),
            "zeros": params.get("zeros", "?"),
            "entries": params.get("entries", "?"),
            "layers": layer_list(params.get("layers", params.get("layer", 1)), output),
            "smallest": format_number(SMALLEST_NUMBER.get(params.get("precision", "float16"), 6e-8)),
        }
        if params.get("all_zero"):
            values["all_zero"] = layer_list(params["all_zero"], output)
            text = translate(
                "Diagnosis",
                "In {precision}, {zeros} of the {entries} weight-gradient entries of {layers} are "
                "exactly 0, every entry of {all_zero}: a number below {smallest} is stored as 0, so "
                "these weights do not learn at all.",
            )
        else:
            text = translate(
                "Diagnosis",
                "In {precision}, {zeros} of the {entries} weight-gradient entries of {layers} are "
                "exactly 0: a number below {smallest} is stored as 0, so these weights do not learn.",
            )
        return _fill(text, values)
    if code == "exploding" and params.get("kind") == "growth":
        text = translate(
            "Diagnosis",
            "The total gradient norm grew {growth}× within {steps} steps: every step is larger "
            "than the last, and the weights are thrown far away.",
        )
        return _fill(text, numbers)
    if code == "exploding":
        text = translate(
            "Diagnosis",
            "Layer {layer}'s gradient is {ratio}× layer {ref_layer}'s: the gradient is multiplied "
            "by a factor above 1 in every layer on its way back to the input.",
        )
        return _fill(text, numbers)
    if code == "vanishing":
        text = translate(
            "Diagnosis",
            "Layer {layer}'s gradient is only {ratio} of layer {ref_layer}'s (median of the last "
            "steps): each layer shrinks the gradient on its way back, so the first layers "
            "barely learn.",
        )
        return _fill(text, numbers)
    if code == "dead_relu":
        text = translate(
            "Diagnosis",
            "{percent}% of the units of layer {layer} output 0 for every sample: no gradient flows "
            "through them, so they never recover.",
        )
        return _fill(text, {**numbers, "percent": f"{params.get('percent', 0):.0f}"})
    if code == "saturated":
        text = translate(
            "Diagnosis",
            "{percent}% of layer {layer}'s {activation} outputs sit near a bound, where the "
            "slope f' is almost 0: the gradient through them is almost 0.",
        )
        return _fill(text, {**numbers, "percent": f"{params.get('percent', 0):.0f}"})
    if code == "symmetric" and len(params.get("layers", ())) > 1:
        text = translate(
            "Diagnosis",
            "In each of {layers}, all units are identical: they get the same gradient, so they stay "
            "identical and every layer acts like a single unit.",
        )
        return _fill(text, {"layers": layer_list(params["layers"])})
    if code == "symmetric":
        text = translate(
            "Diagnosis",
            "All units of layer {layer} are identical: they get the same gradient, so they stay "
            "identical and the layer acts like a single unit.",
        )
        return _fill(text, numbers)
    return f"{code}: {params}"


def diagnosis_short(diagnosis: Diagnosis) -> str:
    """One line for the status bar: title and the layers it concerns."""
    title = diagnosis_title(diagnosis.code)
    params = diagnosis.params
    if diagnosis.code == "diverged":
        return _fill(
            translate("Diagnosis", "{title}: {where} at step {step}"),
            {"title": title, "where": divergence_where(params), "step": params.get("step", "?")},
        )
    if "layers" in params:
        return _fill(
            translate("Diagnosis", "{title}: {layers}"),
            {"title": title, "layers": layer_list(params["layers"], params.get("output_layer"))},
        )
    if "ratio" in params:
        return _fill(
            translate("Diagnosis", "{title}: layer {layer} / layer {ref_layer} = {ratio}"),
            {**params, "title": title, "ratio": format_number(float(params["ratio"]))},
        )
    if "layer" in params:
        return _fill(
            translate("Diagnosis", "{title} (layer {layer})"), {"title": title, "layer": params["layer"]}
        )
    return title


def grouped_short(diagnoses: Any) -> list[str]:
    """One line per kind for a list of diagnoses: a kind found in several layers is worded
    once with its layers as ranges ("Symmetric units: layers 1–9"), not once per layer."""
    order: list[str] = []
    by_code: dict[str, list[Diagnosis]] = {}
    for diagnosis in diagnoses:
        if diagnosis.code not in by_code:
            order.append(diagnosis.code)
        by_code.setdefault(diagnosis.code, []).append(diagnosis)
    lines = []
    for code in order:
        group = by_code[code]
        if len(group) > 1 and all("layer" in d.params or "layers" in d.params for d in group):
            layers: list[int] = []
            for d in group:
                layers += list(d.params.get("layers", (d.params.get("layer"),)))
            group = [Diagnosis(code, {"layers": tuple(sorted(set(layers)))})]
        lines += [diagnosis_short(d) for d in group]
    return lines


def remedies(code: str) -> list[str]:
    """What the literature advises for a problem, most effective first, in plain words."""
    table = {
        "diverged": [
            translate("Remedy", "lower the learning rate (try half)"),
            translate("Remedy", "clip the gradient by its norm"),
            translate("Remedy", "add normalization (BatchNorm, LayerNorm)"),
        ],
        "exploding": [
            translate("Remedy", "clip the gradient by its norm"),
            translate("Remedy", "lower the learning rate"),
            translate("Remedy", "use Xavier (tanh) or He (ReLU) initialization"),
            translate("Remedy", "add BatchNorm or residual connections"),
            translate("Remedy", "add L2 regularization (weight decay)"),
        ],
        "vanishing": [
            translate("Remedy", "use ReLU-family activations: their slope is 1, not at most 1/4"),
            translate("Remedy", "use Xavier (tanh) or He (ReLU) initialization"),
            translate("Remedy", "add BatchNorm or LayerNorm"),
            translate("Remedy", "add residual connections: the gradient gets a short path"),
            translate("Remedy", "use fewer layers"),
        ],
        "underflow": [
            translate("Remedy", "train in float32 or float64: they keep much smaller numbers"),
            translate(
                "Remedy", "fix the vanishing gradient: ReLU-family activations, Xavier or He initialization"
            ),
            translate(
                "Remedy", "scale the loss up before backpropagation (loss scaling, as mixed precision does)"
            ),
        ],
        "dead_relu": [
            translate("Remedy", "use leaky ReLU, PReLU or ELU: a small slope below 0 keeps units alive"),
            translate("Remedy", "lower the learning rate"),
            translate("Remedy", "use He initialization"),
        ],
        "saturated": [
            translate("Remedy", "use Xavier initialization with gain 5/3 for tanh"),
            translate("Remedy", "use ReLU-family activations"),
            translate("Remedy", "add normalization before the activation"),
        ],
        "symmetric": [
            translate("Remedy", "use random initialization (Xavier, He) to break the symmetry"),
        ],
    }
    return table.get(code, [])


# ============================================================================ pauses
def pause_reason(reason: str, step: int) -> str:
    texts = {
        "user": translate("PauseReason", "Paused at step {step}."),
        "steps_done": translate("PauseReason", "Stepped to step {step}."),
        "at_step": translate("PauseReason", "Paused: step {step} reached."),
        "diagnosis": translate("PauseReason", "Paused at step {step}: the diagnosis changed."),
        "loss_below": translate("PauseReason", "Paused at step {step}: the loss fell below the set value."),
        "nan": translate("PauseReason", "Paused at step {step}: a loss or gradient became NaN/Inf."),
        "failed": translate("PauseReason", "Stopped at step {step}: an error occurred."),
    }
    return _fill(texts.get(reason, "{step}"), {"step": step})


# ============================================================================ engine errors
def error_message(error: BaseException) -> str:
    """A GradsimError (ConfigError, DataError, SessionError, ...) in the user's language.

    Translated by its English template (the code alone is ambiguous: ``out_of_range`` has
    several wordings); an unknown template or a translation that does not fit the
    parameters falls back to the engine's English message.
    """
    if not isinstance(error, GradsimError):
        return str(error)
    params = dict(error.params)
    template, prefix = error.template, ""
    if isinstance(error, ConfigError) and template.startswith("{field}: "):
        template, prefix = template[len("{field}: ") :], f"{params.get('field', '')}: "
    if template not in _KNOWN:
        return error.message
    context = "SessionError" if template in _SESSION else "EngineError"
    try:
        return prefix + translate(context, template).format(**params)
    except (KeyError, IndexError, ValueError, AttributeError):
        return error.message


def error_title(error: BaseException) -> str:
    name = type(error).__name__
    if name == "ConfigError":
        return translate("EngineError", "Invalid configuration")
    if name == "DataError":
        return translate("EngineError", "Unusable data")
    if name == "SessionError":
        return translate("SessionError", "Session file problem")
    return translate("EngineError", "Cannot load")


#: Every English template the engine raises, marked for lupdate (context "EngineError").
ENGINE_ERROR_TEMPLATES: tuple[str, ...] = (
    # comparisons (gradsim/engine/variants.py) and a lesson stage's compare
    QT_TRANSLATE_NOOP("EngineError", "cannot vary {value!r}"),
    QT_TRANSLATE_NOOP("EngineError", "must all differ, got {value!r}"),
    QT_TRANSLATE_NOOP(
        "EngineError", "must be 'current', 'scenario:<name>' or 'session:<path>', got {value!r}"
    ),
    QT_TRANSLATE_NOOP("EngineError", "must be a list of {low} to {high} values, got {value!r}"),
    QT_TRANSLATE_NOOP("EngineError", "must be a whole number >= 0, got {value!r}"),
    QT_TRANSLATE_NOOP("EngineError", "must be an object with 'setting' and 'values'"),
    QT_TRANSLATE_NOOP("EngineError", "must be {wanted}, got {value!r}"),
    QT_TRANSLATE_NOOP("EngineError", "unknown key; allowed: setting, values"),
    QT_TRANSLATE_NOOP("EngineError", "unknown {setting} {value!r}; choose one of {allowed}"),
    QT_TRANSLATE_NOOP("EngineError", "{value!r} makes an invalid config: {reason}"),
    QT_TRANSLATE_NOOP("EngineError", "{value!r} names another run, which the app opens"),
    QT_TRANSLATE_NOOP("EngineError", "config file not found: {path}"),
    QT_TRANSLATE_NOOP("EngineError", "cannot read {path}: {reason}"),
    QT_TRANSLATE_NOOP("EngineError", "{path}: invalid JSON at line {line}, column {column}: {reason}"),
    QT_TRANSLATE_NOOP("EngineError", "unknown activation '{value}'; choose one of {allowed}"),
    QT_TRANSLATE_NOOP("EngineError", "must be an integer >= 2, got {value}"),
    QT_TRANSLATE_NOOP("EngineError", "must be >= 0, got {value}"),
    QT_TRANSLATE_NOOP("EngineError", "unknown parameter for {act}; allowed: {allowed}"),
    QT_TRANSLATE_NOOP("EngineError", "must be a finite number, got {value!r}"),
    QT_TRANSLATE_NOOP("EngineError", "is missing; clipping needs a positive limit"),
    QT_TRANSLATE_NOOP("EngineError", "must be a JSON object, got {value}"),
    QT_TRANSLATE_NOOP("EngineError", "unknown loss '{value}'; choose auto, {allowed}"),
    QT_TRANSLATE_NOOP("EngineError", "{loss} does not fit a {task} dataset"),
    QT_TRANSLATE_NOOP("EngineError", "must be an object, got {value!r}"),
    QT_TRANSLATE_NOOP("EngineError", "at most {limit} layers, got {value}"),
    QT_TRANSLATE_NOOP("EngineError", 'must be an object like {{"width": 8}}, got {value!r}'),
    QT_TRANSLATE_NOOP("EngineError", "is required"),
    QT_TRANSLATE_NOOP("EngineError", "unknown normalization '{value}'; choose one of {allowed}"),
    QT_TRANSLATE_NOOP("EngineError", "{value} makes no sense for a bias"),
    QT_TRANSLATE_NOOP("EngineError", "choose one of {allowed}, got {value!r}"),
    QT_TRANSLATE_NOOP("EngineError", "must be an integer, got {value!r}"),
    QT_TRANSLATE_NOOP("EngineError", "must be between {low} and {high}, got {value}"),
    QT_TRANSLATE_NOOP("EngineError", "must be >= {low}, got {value}"),
    QT_TRANSLATE_NOOP("EngineError", "give either 'layers' or 'depth' and 'width', not both"),
    QT_TRANSLATE_NOOP("EngineError", "must be a list of layers, got {value!r}"),
    QT_TRANSLATE_NOOP("EngineError", "unknown setting; allowed: {allowed}"),
    QT_TRANSLATE_NOOP("EngineError", "no column {target!r} in the file; columns: {columns}"),
    QT_TRANSLATE_NOOP("EngineError", "{path} is {size_mb:.1f} MB; the limit is {limit_mb} MB"),
    QT_TRANSLATE_NOOP("EngineError", "must be one of {allowed}, got {value!r}"),
    QT_TRANSLATE_NOOP("EngineError", "the file is empty"),
    QT_TRANSLATE_NOOP("EngineError", "the file has {count} data rows; at least {minimum} are needed"),
    QT_TRANSLATE_NOOP("EngineError", "the file needs at least one feature column besides the target"),
    QT_TRANSLATE_NOOP("EngineError", "line {line}: expected {expected} columns, found {actual}"),
    QT_TRANSLATE_NOOP("EngineError", "line {line}, column {column}: missing value '{cell}'"),
    QT_TRANSLATE_NOOP("EngineError", "line {line}, column {column}: '{cell}' is not a finite number"),
    QT_TRANSLATE_NOOP(
        "EngineError", "the target column {column} has a single value; there is nothing to learn"
    ),
    QT_TRANSLATE_NOOP(
        "EngineError",
        "the target column {column} has {count} classes (at most {limit}); "
        "for a numeric target use task 'regression'",
    ),
    QT_TRANSLATE_NOOP("EngineError", "task 'binary' needs 2 classes, the target column {column} has {count}"),
    QT_TRANSLATE_NOOP("EngineError", "file not found: {path}"),
    QT_TRANSLATE_NOOP(
        "EngineError", "{path} is not UTF-8 text (bad byte at offset {offset}); save it as UTF-8 CSV"
    ),
    QT_TRANSLATE_NOOP("EngineError", "line {line}: {reason}"),
    QT_TRANSLATE_NOOP("EngineError", "line {line}, column {column}: '{cell}' is not a number"),
    QT_TRANSLATE_NOOP(
        "EngineError", "class '{label}' has only one sample (line {line}); every class needs at least 2"
    ),
    QT_TRANSLATE_NOOP("EngineError", "the file has more than {limit} cells"),
    QT_TRANSLATE_NOOP("EngineError", "{key} must have shape {expected}, got {shape}"),
    QT_TRANSLATE_NOOP("EngineError", "must be a column name or index (-1 is the last column), got {value!r}"),
    QT_TRANSLATE_NOOP("EngineError", "the dataset has no {key} array"),
    QT_TRANSLATE_NOOP("EngineError", "{key} must be numeric, got dtype {dtype}"),
    QT_TRANSLATE_NOOP("EngineError", "{key} contains NaN or infinite values"),
    QT_TRANSLATE_NOOP("EngineError", "{key} must hold integer labels, got dtype {dtype}"),
    QT_TRANSLATE_NOOP("EngineError", "{key} labels must be in 0..{top}"),
    QT_TRANSLATE_NOOP("EngineError", "n_classes {value!r} does not fit a {task} dataset"),
    QT_TRANSLATE_NOOP("EngineError", "x_train has {x} rows and y_train {y}; need equal, >= 1"),
    QT_TRANSLATE_NOOP("EngineError", "x_test has {x} rows and y_test {y}; need equal"),
    QT_TRANSLATE_NOOP("EngineError", "train and test arrays have different columns"),
    QT_TRANSLATE_NOOP("EngineError", "{what} must list {count} names"),
    QT_TRANSLATE_NOOP("EngineError", "input_std must be positive"),
    QT_TRANSLATE_NOOP("EngineError", "is required: the path of a CSV file, got {value!r}"),
    QT_TRANSLATE_NOOP("EngineError", "unknown dataset kind {value!r}; choose one of {allowed}"),
    QT_TRANSLATE_NOOP("EngineError", "is required; choose one of {allowed}"),
    QT_TRANSLATE_NOOP("EngineError", "needs at least {minimum} samples for {classes} classes, got {value}"),
    QT_TRANSLATE_NOOP("EngineError", "n_samples x dim must be at most {limit}, got {value}"),
    QT_TRANSLATE_NOOP("EngineError", "unknown task {task!r}; expected one of {allowed}"),
    QT_TRANSLATE_NOOP("EngineError", "{key} must hold only 0 and 1"),
    QT_TRANSLATE_NOOP("EngineError", "unknown setting for kind {kind!r}; allowed: {allowed}"),
    QT_TRANSLATE_NOOP("EngineError", "digits needs scikit-learn: pip install gradsim[digits]"),
    QT_TRANSLATE_NOOP("EngineError", "must be an object with a 'kind', got {value!r}"),
    QT_TRANSLATE_NOOP("EngineError", "unknown initializer '{value}'; choose one of {allowed}"),
    QT_TRANSLATE_NOOP("EngineError", "must be fan_in or fan_out, got {value!r}"),
    QT_TRANSLATE_NOOP("EngineError", "unknown parameter for {kind}; allowed: {allowed}"),
    QT_TRANSLATE_NOOP("EngineError", "must be in {interval}, got {value}"),
    QT_TRANSLATE_NOOP("EngineError", "must be a number, got {value!r}"),
    QT_TRANSLATE_NOOP("EngineError", "must be a finite number, got {value}"),
    QT_TRANSLATE_NOOP("EngineError", "must be zero or a positive number, got {value}"),
    QT_TRANSLATE_NOOP("EngineError", "must be an integer >= {low}, got {value}"),
    QT_TRANSLATE_NOOP("EngineError", "must be true or false, got {value!r}"),
    QT_TRANSLATE_NOOP("EngineError", "must be a mapping, got {value!r}"),
    QT_TRANSLATE_NOOP("EngineError", "is missing; allowed: {allowed}"),
    QT_TRANSLATE_NOOP("EngineError", "unknown kind {value!r}; allowed: {allowed}"),
    QT_TRANSLATE_NOOP("EngineError", "must be a pair of numbers [beta1, beta2], got {value!r}"),
    QT_TRANSLATE_NOOP("EngineError", "is missing from the saved optimizer state"),
    QT_TRANSLATE_NOOP("EngineError", "has shape {shape}, expected {expected}"),
    QT_TRANSLATE_NOOP("EngineError", "has an unusable type {dtype}"),
    QT_TRANSLATE_NOOP("EngineError", "must be a positive number, got {value}"),
    QT_TRANSLATE_NOOP("EngineError", "Nesterov momentum needs momentum > 0, got {value}"),
    QT_TRANSLATE_NOOP("EngineError", "Nesterov momentum needs dampening 0, got {value}"),
    QT_TRANSLATE_NOOP("EngineError", "is not part of this optimizer's state; expected: {expected}"),
    QT_TRANSLATE_NOOP("EngineError", "train.order is not a permutation of the training set"),
    QT_TRANSLATE_NOOP("EngineError", "checkpoints have shape {found}, expected (n, {size})"),
    QT_TRANSLATE_NOOP("EngineError", "{name} must be a non-negative integer, got {value!r}"),
    QT_TRANSLATE_NOOP("EngineError", "random generator {found!r} is not {expected}"),
    QT_TRANSLATE_NOOP("EngineError", "saved training state is inconsistent: {detail}"),
    QT_TRANSLATE_NOOP("EngineError", "history {name} has {found} columns, expected {expected}"),
    QT_TRANSLATE_NOOP("EngineError", "array {name} is missing"),
    QT_TRANSLATE_NOOP("EngineError", "array {name} has shape {found}, the config needs {expected}"),
    QT_TRANSLATE_NOOP("EngineError", "array {name} holds NaN or Inf"),
    QT_TRANSLATE_NOOP("EngineError", "unknown parameter for {surface}; allowed: {allowed}"),
    QT_TRANSLATE_NOOP("EngineError", "must be four finite numbers xmin < xmax, ymin < ymax, got {value!r}"),
    QT_TRANSLATE_NOOP("EngineError", "unknown surface {value!r}; choose one of {allowed}"),
    QT_TRANSLATE_NOOP("EngineError", "must be in {interval}, got {value!r}"),
    QT_TRANSLATE_NOOP("EngineError", "must be an integer >= 2, got {value!r}"),
    QT_TRANSLATE_NOOP("EngineError", "no parameter named {value!r}"),
    QT_TRANSLATE_NOOP("EngineError", "index {value} is outside {shape}"),
    QT_TRANSLATE_NOOP("EngineError", "is required (see 'gradsim surfaces')"),
    QT_TRANSLATE_NOOP("EngineError", "must look like NAME=VALUE, got {value!r}"),
    QT_TRANSLATE_NOOP("EngineError", "{kind} has no betas (adam and adamw have)"),
    QT_TRANSLATE_NOOP("EngineError", "must be a 1-D list of finite numbers"),
    QT_TRANSLATE_NOOP("EngineError", "at most {limit}, got {value}"),
    QT_TRANSLATE_NOOP(
        "EngineError",
        "needs checkpoints that differ from the current parameters; train for a while first "
        "(the trainer keeps one every checkpoint_every steps)",
    ),
    QT_TRANSLATE_NOOP("EngineError", "must be a flat vector of {size} numbers, got shape {shape}"),
    QT_TRANSLATE_NOOP("EngineError", "contains NaN or infinite entries"),
    QT_TRANSLATE_NOOP("EngineError", "must be a number or a pair, got {value!r}"),
    QT_TRANSLATE_NOOP("EngineError", "must be a pair of numbers (x, y), got {value!r}"),
    QT_TRANSLATE_NOOP("EngineError", "needs a non-empty list of optimizer specs"),
    QT_TRANSLATE_NOOP("EngineError", "at most {limit} optimizers, got {value}"),
    QT_TRANSLATE_NOOP("EngineError", "steps x optimizers must be at most {limit}, got {value}"),
    QT_TRANSLATE_NOOP("EngineError", "needs one entry per optimizer ({count}), got {value}"),
    QT_TRANSLATE_NOOP(
        "EngineError", "needs about {needed} of memory ({parts}), more than the budget of {budget} ({source})"
    ),
    QT_TRANSLATE_NOOP(
        "EngineError", "must be a size like 4GB or 512MB, a share like 50%, or none; got {value!r}"
    ),
    QT_TRANSLATE_NOOP("EngineError", "BatchNorm needs at least 2 samples per training batch, got {value}"),
    QT_TRANSLATE_NOOP("EngineError", "BatchNorm needs at least 2 training rows, got {value}"),
    QT_TRANSLATE_NOOP("EngineError", "{name} has no minimum: its smallest curvature is {value:g}"),
    QT_TRANSLATE_NOOP("EngineError", "{name} is not a quadratic: its Hessian changes"),
)

#: The session layer's templates (gradsim.session.errors.MESSAGES), context "SessionError".
SESSION_ERROR_TEMPLATES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("SessionError", "{path}: no such file"),
    QT_TRANSLATE_NOOP("SessionError", "{path}: cannot be read ({reason})"),
    QT_TRANSLATE_NOOP("SessionError", "{path}: the file is empty"),
    QT_TRANSLATE_NOOP("SessionError", "{path}: not a gradsim session file (not a zip archive)"),
    QT_TRANSLATE_NOOP("SessionError", "{path}: the file is cut short (incomplete download or copy?)"),
    QT_TRANSLATE_NOOP("SessionError", "{path}: the file is damaged ({detail})"),
    QT_TRANSLATE_NOOP("SessionError", "{path}: not enough memory to open this file"),
    QT_TRANSLATE_NOOP(
        "SessionError", "{path}: the archive lists {count} members; a session has at most {expected}"
    ),
    QT_TRANSLATE_NOOP("SessionError", "{path}: refused: unsafe member name '{name}' in the archive"),
    QT_TRANSLATE_NOOP("SessionError", "{path}: unexpected member '{name}' in the archive"),
    QT_TRANSLATE_NOOP("SessionError", "{path}: member '{name}' appears more than once"),
    QT_TRANSLATE_NOOP("SessionError", "{path}: the archive has no '{name}'"),
    QT_TRANSLATE_NOOP("SessionError", "{path}: member '{name}' is encrypted; sessions are never encrypted"),
    QT_TRANSLATE_NOOP(
        "SessionError",
        "{path}: member '{name}' uses compression method {method}; only stored (0) and deflate (8) are read",
    ),
    QT_TRANSLATE_NOOP("SessionError", "{path}: '{name}' would take {size} bytes; the limit is {limit}"),
    QT_TRANSLATE_NOOP("SessionError", "{path}: the contents would take {size} bytes; the limit is {limit}"),
    QT_TRANSLATE_NOOP("SessionError", "{path}: manifest.json is not UTF-8 text"),
    QT_TRANSLATE_NOOP("SessionError", "{path}: manifest.json is not valid JSON ({detail})"),
    QT_TRANSLATE_NOOP("SessionError", "{path}: manifest.json is nested deeper than {limit} levels"),
    QT_TRANSLATE_NOOP("SessionError", "{path}: manifest.json must hold a JSON object, not {found}"),
    QT_TRANSLATE_NOOP("SessionError", "{path}: not a gradsim session (format is '{found}')"),
    QT_TRANSLATE_NOOP(
        "SessionError", "{path}: the schema version must be a whole number >= 1, got '{found}'"
    ),
    QT_TRANSLATE_NOOP(
        "SessionError",
        "{path}: this file needs gradsim schema {found}; this gradsim reads up to "
        "{supported} — update gradsim (the file was written by gradsim {app_version})",
    ),
    QT_TRANSLATE_NOOP("SessionError", "{path}: the manifest's array table is malformed at {where}"),
    QT_TRANSLATE_NOOP("SessionError", "{path}: {count} arrays; the limit is {limit}"),
    QT_TRANSLATE_NOOP("SessionError", "{path}: invalid array name '{name}'"),
    QT_TRANSLATE_NOOP("SessionError", "{path}: array '{name}' appears more than once"),
    QT_TRANSLATE_NOOP(
        "SessionError", "{path}: array '{name}' holds Python objects (pickles are never loaded)"
    ),
    QT_TRANSLATE_NOOP("SessionError", "{path}: array '{name}' has type {dtype}; only numbers and booleans"),
    QT_TRANSLATE_NOOP("SessionError", "{path}: array '{name}' would take {size} bytes; the limit is {limit}"),
    QT_TRANSLATE_NOOP("SessionError", "{path}: array '{name}' is listed in the manifest but missing"),
    QT_TRANSLATE_NOOP("SessionError", "{path}: array '{name}' is not listed in the manifest"),
    QT_TRANSLATE_NOOP(
        "SessionError", "{path}: array '{name}' has shape {found}; the manifest says {expected}"
    ),
    QT_TRANSLATE_NOOP(
        "SessionError", "{path}: array '{name}' has type {found}; the manifest says {expected}"
    ),
    QT_TRANSLATE_NOOP("SessionError", "{what}: array '{name}' holds NaN or Inf"),
    QT_TRANSLATE_NOOP("SessionError", "{path}: the manifest cannot be written as JSON ({detail})"),
    QT_TRANSLATE_NOOP("SessionError", "{path}: could not save ({reason}); the previous file is unchanged"),
    QT_TRANSLATE_NOOP("SessionError", "{path}: could not save ({reason}); no file was created"),
    QT_TRANSLATE_NOOP("SessionError", "{path}: the session's settings are invalid ({detail})"),
    QT_TRANSLATE_NOOP(
        "SessionError", "{path}: the session's training state does not fit its settings ({detail})"
    ),
)

_SESSION = frozenset(SESSION_ERROR_TEMPLATES)
_KNOWN = frozenset(ENGINE_ERROR_TEMPLATES) | _SESSION


# ============================================================================ languages
def system_language() -> str:
    """The language to start in when the user never chose one: the system locale's, else English."""
    name = QLocale.system().name()  # e.g. "zh_CN", "ru_RU", "en_US"
    if name.startswith("zh"):
        return "zh_CN"
    if name.startswith("ru"):
        return "ru"
    return "en"


def translation_files(language: str) -> list[Path]:
    """The .qm files for ``language`` that exist: gradsim's own, then Qt's standard buttons."""
    if language == "en":
        return []
    found = [
        path for path in (I18N_DIR / f"gradsim_{language}.qm", I18N_DIR / f"{language}.qm") if path.is_file()
    ][:1]
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    qt_file = qt_dir / f"qtbase_{language}.qm"
    if not qt_file.is_file():
        qt_file = qt_dir / f"qtbase_{language.split('_')[0]}.qm"
    if qt_file.is_file():
        found.append(qt_file)
    return found


class _AppLanguage:
    """The application's language and the translators installed for it: one per application,
    however many windows (or export commands) switch it: a translator is installed on the
    application, not on a window, so a switcher that only removed its own left another
    window's installed (a second window set to English stayed Russian)."""

    def __init__(self) -> None:
        self.language = "en"
        self.translators: list[QTranslator] = []


_APP_LANGUAGE = _AppLanguage()


class LanguageSwitcher:
    """Installs and removes QTranslators; Qt then sends LanguageChange to every widget.

    Every switcher acts on the application's one set of translators (:class:`_AppLanguage`),
    so its ``language`` is the application's."""

    @property
    def language(self) -> str:
        return _APP_LANGUAGE.language

    def apply(self, language: str) -> bool:
        """Switch to ``language`` ("en", "zh_CN", "ru"); False when no gradsim .qm file exists for it."""
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}; choose one of {', '.join(LANGUAGES)}")
        app = QCoreApplication.instance()
        for translator in _APP_LANGUAGE.translators:
            app.removeTranslator(translator)
        _APP_LANGUAGE.translators = []
        files = translation_files(language)
        for path in files:
            translator = QTranslator()
            if translator.load(str(path)):
                app.installTranslator(translator)
                _APP_LANGUAGE.translators.append(translator)
        _APP_LANGUAGE.language = language
        return language == "en" or any(path.parent == I18N_DIR for path in files)
