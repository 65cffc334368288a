<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivationLab</name>
    <message>
        <source>layer {n}: {activation}, {width} units</source>
        <translation>第 {n} 层：{activation}，{width} 个单元</translation>
    </message>
    <message>
        <source>This network has no hidden layer.</source>
        <translation>此网络没有隐藏层。</translation>
    </message>
    <message>
        <source>Train a few steps to see where this layer&apos;s pre-activations sit on f′.</source>
        <translation>训练几步，即可看到本层预激活值落在 f′ 的哪一段。</translation>
    </message>
    <message>
        <source>No pre-activations recorded yet for this layer.</source>
        <translation>本层尚未记录预激活值。</translation>
    </message>
    <message>
        <source>, f′ = 0 exactly for {zero:.0%} (no gradient at all: dead for ReLU)</source>
        <translation>，{zero:.0%} 的 f′ 恰为 0（完全没有梯度：ReLU 神经元死亡）</translation>
    </message>
    <message>
        <source>Measuring {seeds} networks…</source>
        <translation>正在测量 {seeds} 个网络…</translation>
    </message>
    <message>
        <source>No hidden layers: nothing to propagate.</source>
        <translation>没有隐藏层：无可传播。</translation>
    </message>
    <message>
        <source>Too large to measure here ({gflop:.0f} GFLOP for {seeds} networks): theory only.</source>
        <translation>规模太大，无法在此测量（{seeds} 个网络需 {gflop:.0f} GFLOP）：仅显示理论值。</translation>
    </message>
    <message>
        <source>The measurement failed: {error}</source>
        <translation>测量失败：{error}</translation>
    </message>
    <message>
        <source>{activation}: f and f′</source>
        <translation>{activation}：f 与 f′</translation>
    </message>
    <message>
        <source>Step {step}: f′ &lt; {flat_limit} for {flat:.0%} of this layer&apos;s pre-activations (grey)</source>
        <translation>第 {step} 步：本层 {flat:.0%} 的预激活值处 f′ &lt; {flat_limit}（灰色）</translation>
    </message>
    <message>
        <source>At initialization, variance ratio per layer: measured {median:.3g} ({low:.3g} to {high:.3g} over {seeds} networks)</source>
        <translation>初始化时每层的方差比：实测 {median:.3g}（{seeds} 个网络中 {low:.3g} 到 {high:.3g}）</translation>
    </message>
    <message>
        <source>gradient std input/top {value:.3g}</source>
        <translation>输入/顶层梯度标准差 {value:.3g}</translation>
    </message>
    <message>
        <source>theory {value:.3g}</source>
        <translation>理论值 {value:.3g}</translation>
    </message>
    <message>
        <source>no theory for constant, zero or identity weights (they are not random)</source>
        <translation>常数、零或恒等权重没有理论值（它们不是随机的）</translation>
    </message>
    <message>
        <source>no closed-form theory for maxout (a maximum of several Gaussians)</source>
        <translation>maxout 没有闭式理论（多个高斯变量的最大值）</translation>
    </message>
    <message>
        <source>no hidden layers</source>
        <translation>没有隐藏层</translation>
    </message>
    <message>
        <source>The hidden layer whose activation and pre-activations are shown.</source>
        <translation>显示其激活函数和预激活值的隐藏层。</translation>
    </message>
    <message>
        <source>pre-activation h</source>
        <translation>预激活 h</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>实测</translation>
    </message>
    <message>
        <source>Blue: the activation f. Dashed: its derivative f′, the factor every gradient is multiplied by on its way back through this layer. Grey: where the layer&apos;s inputs are now. Inputs where f′ ≈ 0 (a saturated sigmoid or tanh) or f′ = 0 (a ReLU below 0) pass no gradient back.</source>
        <translation>蓝色：激活函数 f。虚线：其导数 f′，即每个梯度反向经过本层时所乘的因子。灰色：本层输入当前所在位置。f′ ≈ 0（饱和的 sigmoid 或 tanh）或 f′ = 0（小于 0 的 ReLU）处的输入不会反传任何梯度。</translation>
    </message>
    <message>
        <source>activation std</source>
        <translation>激活标准差</translation>
    </message>
    <message>
        <source>gradient std</source>
        <translation>梯度标准差</translation>
    </message>
    <message>
        <source>singular values</source>
        <translation>奇异值</translation>
    </message>
    <message>
        <source>layer (0 = input)</source>
        <translation>层（0 = 输入）</translation>
    </message>
    <message>
        <source>index</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>theory</source>
        <translation>理论</translation>
    </message>
    <message>
        <source>Measured: {seeds} networks with this config&apos;s depth, widths, activations and initializer, each fed one standard-normal batch of {batch} samples (as wide as the first layer); a standard-normal gradient is backpropagated from the last hidden layer. Line: median; band: minimum to maximum over the networks (one network varies a lot).

Dashed: the mean-field theory behind Xavier and He init. It assumes infinitely wide layers, independent zero-mean weights and Gaussian pre-activations: E[z²] = n·Var(W)·E[a²] per layer. He init (Var(W) = 2/n) keeps a ReLU net&apos;s E[a²], so the ratio per layer is 1; Xavier (Var(W) = 1/n for square layers) halves it; N(0, s²) weights in a linear net scale the std by s·√n per layer, (s²n)^(L/2) after L layers; tanh with Xavier gain 5/3 settles at a fixed point. It ignores BatchNorm&apos;s coupling of the batch (which makes deep BatchNorm nets&apos; gradients grow toward the input at initialization) and treats residual branches as independent of their skip.</source>
        <translation>实测：{seeds} 个与当前配置深度、宽度、激活函数和初始化器相同的网络，各输入一批 {batch} 个标准正态样本（宽度与第一层相同）；从最后一个隐藏层反传一个标准正态梯度。实线：中位数；色带：各网络的最小值到最大值（单个网络差异很大）。

虚线：Xavier 与 He 初始化背后的平均场理论。它假设层无限宽、权重独立且均值为零、预激活服从高斯分布：每层 E[z²] = n·Var(W)·E[a²]。He 初始化（Var(W) = 2/n）保持 ReLU 网络的 E[a²]，每层比值为 1；Xavier（方形层 Var(W) = 1/n）使其减半；线性网络中 N(0, s²) 权重每层将标准差乘以 s·√n，L 层后为 (s²n)^(L/2)；tanh 配合 Xavier 增益 5/3 会收敛到一个不动点。该理论忽略批归一化对批内样本的耦合（这使深层批归一化网络在初始化时梯度朝输入方向增大），并把残差分支视为与跳跃连接无关。</translation>
    </message>
    <message>
        <source>Grey in the plot: where this layer&apos;s pre-activations are at the latest step (peak scaled to 1; values beyond the range are counted in the end bins). Where f′ is below {flat_limit} a unit passes almost no gradient back; where it is exactly 0 (a ReLU below 0), none.</source>
        <translation>图中灰色：本层预激活值在最新一步的分布（峰值缩放为 1；超出范围的值计入两端的箱）。f′ 低于 {flat_limit} 处，单元几乎不回传梯度；f′ 恰为 0 处（ReLU 小于 0），完全不回传。</translation>
    </message>
    <message>
        <source>Singular values of the input-output Jacobian of the hidden stack at one input, median and band over the networks. Orthogonal init with linear layers keeps them all at exactly 1 whatever the depth (Saxe et al. 2014): no direction of the signal or of the gradient vanishes or explodes. Gaussian init spreads them more with every layer. Not shown for networks with normalization layers.</source>
        <translation>隐藏层堆栈在某一输入处的输入-输出雅可比矩阵的奇异值，各网络的中位数与色带。正交初始化配合线性层，无论多深都使它们恰好为 1（Saxe 等，2014）：信号和梯度在任何方向上都不会消失或爆炸。高斯初始化每多一层就让它们更分散。含归一化层的网络不显示。</translation>
    </message>
</context>
<context>
    <name>AnalyticLandscape</name>
    <message>
        <source>Surface</source>
        <translation>曲面</translation>
    </message>
    <message>
        <source>Race</source>
        <translation>竞赛</translation>
    </message>
    <message>
        <source>Show at each optimizer</source>
        <translation>在每个优化器处显示</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>步数：</translation>
    </message>
    <message>
        <source>Gradient noise σ:</source>
        <translation>梯度噪声 σ：</translation>
    </message>
    <message>
        <source>Noise seed:</source>
        <translation>噪声种子：</translation>
    </message>
    <message>
        <source>How many steps every optimizer takes. Long races are computed in the background while the beginning already plays.</source>
        <translation>每个优化器走多少步。长竞赛在后台计算，开头部分已可播放。</translation>
    </message>
    <message>
        <source>Standard deviation of Gaussian noise added to every gradient, as mini-batches do in stochastic gradient descent. Noise lets plain descent escape a saddle it would otherwise sit on forever. Every optimizer gets the same noise.</source>
        <translation>加到每个梯度上的高斯噪声的标准差，如同随机梯度下降中的小批量。噪声让普通梯度下降能逃离原本会永远停留的鞍点。所有优化器获得相同的噪声。</translation>
    </message>
    <message>
        <source>Seed of the gradient noise: the same seed gives the same race.</source>
        <translation>梯度噪声的种子：相同的种子得到相同的竞赛。</translation>
    </message>
    <message>
        <source>Downhill direction −∇f</source>
        <translation>下坡方向 −∇f</translation>
    </message>
    <message>
        <source>A grey arrow from each optimizer along −∇f, the way plain gradient descent steps. On a ravine it points across the valley, not along it: that is the zig-zag. Its length grows with the slope (capped to fit the view).</source>
        <translation>从每个优化器沿 −∇f 画出的灰色箭头，即普通梯度下降的步进方向。在峡谷中它横穿谷底而不是沿谷底：这就是之字形。其长度随坡度增长（限制在视图内）。</translation>
    </message>
    <message>
        <source>Velocity (momentum)</source>
        <translation>速度（动量）</translation>
    </message>
    <message>
        <source>A dashed arrow along the optimizer&apos;s velocity (momentum buffer; Adam&apos;s first moment), on the same scale as the gradient arrow. Momentum accumulates velocity: it speeds along the ravine&apos;s floor and damps the zig-zag across it.</source>
        <translation>沿优化器速度（动量缓冲；Adam 的一阶矩）的虚线箭头，与梯度箭头同一比例。动量会累积速度：沿峡谷底部加速，并抑制横向的之字形。</translation>
    </message>
    <message>
        <source>Per-coordinate step</source>
        <translation>逐坐标步长</translation>
    </message>
    <message>
        <source>The next step split into its x and y parts (magnified, factor below the plot). Adaptive methods (Adam, RMSprop, Adagrad) divide each coordinate by its own gradient history, so both parts are about lr whatever the slope: good on plateaus, bad when the valley runs diagonally.</source>
        <translation>下一步分解为 x 和 y 分量（已放大，倍数见图下方）。自适应方法（Adam、RMSprop、Adagrad）将每个坐标除以其自身的梯度历史，因此无论坡度如何两个分量都约为 lr：在平台上有利，在斜向的谷中不利。</translation>
    </message>
    <message>
        <source>Clipping events</source>
        <translation>裁剪事件</translation>
    </message>
    <message>
        <source>✕ on the path where gradient clipping shortened the gradient. On the cliff, the clipped optimizer stays near the wall while the unclipped one is thrown far away.</source>
        <translation>路径上的 ✕ 表示梯度裁剪缩短了梯度。在悬崖处，经裁剪的优化器停在崖壁附近，而未裁剪的被抛向远处。</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Advance every optimizer by one step.</source>
        <translation>让每个优化器前进一步。</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to step 0, at the start point.</source>
        <translation>回到第 0 步，位于起点。</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>速度：</translation>
    </message>
    <message>
        <source>Steps shown per second: slow to watch each step, fast for long races.</source>
        <translation>每秒显示的步数：慢速便于观察每一步，快速适合长竞赛。</translation>
    </message>
    <message>
        <source>The full race is being computed.</source>
        <translation>正在计算完整竞赛。</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Play or pause the race: every optimizer moves one step at a time.</source>
        <translation>播放或暂停竞赛：每个优化器每次前进一步。</translation>
    </message>
    <message>
        <source>{n} steps/s</source>
        <translation>{n} 步/秒</translation>
    </message>
    <message>
        <source>step {i} / {n}</source>
        <translation>第 {i} / {n} 步</translation>
    </message>
    <message>
        <source>Start ({x}, {y}): click the surface or drag ⊕.</source>
        <translation>起点 ({x}, {y})：点击曲面或拖动 ⊕。</translation>
    </message>
    <message>
        <source>Per-coordinate steps drawn ×{m}.</source>
        <translation>逐坐标步长已放大 ×{m}。</translation>
    </message>
    <message>
        <source>no OpenGL context</source>
        <translation>没有 OpenGL 上下文</translation>
    </message>
    <message>
        <source>3-D view unavailable: {reason}</source>
        <translation>三维视图不可用：{reason}</translation>
    </message>
    <message>
        <source>steps × optimizers must be at most {limit}; use fewer steps.</source>
        <translation>步数 × 优化器数最多为 {limit}；请减少步数。</translation>
    </message>
    <message>
        <source>Racers</source>
        <translation>参赛者</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Surface and race</source>
        <translation>曲面与比赛</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <source>cannot lock {path}</source>
        <translation>无法锁定 {path}</translation>
    </message>
    <message>
        <source>Autosave failed</source>
        <translation>自动保存失败</translation>
    </message>
    <message>
        <source>gradsim could not save a recovery copy of this session:

{reason}

If gradsim stops unexpectedly, the changes since your last save could be lost. Autosave tries again every {minutes} minutes and the status bar shows while it keeps failing; File &gt; Save session keeps your work now.</source>
        <translation>gradsim 无法保存此会话的恢复副本：

{reason}

如果 gradsim 意外停止，自上次保存以来的更改可能会丢失。自动保存每 {minutes} 分钟重试一次，只要仍然失败，状态栏就会显示；现在使用“文件 &gt; 保存会话”即可保住你的工作。</translation>
    </message>
    <message>
        <source>Recover unsaved session</source>
        <translation>恢复未保存的会话</translation>
    </message>
    <message>
        <source>gradsim did not exit cleanly last time. An automatic save of the unsaved session exists. Recover it?</source>
        <translation>gradsim 上次未正常退出。存在未保存会话的自动保存。要恢复吗？</translation>
    </message>
    <message>
        <source>Cannot recover the session</source>
        <translation>无法恢复会话</translation>
    </message>
