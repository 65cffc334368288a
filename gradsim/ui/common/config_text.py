"""Labels and tooltips of every config setting (activations, initializers, optimizers, ...),
marked for translation: the builder's forms show them, and so do the training views that
name an activation (network diagram, activation lab). Their context stays "BuilderPanel".

The tables hold source texts marked with ``QT_TRANSLATE_NOOP`` (so ``pyside6-lupdate``
extracts them) and are translated when shown, with :func:`label` and :func:`tip`, so a
language change only needs the panel's ``retranslate()``. Tooltips say what a setting
does *and why it matters for the gradients*: the builder is a teaching tool.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "BuilderPanel"


translate = QCoreApplication.translate


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def label(table: dict[object, tuple[str, str]], key: object) -> str:
    """The translated label of ``key`` in ``table`` (the key itself when unknown)."""
    entry = table.get(key)
    return translate("BuilderPanel", entry[0]) if entry else str(key)


def tip(table: dict[object, tuple[str, str]], key: object) -> str:
    entry = table.get(key)
    return translate("BuilderPanel", entry[1]) if entry and entry[1] else ""


ACTIVATIONS: dict[object, tuple[str, str]] = {
    "sigmoid": (
        QT_TRANSLATE_NOOP("BuilderPanel", "sigmoid"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "σ(x) = 1/(1 + e^−x). Its derivative is at most 1/4, so every sigmoid layer shrinks the "
            "gradient at least 4×: the classic cause of vanishing gradients in deep nets.",
        ),
    ),
    "tanh": (
        QT_TRANSLATE_NOOP("BuilderPanel", "tanh"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "tanh(x) = 2σ(2x) − 1: zero-centred, derivative at most 1 (at 0). For |x| > 2 it "
            "saturates and the gradient through it vanishes.",
        ),
    ),
    "relu": (
        QT_TRANSLATE_NOOP("BuilderPanel", "ReLU"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "max(0, x): derivative exactly 1 for x > 0 (the gradient is not shrunk) and exactly 0 "
            "for x < 0: a unit that is negative on every input is dead and never learns again.",
        ),
    ),
    "leaky_relu": (
        QT_TRANSLATE_NOOP("BuilderPanel", "leaky ReLU"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "max(x, a·x): a small slope a below 0 keeps some gradient flowing, so units cannot die.",
        ),
    ),
    "prelu": (
        QT_TRANSLATE_NOOP("BuilderPanel", "PReLU"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel", "Leaky ReLU whose negative slope is learned per unit (He et al. 2015)."
        ),
    ),
    "elu": (
        QT_TRANSLATE_NOOP("BuilderPanel", "ELU"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "x above 0, α(e^x − 1) below: smooth, negative outputs pull the mean toward 0, and the "
            "gradient is never exactly 0.",
        ),
    ),
    "selu": (
        QT_TRANSLATE_NOOP("BuilderPanel", "SELU"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "Scaled ELU whose constants keep mean 0 and variance 1 from layer to layer with LeCun "
            "normal init (self-normalizing networks, Klambauer et al. 2017).",
        ),
    ),
    "softplus": (
        QT_TRANSLATE_NOOP("BuilderPanel", "softplus"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "log(1 + e^x), a smooth ReLU: its derivative σ(x) is never exactly 0 but small for "
            "negative inputs.",
        ),
    ),
    "gelu": (
        QT_TRANSLATE_NOOP("BuilderPanel", "GELU"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel", "x·Φ(x) (Hendrycks & Gimpel 2016): a smooth ReLU used in transformers."
        ),
    ),
    "silu": (
        QT_TRANSLATE_NOOP("BuilderPanel", "SiLU / swish"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel", "x·σ(x) (Ramachandran et al. 2017): smooth and non-monotonic near 0."
        ),
    ),
    "noisy_relu": (
        QT_TRANSLATE_NOOP("BuilderPanel", "noisy ReLU"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "ReLU of x plus Gaussian noise at training time (Nair & Hinton 2010): the noise moves "
            "units across 0, so fewer of them stay dead.",
        ),
    ),
    "maxout": (
        QT_TRANSLATE_NOOP("BuilderPanel", "maxout"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "The maximum of k linear pieces per unit (Goodfellow et al. 2013): the gradient flows "
            "to the winning piece, so it is never 0 for all of them.",
        ),
    ),
    "mish": (
        QT_TRANSLATE_NOOP("BuilderPanel", "Mish"),
        QT_TRANSLATE_NOOP("BuilderPanel", "x·tanh(softplus(x)) (Misra 2019): smooth and non-monotonic."),
    ),
    "sin": (
        QT_TRANSLATE_NOOP("BuilderPanel", "sine"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel", "sin(x): bounded but periodic, so it never saturates for good (derivative cos x)."
        ),
    ),
    "linear": (
        QT_TRANSLATE_NOOP("BuilderPanel", "linear (identity)"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "No non-linearity: a deep linear net multiplies its weight matrices, so the signal and "
            "the gradient scale like the product of their sizes (0.9^20 = 0.12, 1.1^20 = 6.7).",
        ),
    ),
}

ACTIVATION_PARAMS: dict[object, tuple[str, str]] = {
    "slope": (
        QT_TRANSLATE_NOOP("BuilderPanel", "slope"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "Slope below 0. At 0 this is a ReLU (units can die); 0.01 is common. He init should "
            "use the same slope.",
        ),
    ),
    "init": (
        QT_TRANSLATE_NOOP("BuilderPanel", "slope₀"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Initial negative slope of every unit (learned afterwards)."),
    ),
    "alpha": (
        QT_TRANSLATE_NOOP("BuilderPanel", "α"),
        QT_TRANSLATE_NOOP("BuilderPanel", "The value ELU approaches for very negative inputs (−α)."),
    ),
    "sigma": (
        QT_TRANSLATE_NOOP("BuilderPanel", "σ"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Standard deviation of the noise added at training time."),
    ),
    "k": (
        QT_TRANSLATE_NOOP("BuilderPanel", "k"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel", "Linear pieces per unit (at least 2): the layer's weight matrix is k times wider."
        ),
    ),
}

NORMS: dict[object, tuple[str, str]] = {
    "none": (
        QT_TRANSLATE_NOOP("BuilderPanel", "none"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel", "No normalization: the signal's scale depends on the weights alone."
        ),
    ),
    "batch": (
        QT_TRANSLATE_NOOP("BuilderPanel", "BatchNorm"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "Normalizes every unit over the batch to mean 0, variance 1 (then a learned scale and "
            "shift), so the activations keep their scale whatever the weights (Ioffe & Szegedy 2015).",
        ),
    ),
    "layer": (
        QT_TRANSLATE_NOOP("BuilderPanel", "LayerNorm"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "Normalizes every sample over the layer's units (Ba et al. 2016): like BatchNorm, but "
            "independent of the batch size.",
        ),
    ),
}

INITS: dict[object, tuple[str, str]] = {
    "zeros": (
        QT_TRANSLATE_NOOP("BuilderPanel", "zeros"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "Every weight 0: all units of a layer compute the same thing and get the same gradient, "
            "so they never become different (and a ReLU net gets no gradient at all).",
        ),
    ),
    "constant": (
        QT_TRANSLATE_NOOP("BuilderPanel", "constant"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel", "Every weight equal: like zeros, the units of a layer stay identical."
        ),
    ),
    "normal": (
        QT_TRANSLATE_NOOP("BuilderPanel", "normal N(0, std²)"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "The same std for every layer whatever its width: with n inputs a linear layer multiplies "
            "the signal's std by std·√n, so with depth it vanishes or explodes unless std ≈ 1/√n.",
        ),
    ),
    "uniform": (
        QT_TRANSLATE_NOOP("BuilderPanel", "uniform U(−a, a)"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "Var(W) = a²/3. The old 'standard' a = 1/√n gives n·Var(W) = 1/3: the signal shrinks "
            "×0.577 per linear layer (Glorot & Bengio 2010).",
        ),
    ),
    "identity": (
        QT_TRANSLATE_NOOP("BuilderPanel", "identity"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "W = scale·I: each layer passes its input through unchanged at the start (units beyond "
            "the smaller width get nothing).",
        ),
    ),
    "xavier_normal": (
        QT_TRANSLATE_NOOP("BuilderPanel", "Xavier/Glorot normal"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "Var(W) = gain²·2/(n_in + n_out) (Glorot & Bengio 2010): keeps the variance of linear "
            "and tanh layers (use gain 5/3 for tanh). With ReLU it halves the variance at every "
            "layer: use He init there.",
        ),
    ),
    "xavier_uniform": (
        QT_TRANSLATE_NOOP("BuilderPanel", "Xavier/Glorot uniform"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "Uniform with bound gain·√(6/(n_in + n_out)), the same variance as Xavier normal: right "
            "for tanh (gain 5/3), halves ReLU activations' variance at every layer.",
        ),
    ),
    "he_normal": (
        QT_TRANSLATE_NOOP("BuilderPanel", "He/Kaiming normal"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "Var(W) = 2/((1 + slope²)·n_in) (He et al. 2015): keeps ReLU activations' variance "
            "constant across layers; with Xavier it would halve at each layer.",
        ),
    ),
    "he_uniform": (
        QT_TRANSLATE_NOOP("BuilderPanel", "He/Kaiming uniform"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "Uniform with the He variance 2/((1 + slope²)·n_in): keeps ReLU activations' variance "
            "constant across layers.",
        ),
    ),
    "lecun_normal": (
        QT_TRANSLATE_NOOP("BuilderPanel", "LeCun normal"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel", "Var(W) = 1/n_in: the initialization SELU's self-normalization assumes."
        ),
    ),
    "orthogonal": (
        QT_TRANSLATE_NOOP("BuilderPanel", "orthogonal"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "W = gain·Q with Q a random orthogonal matrix (Saxe et al. 2014): a deep linear net keeps "
            "every singular value of its input-output map at 1, so no direction vanishes or explodes.",
        ),
    ),
}

INIT_PARAMS: dict[object, tuple[str, str]] = {
    "value": (
        QT_TRANSLATE_NOOP("BuilderPanel", "value"),
        QT_TRANSLATE_NOOP("BuilderPanel", "The value of every weight."),
    ),
    "std": (
        QT_TRANSLATE_NOOP("BuilderPanel", "std"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "Standard deviation of every weight. The signal keeps its scale through a linear layer "
            "of n inputs only if std ≈ 1/√n.",
        ),
    ),
    "a": (
        QT_TRANSLATE_NOOP("BuilderPanel", "a"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Half-width of the interval: weights are drawn from U(−a, a)."),
    ),
    "scale": (
        QT_TRANSLATE_NOOP("BuilderPanel", "scale"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel", "W = scale·I: a linear net of L layers multiplies its input by scale^L."
        ),
    ),
    "gain": (
        QT_TRANSLATE_NOOP("BuilderPanel", "gain"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "Multiplies the weights' std: 1 for linear layers, 5/3 ≈ 1.667 for tanh, √2 for ReLU.",
        ),
    ),
    "mode": (
        QT_TRANSLATE_NOOP("BuilderPanel", "mode"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "fan_in keeps the forward signal's variance; fan_out keeps the backward gradient's.",
        ),
    ),
    "slope": (
        QT_TRANSLATE_NOOP("BuilderPanel", "slope"),
        QT_TRANSLATE_NOOP("BuilderPanel", "The negative slope of the leaky ReLU that follows (0 for ReLU)."),
    ),
}

LOSSES: dict[object, tuple[str, str]] = {
    "auto": (
        QT_TRANSLATE_NOOP("BuilderPanel", "automatic"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Cross-entropy for classification, squared error for regression."),
    ),
    "mse": (
        QT_TRANSLATE_NOOP("BuilderPanel", "mean squared error"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "On a sigmoid output its gradient carries σ'(z) ≤ 1/4, which vanishes when the output "
            "saturates: a wrong, confident prediction learns slowly.",
        ),
    ),
    "bce": (
        QT_TRANSLATE_NOOP("BuilderPanel", "binary cross-entropy"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "For two classes: its gradient on the logit is p − y, so a confident wrong answer gets "
            "a large gradient.",
        ),
    ),
    "softmax_ce": (
        QT_TRANSLATE_NOOP("BuilderPanel", "softmax cross-entropy"),
        QT_TRANSLATE_NOOP("BuilderPanel", "For several classes: gradient p − onehot(y) on the logits."),
    ),
}

OPTIMIZERS: dict[object, tuple[str, str]] = {
    "sgd": (
        QT_TRANSLATE_NOOP("BuilderPanel", "SGD"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "θ ← θ − lr·g: the step is proportional to the gradient, so a vanishing gradient means "
            "a layer that does not learn and an exploding one a step off a cliff.",
        ),
    ),
    "momentum": (
        QT_TRANSLATE_NOOP("BuilderPanel", "SGD + momentum"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel", "Accumulates a velocity b ← μb + g: faster along ravines, overshoots on cliffs."
        ),
    ),
    "nesterov": (
        QT_TRANSLATE_NOOP("BuilderPanel", "SGD + Nesterov"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Momentum with a look-ahead correction (g + μb)."),
    ),
    "adagrad": (
        QT_TRANSLATE_NOOP("BuilderPanel", "Adagrad"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "Divides by the root of the summed squared gradients: small gradients get large steps, "
            "but the steps shrink for ever.",
        ),
    ),
    "rmsprop": (
        QT_TRANSLATE_NOOP("BuilderPanel", "RMSprop"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "Divides by a running RMS of the gradient, so every layer moves at a similar speed even "
            "when its gradient is tiny (no bias correction: first step ≈ 10·lr).",
        ),
    ),
    "adam": (
        QT_TRANSLATE_NOOP("BuilderPanel", "Adam"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "Momentum divided by a running RMS of the gradient: steps of about lr whatever the "
            "gradient's scale, which hides vanishing gradients (and ignores clipping).",
        ),
    ),
    "adamw": (
        QT_TRANSLATE_NOOP("BuilderPanel", "AdamW"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Adam with weight decay applied directly to the weights."),
    ),
}

OPTIMIZER_PARAMS: dict[object, tuple[str, str]] = {
    "lr": (
        QT_TRANSLATE_NOOP("BuilderPanel", "learning rate"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "Step size. Too large and the loss explodes (on a quadratic, beyond 2/λmax); too small "
            "and layers with small gradients barely move.",
        ),
    ),
    "momentum": (
        QT_TRANSLATE_NOOP("BuilderPanel", "momentum μ"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel", "How much of the previous step is kept, in [0, 1): steps grow up to 1/(1 − μ)×."
        ),
    ),
    "dampening": (
        QT_TRANSLATE_NOOP("BuilderPanel", "dampening"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Scales the new gradient in the velocity by (1 − dampening)."),
    ),
    "nesterov": (
        QT_TRANSLATE_NOOP("BuilderPanel", "Nesterov"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Use Nesterov's look-ahead (needs momentum > 0 and dampening 0)."),
    ),
    "weight_decay": (
        QT_TRANSLATE_NOOP("BuilderPanel", "weight decay"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Pulls every weight toward 0 at each step (L2 penalty)."),
    ),
    "lr_decay": (
        QT_TRANSLATE_NOOP("BuilderPanel", "lr decay"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Adagrad's rate becomes lr/(1 + (t − 1)·decay)."),
    ),
    "initial_accumulator_value": (
        QT_TRANSLATE_NOOP("BuilderPanel", "initial sum"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Starting value of Adagrad's sum of squared gradients."),
    ),
    "eps": (
        QT_TRANSLATE_NOOP("BuilderPanel", "ε"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "Added to the denominator: where the gradient is far below ε the adaptive step shrinks "
            "back toward an SGD step.",
        ),
    ),
    "alpha": (
        QT_TRANSLATE_NOOP("BuilderPanel", "α (smoothing)"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Decay of RMSprop's running mean of squared gradients."),
    ),
    "centered": (
        QT_TRANSLATE_NOOP("BuilderPanel", "centered"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel", "Divide by the gradient's running variance instead of its mean square."
        ),
    ),
    "betas": (
        QT_TRANSLATE_NOOP("BuilderPanel", "β1, β2"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "Decays of the running mean and mean square of the gradient, each in [0, 1). A step "
            "is at most lr·(1 − β1)/√(1 − β2) ≈ 3.16·lr with the defaults.",
        ),
    ),
    "amsgrad": (
        QT_TRANSLATE_NOOP("BuilderPanel", "AMSGrad"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Use the maximum of past mean squares, so steps never grow back."),
    ),
}

SCHEDULES: dict[object, tuple[str, str]] = {
    "constant": (
        QT_TRANSLATE_NOOP("BuilderPanel", "constant"),
        QT_TRANSLATE_NOOP("BuilderPanel", "The same learning rate at every step (after the warmup)."),
    ),
    "step": (
        QT_TRANSLATE_NOOP("BuilderPanel", "step decay"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Multiply the rate by γ every 'step size' steps."),
    ),
    "exponential": (
        QT_TRANSLATE_NOOP("BuilderPanel", "exponential decay"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Multiply the rate by γ at every step."),
    ),
    "cosine": (
        QT_TRANSLATE_NOOP("BuilderPanel", "cosine"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Half a cosine from the rate down to its minimum over T steps."),
    ),
}

SCHEDULE_PARAMS: dict[object, tuple[str, str]] = {
    "warmup_steps": (
        QT_TRANSLATE_NOOP("BuilderPanel", "warmup steps"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "Ramp the rate up linearly over these first steps: large early gradients (e.g. with "
            "Adam or no normalization) then cannot throw the weights far.",
        ),
    ),
    "step_size": (
        QT_TRANSLATE_NOOP("BuilderPanel", "step size"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Steps between two decays."),
    ),
    "gamma": (
        QT_TRANSLATE_NOOP("BuilderPanel", "γ"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Decay factor, in (0, 1]."),
    ),
    "t_max": (
        QT_TRANSLATE_NOOP("BuilderPanel", "T"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Steps of the half cosine (the rate climbs back after that)."),
    ),
    "eta_min": (
        QT_TRANSLATE_NOOP("BuilderPanel", "minimum rate"),
        QT_TRANSLATE_NOOP("BuilderPanel", "The rate at the bottom of the cosine."),
    ),
}

CLIPPINGS: dict[object, tuple[str, str]] = {
    "none": (
        QT_TRANSLATE_NOOP("BuilderPanel", "none"),
        QT_TRANSLATE_NOOP("BuilderPanel", "No clipping: an exploding gradient gives an equally huge step."),
    ),
    "norm": (
        QT_TRANSLATE_NOOP("BuilderPanel", "by norm"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "If the whole gradient's norm exceeds the limit c, rescale it to c (Pascanu et al. "
            "2013): same direction, and an SGD step is at most lr·c.",
        ),
    ),
    "value": (
        QT_TRANSLATE_NOOP("BuilderPanel", "by value"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel", "Clamp every gradient element to [−c, c]: bounded, but the direction changes."
        ),
    ),
}

PRECISIONS: dict[object, tuple[str, str]] = {
    "float64": (QT_TRANSLATE_NOOP("BuilderPanel", "float64"), ""),
    "float32": (QT_TRANSLATE_NOOP("BuilderPanel", "float32"), ""),
    "float16": (QT_TRANSLATE_NOOP("BuilderPanel", "float16"), ""),
}

DATASETS: dict[object, tuple[str, str]] = {
    "circles": (
        QT_TRANSLATE_NOOP("BuilderPanel", "circles"),
        QT_TRANSLATE_NOOP("BuilderPanel", "A disc inside a ring (2D, two classes)."),
    ),
    "xor": (
        QT_TRANSLATE_NOOP("BuilderPanel", "XOR"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Four quadrants, opposite ones share a class (2D)."),
    ),
    "gaussians": (
        QT_TRANSLATE_NOOP("BuilderPanel", "Gaussian blobs"),
        QT_TRANSLATE_NOOP("BuilderPanel", "One Gaussian blob per class (2D)."),
    ),
    "spiral": (
        QT_TRANSLATE_NOOP("BuilderPanel", "spiral"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Interleaved spiral arms (2D): needs depth."),
    ),
    "moons": (
        QT_TRANSLATE_NOOP("BuilderPanel", "two moons"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Two interleaved half circles (2D)."),
    ),
    "sine": (
        QT_TRANSLATE_NOOP("BuilderPanel", "sine (regression)"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Fit y = sin(x) (1D regression)."),
    ),
    "plane": (
        QT_TRANSLATE_NOOP("BuilderPanel", "plane (regression)"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Fit a tilted plane (2D regression)."),
    ),
    "teacher": (
        QT_TRANSLATE_NOOP("BuilderPanel", "teacher network"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Labels from a random network on many input dimensions."),
    ),
    "mixture": (
        QT_TRANSLATE_NOOP("BuilderPanel", "Gaussian mixture"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Several classes of Gaussian clusters in many dimensions."),
    ),
    "digits": (
        QT_TRANSLATE_NOOP("BuilderPanel", "digits 8×8"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Handwritten digits, 64 pixels, 10 classes (needs scikit-learn)."),
    ),
    "csv": (
        QT_TRANSLATE_NOOP("BuilderPanel", "CSV file…"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Your own data from a CSV file."),
    ),
}

DATA_PARAMS: dict[object, tuple[str, str]] = {
    "n_samples": (
        QT_TRANSLATE_NOOP("BuilderPanel", "samples"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Number of points generated (train and test together)."),
    ),
    "noise": (
        QT_TRANSLATE_NOOP("BuilderPanel", "noise"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Jitter of the points, from 0 (separable) to 1."),
    ),
    "test_fraction": (
        QT_TRANSLATE_NOOP("BuilderPanel", "test split"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel", "Share of the points held out to measure generalization (0 to 0.9)."
        ),
    ),
    "seed": (
        QT_TRANSLATE_NOOP("BuilderPanel", "data seed"),
        QT_TRANSLATE_NOOP("BuilderPanel", "The same seed always generates the same points."),
    ),
    "n_classes": (
        QT_TRANSLATE_NOOP("BuilderPanel", "classes"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Number of classes."),
    ),
    "periods": (
        QT_TRANSLATE_NOOP("BuilderPanel", "periods"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Periods of the sine over the input range."),
    ),
    "dim": (
        QT_TRANSLATE_NOOP("BuilderPanel", "input dimensions"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Number of input features."),
    ),
    "hidden": (
        QT_TRANSLATE_NOOP("BuilderPanel", "teacher width"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Hidden units of the random teacher network."),
    ),
    "task": (
        QT_TRANSLATE_NOOP("BuilderPanel", "task"),
        QT_TRANSLATE_NOOP("BuilderPanel", "What to predict: classes or numbers."),
    ),
    "outputs": (
        QT_TRANSLATE_NOOP("BuilderPanel", "outputs"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Number of regression targets."),
    ),
    "clusters": (
        QT_TRANSLATE_NOOP("BuilderPanel", "clusters per class"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Gaussian clusters making up each class."),
    ),
    "path": (
        QT_TRANSLATE_NOOP("BuilderPanel", "file"),
        QT_TRANSLATE_NOOP("BuilderPanel", "The CSV file the data come from."),
    ),
    "target": (
        QT_TRANSLATE_NOOP("BuilderPanel", "target column"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Column name or index (−1 = last column) holding the labels."),
    ),
    "standardize": (
        QT_TRANSLATE_NOOP("BuilderPanel", "standardize inputs"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "Scale every feature to mean 0 and std 1 (from the training rows): badly scaled inputs "
            "make the first layer's gradients badly scaled too.",
        ),
    ),
    "has_header": (
        QT_TRANSLATE_NOOP("BuilderPanel", "header row"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "Whether the first row holds column names (auto: when none of its cells is a number).",
        ),
    ),
}

CHOICE_VALUES: dict[object, tuple[str, str]] = {
    "binary": (QT_TRANSLATE_NOOP("BuilderPanel", "binary"), ""),
    "regression": (QT_TRANSLATE_NOOP("BuilderPanel", "regression"), ""),
    "multiclass": (QT_TRANSLATE_NOOP("BuilderPanel", "multiclass"), ""),
    "auto": (QT_TRANSLATE_NOOP("BuilderPanel", "auto"), ""),
    True: (QT_TRANSLATE_NOOP("BuilderPanel", "yes"), ""),
    False: (QT_TRANSLATE_NOOP("BuilderPanel", "no"), ""),
    "fan_in": (QT_TRANSLATE_NOOP("BuilderPanel", "fan_in"), ""),
    "fan_out": (QT_TRANSLATE_NOOP("BuilderPanel", "fan_out"), ""),
}

SETTINGS: dict[object, tuple[str, str]] = {
    "residual_every": (
        QT_TRANSLATE_NOOP("BuilderPanel", "residual every"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "Add a skip connection around every k layers (0 = off): the gradient then has a path "
            "that bypasses the layers, so it cannot vanish through them (He et al. 2016).",
        ),
    ),
    "loss": (
        QT_TRANSLATE_NOOP("BuilderPanel", "loss"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "The function whose gradient starts backpropagation. Cross-entropy pairs with a sigmoid "
            "or softmax output so the output's saturation does not kill the gradient.",
        ),
    ),
    "batch_size": (
        QT_TRANSLATE_NOOP("BuilderPanel", "batch size"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "Samples per step (0 = the full training set). Smaller batches give noisier gradients, "
            "which helps escape saddle points; BatchNorm needs more than one sample.",
        ),
    ),
    "training_seed": (
        QT_TRANSLATE_NOOP("BuilderPanel", "training seed"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "Seeds the initial weights and the batch order: the same seed replays the same run; "
            "another shows how much one initialization varies.",
        ),
    ),
    "precision": (
        QT_TRANSLATE_NOOP("BuilderPanel", "precision"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "Number format of weights and gradients. In float16 a gradient below ~6e-8 becomes "
            "exactly 0: vanishing gradients underflow for real.",
        ),
    ),
    "l1": (
        QT_TRANSLATE_NOOP("BuilderPanel", "L1"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Adds l1·Σ|w| to the loss: pushes small weights to exactly 0."),
    ),
    "l2": (
        QT_TRANSLATE_NOOP("BuilderPanel", "L2"),
        QT_TRANSLATE_NOOP("BuilderPanel", "Adds l2/2·Σw² to the loss: shrinks all weights toward 0."),
    ),
    "clip_kind": (
        QT_TRANSLATE_NOOP("BuilderPanel", "gradient clipping"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "Bounds the gradient before the step, so one exploding gradient (a cliff in the loss) "
            "cannot throw the weights far away.",
        ),
    ),
    "clip_max": (
        QT_TRANSLATE_NOOP("BuilderPanel", "limit c"),
        QT_TRANSLATE_NOOP("BuilderPanel", "The clipping limit, a positive number."),
    ),
    "init": (
        QT_TRANSLATE_NOOP("BuilderPanel", "weights"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "How the weights start. The variance of the weights decides whether the signal and the "
            "gradient keep their size through many layers: He for ReLU, Xavier for tanh.",
        ),
    ),
    "bias_init": (
        QT_TRANSLATE_NOOP("BuilderPanel", "biases"),
        QT_TRANSLATE_NOOP(
            "BuilderPanel",
            "How the biases start, usually 0. A small positive constant keeps ReLU units alive at the start.",
        ),
    ),
    "optimizer": (
        QT_TRANSLATE_NOOP("BuilderPanel", "optimizer"),
        QT_TRANSLATE_NOOP("BuilderPanel", "The rule that turns gradients into weight updates."),
    ),
    "schedule": (
        QT_TRANSLATE_NOOP("BuilderPanel", "schedule"),
        QT_TRANSLATE_NOOP("BuilderPanel", "How the learning rate changes during training."),
    ),
    "dataset": (
        QT_TRANSLATE_NOOP("BuilderPanel", "dataset"),
        QT_TRANSLATE_NOOP("BuilderPanel", "The data the network learns."),
    ),
}