</context>
<context>
    <name>BuilderPanel</name>
    <message>
        <source>enter a number</source>
        <translation>请输入数字</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a number</source>
        <translation>“{text}”不是数字</translation>
    </message>
    <message>
        <source>Apply configuration</source>
        <translation>应用配置</translation>
    </message>
    <message>
        <source>Change {setting}</source>
        <translation>更改{setting}</translation>
    </message>
    <message>
        <source>Choose {kind} for {setting}</source>
        <translation>为{setting}选择{kind}</translation>
    </message>
    <message>
        <source>Add layer</source>
        <translation>添加层</translation>
    </message>
    <message>
        <source>Remove layer</source>
        <translation>删除层</translation>
    </message>
    <message>
        <source>Duplicate layer</source>
        <translation>复制层</translation>
    </message>
    <message>
        <source>Move layer up</source>
        <translation>上移层</translation>
    </message>
    <message>
        <source>Move layer down</source>
        <translation>下移层</translation>
    </message>
    <message>
        <source>Apply width to all layers</source>
        <translation>将宽度应用到所有层</translation>
    </message>
    <message>
        <source>Apply activation to all layers</source>
        <translation>将激活函数应用到所有层</translation>
    </message>
    <message>
        <source>Apply normalization to all layers</source>
        <translation>将归一化应用到所有层</translation>
    </message>
    <message>
        <source>Load CSV data</source>
        <translation>加载 CSV 数据</translation>
    </message>
    <message>
        <source>Ready to train.</source>
        <translation>可以开始训练。</translation>
    </message>
    <message>
        <source>{count} setting(s) to fix before training: see the marked fields.</source>
        <translation>训练前需修正 {count} 项设置：见标记的字段。</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Initialization</source>
        <translation>初始化</translation>
    </message>
    <message>
        <source>Loss, optimizer and learning rate</source>
        <translation>损失、优化器与学习率</translation>
    </message>
    <message>
        <source>Regularization and gradient clipping</source>
        <translation>正则化与梯度裁剪</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>The loaded config gives some layers their own initializers; choosing one here applies it to every layer.</source>
        <translation>加载的配置为部分层指定了各自的初始化器；在此选择将应用到每一层。</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>sigmoid</translation>
    </message>
    <message>
        <source>σ(x) = 1/(1 + e^−x). Its derivative is at most 1/4, so every sigmoid layer shrinks the gradient at least 4×: the classic cause of vanishing gradients in deep nets.</source>
        <translation>σ(x) = 1/(1 + e^−x)。其导数最大为 1/4，因此每个 sigmoid 层至少把梯度缩小 4 倍：这是深层网络梯度消失的经典原因。</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>tanh(x) = 2σ(2x) − 1: zero-centred, derivative at most 1 (at 0). For |x| &gt; 2 it saturates and the gradient through it vanishes.</source>
        <translation>tanh(x) = 2σ(2x) − 1：以零为中心，导数最大为 1（在 0 处）。当 |x| &gt; 2 时饱和，经过它的梯度消失。</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>max(0, x): derivative exactly 1 for x &gt; 0 (the gradient is not shrunk) and exactly 0 for x &lt; 0: a unit that is negative on every input is dead and never learns again.</source>
        <translation>max(0, x)：x &gt; 0 时导数恰为 1（梯度不被缩小），x &lt; 0 时恰为 0：对所有输入都为负的单元即死亡，再也不会学习。</translation>
    </message>
    <message>
        <source>leaky ReLU</source>
        <translation>leaky ReLU</translation>
    </message>
    <message>
        <source>max(x, a·x): a small slope a below 0 keeps some gradient flowing, so units cannot die.</source>
        <translation>max(x, a·x)：0 以下的小斜率 a 让部分梯度继续流动，单元不会死亡。</translation>
    </message>
    <message>
        <source>PReLU</source>
        <translation>PReLU</translation>
    </message>
    <message>
        <source>Leaky ReLU whose negative slope is learned per unit (He et al. 2015).</source>
        <translation>负斜率按单元学习的 leaky ReLU（He 等，2015）。</translation>
    </message>
    <message>
        <source>ELU</source>
        <translation>ELU</translation>
    </message>
    <message>
        <source>x above 0, α(e^x − 1) below: smooth, negative outputs pull the mean toward 0, and the gradient is never exactly 0.</source>
        <translation>0 以上为 x，以下为 α(e^x − 1)：平滑，负输出把均值拉向 0，梯度永不恰为 0。</translation>
    </message>
    <message>
        <source>SELU</source>
        <translation>SELU</translation>
    </message>
    <message>
        <source>Scaled ELU whose constants keep mean 0 and variance 1 from layer to layer with LeCun normal init (self-normalizing networks, Klambauer et al. 2017).</source>
        <translation>缩放的 ELU，其常数配合 LeCun 正态初始化使各层保持均值 0、方差 1（自归一化网络，Klambauer 等，2017）。</translation>
    </message>
    <message>
        <source>softplus</source>
        <translation>softplus</translation>
    </message>
    <message>
        <source>log(1 + e^x), a smooth ReLU: its derivative σ(x) is never exactly 0 but small for negative inputs.</source>
        <translation>log(1 + e^x)，平滑的 ReLU：其导数 σ(x) 永不恰为 0，但对负输入很小。</translation>
    </message>
    <message>
        <source>GELU</source>
        <translation>GELU</translation>
    </message>
    <message>
        <source>x·Φ(x) (Hendrycks &amp; Gimpel 2016): a smooth ReLU used in transformers.</source>
        <translation>x·Φ(x)（Hendrycks 和 Gimpel，2016）：Transformer 中使用的平滑 ReLU。</translation>
    </message>
    <message>
        <source>SiLU / swish</source>
        <translation>SiLU / swish</translation>
    </message>
    <message>
        <source>x·σ(x) (Ramachandran et al. 2017): smooth and non-monotonic near 0.</source>
        <translation>x·σ(x)（Ramachandran 等，2017）：平滑，在 0 附近非单调。</translation>
    </message>
    <message>
        <source>noisy ReLU</source>
        <translation>噪声 ReLU</translation>
    </message>
    <message>
        <source>ReLU of x plus Gaussian noise at training time (Nair &amp; Hinton 2010): the noise moves units across 0, so fewer of them stay dead.</source>
        <translation>训练时对 x 加高斯噪声后取 ReLU（Nair 和 Hinton，2010）：噪声使单元跨越 0，从而更少单元保持死亡。</translation>
    </message>
    <message>
        <source>maxout</source>
        <translation>maxout</translation>
    </message>
    <message>
        <source>The maximum of k linear pieces per unit (Goodfellow et al. 2013): the gradient flows to the winning piece, so it is never 0 for all of them.</source>
        <translation>每个单元取 k 个线性片段的最大值（Goodfellow 等，2013）：梯度流向获胜的片段，因此不会对全部片段为 0。</translation>
    </message>
    <message>
        <source>Mish</source>
        <translation>Mish</translation>
    </message>
    <message>
        <source>x·tanh(softplus(x)) (Misra 2019): smooth and non-monotonic.</source>
        <translation>x·tanh(softplus(x))（Misra，2019）：平滑且非单调。</translation>
    </message>
    <message>
        <source>sine</source>
        <translation>正弦</translation>
    </message>
    <message>
        <source>sin(x): bounded but periodic, so it never saturates for good (derivative cos x).</source>
        <translation>sin(x)：有界但周期性，因此永远不会彻底饱和（导数为 cos x）。</translation>
    </message>
    <message>
        <source>linear (identity)</source>
        <translation>线性（恒等）</translation>
    </message>
    <message>
        <source>No non-linearity: a deep linear net multiplies its weight matrices, so the signal and the gradient scale like the product of their sizes (0.9^20 = 0.12, 1.1^20 = 6.7).</source>
        <translation>无非线性：深层线性网络将各权重矩阵相乘，信号与梯度按它们大小的乘积缩放（0.9^20 = 0.12，1.1^20 = 6.7）。</translation>
    </message>
    <message>
        <source>slope</source>
        <translation>斜率</translation>
    </message>
    <message>
        <source>Slope below 0. At 0 this is a ReLU (units can die); 0.01 is common. He init should use the same slope.</source>
        <translation>0 以下的斜率。为 0 时即 ReLU（单元会死亡）；常用 0.01。He 初始化应使用相同斜率。</translation>
    </message>
    <message>
        <source>slope₀</source>
        <translation>斜率₀</translation>
    </message>
    <message>
        <source>Initial negative slope of every unit (learned afterwards).</source>
        <translation>每个单元的初始负斜率（之后学习）。</translation>
    </message>
    <message>
        <source>α</source>
        <translation>α</translation>
    </message>
    <message>
        <source>The value ELU approaches for very negative inputs (−α).</source>
        <translation>ELU 对很负的输入趋近的值（−α）。</translation>
    </message>
    <message>
        <source>σ</source>
        <translation>σ</translation>
    </message>
    <message>
        <source>Standard deviation of the noise added at training time.</source>
        <translation>训练时所加噪声的标准差。</translation>
    </message>
    <message>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <source>Linear pieces per unit (at least 2): the layer&apos;s weight matrix is k times wider.</source>
        <translation>每个单元的线性片段数（至少 2）：该层权重矩阵宽 k 倍。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>No normalization: the signal&apos;s scale depends on the weights alone.</source>
        <translation>无归一化：信号尺度仅取决于权重。</translation>
    </message>
    <message>
        <source>BatchNorm</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <source>Normalizes every unit over the batch to mean 0, variance 1 (then a learned scale and shift), so the activations keep their scale whatever the weights (Ioffe &amp; Szegedy 2015).</source>
        <translation>将每个单元在批内归一化为均值 0、方差 1（再经学习的缩放和平移），使激活无论权重如何都保持尺度（Ioffe 和 Szegedy，2015）。</translation>
    </message>
    <message>
        <source>LayerNorm</source>
        <translation>层归一化</translation>
    </message>
    <message>
        <source>Normalizes every sample over the layer&apos;s units (Ba et al. 2016): like BatchNorm, but independent of the batch size.</source>
        <translation>将每个样本在本层单元上归一化（Ba 等，2016）：类似批归一化，但与批大小无关。</translation>
    </message>
    <message>
        <source>zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <source>Every weight 0: all units of a layer compute the same thing and get the same gradient, so they never become different (and a ReLU net gets no gradient at all).</source>
        <translation>所有权重为 0：一层中所有单元计算相同的东西并得到相同梯度，因此永远不会变得不同（ReLU 网络则完全没有梯度）。</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>常数</translation>
    </message>
    <message>
        <source>Every weight equal: like zeros, the units of a layer stay identical.</source>
        <translation>所有权重相等：与全零一样，同层单元保持相同。</translation>
    </message>
    <message>
        <source>normal N(0, std²)</source>
        <translation>正态 N(0, std²)</translation>
    </message>
    <message>
        <source>The same std for every layer whatever its width: with n inputs a linear layer multiplies the signal&apos;s std by std·√n, so with depth it vanishes or explodes unless std ≈ 1/√n.</source>
        <translation>无论宽度如何每层都用同一 std：对 n 个输入，线性层把信号的标准差乘以 std·√n，因此随深度增加会消失或爆炸，除非 std ≈ 1/√n。</translation>
    </message>
    <message>
        <source>uniform U(−a, a)</source>
        <translation>均匀 U(−a, a)</translation>
    </message>
    <message>
        <source>Var(W) = a²/3. The old &apos;standard&apos; a = 1/√n gives n·Var(W) = 1/3: the signal shrinks ×0.577 per linear layer (Glorot &amp; Bengio 2010).</source>
        <translation>Var(W) = a²/3。旧的“标准”a = 1/√n 给出 n·Var(W) = 1/3：每个线性层信号缩小 ×0.577（Glorot 和 Bengio，2010）。</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>恒等</translation>
    </message>
    <message>
        <source>W = scale·I: each layer passes its input through unchanged at the start (units beyond the smaller width get nothing).</source>
        <translation>W = scale·I：开始时每层原样传递输入（超出较小宽度的单元得不到输入）。</translation>
    </message>
    <message>
        <source>Xavier/Glorot normal</source>
        <translation>Xavier/Glorot 正态</translation>
    </message>
    <message>
        <source>Var(W) = gain²·2/(n_in + n_out) (Glorot &amp; Bengio 2010): keeps the variance of linear and tanh layers (use gain 5/3 for tanh). With ReLU it halves the variance at every layer: use He init there.</source>
        <translation>Var(W) = gain²·2/(n_in + n_out)（Glorot 和 Bengio，2010）：保持线性层和 tanh 层的方差（tanh 用增益 5/3）。对 ReLU 每层方差减半：那里请用 He 初始化。</translation>
    </message>
    <message>
        <source>Xavier/Glorot uniform</source>
        <translation>Xavier/Glorot 均匀</translation>
    </message>
    <message>
        <source>Uniform with bound gain·√(6/(n_in + n_out)), the same variance as Xavier normal: right for tanh (gain 5/3), halves ReLU activations&apos; variance at every layer.</source>
        <translation>边界为 gain·√(6/(n_in + n_out)) 的均匀分布，方差与 Xavier 正态相同：适合 tanh（增益 5/3），但每层使 ReLU 激活方差减半。</translation>
    </message>
    <message>
        <source>He/Kaiming normal</source>
        <translation>He/Kaiming 正态</translation>
    </message>
    <message>
        <source>Var(W) = 2/((1 + slope²)·n_in) (He et al. 2015): keeps ReLU activations&apos; variance constant across layers; with Xavier it would halve at each layer.</source>
        <translation>Var(W) = 2/((1 + slope²)·n_in)（He 等，2015）：使 ReLU 激活的方差在各层间保持不变；用 Xavier 则每层减半。</translation>
    </message>
    <message>
        <source>He/Kaiming uniform</source>
        <translation>He/Kaiming 均匀</translation>
    </message>
    <message>
        <source>Uniform with the He variance 2/((1 + slope²)·n_in): keeps ReLU activations&apos; variance constant across layers.</source>
        <translation>方差为 He 方差 2/((1 + slope²)·n_in) 的均匀分布：使 ReLU 激活的方差在各层间保持不变。</translation>
    </message>
    <message>
        <source>LeCun normal</source>
        <translation>LeCun 正态</translation>
    </message>
    <message>
        <source>Var(W) = 1/n_in: the initialization SELU&apos;s self-normalization assumes.</source>
        <translation>Var(W) = 1/n_in：SELU 自归一化所假定的初始化。</translation>
    </message>
    <message>
        <source>orthogonal</source>
        <translation>正交</translation>
    </message>
    <message>
        <source>W = gain·Q with Q a random orthogonal matrix (Saxe et al. 2014): a deep linear net keeps every singular value of its input-output map at 1, so no direction vanishes or explodes.</source>
        <translation>W = gain·Q，Q 为随机正交矩阵（Saxe 等，2014）：深层线性网络的输入-输出映射的所有奇异值保持为 1，任何方向都不会消失或爆炸。</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>The value of every weight.</source>
        <translation>每个权重的值。</translation>
    </message>
    <message>
        <source>std</source>
        <translation>std</translation>
    </message>
    <message>
        <source>Standard deviation of every weight. The signal keeps its scale through a linear layer of n inputs only if std ≈ 1/√n.</source>
        <translation>每个权重的标准差。只有 std ≈ 1/√n 时，信号经过 n 个输入的线性层才能保持尺度。</translation>
    </message>
    <message>
        <source>a</source>
        <translation>a</translation>
    </message>
    <message>
        <source>Half-width of the interval: weights are drawn from U(−a, a).</source>
        <translation>区间的半宽：权重取自 U(−a, a)。</translation>
    </message>
    <message>
        <source>scale</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>W = scale·I: a linear net of L layers multiplies its input by scale^L.</source>
        <translation>W = scale·I：L 层线性网络将输入乘以 scale^L。</translation>
    </message>
    <message>
        <source>gain</source>
        <translation>增益</translation>
    </message>
    <message>
        <source>Multiplies the weights&apos; std: 1 for linear layers, 5/3 ≈ 1.667 for tanh, √2 for ReLU.</source>
        <translation>乘以权重的标准差：线性层为 1，tanh 为 5/3 ≈ 1.667，ReLU 为 √2。</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>fan_in keeps the forward signal&apos;s variance; fan_out keeps the backward gradient&apos;s.</source>
        <translation>fan_in 保持前向信号的方差；fan_out 保持反向梯度的方差。</translation>
    </message>
    <message>
        <source>The negative slope of the leaky ReLU that follows (0 for ReLU).</source>
        <translation>后接 leaky ReLU 的负斜率（ReLU 为 0）。</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Cross-entropy for classification, squared error for regression.</source>
        <translation>分类用交叉熵，回归用平方误差。</translation>
    </message>
    <message>
        <source>mean squared error</source>
        <translation>均方误差</translation>
    </message>
    <message>
        <source>On a sigmoid output its gradient carries σ&apos;(z) ≤ 1/4, which vanishes when the output saturates: a wrong, confident prediction learns slowly.</source>
        <translation>在 sigmoid 输出上其梯度含 σ&apos;(z) ≤ 1/4，输出饱和时梯度消失：错误而自信的预测学得很慢。</translation>
    </message>
    <message>
        <source>binary cross-entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <source>For two classes: its gradient on the logit is p − y, so a confident wrong answer gets a large gradient.</source>
        <translation>用于两个类别：其对 logit 的梯度为 p − y，因此自信的错误答案得到大梯度。</translation>
    </message>
    <message>
        <source>softmax cross-entropy</source>
        <translation>softmax 交叉熵</translation>
    </message>
    <message>
        <source>For several classes: gradient p − onehot(y) on the logits.</source>
        <translation>用于多个类别：对 logits 的梯度为 p − onehot(y)。</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>θ ← θ − lr·g: the step is proportional to the gradient, so a vanishing gradient means a layer that does not learn and an exploding one a step off a cliff.</source>
        <translation>θ ← θ − lr·g：步长与梯度成正比，因此梯度消失意味着该层不学习，梯度爆炸则意味着一步跌下悬崖。</translation>
    </message>
    <message>
        <source>SGD + momentum</source>
        <translation>SGD + 动量</translation>
    </message>
    <message>
        <source>Accumulates a velocity b ← μb + g: faster along ravines, overshoots on cliffs.</source>
        <translation>累积速度 b ← μb + g：沿峡谷更快，在悬崖处会冲过头。</translation>
    </message>
    <message>
        <source>SGD + Nesterov</source>
        <translation>SGD + Nesterov</translation>
    </message>
    <message>
        <source>Momentum with a look-ahead correction (g + μb).</source>
        <translation>带前瞻修正的动量（g + μb）。</translation>
    </message>
    <message>
        <source>Adagrad</source>
        <translation>Adagrad</translation>
    </message>
    <message>
        <source>Divides by the root of the summed squared gradients: small gradients get large steps, but the steps shrink for ever.</source>
        <translation>除以梯度平方和的平方根：小梯度得到大步长，但步长会一直缩小。</translation>
    </message>
    <message>
        <source>RMSprop</source>
        <translation>RMSprop</translation>
    </message>
    <message>
        <source>Divides by a running RMS of the gradient, so every layer moves at a similar speed even when its gradient is tiny (no bias correction: first step ≈ 10·lr).</source>
        <translation>除以梯度的滑动 RMS，因此即使梯度极小，各层也以相近速度移动（无偏差修正：第一步 ≈ 10·lr）。</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>Momentum divided by a running RMS of the gradient: steps of about lr whatever the gradient&apos;s scale, which hides vanishing gradients (and ignores clipping).</source>
        <translation>动量除以梯度的滑动 RMS：无论梯度尺度如何步长都约为 lr，这会掩盖梯度消失（并忽略裁剪）。</translation>
    </message>
    <message>
        <source>AdamW</source>
        <translation>AdamW</translation>
    </message>
    <message>
        <source>Adam with weight decay applied directly to the weights.</source>
        <translation>将权重衰减直接作用于权重的 Adam。</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Step size. Too large and the loss explodes (on a quadratic, beyond 2/λmax); too small and layers with small gradients barely move.</source>
        <translation>步长。太大则损失爆炸（二次函数上超过 2/λmax）；太小则梯度小的层几乎不动。</translation>
    </message>
    <message>
        <source>momentum μ</source>
        <translation>动量 μ</translation>
    </message>
    <message>
        <source>How much of the previous step is kept, in [0, 1): steps grow up to 1/(1 − μ)×.</source>
        <translation>保留上一步的比例，在 [0, 1) 内：步长最多增长到 1/(1 − μ) 倍。</translation>
    </message>
    <message>
        <source>dampening</source>
        <translation>阻尼</translation>
    </message>
    <message>
        <source>Scales the new gradient in the velocity by (1 − dampening).</source>
        <translation>将速度中的新梯度乘以 (1 − dampening)。</translation>
    </message>
    <message>
        <source>Nesterov</source>
        <translation>Nesterov</translation>
    </message>
    <message>
        <source>Use Nesterov&apos;s look-ahead (needs momentum &gt; 0 and dampening 0).</source>
        <translation>使用 Nesterov 前瞻（需要动量 &gt; 0 且阻尼为 0）。</translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>Pulls every weight toward 0 at each step (L2 penalty).</source>
        <translation>每一步把每个权重拉向 0（L2 惩罚）。</translation>
    </message>
    <message>
        <source>lr decay</source>
        <translation>学习率衰减</translation>
    </message>
    <message>
        <source>Adagrad&apos;s rate becomes lr/(1 + (t − 1)·decay).</source>
        <translation>Adagrad 的学习率变为 lr/(1 + (t − 1)·decay)。</translation>
    </message>
    <message>
        <source>initial sum</source>
        <translation>初始累加值</translation>
    </message>
    <message>
        <source>Starting value of Adagrad&apos;s sum of squared gradients.</source>
        <translation>Adagrad 梯度平方和的初始值。</translation>
    </message>
    <message>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <source>Added to the denominator: where the gradient is far below ε the adaptive step shrinks back toward an SGD step.</source>
        <translation>加到分母上：梯度远小于 ε 时，自适应步长退回到 SGD 步长。</translation>
    </message>
    <message>
        <source>α (smoothing)</source>
        <translation>α（平滑）</translation>
    </message>
    <message>
        <source>Decay of RMSprop&apos;s running mean of squared gradients.</source>
        <translation>RMSprop 梯度平方滑动平均的衰减率。</translation>
    </message>
    <message>
        <source>centered</source>
        <translation>中心化</translation>
    </message>
    <message>
        <source>Divide by the gradient&apos;s running variance instead of its mean square.</source>
        <translation>除以梯度的滑动方差，而不是其均方。</translation>
    </message>
    <message>
        <source>β1, β2</source>
        <translation>β1, β2</translation>
    </message>
    <message>
        <source>Decays of the running mean and mean square of the gradient, each in [0, 1). A step is at most lr·(1 − β1)/√(1 − β2) ≈ 3.16·lr with the defaults.</source>
        <translation>梯度滑动均值与均方的衰减率，均在 [0, 1) 内。默认值下一步最多为 lr·(1 − β1)/√(1 − β2) ≈ 3.16·lr。</translation>
    </message>
    <message>
        <source>AMSGrad</source>
        <translation>AMSGrad</translation>
    </message>
    <message>
        <source>Use the maximum of past mean squares, so steps never grow back.</source>
        <translation>使用历史均方的最大值，使步长永不回升。</translation>
    </message>
    <message>
        <source>The same learning rate at every step (after the warmup).</source>
        <translation>每一步使用相同的学习率（预热之后）。</translation>
    </message>
    <message>
        <source>step decay</source>
        <translation>阶梯衰减</translation>
    </message>
    <message>
        <source>Multiply the rate by γ every &apos;step size&apos; steps.</source>
        <translation>每隔“步长间隔”步将学习率乘以 γ。</translation>
    </message>
    <message>
        <source>exponential decay</source>
        <translation>指数衰减</translation>
    </message>
    <message>
        <source>Multiply the rate by γ at every step.</source>
        <translation>每一步将学习率乘以 γ。</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>余弦</translation>
    </message>
    <message>
        <source>Half a cosine from the rate down to its minimum over T steps.</source>
        <translation>在 T 步内按半个余弦从初始学习率降到最小值。</translation>
    </message>
    <message>
        <source>warmup steps</source>
        <translation>预热步数</translation>
    </message>
    <message>
        <source>Ramp the rate up linearly over these first steps: large early gradients (e.g. with Adam or no normalization) then cannot throw the weights far.</source>
        <translation>在最初这些步内线性提高学习率：早期的大梯度（如使用 Adam 或无归一化时）就不会把权重抛远。</translation>
    </message>
    <message>
        <source>step size</source>
        <translation>步长间隔</translation>
    </message>
    <message>
        <source>Steps between two decays.</source>
        <translation>两次衰减之间的步数。</translation>
    </message>
    <message>
        <source>γ</source>
        <translation>γ</translation>
    </message>
    <message>
        <source>Decay factor, in (0, 1].</source>
        <translation>衰减因子，在 (0, 1] 内。</translation>
    </message>
    <message>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <source>Steps of the half cosine (the rate climbs back after that).</source>
        <translation>半余弦的步数（之后学习率会回升）。</translation>
    </message>
    <message>
        <source>minimum rate</source>
        <translation>最小学习率</translation>
    </message>
    <message>
        <source>The rate at the bottom of the cosine.</source>
        <translation>余弦底部的学习率。</translation>
    </message>
    <message>
        <source>No clipping: an exploding gradient gives an equally huge step.</source>
        <translation>不裁剪：梯度爆炸会带来同样巨大的一步。</translation>
    </message>
    <message>
        <source>by norm</source>
        <translation>按范数</translation>
    </message>
    <message>
        <source>If the whole gradient&apos;s norm exceeds the limit c, rescale it to c (Pascanu et al. 2013): same direction, and an SGD step is at most lr·c.</source>
        <translation>若整个梯度的范数超过上限 c，则将其缩放到 c（Pascanu 等，2013）：方向不变，SGD 一步最多为 lr·c。</translation>
    </message>
    <message>
        <source>by value</source>
        <translation>按值</translation>
    </message>
    <message>
        <source>Clamp every gradient element to [−c, c]: bounded, but the direction changes.</source>
        <translation>将每个梯度元素截断到 [−c, c]：有界，但方向会改变。</translation>
    </message>
    <message>
        <source>float64</source>
        <translation>float64</translation>
    </message>
    <message>
        <source>float32</source>
        <translation>float32</translation>
    </message>
    <message>
        <source>float16</source>
        <translation>float16</translation>
    </message>
    <message>
        <source>circles</source>
        <translation>圆环</translation>
    </message>
    <message>
        <source>A disc inside a ring (2D, two classes).</source>
        <translation>圆环内的圆盘（二维，两类）。</translation>
    </message>
    <message>
        <source>XOR</source>
        <translation>XOR</translation>
    </message>
    <message>
        <source>Four quadrants, opposite ones share a class (2D).</source>
        <translation>四个象限，相对的象限同属一类（二维）。</translation>
    </message>
    <message>
        <source>Gaussian blobs</source>
        <translation>高斯团</translation>
    </message>
    <message>
        <source>One Gaussian blob per class (2D).</source>
        <translation>每类一个高斯团（二维）。</translation>
    </message>
    <message>
        <source>spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <source>Interleaved spiral arms (2D): needs depth.</source>
        <translation>交错的螺旋臂（二维）：需要深度。</translation>
    </message>
    <message>
        <source>two moons</source>
        <translation>双月</translation>
    </message>
    <message>
        <source>Two interleaved half circles (2D).</source>
        <translation>两个交错的半圆（二维）。</translation>
    </message>
    <message>
        <source>sine (regression)</source>
        <translation>正弦（回归）</translation>
    </message>
    <message>
        <source>Fit y = sin(x) (1D regression).</source>
        <translation>拟合 y = sin(x)（一维回归）。</translation>
    </message>
    <message>
        <source>plane (regression)</source>
        <translation>平面（回归）</translation>
    </message>
    <message>
        <source>Fit a tilted plane (2D regression).</source>
        <translation>拟合一个倾斜平面（二维回归）。</translation>
    </message>
    <message>
        <source>teacher network</source>
        <translation>教师网络</translation>
    </message>
    <message>
        <source>Labels from a random network on many input dimensions.</source>
        <translation>标签来自一个多输入维度的随机网络。</translation>
    </message>
    <message>
        <source>Gaussian mixture</source>
        <translation>高斯混合</translation>
    </message>
    <message>
        <source>Several classes of Gaussian clusters in many dimensions.</source>
        <translation>多维空间中由高斯簇组成的多个类别。</translation>
    </message>
    <message>
        <source>digits 8×8</source>
        <translation>手写数字 8×8</translation>
    </message>
    <message>
        <source>Handwritten digits, 64 pixels, 10 classes (needs scikit-learn).</source>
        <translation>手写数字，64 像素，10 类（需要 scikit-learn）。</translation>
    </message>
    <message>
        <source>CSV file…</source>
        <translation>CSV 文件…</translation>
    </message>
    <message>
        <source>Your own data from a CSV file.</source>
        <translation>来自 CSV 文件的自有数据。</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Number of points generated (train and test together).</source>
        <translation>生成的点数（训练与测试合计）。</translation>
    </message>
    <message>
        <source>noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Jitter of the points, from 0 (separable) to 1.</source>
        <translation>点的抖动，从 0（可分）到 1。</translation>
    </message>
    <message>
        <source>test split</source>
        <translation>测试比例</translation>
    </message>
    <message>
        <source>Share of the points held out to measure generalization (0 to 0.9).</source>
        <translation>留出用于衡量泛化的点的比例（0 到 0.9）。</translation>
    </message>
    <message>
        <source>data seed</source>
        <translation>数据种子</translation>
    </message>
    <message>
        <source>The same seed always generates the same points.</source>
        <translation>相同的种子总是生成相同的点。</translation>
    </message>
    <message>
        <source>classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <source>Number of classes.</source>
        <translation>类别的数量。</translation>
    </message>
    <message>
        <source>periods</source>
        <translation>周期数</translation>
    </message>
    <message>
        <source>Periods of the sine over the input range.</source>
        <translation>输入范围内正弦的周期数。</translation>
    </message>
    <message>
        <source>input dimensions</source>
        <translation>输入维度</translation>
    </message>
    <message>
        <source>Number of input features.</source>
        <translation>输入特征的数量。</translation>
    </message>
    <message>
        <source>teacher width</source>
        <translation>教师宽度</translation>
    </message>
    <message>
        <source>Hidden units of the random teacher network.</source>
        <translation>随机教师网络的隐藏单元数。</translation>
    </message>
    <message>
        <source>task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>What to predict: classes or numbers.</source>
        <translation>预测什么：类别还是数值。</translation>
    </message>
    <message>
        <source>outputs</source>
        <translation>输出数</translation>
    </message>
    <message>
        <source>Number of regression targets.</source>
        <translation>回归目标的数量。</translation>
    </message>
    <message>
        <source>clusters per class</source>
        <translation>每类簇数</translation>
    </message>
    <message>
        <source>Gaussian clusters making up each class.</source>
        <translation>组成每个类别的高斯簇。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>The CSV file the data come from.</source>
        <translation>数据来源的 CSV 文件。</translation>
    </message>
    <message>
        <source>target column</source>
        <translation>目标列</translation>
    </message>
    <message>
        <source>Column name or index (−1 = last column) holding the labels.</source>
        <translation>存放标签的列名或索引（−1 = 最后一列）。</translation>
    </message>
    <message>
        <source>standardize inputs</source>
        <translation>标准化输入</translation>
    </message>
    <message>
        <source>Scale every feature to mean 0 and std 1 (from the training rows): badly scaled inputs make the first layer&apos;s gradients badly scaled too.</source>
        <translation>把每个特征缩放到均值 0、标准差 1（基于训练行）：尺度失衡的输入也会使第一层的梯度尺度失衡。</translation>
    </message>
    <message>
        <source>header row</source>
        <translation>标题行</translation>
    </message>
    <message>
        <source>Whether the first row holds column names (auto: when none of its cells is a number).</source>
        <translation>第一行是否为列名（自动：当其中没有任何单元格是数字时）。</translation>
    </message>
    <message>
        <source>binary</source>
        <translation>二分类</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <source>multiclass</source>
        <translation>多分类</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>fan_in</source>
        <translation>fan_in</translation>
    </message>
    <message>
        <source>fan_out</source>
        <translation>fan_out</translation>
    </message>
    <message>
        <source>residual every</source>
        <translation>残差间隔</translation>
    </message>
    <message>
        <source>Add a skip connection around every k layers (0 = off): the gradient then has a path that bypasses the layers, so it cannot vanish through them (He et al. 2016).</source>
        <translation>每隔 k 层加一条跳跃连接（0 = 关闭）：梯度于是有一条绕过这些层的路径，不会在其中消失（He 等，2016）。</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>The function whose gradient starts backpropagation. Cross-entropy pairs with a sigmoid or softmax output so the output&apos;s saturation does not kill the gradient.</source>
        <translation>其梯度启动反向传播的函数。交叉熵与 sigmoid 或 softmax 输出搭配，使输出饱和不会扼杀梯度。</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Samples per step (0 = the full training set). Smaller batches give noisier gradients, which helps escape saddle points; BatchNorm needs more than one sample.</source>
        <translation>每步的样本数（0 = 整个训练集）。较小的批给出噪声更大的梯度，有助于逃离鞍点；批归一化需要多于一个样本。</translation>
    </message>
    <message>
        <source>training seed</source>
        <translation>训练种子</translation>
    </message>
    <message>
        <source>Seeds the initial weights and the batch order: the same seed replays the same run; another shows how much one initialization varies.</source>
        <translation>决定初始权重和批次顺序：相同种子重放同一次运行；换一个种子可看出单次初始化的差异有多大。</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>Number format of weights and gradients. In float16 a gradient below ~6e-8 becomes exactly 0: vanishing gradients underflow for real.</source>
        <translation>权重和梯度的数值格式。在 float16 中小于 ~6e-8 的梯度变为 0：梯度消失真的会下溢。</translation>
    </message>
    <message>
        <source>L1</source>
        <translation>L1</translation>
    </message>
    <message>
        <source>Adds l1·Σ|w| to the loss: pushes small weights to exactly 0.</source>
        <translation>在损失中加上 l1·Σ|w|：把小权重推到恰好为 0。</translation>
    </message>
    <message>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <source>Adds l2/2·Σw² to the loss: shrinks all weights toward 0.</source>
        <translation>在损失中加上 l2/2·Σw²：把所有权重向 0 收缩。</translation>
    </message>
    <message>
        <source>gradient clipping</source>
        <translation>梯度裁剪</translation>
    </message>
    <message>
        <source>Bounds the gradient before the step, so one exploding gradient (a cliff in the loss) cannot throw the weights far away.</source>
        <translation>在更新前限制梯度大小，使单个爆炸的梯度（损失中的悬崖）无法把权重抛远。</translation>
    </message>
    <message>
        <source>limit c</source>
        <translation>上限 c</translation>
    </message>
    <message>
        <source>The clipping limit, a positive number.</source>
        <translation>裁剪上限，一个正数。</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>How the weights start. The variance of the weights decides whether the signal and the gradient keep their size through many layers: He for ReLU, Xavier for tanh.</source>
        <translation>权重如何初始化。权重的方差决定信号和梯度能否在多层间保持大小：ReLU 用 He，tanh 用 Xavier。</translation>
    </message>
    <message>
        <source>biases</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>How the biases start, usually 0. A small positive constant keeps ReLU units alive at the start.</source>
        <translation>偏置如何初始化，通常为 0。小的正常数能让 ReLU 单元在开始时保持存活。</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>The rule that turns gradients into weight updates.</source>
        <translation>把梯度变为权重更新的规则。</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>调度</translation>
    </message>
    <message>
        <source>How the learning rate changes during training.</source>
        <translation>训练中学习率如何变化。</translation>
    </message>
    <message>
        <source>dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>The data the network learns.</source>
        <translation>网络学习的数据。</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Could not load {name}: {error}</source>
        <translation>无法加载 {name}：{error}</translation>
    </message>
    <message>
        <source>{train} training points, {test} test · {task}</source>
        <translation>{train} 训练点 + {test} 测试点 · {task}</translation>
    </message>
    <message>
        <source>{train} training points, {test} test · {task} · first 2 principal components of {dim}</source>
        <translation>{train} 训练点 + {test} 测试点 · {task} · {dim} 维的前 2 个主成分</translation>
    </message>
    <message>
        <source>Load CSV…</source>
        <translation>加载 CSV…</translation>
    </message>
    <message>
        <source>Train on your own data: a CSV file with numeric feature columns and a target column. Problems in the file are named here, with the line.</source>
        <translation>用自己的数据训练：一个含数值特征列和目标列的 CSV 文件。文件中的问题会在此指出，并给出行号。</translation>
    </message>
    <message>
        <source>The training points, coloured by class (or by target value for regression).</source>
        <translation>训练点，按类别着色（回归时按目标值着色）。</translation>
    </message>
    <message>
        <source>This activation has no parameter.</source>
        <translation>此激活函数没有参数。</translation>
    </message>
    <message>
        <source>Units in this layer. Narrow layers make vanishing gradients worse: with sigmoid and N(0, 1) weights each layer multiplies the gradient by about 0.094·√width.</source>
        <translation>本层的单元数。窄层会加剧梯度消失：使用 sigmoid 和 N(0, 1) 权重时，每层约把梯度乘以 0.094·√width。</translation>
    </message>
    <message>
        <source>width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>normalization</source>
        <translation>归一化</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add a layer after the selected one (a copy of it). Depth is what makes gradients vanish or explode: each layer multiplies them once more.</source>
        <translation>在选中层之后添加一层（其副本）。正是深度使梯度消失或爆炸：每多一层就多乘一次。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove the selected layer.</source>
        <translation>删除选中的层。</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Insert a copy of the selected layer after it.</source>
        <translation>在选中层之后插入其副本。</translation>
    </message>
    <message>
        <source>Move the selected layer one place toward the input.</source>
        <translation>将选中层向输入方向移动一位。</translation>
    </message>
    <message>
        <source>Move the selected layer one place toward the output.</source>
        <translation>将选中层向输出方向移动一位。</translation>
    </message>
    <message>
        <source>Apply to all</source>
        <translation>应用到全部</translation>
    </message>
    <message>
        <source>Copy the selected layer&apos;s width, activation or normalization to every layer.</source>
        <translation>将选中层的宽度、激活函数或归一化复制到每一层。</translation>
    </message>
    <message>
        <source>Width of the selected layer to all layers</source>
        <translation>将选中层的宽度应用到所有层</translation>
    </message>
    <message>
        <source>Activation of the selected layer to all layers</source>
        <translation>将选中层的激活函数应用到所有层</translation>
    </message>
    <message>
        <source>Normalization of the selected layer to all layers</source>
        <translation>将选中层的归一化应用到所有层</translation>
    </message>
    <message>
        <source>The hidden layers, from the input (top) to the output (bottom). Click a row to select it.</source>
        <translation>隐藏层，从输入（上）到输出（下）。点击一行以选中。</translation>
    </message>
</context>
<context>
    <name>Comparison</name>
    <message>
        <source>&amp;Compare…</source>
        <translation>对比(&amp;C)…</translation>
    </message>
    <message>
        <source>Train 2 to 4 variants of this network side by side, differing in one setting</source>
        <translation>并排训练这个网络的 2 到 4 个变体,它们只在一项设置上不同</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Compare with a saved session</source>
        <translation>与已保存的会话对比</translation>
    </message>
    <message>
        <source>Compare variants</source>
        <translation>对比变体</translation>
    </message>
    <message>
        <source>Train 2 to {most} copies of the current network side by side, in lockstep, that differ in one setting only: same data, same seed (unless the seed is what varies).</source>
        <translation>并排、同步地训练当前网络的 2 到 {most} 个副本,它们只在一项设置上不同:数据相同,随机种子相同(除非变化的正是种子)。</translation>
    </message>
    <message>
        <source>Vary:</source>
        <translation>变化的设置:</translation>
    </message>
    <message>
        <source>Values (comma-separated):</source>
        <translation>取值(用逗号分隔):</translation>
    </message>
    <message>
        <source>Clipping: &apos;none&apos; turns it off; a number is the maximum gradient norm.</source>
        <translation>梯度裁剪:&apos;none&apos; 表示关闭;数字表示梯度范数的上限。</translation>
    </message>
    <message>
        <source>Add a saved session…</source>
        <translation>添加已保存的会话…</translation>
    </message>
    <message>
        <source>Loss (mini-batch, per step)</source>
        <translation>损失(小批量,每步)</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Accuracy (training set)</source>
        <translation>准确率(训练集)</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Initialization</source>
        <translation>初始化</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Normalization</source>
        <translation>归一化</translation>
    </message>
    <message>
        <source>Residual connections (every k layers, 0 = off)</source>
        <translation>残差连接(每 k 层一个,0 = 关闭)</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Gradient clipping (max norm)</source>
        <translation>梯度裁剪(最大范数)</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>Training seed</source>
        <translation>训练种子</translation>
    </message>
    <message>
        <source>Other runs (scenarios, saved sessions)</source>
        <translation>其他运行(场景、已保存的会话)</translation>
    </message>
    <message>
        <source>no clipping</source>
        <translation>不裁剪</translation>
    </message>
    <message>
        <source>norm ≤ {max}</source>
        <translation>范数 ≤ {max}</translation>
    </message>
    <message>
        <source>no residuals</source>
        <translation>无残差连接</translation>
    </message>
    <message>
        <source>residual every {k}</source>
        <translation>每 {k} 层残差</translation>
    </message>
    <message>
        <source>seed {seed}</source>
        <translation>种子 {seed}</translation>
    </message>
    <message>
        <source>lr {lr}</source>
        <translation>学习率 {lr}</translation>
    </message>
    <message>
        <source>step {step}</source>
        <extracomment>The tiles (N heatmaps or N decision surfaces, the costly part) are drawn at most this often while training runs; the curves and lines at every frame; everything on a pause.</extracomment>
        <translation>第 {step} 步</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Comparing: {setting}</source>
        <translation>对比:{setting}</translation>
    </message>
    <message>
        <source>Step {n}</source>
        <translation>前进 {n} 步</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Train every variant, all at the same step</source>
        <translation>训练所有变体,每一步都同步</translation>
    </message>
    <message>
        <source>Start every variant again from step 0</source>
        <translation>让每个变体都从第 0 步重新开始</translation>
    </message>
    <message>
        <source>End the comparison and stop its training</source>
        <translation>结束对比并停止它的训练</translation>
    </message>
    <message>
        <source>One per variant:</source>
        <translation>每个变体一张:</translation>
    </message>
    <message>
        <source>Gradient flow</source>
        <translation>梯度流</translation>
    </message>
    <message>
        <source>Decision surface</source>
        <translation>决策面</translation>
    </message>
    <message>
        <source>this run</source>
        <translation>当前运行</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <source>The network&apos;s prediction at every point of the input plane, with the training points on top. A network whose early layers get no gradient cannot bend this boundary: with vanishing gradients it stays a nearly straight line for a long time.</source>
        <extracomment>what the surface or fit curve last drew (see :func:`same_inputs`); None = draw next frame</extracomment>
        <translation>网络在输入平面每一点上的预测，训练点叠加其上。早期层得不到梯度的网络无法弯曲这条边界：梯度消失时它长时间几乎保持直线。</translation>
    </message>
    <message>
        <source>The decision surface is drawn for datasets with two inputs, and a fit plot for one input. This dataset has {inputs}.</source>
        <translation>输入为二维的数据集绘制决策面，一维输入绘制拟合图。此数据集有 {inputs}。</translation>
    </message>
    <message>
        <source>{n} inputs</source>
        <translation>{n} 个输入</translation>
    </message>
    <message>
        <source>another number of inputs</source>
        <translation>其他数量的输入</translation>
    </message>
    <message>
        <source>Fit: data and the network&apos;s prediction</source>
        <translation>拟合：数据与网络的预测</translation>
    </message>
    <message>
        <source>input x</source>
        <translation>输入 x</translation>
    </message>
    <message>
        <source>target y</source>
        <translation>目标 y</translation>
    </message>
    <message>
        <source>The network&apos;s curve is not available in this snapshot.</source>
        <translation>此快照中没有网络的曲线。</translation>
    </message>
    <message>
        <source>Decision surface: probability of class 1</source>
        <translation>决策面：类别 1 的概率</translation>
    </message>
    <message>
        <source>Decision surface: predicted class</source>
        <translation>决策面：预测的类别</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>拟合</translation>
    </message>
    <message>
        <source>Prediction over the input plane</source>
        <translation>输入平面上的预测</translation>
    </message>
    <message>
        <source>Decision surface</source>
        <translation>决策面</translation>
    </message>
    <message>
        <source>input x₁</source>
        <translation>输入 x₁</translation>
    </message>
    <message>
        <source>input x₂</source>
        <translation>输入 x₂</translation>
    </message>
    <message>
        <source>Black line: the decision boundary (probability 0.5).</source>
        <translation>黑线：决策边界（概率 0.5）。</translation>
    </message>
    <message>
        <source>No decision boundary: the network predicts about {p:.2f} everywhere. A network whose early layers get no gradient often stays stuck like this.</source>
        <translation>没有决策边界：网络处处预测约 {p:.2f}。早期层得不到梯度的网络常常这样卡住。</translation>
    </message>
    <message>
        <source>Colour: the predicted class; strength: the network&apos;s confidence in it (pale = unsure).</source>
        <translation>颜色：预测的类别；浓淡：网络对它的把握（越淡越不确定）。</translation>
    </message>
    <message>
        <source>Colour: the predicted value (blue below 0, red above); the points show the targets in the same colours, so a point that stands out is fitted badly.</source>
        <translation>颜色：预测值（低于 0 为蓝，高于 0 为红）；点以相同颜色显示目标值，因此显眼的点即拟合不好。</translation>
    </message>
    <message>
        <source>network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>class {k}</source>
        <translation>类别 {k}</translation>
    </message>
</context>
<context>
    <name>Diagnosis</name>
    <message>
        <source>Training diverged (NaN/Inf)</source>
        <extracomment>code -&gt; (native name). Language names are shown in their own language, never translated.</extracomment>
        <translation>训练发散（NaN/Inf）</translation>
    </message>
    <message>
        <source>Exploding gradients</source>
        <translation>梯度爆炸</translation>
    </message>
    <message>
        <source>Gradient underflow</source>
        <translation>梯度下溢</translation>
    </message>
    <message>
        <source>Vanishing gradients</source>
        <translation>梯度消失</translation>
    </message>
    <message>
        <source>Dead ReLU units</source>
        <translation>ReLU 神经元死亡</translation>
    </message>
    <message>
        <source>Saturated units</source>
        <translation>单元饱和</translation>
    </message>
    <message>
        <source>Symmetric units</source>
        <translation>单元对称</translation>
    </message>
    <message>
        <source>No problem detected</source>
        <translation>未发现问题</translation>
    </message>
    <message>
        <source>Gradients reach every layer with a usable size; no dead or saturated layer.</source>
        <translation>梯度以可用的大小到达每一层；没有死亡或饱和的层。</translation>
    </message>
    <message>
        <source>Ready to train</source>
        <translation>准备训练</translation>
    </message>
    <message>
        <source>Press Play to train, or Step to take one step. The diagnosis appears here as soon as there is evidence.</source>
        <translation>按“播放”开始训练，或按“单步”走一步。一旦有证据，诊断就会显示在这里。</translation>
    </message>
    <message>
        <source>the loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>the output layer&apos;s gradient</source>
        <translation>输出层的梯度</translation>
    </message>
    <message>
        <source>the gradient of layer {layer}</source>
        <translation>第 {layer} 层的梯度</translation>
    </message>
    <message>
        <source>the output layer</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>layer {number}</source>
        <translation>第 {number} 层</translation>
    </message>
    <message>
        <source>layers {numbers}</source>
        <translation>第 {numbers} 层</translation>
    </message>
    <message>
        <source>{layers} and the output layer</source>
        <translation>{layers}和输出层</translation>
    </message>
    <message>
        <source>{where} became {value} at step {step}.</source>
        <extracomment>The smallest positive number of each storage precision (subnormals included).</extracomment>
        <translation>{where}在第 {step} 步变为 {value}。</translation>
    </message>
    <message>
        <source>On the way forward, the values first became NaN/Inf in layer {layer}.</source>
        <translation>前向传播中，数值最先在第 {layer} 层变为 NaN/Inf。</translation>
    </message>
    <message>
        <source>On the way forward, the values first became NaN/Inf in the output layer.</source>
        <translation>前向传播中，数值最先在输出层变为 NaN/Inf。</translation>
    </message>
    <message>
        <source>Every layer&apos;s values were still finite: the loss itself overflowed.</source>
        <translation>各层的数值仍是有限的：是损失本身溢出了。</translation>
    </message>
    <message>
        <source>The update was not applied: the weights are still the last finite ones, so you can lower the learning rate or turn on clipping and continue.</source>
        <translation>该次更新未被应用：权重仍是最后一组有限值，因此可以降低学习率或开启裁剪后继续。</translation>
    </message>
    <message>
        <source>The update was not applied, but the gradient left its usual range at step {onset}: the weights have grown since, and a lower learning rate from here diverges again. Rewind to step {rewind_to}, the last checkpoint before that, then lower the learning rate or turn on clipping.</source>
        <translation>该次更新未被应用，但梯度在第 {onset} 步就已离开通常的范围：此后权重已经变大，从这里降低学习率仍会再次发散。请回退到第 {rewind_to} 步（此前的最后一个检查点），再降低学习率或开启裁剪。</translation>
    </message>
    <message>
        <source>The update was not applied and the gradient was in its usual range until this step: lower the learning rate or turn on clipping and continue, or rewind to step {rewind_to}, the last checkpoint before it.</source>
        <translation>该次更新未被应用，且梯度直到这一步都在通常范围内：可以降低学习率或开启裁剪后继续，或回退到第 {rewind_to} 步（此前的最后一个检查点）。</translation>
    </message>
    <message>
        <source>In {precision}, {zeros} of the {entries} weight-gradient entries of {layers} are exactly 0, every entry of {all_zero}: a number below {smallest} is stored as 0, so these weights do not learn at all.</source>
        <translation>在 {precision} 中，{layers}的权重梯度共有 {entries} 个分量，其中 {zeros} 个恰好为 0，{all_zero}全部为 0：小于 {smallest} 的数会被存成 0，所以这些权重完全学不到东西。</translation>
    </message>
    <message>
        <source>In {precision}, {zeros} of the {entries} weight-gradient entries of {layers} are exactly 0: a number below {smallest} is stored as 0, so these weights do not learn.</source>
        <translation>在 {precision} 中，{layers}的权重梯度共有 {entries} 个分量，其中 {zeros} 个恰好为 0：小于 {smallest} 的数会被存成 0，所以这些权重学不到东西。</translation>
    </message>
    <message>
        <source>The total gradient norm grew {growth}× within {steps} steps: every step is larger than the last, and the weights are thrown far away.</source>
        <translation>梯度总范数在 {steps} 步内增长了 {growth}×：每一步都比上一步大，权重被抛向远处。</translation>
    </message>
    <message>
        <source>Layer {layer}&apos;s gradient is {ratio}× layer {ref_layer}&apos;s: the gradient is multiplied by a factor above 1 in every layer on its way back to the input.</source>
        <translation>第 {layer} 层的梯度是第 {ref_layer} 层的 {ratio}×：梯度在反传回输入的途中每层都乘以大于 1 的因子。</translation>
    </message>
    <message>
        <source>Layer {layer}&apos;s gradient is only {ratio} of layer {ref_layer}&apos;s (median of the last steps): each layer shrinks the gradient on its way back, so the first layers barely learn.</source>
        <translation>第 {layer} 层的梯度仅为第 {ref_layer} 层的 {ratio}（最近若干步的中位数）：每层在反传途中缩小梯度，因此前几层几乎不学习。</translation>
    </message>
    <message>
        <source>{percent}% of the units of layer {layer} output 0 for every sample: no gradient flows through them, so they never recover.</source>
        <translation>第 {layer} 层 {percent}% 的单元对每个样本都输出 0：没有梯度流过它们，因此它们永远无法恢复。</translation>
    </message>
    <message>
        <source>{percent}% of layer {layer}&apos;s {activation} outputs sit near a bound, where the slope f&apos; is almost 0: the gradient through them is almost 0.</source>
        <translation>第 {layer} 层 {percent}% 的 {activation} 输出位于边界附近，斜率 f&apos; 几乎为 0：经过它们的梯度几乎为 0。</translation>
    </message>
    <message>
        <source>In each of {layers}, all units are identical: they get the same gradient, so they stay identical and every layer acts like a single unit.</source>
        <translation>每层的所有单元都相同（{layers}）：它们得到相同的梯度，因此保持相同，每层都如同单个单元。</translation>
    </message>
    <message>
        <source>All units of layer {layer} are identical: they get the same gradient, so they stay identical and the layer acts like a single unit.</source>
        <translation>第 {layer} 层的所有单元都相同：它们得到相同的梯度，因此保持相同，该层如同单个单元。</translation>
    </message>
    <message>
        <source>{title}: {where} at step {step}</source>
        <translation>{title}：第 {step} 步的{where}</translation>
    </message>
    <message>
        <source>{title}: {layers}</source>
        <translation>{title}：{layers}</translation>
    </message>
    <message>
        <source>{title}: layer {layer} / layer {ref_layer} = {ratio}</source>
        <translation>{title}：第 {layer} 层 / 第 {ref_layer} 层 = {ratio}</translation>
    </message>
    <message>
        <source>{title} (layer {layer})</source>
        <translation>{title}（第 {layer} 层）</translation>
    </message>
</context>
<context>
    <name>DiagnosisBanner</name>
    <message>
        <source>What helps:</source>
        <translation>对策：</translation>
    </message>
    <message>
        <source>Rewind to step {step}</source>
        <translation>回退到第 {step} 步</translation>
    </message>
    <message>
        <source>Also: {problems}</source>
        <translation>另外：{problems}</translation>
    </message>
    <message>
        <source>Go back to the last checkpoint before the gradient left its usual range; the history after it is discarded. Then lower the learning rate or turn on clipping and train again.</source>
        <translation>回到梯度离开通常范围之前的最后一个检查点；之后的历史将被丢弃。然后降低学习率或开启裁剪，再继续训练。</translation>
    </message>
    <message>
        <source>The diagnosis of the current training state, from the per-layer gradient norms and unit statistics, with the remedies the literature gives for it.</source>
        <translation>根据各层梯度范数和单元统计得出的当前训练状态诊断，以及文献给出的应对方法。</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>gradsim configs (*.json);;All files (*)</source>
        <translation>gradsim 配置 (*.json);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>EngineError</name>
    <message>
        <source>Invalid configuration</source>
        <translation>配置无效</translation>
    </message>
    <message>
        <source>Unusable data</source>
        <translation>数据不可用</translation>
    </message>
    <message>
        <source>Cannot load</source>
        <translation>无法加载</translation>
    </message>
    <message>
        <source>cannot vary {value!r}</source>
        <extracomment>Every English template the engine raises, marked for lupdate (context &quot;EngineError&quot;).</extracomment>
        <translation>无法改变 {value!r}</translation>
    </message>
    <message>
        <source>must all differ, got {value!r}</source>
        <translation>必须各不相同，实际为 {value!r}</translation>
    </message>
    <message>
        <source>must be &apos;current&apos;, &apos;scenario:&lt;name&gt;&apos; or &apos;session:&lt;path&gt;&apos;, got {value!r}</source>
        <translation>必须是 &apos;current&apos;、&apos;scenario:&lt;name&gt;&apos; 或 &apos;session:&lt;path&gt;&apos;，实际为 {value!r}</translation>
    </message>
    <message>
        <source>must be a list of {low} to {high} values, got {value!r}</source>
        <translation>必须是包含 {low} 到 {high} 个值的列表，实际为 {value!r}</translation>
    </message>
    <message>
        <source>must be a whole number &gt;= 0, got {value!r}</source>
        <translation>必须是 &gt;= 0 的整数，实际为 {value!r}</translation>
    </message>
    <message>
        <source>must be an object with &apos;setting&apos; and &apos;values&apos;</source>
        <translation>必须是包含 &apos;setting&apos; 和 &apos;values&apos; 的对象</translation>
    </message>
    <message>
        <source>must be {wanted}, got {value!r}</source>
        <translation>必须是 {wanted}，实际为 {value!r}</translation>
    </message>
    <message>
        <source>unknown key; allowed: setting, values</source>
        <translation>未知的键；允许的键：setting, values</translation>
    </message>
    <message>
        <source>unknown {setting} {value!r}; choose one of {allowed}</source>
        <translation>未知的 {setting} {value!r}；请从 {allowed} 中选择</translation>
    </message>
    <message>
        <source>{value!r} makes an invalid config: {reason}</source>
        <translation>{value!r} 导致配置无效：{reason}</translation>
    </message>
    <message>
        <source>{value!r} names another run, which the app opens</source>
        <translation>{value!r} 指向另一个运行，由应用程序打开</translation>
    </message>
    <message>
        <source>config file not found: {path}</source>
        <translation>找不到配置文件：{path}</translation>
    </message>
    <message>
        <source>cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path}: invalid JSON at line {line}, column {column}: {reason}</source>
        <translation>{path}：第 {line} 行第 {column} 列 JSON 无效：{reason}</translation>
    </message>
    <message>
        <source>unknown activation &apos;{value}&apos;; choose one of {allowed}</source>
        <translation>未知激活函数“{value}”；可选：{allowed}</translation>
    </message>
    <message>
        <source>must be an integer &gt;= 2, got {value}</source>
        <translation>必须是 &gt;= 2 的整数，实为 {value}</translation>
    </message>
    <message>
        <source>must be &gt;= 0, got {value}</source>
        <translation>必须 &gt;= 0，实为 {value}</translation>
    </message>
    <message>
        <source>unknown parameter for {act}; allowed: {allowed}</source>
        <translation>{act} 的未知参数；允许：{allowed}</translation>
    </message>
    <message>
        <source>must be a finite number, got {value!r}</source>
        <translation>必须是有限数，实为 {value!r}</translation>
    </message>
    <message>
        <source>is missing; clipping needs a positive limit</source>
        <translation>缺失；裁剪需要一个正的上限</translation>
    </message>
    <message>
        <source>must be a JSON object, got {value}</source>
        <translation>必须是 JSON 对象，实为 {value}</translation>
    </message>
    <message>
        <source>unknown loss &apos;{value}&apos;; choose auto, {allowed}</source>
        <translation>未知损失“{value}”；可选 auto、{allowed}</translation>
    </message>
    <message>
        <source>{loss} does not fit a {task} dataset</source>
        <translation>{loss} 不适用于{task}数据集</translation>
    </message>
    <message>
        <source>must be an object, got {value!r}</source>
        <translation>必须是对象，实为 {value!r}</translation>
    </message>
    <message>
        <source>at most {limit} layers, got {value}</source>
        <translation>最多 {limit} 层，实为 {value}</translation>
    </message>
    <message>
        <source>must be an object like {{&quot;width&quot;: 8}}, got {value!r}</source>
        <translation>必须是形如 {{&quot;width&quot;: 8}} 的对象，实为 {value!r}</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>为必填项</translation>
    </message>
    <message>
        <source>unknown normalization &apos;{value}&apos;; choose one of {allowed}</source>
        <translation>未知归一化“{value}”；可选：{allowed}</translation>
    </message>
    <message>
        <source>{value} makes no sense for a bias</source>
        <translation>{value} 对偏置没有意义</translation>
    </message>
    <message>
        <source>choose one of {allowed}, got {value!r}</source>
        <translation>请从 {allowed} 中选择，实为 {value!r}</translation>
    </message>
    <message>
        <source>must be an integer, got {value!r}</source>
        <translation>必须是整数，实为 {value!r}</translation>
    </message>
    <message>
        <source>must be between {low} and {high}, got {value}</source>
        <translation>必须在 {low} 与 {high} 之间，实为 {value}</translation>
    </message>
    <message>
        <source>must be &gt;= {low}, got {value}</source>
        <translation>必须 &gt;= {low}，实为 {value}</translation>
    </message>
    <message>
        <source>give either &apos;layers&apos; or &apos;depth&apos; and &apos;width&apos;, not both</source>
        <translation>请给出“layers”或“depth”与“width”，不要同时给出</translation>
    </message>
    <message>
        <source>must be a list of layers, got {value!r}</source>
        <translation>必须是层的列表，实为 {value!r}</translation>
    </message>
    <message>
        <source>unknown setting; allowed: {allowed}</source>
        <translation>未知设置；允许：{allowed}</translation>
    </message>
    <message>
        <source>no column {target!r} in the file; columns: {columns}</source>
        <translation>文件中没有列 {target!r}；现有列：{columns}</translation>
    </message>
    <message>
        <source>{path} is {size_mb:.1f} MB; the limit is {limit_mb} MB</source>
        <translation>{path} 大小为 {size_mb:.1f} MB；上限为 {limit_mb} MB</translation>
    </message>
    <message>
        <source>must be one of {allowed}, got {value!r}</source>
        <translation>必须是 {allowed} 之一，实为 {value!r}</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>the file has {count} data rows; at least {minimum} are needed</source>
        <translation>文件有 {count} 行数据；至少需要 {minimum} 行</translation>
    </message>
    <message>
        <source>the file needs at least one feature column besides the target</source>
        <translation>文件除目标列外至少需要一个特征列</translation>
    </message>
    <message>
        <source>line {line}: expected {expected} columns, found {actual}</source>
        <translation>第 {line} 行：应有 {expected} 列，实有 {actual} 列</translation>
    </message>
    <message>
        <source>line {line}, column {column}: missing value &apos;{cell}&apos;</source>
        <translation>第 {line} 行第 {column} 列：缺失值“{cell}”</translation>
    </message>
    <message>
        <source>line {line}, column {column}: &apos;{cell}&apos; is not a finite number</source>
        <translation>第 {line} 行第 {column} 列：“{cell}”不是有限数</translation>
    </message>
    <message>
        <source>the target column {column} has a single value; there is nothing to learn</source>
        <translation>目标列 {column} 只有一个值；没有可学习的内容</translation>
    </message>
    <message>
        <source>the target column {column} has {count} classes (at most {limit}); for a numeric target use task &apos;regression&apos;</source>
        <translation>目标列 {column} 有 {count} 个类别（最多 {limit}）；数值目标请使用任务“regression”</translation>
    </message>
    <message>
        <source>task &apos;binary&apos; needs 2 classes, the target column {column} has {count}</source>
        <translation>任务“binary”需要 2 个类别，目标列 {column} 有 {count} 个</translation>
    </message>
    <message>
        <source>file not found: {path}</source>
        <translation>找不到文件：{path}</translation>
    </message>
    <message>
        <source>{path} is not UTF-8 text (bad byte at offset {offset}); save it as UTF-8 CSV</source>
        <translation>{path} 不是 UTF-8 文本（偏移 {offset} 处有错误字节）；请另存为 UTF-8 CSV</translation>
    </message>
    <message>
        <source>line {line}: {reason}</source>
        <translation>第 {line} 行：{reason}</translation>
    </message>
    <message>
        <source>line {line}, column {column}: &apos;{cell}&apos; is not a number</source>
        <translation>第 {line} 行第 {column} 列：“{cell}”不是数字</translation>
    </message>
    <message>
        <source>class &apos;{label}&apos; has only one sample (line {line}); every class needs at least 2</source>
        <translation>类别“{label}”只有一个样本（第 {line} 行）；每个类别至少需要 2 个</translation>
    </message>
    <message>
        <source>the file has more than {limit} cells</source>
        <translation>文件的单元格超过 {limit} 个</translation>
    </message>
    <message>
        <source>{key} must have shape {expected}, got {shape}</source>
        <translation>{key} 的形状必须为 {expected}，实为 {shape}</translation>
    </message>
    <message>
        <source>must be a column name or index (-1 is the last column), got {value!r}</source>
        <translation>必须是列名或索引（-1 为最后一列），实为 {value!r}</translation>
    </message>
    <message>
        <source>the dataset has no {key} array</source>
        <translation>数据集没有 {key} 数组</translation>
    </message>
    <message>
        <source>{key} must be numeric, got dtype {dtype}</source>
        <translation>{key} 必须是数值，实为 dtype {dtype}</translation>
    </message>
    <message>
        <source>{key} contains NaN or infinite values</source>
        <translation>{key} 含有 NaN 或无穷值</translation>
    </message>
    <message>
        <source>{key} must hold integer labels, got dtype {dtype}</source>
        <translation>{key} 必须是整数标签，实为 dtype {dtype}</translation>
    </message>
    <message>
        <source>{key} labels must be in 0..{top}</source>
        <translation>{key} 的标签必须在 0..{top} 内</translation>
    </message>
    <message>
        <source>n_classes {value!r} does not fit a {task} dataset</source>
        <translation>n_classes {value!r} 不适用于{task}数据集</translation>
    </message>
    <message>
        <source>x_train has {x} rows and y_train {y}; need equal, &gt;= 1</source>
        <translation>x_train 有 {x} 行，y_train 有 {y} 行；需相等且 &gt;= 1</translation>
    </message>
    <message>
        <source>x_test has {x} rows and y_test {y}; need equal</source>
        <translation>x_test 有 {x} 行，y_test 有 {y} 行；需相等</translation>
    </message>
    <message>
        <source>train and test arrays have different columns</source>
        <translation>训练与测试数组的列不同</translation>
    </message>
    <message>
        <source>{what} must list {count} names</source>
        <translation>{what} 必须列出 {count} 个名称</translation>
    </message>
    <message>
        <source>input_std must be positive</source>
        <translation>input_std 必须为正</translation>
    </message>
    <message>
        <source>is required: the path of a CSV file, got {value!r}</source>
        <translation>为必填项：CSV 文件的路径，实为 {value!r}</translation>
    </message>
    <message>
        <source>unknown dataset kind {value!r}; choose one of {allowed}</source>
        <translation>未知数据集类型 {value!r}；可选：{allowed}</translation>
    </message>
    <message>
        <source>is required; choose one of {allowed}</source>
        <translation>为必填项；可选：{allowed}</translation>
    </message>
    <message>
        <source>needs at least {minimum} samples for {classes} classes, got {value}</source>
        <translation>{classes} 个类别至少需要 {minimum} 个样本，实为 {value}</translation>
    </message>
    <message>
        <source>n_samples x dim must be at most {limit}, got {value}</source>
        <translation>n_samples x dim 最多为 {limit}，实为 {value}</translation>
    </message>
    <message>
        <source>unknown task {task!r}; expected one of {allowed}</source>
        <translation>未知任务 {task!r}；应为 {allowed} 之一</translation>
    </message>
    <message>
        <source>{key} must hold only 0 and 1</source>
        <translation>{key} 只能包含 0 和 1</translation>
    </message>
    <message>
        <source>unknown setting for kind {kind!r}; allowed: {allowed}</source>
        <translation>类型 {kind!r} 的未知设置；允许：{allowed}</translation>
    </message>
    <message>
        <source>digits needs scikit-learn: pip install gradsim[digits]</source>
        <translation>digits 需要 scikit-learn：pip install gradsim[digits]</translation>
    </message>
    <message>
        <source>must be an object with a &apos;kind&apos;, got {value!r}</source>
        <translation>必须是含“kind”的对象，实为 {value!r}</translation>
    </message>
    <message>
        <source>unknown initializer &apos;{value}&apos;; choose one of {allowed}</source>
        <translation>未知初始化器“{value}”；可选：{allowed}</translation>
    </message>
    <message>
        <source>must be fan_in or fan_out, got {value!r}</source>
        <translation>必须是 fan_in 或 fan_out，实为 {value!r}</translation>
    </message>
    <message>
        <source>unknown parameter for {kind}; allowed: {allowed}</source>
        <translation>{kind} 的未知参数；允许：{allowed}</translation>
    </message>
    <message>
        <source>must be in {interval}, got {value}</source>
        <translation>必须在 {interval} 内，实为 {value}</translation>
    </message>
    <message>
        <source>must be a number, got {value!r}</source>
        <translation>必须是数字，实为 {value!r}</translation>
    </message>
    <message>
        <source>must be a finite number, got {value}</source>
        <translation>必须是有限数，实为 {value}</translation>
    </message>
    <message>
        <source>must be zero or a positive number, got {value}</source>
        <translation>必须为零或正数，实为 {value}</translation>
    </message>
    <message>
        <source>must be an integer &gt;= {low}, got {value}</source>
        <translation>必须是 &gt;= {low} 的整数，实为 {value}</translation>
    </message>
    <message>
        <source>must be true or false, got {value!r}</source>
        <translation>必须是 true 或 false，实为 {value!r}</translation>
    </message>
    <message>
        <source>must be a mapping, got {value!r}</source>
        <translation>必须是映射，实为 {value!r}</translation>
    </message>
    <message>
        <source>is missing; allowed: {allowed}</source>
        <translation>缺失；允许：{allowed}</translation>
    </message>
    <message>
        <source>unknown kind {value!r}; allowed: {allowed}</source>
        <translation>未知类型 {value!r}；允许：{allowed}</translation>
    </message>
    <message>
        <source>must be a pair of numbers [beta1, beta2], got {value!r}</source>
        <translation>必须是一对数字 [beta1, beta2]，实为 {value!r}</translation>
    </message>
    <message>
        <source>is missing from the saved optimizer state</source>
        <translation>在保存的优化器状态中缺失</translation>
    </message>
    <message>
        <source>has shape {shape}, expected {expected}</source>
        <translation>形状为 {shape}，应为 {expected}</translation>
    </message>
    <message>
        <source>has an unusable type {dtype}</source>
        <translation>类型 {dtype} 不可用</translation>
    </message>
    <message>
        <source>must be a positive number, got {value}</source>
        <translation>必须是正数，实为 {value}</translation>
    </message>
    <message>
        <source>Nesterov momentum needs momentum &gt; 0, got {value}</source>
        <translation>Nesterov 动量需要 momentum &gt; 0，实为 {value}</translation>
    </message>
    <message>
        <source>Nesterov momentum needs dampening 0, got {value}</source>
        <translation>Nesterov 动量需要 dampening 为 0，实为 {value}</translation>
    </message>
    <message>
        <source>is not part of this optimizer&apos;s state; expected: {expected}</source>
        <translation>不属于此优化器的状态；应为：{expected}</translation>
    </message>
    <message>
        <source>train.order is not a permutation of the training set</source>
        <translation>train.order 不是训练集的一个排列</translation>
    </message>
    <message>
        <source>checkpoints have shape {found}, expected (n, {size})</source>
        <translation>检查点形状为 {found}，应为 (n, {size})</translation>
    </message>
    <message>
        <source>{name} must be a non-negative integer, got {value!r}</source>
        <translation>{name} 必须是非负整数，实为 {value!r}</translation>
    </message>
    <message>
        <source>random generator {found!r} is not {expected}</source>
        <translation>随机数生成器 {found!r} 不是 {expected}</translation>
    </message>
    <message>
        <source>saved training state is inconsistent: {detail}</source>
        <translation>保存的训练状态不一致：{detail}</translation>
    </message>
    <message>
        <source>history {name} has {found} columns, expected {expected}</source>
        <translation>历史 {name} 有 {found} 列，应为 {expected}</translation>
    </message>
    <message>
        <source>array {name} is missing</source>
        <translation>缺少数组 {name}</translation>
    </message>
    <message>
        <source>array {name} has shape {found}, the config needs {expected}</source>
        <translation>数组 {name} 形状为 {found}，配置需要 {expected}</translation>
    </message>
    <message>
        <source>array {name} holds NaN or Inf</source>
        <translation>数组 {name} 含有 NaN 或 Inf</translation>
    </message>
    <message>
        <source>unknown parameter for {surface}; allowed: {allowed}</source>
        <translation>{surface} 的未知参数；允许：{allowed}</translation>
    </message>
    <message>
        <source>must be four finite numbers xmin &lt; xmax, ymin &lt; ymax, got {value!r}</source>
        <translation>必须是四个有限数 xmin &lt; xmax, ymin &lt; ymax，实为 {value!r}</translation>
    </message>
    <message>
        <source>unknown surface {value!r}; choose one of {allowed}</source>
        <translation>未知曲面 {value!r}；可选：{allowed}</translation>
    </message>
    <message>
        <source>must be in {interval}, got {value!r}</source>
        <translation>必须在 {interval} 内，实为 {value!r}</translation>
    </message>
    <message>
        <source>must be an integer &gt;= 2, got {value!r}</source>
        <translation>必须是 &gt;= 2 的整数，实为 {value!r}</translation>
    </message>
    <message>
        <source>no parameter named {value!r}</source>
        <translation>没有名为 {value!r} 的参数</translation>
    </message>
    <message>
        <source>index {value} is outside {shape}</source>
        <translation>索引 {value} 超出 {shape}</translation>
    </message>
    <message>
        <source>is required (see &apos;gradsim surfaces&apos;)</source>
        <translation>为必填项（见“gradsim surfaces”）</translation>
    </message>
    <message>
        <source>must look like NAME=VALUE, got {value!r}</source>
        <translation>必须形如 NAME=VALUE，实为 {value!r}</translation>
    </message>
    <message>
        <source>{kind} has no betas (adam and adamw have)</source>
        <translation>{kind} 没有 betas（adam 和 adamw 才有）</translation>
    </message>
    <message>
        <source>must be a 1-D list of finite numbers</source>
        <translation>必须是由有限数组成的一维列表</translation>
    </message>
    <message>
        <source>at most {limit}, got {value}</source>
        <translation>最多 {limit}，实为 {value}</translation>
    </message>
    <message>
        <source>needs checkpoints that differ from the current parameters; train for a while first (the trainer keeps one every checkpoint_every steps)</source>
        <translation>需要与当前参数不同的检查点；请先训练一段时间（训练器每 checkpoint_every 步保存一个）</translation>
    </message>
    <message>
        <source>must be a flat vector of {size} numbers, got shape {shape}</source>
        <translation>必须是含 {size} 个数的扁平向量，实为形状 {shape}</translation>
    </message>
    <message>
        <source>contains NaN or infinite entries</source>
        <translation>含有 NaN 或无穷项</translation>
    </message>
    <message>
        <source>must be a number or a pair, got {value!r}</source>
        <translation>必须是数字或数对，实为 {value!r}</translation>
    </message>
    <message>
        <source>must be a pair of numbers (x, y), got {value!r}</source>
        <translation>必须是一对数字 (x, y)，实为 {value!r}</translation>
    </message>
    <message>
        <source>needs a non-empty list of optimizer specs</source>
        <translation>需要非空的优化器规格列表</translation>
    </message>
    <message>
        <source>at most {limit} optimizers, got {value}</source>
        <translation>最多 {limit} 个优化器，实为 {value}</translation>
    </message>
    <message>
        <source>steps x optimizers must be at most {limit}, got {value}</source>
        <translation>步数 x 优化器数最多为 {limit}，实为 {value}</translation>
    </message>
    <message>
        <source>needs one entry per optimizer ({count}), got {value}</source>
        <translation>每个优化器需要一项（{count}），实为 {value}</translation>
    </message>
    <message>
        <source>needs about {needed} of memory ({parts}), more than the budget of {budget} ({source})</source>
        <translation>大约需要 {needed} 内存（{parts}），超过了预算 {budget}（{source}）</translation>
    </message>
    <message>
        <source>must be a size like 4GB or 512MB, a share like 50%, or none; got {value!r}</source>
        <translation>必须是像 4GB 或 512MB 这样的大小、像 50% 这样的比例，或 none；收到 {value!r}</translation>
    </message>
    <message>
        <source>BatchNorm needs at least 2 samples per training batch, got {value}</source>
        <translation>BatchNorm 每个训练批次至少需要 2 个样本，收到 {value}</translation>
    </message>
    <message>
        <source>BatchNorm needs at least 2 training rows, got {value}</source>
        <translation>BatchNorm 至少需要 2 行训练数据，收到 {value}</translation>
    </message>
    <message>
        <source>{name} has no minimum: its smallest curvature is {value:g}</source>
        <translation>{name} 没有最小值：其最小曲率为 {value:g}</translation>
    </message>
    <message>
        <source>{name} is not a quadratic: its Hessian changes</source>
        <translation>{name} 不是二次函数：其 Hessian 矩阵会变化</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>There is no plot &apos;{plot}&apos;; choose one of {choices}.</source>
        <translation>没有名为“{plot}”的图；请从 {choices} 中选择。</translation>
    </message>
    <message>
        <source>There is no view &apos;{view}&apos;; choose one of {choices}.</source>
        <translation>没有名为“{view}”的视图；请从 {choices} 中选择。</translation>
    </message>
    <message>
        <source>Cannot write &apos;{fmt}&apos;; choose one of {choices}.</source>
        <translation>无法写入“{fmt}”格式；请从 {choices} 中选择。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>Could not write {path}.</source>
        <translation>无法写入 {path}。</translation>
    </message>
    <message>
        <source>The scale must be between 0.25 and 8, got {scale}.</source>
        <translation>缩放比例必须在 0.25 到 8 之间，当前为 {scale}。</translation>
    </message>
    <message>
        <source>An image of {width}x{height} pixels cannot be written (1 to {most} pixels a side).</source>
        <translation>无法写入 {width}x{height} 像素的图像（每边须为 1 到 {most} 像素）。</translation>
    </message>
    <message>
        <source>The stage exists only in the presentation view: turn it on first (F11).</source>
        <translation>舞台只存在于演示视图中：请先打开演示视图（F11）。</translation>
    </message>
    <message>
        <source>Writing MP4 needs imageio and imageio-ffmpeg, which are not installed: pip install &apos;gradsim[video]&apos;. GIF works without them.</source>
        <translation>写入 MP4 需要 imageio 和 imageio-ffmpeg，但它们尚未安装：pip install &apos;gradsim[video]&apos;。GIF 无需它们。</translation>
    </message>
    <message>
        <source>Writing GIF needs Pillow: pip install pillow.</source>
        <translation>写入 GIF 需要 Pillow：pip install pillow。</translation>
    </message>
    <message>
        <source>The frame rate must be 1 to 50 frames a second, got {fps}.</source>
        <translation>帧率必须为每秒 1 到 50 帧，当前为 {fps}。</translation>
    </message>
    <message>
        <source>There is no race to export: start one in the Landscape panel.</source>
        <translation>没有可导出的竞赛：请先在“地形”面板中开始一场竞赛。</translation>
    </message>
    <message>
        <source>There is no training step to export yet: train first.</source>
        <translation>还没有可导出的训练步：请先训练。</translation>
    </message>
    <message>
        <source>The video could not be written: {reason}</source>
        <translation>无法写入视频：{reason}</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>导出已取消。</translation>
    </message>
    <message>
        <source>Export an image</source>
        <translation>导出图像</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <source>SVG drawing (text stays text)</source>
        <translation>SVG 矢量图（文字保持为文字）</translation>
    </message>
    <message>
        <source>A panel as it is drawn now, the whole window, or the stage</source>
        <translation>当前绘制的某个面板、整个窗口或舞台</translation>
    </message>
    <message>
        <source>PNG for slides and documents; SVG to edit or scale without losing sharpness</source>
        <translation>PNG 适用于幻灯片和文档；SVG 可编辑、可缩放而不失清晰度</translation>
    </message>
    <message>
        <source>Pixels per point of the screen: 2× is sharp on a projector and in slides</source>
        <translation>每个屏幕点对应的像素数：2× 在投影仪和幻灯片上清晰</translation>
    </message>
    <message>
        <source>Plot:</source>
        <translation>图：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>缩放：</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Copy to clipboard</source>
        <translation>复制到剪贴板</translation>
    </message>
    <message>
        <source>Export an animation</source>
        <translation>导出动画</translation>
    </message>
    <message>
        <source>The run is trained again from its start (the same seed and edits give the same run), so the animation does not depend on how fast this computer drew it live.</source>
        <translation>训练会从头重新运行一遍（相同的种子和编辑得到相同的训练过程），因此动画与这台计算机实时绘制的快慢无关。</translation>
    </message>
    <message>
        <source>GIF (plays everywhere)</source>
        <translation>GIF（到处都能播放）</translation>
    </message>
    <message>
        <source>MP4 video (H.264)</source>
        <translation>MP4 视频（H.264）</translation>
    </message>
    <message>
        <source>MP4 needs imageio and imageio-ffmpeg: pip install &apos;gradsim[video]&apos;</source>
        <translation>MP4 需要 imageio 和 imageio-ffmpeg：pip install &apos;gradsim[video]&apos;</translation>
    </message>
    <message>
        <source>GIF frames last at least 20 ms (at most 50 a second)</source>
        <translation>GIF 每帧至少持续 20 毫秒（每秒最多 50 帧）</translation>
    </message>
    <message>
        <source>How many pictures, spread over the run</source>
        <translation>画面数量，均匀分布在整个训练过程中</translation>
    </message>
    <message>
        <source>Frames a second when it plays</source>
        <translation>播放时每秒的帧数</translation>
    </message>
    <message>
        <source>Width of a frame before scaling</source>
        <translation>缩放前每帧的宽度</translation>
    </message>
    <message>
        <source>Height of a frame before scaling</source>
        <translation>缩放前每帧的高度</translation>
    </message>
    <message>
        <source>Pixels per point: 2× for a sharp video on a projector</source>
        <translation>每个点对应的像素数：2× 让投影仪上的视频清晰</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Frames:</source>
        <translation>帧数：</translation>
    </message>
    <message>
        <source>Frames a second:</source>
        <translation>每秒帧数：</translation>
    </message>
    <message>
        <source>Frame size:</source>
        <translation>帧尺寸：</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>Images, animations and tables of what gradsim shows, for slides and reports.</source>
        <translation>gradsim 所显示内容的图像、动画和表格，用于幻灯片和报告。</translation>
    </message>
    <message>
        <source>&amp;Image of a plot or the window…</source>
        <translation>图或窗口的图像(&amp;I)…</translation>
    </message>
    <message>
        <source>A panel, the whole window or the presentation stage as PNG (at 2× for slides) or SVG, or copied to the clipboard.</source>
        <translation>把一个面板、整个窗口或演示舞台保存为 PNG（幻灯片用 2×）或 SVG，或复制到剪贴板。</translation>
    </message>
    <message>
        <source>&amp;Animation…</source>
        <translation>动画(&amp;A)…</translation>
    </message>
    <message>
        <source>The run (gradient flow, loss, decision surface or the stage) or the race as GIF or MP4, drawn from a replay of the run.</source>
        <translation>把训练过程（梯度流、损失、决策面或舞台）或竞赛保存为 GIF 或 MP4，画面来自训练过程的重放。</translation>
    </message>
    <message>
        <source>&amp;Metrics history (CSV)…</source>
        <translation>指标历史（CSV）(&amp;M)…</translation>
    </message>
    <message>
        <source>Loss, accuracy, learning rate and every layer&apos;s gradient norm at each recorded step.</source>
        <translation>每个记录步的损失、准确率、学习率以及每一层的梯度范数。</translation>
    </message>
    <message>
        <source>&amp;Race table (CSV)…</source>
        <translation>竞赛结果表（CSV）(&amp;R)…</translation>
    </message>
    <message>
        <source>The landscape race&apos;s results: steps to converge, final value, minimum, clipped steps, outcome.</source>
        <translation>地形竞赛的结果：收敛所需步数、最终值、到达的极小值、被裁剪的步数、结局。</translation>
    </message>
    <message>
        <source>The whole window</source>
        <translation>整个窗口</translation>
    </message>
    <message>
        <source>The presentation stage</source>
        <translation>演示舞台</translation>
    </message>
    <message>
        <source>The landscape race</source>
        <translation>地形竞赛</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>GIF animations (*.gif)</source>
        <translation>GIF 动画 (*.gif)</translation>
    </message>
    <message>
        <source>MP4 videos (*.mp4)</source>
        <translation>MP4 视频 (*.mp4)</translation>
    </message>
    <message>
        <source>Export the metrics history</source>
        <translation>导出指标历史</translation>
    </message>
    <message>
        <source>Export the race table</source>
        <translation>导出竞赛结果表</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>已复制到剪贴板。</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Drawing {count} frames…</source>
        <translation>正在绘制 {count} 帧…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation>已保存 {path}。</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
</context>
<context>
    <name>GradientFlowPanel</name>
    <message>
        <source>Fixed colour range</source>
        <extracomment>log10 gradient norms drawn in the heatmap, (stretches, depth + 1); NaN = non-finite. log10 of the latest norms drawn as bars (zeros at ``bar_floor``). what was last drawn (see :func:`same_inputs`); None = draw on the next frame the colours that are not on the colour bar&apos;s ramp (exact zeros, NaN), named in words whenever the heatmap shows them: the bar&apos;s small &quot;0&quot; swatch is easily missed</extracomment>
        <translation>固定颜色范围</translation>
    </message>
    <message>
        <source>Keep the colour scale fixed between the two values. A gradient that shrinks during training then darkens on screen; with the range following the data it would be rescaled and look normal.</source>
        <translation>将颜色刻度固定在两个值之间。训练中变小的梯度在屏幕上就会变暗；若范围跟随数据，它会被重新缩放而看起来正常。</translation>
    </message>
    <message>
        <source>darkest</source>
        <translation>最暗</translation>
    </message>
    <message>
        <source>brightest</source>
        <translation>最亮</translation>
    </message>
    <message>
        <source>Gradient norm drawn in the {which} colour (as a power of ten).</source>
        <translation>以{which}颜色绘制的梯度范数（10 的幂）。</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Per stretch of steps:</source>
        <translation>每段步数取：</translation>
    </message>
    <message>
        <source>latest value</source>
        <translation>最新值</translation>
    </message>
    <message>
        <source>largest value</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>smallest value</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>Long runs are kept in stretches of several steps. Show the last gradient of each stretch, or its largest (spikes that announce exploding gradients) or its smallest.</source>
        <translation>长时间运行会按若干步为一段保存。显示每段最后的梯度，或其最大值（预示梯度爆炸的尖峰），或其最小值。</translation>
    </message>
    <message>
        <source>Gradient norm per layer over training</source>
        <translation>训练过程中各层的梯度范数</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Latest step</source>
        <translation>最新一步</translation>
    </message>
    <message>
        <source>‖∂L/∂W‖ (log scale)</source>
        <translation>‖∂L/∂W‖（对数刻度）</translation>
    </message>
    <message>
        <source>Each row is a weight layer (1 = next to the input, out = output layer); colour is the size of that layer&apos;s weight gradient, on a log scale. Backpropagation multiplies the gradient by each layer&apos;s weights and activation slope: rows fading to dark towards layer 1 mean vanishing gradients (early layers barely learn), bright rows mean exploding ones. Cyan: exactly zero (underflow or dead units). Grey: NaN.</source>
        <translation>每一行是一个权重层（1 = 紧邻输入，out = 输出层）；颜色表示该层权重梯度的大小（对数刻度）。反向传播把梯度乘以每层的权重和激活斜率：越靠近第 1 层越暗的行表示梯度消失（前几层几乎不学习），明亮的行表示梯度爆炸。青色：恰为零（下溢或单元死亡）。灰色：NaN。</translation>
    </message>
    <message>
        <source>The gradient norm of each layer at the latest step, on a log scale: in a healthy network the bars are of similar length. Each decade is a factor of ten. ✕ = exactly zero, ★ = NaN or infinite.</source>
        <translation>每层在最新一步的梯度范数（对数刻度）：健康网络中各条长度相近。每个数量级相差十倍。✕ = 恰为零，★ = NaN 或无穷。</translation>
    </message>
    <message>
        <source>Colour scale of the heatmap and the bars.</source>
        <translation>热图和柱状图的颜色刻度。</translation>
    </message>
    <message>
        <source>out</source>
        <translation>out</translation>
    </message>
    <message>
        <source>exactly 0: the gradient underflowed (a float16 number below 6×10⁻⁸ is 0) or its units are dead</source>
        <translation>恰好为 0：梯度下溢了（float16 中小于 6×10⁻⁸ 的数就是 0），或者其单元已死亡</translation>
    </message>
    <message>
        <source>NaN: the gradient is not a number</source>
        <translation>NaN：梯度不是一个数</translation>
    </message>
    <message>
        <source>No training steps yet: the gradient of every layer appears here as training runs.</source>
        <translation>尚无训练步：训练运行时每层的梯度会显示在这里。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step {step}:&lt;/b&gt; the gradient is NaN or infinite in layers {layers}.</source>
        <translation>&lt;b&gt;第 {step} 步：&lt;/b&gt;第 {layers} 层的梯度为 NaN 或无穷。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step {step}:&lt;/b&gt; the output layer&apos;s gradient is exactly zero.</source>
        <translation>&lt;b&gt;第 {step} 步：&lt;/b&gt;输出层的梯度恰为零。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step {step}:&lt;/b&gt; layer 1&apos;s gradient is exactly zero (underflow or dead units): the first layer does not learn at all.</source>
        <translation>&lt;b&gt;第 {step} 步：&lt;/b&gt;第 1 层的梯度恰为零（下溢或单元死亡）：第一层完全不学习。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step {step}:&lt;/b&gt; layer 1 gets {ratio}× the output layer&apos;s gradient, {orders} orders of magnitude smaller: &lt;b&gt;vanishing gradient&lt;/b&gt;.</source>
        <translation>&lt;b&gt;第 {step} 步：&lt;/b&gt;第 1 层得到的梯度是输出层的 {ratio}×，小 {orders} 个数量级：&lt;b&gt;梯度消失&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step {step}:&lt;/b&gt; layer 1 gets {ratio}× the output layer&apos;s gradient, {orders} orders of magnitude larger: &lt;b&gt;exploding gradient&lt;/b&gt;.</source>
        <translation>&lt;b&gt;第 {step} 步：&lt;/b&gt;第 1 层得到的梯度是输出层的 {ratio}×，大 {orders} 个数量级：&lt;b&gt;梯度爆炸&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step {step}:&lt;/b&gt; layer 1 gets {ratio}× the output layer&apos;s gradient: the gradient reaches the first layer intact.</source>
        <translation>&lt;b&gt;第 {step} 步：&lt;/b&gt;第 1 层得到的梯度是输出层的 {ratio}×：梯度完好地到达第一层。</translation>
    </message>
</context>
<context>
    <name>HeatmapPlot</name>
    <message>
        <source>{name} − min in view</source>
        <translation>{name} − 视图内最小值</translation>
    </message>
</context>
<context>
    <name>HistogramPanel</name>
    <message>
        <source>Show:</source>
        <extracomment>what the visible layout last drew (see :func:`same_inputs`); None = draw on the next frame</extracomment>
        <translation>显示：</translation>
    </message>
    <message>
        <source>activations f(z)</source>
        <translation>激活值 f(z)</translation>
    </message>
    <message>
        <source>pre-activations z</source>
        <translation>预激活值 z</translation>
    </message>
    <message>
        <source>weight gradients log10 |∂L/∂W|</source>
        <translation>权重梯度 log10 |∂L/∂W|</translation>
    </message>
    <message>
        <source>Activations piled against a bound of a sigmoid or tanh mean saturated units (slope f&apos; near 0, so the gradient cannot pass); pre-activations z far from 0 show why. Gradient histograms that move left layer after layer show the gradient vanishing on its way back; the leftmost bin holds exact zeros (float16 underflow, dead units).</source>
        <translation>堆积在 sigmoid 或 tanh 边界处的激活值意味着单元饱和（斜率 f&apos; 接近 0，梯度无法通过）；远离 0 的预激活值 z 说明了原因。梯度直方图逐层左移表明梯度在反传途中消失；最左侧的箱存放恰为零的值（float16 下溢、单元死亡）。</translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation>布局：</translation>
    </message>
    <message>
        <source>ridge plot</source>
        <translation>山脊图</translation>
    </message>
    <message>
        <source>small multiples</source>
        <translation>小多图</translation>
    </message>
    <message>
        <source>Ridge plot: every layer in one view, layer 1 at the bottom, each histogram scaled to its own peak. Small multiples: one plot per layer with its own axes (at most 12 layers, evenly spaced).</source>
        <translation>山脊图：所有层在一个视图中，第 1 层在底部，每个直方图按自身峰值缩放。小多图：每层一个带独立坐标轴的图（最多 12 层，均匀选取）。</translation>
    </message>
    <message>
        <source>fraction of units</source>
        <translation>单元比例</translation>
    </message>
    <message>
        <source>saturated</source>
        <translation>饱和</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>死亡</translation>
    </message>
    <message>
        <source>Saturated: share of a bounded activation&apos;s outputs within 1% of a bound (its slope is nearly 0). Dead: share of ReLU units that output 0 for every training sample (their gradient is exactly 0, forever). Empty where the activation cannot saturate or die.</source>
        <translation>饱和：有界激活函数的输出中距边界 1% 以内的比例（其斜率几乎为 0）。死亡：对每个训练样本都输出 0 的 ReLU 单元比例（其梯度永远恰为 0）。激活函数不会饱和或死亡时为空。</translation>
    </message>
    <message>
        <source>activation f(z)</source>
        <translation>激活值 f(z)</translation>
    </message>
    <message>
        <source>pre-activation z</source>
        <translation>预激活值 z</translation>
    </message>
    <message>
        <source>|∂L/∂W| (log scale)</source>
        <translation>|∂L/∂W|（对数刻度）</translation>
    </message>
    <message>
        <source>Distribution per layer</source>
        <translation>各层分布</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>layer {layer}</source>
        <translation>第 {layer} 层</translation>
    </message>
    <message>
        <source>{share:.0%} saturated</source>
        <translation>{share:.0%} 饱和</translation>
    </message>
    <message>
        <source>{share:.0%} dead</source>
        <translation>{share:.0%} 死亡</translation>
    </message>
    <message>
        <source>No statistics yet: they are measured every few training steps.</source>
        <translation>尚无统计：每隔几步训练测量一次。</translation>
    </message>
    <message>
        <source>This network has no hidden layers.</source>
        <translation>此网络没有隐藏层。</translation>
    </message>
    <message>
        <source>Step {step}.</source>
        <translation>第 {step} 步。</translation>
    </message>
    <message>
        <source>No saturated units.</source>
        <translation>没有饱和单元。</translation>
    </message>
    <message>
        <source>Most saturated: layer {layer} ({share:.0%}).</source>
        <translation>饱和最多：第 {layer} 层（{share:.0%}）。</translation>
    </message>
    <message>
        <source>No dead units.</source>
        <translation>没有死亡单元。</translation>
    </message>
    <message>
        <source>Most dead units: layer {layer} ({share:.0%}).</source>
        <translation>死亡单元最多：第 {layer} 层（{share:.0%}）。</translation>
    </message>
    <message>
        <source>These activations neither saturate nor die.</source>
        <translation>这些激活函数既不饱和也不死亡。</translation>
    </message>
</context>
<context>
    <name>LandscapePanel</name>
    <message>
        <source>Analytic surface</source>
        <translation>解析曲面</translation>
    </message>
    <message>
        <source>Network loss surface</source>
        <translation>网络损失曲面</translation>
    </message>
    <message>
        <source>Optimizers racing on 2-D surfaces that show why training is hard: saddles, cliffs, ravines, plateaus. Click to set the start; press Play.</source>
        <translation>优化器在二维曲面上竞赛，展示训练为何困难：鞍点、悬崖、峡谷、平台。点击设置起点；按播放。</translation>
    </message>
    <message>
        <source>The loss of the network you are training, on a plane through its current weights and along the line from its initial weights.</source>
        <translation>正在训练的网络的损失：在穿过其当前权重的平面上，以及沿其初始权重到当前权重的直线上。</translation>
    </message>
</context>
<context>
    <name>Lecture</name>
    <message>
        <source>F11</source>
        <translation>F11</translation>
    </message>
    <message>
        <source>Presentation view on or off (full screen)</source>
        <translation>打开或关闭演示视图（全屏）</translation>
    </message>
    <message>
        <source>Space, F5</source>
        <translation>空格、F5</translation>
    </message>
    <message>
        <source>Play or pause the stage</source>
        <translation>播放或暂停本阶段</translation>
    </message>
    <message>
        <source>→, Page Down, N</source>
        <translation>→、Page Down、N</translation>
    </message>
    <message>
        <source>Shift+→</source>
        <translation>Shift+→</translation>
    </message>
    <message>
        <source>{n} more steps</source>
        <translation>再训练 {n} 步</translation>
    </message>
    <message>
        <source>←, Page Up, P</source>
        <translation>←、Page Up、P</translation>
    </message>
    <message>
        <source>Previous stage</source>
        <translation>上一阶段</translation>
    </message>
    <message>
        <source>1 – 9</source>
        <translation>1 – 9</translation>
    </message>
    <message>
        <source>Stage 1 to 9 of the lesson</source>
        <translation>课程的第 1 至第 9 阶段</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>Reset the stage to its start (Ctrl+Z brings back the run before)</source>
        <translation>把本阶段重置到开头（Ctrl+Z 可找回之前的运行）</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
    <message>
        <source>Undo a reset</source>
        <translation>撤销重置</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>Redo a reset</source>
        <translation>重做重置</translation>
    </message>
    <message>
        <source>Lift the black screen, else leave the presentation</source>
        <translation>先取消黑屏，否则退出演示</translation>
    </message>
    <message>
        <source>Presentation view</source>
        <translation>演示视图</translation>
    </message>
    <message>
        <source>Menus</source>
        <translation>菜单</translation>
    </message>
    <message>
        <source>B, .</source>
        <translation>B、.</translation>
    </message>
    <message>
        <source>Black screen (press again to come back)</source>
        <translation>黑屏（再按一次恢复）</translation>
    </message>
    <message>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <source>Show or hide the narrative</source>
        <translation>显示或隐藏讲解</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>These keys act in the presentation view, and not while a text field has the focus.</source>
        <translation>这些按键只在演示视图中有效；文本框有焦点时不起作用。</translation>
    </message>
    <message>
        <source>gradsim lessons (*.json);;All files (*)</source>
        <translation>gradsim 课程 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;Lecture</source>
        <translation>讲课(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>Projector &amp;scale</source>
        <translation>投影缩放(&amp;S)</translation>
    </message>
    <message>
        <source>Open &amp;lesson...</source>
        <translation>打开课程(&amp;L)...</translation>
    </message>
    <message>
        <source>Open a lesson file and present its first stage.</source>
        <translation>打开一个课程文件并展示其第一阶段。</translation>
    </message>
    <message>
        <source>&amp;Presentation</source>
        <translation>演示(&amp;P)</translation>
    </message>
    <message>
        <source>The stage for a projector: the stage&apos;s plots large, the narrative beside them, a large step counter; the builder and controls hidden. Esc leaves.</source>
        <translation>为投影仪准备的舞台：本阶段的图表放大，旁边是讲解，还有大号步数计数器；构建器和控件隐藏。按 Esc 退出。</translation>
    </message>
    <message>
        <source>P&amp;resenter window</source>
        <translation>讲者窗口(&amp;R)</translation>
    </message>
    <message>
        <source>A second window for the lecturer: the narrative, the next stage and a clock.</source>
        <translation>给讲者的第二个窗口：讲解、下一阶段和时钟。</translation>
    </message>
    <message>
        <source>&amp;Next stage</source>
        <translation>下一阶段(&amp;N)</translation>
    </message>
    <message>
        <source>Keys: →, Page Down, N.</source>
        <translation>按键：→、Page Down、N。</translation>
    </message>
    <message>
        <source>P&amp;revious stage</source>
        <translation>上一阶段(&amp;R)</translation>
    </message>
    <message>
        <source>Keys: ←, Page Up, P.</source>
        <translation>按键：←、Page Up、P。</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>The keys of the presentation view and the menus&apos; shortcuts.</source>
        <translation>演示视图中的按键和菜单的快捷键。</translation>
    </message>
    <message>
        <source>Text and lines at {percent}% in the presentation.</source>
        <translation>演示时文字和线条为 {percent}%。</translation>
    </message>
    <message>
        <source>No such stage</source>
        <translation>没有这个阶段</translation>
    </message>
    <message>
        <source>{lesson} has stages 1 to {count}.</source>
        <translation>{lesson} 的阶段为 1 到 {count}。</translation>
    </message>
    <message>
        <source>Open a gradsim lesson</source>
        <translation>打开 gradsim 课程</translation>
    </message>
    <message>
        <source>Cannot open the lesson</source>
        <translation>无法打开课程</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Reset the stage</source>
        <translation>重置本阶段</translation>
    </message>
    <message>
        <source>Stage {index} of {count}: {title}</source>
        <extracomment>the lecturer closed the window (hiding it, as leaving the presentation does, is not closing)</extracomment>
        <translation>第 {index} 阶段，共 {count} 个：{title}</translation>
    </message>
    <message>
        <source>{clock}  ({minutes}:{seconds:02d} since the start)</source>
        <translation>{clock}（开始后 {minutes}:{seconds:02d}）</translation>
    </message>
    <message>
        <source>gradsim — presenter</source>
        <translation>gradsim — 讲者</translation>
    </message>
    <message>
        <source>{index} / {count}: {title}</source>
        <translation>{index} / {count}：{title}</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>(the last stage)</source>
        <translation>（最后一个阶段）</translation>
    </message>
    <message>
        <source>What to watch</source>
        <translation>看什么</translation>
    </message>
    <message>
        <source>Next stage</source>
        <translation>下一阶段</translation>
    </message>
</context>
<context>
    <name>LossPanel</name>
    <message>
        <source>Log scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <source>Plot the loss on a logarithmic axis. Training often lowers the loss by several orders of magnitude; on a linear axis the later progress, or a slow creep upwards before the gradients explode, is invisible. Exact zeros are drawn on the floor line.</source>
        <translation>用对数轴绘制损失。训练常使损失下降几个数量级；在线性轴上，后期的进展或梯度爆炸前缓慢的上升是看不见的。恰为零的值画在底线上。</translation>
    </message>
    <message>
        <source>Lock axes</source>
        <translation>锁定坐标轴</translation>
    </message>
    <message>
        <source>Freeze the current view instead of rescaling to the data at every frame, so a loss that stalls or a curve that shrinks is seen against a fixed reference.</source>
        <translation>冻结当前视图，而不是每帧都按数据重新缩放，这样停滞的损失或变小的曲线能对照固定的参照来观察。</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>exactly 0 (underflow)</source>
        <translation>恰为 0（下溢）</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>train loss (mini-batch, per step)</source>
        <translation>训练损失（小批量，每步）</translation>
    </message>
    <message>
        <source>train loss (whole set)</source>
        <translation>训练损失（全集）</translation>
    </message>
    <message>
        <source>test loss</source>
        <translation>测试损失</translation>
    </message>
    <message>
        <source>train accuracy</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <source>test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>Line: the mini-batch loss of the latest step in each stretch of history; band: the lowest and highest loss in that stretch, so spikes stay visible. Markers: loss on the whole training and test sets. A loss that stops falling while gradients are tiny points to vanishing gradients; a sudden jump to NaN to exploding ones.</source>
        <translation>实线：历史中每段最新一步的小批量损失；色带：该段的最低与最高损失，使尖峰可见。标记：整个训练集和测试集上的损失。梯度极小而损失不再下降指向梯度消失；突然跳到 NaN 则指向梯度爆炸。</translation>
    </message>
    <message>
        <source>Share of correctly classified samples, measured at the diagnostics cadence.</source>
        <translation>正确分类样本的比例，按诊断周期测量。</translation>
    </message>
    <message>
        <source>Accuracy (not defined for regression)</source>
        <translation>准确率（回归不适用）</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>NaN/Inf at step {step}</source>
        <translation>第 {step} 步出现 NaN/Inf</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>The current problem, its evidence and what helps.</source>
        <translation>当前的问题、证据以及应对方法。</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Play, step, reset, live learning rate and clipping, pause triggers.</source>
        <translation>播放、单步、重置、实时学习率和裁剪、暂停触发条件。</translation>
    </message>
    <message>
        <source>Network builder</source>
        <translation>网络构建器</translation>
    </message>
    <message>
        <source>Data, layers, initialization, loss and optimizer of the network.</source>
        <translation>网络的数据、层、初始化、损失和优化器。</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Units and weights; colour edges by gradient to see it fade.</source>
        <translation>单元和权重；按梯度为连线着色可看到梯度衰减。</translation>
    </message>
    <message>
        <source>Gradient flow</source>
        <translation>梯度流</translation>
    </message>
    <message>
        <source>Gradient norm of every layer over time (log scale).</source>
        <translation>每层梯度范数随时间的变化（对数刻度）。</translation>
    </message>
    <message>
        <source>Loss and accuracy</source>
        <translation>损失与准确率</translation>
    </message>
    <message>
        <source>Training and test loss and accuracy against the step.</source>
        <translation>训练与测试的损失和准确率随步数的变化。</translation>
    </message>
    <message>
        <source>Decision surface</source>
        <translation>决策面</translation>
    </message>
    <message>
        <source>The network&apos;s output over the input plane, with the data.</source>
        <translation>网络在输入平面上的输出，以及数据。</translation>
    </message>
    <message>
        <source>Histograms</source>
        <translation>直方图</translation>
    </message>
    <message>
        <source>Per-layer activations, pre-activations and gradients.</source>
        <translation>各层的激活值、预激活值和梯度。</translation>
    </message>
    <message>
        <source>Weights and updates</source>
        <translation>权重与更新</translation>
    </message>
    <message>
        <source>Weight norm and update-to-weight ratio of every layer.</source>
        <translation>每层的权重范数与更新/权重比。</translation>
    </message>
    <message>
        <source>Activation and init lab</source>
        <translation>激活与初始化实验室</translation>
    </message>
    <message>
        <source>f and f&apos; with the layer&apos;s pre-activations; variance propagation.</source>
        <translation>f 和 f&apos; 以及该层的预激活值；方差传播。</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>损失地形</translation>
    </message>
    <message>
        <source>Optimizer races on loss surfaces; the network&apos;s own loss surface.</source>
        <translation>优化器在损失曲面上的竞赛；网络自身的损失曲面。</translation>
    </message>
    <message>
        <source>Set weight {name}[{row}, {col}]</source>
        <translation>设置权重 {name}[{row}, {col}]</translation>
    </message>
    <message>
        <source>This starts training again from step 0, and the current run ({steps} steps) cannot be brought back with Undo. Start again?</source>
        <translation>这会从第 0 步重新开始训练，当前的运行（{steps} 步）无法用撤销找回。要重新开始吗？</translation>
    </message>
    <message>
        <source>(The run could not be kept: {reason})</source>
        <translation>（无法保留这次运行：{reason}）</translation>
    </message>
    <message>
        <source>Start again?</source>
        <translation>重新开始？</translation>
    </message>
    <message>
        <source>Older trained runs were released to save memory: undoing their changes restores the settings from step 0.</source>
        <translation>为节省内存，较早的训练运行已被释放：撤销它们的更改只会恢复设置，并从第 0 步开始。</translation>
    </message>
    <message>
        <source>Back to the run at step {step}.</source>
        <translation>已回到第 {step} 步的运行。</translation>
    </message>
    <message>
        <source>Autosave failed</source>
        <translation>自动保存失败</translation>
    </message>
    <message>
        <source>Autosave failed: {reason}</source>
        <translation>自动保存失败：{reason}</translation>
    </message>
    <message>
        <source>The {panel} panel failed to draw.</source>
        <translation>{panel} 面板绘制失败。</translation>
    </message>
    <message>
        <source>Step {step}</source>
        <translation>第 {step} 步</translation>
    </message>
    <message>
        <source>Epoch {epoch}</source>
        <translation>第 {epoch} 轮</translation>
    </message>
    <message>
        <source>{rate} steps/s</source>
        <translation>{rate} 步/秒</translation>
    </message>
    <message>
        <source>Loss {loss}</source>
        <translation>损失 {loss}</translation>
    </message>
    <message>
        <source>{fps} fps</source>
        <translation>{fps} 帧/秒</translation>
    </message>
    <message>
        <source>Network re-initialized with the same seed.</source>
        <translation>已用相同种子重新初始化网络。</translation>
    </message>
    <message>
        <source>Cannot move training</source>
        <translation>无法迁移训练</translation>
    </message>
    <message>
        <source>Training stopped</source>
        <translation>训练已停止</translation>
    </message>
    <message>
        <source>An error occurred in the training worker; training is paused. You can change the configuration, reset, or open another config.

{error}</source>
        <translation>训练工作线程出错；训练已暂停。你可以更改配置、重置，或打开另一个配置。

{error}</translation>
    </message>
    <message>
        <source>Open a gradsim config</source>
        <translation>打开 gradsim 配置</translation>
    </message>
    <message>
        <source>Rewound to step {step}.</source>
        <translation>已回退到第 {step} 步。</translation>
    </message>
    <message>
        <source>No {language} translation is installed yet; texts stay in English.</source>
        <translation>尚未安装{language}翻译；文本保持英文。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Font size</source>
        <translation>字号(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Line width</source>
        <translation>线宽(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>&amp;Undo {what}</source>
        <translation>撤销(&amp;U) {what}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo {what}</source>
        <translation>重做(&amp;R) {what}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Open config...</source>
        <translation>打开配置(&amp;O)...</translation>
    </message>
    <message>
        <source>Load a network and training configuration (JSON) and train it from step 0.</source>
        <translation>加载网络与训练配置（JSON），从第 0 步开始训练。</translation>
    </message>
    <message>
        <source>Undo the last change of the settings or of a weight. A change that restarted training is undone with the whole run as it was.</source>
        <translation>撤销对设置或某个权重的最后一次更改。重新开始训练的更改会连同整个运行原样撤销。</translation>
    </message>
    <message>
        <source>Redo what Undo undid.</source>
        <translation>重做被撤销的操作。</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Stop training and close gradsim.</source>
        <translation>停止训练并关闭 gradsim。</translation>
    </message>
    <message>
        <source>&amp;About gradsim</source>
        <translation>关于 gradsim(&amp;A)</translation>
    </message>
    <message>
        <source>Versions of gradsim and its libraries.</source>
        <translation>gradsim 及其库的版本。</translation>
    </message>
    <message>
        <source>Train in a separate &amp;process (faster)</source>
        <translation>在独立进程中训练（更快）(&amp;P)</translation>
    </message>
    <message>
        <source>Run training in its own process: it no longer competes with drawing for Python&apos;s interpreter lock, so both training and the plots run at full speed. Off: training runs in a thread of this window.</source>
        <translation>在独立进程中运行训练：它不再与绘图争夺 Python 的解释器锁，训练和图表都能全速运行。关闭：训练在本窗口的一个线程中运行。</translation>
    </message>
    <message>
        <source>&amp;Reset panel layout</source>
        <translation>重置面板布局(&amp;R)</translation>
    </message>
    <message>
        <source>Put every panel back where it was at the first start.</source>
        <translation>把每个面板放回首次启动时的位置。</translation>
    </message>
    <message>
        <source>Black on white, strong colours: readable on a projector.</source>
        <translation>白底黑字，色彩鲜明：适合投影仪。</translation>
    </message>
    <message>
        <source>Light text on a dark background, for screens.</source>
        <translation>深色背景上的浅色文字，适合屏幕。</translation>
    </message>
    <message>
        <source>Scale all text to {percent}% (for the back row).</source>
        <translation>将所有文字缩放到 {percent}%（照顾后排）。</translation>
    </message>
    <message>
        <source>Draw plot lines {percent}% as wide.</source>
        <translation>将图线宽度设为 {percent}%。</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Training steps taken (one step = one mini-batch update).</source>
        <translation>已进行的训练步数（一步 = 一次小批量更新）。</translation>
    </message>
    <message>
        <source>Passes through the whole training set.</source>
        <translation>遍历整个训练集的次数。</translation>
    </message>
    <message>
        <source>Training speed in steps per second.</source>
        <translation>训练速度，单位为步/秒。</translation>
    </message>
    <message>
        <source>Loss of the last mini-batch.</source>
        <translation>最后一个小批量的损失。</translation>
    </message>
    <message>
        <source>Frames drawn per second.</source>
        <translation>每秒绘制的帧数。</translation>
    </message>
    <message>
        <source>The most severe problem the diagnosis finds now.</source>
        <translation>诊断当前发现的最严重问题。</translation>
    </message>
    <message>
        <source>About gradsim</source>
        <translation>关于 gradsim</translation>
    </message>
    <message>
        <source>See why deep networks are hard to train: vanishing and exploding gradients, live.</source>
        <translation>实时观察深度网络为何难以训练：梯度消失与梯度爆炸。</translation>
    </message>
    <message>
        <source>The network, histograms and decision surface show step {step}; training is still at step {current}.</source>
        <translation>网络图、直方图和决策面显示的是第 {step} 步的状态；训练仍停在第 {current} 步。</translation>
    </message>
</context>
<context>
    <name>NetworkDiagram</name>
    <message>
        <source>Click a unit or an edge to see its weight and gradient; double-click an edge to edit it.</source>
        <extracomment>the matrices (or summary statistics) last drawn; None = draw on the next frame every drawn edge in group order, and the style level its pen shows (-1: none yet)</extracomment>
        <translation>点击单元或连线查看其权重和梯度；双击连线可编辑。</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>layer {n}</source>
        <translation>第 {n} 层</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Large network: the snapshot carries no weight matrices (over 50,000 parameters), so each layer is one box with its weight and gradient norms.</source>
        <translation>大型网络：快照中不含权重矩阵（超过 50,000 个参数），因此每层显示为一个方框，附其权重与梯度范数。</translation>
    </message>
    <message>
        <source>box colour: ‖∂L/∂W‖ of the layer, log scale (pale = small)</source>
        <translation>方框颜色：该层的 ‖∂L/∂W‖，对数刻度（浅 = 小）</translation>
    </message>
    <message>
        <source>|∂L/∂w|: pale = 1e{low:.0f} or less, dark = 1e{high:.0f}</source>
        <translation>|∂L/∂w|：浅 = 1e{low:.0f} 或更小，深 = 1e{high:.0f}</translation>
    </message>
    <message>
        <source>|∂L/∂w|: dark = 1e{low:.0f} or less, bright = 1e{high:.0f}</source>
        <translation>|∂L/∂w|：暗 = 1e{low:.0f} 或更小，亮 = 1e{high:.0f}</translation>
    </message>
    <message>
        <source>blue: w &gt; 0, vermillion: w &lt; 0; thickness ∝ |w| (full at {scale})</source>
        <translation>蓝：w &gt; 0，朱红：w &lt; 0；粗细 ∝ |w|（{scale} 时最粗）</translation>
    </message>
    <message>
        <source>{name}[{row}, {col}]: {source} unit {j} → {target} unit {u}
weight w = {w}   gradient ∂L/∂w = {g}</source>
        <translation>{name}[{row}, {col}]：{source} 单元 {j} → {target} 单元 {u}
权重 w = {w}   梯度 ∂L/∂w = {g}</translation>
    </message>
    <message>
        <source>{column} unit {u}: an input feature (no incoming weights)</source>
        <translation>{column} 单元 {u}：输入特征（无输入权重）</translation>
    </message>
    <message>
        <source>{column} unit {u}{act}: incoming weights ‖w‖ = {w}, their gradient ‖∂L/∂w‖ = {g}</source>
        <translation>{column} 单元 {u}{act}：输入权重 ‖w‖ = {w}，其梯度 ‖∂L/∂w‖ = {g}</translation>
    </message>
    <message>
        <source>Colour edges by gradient magnitude</source>
        <translation>按梯度大小为连线着色</translation>
    </message>
    <message>
        <source>Colour every edge by |∂L/∂w| on a log scale instead of by the weight. In a deep sigmoid net the edges fade toward the input: the gradient vanishes on its way back.</source>
        <translation>按 |∂L/∂w|（对数刻度）而不是按权重为每条连线着色。在深层 sigmoid 网络中，连线朝输入方向逐渐变淡：梯度在反传途中消失。</translation>
    </message>
    <message>
        <source>Columns are layers, circles units, lines weights (blue positive, vermillion negative, thicker = larger). Wide layers show their first and last units around a ⋮ marker. Under each column: the norms of the weights entering it, ‖W‖, and of their gradient, ‖∇W‖ (∇ when space is short).</source>
        <translation>列是层，圆是单元，线是权重（蓝为正，朱红为负，越粗越大）。宽层在 ⋮ 标记两侧显示首尾单元。每列下方：进入该列的权重范数 ‖W‖ 及其梯度范数 ‖∇W‖（空间不足时为 ∇）。</translation>
    </message>
    <message>
        <source>weight:</source>
        <translation>权重：</translation>
    </message>
    <message>
        <source>The selected edge&apos;s weight. Set one weight very large to see what a single bad weight does.</source>
        <translation>选中连线的权重。把一个权重设得很大，看看单个坏权重会造成什么。</translation>
    </message>
    <message>
        <source>Set weight</source>
        <translation>设置权重</translation>
    </message>
    <message>
        <source>Write this value into the network (undo with Ctrl+Z).</source>
        <translation>把此值写入网络（用 Ctrl+Z 撤销）。</translation>
    </message>
    <message>
        <source>The selected unit or edge; values follow training.</source>
        <translation>选中的单元或连线；数值随训练更新。</translation>
    </message>
    <message>
        <source>The network appears here once a run starts.</source>
        <translation>运行开始后网络会显示在这里。</translation>
    </message>
    <message>
        <source>in</source>
        <translation>入</translation>
    </message>
    <message>
        <source>out</source>
        <translation>出</translation>
    </message>
</context>
<context>
    <name>NetworkSliceView</name>
    <message>
        <source>Plane:</source>
        <translation>平面：</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>分辨率：</translation>
    </message>
    <message>
        <source>Span ±:</source>
        <translation>范围 ±：</translation>
    </message>
    <message>
        <source>Data samples:</source>
        <translation>数据样本：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>种子：</translation>
    </message>
    <message>
        <source>random directions</source>
        <translation>随机方向</translation>
    </message>
    <message>
        <source>PCA of the training path</source>
        <translation>训练路径的 PCA</translation>
    </message>
    <message>
        <source>Random: two random directions, each neuron&apos;s part scaled to the size of its weights (Li et al. 2018), so the picture compares fairly between networks. PCA: the plane in which training moved the most; the path is drawn on it.</source>
        <translation>随机：两个随机方向，每个神经元的分量按其权重大小缩放（Li 等，2018），使不同网络之间的图像可以公平比较。PCA：训练移动最多的平面；路径画在其上。</translation>
    </message>
    <message>
        <source>Grid points per side: the loss is evaluated resolution² times (31 → 961 forward passes).</source>
        <translation>每边的网格点数：损失被计算 分辨率² 次（31 → 961 次前向传播）。</translation>
    </message>
    <message>
        <source>How far the random slice reaches: α and β from −span to +span, in units of the weights&apos; own size (1 = as far again as the weights are long). The PCA plane sizes itself to hold the training path.</source>
        <translation>随机切片的范围：α 和 β 从 −span 到 +span，以权重自身大小为单位（1 = 再走一个权重长度）。PCA 平面会自动调整大小以容纳训练路径。</translation>
    </message>
    <message>
        <source>Loss from θ₀ to θ</source>
        <translation>从 θ₀ 到 θ 的损失</translation>
    </message>
    <message>
        <source>Loss around θ</source>
        <translation>θ 周围的损失</translation>
    </message>
    <message>
        <source>Training samples the loss is computed on (0 = all): fewer is faster and a little noisier. The same seeded subset is used for every grid point.</source>
        <translation>用于计算损失的训练样本数（0 = 全部）：越少越快，噪声略大。每个网格点使用同一个带种子的子集。</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Seed of the random directions and of the data subset.</source>
        <translation>随机方向和数据子集的种子。</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Slice the loss of the network in the training panel, as it is now. Training pauses while its weights are copied; the slice is computed on the copy.</source>
        <translation>对训练面板中网络当前的损失做切片。复制其权重时训练暂停；切片在副本上计算。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the computation; the rows done so far stay on screen.</source>
        <translation>停止计算；已算出的行保留在屏幕上。</translation>
    </message>
    <message>
        <source>Grid points computed so far.</source>
        <translation>已计算的网格点。</translation>
    </message>
    <message>
        <source>α: weights (1 − α)·θ₀ + α·θ</source>
        <translation>α：权重 (1 − α)·θ₀ + α·θ</translation>
    </message>
    <message>
        <source>loss (log)</source>
        <translation>损失（对数）</translation>
    </message>
    <message>
        <source>The loss on the straight line from the first checkpoint θ₀ (α = 0) through the current weights θ (α = 1) and beyond (Goodfellow et al. 2015). A smooth fall means no barrier lay between start and end.</source>
        <translation>从第一个检查点 θ₀（α = 0）经当前权重 θ（α = 1）并继续延伸的直线上的损失（Goodfellow 等，2015）。平滑下降意味着起点与终点之间没有障碍。</translation>
    </message>
    <message>
        <source>The loss on a plane through the current weights (★ at the centre). Dark is low. Sharp, narrow valleys mean the loss is sensitive to small weight changes.</source>
        <translation>穿过当前权重（中心的 ★）的平面上的损失。暗处为低。陡峭狭窄的谷意味着损失对权重的微小变化很敏感。</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>&lt;b&gt;How to read it.&lt;/b&gt; The map is the loss on a plane through the current weights (★). A wide, round basin is forgiving; a narrow valley means small weight changes cost a lot. On the PCA plane, the red line is the path training took, from step 0 to now. Below, the loss on the straight line from the initial weights θ₀ to the current θ: a smooth fall means no barrier lay in between.</source>
        <translation>&lt;b&gt;如何解读。&lt;/b&gt;地图是穿过当前权重（★）的平面上的损失。宽而圆的盆地较宽容；狭窄的谷意味着权重的微小变化代价很大。在 PCA 平面上，红线是训练从第 0 步到现在所走的路径。下方：从初始权重 θ₀ 到当前 θ 的直线上的损失：平滑下降意味着两者之间没有障碍。</translation>
    </message>
    <message>
        <source>θ₀</source>
        <translation>θ₀</translation>
    </message>
    <message>
        <source>θ</source>
        <translation>θ</translation>
    </message>
    <message>
        <source>PCA: PC1 {a}, PC2 {b}</source>
        <translation>PCA:PC1 {a},PC2 {b}</translation>
    </message>
    <message>
        <source>PC1</source>
        <translation>PC1</translation>
    </message>
    <message>
        <source>PC2</source>
        <translation>PC2</translation>
    </message>
    <message>
        <source>Random plane, step {s}</source>
        <translation>随机平面,第 {s} 步</translation>
    </message>
    <message>
        <source> of {n}</source>
        <translation> / 共 {n}</translation>
    </message>
    <message>
        <source>The training set has {n} samples: at most that many can be used.</source>
        <translation>训练集有 {n} 个样本：最多只能使用这么多。</translation>
    </message>
    <message>
        <source>Could not read the network: {reason}</source>
        <translation>无法读取网络：{reason}</translation>
    </message>
    <message>
        <source>There is no network to slice yet.</source>
        <translation>还没有可切片的网络。</translation>
    </message>
    <message>
        <source>Computing the slice at step {s}…</source>
        <translation>正在计算第 {s} 步的切片…</translation>
    </message>
    <message>
        <source>step {s}</source>
        <translation>第 {s} 步</translation>
    </message>
    <message>
        <source>θ₀ (step {s})</source>
        <translation>θ₀（第 {s} 步）</translation>
    </message>
    <message>
        <source>θ (step {s})</source>
        <translation>θ（第 {s} 步）</translation>
    </message>
    <message>
        <source>No network connected: build one in the training panel.</source>
        <translation>未连接网络：请在训练面板中构建一个。</translation>
    </message>
    <message>
        <source>Slice at step {s}: {n} samples, loss at the centre {c}, lowest {low}.</source>
        <translation>第 {s} 步的切片：{n} 个样本，中心损失 {c}，最低 {low}。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cancelled&lt;/b&gt;: the rows not computed are grey.</source>
        <translation>&lt;b&gt;已取消&lt;/b&gt;：未计算的行为灰色。</translation>
    </message>
    <message>
        <source>Training is now at step {t}: press Compute to slice the current weights.</source>
        <translation>训练现已到第 {t} 步：按“计算”对当前权重切片。</translation>
    </message>
</context>
<context>
    <name>OptimizerKind</name>
    <message>
        <source>sgd</source>
        <extracomment>Optimizer kinds as the race&apos;s combos show them.</extracomment>
        <translation>SGD</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>nesterov</source>
        <translation>Nesterov</translation>
    </message>
    <message>
        <source>adagrad</source>
        <translation>Adagrad</translation>
    </message>
    <message>
        <source>rmsprop</source>
        <translation>RMSprop</translation>
    </message>
    <message>
        <source>adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>adamw</source>
        <translation>AdamW</translation>
    </message>
</context>
<context>
    <name>OptimizerTable</name>
    <message>
        <source>{surface} has no minimum (its smallest curvature is {value}): there are no optimal settings to offer.</source>
        <translation>{surface} 没有极小值(其最小曲率为 {value}):无法给出最优参数。</translation>
    </message>
    <message>
        <source>{surface} is not a quadratic: its curvature (Hessian) changes from place to place, so no constant learning rate and momentum are optimal everywhere. Choose the ravine, Booth or a quadratic formula.</source>
        <translation>{surface} 不是二次函数:它的曲率(Hessian)随位置而变,因此不存在处处最优的固定学习率和动量。请选择峡谷、Booth 或二次公式。</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>lr</source>
        <translation>lr</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>β₁</source>
        <translation>β₁</translation>
    </message>
    <message>
        <source>β₂</source>
        <translation>β₂</translation>
    </message>
    <message>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <source>clip ‖g‖</source>
        <translation>裁剪 ‖g‖</translation>
    </message>
    <message>
        <source>The colour of this optimizer&apos;s path, marker and curves.</source>
        <translation>此优化器的路径、标记和曲线的颜色。</translation>
    </message>
    <message>
        <source>The update rule (the engine&apos;s own optimizers, as torch.optim documents them). Momentum accumulates velocity: it speeds along a ravine&apos;s floor and damps the zig-zag across it. Adam, RMSprop and Adagrad divide each coordinate by its own gradient history, so their steps hardly depend on the gradient&apos;s size.</source>
        <translation>更新规则（引擎自带的优化器，与 torch.optim 文档一致）。动量累积速度：沿峡谷底部加速，并抑制横向的之字形。Adam、RMSprop 和 Adagrad 将每个坐标除以其自身的梯度历史，因此步长几乎与梯度大小无关。</translation>
    </message>
    <message>
        <source>Learning rate: the step is lr × gradient for plain descent. Above 2/λmax (the steepest curvature) gradient descent overshoots more each step and diverges.</source>
        <translation>学习率：普通梯度下降的步长为 lr × 梯度。超过 2/λmax（最陡的曲率）时，梯度下降每步冲得更远并发散。</translation>
    </message>
    <message>
        <source>Momentum μ: the velocity keeps this fraction of itself each step (0 = none). The effective step along a steady slope grows to lr/(1 − μ).</source>
        <translation>动量 μ：速度每步保留自身的这一比例（0 = 无）。沿稳定坡度的有效步长增长到 lr/(1 − μ)。</translation>
    </message>
    <message>
        <source>β₁: how long Adam remembers the gradient&apos;s direction (its momentum).</source>
        <translation>β₁：Adam 记住梯度方向（其动量）的时长。</translation>
    </message>
    <message>
        <source>β₂: how long Adam remembers the gradient&apos;s size per coordinate (its scale).</source>
        <translation>β₂：Adam 记住各坐标梯度大小（其尺度）的时长。</translation>
    </message>
    <message>
        <source>ε: added to the denominator of adaptive methods; it caps the step where the gradient history is tiny (flat regions).</source>
        <translation>ε：加到自适应方法的分母上；在梯度历史极小的地方（平坦区域）限制步长。</translation>
    </message>
    <message>
        <source>Clip the gradient&apos;s norm to this value before the step (0 = off). On a cliff an unclipped step is catapulted far away; clipped SGD moves at most lr × clip.</source>
        <translation>更新前把梯度范数裁剪到此值（0 = 关闭）。在悬崖处，未裁剪的一步会被弹射到远处；裁剪后的 SGD 最多移动 lr × clip。</translation>
    </message>
    <message>
        <source>The optimizers in the race: all start at the same point with the same gradient noise, so their differences come from the update rules alone.</source>
        <translation>参加竞赛的优化器：全部从同一点出发、带相同的梯度噪声，因此差异只来自更新规则。</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add an optimizer of the chosen kind to the race (up to 16).</source>
        <translation>将所选类型的优化器加入竞赛（最多 16 个）。</translation>
    </message>
    <message>
        <source>The kind of optimizer Add puts in the race.</source>
        <translation>“添加”放入竞赛的优化器类型。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove the selected optimizer from the race.</source>
        <translation>从竞赛中删除选中的优化器。</translation>
    </message>
    <message>
        <source>Optimal settings for this quadratic</source>
        <translation>此二次函数的最优参数</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>Offered on a quadratic surface (such as the ravine).</source>
        <translation>仅适用于二次曲面(例如峡谷)。</translation>
    </message>
    <message>
        <source>Race gradient descent at its best learning rate 2/(λmin + λmax) = {gd_lr} against momentum at Goh&apos;s optimal α* = (2/(√λmin + √λmax))² = {lr} and β* = ((√κ − 1)/(√κ + 1))² = {beta}, with Adam for comparison. Here λmin = {lam_min}, λmax = {lam_max}, κ = {kappa}: per step the error shrinks by {gd_rate} for gradient descent and by {rate} for momentum (about √κ times fewer steps). Only the racers change; the surface, the start and the steps stay.</source>
        <translation>让取最佳学习率 2/(λmin + λmax) = {gd_lr} 的梯度下降,与取 Goh 最优 α* = (2/(√λmin + √λmax))² = {lr} 和 β* = ((√κ − 1)/(√κ + 1))² = {beta} 的动量法比赛,并保留 Adam 作为对照。这里 λmin = {lam_min},λmax = {lam_max},κ = {kappa}:梯度下降每步把误差乘以 {gd_rate},动量法乘以 {rate}(所需步数约少 √κ 倍)。只改变参赛者;曲面、起点和步数保持不变。</translation>
    </message>
</context>
<context>
    <name>PauseReason</name>
    <message>
        <source>Paused at step {step}.</source>
        <translation>已在第 {step} 步暂停。</translation>
    </message>
    <message>
        <source>Stepped to step {step}.</source>
        <translation>已单步到第 {step} 步。</translation>
    </message>
    <message>
        <source>Paused: step {step} reached.</source>
        <translation>已暂停：到达第 {step} 步。</translation>
    </message>
    <message>
        <source>Paused at step {step}: the diagnosis changed.</source>
        <translation>已在第 {step} 步暂停：诊断发生变化。</translation>
    </message>
    <message>
        <source>Paused at step {step}: the loss fell below the set value.</source>
        <translation>已在第 {step} 步暂停：损失低于设定值。</translation>
    </message>
    <message>
        <source>Paused at step {step}: a loss or gradient became NaN/Inf.</source>
        <translation>已在第 {step} 步暂停：损失或梯度变为 NaN/Inf。</translation>
    </message>
    <message>
        <source>Stopped at step {step}: an error occurred.</source>
        <translation>已在第 {step} 步停止：发生错误。</translation>
    </message>
</context>
<context>
    <name>RaceLayer</name>
    <message>
        <source>diverged at step {k}</source>
        <translation>在第 {k} 步发散</translation>
    </message>
    <message>
        <source>off view at step {k}</source>
        <translation>在第 {k} 步离开视图</translation>
    </message>
</context>
<context>
    <name>RaceResults</name>
    <message>
        <source>diverged at step {k} (NaN or ∞)</source>
        <translation>在第 {k} 步发散（NaN 或 ∞）</translation>
    </message>
    <message>
        <source>diverged at step {k} (flew off)</source>
        <translation>在第 {k} 步发散（飞出）</translation>
    </message>
    <message>
        <source>converged</source>
        <translation>已收敛</translation>
    </message>
    <message>
        <source>settled in a minimum (gradient ≈ 0)</source>
        <translation>停在一个极小值（梯度 ≈ 0）</translation>
    </message>
    <message>
        <source>stuck in a local minimum (gradient ≈ 0)</source>
        <translation>困在一个局部极小值（梯度 ≈ 0）</translation>
    </message>
    <message>
        <source>stalled at a saddle point: gradient ≈ 0, not a minimum</source>
        <translation>停滞在鞍点：梯度 ≈ 0，但不是极小值</translation>
    </message>
    <message>
        <source>stalled at a maximum: gradient ≈ 0, not a minimum</source>
        <translation>停滞在极大值：梯度 ≈ 0，但不是极小值</translation>
    </message>
    <message>
        <source>stalled on a flat spot: gradient ≈ 0, not a minimum</source>
        <translation>停滞在平坦处：梯度 ≈ 0，但不是极小值</translation>
    </message>
    <message>
        <source>still moving after {n} steps</source>
        <translation>{n} 步后仍在移动</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Steps to
converge</source>
        <translation>收敛
步数</translation>
    </message>
    <message>
        <source>Final
value</source>
        <translation>最终
值</translation>
    </message>
    <message>
        <source>Minimum
reached</source>
        <translation>到达的
极小值</translation>
    </message>
    <message>
        <source>Clipped
steps</source>
        <translation>裁剪
步数</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Steps to converge: the first step within 10⁻⁶ of a listed minimum&apos;s value and close to it (1% of the view&apos;s diagonal). Clipped: steps where gradient clipping fired. A run that produces NaN or ∞, or flies far outside the plot, is stopped and reported as diverged at that step.</source>
        <translation>收敛步数：首次与所列极小值之值相差 10⁻⁶ 以内且距其足够近（视图对角线的 1%）的一步。裁剪：触发梯度裁剪的步数。产生 NaN 或 ∞、或飞出图外很远的运行会被停止，并报告为在该步发散。</translation>
    </message>
    <message>
        <source>Stalled: the run stopped where the gradient is ≈ 0 but the surface is not at a minimum (the Hessian has a negative or zero curvature there: a saddle point, a maximum, a flat spot); it stays there unless noise pushes it off.</source>
        <translation>停滞：运行停在梯度 ≈ 0 的地方，但曲面在那里并不是极小值（Hessian 在那里有负的或为零的曲率：鞍点、极大值、平坦处）；除非噪声把它推开，它会一直停在那里。</translation>
    </message>
    <message>
        <source>computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <source>none listed</source>
        <translation>未列出</translation>
    </message>
    <message>
        <source>#{n} at ({x}, {y})</source>
        <translation>#{n} 位于 ({x}, {y})</translation>
    </message>
</context>
<context>
    <name>Remedy</name>
    <message>
        <source>lower the learning rate (try half)</source>
        <translation>降低学习率（试试减半）</translation>
    </message>
    <message>
        <source>clip the gradient by its norm</source>
        <translation>按范数裁剪梯度</translation>
    </message>
    <message>
        <source>add normalization (BatchNorm, LayerNorm)</source>
        <translation>加入归一化（批归一化、层归一化）</translation>
    </message>
    <message>
        <source>lower the learning rate</source>
        <translation>降低学习率</translation>
    </message>
    <message>
        <source>use Xavier (tanh) or He (ReLU) initialization</source>
        <translation>使用 Xavier（tanh）或 He（ReLU）初始化</translation>
    </message>
    <message>
        <source>add BatchNorm or residual connections</source>
        <translation>加入批归一化或残差连接</translation>
    </message>
    <message>
        <source>add L2 regularization (weight decay)</source>
        <translation>加入 L2 正则化（权重衰减）</translation>
    </message>
    <message>
        <source>use ReLU-family activations: their slope is 1, not at most 1/4</source>
        <translation>使用 ReLU 族激活函数：其斜率为 1，而不是最多 1/4</translation>
    </message>
    <message>
        <source>add BatchNorm or LayerNorm</source>
        <translation>加入批归一化或层归一化</translation>
    </message>
    <message>
        <source>add residual connections: the gradient gets a short path</source>
        <translation>加入残差连接：梯度获得一条捷径</translation>
    </message>
    <message>
        <source>use fewer layers</source>
        <translation>减少层数</translation>
    </message>
    <message>
        <source>train in float32 or float64: they keep much smaller numbers</source>
        <translation>改用 float32 或 float64 训练：它们能保存小得多的数</translation>
    </message>
    <message>
        <source>fix the vanishing gradient: ReLU-family activations, Xavier or He initialization</source>
        <translation>先解决梯度消失：使用 ReLU 类激活函数、Xavier 或 He 初始化</translation>
    </message>
    <message>
        <source>scale the loss up before backpropagation (loss scaling, as mixed precision does)</source>
        <translation>在反向传播前放大损失（损失缩放，混合精度训练就是这样做的）</translation>
    </message>
    <message>
        <source>use leaky ReLU, PReLU or ELU: a small slope below 0 keeps units alive</source>
        <translation>使用 leaky ReLU、PReLU 或 ELU：0 以下的小斜率让单元保持存活</translation>
    </message>
    <message>
        <source>use He initialization</source>
        <translation>使用 He 初始化</translation>
    </message>
    <message>
        <source>use Xavier initialization with gain 5/3 for tanh</source>
        <translation>对 tanh 使用增益为 5/3 的 Xavier 初始化</translation>
    </message>
    <message>
        <source>use ReLU-family activations</source>
        <translation>使用 ReLU 族激活函数</translation>
    </message>
    <message>
        <source>add normalization before the activation</source>
        <translation>在激活函数之前加入归一化</translation>
    </message>
    <message>
        <source>use random initialization (Xavier, He) to break the symmetry</source>
        <translation>使用随机初始化（Xavier、He）打破对称性</translation>
    </message>
</context>
<context>
    <name>ScenarioGallery</name>
    <message>
        <source>Scenarios</source>
        <extracomment>the language of each scenario&apos;s thumbnail file shown (None: the drawn placeholder)</extracomment>
        <translation>场景</translation>
    </message>
    <message>
        <source>&amp;Variant:</source>
        <translation>变体(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Load this scenario into the window and bring its panels to the front.</source>
        <translation>把这个场景载入窗口，并把它的面板调到最前面。</translation>
    </message>
    <message>
        <source>No scenarios found.</source>
        <translation>没有找到场景。</translation>
    </message>
    <message>
        <source>As described</source>
        <translation>如文中所述</translation>
    </message>
    <message>
        <source>Network: trains for {steps} steps</source>
        <translation>网络：训练 {steps} 步</translation>
    </message>
    <message>
        <source>Landscape: a race of {steps} steps</source>
        <translation>损失地形：{steps} 步的优化器竞赛</translation>
    </message>
    <message>
        <source>Formula</source>
        <translation>公式</translation>
    </message>
    <message>
        <source>What to watch</source>
        <translation>观察什么</translation>
    </message>
    <message>
        <source>Try next</source>
        <translation>接下来试试</translation>
    </message>
    <message>
        <source>Opened the scenario {title}.</source>
        <translation>已打开场景：{title}。</translation>
    </message>
    <message>
        <source>S&amp;cenarios...</source>
        <translation>场景(&amp;C)...</translation>
    </message>
    <message>
        <source>The lecture scenarios: each a ready network or landscape with its explanation. Open one here.</source>
        <translation>讲课用的场景：每个都是现成的网络或损失地形，并附有解释。在这里选一个打开。</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>gradsim sessions (*.gradsim);;All files (*)</source>
        <extracomment>Panels whose widgets are the configuration, not a view (restoring them would change the run).</extracomment>
        <translation>gradsim 会话 (*.gradsim);;所有文件 (*)</translation>
    </message>
    <message>
        <source>gradsim recipes (*.json);;All files (*)</source>
        <translation>gradsim 配方 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;New session</source>
        <extracomment>The session was written to its file (the path): an autosave kept for it can go. :func:`disk_stamp` of ``path`` when this window last read or wrote it.</extracomment>
        <translation>新建会话(&amp;N)</translation>
    </message>
    <message>
        <source>Start over with the default network.</source>
        <translation>用默认网络重新开始。</translation>
    </message>
    <message>
        <source>Open &amp;session...</source>
        <translation>打开会话(&amp;S)...</translation>
    </message>
    <message>
        <source>Open a saved .gradsim session.</source>
        <translation>打开已保存的 .gradsim 会话。</translation>
    </message>
    <message>
        <source>&amp;Save session</source>
        <translation>保存会话(&amp;S)</translation>
    </message>
    <message>
        <source>Save the session (Ctrl+S).</source>
        <translation>保存会话（Ctrl+S）。</translation>
    </message>
    <message>
        <source>Save session &amp;as...</source>
        <translation>会话另存为(&amp;A)...</translation>
    </message>
    <message>
        <source>Save the session to a new file.</source>
        <translation>将会话保存到新文件。</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>还原(&amp;R)</translation>
    </message>
    <message>
        <source>Reopen the saved file and drop the changes since.</source>
        <translation>重新打开已保存的文件，丢弃之后的更改。</translation>
    </message>
    <message>
        <source>E&amp;xport recipe...</source>
        <translation>导出配方(&amp;X)...</translation>
    </message>
    <message>
        <source>Save the configuration alone (JSON), without the training state.</source>
        <translation>只保存配置（JSON），不含训练状态。</translation>
    </message>
    <message>
        <source>&amp;Import recipe...</source>
        <translation>导入配方(&amp;I)...</translation>
    </message>
    <message>
        <source>Load a configuration (JSON) and train it from step 0.</source>
        <translation>加载配置（JSON），从第 0 步开始训练。</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Notes for this session (saved with it).</source>
        <translation>此会话的笔记（随会话保存）。</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The session has unsaved changes. Save them first?</source>
        <translation>会话有未保存的更改。先保存吗？</translation>
    </message>
    <message>
        <source>Cannot start a new session</source>
        <translation>无法新建会话</translation>
    </message>
    <message>
        <source>Open a session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>Cannot open the session</source>
        <translation>无法打开会话</translation>
    </message>
    <message>
        <source>Save the session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <source>Not saved: {file} changed on disk.</source>
        <translation>未保存：{file} 已在磁盘上被更改。</translation>
    </message>
    <message>
        <source>Cannot save the session</source>
        <translation>无法保存会话</translation>
    </message>
    <message>
        <source>Saved {file}.</source>
        <translation>已保存 {file}。</translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation>文件已在磁盘上被更改</translation>
    </message>
    <message>
        <source>{file} was changed on disk since this window opened or saved it (by another gradsim window or another program). Replace it with this session?

No keeps the file on disk as it is; Save session as... keeps both.</source>
        <translation>自本窗口打开或保存 {file} 以来，它已在磁盘上被更改（被另一个 gradsim 窗口或其他程序）。要用此会话替换它吗？

选择“否”将保持磁盘上的文件不变；“会话另存为...”可同时保留两者。</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Drop the changes since the last save?</source>
        <translation>丢弃上次保存以来的更改吗？</translation>
    </message>
    <message>
        <source>Export a recipe</source>
        <translation>导出配方</translation>
    </message>
    <message>
        <source>Cannot export the recipe</source>
        <translation>无法导出配方</translation>
    </message>
    <message>
        <source>Import a recipe</source>
        <translation>导入配方</translation>
    </message>
    <message>
        <source>Cannot import the recipe</source>
        <translation>无法导入配方</translation>
    </message>
    <message>
        <source>{path} no longer exists.</source>
        <translation>{path} 已不存在。</translation>
    </message>
</context>
<context>
    <name>SessionError</name>
    <message>
        <source>Session file problem</source>
        <translation>会话文件问题</translation>
    </message>
    <message>
        <source>{path}: no such file</source>
        <extracomment>The session layer&apos;s templates (gradsim.session.errors.MESSAGES), context &quot;SessionError&quot;.</extracomment>
        <translation>{path}：文件不存在</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({reason})</source>
        <translation>{path}：无法读取（{reason}）</translation>
    </message>
    <message>
        <source>{path}: the file is empty</source>
        <translation>{path}：文件为空</translation>
    </message>
    <message>
        <source>{path}: not a gradsim session file (not a zip archive)</source>
        <translation>{path}：不是 gradsim 会话文件（不是 zip 压缩包）</translation>
    </message>
    <message>
        <source>{path}: the file is cut short (incomplete download or copy?)</source>
        <translation>{path}：文件被截断（下载或复制不完整？）</translation>
    </message>
    <message>
        <source>{path}: the file is damaged ({detail})</source>
        <translation>{path}：文件已损坏（{detail}）</translation>
    </message>
    <message>
        <source>{path}: not enough memory to open this file</source>
        <translation>{path}：内存不足，无法打开此文件</translation>
    </message>
    <message>
        <source>{path}: the archive lists {count} members; a session has at most {expected}</source>
        <translation>{path}：压缩包列出 {count} 个成员；会话最多应有 {expected} 个</translation>
    </message>
    <message>
        <source>{path}: refused: unsafe member name &apos;{name}&apos; in the archive</source>
        <translation>{path}：已拒绝：压缩包中有不安全的成员名“{name}”</translation>
    </message>
    <message>
        <source>{path}: unexpected member &apos;{name}&apos; in the archive</source>
        <translation>{path}：压缩包中有意外的成员“{name}”</translation>
    </message>
    <message>
        <source>{path}: member &apos;{name}&apos; appears more than once</source>
        <translation>{path}：成员“{name}”出现了不止一次</translation>
    </message>
    <message>
        <source>{path}: the archive has no &apos;{name}&apos;</source>
        <translation>{path}：压缩包中没有“{name}”</translation>
    </message>
    <message>
        <source>{path}: member &apos;{name}&apos; is encrypted; sessions are never encrypted</source>
        <translation>{path}：成员“{name}”已加密；会话从不加密</translation>
    </message>
    <message>
        <source>{path}: member &apos;{name}&apos; uses compression method {method}; only stored (0) and deflate (8) are read</source>
        <translation>{path}：成员“{name}”使用压缩方法 {method}；只读取 stored (0) 和 deflate (8)</translation>
    </message>
    <message>
        <source>{path}: &apos;{name}&apos; would take {size} bytes; the limit is {limit}</source>
        <translation>{path}：“{name}”将占用 {size} 字节；上限为 {limit}</translation>
    </message>
    <message>
        <source>{path}: the contents would take {size} bytes; the limit is {limit}</source>
        <translation>{path}：内容将占用 {size} 字节；上限为 {limit}</translation>
    </message>
    <message>
        <source>{path}: manifest.json is not UTF-8 text</source>
        <translation>{path}：manifest.json 不是 UTF-8 文本</translation>
    </message>
    <message>
        <source>{path}: manifest.json is not valid JSON ({detail})</source>
        <translation>{path}：manifest.json 不是有效的 JSON（{detail}）</translation>
    </message>
    <message>
        <source>{path}: manifest.json is nested deeper than {limit} levels</source>
        <translation>{path}：manifest.json 嵌套超过 {limit} 层</translation>
    </message>
    <message>
        <source>{path}: manifest.json must hold a JSON object, not {found}</source>
        <translation>{path}：manifest.json 必须包含 JSON 对象，而不是 {found}</translation>
    </message>
    <message>
        <source>{path}: not a gradsim session (format is &apos;{found}&apos;)</source>
        <translation>{path}：不是 gradsim 会话（格式为“{found}”）</translation>
    </message>
    <message>
        <source>{path}: the schema version must be a whole number &gt;= 1, got &apos;{found}&apos;</source>
        <translation>{path}：模式版本必须是 &gt;= 1 的整数，实为“{found}”</translation>
    </message>
    <message>
        <source>{path}: this file needs gradsim schema {found}; this gradsim reads up to {supported} — update gradsim (the file was written by gradsim {app_version})</source>
        <translation>{path}：此文件需要 gradsim 模式 {found}；当前 gradsim 最多读取 {supported} — 请更新 gradsim（该文件由 gradsim {app_version} 写入）</translation>
    </message>
    <message>
        <source>{path}: the manifest&apos;s array table is malformed at {where}</source>
        <translation>{path}：清单的数组表在 {where} 处格式错误</translation>
    </message>
    <message>
        <source>{path}: {count} arrays; the limit is {limit}</source>
        <translation>{path}：{count} 个数组；上限为 {limit}</translation>
    </message>
    <message>
        <source>{path}: invalid array name &apos;{name}&apos;</source>
        <translation>{path}：无效的数组名“{name}”</translation>
    </message>
    <message>
        <source>{path}: array &apos;{name}&apos; appears more than once</source>
        <translation>{path}：数组“{name}”出现了不止一次</translation>
    </message>
    <message>
        <source>{path}: array &apos;{name}&apos; holds Python objects (pickles are never loaded)</source>
        <translation>{path}：数组“{name}”包含 Python 对象（从不加载 pickle）</translation>
    </message>
    <message>
        <source>{path}: array &apos;{name}&apos; has type {dtype}; only numbers and booleans</source>
        <translation>{path}：数组“{name}”的类型为 {dtype}；只允许数字和布尔值</translation>
    </message>
    <message>
        <source>{path}: array &apos;{name}&apos; would take {size} bytes; the limit is {limit}</source>
        <translation>{path}：数组“{name}”将占用 {size} 字节；上限为 {limit}</translation>
    </message>
    <message>
        <source>{path}: array &apos;{name}&apos; is listed in the manifest but missing</source>
        <translation>{path}：数组“{name}”列在清单中但缺失</translation>
    </message>
    <message>
        <source>{path}: array &apos;{name}&apos; is not listed in the manifest</source>
        <translation>{path}：数组“{name}”未列在清单中</translation>
    </message>
    <message>
        <source>{path}: array &apos;{name}&apos; has shape {found}; the manifest says {expected}</source>
        <translation>{path}：数组“{name}”形状为 {found}；清单记为 {expected}</translation>
    </message>
    <message>
        <source>{path}: array &apos;{name}&apos; has type {found}; the manifest says {expected}</source>
        <translation>{path}：数组“{name}”类型为 {found}；清单记为 {expected}</translation>
    </message>
    <message>
        <source>{what}: array &apos;{name}&apos; holds NaN or Inf</source>
        <translation>{what}：数组“{name}”含有 NaN 或 Inf</translation>
    </message>
    <message>
        <source>{path}: the manifest cannot be written as JSON ({detail})</source>
        <translation>{path}：清单无法写为 JSON（{detail}）</translation>
    </message>
    <message>
        <source>{path}: could not save ({reason}); the previous file is unchanged</source>
        <translation>{path}：无法保存（{reason}）；之前的文件未改动</translation>
    </message>
    <message>
        <source>{path}: could not save ({reason}); no file was created</source>
        <translation>{path}：无法保存（{reason}）；未创建任何文件</translation>
    </message>
    <message>
        <source>{path}: the session&apos;s settings are invalid ({detail})</source>
        <translation>{path}：会话的设置无效（{detail}）</translation>
    </message>
    <message>
        <source>{path}: the session&apos;s training state does not fit its settings ({detail})</source>
        <translation>{path}：会话的训练状态与其设置不符（{detail}）</translation>
    </message>
</context>
<context>
    <name>Surface</name>
    <message>
        <source>saddle</source>
        <translation>鞍点</translation>
    </message>
    <message>
        <source>bounded-saddle</source>
        <translation>有界鞍点</translation>
    </message>
    <message>
        <source>monkey-saddle</source>
        <translation>猴鞍</translation>
    </message>
    <message>
        <source>cliff</source>
        <translation>悬崖</translation>
    </message>
    <message>
        <source>ravine</source>
        <translation>峡谷</translation>
    </message>
    <message>
        <source>plateau</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>rosenbrock</source>
        <translation>Rosenbrock</translation>
    </message>
    <message>
        <source>beale</source>
        <translation>Beale</translation>
    </message>
    <message>
        <source>himmelblau</source>
        <translation>Himmelblau</translation>
    </message>
    <message>
        <source>booth</source>
        <translation>Booth</translation>
    </message>
    <message>
        <source>rastrigin</source>
        <translation>Rastrigin</translation>
    </message>
    <message>
        <source>ackley</source>
        <translation>Ackley</translation>
    </message>
    <message>
        <source>six-hump-camel</source>
        <translation>六峰驼背</translation>
    </message>
    <message>
        <source>goldstein-price</source>
        <translation>Goldstein-Price</translation>
    </message>
    <message>
        <source>formula</source>
        <translation>公式</translation>
    </message>
    <message>
        <source>height</source>
        <extracomment>Parameter names as the form labels them.</extracomment>
        <translation>高度</translation>
    </message>
    <message>
        <source>steepness</source>
        <translation>陡度</translation>
    </message>
    <message>
        <source>position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>kappa</source>
        <translation>κ</translation>
    </message>
    <message>
        <source>lam_min</source>
        <translation>λ_min</translation>
    </message>
    <message>
        <source>rotation</source>
        <translation>旋转</translation>
    </message>
    <message>
        <source>width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>depth</source>
        <translation>深度</translation>
    </message>
    <message>
        <source>Saddle point</source>
        <extracomment>Every title, description and parameter help of gradsim.landscapes, by its English text.</extracomment>
        <translation>鞍点</translation>
    </message>
    <message>
        <source>A point where the gradient vanishes but the surface curves up along x and down along y. Plain gradient descent started on the ridge line y = 0 never leaves it, and a tiny offset escapes only after many steps.</source>
        <translation>梯度为零、但曲面沿 x 向上弯曲、沿 y 向下弯曲的点。从脊线 y = 0 出发的普通梯度下降永远离不开它，微小的偏移也要很多步后才能逃离。</translation>
    </message>
    <message>
        <source>curvature along x (upward)</source>
        <translation>沿 x 的曲率（向上）</translation>
    </message>
    <message>
        <source>curvature along y (downward)</source>
        <translation>沿 y 的曲率（向下）</translation>
    </message>
    <message>
        <source>Saddle between two valleys</source>
        <translation>两谷之间的鞍点</translation>
    </message>
    <message>
        <source>A saddle at the origin with a valley on each side, at (0, -1) and (0, 1). It shows how long an optimizer lingers near a saddle before it falls into one of the minima.</source>
        <translation>原点处的鞍点，两侧各有一个谷，位于 (0, -1) 和 (0, 1)。它展示优化器在落入某个极小值之前会在鞍点附近徘徊多久。</translation>
    </message>
    <message>
        <source>curvature along x</source>
        <translation>沿 x 的曲率</translation>
    </message>
    <message>
        <source>Monkey saddle</source>
        <translation>猴鞍</translation>
    </message>
    <message>
        <source>A flat point with three ways down and three ways up, where even the curvature is zero. Gradients near it are tiny in every direction, so optimizers creep before they pick a valley.</source>
        <translation>有三条下坡路和三条上坡路的平坦点，连曲率都为零。其附近各方向的梯度都极小，优化器在选定一个谷之前只能缓慢爬行。</translation>
    </message>
    <message>
        <source>Cliff</source>
        <translation>悬崖</translation>
    </message>
    <message>
        <source>A gentle valley that ends in a near-vertical wall, like the exploding-gradient cliffs of recurrent networks. One step onto the wall catapults an unclipped optimizer far away; gradient clipping keeps the step short.</source>
        <translation>以近乎垂直的崖壁结束的平缓山谷，类似循环神经网络中导致梯度爆炸的悬崖。踏上崖壁的一步会把未裁剪的优化器弹射到远处；梯度裁剪使步长保持较短。</translation>
    </message>
    <message>
        <source>wall height H</source>
        <translation>崖壁高度 H</translation>
    </message>
    <message>
        <source>wall steepness k</source>
        <translation>崖壁陡度 k</translation>
    </message>
    <message>
        <source>wall position x0</source>
        <translation>崖壁位置 x0</translation>
    </message>
    <message>
        <source>Ravine (ill-conditioned bowl)</source>
        <translation>峡谷（病态碗）</translation>
    </message>
    <message>
        <source>A long narrow valley whose walls are kappa times steeper than its floor. Gradient descent zig-zags across it and crawls along it; momentum fixes both.</source>
        <translation>狭长的山谷，谷壁比谷底陡 kappa 倍。梯度下降在其中横向之字形振荡、纵向缓慢爬行；动量能同时解决这两个问题。</translation>
    </message>
    <message>
        <source>condition number lambda_max/lambda_min</source>
        <translation>条件数 lambda_max/lambda_min</translation>
    </message>
    <message>
        <source>curvature along the floor</source>
        <translation>沿谷底的曲率</translation>
    </message>
    <message>
        <source>angle of the floor, degrees</source>
        <translation>谷底的角度（度）</translation>
    </message>
    <message>
        <source>Plateau</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>A basin surrounded by a nearly flat plain where the gradient almost vanishes. Plain gradient descent crawls across it, while adaptive methods such as Adam stride.</source>
        <translation>被几乎平坦的平原包围的盆地，平原上梯度几乎消失。普通梯度下降缓慢爬过，而 Adam 等自适应方法大步前进。</translation>
    </message>
    <message>
        <source>basin radius s</source>
        <translation>盆地半径 s</translation>
    </message>
    <message>
        <source>height D of the plain</source>
        <translation>平原高度 D</translation>
    </message>
    <message>
        <source>Rosenbrock&apos;s banana</source>
        <translation>Rosenbrock 香蕉函数</translation>
    </message>
    <message>
        <source>A curved, flat-bottomed valley: finding the valley is easy, following it to the minimum at (1, 1) is slow. It is the classic test of how optimizers handle curvature that changes direction.</source>
        <translation>弯曲的平底山谷：找到山谷很容易，沿着它走到 (1, 1) 处的极小值却很慢。这是检验优化器如何应对方向变化的曲率的经典测试。</translation>
    </message>
    <message>
        <source>the minimum is at (a, a^2)</source>
        <translation>极小值位于 (a, a^2)</translation>
    </message>
    <message>
        <source>steepness of the valley walls</source>
        <translation>谷壁的陡度</translation>
    </message>
    <message>
        <source>Beale&apos;s function</source>
        <translation>Beale 函数</translation>
    </message>
    <message>
        <source>Sharp ridges around a flat region, with the minimum in a narrow valley at (3, 0.5). Gradients range over many orders of magnitude, which rewards adaptive step sizes.</source>
        <translation>平坦区域周围有尖锐的山脊，极小值位于 (3, 0.5) 处的狭窄山谷中。梯度跨越多个数量级，有利于自适应步长。</translation>
    </message>
    <message>
        <source>Himmelblau&apos;s function</source>
        <translation>Himmelblau 函数</translation>
    </message>
    <message>
        <source>Four equally deep minima separated by saddles and one hill. Where a run ends depends on where it starts and on the optimizer, so it shows basins of attraction.</source>
        <translation>四个同样深的极小值，被鞍点和一座山丘隔开。运行结束在哪里取决于起点和优化器，因此它展示了吸引盆。</translation>
    </message>
    <message>
        <source>Booth&apos;s function</source>
        <translation>Booth 函数</translation>
    </message>
    <message>
        <source>A plain quadratic bowl, tilted and nine times steeper across than along. It is the easy case to compare every optimizer against before the hard ones.</source>
        <translation>普通的二次碗，倾斜且横向比纵向陡九倍。这是在困难情形之前比较各优化器的简单基准。</translation>
    </message>
    <message>
        <source>Rastrigin&apos;s function</source>
        <translation>Rastrigin 函数</translation>
    </message>
    <message>
        <source>A bowl covered in regularly spaced dimples, each a local minimum. Small steps get stuck in the nearest dimple; noise, momentum or large steps see the bowl underneath.</source>
        <translation>布满规则小坑的碗，每个小坑都是局部极小值。小步长会困在最近的小坑里；噪声、动量或大步长才能看到下面的碗。</translation>
    </message>
    <message>
        <source>depth A of the dimples</source>
        <translation>小坑深度 A</translation>
    </message>
    <message>
        <source>Ackley&apos;s function</source>
        <translation>Ackley 函数</translation>
    </message>
    <message>
        <source>A nearly flat plain full of ripples around a deep, sharp funnel at the origin. Local gradients point into the ripples, so a run must see past them to find the funnel.</source>
        <translation>几乎平坦、布满波纹的平原，原点处有一个又深又尖的漏斗。局部梯度指向波纹，运行必须越过它们才能找到漏斗。</translation>
    </message>
    <message>
        <source>depth of the funnel</source>
        <translation>漏斗深度</translation>
    </message>
    <message>
        <source>narrowness of the funnel</source>
        <translation>漏斗窄度</translation>
    </message>
    <message>
        <source>frequency of the ripples</source>
        <translation>波纹频率</translation>
    </message>
    <message>
        <source>Six-hump camel</source>
        <translation>六峰驼背函数</translation>
    </message>
    <message>
        <source>Six valleys of different depths, two of them the deepest, with saddles and two hills between. It shows that the minimum a run finds depends on where it starts.</source>
        <translation>六个深浅不同的山谷，其中两个最深，之间有鞍点和两座山丘。它表明运行找到的极小值取决于起点。</translation>
    </message>
    <message>
        <source>Goldstein-Price function</source>
        <translation>Goldstein-Price 函数</translation>
    </message>
    <message>
        <source>Values from 3 to a million, with four minima in a crossed pattern of valleys. Its scale punishes fixed step sizes: a step that is safe on the floor explodes on a wall.</source>
        <translation>数值从 3 到一百万，四个极小值分布在交叉的山谷中。其尺度惩罚固定步长：在谷底安全的一步到了崖壁上就会爆炸。</translation>
    </message>
    <message>
        <source>Your formula</source>
        <translation>你的公式</translation>
    </message>
    <message>
        <source>A surface you type as a formula in x and y, with exact derivatives. Use it to build your own saddle, cliff or ravine and watch the optimizers on it.</source>
        <translation>用关于 x 和 y 的公式输入的曲面，导数精确。可用它构建自己的鞍点、悬崖或峡谷，并观察优化器在上面的表现。</translation>
    </message>
</context>
<context>
    <name>SurfaceForm</name>
    <message>
        <source>The loss surface the optimizers race on. Saddle, cliff, ravine and plateau each show one reason why training deep networks is hard; the classic test functions follow; &apos;formula&apos; lets you type your own. Choosing a surface moves the start to its default and gives every optimizer a learning rate that suits it.</source>
        <translation>优化器竞赛所用的损失曲面。鞍点、悬崖、峡谷和平台各展示训练深度网络困难的一个原因；其后是经典测试函数；“公式”可输入你自己的曲面。选择曲面会把起点移到其默认位置，并为每个优化器设定合适的学习率。</translation>
    </message>
    <message>
        <source>f(x, y) =</source>
        <translation>f(x, y) =</translation>
    </message>
    <message>
        <source>Your own surface, e.g. x**2 + 10*y**2 or sin(x)*cos(y). Allowed: x, y, numbers, pi, e, + - * / ** %, and sin cos tan exp log log1p sqrt abs tanh sinh cosh arctan arcsin arccos sigmoid hypot minimum maximum. Derivatives are exact (symbolic).</source>
        <translation>你自己的曲面，例如 x**2 + 10*y**2 或 sin(x)*cos(y)。允许：x、y、数字、pi、e、+ - * / ** %，以及 sin cos tan exp log log1p sqrt abs tanh sinh cosh arctan arcsin arccos sigmoid hypot minimum maximum。导数是精确的（符号计算）。</translation>
    </message>
    <message>
        <source>an expression in x and y</source>
        <translation>关于 x 和 y 的表达式</translation>
    </message>
    <message>
        <source>Colours:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>log of f − min</source>
        <translation>f − min 的对数</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>Log colours show log(f − min over the view + ε): the shape of a deep narrow valley stays visible where linear colours would paint it all one shade. Auto picks log when the values span a large range.</source>
        <translation>对数颜色显示 log(f − 视图内最小值 + ε)：线性颜色会把深而窄的谷涂成同一色调，而对数颜色能保留其形状。数值跨度大时“自动”选择对数。</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>重置视图</translation>
    </message>
    <message>
        <source>Back to the surface&apos;s own window (after zooming or panning).</source>
        <translation>回到曲面自身的窗口（在缩放或平移之后）。</translation>
    </message>
    <message>
        <source>3D</source>
        <translation>3D</translation>
    </message>
    <message>
        <source>Show the surface as a 3-D mesh with the paths on it (needs OpenGL).</source>
        <translation>以三维网格显示曲面及其上的路径（需要 OpenGL）。</translation>
    </message>
    <message>
        <source>The 3-D view needs OpenGL (PyOpenGL), which is not available here; the 2-D map shows the same surface.</source>
        <translation>三维视图需要 OpenGL（PyOpenGL），此处不可用；二维图显示的是同一曲面。</translation>
    </message>
    <message>
        <source>{help}; allowed {interval}.</source>
        <translation>{help}；允许范围 {interval}。</translation>
    </message>
</context>
<context>
    <name>SurfaceView</name>
    <message>
        <source>The surface f(x, y): colour and contour lines show its height (dark = low). Click to set the start point of every optimizer, or drag the ⊕ marker and watch the paths follow. Scroll to zoom, drag the background to pan: the surface is recomputed for the new window. ★ minimum, ✕ saddle, ▲ maximum.</source>
        <translation>曲面 f(x, y)：颜色和等高线表示其高度（暗 = 低）。点击设置每个优化器的起点，或拖动 ⊕ 标记观察路径随之变化。滚动缩放，拖动背景平移：曲面会为新窗口重新计算。★ 极小值，✕ 鞍点，▲ 极大值。</translation>
    </message>
    <message>
        <source>The shared start point: drag it.</source>
        <translation>共同的起点：拖动它。</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>Light (projector)</source>
        <translation>浅色（投影仪）</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
</context>
<context>
    <name>ThreeDView</name>
    <message>
        <source>The surface in 3-D (height = the 2-D map&apos;s colour value) with the paths on it. Drag to turn it, scroll to zoom. Set the start point in the 2-D view.</source>
        <translation>三维曲面（高度 = 二维图的颜色值）及其上的路径。拖动旋转，滚动缩放。在二维视图中设置起点。</translation>
    </message>
</context>
<context>
    <name>TimelineBar</name>
    <message>
        <source>Rewind here</source>
        <extracomment>The largest QSlider position (a C++ int).</extracomment>
        <translation>回退到此处</translation>
    </message>
    <message>
        <source>Go back to the chosen step: the nearest checkpoint is restored and training is replayed exactly to that step.</source>
        <translation>回到所选的步：恢复最近的检查点，并精确重放训练到该步。</translation>
    </message>
    <message>
        <source>Keep later edits as a branch</source>
        <translation>将之后的编辑保留为分支</translation>
    </message>
    <message>
        <source>Keep the live edits made after that step instead of discarding them: training applies each again when it reaches the step it was made at.</source>
        <translation>保留该步之后的实时修改，而不是丢弃：训练到达每项修改当初所在的步时会再次应用它。</translation>
    </message>
    <message>
        <source>Live edits kept by the last rewind. Each is applied again when training reaches the step it was made at; rewinding without keeping the branch drops them.</source>
        <translation>上次回退时保留的实时修改。训练到达每项修改当初所在的步时会再次应用它；回退时若不保留分支，这些修改将被丢弃。</translation>
    </message>
    <message>
        <source>Scrub the history plots back to a step.</source>
        <translation>把历史图表拖回到某一步。</translation>
    </message>
    <message>
        <source>Step {step}</source>
        <translation>第 {step} 步</translation>
    </message>
    <message>
        <source>Kept edits ahead: {count}</source>
        <translation>待应用的保留修改：{count}</translation>
    </message>
    <message>
        <source>Rewind</source>
        <translation>回退</translation>
    </message>
    <message>
        <source>Go back to step {step}? The history after it is discarded.</source>
        <translation>回到第 {step} 步？之后的历史将被丢弃。</translation>
    </message>
</context>
<context>
    <name>TrainingControls</name>
    <message>
        <source>now {lr}</source>
        <translation>当前 {lr}</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Pause training (Space). The worker stops after the current step.</source>
        <translation>暂停训练（空格）。工作线程在当前步之后停止。</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Train continuously (Space) and watch the gradients of every layer change live.</source>
        <translation>连续训练（空格），实时观察每层梯度的变化。</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Take exactly one training step (F6): one forward pass, one backward pass, one update.</source>
        <translation>只进行一步训练（F6）：一次前向传播、一次反向传播、一次更新。</translation>
    </message>
    <message>
        <source>Step N</source>
        <translation>N 步</translation>
    </message>
    <message>
        <source>Take exactly N steps (F7), then pause: compare the gradients before and after.</source>
        <translation>恰好进行 N 步（F7）后暂停：比较前后的梯度。</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Re-initialize the network with the same seed (Ctrl+R): the same starting weights, so a changed setting is the only difference.</source>
        <translation>用相同种子重新初始化网络（Ctrl+R）：起始权重相同，因此更改的设置是唯一的区别。</translation>
    </message>
    <message>
        <source>How many steps Step N takes.</source>
        <translation>“N 步”走多少步。</translation>
    </message>
    <message>
        <source>Steps per frame</source>
        <translation>每帧步数</translation>
    </message>
    <message>
        <source>as fast as possible</source>
        <translation>尽可能快</translation>
    </message>
    <message>
        <source>At most this many training steps between two drawn frames. Small values slow training down so you can watch each update; &apos;as fast as possible&apos; trains at full speed.</source>
        <translation>两次绘制之间最多的训练步数。较小的值会放慢训练，便于观察每次更新；“尽可能快”则全速训练。</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Step size of every update, applied from the next step. Too large and the weights overshoot until the loss becomes NaN; too small and even healthy gradients barely move them. The arrows halve or double it.</source>
        <translation>每次更新的步长，从下一步起生效。太大则权重冲过头直到损失变为 NaN；太小则即使健康的梯度也几乎推不动权重。箭头将其减半或加倍。</translation>
    </message>
    <message>
        <source>The learning rate the schedule uses at the current step.</source>
        <translation>调度在当前步使用的学习率。</translation>
    </message>
    <message>
        <source>Gradient clipping</source>
        <translation>梯度裁剪</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>by norm</source>
        <translation>按范数</translation>
    </message>
    <message>
        <source>by value</source>
        <translation>按值</translation>
    </message>
    <message>
        <source>Limit the gradient before the update, from the next step. By norm rescales the whole gradient when its length exceeds the limit (keeps its direction): the standard cure for exploding gradients. By value clamps every element.</source>
        <translation>从下一步起在更新前限制梯度。按范数：梯度长度超过上限时缩放整个梯度（保持方向），是治疗梯度爆炸的标准方法。按值：截断每个元素。</translation>
    </message>
    <message>
        <source>The clipping limit c: an SGD step is then at most learning rate × c.</source>
        <translation>裁剪上限 c：SGD 一步最多为 学习率 × c。</translation>
    </message>
    <message>
        <source>Pause automatically</source>
        <translation>自动暂停</translation>
    </message>
    <message>
        <source>on NaN/Inf in the loss or a gradient</source>
        <translation>损失或梯度出现 NaN/Inf 时</translation>
    </message>
    <message>
        <source>Stop at the first non-finite value; the update is not applied, so the last finite weights are kept and you can lower the learning rate and continue.</source>
        <translation>在第一个非有限值处停止；该次更新不会应用，因此保留最后的有限权重，你可以降低学习率后继续。</translation>
    </message>
    <message>
        <source>at step</source>
        <translation>在第几步</translation>
    </message>
    <message>
        <source>Pause once when training reaches this step (then this box is unticked).</source>
        <translation>训练到达此步时暂停一次（随后取消勾选）。</translation>
    </message>
    <message>
        <source>when the loss falls below</source>
        <translation>当损失低于</translation>
    </message>
    <message>
        <source>Pause once when the training loss crosses below this value (then this box is unticked).</source>
        <translation>训练损失降到此值以下时暂停一次（随后取消勾选）。</translation>
    </message>
    <message>
        <source>when the diagnosis changes</source>
        <translation>当诊断变化时</translation>
    </message>
    <message>
        <source>Pause when a problem appears or disappears (vanishing, exploding, dead or saturated units), to discuss it at the moment it happens.</source>
        <translation>问题出现或消失时暂停（梯度消失、梯度爆炸、单元死亡或饱和），以便在发生的那一刻讨论。</translation>
    </message>
</context>
<context>
    <name>ValuePlot</name>
    <message>
        <source>f − f_min (log)</source>
        <translation>f − f_min（对数）</translation>
    </message>
    <message>
        <source>f − lowest value reached (log)</source>
        <translation>f − 到达的最低值（对数）</translation>
    </message>
    <message>
        <source>Value against step</source>
        <translation>数值随步数变化</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>How far each optimizer is above the minimum, on a log scale: a straight falling line is linear convergence (a constant factor per step), and its slope is the rate. Gradient descent on a ravine falls slowly; momentum falls about √κ times faster.</source>
        <translation>每个优化器高出极小值多少（对数刻度）：一条下降的直线即线性收敛（每步一个常数因子），其斜率就是收敛速率。在峡谷上梯度下降下降缓慢；动量约快 √κ 倍。</translation>
    </message>
</context>
<context>
    <name>WeightStatsPanel</name>
    <message>
        <source>Log scale</source>
        <extracomment>what the curves last drew (see :func:`same_inputs`); None = draw on the next frame the layers drawn (0-based) and curves[stat][k] for layer ``layers[k]``</extracomment>
        <translation>对数刻度</translation>
    </message>
    <message>
        <source>Logarithmic axes: layers whose values differ by orders of magnitude stay readable, and a ratio creeping down by factors of ten (a layer that stops learning) is visible. Exact zeros are drawn on the floor line marked 0.</source>
        <translation>对数坐标轴：数值相差几个数量级的层依然可读，按十倍逐渐下降的比值（停止学习的层）也能看到。恰为零的值画在标有 0 的底线上。</translation>
    </message>
    <message>
        <source>Lock axes</source>
        <translation>锁定坐标轴</translation>
    </message>
    <message>
        <source>Freeze the current view so that shrinking values are seen against a fixed reference.</source>
        <translation>冻结当前视图，使变小的数值对照固定参照来观察。</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>‖W‖</source>
        <translation>‖W‖</translation>
    </message>
    <message>
        <source>Weight norm</source>
        <translation>权重范数</translation>
    </message>
    <message>
        <source>Update / weight</source>
        <translation>更新 / 权重</translation>
    </message>
    <message>
        <source>‖ΔW‖ / ‖W‖</source>
        <translation>‖ΔW‖ / ‖W‖</translation>
    </message>
    <message>
        <source>Frobenius norm of each layer&apos;s weight matrix. Norms that keep growing feed exploding activations and gradients; norms that do not move belong to layers that do not learn.</source>
        <translation>每层权重矩阵的 Frobenius 范数。持续增长的范数会导致激活和梯度爆炸；不变的范数属于不学习的层。</translation>
    </message>
    <message>
        <source>How much one update changes each layer, relative to its size. About 10⁻³ is a common rule of thumb. Far below: the layer hardly learns (vanishing gradient, a learning rate too small, float16 updates rounding to zero). Far above: training is unstable.</source>
        <translation>一次更新相对于层大小改变该层多少。约 10⁻³ 是常用的经验值。远低于此：该层几乎不学习（梯度消失、学习率太小、float16 更新被舍入为零）。远高于此：训练不稳定。</translation>
    </message>
    <message>
        <source>10⁻³ rule of thumb</source>
        <translation>10⁻³ 经验值</translation>
    </message>
    <message>
        <source>exactly 0 (underflow)</source>
        <translation>恰为 0（下溢）</translation>
    </message>
    <message>
        <source>layer {layer}</source>
        <translation>第 {layer} 层</translation>
    </message>
    <message>
        <source>No statistics yet: they are measured every few training steps.</source>
        <translation>尚无统计：每隔几步训练测量一次。</translation>
    </message>
    <message>
        <source>Showing {shown} of {depth} layers, evenly spaced; colour runs from layer 1 (blue) to layer {depth} (orange).</source>
        <translation>显示 {depth} 层中均匀选取的 {shown} 层；颜色从第 1 层（蓝）渐变到第 {depth} 层（橙）。</translation>
    </message>
    <message>
        <source>{depth} layers: colour runs from layer 1 (blue) to layer {depth} (orange).</source>
        <translation>{depth} 层：颜色从第 1 层（蓝）渐变到第 {depth} 层（橙）。</translation>
    </message>
</context>
</TS>
