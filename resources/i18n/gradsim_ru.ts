<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>ActivationLab</name>
    <message>
        <source>layer {n}: {activation}, {width} units</source>
        <translation>Слой {n}: {activation}, нейронов: {width}</translation>
    </message>
    <message>
        <source>This network has no hidden layer.</source>
        <translation>В этой сети нет скрытых слоёв.</translation>
    </message>
    <message>
        <source>Train a few steps to see where this layer&apos;s pre-activations sit on f′.</source>
        <translation>Сделайте несколько шагов, чтобы увидеть, где на f′ лежат предактивации слоя.</translation>
    </message>
    <message>
        <source>No pre-activations recorded yet for this layer.</source>
        <translation>Предактивации этого слоя ещё не записаны.</translation>
    </message>
    <message>
        <source>, f′ = 0 exactly for {zero:.0%} (no gradient at all: dead for ReLU)</source>
        <translation>, f′ = 0 ровно для {zero:.0%} (градиента нет совсем: «мёртвые» ReLU)</translation>
    </message>
    <message>
        <source>Measuring {seeds} networks…</source>
        <translation>Измеряем сетей: {seeds}…</translation>
    </message>
    <message>
        <source>No hidden layers: nothing to propagate.</source>
        <translation>Нет скрытых слоёв: распространять нечего.</translation>
    </message>
    <message>
        <source>Too large to measure here ({gflop:.0f} GFLOP for {seeds} networks): theory only.</source>
        <translation>Слишком велико для измерения ({gflop:.0f} GFLOP на {seeds} сетей): только теория.</translation>
    </message>
    <message>
        <source>The measurement failed: {error}</source>
        <translation>Измерение не удалось: {error}</translation>
    </message>
    <message>
        <source>{activation}: f and f′</source>
        <translation>{activation}: f и f′</translation>
    </message>
    <message>
        <source>Step {step}: f′ &lt; {flat_limit} for {flat:.0%} of this layer&apos;s pre-activations (grey)</source>
        <translation>Шаг {step}: f′ &lt; {flat_limit} для {flat:.0%} предактиваций слоя (серое)</translation>
    </message>
    <message>
        <source>At initialization, variance ratio per layer: measured {median:.3g} ({low:.3g} to {high:.3g} over {seeds} networks)</source>
        <translation>При инициализации отношение дисперсий на слой: измерено {median:.3g} (от {low:.3g} до {high:.3g} по {seeds} сетям)</translation>
    </message>
    <message>
        <source>gradient std input/top {value:.3g}</source>
        <translation>СКО градиента вход/верх {value:.3g}</translation>
    </message>
    <message>
        <source>theory {value:.3g}</source>
        <translation>теория {value:.3g}</translation>
    </message>
    <message>
        <source>no theory for constant, zero or identity weights (they are not random)</source>
        <translation>для постоянных, нулевых и единичных весов теории нет (они не случайны)</translation>
    </message>
    <message>
        <source>no closed-form theory for maxout (a maximum of several Gaussians)</source>
        <translation>для maxout нет теории в замкнутой форме (максимум нескольких гауссовых величин)</translation>
    </message>
    <message>
        <source>no hidden layers</source>
        <translation>нет скрытых слоёв</translation>
    </message>
    <message>
        <source>The hidden layer whose activation and pre-activations are shown.</source>
        <translation>Скрытый слой, чья функция активации и предактивации показаны.</translation>
    </message>
    <message>
        <source>pre-activation h</source>
        <translation>предактивация h</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>измерено</translation>
    </message>
    <message>
        <source>Blue: the activation f. Dashed: its derivative f′, the factor every gradient is multiplied by on its way back through this layer. Grey: where the layer&apos;s inputs are now. Inputs where f′ ≈ 0 (a saturated sigmoid or tanh) or f′ = 0 (a ReLU below 0) pass no gradient back.</source>
        <translation>Синим: функция активации f. Пунктиром: её производная f′ — множитель, на который умножается каждый градиент на обратном пути через слой. Серым: где сейчас входы слоя. Входы, где f′ ≈ 0 (насыщенная сигмоида или tanh) или f′ = 0 (ReLU ниже 0), не пропускают градиент назад.</translation>
    </message>
    <message>
        <source>activation std</source>
        <translation>σ активаций</translation>
    </message>
    <message>
        <source>gradient std</source>
        <translation>σ градиента</translation>
    </message>
    <message>
        <source>singular values</source>
        <translation>сингулярные числа</translation>
    </message>
    <message>
        <source>layer (0 = input)</source>
        <translation>слой (0 = вход)</translation>
    </message>
    <message>
        <source>index</source>
        <translation>номер</translation>
    </message>
    <message>
        <source>theory</source>
        <translation>теория</translation>
    </message>
    <message>
        <source>Measured: {seeds} networks with this config&apos;s depth, widths, activations and initializer, each fed one standard-normal batch of {batch} samples (as wide as the first layer); a standard-normal gradient is backpropagated from the last hidden layer. Line: median; band: minimum to maximum over the networks (one network varies a lot).

Dashed: the mean-field theory behind Xavier and He init. It assumes infinitely wide layers, independent zero-mean weights and Gaussian pre-activations: E[z²] = n·Var(W)·E[a²] per layer. He init (Var(W) = 2/n) keeps a ReLU net&apos;s E[a²], so the ratio per layer is 1; Xavier (Var(W) = 1/n for square layers) halves it; N(0, s²) weights in a linear net scale the std by s·√n per layer, (s²n)^(L/2) after L layers; tanh with Xavier gain 5/3 settles at a fixed point. It ignores BatchNorm&apos;s coupling of the batch (which makes deep BatchNorm nets&apos; gradients grow toward the input at initialization) and treats residual branches as independent of their skip.</source>
        <translation>Измерено: {seeds} сетей с глубиной, ширинами, активациями и инициализацией этой конфигурации; на каждую подаётся один стандартно-нормальный пакет из {batch} примеров (ширина как у первого слоя); от последнего скрытого слоя распространяется назад стандартно-нормальный градиент. Линия: медиана; полоса: от минимума до максимума по сетям (одна сеть сильно варьирует).

Пунктир: теория среднего поля, на которой основаны инициализации Xavier и He. Она предполагает бесконечно широкие слои, независимые веса с нулевым средним и гауссовы предактивации: E[z²] = n·Var(W)·E[a²] на слой. Инициализация He (Var(W) = 2/n) сохраняет E[a²] ReLU-сети, так что отношение на слой равно 1; Xavier (Var(W) = 1/n для квадратных слоёв) уменьшает его вдвое; веса N(0, s²) в линейной сети умножают СКО на s·√n на слой, (s²n)^(L/2) после L слоёв; tanh с коэффициентом Xavier 5/3 выходит на неподвижную точку. Теория не учитывает связь примеров пакета через пакетную нормализацию (из-за неё при инициализации градиенты глубоких сетей с BatchNorm растут к входу) и считает остаточные ветви независимыми от обходных связей.</translation>
    </message>
    <message>
        <source>Grey in the plot: where this layer&apos;s pre-activations are at the latest step (peak scaled to 1; values beyond the range are counted in the end bins). Where f′ is below {flat_limit} a unit passes almost no gradient back; where it is exactly 0 (a ReLU below 0), none.</source>
        <translation>Серое на графике: где предактивации этого слоя находятся на последнем шаге (пик приведён к 1; значения за пределами диапазона учтены в крайних столбцах). Где f′ меньше {flat_limit}, нейрон почти не пропускает градиент назад; где f′ ровно 0 (ReLU ниже 0) — не пропускает вовсе.</translation>
    </message>
    <message>
        <source>Singular values of the input-output Jacobian of the hidden stack at one input, median and band over the networks. Orthogonal init with linear layers keeps them all at exactly 1 whatever the depth (Saxe et al. 2014): no direction of the signal or of the gradient vanishes or explodes. Gaussian init spreads them more with every layer. Not shown for networks with normalization layers.</source>
        <translation>Сингулярные числа якобиана «вход-выход» стека скрытых слоёв в одной точке: медиана и полоса по сетям. Ортогональная инициализация с линейными слоями держит их все ровно равными 1 при любой глубине (Saxe et al. 2014): ни одно направление сигнала или градиента не затухает и не взрывается. Гауссова инициализация с каждым слоем разбрасывает их сильнее. Для сетей со слоями нормализации не показывается.</translation>
    </message>
</context>
<context>
    <name>AnalyticLandscape</name>
    <message>
        <source>Surface</source>
        <translation>Поверхность</translation>
    </message>
    <message>
        <source>Race</source>
        <translation>Гонка</translation>
    </message>
    <message>
        <source>Show at each optimizer</source>
        <translation>Показать у каждого оптимизатора</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>Шагов:</translation>
    </message>
    <message>
        <source>Gradient noise σ:</source>
        <translation>Шум градиента σ:</translation>
    </message>
    <message>
        <source>Noise seed:</source>
        <translation>Сид шума:</translation>
    </message>
    <message>
        <source>How many steps every optimizer takes. Long races are computed in the background while the beginning already plays.</source>
        <translation>Сколько шагов делает каждый оптимизатор. Длинные гонки считаются в фоне, пока начало уже воспроизводится.</translation>
    </message>
    <message>
        <source>Standard deviation of Gaussian noise added to every gradient, as mini-batches do in stochastic gradient descent. Noise lets plain descent escape a saddle it would otherwise sit on forever. Every optimizer gets the same noise.</source>
        <translation>СКО гауссова шума, добавляемого к каждому градиенту, как мини-пакеты в стохастическом градиентном спуске. Шум позволяет обычному спуску уйти с седловой точки, на которой он иначе застрял бы навсегда. Все оптимизаторы получают одинаковый шум.</translation>
    </message>
    <message>
        <source>Seed of the gradient noise: the same seed gives the same race.</source>
        <translation>Сид шума градиента: тот же сид — та же гонка.</translation>
    </message>
    <message>
        <source>Downhill direction −∇f</source>
        <translation>Направление спуска −∇f</translation>
    </message>
    <message>
        <source>A grey arrow from each optimizer along −∇f, the way plain gradient descent steps. On a ravine it points across the valley, not along it: that is the zig-zag. Its length grows with the slope (capped to fit the view).</source>
        <translation>Серая стрелка от каждого оптимизатора вдоль −∇f — так шагает обычный градиентный спуск. В овраге она направлена поперёк долины, а не вдоль: отсюда зигзаг. Длина растёт с крутизной (ограничена видом).</translation>
    </message>
    <message>
        <source>Velocity (momentum)</source>
        <translation>Скорость (импульс)</translation>
    </message>
    <message>
        <source>A dashed arrow along the optimizer&apos;s velocity (momentum buffer; Adam&apos;s first moment), on the same scale as the gradient arrow. Momentum accumulates velocity: it speeds along the ravine&apos;s floor and damps the zig-zag across it.</source>
        <translation>Пунктирная стрелка вдоль скорости оптимизатора (буфер импульса; первый момент Adam) в том же масштабе, что и стрелка градиента. Импульс накапливает скорость: ускоряется вдоль дна оврага и гасит зигзаг поперёк.</translation>
    </message>
    <message>
        <source>Per-coordinate step</source>
        <translation>Шаг по координатам</translation>
    </message>
    <message>
        <source>The next step split into its x and y parts (magnified, factor below the plot). Adaptive methods (Adam, RMSprop, Adagrad) divide each coordinate by its own gradient history, so both parts are about lr whatever the slope: good on plateaus, bad when the valley runs diagonally.</source>
        <translation>Следующий шаг, разложенный на части по x и y (увеличено, множитель под графиком). Адаптивные методы (Adam, RMSprop, Adagrad) делят каждую координату на собственную историю градиента, поэтому обе части около lr при любой крутизне: хорошо на плато, плохо, когда долина идёт по диагонали.</translation>
    </message>
    <message>
        <source>Clipping events</source>
        <translation>Срабатывания обрезки</translation>
    </message>
    <message>
        <source>✕ on the path where gradient clipping shortened the gradient. On the cliff, the clipped optimizer stays near the wall while the unclipped one is thrown far away.</source>
        <translation>✕ на пути там, где обрезка градиента укоротила градиент. На обрыве оптимизатор с обрезкой остаётся у стенки, а без неё его отбрасывает далеко.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Шаг</translation>
    </message>
    <message>
        <source>Advance every optimizer by one step.</source>
        <translation>Продвинуть каждый оптимизатор на один шаг.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Сброс</translation>
    </message>
    <message>
        <source>Back to step 0, at the start point.</source>
        <translation>Назад к шагу 0, в начальную точку.</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>Скорость:</translation>
    </message>
    <message>
        <source>Steps shown per second: slow to watch each step, fast for long races.</source>
        <translation>Шагов в секунду: медленно — чтобы видеть каждый шаг, быстро — для длинных гонок.</translation>
    </message>
    <message>
        <source>The full race is being computed.</source>
        <translation>Вычисляется вся гонка.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Пуск</translation>
    </message>
    <message>
        <source>Play or pause the race: every optimizer moves one step at a time.</source>
        <translation>Запустить или приостановить гонку: каждый оптимизатор делает по одному шагу.</translation>
    </message>
    <message>
        <source>{n} steps/s</source>
        <translation>{n} шаг/с</translation>
    </message>
    <message>
        <source>step {i} / {n}</source>
        <translation>шаг {i} / {n}</translation>
    </message>
    <message>
        <source>Start ({x}, {y}): click the surface or drag ⊕.</source>
        <translation>Старт ({x}, {y}): щёлкните по поверхности или перетащите ⊕.</translation>
    </message>
    <message>
        <source>Per-coordinate steps drawn ×{m}.</source>
        <translation>Шаги по координатам увеличены ×{m}.</translation>
    </message>
    <message>
        <source>no OpenGL context</source>
        <translation>нет контекста OpenGL</translation>
    </message>
    <message>
        <source>3-D view unavailable: {reason}</source>
        <translation>3D-вид недоступен: {reason}</translation>
    </message>
    <message>
        <source>steps × optimizers must be at most {limit}; use fewer steps.</source>
        <translation>шаги × оптимизаторы — не больше {limit}; уменьшите число шагов.</translation>
    </message>
    <message>
        <source>Racers</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Результаты</translation>
    </message>
    <message>
        <source>Surface and race</source>
        <translation>Поверхность и гонка</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <source>cannot lock {path}</source>
        <translation>не удаётся заблокировать {path}</translation>
    </message>
    <message>
        <source>Autosave failed</source>
        <translation>Автосохранение не удалось</translation>
    </message>
    <message>
        <source>gradsim could not save a recovery copy of this session:

{reason}

If gradsim stops unexpectedly, the changes since your last save could be lost. Autosave tries again every {minutes} minutes and the status bar shows while it keeps failing; File &gt; Save session keeps your work now.</source>
        <translation>gradsim не удалось сохранить резервную копию этого сеанса:

{reason}

Если gradsim неожиданно завершится, изменения после последнего сохранения могут быть потеряны. Автосохранение повторяет попытку каждые {minutes} мин., а строка состояния показывает, пока сбой продолжается; «Файл &gt; Сохранить сеанс» сохранит вашу работу прямо сейчас.</translation>
    </message>
    <message>
        <source>Recover unsaved session</source>
        <translation>Восстановить несохранённый сеанс</translation>
    </message>
    <message>
        <source>gradsim did not exit cleanly last time. An automatic save of the unsaved session exists. Recover it?</source>
        <translation>В прошлый раз gradsim завершился некорректно. Есть автосохранение несохранённого сеанса. Восстановить его?</translation>
    </message>
    <message>
        <source>Cannot recover the session</source>
        <translation>Не удаётся восстановить сеанс</translation>
    </message>
</context>
<context>
    <name>BuilderPanel</name>
    <message>
        <source>enter a number</source>
        <translation>введите число</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a number</source>
        <translation>«{text}» — не число</translation>
    </message>
    <message>
        <source>Apply configuration</source>
        <translation>Применить конфигурацию</translation>
    </message>
    <message>
        <source>Change {setting}</source>
        <translation>Изменить: {setting}</translation>
    </message>
    <message>
        <source>Choose {kind} for {setting}</source>
        <translation>Выбрать {kind} для: {setting}</translation>
    </message>
    <message>
        <source>Add layer</source>
        <translation>Добавить слой</translation>
    </message>
    <message>
        <source>Remove layer</source>
        <translation>Удалить слой</translation>
    </message>
    <message>
        <source>Duplicate layer</source>
        <translation>Дублировать слой</translation>
    </message>
    <message>
        <source>Move layer up</source>
        <translation>Слой вверх</translation>
    </message>
    <message>
        <source>Move layer down</source>
        <translation>Слой вниз</translation>
    </message>
    <message>
        <source>Apply width to all layers</source>
        <translation>Ширину — всем слоям</translation>
    </message>
    <message>
        <source>Apply activation to all layers</source>
        <translation>Функцию активации — всем слоям</translation>
    </message>
    <message>
        <source>Apply normalization to all layers</source>
        <translation>Нормализацию — всем слоям</translation>
    </message>
    <message>
        <source>Load CSV data</source>
        <translation>Загрузить данные CSV</translation>
    </message>
    <message>
        <source>Ready to train.</source>
        <translation>Готово к обучению.</translation>
    </message>
    <message>
        <source>{count} setting(s) to fix before training: see the marked fields.</source>
        <translation>Исправьте настройки перед обучением ({count}): см. отмеченные поля.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Данные</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Слои</translation>
    </message>
    <message>
        <source>Initialization</source>
        <translation>Инициализация</translation>
    </message>
    <message>
        <source>Loss, optimizer and learning rate</source>
        <translation>Потери, оптимизатор и скорость обучения</translation>
    </message>
    <message>
        <source>Regularization and gradient clipping</source>
        <translation>Регуляризация и обрезка градиента</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Обучение</translation>
    </message>
    <message>
        <source>The loaded config gives some layers their own initializers; choosing one here applies it to every layer.</source>
        <translation>В загруженной конфигурации у некоторых слоёв своя инициализация; выбор здесь применит её ко всем слоям.</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>сигмоида</translation>
    </message>
    <message>
        <source>σ(x) = 1/(1 + e^−x). Its derivative is at most 1/4, so every sigmoid layer shrinks the gradient at least 4×: the classic cause of vanishing gradients in deep nets.</source>
        <translation>σ(x) = 1/(1 + e^−x). Её производная не больше 1/4, поэтому каждый сигмоидный слой уменьшает градиент минимум в 4 раза: классическая причина затухающего градиента в глубоких сетях.</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>tanh(x) = 2σ(2x) − 1: zero-centred, derivative at most 1 (at 0). For |x| &gt; 2 it saturates and the gradient through it vanishes.</source>
        <translation>tanh(x) = 2σ(2x) − 1: центрирована в нуле, производная не больше 1 (в 0). При |x| &gt; 2 насыщается, и градиент через неё затухает.</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>max(0, x): derivative exactly 1 for x &gt; 0 (the gradient is not shrunk) and exactly 0 for x &lt; 0: a unit that is negative on every input is dead and never learns again.</source>
        <translation>max(0, x): производная ровно 1 при x &gt; 0 (градиент не уменьшается) и ровно 0 при x &lt; 0: нейрон, отрицательный на всех входах, «мёртв» и больше не обучается.</translation>
    </message>
    <message>
        <source>leaky ReLU</source>
        <translation>leaky ReLU</translation>
    </message>
    <message>
        <source>max(x, a·x): a small slope a below 0 keeps some gradient flowing, so units cannot die.</source>
        <translation>max(x, a·x): малый наклон a ниже 0 пропускает часть градиента, и нейроны не могут умереть.</translation>
    </message>
    <message>
        <source>PReLU</source>
        <translation>PReLU</translation>
    </message>
    <message>
        <source>Leaky ReLU whose negative slope is learned per unit (He et al. 2015).</source>
        <translation>Leaky ReLU с обучаемым для каждого нейрона отрицательным наклоном (He et al. 2015).</translation>
    </message>
    <message>
        <source>ELU</source>
        <translation>ELU</translation>
    </message>
    <message>
        <source>x above 0, α(e^x − 1) below: smooth, negative outputs pull the mean toward 0, and the gradient is never exactly 0.</source>
        <translation>x выше 0, α(e^x − 1) ниже: гладкая, отрицательные выходы тянут среднее к 0, а градиент никогда не равен ровно 0.</translation>
    </message>
    <message>
        <source>SELU</source>
        <translation>SELU</translation>
    </message>
    <message>
        <source>Scaled ELU whose constants keep mean 0 and variance 1 from layer to layer with LeCun normal init (self-normalizing networks, Klambauer et al. 2017).</source>
        <translation>Масштабированная ELU, чьи константы с нормальной инициализацией LeCun сохраняют среднее 0 и дисперсию 1 от слоя к слою (самонормализующиеся сети, Klambauer et al. 2017).</translation>
    </message>
    <message>
        <source>softplus</source>
        <translation>softplus</translation>
    </message>
    <message>
        <source>log(1 + e^x), a smooth ReLU: its derivative σ(x) is never exactly 0 but small for negative inputs.</source>
        <translation>log(1 + e^x), гладкая ReLU: её производная σ(x) никогда не равна ровно 0, но мала для отрицательных входов.</translation>
    </message>
    <message>
        <source>GELU</source>
        <translation>GELU</translation>
    </message>
    <message>
        <source>x·Φ(x) (Hendrycks &amp; Gimpel 2016): a smooth ReLU used in transformers.</source>
        <translation>x·Φ(x) (Hendrycks &amp; Gimpel 2016): гладкая ReLU, используемая в трансформерах.</translation>
    </message>
    <message>
        <source>SiLU / swish</source>
        <translation>SiLU / swish</translation>
    </message>
    <message>
        <source>x·σ(x) (Ramachandran et al. 2017): smooth and non-monotonic near 0.</source>
        <translation>x·σ(x) (Ramachandran et al. 2017): гладкая и немонотонная около 0.</translation>
    </message>
    <message>
        <source>noisy ReLU</source>
        <translation>зашумлённая ReLU</translation>
    </message>
    <message>
        <source>ReLU of x plus Gaussian noise at training time (Nair &amp; Hinton 2010): the noise moves units across 0, so fewer of them stay dead.</source>
        <translation>ReLU от x плюс гауссов шум при обучении (Nair &amp; Hinton 2010): шум переводит нейроны через 0, и меньше из них остаются «мёртвыми».</translation>
    </message>
    <message>
        <source>maxout</source>
        <translation>maxout</translation>
    </message>
    <message>
        <source>The maximum of k linear pieces per unit (Goodfellow et al. 2013): the gradient flows to the winning piece, so it is never 0 for all of them.</source>
        <translation>Максимум из k линейных частей на нейрон (Goodfellow et al. 2013): градиент идёт к победившей части, поэтому не бывает нулевым для всех.</translation>
    </message>
    <message>
        <source>Mish</source>
        <translation>Mish</translation>
    </message>
    <message>
        <source>x·tanh(softplus(x)) (Misra 2019): smooth and non-monotonic.</source>
        <translation>x·tanh(softplus(x)) (Misra 2019): гладкая и немонотонная.</translation>
    </message>
    <message>
        <source>sine</source>
        <translation>синус</translation>
    </message>
    <message>
        <source>sin(x): bounded but periodic, so it never saturates for good (derivative cos x).</source>
        <translation>sin(x): ограничена, но периодична, поэтому не насыщается навсегда (производная cos x).</translation>
    </message>
    <message>
        <source>linear (identity)</source>
        <translation>линейная (тождественная)</translation>
    </message>
    <message>
        <source>No non-linearity: a deep linear net multiplies its weight matrices, so the signal and the gradient scale like the product of their sizes (0.9^20 = 0.12, 1.1^20 = 6.7).</source>
        <translation>Без нелинейности: глубокая линейная сеть перемножает матрицы весов, и сигнал с градиентом масштабируются как произведение их величин (0.9^20 = 0.12, 1.1^20 = 6.7).</translation>
    </message>
    <message>
        <source>slope</source>
        <translation>наклон</translation>
    </message>
    <message>
        <source>Slope below 0. At 0 this is a ReLU (units can die); 0.01 is common. He init should use the same slope.</source>
        <translation>Наклон ниже 0. При 0 это ReLU (нейроны могут умереть); обычно 0.01. Инициализация He должна использовать тот же наклон.</translation>
    </message>
    <message>
        <source>slope₀</source>
        <translation>наклон₀</translation>
    </message>
    <message>
        <source>Initial negative slope of every unit (learned afterwards).</source>
        <translation>Начальный отрицательный наклон каждого нейрона (затем обучается).</translation>
    </message>
    <message>
        <source>α</source>
        <translation>α</translation>
    </message>
    <message>
        <source>The value ELU approaches for very negative inputs (−α).</source>
        <translation>Значение, к которому ELU стремится при сильно отрицательных входах (−α).</translation>
    </message>
    <message>
        <source>σ</source>
        <translation>σ</translation>
    </message>
    <message>
        <source>Standard deviation of the noise added at training time.</source>
        <translation>СКО шума, добавляемого при обучении.</translation>
    </message>
    <message>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <source>Linear pieces per unit (at least 2): the layer&apos;s weight matrix is k times wider.</source>
        <translation>Линейных частей на нейрон (не меньше 2): матрица весов слоя в k раз шире.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>No normalization: the signal&apos;s scale depends on the weights alone.</source>
        <translation>Без нормализации: масштаб сигнала зависит только от весов.</translation>
    </message>
    <message>
        <source>BatchNorm</source>
        <translation>BatchNorm</translation>
    </message>
    <message>
        <source>Normalizes every unit over the batch to mean 0, variance 1 (then a learned scale and shift), so the activations keep their scale whatever the weights (Ioffe &amp; Szegedy 2015).</source>
        <translation>Нормализует каждый нейрон по пакету к среднему 0 и дисперсии 1 (затем обучаемые масштаб и сдвиг), так что активации сохраняют масштаб при любых весах (Ioffe &amp; Szegedy 2015).</translation>
    </message>
    <message>
        <source>LayerNorm</source>
        <translation>LayerNorm</translation>
    </message>
    <message>
        <source>Normalizes every sample over the layer&apos;s units (Ba et al. 2016): like BatchNorm, but independent of the batch size.</source>
        <translation>Нормализует каждый пример по нейронам слоя (Ba et al. 2016): как пакетная нормализация, но не зависит от размера пакета.</translation>
    </message>
    <message>
        <source>zeros</source>
        <translation>нули</translation>
    </message>
    <message>
        <source>Every weight 0: all units of a layer compute the same thing and get the same gradient, so they never become different (and a ReLU net gets no gradient at all).</source>
        <translation>Все веса 0: все нейроны слоя вычисляют одно и то же и получают одинаковый градиент, поэтому никогда не становятся разными (а ReLU-сеть не получает градиента вовсе).</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>константа</translation>
    </message>
    <message>
        <source>Every weight equal: like zeros, the units of a layer stay identical.</source>
        <translation>Все веса равны: как и с нулями, нейроны слоя остаются одинаковыми.</translation>
    </message>
    <message>
        <source>normal N(0, std²)</source>
        <translation>нормальное N(0, std²)</translation>
    </message>
    <message>
        <source>The same std for every layer whatever its width: with n inputs a linear layer multiplies the signal&apos;s std by std·√n, so with depth it vanishes or explodes unless std ≈ 1/√n.</source>
        <translation>Одно std для всех слоёв при любой ширине: при n входах линейный слой умножает СКО сигнала на std·√n, поэтому с глубиной сигнал затухает или взрывается, если только std ≈ 1/√n.</translation>
    </message>
    <message>
        <source>uniform U(−a, a)</source>
        <translation>равномерное U(−a, a)</translation>
    </message>
    <message>
        <source>Var(W) = a²/3. The old &apos;standard&apos; a = 1/√n gives n·Var(W) = 1/3: the signal shrinks ×0.577 per linear layer (Glorot &amp; Bengio 2010).</source>
        <translation>Var(W) = a²/3. Старое «стандартное» a = 1/√n даёт n·Var(W) = 1/3: сигнал сжимается ×0.577 на каждом линейном слое (Glorot &amp; Bengio 2010).</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>единичная</translation>
    </message>
    <message>
        <source>W = scale·I: each layer passes its input through unchanged at the start (units beyond the smaller width get nothing).</source>
        <translation>W = scale·I: в начале каждый слой передаёт вход без изменений (нейроны сверх меньшей ширины ничего не получают).</translation>
    </message>
    <message>
        <source>Xavier/Glorot normal</source>
        <translation>Xavier/Glorot нормальная</translation>
    </message>
    <message>
        <source>Var(W) = gain²·2/(n_in + n_out) (Glorot &amp; Bengio 2010): keeps the variance of linear and tanh layers (use gain 5/3 for tanh). With ReLU it halves the variance at every layer: use He init there.</source>
        <translation>Var(W) = gain²·2/(n_in + n_out) (Glorot &amp; Bengio 2010): сохраняет дисперсию линейных и tanh-слоёв (для tanh коэффициент 5/3). С ReLU дисперсия на каждом слое уменьшается вдвое: там используйте He.</translation>
    </message>
    <message>
        <source>Xavier/Glorot uniform</source>
        <translation>Xavier/Glorot равномерная</translation>
    </message>
    <message>
        <source>Uniform with bound gain·√(6/(n_in + n_out)), the same variance as Xavier normal: right for tanh (gain 5/3), halves ReLU activations&apos; variance at every layer.</source>
        <translation>Равномерное с границей gain·√(6/(n_in + n_out)), дисперсия как у нормальной Xavier: подходит для tanh (коэффициент 5/3), но вдвое уменьшает дисперсию активаций ReLU на каждом слое.</translation>
    </message>
    <message>
        <source>He/Kaiming normal</source>
        <translation>He/Kaiming нормальная</translation>
    </message>
    <message>
        <source>Var(W) = 2/((1 + slope²)·n_in) (He et al. 2015): keeps ReLU activations&apos; variance constant across layers; with Xavier it would halve at each layer.</source>
        <translation>Var(W) = 2/((1 + slope²)·n_in) (He et al. 2015): сохраняет дисперсию активаций ReLU от слоя к слою; с Xavier она бы уменьшалась вдвое на каждом слое.</translation>
    </message>
    <message>
        <source>He/Kaiming uniform</source>
        <translation>He/Kaiming равномерная</translation>
    </message>
    <message>
        <source>Uniform with the He variance 2/((1 + slope²)·n_in): keeps ReLU activations&apos; variance constant across layers.</source>
        <translation>Равномерное с дисперсией He 2/((1 + slope²)·n_in): сохраняет дисперсию активаций ReLU от слоя к слою.</translation>
    </message>
    <message>
        <source>LeCun normal</source>
        <translation>LeCun нормальная</translation>
    </message>
    <message>
        <source>Var(W) = 1/n_in: the initialization SELU&apos;s self-normalization assumes.</source>
        <translation>Var(W) = 1/n_in: инициализация, на которую рассчитана самонормализация SELU.</translation>
    </message>
    <message>
        <source>orthogonal</source>
        <translation>ортогональная</translation>
    </message>
    <message>
        <source>W = gain·Q with Q a random orthogonal matrix (Saxe et al. 2014): a deep linear net keeps every singular value of its input-output map at 1, so no direction vanishes or explodes.</source>
        <translation>W = gain·Q, где Q — случайная ортогональная матрица (Saxe et al. 2014): глубокая линейная сеть сохраняет все сингулярные числа отображения «вход-выход» равными 1, ни одно направление не затухает и не взрывается.</translation>
    </message>
    <message>
        <source>value</source>
        <translation>значение</translation>
    </message>
    <message>
        <source>The value of every weight.</source>
        <translation>Значение каждого веса.</translation>
    </message>
    <message>
        <source>std</source>
        <translation>std</translation>
    </message>
    <message>
        <source>Standard deviation of every weight. The signal keeps its scale through a linear layer of n inputs only if std ≈ 1/√n.</source>
        <translation>СКО каждого веса. Сигнал сохраняет масштаб через линейный слой с n входами, только если std ≈ 1/√n.</translation>
    </message>
    <message>
        <source>a</source>
        <translation>a</translation>
    </message>
    <message>
        <source>Half-width of the interval: weights are drawn from U(−a, a).</source>
        <translation>Полуширина интервала: веса берутся из U(−a, a).</translation>
    </message>
    <message>
        <source>scale</source>
        <translation>масштаб</translation>
    </message>
    <message>
        <source>W = scale·I: a linear net of L layers multiplies its input by scale^L.</source>
        <translation>W = scale·I: линейная сеть из L слоёв умножает вход на scale^L.</translation>
    </message>
    <message>
        <source>gain</source>
        <translation>коэффициент</translation>
    </message>
    <message>
        <source>Multiplies the weights&apos; std: 1 for linear layers, 5/3 ≈ 1.667 for tanh, √2 for ReLU.</source>
        <translation>Умножает СКО весов: 1 для линейных слоёв, 5/3 ≈ 1.667 для tanh, √2 для ReLU.</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>режим</translation>
    </message>
    <message>
        <source>fan_in keeps the forward signal&apos;s variance; fan_out keeps the backward gradient&apos;s.</source>
        <translation>fan_in сохраняет дисперсию прямого сигнала; fan_out — обратного градиента.</translation>
    </message>
    <message>
        <source>The negative slope of the leaky ReLU that follows (0 for ReLU).</source>
        <translation>Отрицательный наклон следующей за слоем leaky ReLU (0 для ReLU).</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>автоматически</translation>
    </message>
    <message>
        <source>Cross-entropy for classification, squared error for regression.</source>
        <translation>Перекрёстная энтропия для классификации, квадратичная ошибка для регрессии.</translation>
    </message>
    <message>
        <source>mean squared error</source>
        <translation>среднеквадратичная ошибка</translation>
    </message>
    <message>
        <source>On a sigmoid output its gradient carries σ&apos;(z) ≤ 1/4, which vanishes when the output saturates: a wrong, confident prediction learns slowly.</source>
        <translation>На сигмоидном выходе её градиент содержит σ&apos;(z) ≤ 1/4, который затухает при насыщении выхода: уверенный ошибочный прогноз обучается медленно.</translation>
    </message>
    <message>
        <source>binary cross-entropy</source>
        <translation>бинарная перекрёстная энтропия</translation>
    </message>
    <message>
        <source>For two classes: its gradient on the logit is p − y, so a confident wrong answer gets a large gradient.</source>
        <translation>Для двух классов: градиент по логиту равен p − y, поэтому уверенный неверный ответ получает большой градиент.</translation>
    </message>
    <message>
        <source>softmax cross-entropy</source>
        <translation>перекрёстная энтропия softmax</translation>
    </message>
    <message>
        <source>For several classes: gradient p − onehot(y) on the logits.</source>
        <translation>Для нескольких классов: градиент p − onehot(y) по логитам.</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>θ ← θ − lr·g: the step is proportional to the gradient, so a vanishing gradient means a layer that does not learn and an exploding one a step off a cliff.</source>
        <translation>θ ← θ − lr·g: шаг пропорционален градиенту, поэтому затухающий градиент означает слой, который не учится, а взрывающийся — шаг с обрыва.</translation>
    </message>
    <message>
        <source>SGD + momentum</source>
        <translation>SGD + импульс</translation>
    </message>
    <message>
        <source>Accumulates a velocity b ← μb + g: faster along ravines, overshoots on cliffs.</source>
        <translation>Накапливает скорость b ← μb + g: быстрее вдоль оврагов, проскакивает на обрывах.</translation>
    </message>
    <message>
        <source>SGD + Nesterov</source>
        <translation>SGD + Нестеров</translation>
    </message>
    <message>
        <source>Momentum with a look-ahead correction (g + μb).</source>
        <translation>Импульс с поправкой «взгляд вперёд» (g + μb).</translation>
    </message>
    <message>
        <source>Adagrad</source>
        <translation>Adagrad</translation>
    </message>
    <message>
        <source>Divides by the root of the summed squared gradients: small gradients get large steps, but the steps shrink for ever.</source>
        <translation>Делит на корень из суммы квадратов градиентов: малые градиенты получают большие шаги, но шаги сокращаются навсегда.</translation>
    </message>
    <message>
        <source>RMSprop</source>
        <translation>RMSprop</translation>
    </message>
    <message>
        <source>Divides by a running RMS of the gradient, so every layer moves at a similar speed even when its gradient is tiny (no bias correction: first step ≈ 10·lr).</source>
        <translation>Делит на скользящее RMS градиента, поэтому все слои движутся с похожей скоростью, даже когда градиент крошечный (без коррекции смещения: первый шаг ≈ 10·lr).</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>Momentum divided by a running RMS of the gradient: steps of about lr whatever the gradient&apos;s scale, which hides vanishing gradients (and ignores clipping).</source>
        <translation>Импульс, делённый на скользящее RMS градиента: шаги около lr при любом масштабе градиента, что скрывает затухающий градиент (и игнорирует обрезку).</translation>
    </message>
    <message>
        <source>AdamW</source>
        <translation>AdamW</translation>
    </message>
    <message>
        <source>Adam with weight decay applied directly to the weights.</source>
        <translation>Adam с затуханием весов, применяемым прямо к весам.</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>скорость обучения</translation>
    </message>
    <message>
        <source>Step size. Too large and the loss explodes (on a quadratic, beyond 2/λmax); too small and layers with small gradients barely move.</source>
        <translation>Размер шага. Слишком большой — потери взрываются (на квадратичной функции выше 2/λmax); слишком малый — слои с малым градиентом почти не движутся.</translation>
    </message>
    <message>
        <source>momentum μ</source>
        <translation>импульс μ</translation>
    </message>
    <message>
        <source>How much of the previous step is kept, in [0, 1): steps grow up to 1/(1 − μ)×.</source>
        <translation>Какая доля предыдущего шага сохраняется, в [0, 1): шаги растут до 1/(1 − μ)×.</translation>
    </message>
    <message>
        <source>dampening</source>
        <translation>демпфирование</translation>
    </message>
    <message>
        <source>Scales the new gradient in the velocity by (1 − dampening).</source>
        <translation>Умножает новый градиент в скорости на (1 − dampening).</translation>
    </message>
    <message>
        <source>Nesterov</source>
        <translation>Нестеров</translation>
    </message>
    <message>
        <source>Use Nesterov&apos;s look-ahead (needs momentum &gt; 0 and dampening 0).</source>
        <translation>Использовать «взгляд вперёд» Нестерова (нужны импульс &gt; 0 и демпфирование 0).</translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation>затухание весов</translation>
    </message>
    <message>
        <source>Pulls every weight toward 0 at each step (L2 penalty).</source>
        <translation>Тянет каждый вес к 0 на каждом шаге (штраф L2).</translation>
    </message>
    <message>
        <source>lr decay</source>
        <translation>затухание lr</translation>
    </message>
    <message>
        <source>Adagrad&apos;s rate becomes lr/(1 + (t − 1)·decay).</source>
        <translation>Скорость Adagrad становится lr/(1 + (t − 1)·decay).</translation>
    </message>
    <message>
        <source>initial sum</source>
        <translation>начальная сумма</translation>
    </message>
    <message>
        <source>Starting value of Adagrad&apos;s sum of squared gradients.</source>
        <translation>Начальное значение суммы квадратов градиентов Adagrad.</translation>
    </message>
    <message>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <source>Added to the denominator: where the gradient is far below ε the adaptive step shrinks back toward an SGD step.</source>
        <translation>Прибавляется к знаменателю: где градиент намного меньше ε, адаптивный шаг сжимается обратно к шагу SGD.</translation>
    </message>
    <message>
        <source>α (smoothing)</source>
        <translation>α (сглаживание)</translation>
    </message>
    <message>
        <source>Decay of RMSprop&apos;s running mean of squared gradients.</source>
        <translation>Затухание скользящего среднего квадратов градиента в RMSprop.</translation>
    </message>
    <message>
        <source>centered</source>
        <translation>центрированный</translation>
    </message>
    <message>
        <source>Divide by the gradient&apos;s running variance instead of its mean square.</source>
        <translation>Делить на скользящую дисперсию градиента вместо его среднего квадрата.</translation>
    </message>
    <message>
        <source>β1, β2</source>
        <translation>β1, β2</translation>
    </message>
    <message>
        <source>Decays of the running mean and mean square of the gradient, each in [0, 1). A step is at most lr·(1 − β1)/√(1 − β2) ≈ 3.16·lr with the defaults.</source>
        <translation>Затухания скользящего среднего и среднего квадрата градиента, каждое в [0, 1). Шаг не больше lr·(1 − β1)/√(1 − β2) ≈ 3.16·lr при значениях по умолчанию.</translation>
    </message>
    <message>
        <source>AMSGrad</source>
        <translation>AMSGrad</translation>
    </message>
    <message>
        <source>Use the maximum of past mean squares, so steps never grow back.</source>
        <translation>Брать максимум прошлых средних квадратов, чтобы шаги никогда не росли снова.</translation>
    </message>
    <message>
        <source>The same learning rate at every step (after the warmup).</source>
        <translation>Одна и та же скорость обучения на каждом шаге (после разогрева).</translation>
    </message>
    <message>
        <source>step decay</source>
        <translation>ступенчатое затухание</translation>
    </message>
    <message>
        <source>Multiply the rate by γ every &apos;step size&apos; steps.</source>
        <translation>Умножать скорость на γ каждые «шаг затухания» шагов.</translation>
    </message>
    <message>
        <source>exponential decay</source>
        <translation>экспоненциальное затухание</translation>
    </message>
    <message>
        <source>Multiply the rate by γ at every step.</source>
        <translation>Умножать скорость на γ на каждом шаге.</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>косинус</translation>
    </message>
    <message>
        <source>Half a cosine from the rate down to its minimum over T steps.</source>
        <translation>Половина косинуса от начальной скорости до минимума за T шагов.</translation>
    </message>
    <message>
        <source>warmup steps</source>
        <translation>шаги разогрева</translation>
    </message>
    <message>
        <source>Ramp the rate up linearly over these first steps: large early gradients (e.g. with Adam or no normalization) then cannot throw the weights far.</source>
        <translation>Линейно поднимать скорость на этих первых шагах: тогда большие ранние градиенты (например, с Adam или без нормализации) не отбросят веса далеко.</translation>
    </message>
    <message>
        <source>step size</source>
        <translation>шаг затухания</translation>
    </message>
    <message>
        <source>Steps between two decays.</source>
        <translation>Шагов между двумя затуханиями.</translation>
    </message>
    <message>
        <source>γ</source>
        <translation>γ</translation>
    </message>
    <message>
        <source>Decay factor, in (0, 1].</source>
        <translation>Коэффициент затухания, в (0, 1].</translation>
    </message>
    <message>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <source>Steps of the half cosine (the rate climbs back after that).</source>
        <translation>Шагов половины косинуса (после этого скорость снова растёт).</translation>
    </message>
    <message>
        <source>minimum rate</source>
        <translation>минимальная скорость</translation>
    </message>
    <message>
        <source>The rate at the bottom of the cosine.</source>
        <translation>Скорость в нижней точке косинуса.</translation>
    </message>
    <message>
        <source>No clipping: an exploding gradient gives an equally huge step.</source>
        <translation>Без обрезки: взрывающийся градиент даёт столь же огромный шаг.</translation>
    </message>
    <message>
        <source>by norm</source>
        <translation>по норме</translation>
    </message>
    <message>
        <source>If the whole gradient&apos;s norm exceeds the limit c, rescale it to c (Pascanu et al. 2013): same direction, and an SGD step is at most lr·c.</source>
        <translation>Если норма всего градиента превышает предел c, она масштабируется до c (Pascanu et al. 2013): направление то же, а шаг SGD не больше lr·c.</translation>
    </message>
    <message>
        <source>by value</source>
        <translation>по значению</translation>
    </message>
    <message>
        <source>Clamp every gradient element to [−c, c]: bounded, but the direction changes.</source>
        <translation>Ограничить каждый элемент градиента отрезком [−c, c]: ограничено, но направление меняется.</translation>
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
        <translation>круги</translation>
    </message>
    <message>
        <source>A disc inside a ring (2D, two classes).</source>
        <translation>Диск внутри кольца (2D, два класса).</translation>
    </message>
    <message>
        <source>XOR</source>
        <translation>XOR</translation>
    </message>
    <message>
        <source>Four quadrants, opposite ones share a class (2D).</source>
        <translation>Четыре квадранта, противоположные — одного класса (2D).</translation>
    </message>
    <message>
        <source>Gaussian blobs</source>
        <translation>гауссовы облака</translation>
    </message>
    <message>
        <source>One Gaussian blob per class (2D).</source>
        <translation>По одному гауссову облаку на класс (2D).</translation>
    </message>
    <message>
        <source>spiral</source>
        <translation>спираль</translation>
    </message>
    <message>
        <source>Interleaved spiral arms (2D): needs depth.</source>
        <translation>Переплетённые рукава спирали (2D): нужна глубина.</translation>
    </message>
    <message>
        <source>two moons</source>
        <translation>две луны</translation>
    </message>
    <message>
        <source>Two interleaved half circles (2D).</source>
        <translation>Два переплетённых полукруга (2D).</translation>
    </message>
    <message>
        <source>sine (regression)</source>
        <translation>синус (регрессия)</translation>
    </message>
    <message>
        <source>Fit y = sin(x) (1D regression).</source>
        <translation>Приблизить y = sin(x) (регрессия 1D).</translation>
    </message>
    <message>
        <source>plane (regression)</source>
        <translation>плоскость (регрессия)</translation>
    </message>
    <message>
        <source>Fit a tilted plane (2D regression).</source>
        <translation>Приблизить наклонную плоскость (регрессия 2D).</translation>
    </message>
    <message>
        <source>teacher network</source>
        <translation>сеть-учитель</translation>
    </message>
    <message>
        <source>Labels from a random network on many input dimensions.</source>
        <translation>Метки от случайной сети с большим числом входов.</translation>
    </message>
    <message>
        <source>Gaussian mixture</source>
        <translation>гауссова смесь</translation>
    </message>
    <message>
        <source>Several classes of Gaussian clusters in many dimensions.</source>
        <translation>Несколько классов из гауссовых кластеров во многих измерениях.</translation>
    </message>
    <message>
        <source>digits 8×8</source>
        <translation>цифры 8×8</translation>
    </message>
    <message>
        <source>Handwritten digits, 64 pixels, 10 classes (needs scikit-learn).</source>
        <translation>Рукописные цифры, 64 пикселя, 10 классов (нужен scikit-learn).</translation>
    </message>
    <message>
        <source>CSV file…</source>
        <translation>Файл CSV…</translation>
    </message>
    <message>
        <source>Your own data from a CSV file.</source>
        <translation>Ваши данные из файла CSV.</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>примеры</translation>
    </message>
    <message>
        <source>Number of points generated (train and test together).</source>
        <translation>Число сгенерированных точек (обучение и тест вместе).</translation>
    </message>
    <message>
        <source>noise</source>
        <translation>шум</translation>
    </message>
    <message>
        <source>Jitter of the points, from 0 (separable) to 1.</source>
        <translation>Разброс точек, от 0 (разделимы) до 1.</translation>
    </message>
    <message>
        <source>test split</source>
        <translation>доля теста</translation>
    </message>
    <message>
        <source>Share of the points held out to measure generalization (0 to 0.9).</source>
        <translation>Доля точек, отложенных для оценки обобщения (от 0 до 0.9).</translation>
    </message>
    <message>
        <source>data seed</source>
        <translation>сид данных</translation>
    </message>
    <message>
        <source>The same seed always generates the same points.</source>
        <translation>Один и тот же сид всегда даёт те же точки.</translation>
    </message>
    <message>
        <source>classes</source>
        <translation>классы</translation>
    </message>
    <message>
        <source>Number of classes.</source>
        <translation>Число классов.</translation>
    </message>
    <message>
        <source>periods</source>
        <translation>периоды</translation>
    </message>
    <message>
        <source>Periods of the sine over the input range.</source>
        <translation>Периодов синуса на диапазоне входа.</translation>
    </message>
    <message>
        <source>input dimensions</source>
        <translation>размерность входа</translation>
    </message>
    <message>
        <source>Number of input features.</source>
        <translation>Число входных признаков.</translation>
    </message>
    <message>
        <source>teacher width</source>
        <translation>ширина учителя</translation>
    </message>
    <message>
        <source>Hidden units of the random teacher network.</source>
        <translation>Скрытых нейронов в случайной сети-учителе.</translation>
    </message>
    <message>
        <source>task</source>
        <translation>задача</translation>
    </message>
    <message>
        <source>What to predict: classes or numbers.</source>
        <translation>Что предсказывать: классы или числа.</translation>
    </message>
    <message>
        <source>outputs</source>
        <translation>выходы</translation>
    </message>
    <message>
        <source>Number of regression targets.</source>
        <translation>Число целевых величин регрессии.</translation>
    </message>
    <message>
        <source>clusters per class</source>
        <translation>кластеров на класс</translation>
    </message>
    <message>
        <source>Gaussian clusters making up each class.</source>
        <translation>Гауссовы кластеры, составляющие каждый класс.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>файл</translation>
    </message>
    <message>
        <source>The CSV file the data come from.</source>
        <translation>Файл CSV, из которого взяты данные.</translation>
    </message>
    <message>
        <source>target column</source>
        <translation>целевой столбец</translation>
    </message>
    <message>
        <source>Column name or index (−1 = last column) holding the labels.</source>
        <translation>Имя или номер столбца с метками (−1 = последний столбец).</translation>
    </message>
    <message>
        <source>standardize inputs</source>
        <translation>стандартизировать входы</translation>
    </message>
    <message>
        <source>Scale every feature to mean 0 and std 1 (from the training rows): badly scaled inputs make the first layer&apos;s gradients badly scaled too.</source>
        <translation>Привести каждый признак к среднему 0 и СКО 1 (по обучающим строкам): плохо масштабированные входы плохо масштабируют и градиенты первого слоя.</translation>
    </message>
    <message>
        <source>header row</source>
        <translation>строка заголовка</translation>
    </message>
    <message>
        <source>Whether the first row holds column names (auto: when none of its cells is a number).</source>
        <translation>Содержит ли первая строка имена столбцов (авто: если ни одна её ячейка не число).</translation>
    </message>
    <message>
        <source>binary</source>
        <translation>бинарная</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>регрессия</translation>
    </message>
    <message>
        <source>multiclass</source>
        <translation>многоклассовая</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>авто</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
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
        <translation>остаток через</translation>
    </message>
    <message>
        <source>Add a skip connection around every k layers (0 = off): the gradient then has a path that bypasses the layers, so it cannot vanish through them (He et al. 2016).</source>
        <translation>Обходная связь вокруг каждых k слоёв (0 = выкл.): у градиента появляется путь в обход слоёв, и он не может в них затухнуть (He et al. 2016).</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>потери</translation>
    </message>
    <message>
        <source>The function whose gradient starts backpropagation. Cross-entropy pairs with a sigmoid or softmax output so the output&apos;s saturation does not kill the gradient.</source>
        <translation>Функция, с градиента которой начинается обратное распространение. Перекрёстная энтропия в паре с сигмоидным или softmax-выходом не даёт насыщению выхода убить градиент.</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>размер пакета</translation>
    </message>
    <message>
        <source>Samples per step (0 = the full training set). Smaller batches give noisier gradients, which helps escape saddle points; BatchNorm needs more than one sample.</source>
        <translation>Примеров на шаг (0 = вся обучающая выборка). Меньшие пакеты дают более шумные градиенты, что помогает уйти с седловых точек; BatchNorm нужно больше одного примера.</translation>
    </message>
    <message>
        <source>training seed</source>
        <translation>сид обучения</translation>
    </message>
    <message>
        <source>Seeds the initial weights and the batch order: the same seed replays the same run; another shows how much one initialization varies.</source>
        <translation>Задаёт начальные веса и порядок пакетов: тот же сид повторяет тот же запуск; другой показывает, как сильно меняется одна инициализация.</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>точность</translation>
    </message>
    <message>
        <source>Number format of weights and gradients. In float16 a gradient below ~6e-8 becomes exactly 0: vanishing gradients underflow for real.</source>
        <translation>Числовой формат весов и градиентов. Во float16 градиент меньше ~6e-8 становится ровно 0: затухающий градиент действительно исчезает.</translation>
    </message>
    <message>
        <source>L1</source>
        <translation>L1</translation>
    </message>
    <message>
        <source>Adds l1·Σ|w| to the loss: pushes small weights to exactly 0.</source>
        <translation>Добавляет l1·Σ|w| к потерям: доводит малые веса ровно до 0.</translation>
    </message>
    <message>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <source>Adds l2/2·Σw² to the loss: shrinks all weights toward 0.</source>
        <translation>Добавляет l2/2·Σw² к потерям: сжимает все веса к 0.</translation>
    </message>
    <message>
        <source>gradient clipping</source>
        <translation>обрезка градиента</translation>
    </message>
    <message>
        <source>Bounds the gradient before the step, so one exploding gradient (a cliff in the loss) cannot throw the weights far away.</source>
        <translation>Ограничивает градиент перед шагом, чтобы один взрывающийся градиент (обрыв на функции потерь) не отбросил веса далеко.</translation>
    </message>
    <message>
        <source>limit c</source>
        <translation>предел c</translation>
    </message>
    <message>
        <source>The clipping limit, a positive number.</source>
        <translation>Предел обрезки, положительное число.</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>веса</translation>
    </message>
    <message>
        <source>How the weights start. The variance of the weights decides whether the signal and the gradient keep their size through many layers: He for ReLU, Xavier for tanh.</source>
        <translation>Как инициализируются веса. Дисперсия весов решает, сохранят ли сигнал и градиент свою величину через много слоёв: He для ReLU, Xavier для tanh.</translation>
    </message>
    <message>
        <source>biases</source>
        <translation>смещения</translation>
    </message>
    <message>
        <source>How the biases start, usually 0. A small positive constant keeps ReLU units alive at the start.</source>
        <translation>Как инициализируются смещения, обычно 0. Малая положительная константа сохраняет нейроны ReLU живыми в начале.</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>оптимизатор</translation>
    </message>
    <message>
        <source>The rule that turns gradients into weight updates.</source>
        <translation>Правило, превращающее градиенты в обновления весов.</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>расписание</translation>
    </message>
    <message>
        <source>How the learning rate changes during training.</source>
        <translation>Как меняется скорость обучения во время обучения.</translation>
    </message>
    <message>
        <source>dataset</source>
        <translation>набор данных</translation>
    </message>
    <message>
        <source>The data the network learns.</source>
        <translation>Данные, на которых учится сеть.</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Файлы CSV (*.csv *.txt);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Could not load {name}: {error}</source>
        <translation>Не удалось загрузить {name}: {error}</translation>
    </message>
    <message>
        <source>{train} training points, {test} test · {task}</source>
        <translation>{train} обуч. + {test} тест · {task}</translation>
    </message>
    <message>
        <source>{train} training points, {test} test · {task} · first 2 principal components of {dim}</source>
        <translation>{train} обуч. + {test} тест · {task} · 2 главные компоненты из {dim}</translation>
    </message>
    <message>
        <source>Load CSV…</source>
        <translation>Загрузить CSV…</translation>
    </message>
    <message>
        <source>Train on your own data: a CSV file with numeric feature columns and a target column. Problems in the file are named here, with the line.</source>
        <translation>Обучение на своих данных: файл CSV с числовыми столбцами признаков и целевым столбцом. Ошибки в файле называются здесь, с номером строки.</translation>
    </message>
    <message>
        <source>The training points, coloured by class (or by target value for regression).</source>
        <translation>Обучающие точки, раскрашенные по классу (для регрессии — по целевому значению).</translation>
    </message>
    <message>
        <source>This activation has no parameter.</source>
        <translation>У этой функции активации нет параметра.</translation>
    </message>
    <message>
        <source>Units in this layer. Narrow layers make vanishing gradients worse: with sigmoid and N(0, 1) weights each layer multiplies the gradient by about 0.094·√width.</source>
        <translation>Нейронов в слое. Узкие слои усиливают затухание градиента: с сигмоидой и весами N(0, 1) каждый слой умножает градиент примерно на 0.094·√width.</translation>
    </message>
    <message>
        <source>width</source>
        <translation>ширина</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>активация</translation>
    </message>
    <message>
        <source>parameter</source>
        <translation>параметр</translation>
    </message>
    <message>
        <source>normalization</source>
        <translation>нормализация</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Add a layer after the selected one (a copy of it). Depth is what makes gradients vanish or explode: each layer multiplies them once more.</source>
        <translation>Добавить слой после выбранного (его копию). Именно глубина заставляет градиенты затухать или взрываться: каждый слой умножает их ещё раз.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Remove the selected layer.</source>
        <translation>Удалить выбранный слой.</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Дублировать</translation>
    </message>
    <message>
        <source>Insert a copy of the selected layer after it.</source>
        <translation>Вставить копию выбранного слоя после него.</translation>
    </message>
    <message>
        <source>Move the selected layer one place toward the input.</source>
        <translation>Сдвинуть выбранный слой на одну позицию к входу.</translation>
    </message>
    <message>
        <source>Move the selected layer one place toward the output.</source>
        <translation>Сдвинуть выбранный слой на одну позицию к выходу.</translation>
    </message>
    <message>
        <source>Apply to all</source>
        <translation>Применить ко всем</translation>
    </message>
    <message>
        <source>Copy the selected layer&apos;s width, activation or normalization to every layer.</source>
        <translation>Скопировать ширину, активацию или нормализацию выбранного слоя во все слои.</translation>
    </message>
    <message>
        <source>Width of the selected layer to all layers</source>
        <translation>Ширину выбранного слоя — всем слоям</translation>
    </message>
    <message>
        <source>Activation of the selected layer to all layers</source>
        <translation>Активацию выбранного слоя — всем слоям</translation>
    </message>
    <message>
        <source>Normalization of the selected layer to all layers</source>
        <translation>Нормализацию выбранного слоя — всем слоям</translation>
    </message>
    <message>
        <source>The hidden layers, from the input (top) to the output (bottom). Click a row to select it.</source>
        <translation>Скрытые слои, от входа (сверху) к выходу (снизу). Щёлкните строку, чтобы выбрать её.</translation>
    </message>
</context>
<context>
    <name>Comparison</name>
    <message>
        <source>&amp;Compare…</source>
        <translation>&amp;Сравнить…</translation>
    </message>
    <message>
        <source>Train 2 to 4 variants of this network side by side, differing in one setting</source>
        <translation>Обучить рядом от 2 до 4 вариантов этой сети, различающихся одной настройкой</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Сравнение</translation>
    </message>
    <message>
        <source>Compare with a saved session</source>
        <translation>Сравнить с сохранённым сеансом</translation>
    </message>
    <message>
        <source>Compare variants</source>
        <translation>Сравнить варианты</translation>
    </message>
    <message>
        <source>Train 2 to {most} copies of the current network side by side, in lockstep, that differ in one setting only: same data, same seed (unless the seed is what varies).</source>
        <translation>Обучить рядом и синхронно от 2 до {most} копий текущей сети, различающихся только одной настройкой: те же данные, то же зерно (если меняется не само зерно).</translation>
    </message>
    <message>
        <source>Vary:</source>
        <translation>Менять:</translation>
    </message>
    <message>
        <source>Values (comma-separated):</source>
        <translation>Значения (через запятую):</translation>
    </message>
    <message>
        <source>Clipping: &apos;none&apos; turns it off; a number is the maximum gradient norm.</source>
        <translation>Обрезка: &apos;none&apos; выключает её; число — максимальная норма градиента.</translation>
    </message>
    <message>
        <source>Add a saved session…</source>
        <translation>Добавить сохранённый сеанс…</translation>
    </message>
    <message>
        <source>Loss (mini-batch, per step)</source>
        <translation>Потери (мини-батч, каждый шаг)</translation>
    </message>
    <message>
        <source>step</source>
        <translation>шаг</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>потери</translation>
    </message>
    <message>
        <source>Accuracy (training set)</source>
        <translation>Точность (обучающая выборка)</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>точность</translation>
    </message>
    <message>
        <source>Initialization</source>
        <translation>Инициализация</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>Функция активации</translation>
    </message>
    <message>
        <source>Normalization</source>
        <translation>Нормализация</translation>
    </message>
    <message>
        <source>Residual connections (every k layers, 0 = off)</source>
        <translation>Остаточные связи (каждые k слоёв, 0 = выкл.)</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Оптимизатор</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Скорость обучения</translation>
    </message>
    <message>
        <source>Gradient clipping (max norm)</source>
        <translation>Обрезка градиента (макс. норма)</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Точность вычислений</translation>
    </message>
    <message>
        <source>Training seed</source>
        <translation>Зерно обучения</translation>
    </message>
    <message>
        <source>Other runs (scenarios, saved sessions)</source>
        <translation>Другие запуски (сценарии, сохранённые сеансы)</translation>
    </message>
    <message>
        <source>no clipping</source>
        <translation>без обрезки</translation>
    </message>
    <message>
        <source>norm ≤ {max}</source>
        <translation>норма ≤ {max}</translation>
    </message>
    <message>
        <source>no residuals</source>
        <translation>без остаточных связей</translation>
    </message>
    <message>
        <source>residual every {k}</source>
        <translation>остаток каждые {k}</translation>
    </message>
    <message>
        <source>seed {seed}</source>
        <translation>зерно {seed}</translation>
    </message>
    <message>
        <source>lr {lr}</source>
        <translation>скорость {lr}</translation>
    </message>
    <message>
        <source>step {step}</source>
        <extracomment>The tiles (N heatmaps or N decision surfaces, the costly part) are drawn at most this often while training runs; the curves and lines at every frame; everything on a pause.</extracomment>
        <translation>шаг {step}</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Пуск</translation>
    </message>
    <message>
        <source>Comparing: {setting}</source>
        <translation>Сравнение: {setting}</translation>
    </message>
    <message>
        <source>Step {n}</source>
        <translation>Шаг {n}</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Сброс</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Train every variant, all at the same step</source>
        <translation>Обучать все варианты, всегда на одном шаге</translation>
    </message>
    <message>
        <source>Start every variant again from step 0</source>
        <translation>Начать каждый вариант заново с шага 0</translation>
    </message>
    <message>
        <source>End the comparison and stop its training</source>
        <translation>Завершить сравнение и остановить его обучение</translation>
    </message>
    <message>
        <source>One per variant:</source>
        <translation>По одному на вариант:</translation>
    </message>
    <message>
        <source>Gradient flow</source>
        <translation>Поток градиентов</translation>
    </message>
    <message>
        <source>Decision surface</source>
        <translation>Поверхность решений</translation>
    </message>
    <message>
        <source>this run</source>
        <translation>этот запуск</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <source>The network&apos;s prediction at every point of the input plane, with the training points on top. A network whose early layers get no gradient cannot bend this boundary: with vanishing gradients it stays a nearly straight line for a long time.</source>
        <extracomment>what the surface or fit curve last drew (see :func:`same_inputs`); None = draw next frame</extracomment>
        <translation>Прогноз сети в каждой точке входной плоскости, поверх — обучающие точки. Сеть, чьи первые слои не получают градиента, не может изогнуть эту границу: при затухающем градиенте она долго остаётся почти прямой.</translation>
    </message>
    <message>
        <source>The decision surface is drawn for datasets with two inputs, and a fit plot for one input. This dataset has {inputs}.</source>
        <translation>Поверхность решений рисуется для данных с двумя входами, график приближения — для одного входа. В этих данных {inputs}.</translation>
    </message>
    <message>
        <source>{n} inputs</source>
        <translation>входов: {n}</translation>
    </message>
    <message>
        <source>another number of inputs</source>
        <translation>другое число входов</translation>
    </message>
    <message>
        <source>Fit: data and the network&apos;s prediction</source>
        <translation>Приближение: данные и прогноз сети</translation>
    </message>
    <message>
        <source>input x</source>
        <translation>вход x</translation>
    </message>
    <message>
        <source>target y</source>
        <translation>цель y</translation>
    </message>
    <message>
        <source>The network&apos;s curve is not available in this snapshot.</source>
        <translation>Кривой сети нет в этом снимке.</translation>
    </message>
    <message>
        <source>Decision surface: probability of class 1</source>
        <translation>Поверхность решений: вероятность класса 1</translation>
    </message>
    <message>
        <source>Decision surface: predicted class</source>
        <translation>Поверхность решений: предсказанный класс</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Приближение</translation>
    </message>
    <message>
        <source>Prediction over the input plane</source>
        <translation>Прогноз на входной плоскости</translation>
    </message>
    <message>
        <source>Decision surface</source>
        <translation>Поверхность решений</translation>
    </message>
    <message>
        <source>input x₁</source>
        <translation>вход x₁</translation>
    </message>
    <message>
        <source>input x₂</source>
        <translation>вход x₂</translation>
    </message>
    <message>
        <source>Black line: the decision boundary (probability 0.5).</source>
        <translation>Чёрная линия: граница решений (вероятность 0.5).</translation>
    </message>
    <message>
        <source>No decision boundary: the network predicts about {p:.2f} everywhere. A network whose early layers get no gradient often stays stuck like this.</source>
        <translation>Границы решений нет: сеть везде предсказывает около {p:.2f}. Сеть, чьи первые слои не получают градиента, часто так и застревает.</translation>
    </message>
    <message>
        <source>Colour: the predicted class; strength: the network&apos;s confidence in it (pale = unsure).</source>
        <translation>Цвет: предсказанный класс; насыщенность: уверенность сети в нём (бледный — не уверена).</translation>
    </message>
    <message>
        <source>Colour: the predicted value (blue below 0, red above); the points show the targets in the same colours, so a point that stands out is fitted badly.</source>
        <translation>Цвет: предсказанное значение (синий ниже 0, красный выше); точки показывают цели в тех же цветах, так что выделяющаяся точка приближена плохо.</translation>
    </message>
    <message>
        <source>network</source>
        <translation>сеть</translation>
    </message>
    <message>
        <source>class {k}</source>
        <translation>класс {k}</translation>
    </message>
</context>
<context>
    <name>Diagnosis</name>
    <message>
        <source>Training diverged (NaN/Inf)</source>
        <extracomment>code -&gt; (native name). Language names are shown in their own language, never translated.</extracomment>
        <translation>Обучение разошлось (NaN/Inf)</translation>
    </message>
    <message>
        <source>Exploding gradients</source>
        <translation>Взрывающийся градиент</translation>
    </message>
    <message>
        <source>Gradient underflow</source>
        <translation>Антипереполнение градиента</translation>
    </message>
    <message>
        <source>Vanishing gradients</source>
        <translation>Затухающий градиент</translation>
    </message>
    <message>
        <source>Dead ReLU units</source>
        <translation>«Мёртвые» нейроны ReLU</translation>
    </message>
    <message>
        <source>Saturated units</source>
        <translation>Насыщение нейронов</translation>
    </message>
    <message>
        <source>Symmetric units</source>
        <translation>Симметричные нейроны</translation>
    </message>
    <message>
        <source>No problem detected</source>
        <translation>Проблем не обнаружено</translation>
    </message>
    <message>
        <source>Gradients reach every layer with a usable size; no dead or saturated layer.</source>
        <translation>Градиенты доходят до каждого слоя в пригодной величине; нет «мёртвых» или насыщенных слоёв.</translation>
    </message>
    <message>
        <source>Ready to train</source>
        <translation>Готово к обучению</translation>
    </message>
    <message>
        <source>Press Play to train, or Step to take one step. The diagnosis appears here as soon as there is evidence.</source>
        <translation>Нажмите «Пуск», чтобы обучать, или «Шаг», чтобы сделать один шаг. Диагноз появится здесь, как только будут данные.</translation>
    </message>
    <message>
        <source>the loss</source>
        <translation>функция потерь</translation>
    </message>
    <message>
        <source>the output layer&apos;s gradient</source>
        <translation>градиент выходного слоя</translation>
    </message>
    <message>
        <source>the gradient of layer {layer}</source>
        <translation>градиент слоя {layer}</translation>
    </message>
    <message>
        <source>the output layer</source>
        <translation>выходной слой</translation>
    </message>
    <message>
        <source>layer {number}</source>
        <translation>слой {number}</translation>
    </message>
    <message>
        <source>layers {numbers}</source>
        <translation>слои {numbers}</translation>
    </message>
    <message>
        <source>{layers} and the output layer</source>
        <translation>{layers} и выходной слой</translation>
    </message>
    <message>
        <source>{where} became {value} at step {step}.</source>
        <extracomment>The smallest positive number of each storage precision (subnormals included).</extracomment>
        <translation>{where}: на шаге {step} значение стало {value}.</translation>
    </message>
    <message>
        <source>On the way forward, the values first became NaN/Inf in layer {layer}.</source>
        <translation>При прямом проходе значения впервые стали NaN/Inf в слое {layer}.</translation>
    </message>
    <message>
        <source>On the way forward, the values first became NaN/Inf in the output layer.</source>
        <translation>При прямом проходе значения впервые стали NaN/Inf в выходном слое.</translation>
    </message>
    <message>
        <source>Every layer&apos;s values were still finite: the loss itself overflowed.</source>
        <translation>Значения всех слоёв ещё были конечными: переполнилась сама функция потерь.</translation>
    </message>
    <message>
        <source>The update was not applied: the weights are still the last finite ones, so you can lower the learning rate or turn on clipping and continue.</source>
        <translation>Обновление не применено: веса остались последними конечными, поэтому можно снизить скорость обучения или включить обрезку и продолжить.</translation>
    </message>
    <message>
        <source>The update was not applied, but the gradient left its usual range at step {onset}: the weights have grown since, and a lower learning rate from here diverges again. Rewind to step {rewind_to}, the last checkpoint before that, then lower the learning rate or turn on clipping.</source>
        <translation>Обновление не применено, но градиент вышел из обычного диапазона ещё на шаге {onset}: с тех пор веса выросли, и с меньшей скоростью обучения отсюда обучение снова разойдётся. Вернитесь к шагу {rewind_to}, последней контрольной точке до этого, затем снизьте скорость обучения или включите обрезку.</translation>
    </message>
    <message>
        <source>The update was not applied and the gradient was in its usual range until this step: lower the learning rate or turn on clipping and continue, or rewind to step {rewind_to}, the last checkpoint before it.</source>
        <translation>Обновление не применено, а градиент до этого шага был в обычном диапазоне: снизьте скорость обучения или включите обрезку и продолжайте либо вернитесь к шагу {rewind_to}, последней контрольной точке до него.</translation>
    </message>
    <message>
        <source>In {precision}, {zeros} of the {entries} weight-gradient entries of {layers} are exactly 0, every entry of {all_zero}: a number below {smallest} is stored as 0, so these weights do not learn at all.</source>
        <translation>В формате {precision} ровно 0 равны {zeros} из {entries} элементов градиента весов — {layers}, все элементы — {all_zero}: число меньше {smallest} хранится как 0, поэтому эти веса совсем не обучаются.</translation>
    </message>
    <message>
        <source>In {precision}, {zeros} of the {entries} weight-gradient entries of {layers} are exactly 0: a number below {smallest} is stored as 0, so these weights do not learn.</source>
        <translation>В формате {precision} ровно 0 равны {zeros} из {entries} элементов градиента весов — {layers}: число меньше {smallest} хранится как 0, поэтому эти веса не обучаются.</translation>
    </message>
    <message>
        <source>The total gradient norm grew {growth}× within {steps} steps: every step is larger than the last, and the weights are thrown far away.</source>
        <translation>Полная норма градиента выросла в {growth}× за {steps} шагов: каждый шаг больше предыдущего, и веса отбрасывает далеко.</translation>
    </message>
    <message>
        <source>Layer {layer}&apos;s gradient is {ratio}× layer {ref_layer}&apos;s: the gradient is multiplied by a factor above 1 in every layer on its way back to the input.</source>
        <translation>Градиент слоя {layer} в {ratio}× больше, чем у слоя {ref_layer}: на пути назад к входу градиент в каждом слое умножается на множитель больше 1.</translation>
    </message>
    <message>
        <source>Layer {layer}&apos;s gradient is only {ratio} of layer {ref_layer}&apos;s (median of the last steps): each layer shrinks the gradient on its way back, so the first layers barely learn.</source>
        <translation>Градиент слоя {layer} — лишь {ratio} от градиента слоя {ref_layer} (медиана последних шагов): каждый слой уменьшает градиент на обратном пути, и первые слои почти не учатся.</translation>
    </message>
    <message>
        <source>{percent}% of the units of layer {layer} output 0 for every sample: no gradient flows through them, so they never recover.</source>
        <translation>{percent}% нейронов слоя {layer} выдают 0 на каждом примере: градиент через них не проходит, и они никогда не восстановятся.</translation>
    </message>
    <message>
        <source>{percent}% of layer {layer}&apos;s {activation} outputs sit near a bound, where the slope f&apos; is almost 0: the gradient through them is almost 0.</source>
        <translation>{percent}% выходов {activation} слоя {layer} находятся у границы, где наклон f&apos; почти 0: градиент через них почти 0.</translation>
    </message>
    <message>
        <source>In each of {layers}, all units are identical: they get the same gradient, so they stay identical and every layer acts like a single unit.</source>
        <translation>Все нейроны в каждом слое одинаковы ({layers}): они получают одинаковый градиент, остаются одинаковыми, и каждый слой работает как один нейрон.</translation>
    </message>
    <message>
        <source>All units of layer {layer} are identical: they get the same gradient, so they stay identical and the layer acts like a single unit.</source>
        <translation>Все нейроны слоя {layer} одинаковы: они получают одинаковый градиент, остаются одинаковыми, и слой работает как один нейрон.</translation>
    </message>
    <message>
        <source>{title}: {where} at step {step}</source>
        <translation>{title}: {where}, шаг {step}</translation>
    </message>
    <message>
        <source>{title}: {layers}</source>
        <translation>{title}: {layers}</translation>
    </message>
    <message>
        <source>{title}: layer {layer} / layer {ref_layer} = {ratio}</source>
        <translation>{title}: слой {layer} / слой {ref_layer} = {ratio}</translation>
    </message>
    <message>
        <source>{title} (layer {layer})</source>
        <translation>{title} (слой {layer})</translation>
    </message>
</context>
<context>
    <name>DiagnosisBanner</name>
    <message>
        <source>What helps:</source>
        <translation>Что поможет:</translation>
    </message>
    <message>
        <source>Rewind to step {step}</source>
        <translation>Вернуться к шагу {step}</translation>
    </message>
    <message>
        <source>Also: {problems}</source>
        <translation>Также: {problems}</translation>
    </message>
    <message>
        <source>Go back to the last checkpoint before the gradient left its usual range; the history after it is discarded. Then lower the learning rate or turn on clipping and train again.</source>
        <translation>Вернуться к последней контрольной точке до выхода градиента из обычного диапазона; история после неё отбрасывается. Затем снизьте скорость обучения или включите обрезку и обучайте снова.</translation>
    </message>
    <message>
        <source>The diagnosis of the current training state, from the per-layer gradient norms and unit statistics, with the remedies the literature gives for it.</source>
        <translation>Диагноз текущего состояния обучения по нормам градиентов слоёв и статистике нейронов, со средствами, которые предлагает литература.</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>gradsim configs (*.json);;All files (*)</source>
        <translation>Конфигурации gradsim (*.json);;Все файлы (*)</translation>
    </message>
</context>
<context>
    <name>EngineError</name>
    <message>
        <source>Invalid configuration</source>
        <translation>Неверная конфигурация</translation>
    </message>
    <message>
        <source>Unusable data</source>
        <translation>Непригодные данные</translation>
    </message>
    <message>
        <source>Cannot load</source>
        <translation>Не удаётся загрузить</translation>
    </message>
    <message>
        <source>cannot vary {value!r}</source>
        <extracomment>Every English template the engine raises, marked for lupdate (context &quot;EngineError&quot;).</extracomment>
        <translation>нельзя варьировать {value!r}</translation>
    </message>
    <message>
        <source>must all differ, got {value!r}</source>
        <translation>должны все различаться, получено {value!r}</translation>
    </message>
    <message>
        <source>must be &apos;current&apos;, &apos;scenario:&lt;name&gt;&apos; or &apos;session:&lt;path&gt;&apos;, got {value!r}</source>
        <translation>должно быть &apos;current&apos;, &apos;scenario:&lt;name&gt;&apos; или &apos;session:&lt;path&gt;&apos;, получено {value!r}</translation>
    </message>
    <message>
        <source>must be a list of {low} to {high} values, got {value!r}</source>
        <translation>должно быть списком из {low}–{high} значений, получено {value!r}</translation>
    </message>
    <message>
        <source>must be a whole number &gt;= 0, got {value!r}</source>
        <translation>должно быть целым числом &gt;= 0, получено {value!r}</translation>
    </message>
    <message>
        <source>must be an object with &apos;setting&apos; and &apos;values&apos;</source>
        <translation>должно быть объектом с полями &apos;setting&apos; и &apos;values&apos;</translation>
    </message>
    <message>
        <source>must be {wanted}, got {value!r}</source>
        <translation>должно быть {wanted}, получено {value!r}</translation>
    </message>
    <message>
        <source>unknown key; allowed: setting, values</source>
        <translation>неизвестный ключ; допустимы: setting, values</translation>
    </message>
    <message>
        <source>unknown {setting} {value!r}; choose one of {allowed}</source>
        <translation>неизвестное значение {setting} {value!r}; выберите одно из: {allowed}</translation>
    </message>
    <message>
        <source>{value!r} makes an invalid config: {reason}</source>
        <translation>{value!r} даёт недопустимую конфигурацию: {reason}</translation>
    </message>
    <message>
        <source>{value!r} names another run, which the app opens</source>
        <translation>{value!r} указывает на другой запуск, который открывает приложение</translation>
    </message>
    <message>
        <source>config file not found: {path}</source>
        <translation>файл конфигурации не найден: {path}</translation>
    </message>
    <message>
        <source>cannot read {path}: {reason}</source>
        <translation>не удаётся прочитать {path}: {reason}</translation>
    </message>
    <message>
        <source>{path}: invalid JSON at line {line}, column {column}: {reason}</source>
        <translation>{path}: неверный JSON в строке {line}, столбце {column}: {reason}</translation>
    </message>
    <message>
        <source>unknown activation &apos;{value}&apos;; choose one of {allowed}</source>
        <translation>неизвестная функция активации «{value}»; выберите из: {allowed}</translation>
    </message>
    <message>
        <source>must be an integer &gt;= 2, got {value}</source>
        <translation>должно быть целым &gt;= 2, получено {value}</translation>
    </message>
    <message>
        <source>must be &gt;= 0, got {value}</source>
        <translation>должно быть &gt;= 0, получено {value}</translation>
    </message>
    <message>
        <source>unknown parameter for {act}; allowed: {allowed}</source>
        <translation>неизвестный параметр для {act}; допустимы: {allowed}</translation>
    </message>
    <message>
        <source>must be a finite number, got {value!r}</source>
        <translation>должно быть конечным числом, получено {value!r}</translation>
    </message>
    <message>
        <source>is missing; clipping needs a positive limit</source>
        <translation>отсутствует; обрезке нужен положительный предел</translation>
    </message>
    <message>
        <source>must be a JSON object, got {value}</source>
        <translation>должно быть объектом JSON, получено {value}</translation>
    </message>
    <message>
        <source>unknown loss &apos;{value}&apos;; choose auto, {allowed}</source>
        <translation>неизвестная функция потерь «{value}»; выберите auto, {allowed}</translation>
    </message>
    <message>
        <source>{loss} does not fit a {task} dataset</source>
        <translation>{loss} не подходит для данных с задачей {task}</translation>
    </message>
    <message>
        <source>must be an object, got {value!r}</source>
        <translation>должно быть объектом, получено {value!r}</translation>
    </message>
    <message>
        <source>at most {limit} layers, got {value}</source>
        <translation>не больше {limit} слоёв, получено {value}</translation>
    </message>
    <message>
        <source>must be an object like {{&quot;width&quot;: 8}}, got {value!r}</source>
        <translation>должно быть объектом вида {{&quot;width&quot;: 8}}, получено {value!r}</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>обязательно</translation>
    </message>
    <message>
        <source>unknown normalization &apos;{value}&apos;; choose one of {allowed}</source>
        <translation>неизвестная нормализация «{value}»; выберите из: {allowed}</translation>
    </message>
    <message>
        <source>{value} makes no sense for a bias</source>
        <translation>{value} не имеет смысла для смещения</translation>
    </message>
    <message>
        <source>choose one of {allowed}, got {value!r}</source>
        <translation>выберите из {allowed}, получено {value!r}</translation>
    </message>
    <message>
        <source>must be an integer, got {value!r}</source>
        <translation>должно быть целым, получено {value!r}</translation>
    </message>
    <message>
        <source>must be between {low} and {high}, got {value}</source>
        <translation>должно быть от {low} до {high}, получено {value}</translation>
    </message>
    <message>
        <source>must be &gt;= {low}, got {value}</source>
        <translation>должно быть &gt;= {low}, получено {value}</translation>
    </message>
    <message>
        <source>give either &apos;layers&apos; or &apos;depth&apos; and &apos;width&apos;, not both</source>
        <translation>укажите либо «layers», либо «depth» и «width», но не всё сразу</translation>
    </message>
    <message>
        <source>must be a list of layers, got {value!r}</source>
        <translation>должно быть списком слоёв, получено {value!r}</translation>
    </message>
    <message>
        <source>unknown setting; allowed: {allowed}</source>
        <translation>неизвестная настройка; допустимы: {allowed}</translation>
    </message>
    <message>
        <source>no column {target!r} in the file; columns: {columns}</source>
        <translation>в файле нет столбца {target!r}; столбцы: {columns}</translation>
    </message>
    <message>
        <source>{path} is {size_mb:.1f} MB; the limit is {limit_mb} MB</source>
        <translation>{path} занимает {size_mb:.1f} МБ; предел {limit_mb} МБ</translation>
    </message>
    <message>
        <source>must be one of {allowed}, got {value!r}</source>
        <translation>должно быть одним из {allowed}, получено {value!r}</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>файл пуст</translation>
    </message>
    <message>
        <source>the file has {count} data rows; at least {minimum} are needed</source>
        <translation>в файле строк данных: {count}; нужно не меньше {minimum}</translation>
    </message>
    <message>
        <source>the file needs at least one feature column besides the target</source>
        <translation>в файле нужен хотя бы один столбец признаков помимо целевого</translation>
    </message>
    <message>
        <source>line {line}: expected {expected} columns, found {actual}</source>
        <translation>строка {line}: ожидалось столбцов {expected}, найдено {actual}</translation>
    </message>
    <message>
        <source>line {line}, column {column}: missing value &apos;{cell}&apos;</source>
        <translation>строка {line}, столбец {column}: пропущенное значение «{cell}»</translation>
    </message>
    <message>
        <source>line {line}, column {column}: &apos;{cell}&apos; is not a finite number</source>
        <translation>строка {line}, столбец {column}: «{cell}» — не конечное число</translation>
    </message>
    <message>
        <source>the target column {column} has a single value; there is nothing to learn</source>
        <translation>в целевом столбце {column} одно значение; учить нечему</translation>
    </message>
    <message>
        <source>the target column {column} has {count} classes (at most {limit}); for a numeric target use task &apos;regression&apos;</source>
        <translation>в целевом столбце {column} классов: {count} (не больше {limit}); для числовой цели выберите задачу «regression»</translation>
    </message>
    <message>
        <source>task &apos;binary&apos; needs 2 classes, the target column {column} has {count}</source>
        <translation>задаче «binary» нужно 2 класса, а в целевом столбце {column} их {count}</translation>
    </message>
    <message>
        <source>file not found: {path}</source>
        <translation>файл не найден: {path}</translation>
    </message>
    <message>
        <source>{path} is not UTF-8 text (bad byte at offset {offset}); save it as UTF-8 CSV</source>
        <translation>{path} — не текст UTF-8 (неверный байт по смещению {offset}); сохраните его как CSV в UTF-8</translation>
    </message>
    <message>
        <source>line {line}: {reason}</source>
        <translation>строка {line}: {reason}</translation>
    </message>
    <message>
        <source>line {line}, column {column}: &apos;{cell}&apos; is not a number</source>
        <translation>строка {line}, столбец {column}: «{cell}» — не число</translation>
    </message>
    <message>
        <source>class &apos;{label}&apos; has only one sample (line {line}); every class needs at least 2</source>
        <translation>у класса «{label}» только один пример (строка {line}); каждому классу нужно не меньше 2</translation>
    </message>
    <message>
        <source>the file has more than {limit} cells</source>
        <translation>в файле больше {limit} ячеек</translation>
    </message>
    <message>
        <source>{key} must have shape {expected}, got {shape}</source>
        <translation>{key} должен иметь форму {expected}, получено {shape}</translation>
    </message>
    <message>
        <source>must be a column name or index (-1 is the last column), got {value!r}</source>
        <translation>должно быть именем или номером столбца (-1 — последний), получено {value!r}</translation>
    </message>
    <message>
        <source>the dataset has no {key} array</source>
        <translation>в наборе данных нет массива {key}</translation>
    </message>
    <message>
        <source>{key} must be numeric, got dtype {dtype}</source>
        <translation>{key} должен быть числовым, получен dtype {dtype}</translation>
    </message>
    <message>
        <source>{key} contains NaN or infinite values</source>
        <translation>{key} содержит NaN или бесконечные значения</translation>
    </message>
    <message>
        <source>{key} must hold integer labels, got dtype {dtype}</source>
        <translation>{key} должен содержать целые метки, получен dtype {dtype}</translation>
    </message>
    <message>
        <source>{key} labels must be in 0..{top}</source>
        <translation>метки {key} должны быть в 0..{top}</translation>
    </message>
    <message>
        <source>n_classes {value!r} does not fit a {task} dataset</source>
        <translation>n_classes {value!r} не подходит для данных с задачей {task}</translation>
    </message>
    <message>
        <source>x_train has {x} rows and y_train {y}; need equal, &gt;= 1</source>
        <translation>в x_train строк {x}, в y_train {y}; нужно поровну и &gt;= 1</translation>
    </message>
    <message>
        <source>x_test has {x} rows and y_test {y}; need equal</source>
        <translation>в x_test строк {x}, в y_test {y}; нужно поровну</translation>
    </message>
    <message>
        <source>train and test arrays have different columns</source>
        <translation>у обучающих и тестовых массивов разные столбцы</translation>
    </message>
    <message>
        <source>{what} must list {count} names</source>
        <translation>{what}: нужно перечислить имён: {count}</translation>
    </message>
    <message>
        <source>input_std must be positive</source>
        <translation>input_std должно быть положительным</translation>
    </message>
    <message>
        <source>is required: the path of a CSV file, got {value!r}</source>
        <translation>обязательно: путь к файлу CSV, получено {value!r}</translation>
    </message>
    <message>
        <source>unknown dataset kind {value!r}; choose one of {allowed}</source>
        <translation>неизвестный вид набора данных {value!r}; выберите из: {allowed}</translation>
    </message>
    <message>
        <source>is required; choose one of {allowed}</source>
        <translation>обязательно; выберите из: {allowed}</translation>
    </message>
    <message>
        <source>needs at least {minimum} samples for {classes} classes, got {value}</source>
        <translation>для {classes} классов нужно не меньше {minimum} примеров, получено {value}</translation>
    </message>
    <message>
        <source>n_samples x dim must be at most {limit}, got {value}</source>
        <translation>n_samples x dim — не больше {limit}, получено {value}</translation>
    </message>
    <message>
        <source>unknown task {task!r}; expected one of {allowed}</source>
        <translation>неизвестная задача {task!r}; ожидается одна из: {allowed}</translation>
    </message>
    <message>
        <source>{key} must hold only 0 and 1</source>
        <translation>{key} должен содержать только 0 и 1</translation>
    </message>
    <message>
        <source>unknown setting for kind {kind!r}; allowed: {allowed}</source>
        <translation>неизвестная настройка для вида {kind!r}; допустимы: {allowed}</translation>
    </message>
    <message>
        <source>digits needs scikit-learn: pip install gradsim[digits]</source>
        <translation>для digits нужен scikit-learn: pip install gradsim[digits]</translation>
    </message>
    <message>
        <source>must be an object with a &apos;kind&apos;, got {value!r}</source>
        <translation>должно быть объектом с «kind», получено {value!r}</translation>
    </message>
    <message>
        <source>unknown initializer &apos;{value}&apos;; choose one of {allowed}</source>
        <translation>неизвестная инициализация «{value}»; выберите из: {allowed}</translation>
    </message>
    <message>
        <source>must be fan_in or fan_out, got {value!r}</source>
        <translation>должно быть fan_in или fan_out, получено {value!r}</translation>
    </message>
    <message>
        <source>unknown parameter for {kind}; allowed: {allowed}</source>
        <translation>неизвестный параметр для {kind}; допустимы: {allowed}</translation>
    </message>
    <message>
        <source>must be in {interval}, got {value}</source>
        <translation>должно быть в {interval}, получено {value}</translation>
    </message>
    <message>
        <source>must be a number, got {value!r}</source>
        <translation>должно быть числом, получено {value!r}</translation>
    </message>
    <message>
        <source>must be a finite number, got {value}</source>
        <translation>должно быть конечным числом, получено {value}</translation>
    </message>
    <message>
        <source>must be zero or a positive number, got {value}</source>
        <translation>должно быть нулём или положительным числом, получено {value}</translation>
    </message>
    <message>
        <source>must be an integer &gt;= {low}, got {value}</source>
        <translation>должно быть целым &gt;= {low}, получено {value}</translation>
    </message>
    <message>
        <source>must be true or false, got {value!r}</source>
        <translation>должно быть true или false, получено {value!r}</translation>
    </message>
    <message>
        <source>must be a mapping, got {value!r}</source>
        <translation>должно быть словарём, получено {value!r}</translation>
    </message>
    <message>
        <source>is missing; allowed: {allowed}</source>
        <translation>отсутствует; допустимы: {allowed}</translation>
    </message>
    <message>
        <source>unknown kind {value!r}; allowed: {allowed}</source>
        <translation>неизвестный вид {value!r}; допустимы: {allowed}</translation>
    </message>
    <message>
        <source>must be a pair of numbers [beta1, beta2], got {value!r}</source>
        <translation>должно быть парой чисел [beta1, beta2], получено {value!r}</translation>
    </message>
    <message>
        <source>is missing from the saved optimizer state</source>
        <translation>отсутствует в сохранённом состоянии оптимизатора</translation>
    </message>
    <message>
        <source>has shape {shape}, expected {expected}</source>
        <translation>имеет форму {shape}, ожидалось {expected}</translation>
    </message>
    <message>
        <source>has an unusable type {dtype}</source>
        <translation>имеет непригодный тип {dtype}</translation>
    </message>
    <message>
        <source>must be a positive number, got {value}</source>
        <translation>должно быть положительным числом, получено {value}</translation>
    </message>
    <message>
        <source>Nesterov momentum needs momentum &gt; 0, got {value}</source>
        <translation>импульсу Нестерова нужен momentum &gt; 0, получено {value}</translation>
    </message>
    <message>
        <source>Nesterov momentum needs dampening 0, got {value}</source>
        <translation>импульсу Нестерова нужен dampening 0, получено {value}</translation>
    </message>
    <message>
        <source>is not part of this optimizer&apos;s state; expected: {expected}</source>
        <translation>не входит в состояние этого оптимизатора; ожидается: {expected}</translation>
    </message>
    <message>
        <source>train.order is not a permutation of the training set</source>
        <translation>train.order — не перестановка обучающей выборки</translation>
    </message>
    <message>
        <source>checkpoints have shape {found}, expected (n, {size})</source>
        <translation>контрольные точки имеют форму {found}, ожидалось (n, {size})</translation>
    </message>
    <message>
        <source>{name} must be a non-negative integer, got {value!r}</source>
        <translation>{name} должно быть неотрицательным целым, получено {value!r}</translation>
    </message>
    <message>
        <source>random generator {found!r} is not {expected}</source>
        <translation>генератор случайных чисел {found!r} — не {expected}</translation>
    </message>
    <message>
        <source>saved training state is inconsistent: {detail}</source>
        <translation>сохранённое состояние обучения противоречиво: {detail}</translation>
    </message>
    <message>
        <source>history {name} has {found} columns, expected {expected}</source>
        <translation>в истории {name} столбцов: {found}, ожидалось {expected}</translation>
    </message>
    <message>
        <source>array {name} is missing</source>
        <translation>нет массива {name}</translation>
    </message>
    <message>
        <source>array {name} has shape {found}, the config needs {expected}</source>
        <translation>массив {name} имеет форму {found}, конфигурации нужна {expected}</translation>
    </message>
    <message>
        <source>array {name} holds NaN or Inf</source>
        <translation>массив {name} содержит NaN или Inf</translation>
    </message>
    <message>
        <source>unknown parameter for {surface}; allowed: {allowed}</source>
        <translation>неизвестный параметр для {surface}; допустимы: {allowed}</translation>
    </message>
    <message>
        <source>must be four finite numbers xmin &lt; xmax, ymin &lt; ymax, got {value!r}</source>
        <translation>должно быть четырьмя конечными числами xmin &lt; xmax, ymin &lt; ymax, получено {value!r}</translation>
    </message>
    <message>
        <source>unknown surface {value!r}; choose one of {allowed}</source>
        <translation>неизвестная поверхность {value!r}; выберите из: {allowed}</translation>
    </message>
    <message>
        <source>must be in {interval}, got {value!r}</source>
        <translation>должно быть в {interval}, получено {value!r}</translation>
    </message>
    <message>
        <source>must be an integer &gt;= 2, got {value!r}</source>
        <translation>должно быть целым &gt;= 2, получено {value!r}</translation>
    </message>
    <message>
        <source>no parameter named {value!r}</source>
        <translation>нет параметра с именем {value!r}</translation>
    </message>
    <message>
        <source>index {value} is outside {shape}</source>
        <translation>индекс {value} вне {shape}</translation>
    </message>
    <message>
        <source>is required (see &apos;gradsim surfaces&apos;)</source>
        <translation>обязательно (см. «gradsim surfaces»)</translation>
    </message>
    <message>
        <source>must look like NAME=VALUE, got {value!r}</source>
        <translation>должно иметь вид NAME=VALUE, получено {value!r}</translation>
    </message>
    <message>
        <source>{kind} has no betas (adam and adamw have)</source>
        <translation>у {kind} нет betas (они есть у adam и adamw)</translation>
    </message>
    <message>
        <source>must be a 1-D list of finite numbers</source>
        <translation>должно быть одномерным списком конечных чисел</translation>
    </message>
    <message>
        <source>at most {limit}, got {value}</source>
        <translation>не больше {limit}, получено {value}</translation>
    </message>
    <message>
        <source>needs checkpoints that differ from the current parameters; train for a while first (the trainer keeps one every checkpoint_every steps)</source>
        <translation>нужны контрольные точки, отличные от текущих параметров; сначала поучите сеть (тренер сохраняет точку каждые checkpoint_every шагов)</translation>
    </message>
    <message>
        <source>must be a flat vector of {size} numbers, got shape {shape}</source>
        <translation>должно быть плоским вектором из {size} чисел, получена форма {shape}</translation>
    </message>
    <message>
        <source>contains NaN or infinite entries</source>
        <translation>содержит NaN или бесконечные элементы</translation>
    </message>
    <message>
        <source>must be a number or a pair, got {value!r}</source>
        <translation>должно быть числом или парой, получено {value!r}</translation>
    </message>
    <message>
        <source>must be a pair of numbers (x, y), got {value!r}</source>
        <translation>должно быть парой чисел (x, y), получено {value!r}</translation>
    </message>
    <message>
        <source>needs a non-empty list of optimizer specs</source>
        <translation>нужен непустой список оптимизаторов</translation>
    </message>
    <message>
        <source>at most {limit} optimizers, got {value}</source>
        <translation>не больше {limit} оптимизаторов, получено {value}</translation>
    </message>
    <message>
        <source>steps x optimizers must be at most {limit}, got {value}</source>
        <translation>шаги x оптимизаторы — не больше {limit}, получено {value}</translation>
    </message>
    <message>
        <source>needs one entry per optimizer ({count}), got {value}</source>
        <translation>нужно по одному элементу на оптимизатор ({count}), получено {value}</translation>
    </message>
    <message>
        <source>needs about {needed} of memory ({parts}), more than the budget of {budget} ({source})</source>
        <translation>требуется около {needed} памяти ({parts}), больше бюджета {budget} ({source})</translation>
    </message>
    <message>
        <source>must be a size like 4GB or 512MB, a share like 50%, or none; got {value!r}</source>
        <translation>должно быть размером вроде 4GB или 512MB, долей вроде 50% или none; получено {value!r}</translation>
    </message>
    <message>
        <source>BatchNorm needs at least 2 samples per training batch, got {value}</source>
        <translation>BatchNorm нужно не менее 2 примеров в обучающем пакете, получено {value}</translation>
    </message>
    <message>
        <source>BatchNorm needs at least 2 training rows, got {value}</source>
        <translation>BatchNorm нужно не менее 2 обучающих строк, получено {value}</translation>
    </message>
    <message>
        <source>{name} has no minimum: its smallest curvature is {value:g}</source>
        <translation>у {name} нет минимума: её наименьшая кривизна {value:g}</translation>
    </message>
    <message>
        <source>{name} is not a quadratic: its Hessian changes</source>
        <translation>{name} — не квадратичная функция: её гессиан меняется</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>There is no plot &apos;{plot}&apos;; choose one of {choices}.</source>
        <translation>Нет графика «{plot}»; выберите одно из: {choices}.</translation>
    </message>
    <message>
        <source>There is no view &apos;{view}&apos;; choose one of {choices}.</source>
        <translation>Нет вида «{view}»; выберите одно из: {choices}.</translation>
    </message>
    <message>
        <source>Cannot write &apos;{fmt}&apos;; choose one of {choices}.</source>
        <translation>Не удаётся записать «{fmt}»; выберите одно из: {choices}.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>Папка {folder} не существует.</translation>
    </message>
    <message>
        <source>Could not write {path}.</source>
        <translation>Не удалось записать {path}.</translation>
    </message>
    <message>
        <source>The scale must be between 0.25 and 8, got {scale}.</source>
        <translation>Масштаб должен быть от 0,25 до 8, получено {scale}.</translation>
    </message>
    <message>
        <source>An image of {width}x{height} pixels cannot be written (1 to {most} pixels a side).</source>
        <translation>Изображение {width}x{height} пикселей записать нельзя (от 1 до {most} пикселей по стороне).</translation>
    </message>
    <message>
        <source>The stage exists only in the presentation view: turn it on first (F11).</source>
        <translation>Сцена есть только в режиме презентации: сначала включите его (F11).</translation>
    </message>
    <message>
        <source>Writing MP4 needs imageio and imageio-ffmpeg, which are not installed: pip install &apos;gradsim[video]&apos;. GIF works without them.</source>
        <translation>Для записи MP4 нужны imageio и imageio-ffmpeg, они не установлены: pip install &apos;gradsim[video]&apos;. GIF работает без них.</translation>
    </message>
    <message>
        <source>Writing GIF needs Pillow: pip install pillow.</source>
        <translation>Для записи GIF нужен Pillow: pip install pillow.</translation>
    </message>
    <message>
        <source>The frame rate must be 1 to 50 frames a second, got {fps}.</source>
        <translation>Частота кадров должна быть от 1 до 50 кадров в секунду, получено {fps}.</translation>
    </message>
    <message>
        <source>There is no race to export: start one in the Landscape panel.</source>
        <translation>Нет гонки для экспорта: запустите её на панели «Ландшафт».</translation>
    </message>
    <message>
        <source>There is no training step to export yet: train first.</source>
        <translation>Пока нет шагов обучения для экспорта: сначала обучите сеть.</translation>
    </message>
    <message>
        <source>The video could not be written: {reason}</source>
        <translation>Не удалось записать видео: {reason}</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>Экспорт отменён.</translation>
    </message>
    <message>
        <source>Export an image</source>
        <translation>Экспорт изображения</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>Изображение PNG</translation>
    </message>
    <message>
        <source>SVG drawing (text stays text)</source>
        <translation>Рисунок SVG (текст остаётся текстом)</translation>
    </message>
    <message>
        <source>A panel as it is drawn now, the whole window, or the stage</source>
        <translation>Панель в её нынешнем виде, всё окно или сцена</translation>
    </message>
    <message>
        <source>PNG for slides and documents; SVG to edit or scale without losing sharpness</source>
        <translation>PNG для слайдов и документов; SVG можно править и масштабировать без потери чёткости</translation>
    </message>
    <message>
        <source>Pixels per point of the screen: 2× is sharp on a projector and in slides</source>
        <translation>Пикселей на точку экрана: 2× даёт чёткость на проекторе и в слайдах</translation>
    </message>
    <message>
        <source>Plot:</source>
        <translation>График:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Формат:</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>Масштаб:</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Сохранить…</translation>
    </message>
    <message>
        <source>Copy to clipboard</source>
        <translation>Копировать в буфер обмена</translation>
    </message>
    <message>
        <source>Export an animation</source>
        <translation>Экспорт анимации</translation>
    </message>
    <message>
        <source>The run is trained again from its start (the same seed and edits give the same run), so the animation does not depend on how fast this computer drew it live.</source>
        <translation>Обучение заново проигрывается с начала (то же зерно и те же правки дают тот же прогон), поэтому анимация не зависит от того, как быстро этот компьютер рисовал вживую.</translation>
    </message>
    <message>
        <source>GIF (plays everywhere)</source>
        <translation>GIF (воспроизводится везде)</translation>
    </message>
    <message>
        <source>MP4 video (H.264)</source>
        <translation>Видео MP4 (H.264)</translation>
    </message>
    <message>
        <source>MP4 needs imageio and imageio-ffmpeg: pip install &apos;gradsim[video]&apos;</source>
        <translation>Для MP4 нужны imageio и imageio-ffmpeg: pip install &apos;gradsim[video]&apos;</translation>
    </message>
    <message>
        <source>GIF frames last at least 20 ms (at most 50 a second)</source>
        <translation>Кадр GIF длится не меньше 20 мс (не больше 50 кадров в секунду)</translation>
    </message>
    <message>
        <source>How many pictures, spread over the run</source>
        <translation>Сколько кадров, равномерно по всему прогону</translation>
    </message>
    <message>
        <source>Frames a second when it plays</source>
        <translation>Кадров в секунду при воспроизведении</translation>
    </message>
    <message>
        <source>Width of a frame before scaling</source>
        <translation>Ширина кадра до масштабирования</translation>
    </message>
    <message>
        <source>Height of a frame before scaling</source>
        <translation>Высота кадра до масштабирования</translation>
    </message>
    <message>
        <source>Pixels per point: 2× for a sharp video on a projector</source>
        <translation>Пикселей на точку: 2× для чёткого видео на проекторе</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Показать:</translation>
    </message>
    <message>
        <source>Frames:</source>
        <translation>Кадров:</translation>
    </message>
    <message>
        <source>Frames a second:</source>
        <translation>Кадров в секунду:</translation>
    </message>
    <message>
        <source>Frame size:</source>
        <translation>Размер кадра:</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>Э&amp;кспорт</translation>
    </message>
    <message>
        <source>Images, animations and tables of what gradsim shows, for slides and reports.</source>
        <translation>Изображения, анимации и таблицы того, что показывает gradsim, для слайдов и отчётов.</translation>
    </message>
    <message>
        <source>&amp;Image of a plot or the window…</source>
        <translation>&amp;Изображение графика или окна…</translation>
    </message>
    <message>
        <source>A panel, the whole window or the presentation stage as PNG (at 2× for slides) or SVG, or copied to the clipboard.</source>
        <translation>Панель, всё окно или сцена презентации в PNG (2× для слайдов) или SVG, либо копия в буфер обмена.</translation>
    </message>
    <message>
        <source>&amp;Animation…</source>
        <translation>&amp;Анимация…</translation>
    </message>
    <message>
        <source>The run (gradient flow, loss, decision surface or the stage) or the race as GIF or MP4, drawn from a replay of the run.</source>
        <translation>Прогон (поток градиента, потери, разделяющая поверхность или сцена) или гонка в GIF или MP4, нарисованные по повтору прогона.</translation>
    </message>
    <message>
        <source>&amp;Metrics history (CSV)…</source>
        <translation>История &amp;метрик (CSV)…</translation>
    </message>
    <message>
        <source>Loss, accuracy, learning rate and every layer&apos;s gradient norm at each recorded step.</source>
        <translation>Потери, точность, скорость обучения и норма градиента каждого слоя на каждом записанном шаге.</translation>
    </message>
    <message>
        <source>&amp;Race table (CSV)…</source>
        <translation>Таблица &amp;гонки (CSV)…</translation>
    </message>
    <message>
        <source>The landscape race&apos;s results: steps to converge, final value, minimum, clipped steps, outcome.</source>
        <translation>Итоги гонки на ландшафте: шаги до сходимости, итоговое значение, минимум, шаги с обрезкой, исход.</translation>
    </message>
    <message>
        <source>The whole window</source>
        <translation>Всё окно</translation>
    </message>
    <message>
        <source>The presentation stage</source>
        <translation>Сцена презентации</translation>
    </message>
    <message>
        <source>The landscape race</source>
        <translation>Гонка на ландшафте</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Изображения PNG (*.png)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>Рисунки SVG (*.svg)</translation>
    </message>
    <message>
        <source>GIF animations (*.gif)</source>
        <translation>Анимации GIF (*.gif)</translation>
    </message>
    <message>
        <source>MP4 videos (*.mp4)</source>
        <translation>Видео MP4 (*.mp4)</translation>
    </message>
    <message>
        <source>Export the metrics history</source>
        <translation>Экспорт истории метрик</translation>
    </message>
    <message>
        <source>Export the race table</source>
        <translation>Экспорт таблицы гонки</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>Скопировано в буфер обмена.</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Экспорт не удался</translation>
    </message>
    <message>
        <source>Drawing {count} frames…</source>
        <translation>Рисуются кадры: {count}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation>Сохранено: {path}.</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>Таблицы CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>GradientFlowPanel</name>
    <message>
        <source>Fixed colour range</source>
        <extracomment>log10 gradient norms drawn in the heatmap, (stretches, depth + 1); NaN = non-finite. log10 of the latest norms drawn as bars (zeros at ``bar_floor``). what was last drawn (see :func:`same_inputs`); None = draw on the next frame the colours that are not on the colour bar&apos;s ramp (exact zeros, NaN), named in words whenever the heatmap shows them: the bar&apos;s small &quot;0&quot; swatch is easily missed</extracomment>
        <translation>Фиксированная шкала</translation>
    </message>
    <message>
        <source>Keep the colour scale fixed between the two values. A gradient that shrinks during training then darkens on screen; with the range following the data it would be rescaled and look normal.</source>
        <translation>Держать цветовую шкалу между двумя значениями. Тогда градиент, уменьшающийся при обучении, темнеет на экране; при шкале, следующей за данными, он бы перемасштабировался и выглядел нормально.</translation>
    </message>
    <message>
        <source>darkest</source>
        <translation>самым тёмным</translation>
    </message>
    <message>
        <source>brightest</source>
        <translation>самым ярким</translation>
    </message>
    <message>
        <source>Gradient norm drawn in the {which} colour (as a power of ten).</source>
        <translation>Норма градиента, рисуемая {which} цветом (степень десяти).</translation>
    </message>
    <message>
        <source>to</source>
        <translation>до</translation>
    </message>
    <message>
        <source>Per stretch of steps:</source>
        <translation>Для отрезка:</translation>
    </message>
    <message>
        <source>latest value</source>
        <translation>последнее</translation>
    </message>
    <message>
        <source>largest value</source>
        <translation>наибольшее</translation>
    </message>
    <message>
        <source>smallest value</source>
        <translation>наименьшее</translation>
    </message>
    <message>
        <source>Long runs are kept in stretches of several steps. Show the last gradient of each stretch, or its largest (spikes that announce exploding gradients) or its smallest.</source>
        <translation>Длинные запуски хранятся отрезками по несколько шагов. Показывать последний градиент отрезка, наибольший (всплески, предвещающие взрыв градиента) или наименьший.</translation>
    </message>
    <message>
        <source>Gradient norm per layer over training</source>
        <translation>Норма градиента по слоям за обучение</translation>
    </message>
    <message>
        <source>step</source>
        <translation>шаг</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>слой</translation>
    </message>
    <message>
        <source>Latest step</source>
        <translation>Последний шаг</translation>
    </message>
    <message>
        <source>‖∂L/∂W‖ (log scale)</source>
        <translation>‖∂L/∂W‖ (лог. шкала)</translation>
    </message>
    <message>
        <source>Each row is a weight layer (1 = next to the input, out = output layer); colour is the size of that layer&apos;s weight gradient, on a log scale. Backpropagation multiplies the gradient by each layer&apos;s weights and activation slope: rows fading to dark towards layer 1 mean vanishing gradients (early layers barely learn), bright rows mean exploding ones. Cyan: exactly zero (underflow or dead units). Grey: NaN.</source>
        <translation>Каждая строка — слой весов (1 = у входа, out = выходной слой); цвет — величина градиента весов слоя в логарифмической шкале. Обратное распространение умножает градиент на веса и наклон активации каждого слоя: строки, темнеющие к слою 1, означают затухающий градиент (первые слои почти не учатся), яркие — взрывающийся. Голубой: ровно ноль (потеря значимости или «мёртвые» нейроны). Серый: NaN.</translation>
    </message>
    <message>
        <source>The gradient norm of each layer at the latest step, on a log scale: in a healthy network the bars are of similar length. Each decade is a factor of ten. ✕ = exactly zero, ★ = NaN or infinite.</source>
        <translation>Норма градиента каждого слоя на последнем шаге в логарифмической шкале: в здоровой сети столбцы похожей длины. Каждый порядок — множитель десять. ✕ = ровно ноль, ★ = NaN или бесконечность.</translation>
    </message>
    <message>
        <source>Colour scale of the heatmap and the bars.</source>
        <translation>Цветовая шкала тепловой карты и столбцов.</translation>
    </message>
    <message>
        <source>out</source>
        <translation>вых</translation>
    </message>
    <message>
        <source>exactly 0: the gradient underflowed (a float16 number below 6×10⁻⁸ is 0) or its units are dead</source>
        <translation>ровно 0: градиент ушёл в антипереполнение (во float16 число меньше 6×10⁻⁸ равно 0) или его нейроны мертвы</translation>
    </message>
    <message>
        <source>NaN: the gradient is not a number</source>
        <translation>NaN: градиент — не число</translation>
    </message>
    <message>
        <source>No training steps yet: the gradient of every layer appears here as training runs.</source>
        <translation>Шагов обучения ещё нет: градиент каждого слоя появится здесь во время обучения.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step {step}:&lt;/b&gt; the gradient is NaN or infinite in layers {layers}.</source>
        <translation>&lt;b&gt;Шаг {step}:&lt;/b&gt; градиент NaN или бесконечен в слоях {layers}.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step {step}:&lt;/b&gt; the output layer&apos;s gradient is exactly zero.</source>
        <translation>&lt;b&gt;Шаг {step}:&lt;/b&gt; градиент выходного слоя ровно ноль.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step {step}:&lt;/b&gt; layer 1&apos;s gradient is exactly zero (underflow or dead units): the first layer does not learn at all.</source>
        <translation>&lt;b&gt;Шаг {step}:&lt;/b&gt; градиент слоя 1 ровно ноль (потеря значимости или «мёртвые» нейроны): первый слой совсем не учится.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step {step}:&lt;/b&gt; layer 1 gets {ratio}× the output layer&apos;s gradient, {orders} orders of magnitude smaller: &lt;b&gt;vanishing gradient&lt;/b&gt;.</source>
        <translation>&lt;b&gt;Шаг {step}:&lt;/b&gt; слой 1 получает {ratio}× градиента выходного слоя, на {orders} порядков меньше: &lt;b&gt;затухающий градиент&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step {step}:&lt;/b&gt; layer 1 gets {ratio}× the output layer&apos;s gradient, {orders} orders of magnitude larger: &lt;b&gt;exploding gradient&lt;/b&gt;.</source>
        <translation>&lt;b&gt;Шаг {step}:&lt;/b&gt; слой 1 получает {ratio}× градиента выходного слоя, на {orders} порядков больше: &lt;b&gt;взрывающийся градиент&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step {step}:&lt;/b&gt; layer 1 gets {ratio}× the output layer&apos;s gradient: the gradient reaches the first layer intact.</source>
        <translation>&lt;b&gt;Шаг {step}:&lt;/b&gt; слой 1 получает {ratio}× градиента выходного слоя: градиент доходит до первого слоя невредимым.</translation>
    </message>
</context>
<context>
    <name>HeatmapPlot</name>
    <message>
        <source>{name} − min in view</source>
        <translation>{name} − минимум в виде</translation>
    </message>
</context>
<context>
    <name>HistogramPanel</name>
    <message>
        <source>Show:</source>
        <extracomment>what the visible layout last drew (see :func:`same_inputs`); None = draw on the next frame</extracomment>
        <translation>Показать:</translation>
    </message>
    <message>
        <source>activations f(z)</source>
        <translation>активации f(z)</translation>
    </message>
    <message>
        <source>pre-activations z</source>
        <translation>предактивации z</translation>
    </message>
    <message>
        <source>weight gradients log10 |∂L/∂W|</source>
        <translation>градиенты весов log10 |∂L/∂W|</translation>
    </message>
    <message>
        <source>Activations piled against a bound of a sigmoid or tanh mean saturated units (slope f&apos; near 0, so the gradient cannot pass); pre-activations z far from 0 show why. Gradient histograms that move left layer after layer show the gradient vanishing on its way back; the leftmost bin holds exact zeros (float16 underflow, dead units).</source>
        <translation>Активации, прижатые к границе сигмоиды или tanh, означают насыщенные нейроны (наклон f&apos; около 0, градиент не проходит); предактивации z далеко от 0 показывают почему. Гистограммы градиента, сдвигающиеся влево от слоя к слою, показывают затухание градиента на обратном пути; в крайнем левом столбце — точные нули (потеря значимости float16, «мёртвые» нейроны).</translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <source>ridge plot</source>
        <translation>ridge-график</translation>
    </message>
    <message>
        <source>small multiples</source>
        <translation>малые графики</translation>
    </message>
    <message>
        <source>Ridge plot: every layer in one view, layer 1 at the bottom, each histogram scaled to its own peak. Small multiples: one plot per layer with its own axes (at most 12 layers, evenly spaced).</source>
        <translation>Ridge-график: все слои в одном виде, слой 1 внизу, каждая гистограмма нормирована к своему пику. Малые графики: по графику на слой со своими осями (не больше 12 слоёв, равномерно).</translation>
    </message>
    <message>
        <source>fraction of units</source>
        <translation>доля нейронов</translation>
    </message>
    <message>
        <source>saturated</source>
        <translation>насыщены</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>мертвы</translation>
    </message>
    <message>
        <source>Saturated: share of a bounded activation&apos;s outputs within 1% of a bound (its slope is nearly 0). Dead: share of ReLU units that output 0 for every training sample (their gradient is exactly 0, forever). Empty where the activation cannot saturate or die.</source>
        <translation>Насыщение: доля выходов ограниченной активации в пределах 1% от границы (её наклон почти 0). «Мёртвые»: доля нейронов ReLU, выдающих 0 на каждом обучающем примере (их градиент навсегда ровно 0). Пусто, если активация не может насыщаться или умирать.</translation>
    </message>
    <message>
        <source>activation f(z)</source>
        <translation>активация f(z)</translation>
    </message>
    <message>
        <source>pre-activation z</source>
        <translation>предактивация z</translation>
    </message>
    <message>
        <source>|∂L/∂W| (log scale)</source>
        <translation>|∂L/∂W| (лог. шкала)</translation>
    </message>
    <message>
        <source>Distribution per layer</source>
        <translation>Распределение по слоям</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>слой</translation>
    </message>
    <message>
        <source>layer {layer}</source>
        <translation>слой {layer}</translation>
    </message>
    <message>
        <source>{share:.0%} saturated</source>
        <translation>{share:.0%} насыщены</translation>
    </message>
    <message>
        <source>{share:.0%} dead</source>
        <translation>{share:.0%} мертвы</translation>
    </message>
    <message>
        <source>No statistics yet: they are measured every few training steps.</source>
        <translation>Статистики ещё нет: она измеряется каждые несколько шагов обучения.</translation>
    </message>
    <message>
        <source>This network has no hidden layers.</source>
        <translation>В этой сети нет скрытых слоёв.</translation>
    </message>
    <message>
        <source>Step {step}.</source>
        <translation>Шаг {step}.</translation>
    </message>
    <message>
        <source>No saturated units.</source>
        <translation>Насыщенных нейронов нет.</translation>
    </message>
    <message>
        <source>Most saturated: layer {layer} ({share:.0%}).</source>
        <translation>Больше всего насыщения: слой {layer} ({share:.0%}).</translation>
    </message>
    <message>
        <source>No dead units.</source>
        <translation>«Мёртвых» нейронов нет.</translation>
    </message>
    <message>
        <source>Most dead units: layer {layer} ({share:.0%}).</source>
        <translation>Больше всего «мёртвых» нейронов: слой {layer} ({share:.0%}).</translation>
    </message>
    <message>
        <source>These activations neither saturate nor die.</source>
        <translation>Эти активации не насыщаются и не умирают.</translation>
    </message>
</context>
<context>
    <name>LandscapePanel</name>
    <message>
        <source>Analytic surface</source>
        <translation>Аналитическая поверхность</translation>
    </message>
    <message>
        <source>Network loss surface</source>
        <translation>Поверхность потерь сети</translation>
    </message>
    <message>
        <source>Optimizers racing on 2-D surfaces that show why training is hard: saddles, cliffs, ravines, plateaus. Click to set the start; press Play.</source>
        <translation>Оптимизаторы соревнуются на 2D-поверхностях, показывающих, почему обучение трудно: седловые точки, обрывы, овраги, плато. Щёлкните, чтобы задать старт; нажмите «Пуск».</translation>
    </message>
    <message>
        <source>The loss of the network you are training, on a plane through its current weights and along the line from its initial weights.</source>
        <translation>Потери обучаемой сети на плоскости через её текущие веса и вдоль прямой от начальных весов.</translation>
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
        <translation>Режим презентации вкл./выкл. (полный экран)</translation>
    </message>
    <message>
        <source>Space, F5</source>
        <translation>Пробел, F5</translation>
    </message>
    <message>
        <source>Play or pause the stage</source>
        <translation>Запустить или приостановить этап</translation>
    </message>
    <message>
        <source>→, Page Down, N</source>
        <translation>→, Page Down, N</translation>
    </message>
    <message>
        <source>Shift+→</source>
        <translation>Shift+→</translation>
    </message>
    <message>
        <source>{n} more steps</source>
        <translation>Ещё {n} шагов</translation>
    </message>
    <message>
        <source>←, Page Up, P</source>
        <translation>←, Page Up, P</translation>
    </message>
    <message>
        <source>Previous stage</source>
        <translation>Предыдущий этап</translation>
    </message>
    <message>
        <source>1 – 9</source>
        <translation>1 – 9</translation>
    </message>
    <message>
        <source>Stage 1 to 9 of the lesson</source>
        <translation>Этапы урока с 1 по 9</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>Reset the stage to its start (Ctrl+Z brings back the run before)</source>
        <translation>Вернуть этап к началу (Ctrl+Z возвращает прежний прогон)</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
    <message>
        <source>Undo a reset</source>
        <translation>Отменить сброс</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>Redo a reset</source>
        <translation>Повторить сброс</translation>
    </message>
    <message>
        <source>Lift the black screen, else leave the presentation</source>
        <translation>Сначала убрать чёрный экран, иначе выйти из презентации</translation>
    </message>
    <message>
        <source>Presentation view</source>
        <translation>Режим презентации</translation>
    </message>
    <message>
        <source>Menus</source>
        <translation>Меню</translation>
    </message>
    <message>
        <source>B, .</source>
        <translation>B, .</translation>
    </message>
    <message>
        <source>Black screen (press again to come back)</source>
        <translation>Чёрный экран (нажмите ещё раз, чтобы вернуться)</translation>
    </message>
    <message>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <source>Show or hide the narrative</source>
        <translation>Показать или скрыть пояснение</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>These keys act in the presentation view, and not while a text field has the focus.</source>
        <translation>Эти клавиши действуют в режиме презентации и не действуют, пока фокус в текстовом поле.</translation>
    </message>
    <message>
        <source>gradsim lessons (*.json);;All files (*)</source>
        <translation>Уроки gradsim (*.json);;Все файлы (*)</translation>
    </message>
    <message>
        <source>&amp;Lecture</source>
        <translation>&amp;Лекция</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>&amp;Уроки</translation>
    </message>
    <message>
        <source>Projector &amp;scale</source>
        <translation>&amp;Масштаб для проектора</translation>
    </message>
    <message>
        <source>Open &amp;lesson...</source>
        <translation>Открыть &amp;урок...</translation>
    </message>
    <message>
        <source>Open a lesson file and present its first stage.</source>
        <translation>Открыть файл урока и показать его первый этап.</translation>
    </message>
    <message>
        <source>&amp;Presentation</source>
        <translation>&amp;Презентация</translation>
    </message>
    <message>
        <source>The stage for a projector: the stage&apos;s plots large, the narrative beside them, a large step counter; the builder and controls hidden. Esc leaves.</source>
        <translation>Сцена для проектора: графики этапа крупно, рядом пояснение, крупный счётчик шагов; конструктор и элементы управления скрыты. Esc — выход.</translation>
    </message>
    <message>
        <source>P&amp;resenter window</source>
        <translation>Окно &amp;докладчика</translation>
    </message>
    <message>
        <source>A second window for the lecturer: the narrative, the next stage and a clock.</source>
        <translation>Второе окно для лектора: пояснение, следующий этап и часы.</translation>
    </message>
    <message>
        <source>&amp;Next stage</source>
        <translation>&amp;Следующий этап</translation>
    </message>
    <message>
        <source>Keys: →, Page Down, N.</source>
        <translation>Клавиши: →, Page Down, N.</translation>
    </message>
    <message>
        <source>P&amp;revious stage</source>
        <translation>&amp;Предыдущий этап</translation>
    </message>
    <message>
        <source>Keys: ←, Page Up, P.</source>
        <translation>Клавиши: ←, Page Up, P.</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <source>The keys of the presentation view and the menus&apos; shortcuts.</source>
        <translation>Клавиши режима презентации и сочетания клавиш меню.</translation>
    </message>
    <message>
        <source>Text and lines at {percent}% in the presentation.</source>
        <translation>Текст и линии в презентации: {percent}%.</translation>
    </message>
    <message>
        <source>No such stage</source>
        <translation>Нет такого этапа</translation>
    </message>
    <message>
        <source>{lesson} has stages 1 to {count}.</source>
        <translation>В уроке «{lesson}» этапы с 1 по {count}.</translation>
    </message>
    <message>
        <source>Open a gradsim lesson</source>
        <translation>Открыть урок gradsim</translation>
    </message>
    <message>
        <source>Cannot open the lesson</source>
        <translation>Не удалось открыть урок</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Reset the stage</source>
        <translation>Сброс этапа</translation>
    </message>
    <message>
        <source>Stage {index} of {count}: {title}</source>
        <extracomment>the lecturer closed the window (hiding it, as leaving the presentation does, is not closing)</extracomment>
        <translation>Этап {index} из {count}: {title}</translation>
    </message>
    <message>
        <source>{clock}  ({minutes}:{seconds:02d} since the start)</source>
        <translation>{clock}  ({minutes}:{seconds:02d} с начала)</translation>
    </message>
    <message>
        <source>gradsim — presenter</source>
        <translation>gradsim — докладчик</translation>
    </message>
    <message>
        <source>{index} / {count}: {title}</source>
        <translation>{index} / {count}: {title}</translation>
    </message>
    <message>
        <source>step</source>
        <translation>шаг</translation>
    </message>
    <message>
        <source>(the last stage)</source>
        <translation>(последний этап)</translation>
    </message>
    <message>
        <source>What to watch</source>
        <translation>На что смотреть</translation>
    </message>
    <message>
        <source>Next stage</source>
        <translation>Следующий этап</translation>
    </message>
</context>
<context>
    <name>LossPanel</name>
    <message>
        <source>Log scale</source>
        <translation>Лог. шкала</translation>
    </message>
    <message>
        <source>Plot the loss on a logarithmic axis. Training often lowers the loss by several orders of magnitude; on a linear axis the later progress, or a slow creep upwards before the gradients explode, is invisible. Exact zeros are drawn on the floor line.</source>
        <translation>Рисовать потери на логарифмической оси. Обучение часто снижает потери на несколько порядков; на линейной оси поздний прогресс или медленный рост перед взрывом градиентов не виден. Точные нули рисуются на нижней линии.</translation>
    </message>
    <message>
        <source>Lock axes</source>
        <translation>Закрепить оси</translation>
    </message>
    <message>
        <source>Freeze the current view instead of rescaling to the data at every frame, so a loss that stalls or a curve that shrinks is seen against a fixed reference.</source>
        <translation>Зафиксировать текущий вид, а не перемасштабировать по данным в каждом кадре, чтобы застрявшие потери или сжимающаяся кривая были видны на фоне неизменной шкалы.</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Потери</translation>
    </message>
    <message>
        <source>step</source>
        <translation>шаг</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>потери</translation>
    </message>
    <message>
        <source>exactly 0 (underflow)</source>
        <translation>ровно 0 (потеря значимости)</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>точность</translation>
    </message>
    <message>
        <source>train loss (mini-batch, per step)</source>
        <translation>потери мини-пакета, по шагам</translation>
    </message>
    <message>
        <source>train loss (whole set)</source>
        <translation>потери обучения (вся выборка)</translation>
    </message>
    <message>
        <source>test loss</source>
        <translation>потери на тесте</translation>
    </message>
    <message>
        <source>train accuracy</source>
        <translation>точность на обучении</translation>
    </message>
    <message>
        <source>test accuracy</source>
        <translation>точность на тесте</translation>
    </message>
    <message>
        <source>Line: the mini-batch loss of the latest step in each stretch of history; band: the lowest and highest loss in that stretch, so spikes stay visible. Markers: loss on the whole training and test sets. A loss that stops falling while gradients are tiny points to vanishing gradients; a sudden jump to NaN to exploding ones.</source>
        <translation>Линия: потери мини-пакета на последнем шаге каждого отрезка истории; полоса: наименьшие и наибольшие потери на отрезке, чтобы всплески оставались видны. Маркеры: потери на всей обучающей и тестовой выборках. Потери, которые перестали падать при крошечных градиентах, указывают на затухающий градиент; внезапный скачок в NaN — на взрывающийся.</translation>
    </message>
    <message>
        <source>Share of correctly classified samples, measured at the diagnostics cadence.</source>
        <translation>Доля правильно классифицированных примеров, измеряется с периодом диагностики.</translation>
    </message>
    <message>
        <source>Accuracy (not defined for regression)</source>
        <translation>Точность (не определена для регрессии)</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Точность</translation>
    </message>
    <message>
        <source>NaN/Inf at step {step}</source>
        <translation>NaN/Inf на шаге {step}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Diagnosis</source>
        <translation>Диагноз</translation>
    </message>
    <message>
        <source>The current problem, its evidence and what helps.</source>
        <translation>Текущая проблема, её признаки и что помогает.</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Обучение</translation>
    </message>
    <message>
        <source>Play, step, reset, live learning rate and clipping, pause triggers.</source>
        <translation>Пуск, шаг, сброс, скорость обучения и обрезка на ходу, условия паузы.</translation>
    </message>
    <message>
        <source>Network builder</source>
        <translation>Конструктор сети</translation>
    </message>
    <message>
        <source>Data, layers, initialization, loss and optimizer of the network.</source>
        <translation>Данные, слои, инициализация, потери и оптимизатор сети.</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Сеть</translation>
    </message>
    <message>
        <source>Units and weights; colour edges by gradient to see it fade.</source>
        <translation>Нейроны и веса; раскрасьте связи по градиенту, чтобы увидеть его затухание.</translation>
    </message>
    <message>
        <source>Gradient flow</source>
        <translation>Поток градиента</translation>
    </message>
    <message>
        <source>Gradient norm of every layer over time (log scale).</source>
        <translation>Норма градиента каждого слоя во времени (лог. шкала).</translation>
    </message>
    <message>
        <source>Loss and accuracy</source>
        <translation>Потери и точность</translation>
    </message>
    <message>
        <source>Training and test loss and accuracy against the step.</source>
        <translation>Потери и точность на обучении и тесте по шагам.</translation>
    </message>
    <message>
        <source>Decision surface</source>
        <translation>Карта решений</translation>
    </message>
    <message>
        <source>The network&apos;s output over the input plane, with the data.</source>
        <translation>Выход сети на входной плоскости вместе с данными.</translation>
    </message>
    <message>
        <source>Histograms</source>
        <translation>Гистограммы</translation>
    </message>
    <message>
        <source>Per-layer activations, pre-activations and gradients.</source>
        <translation>Активации, предактивации и градиенты по слоям.</translation>
    </message>
    <message>
        <source>Weights and updates</source>
        <translation>Веса и обновления</translation>
    </message>
    <message>
        <source>Weight norm and update-to-weight ratio of every layer.</source>
        <translation>Норма весов и отношение обновления к весам для каждого слоя.</translation>
    </message>
    <message>
        <source>Activation and init lab</source>
        <translation>Лаб. активаций</translation>
    </message>
    <message>
        <source>f and f&apos; with the layer&apos;s pre-activations; variance propagation.</source>
        <translation>f и f&apos; с предактивациями слоя; распространение дисперсии.</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Ландшафт</translation>
    </message>
    <message>
        <source>Optimizer races on loss surfaces; the network&apos;s own loss surface.</source>
        <translation>Гонки оптимизаторов на поверхностях потерь; поверхность потерь самой сети.</translation>
    </message>
    <message>
        <source>Set weight {name}[{row}, {col}]</source>
        <translation>Задать вес {name}[{row}, {col}]</translation>
    </message>
    <message>
        <source>This starts training again from step 0, and the current run ({steps} steps) cannot be brought back with Undo. Start again?</source>
        <translation>Обучение начнётся заново с шага 0, и текущий прогон ({steps} шагов) нельзя будет вернуть отменой. Начать заново?</translation>
    </message>
    <message>
        <source>(The run could not be kept: {reason})</source>
        <translation>(Прогон не удалось сохранить: {reason})</translation>
    </message>
    <message>
        <source>Start again?</source>
        <translation>Начать заново?</translation>
    </message>
    <message>
        <source>Older trained runs were released to save memory: undoing their changes restores the settings from step 0.</source>
        <translation>Более ранние прогоны освобождены ради памяти: отмена их изменений вернёт настройки с шага 0.</translation>
    </message>
    <message>
        <source>Back to the run at step {step}.</source>
        <translation>Возврат к прогону на шаге {step}.</translation>
    </message>
    <message>
        <source>Autosave failed</source>
        <translation>Автосохранение не удалось</translation>
    </message>
    <message>
        <source>Autosave failed: {reason}</source>
        <translation>Автосохранение не удалось: {reason}</translation>
    </message>
    <message>
        <source>The {panel} panel failed to draw.</source>
        <translation>Панель {panel} не смогла отрисоваться.</translation>
    </message>
    <message>
        <source>Step {step}</source>
        <translation>Шаг {step}</translation>
    </message>
    <message>
        <source>Epoch {epoch}</source>
        <translation>Эпоха {epoch}</translation>
    </message>
    <message>
        <source>{rate} steps/s</source>
        <translation>{rate} шаг/с</translation>
    </message>
    <message>
        <source>Loss {loss}</source>
        <translation>Потери {loss}</translation>
    </message>
    <message>
        <source>{fps} fps</source>
        <translation>{fps} кадр/с</translation>
    </message>
    <message>
        <source>Network re-initialized with the same seed.</source>
        <translation>Сеть заново инициализирована с тем же сидом.</translation>
    </message>
    <message>
        <source>Cannot move training</source>
        <translation>Не удаётся перенести обучение</translation>
    </message>
    <message>
        <source>Training stopped</source>
        <translation>Обучение остановлено</translation>
    </message>
    <message>
        <source>An error occurred in the training worker; training is paused. You can change the configuration, reset, or open another config.

{error}</source>
        <translation>В рабочем потоке обучения произошла ошибка; обучение приостановлено. Можно изменить конфигурацию, сбросить или открыть другую.

{error}</translation>
    </message>
    <message>
        <source>Open a gradsim config</source>
        <translation>Открыть конфигурацию gradsim</translation>
    </message>
    <message>
        <source>Rewound to step {step}.</source>
        <translation>Возврат к шагу {step}.</translation>
    </message>
    <message>
        <source>No {language} translation is installed yet; texts stay in English.</source>
        <translation>Перевод «{language}» ещё не установлен; тексты остаются на английском.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>&amp;Обучение</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>&amp;Панели</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Тема</translation>
    </message>
    <message>
        <source>&amp;Font size</source>
        <translation>&amp;Размер шрифта</translation>
    </message>
    <message>
        <source>&amp;Line width</source>
        <translation>&amp;Толщина линий</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Главная панель</translation>
    </message>
    <message>
        <source>&amp;Undo {what}</source>
        <translation>&amp;Отменить: {what}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo {what}</source>
        <translation>&amp;Повторить: {what}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>&amp;Open config...</source>
        <translation>&amp;Открыть конфигурацию...</translation>
    </message>
    <message>
        <source>Load a network and training configuration (JSON) and train it from step 0.</source>
        <translation>Загрузить конфигурацию сети и обучения (JSON) и обучать с шага 0.</translation>
    </message>
    <message>
        <source>Undo the last change of the settings or of a weight. A change that restarted training is undone with the whole run as it was.</source>
        <translation>Отменить последнее изменение настроек или веса. Изменение, с которого обучение началось заново, отменяется вместе со всем прогоном, каким он был.</translation>
    </message>
    <message>
        <source>Redo what Undo undid.</source>
        <translation>Повторить то, что было отменено.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>Stop training and close gradsim.</source>
        <translation>Остановить обучение и закрыть gradsim.</translation>
    </message>
    <message>
        <source>&amp;About gradsim</source>
        <translation>&amp;О программе gradsim</translation>
    </message>
    <message>
        <source>Versions of gradsim and its libraries.</source>
        <translation>Версии gradsim и его библиотек.</translation>
    </message>
    <message>
        <source>Train in a separate &amp;process (faster)</source>
        <translation>Обучать в отдельном &amp;процессе (быстрее)</translation>
    </message>
    <message>
        <source>Run training in its own process: it no longer competes with drawing for Python&apos;s interpreter lock, so both training and the plots run at full speed. Off: training runs in a thread of this window.</source>
        <translation>Обучать в собственном процессе: оно больше не делит с отрисовкой блокировку интерпретатора Python, и обучение, и графики идут на полной скорости. Выкл.: обучение идёт в потоке этого окна.</translation>
    </message>
    <message>
        <source>&amp;Reset panel layout</source>
        <translation>&amp;Сбросить расположение панелей</translation>
    </message>
    <message>
        <source>Put every panel back where it was at the first start.</source>
        <translation>Вернуть каждую панель туда, где она была при первом запуске.</translation>
    </message>
    <message>
        <source>Black on white, strong colours: readable on a projector.</source>
        <translation>Чёрное на белом, яркие цвета: читается на проекторе.</translation>
    </message>
    <message>
        <source>Light text on a dark background, for screens.</source>
        <translation>Светлый текст на тёмном фоне, для экранов.</translation>
    </message>
    <message>
        <source>Scale all text to {percent}% (for the back row).</source>
        <translation>Масштабировать весь текст до {percent}% (для задних рядов).</translation>
    </message>
    <message>
        <source>Draw plot lines {percent}% as wide.</source>
        <translation>Рисовать линии графиков шириной {percent}%.</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Шкала времени</translation>
    </message>
    <message>
        <source>Training steps taken (one step = one mini-batch update).</source>
        <translation>Сделано шагов обучения (один шаг = одно обновление по мини-пакету).</translation>
    </message>
    <message>
        <source>Passes through the whole training set.</source>
        <translation>Проходов по всей обучающей выборке.</translation>
    </message>
    <message>
        <source>Training speed in steps per second.</source>
        <translation>Скорость обучения в шагах в секунду.</translation>
    </message>
    <message>
        <source>Loss of the last mini-batch.</source>
        <translation>Потери на последнем мини-пакете.</translation>
    </message>
    <message>
        <source>Frames drawn per second.</source>
        <translation>Кадров, отрисованных в секунду.</translation>
    </message>
    <message>
        <source>The most severe problem the diagnosis finds now.</source>
        <translation>Самая серьёзная проблема, которую сейчас находит диагностика.</translation>
    </message>
    <message>
        <source>About gradsim</source>
        <translation>О программе gradsim</translation>
    </message>
    <message>
        <source>See why deep networks are hard to train: vanishing and exploding gradients, live.</source>
        <translation>Вживую: почему глубокие сети трудно обучать — затухающий и взрывающийся градиенты.</translation>
    </message>
    <message>
        <source>The network, histograms and decision surface show step {step}; training is still at step {current}.</source>
        <translation>Сеть, гистограммы и разделяющая поверхность показаны на шаге {step}; обучение по-прежнему на шаге {current}.</translation>
    </message>
</context>
<context>
    <name>NetworkDiagram</name>
    <message>
        <source>Click a unit or an edge to see its weight and gradient; double-click an edge to edit it.</source>
        <extracomment>the matrices (or summary statistics) last drawn; None = draw on the next frame every drawn edge in group order, and the style level its pen shows (-1: none yet)</extracomment>
        <translation>Щелчок по нейрону или связи — вес и градиент; двойной щелчок по связи — правка.</translation>
    </message>
    <message>
        <source>input</source>
        <translation>вход</translation>
    </message>
    <message>
        <source>layer {n}</source>
        <translation>слой {n}</translation>
    </message>
    <message>
        <source>output</source>
        <translation>выход</translation>
    </message>
    <message>
        <source>Large network: the snapshot carries no weight matrices (over 50,000 parameters), so each layer is one box with its weight and gradient norms.</source>
        <translation>Большая сеть: снимок не содержит матриц весов (больше 50 000 параметров), поэтому каждый слой — один блок с нормами весов и градиента.</translation>
    </message>
    <message>
        <source>box colour: ‖∂L/∂W‖ of the layer, log scale (pale = small)</source>
        <translation>цвет блока: ‖∂L/∂W‖ слоя, лог. шкала (бледный = малый)</translation>
    </message>
    <message>
        <source>|∂L/∂w|: pale = 1e{low:.0f} or less, dark = 1e{high:.0f}</source>
        <translation>|∂L/∂w|: бледный = 1e{low:.0f} и меньше, тёмный = 1e{high:.0f}</translation>
    </message>
    <message>
        <source>|∂L/∂w|: dark = 1e{low:.0f} or less, bright = 1e{high:.0f}</source>
        <translation>|∂L/∂w|: тёмный = 1e{low:.0f} и меньше, яркий = 1e{high:.0f}</translation>
    </message>
    <message>
        <source>blue: w &gt; 0, vermillion: w &lt; 0; thickness ∝ |w| (full at {scale})</source>
        <translation>синий: w &gt; 0, красный: w &lt; 0; толщина ∝ |w| (макс. при {scale})</translation>
    </message>
    <message>
        <source>{name}[{row}, {col}]: {source} unit {j} → {target} unit {u}
weight w = {w}   gradient ∂L/∂w = {g}</source>
        <translation>{name}[{row}, {col}]: {source}, нейрон {j} → {target}, нейрон {u}
вес w = {w}   градиент ∂L/∂w = {g}</translation>
    </message>
    <message>
        <source>{column} unit {u}: an input feature (no incoming weights)</source>
        <translation>{column}, нейрон {u}: входной признак (нет входящих весов)</translation>
    </message>
    <message>
        <source>{column} unit {u}{act}: incoming weights ‖w‖ = {w}, their gradient ‖∂L/∂w‖ = {g}</source>
        <translation>{column}, нейрон {u}{act}: входящие веса ‖w‖ = {w}, их градиент ‖∂L/∂w‖ = {g}</translation>
    </message>
    <message>
        <source>Colour edges by gradient magnitude</source>
        <translation>Цвет связей по градиенту</translation>
    </message>
    <message>
        <source>Colour every edge by |∂L/∂w| on a log scale instead of by the weight. In a deep sigmoid net the edges fade toward the input: the gradient vanishes on its way back.</source>
        <translation>Раскрашивать каждую связь по |∂L/∂w| в логарифмической шкале, а не по весу. В глубокой сигмоидной сети связи бледнеют к входу: градиент затухает на обратном пути.</translation>
    </message>
    <message>
        <source>Columns are layers, circles units, lines weights (blue positive, vermillion negative, thicker = larger). Wide layers show their first and last units around a ⋮ marker. Under each column: the norms of the weights entering it, ‖W‖, and of their gradient, ‖∇W‖ (∇ when space is short).</source>
        <translation>Столбцы — слои, кружки — нейроны, линии — веса (синие положительные, красные отрицательные, толще = больше). Широкие слои показывают первые и последние нейроны вокруг метки ⋮. Под каждым столбцом: нормы входящих весов ‖W‖ и их градиента ‖∇W‖ (∇, если мало места).</translation>
    </message>
    <message>
        <source>weight:</source>
        <translation>вес:</translation>
    </message>
    <message>
        <source>The selected edge&apos;s weight. Set one weight very large to see what a single bad weight does.</source>
        <translation>Вес выбранной связи. Задайте один вес очень большим, чтобы увидеть, что делает один плохой вес.</translation>
    </message>
    <message>
        <source>Set weight</source>
        <translation>Задать вес</translation>
    </message>
    <message>
        <source>Write this value into the network (undo with Ctrl+Z).</source>
        <translation>Записать это значение в сеть (отмена — Ctrl+Z).</translation>
    </message>
    <message>
        <source>The selected unit or edge; values follow training.</source>
        <translation>Выбранный нейрон или связь; значения следуют за обучением.</translation>
    </message>
    <message>
        <source>The network appears here once a run starts.</source>
        <translation>Сеть появится здесь, когда начнётся запуск.</translation>
    </message>
    <message>
        <source>in</source>
        <translation>вх</translation>
    </message>
    <message>
        <source>out</source>
        <translation>вых</translation>
    </message>
</context>
<context>
    <name>NetworkSliceView</name>
    <message>
        <source>Plane:</source>
        <translation>Плоскость:</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>Разрешение:</translation>
    </message>
    <message>
        <source>Span ±:</source>
        <translation>Размах ±:</translation>
    </message>
    <message>
        <source>Data samples:</source>
        <translation>Примеры данных:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Сид:</translation>
    </message>
    <message>
        <source>random directions</source>
        <translation>случайные направления</translation>
    </message>
    <message>
        <source>PCA of the training path</source>
        <translation>PCA траектории обучения</translation>
    </message>
    <message>
        <source>Random: two random directions, each neuron&apos;s part scaled to the size of its weights (Li et al. 2018), so the picture compares fairly between networks. PCA: the plane in which training moved the most; the path is drawn on it.</source>
        <translation>Случайная: два случайных направления, часть каждого нейрона масштабирована к величине его весов (Li et al. 2018), чтобы картинки разных сетей сравнивались честно. PCA: плоскость, в которой обучение сдвинулось больше всего; на ней нарисована траектория.</translation>
    </message>
    <message>
        <source>Grid points per side: the loss is evaluated resolution² times (31 → 961 forward passes).</source>
        <translation>Точек сетки на сторону: потери вычисляются resolution² раз (31 → 961 прямых проходов).</translation>
    </message>
    <message>
        <source>How far the random slice reaches: α and β from −span to +span, in units of the weights&apos; own size (1 = as far again as the weights are long). The PCA plane sizes itself to hold the training path.</source>
        <translation>Насколько далеко простирается случайный срез: α и β от −span до +span в единицах величины самих весов (1 = ещё на длину весов). Плоскость PCA сама подбирает размер под траекторию обучения.</translation>
    </message>
    <message>
        <source>Loss from θ₀ to θ</source>
        <translation>Потери от θ₀ до θ</translation>
    </message>
    <message>
        <source>Loss around θ</source>
        <translation>Потери вокруг θ</translation>
    </message>
    <message>
        <source>Training samples the loss is computed on (0 = all): fewer is faster and a little noisier. The same seeded subset is used for every grid point.</source>
        <translation>Обучающих примеров для вычисления потерь (0 = все): меньше — быстрее и чуть шумнее. Для всех точек сетки берётся одно и то же подмножество с сидом.</translation>
    </message>
    <message>
        <source>all</source>
        <translation>все</translation>
    </message>
    <message>
        <source>Seed of the random directions and of the data subset.</source>
        <translation>Сид случайных направлений и подмножества данных.</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Вычислить</translation>
    </message>
    <message>
        <source>Slice the loss of the network in the training panel, as it is now. Training pauses while its weights are copied; the slice is computed on the copy.</source>
        <translation>Сделать срез потерь сети из панели обучения в её текущем виде. Пока веса копируются, обучение на паузе; срез считается на копии.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Stop the computation; the rows done so far stay on screen.</source>
        <translation>Остановить вычисление; уже готовые строки остаются на экране.</translation>
    </message>
    <message>
        <source>Grid points computed so far.</source>
        <translation>Уже вычисленные точки сетки.</translation>
    </message>
    <message>
        <source>α: weights (1 − α)·θ₀ + α·θ</source>
        <translation>α: веса (1 − α)·θ₀ + α·θ</translation>
    </message>
    <message>
        <source>loss (log)</source>
        <translation>потери (лог.)</translation>
    </message>
    <message>
        <source>The loss on the straight line from the first checkpoint θ₀ (α = 0) through the current weights θ (α = 1) and beyond (Goodfellow et al. 2015). A smooth fall means no barrier lay between start and end.</source>
        <translation>Потери на прямой от первой контрольной точки θ₀ (α = 0) через текущие веса θ (α = 1) и дальше (Goodfellow et al. 2015). Плавное падение означает, что между началом и концом не было барьера.</translation>
    </message>
    <message>
        <source>The loss on a plane through the current weights (★ at the centre). Dark is low. Sharp, narrow valleys mean the loss is sensitive to small weight changes.</source>
        <translation>Потери на плоскости через текущие веса (★ в центре). Тёмное — низкое. Крутые узкие долины означают, что потери чувствительны к малым изменениям весов.</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>потери</translation>
    </message>
    <message>
        <source>&lt;b&gt;How to read it.&lt;/b&gt; The map is the loss on a plane through the current weights (★). A wide, round basin is forgiving; a narrow valley means small weight changes cost a lot. On the PCA plane, the red line is the path training took, from step 0 to now. Below, the loss on the straight line from the initial weights θ₀ to the current θ: a smooth fall means no barrier lay in between.</source>
        <translation>&lt;b&gt;Как читать.&lt;/b&gt; Карта — потери на плоскости через текущие веса (★). Широкая круглая чаша прощает ошибки; узкая долина означает, что малые изменения весов дорого стоят. На плоскости PCA красная линия — путь обучения от шага 0 до сейчас. Ниже — потери на прямой от начальных весов θ₀ к текущим θ: плавное падение означает, что барьера между ними не было.</translation>
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
        <translation>PCA: PC1 {a}, PC2 {b}</translation>
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
        <translation>Случайные оси, шаг {s}</translation>
    </message>
    <message>
        <source> of {n}</source>
        <translation> из {n}</translation>
    </message>
    <message>
        <source>The training set has {n} samples: at most that many can be used.</source>
        <translation>В обучающем наборе {n} примеров: больше использовать нельзя.</translation>
    </message>
    <message>
        <source>Could not read the network: {reason}</source>
        <translation>Не удалось прочитать сеть: {reason}</translation>
    </message>
    <message>
        <source>There is no network to slice yet.</source>
        <translation>Сети для среза ещё нет.</translation>
    </message>
    <message>
        <source>Computing the slice at step {s}…</source>
        <translation>Вычисляется срез на шаге {s}…</translation>
    </message>
    <message>
        <source>step {s}</source>
        <translation>шаг {s}</translation>
    </message>
    <message>
        <source>θ₀ (step {s})</source>
        <translation>θ₀ (шаг {s})</translation>
    </message>
    <message>
        <source>θ (step {s})</source>
        <translation>θ (шаг {s})</translation>
    </message>
    <message>
        <source>No network connected: build one in the training panel.</source>
        <translation>Сеть не подключена: постройте её в панели обучения.</translation>
    </message>
    <message>
        <source>Slice at step {s}: {n} samples, loss at the centre {c}, lowest {low}.</source>
        <translation>Срез на шаге {s}: примеров {n}, потери в центре {c}, наименьшие {low}.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cancelled&lt;/b&gt;: the rows not computed are grey.</source>
        <translation>&lt;b&gt;Отменено&lt;/b&gt;: невычисленные строки серые.</translation>
    </message>
    <message>
        <source>Training is now at step {t}: press Compute to slice the current weights.</source>
        <translation>Обучение уже на шаге {t}: нажмите «Вычислить», чтобы срезать текущие веса.</translation>
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
        <translation>импульс</translation>
    </message>
    <message>
        <source>nesterov</source>
        <translation>Нестеров</translation>
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
        <translation>У поверхности «{surface}» нет минимума (её наименьшая кривизна {value}): оптимальных параметров нет.</translation>
    </message>
    <message>
        <source>{surface} is not a quadratic: its curvature (Hessian) changes from place to place, so no constant learning rate and momentum are optimal everywhere. Choose the ravine, Booth or a quadratic formula.</source>
        <translation>Поверхность «{surface}» не квадратичная: её кривизна (гессиан) меняется от точки к точке, поэтому нет постоянных скорости обучения и момента, оптимальных везде. Выберите овраг, Booth или квадратичную формулу.</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Оптимизатор</translation>
    </message>
    <message>
        <source>lr</source>
        <translation>lr</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>импульс</translation>
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
        <translation>обр. ‖g‖</translation>
    </message>
    <message>
        <source>The colour of this optimizer&apos;s path, marker and curves.</source>
        <translation>Цвет траектории, маркера и кривых этого оптимизатора.</translation>
    </message>
    <message>
        <source>The update rule (the engine&apos;s own optimizers, as torch.optim documents them). Momentum accumulates velocity: it speeds along a ravine&apos;s floor and damps the zig-zag across it. Adam, RMSprop and Adagrad divide each coordinate by its own gradient history, so their steps hardly depend on the gradient&apos;s size.</source>
        <translation>Правило обновления (собственные оптимизаторы движка, как их описывает torch.optim). Импульс накапливает скорость: ускоряется вдоль дна оврага и гасит зигзаг поперёк. Adam, RMSprop и Adagrad делят каждую координату на её собственную историю градиента, поэтому их шаги почти не зависят от величины градиента.</translation>
    </message>
    <message>
        <source>Learning rate: the step is lr × gradient for plain descent. Above 2/λmax (the steepest curvature) gradient descent overshoots more each step and diverges.</source>
        <translation>Скорость обучения: для обычного спуска шаг равен lr × градиент. Выше 2/λmax (наибольшая кривизна) градиентный спуск с каждым шагом проскакивает сильнее и расходится.</translation>
    </message>
    <message>
        <source>Momentum μ: the velocity keeps this fraction of itself each step (0 = none). The effective step along a steady slope grows to lr/(1 − μ).</source>
        <translation>Импульс μ: скорость сохраняет эту долю себя на каждом шаге (0 = нет). Эффективный шаг вдоль ровного склона растёт до lr/(1 − μ).</translation>
    </message>
    <message>
        <source>β₁: how long Adam remembers the gradient&apos;s direction (its momentum).</source>
        <translation>β₁: как долго Adam помнит направление градиента (его импульс).</translation>
    </message>
    <message>
        <source>β₂: how long Adam remembers the gradient&apos;s size per coordinate (its scale).</source>
        <translation>β₂: как долго Adam помнит величину градиента по каждой координате (его масштаб).</translation>
    </message>
    <message>
        <source>ε: added to the denominator of adaptive methods; it caps the step where the gradient history is tiny (flat regions).</source>
        <translation>ε: прибавляется к знаменателю адаптивных методов; ограничивает шаг там, где история градиента крошечная (плоские области).</translation>
    </message>
    <message>
        <source>Clip the gradient&apos;s norm to this value before the step (0 = off). On a cliff an unclipped step is catapulted far away; clipped SGD moves at most lr × clip.</source>
        <translation>Обрезать норму градиента до этого значения перед шагом (0 = выкл.). На обрыве шаг без обрезки катапультирует далеко; SGD с обрезкой смещается не больше чем на lr × clip.</translation>
    </message>
    <message>
        <source>The optimizers in the race: all start at the same point with the same gradient noise, so their differences come from the update rules alone.</source>
        <translation>Оптимизаторы в гонке: все стартуют из одной точки с одинаковым шумом градиента, так что различия дают только правила обновления.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Add an optimizer of the chosen kind to the race (up to 16).</source>
        <translation>Добавить в гонку оптимизатор выбранного вида (до 16).</translation>
    </message>
    <message>
        <source>The kind of optimizer Add puts in the race.</source>
        <translation>Вид оптимизатора, который «Добавить» ставит в гонку.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Remove the selected optimizer from the race.</source>
        <translation>Убрать выбранный оптимизатор из гонки.</translation>
    </message>
    <message>
        <source>Optimal settings for this quadratic</source>
        <translation>Оптимум для этой квадратичной функции</translation>
    </message>
    <message>
        <source>off</source>
        <translation>выкл.</translation>
    </message>
    <message>
        <source>Offered on a quadratic surface (such as the ravine).</source>
        <translation>Доступно для квадратичной поверхности (например, оврага).</translation>
    </message>
    <message>
        <source>Race gradient descent at its best learning rate 2/(λmin + λmax) = {gd_lr} against momentum at Goh&apos;s optimal α* = (2/(√λmin + √λmax))² = {lr} and β* = ((√κ − 1)/(√κ + 1))² = {beta}, with Adam for comparison. Here λmin = {lam_min}, λmax = {lam_max}, κ = {kappa}: per step the error shrinks by {gd_rate} for gradient descent and by {rate} for momentum (about √κ times fewer steps). Only the racers change; the surface, the start and the steps stay.</source>
        <translation>Гонка градиентного спуска с лучшей скоростью обучения 2/(λmin + λmax) = {gd_lr} против метода моментов с оптимальными по Гоху α* = (2/(√λmin + √λmax))² = {lr} и β* = ((√κ − 1)/(√κ + 1))² = {beta}; Adam остаётся для сравнения. Здесь λmin = {lam_min}, λmax = {lam_max}, κ = {kappa}: за шаг ошибка уменьшается в {gd_rate} раза у градиентного спуска и в {rate} раза у метода моментов (примерно в √κ раз меньше шагов). Меняются только участники; поверхность, старт и число шагов остаются.</translation>
    </message>
</context>
<context>
    <name>PauseReason</name>
    <message>
        <source>Paused at step {step}.</source>
        <translation>Пауза на шаге {step}.</translation>
    </message>
    <message>
        <source>Stepped to step {step}.</source>
        <translation>Пройдено до шага {step}.</translation>
    </message>
    <message>
        <source>Paused: step {step} reached.</source>
        <translation>Пауза: достигнут шаг {step}.</translation>
    </message>
    <message>
        <source>Paused at step {step}: the diagnosis changed.</source>
        <translation>Пауза на шаге {step}: диагноз изменился.</translation>
    </message>
    <message>
        <source>Paused at step {step}: the loss fell below the set value.</source>
        <translation>Пауза на шаге {step}: потери опустились ниже заданного значения.</translation>
    </message>
    <message>
        <source>Paused at step {step}: a loss or gradient became NaN/Inf.</source>
        <translation>Пауза на шаге {step}: потери или градиент стали NaN/Inf.</translation>
    </message>
    <message>
        <source>Stopped at step {step}: an error occurred.</source>
        <translation>Остановлено на шаге {step}: произошла ошибка.</translation>
    </message>
</context>
<context>
    <name>RaceLayer</name>
    <message>
        <source>diverged at step {k}</source>
        <translation>разошёлся на шаге {k}</translation>
    </message>
    <message>
        <source>off view at step {k}</source>
        <translation>ушёл из вида на шаге {k}</translation>
    </message>
</context>
<context>
    <name>RaceResults</name>
    <message>
        <source>diverged at step {k} (NaN or ∞)</source>
        <translation>разошёлся на шаге {k} (NaN или ∞)</translation>
    </message>
    <message>
        <source>diverged at step {k} (flew off)</source>
        <translation>разошёлся на шаге {k} (улетел)</translation>
    </message>
    <message>
        <source>converged</source>
        <translation>сошёлся</translation>
    </message>
    <message>
        <source>settled in a minimum (gradient ≈ 0)</source>
        <translation>остановился в минимуме (градиент ≈ 0)</translation>
    </message>
    <message>
        <source>stuck in a local minimum (gradient ≈ 0)</source>
        <translation>застрял в локальном минимуме (градиент ≈ 0)</translation>
    </message>
    <message>
        <source>stalled at a saddle point: gradient ≈ 0, not a minimum</source>
        <translation>застрял в седловой точке: градиент ≈ 0, но это не минимум</translation>
    </message>
    <message>
        <source>stalled at a maximum: gradient ≈ 0, not a minimum</source>
        <translation>застрял в максимуме: градиент ≈ 0, но это не минимум</translation>
    </message>
    <message>
        <source>stalled on a flat spot: gradient ≈ 0, not a minimum</source>
        <translation>застрял на плоском участке: градиент ≈ 0, но это не минимум</translation>
    </message>
    <message>
        <source>still moving after {n} steps</source>
        <translation>не сошёлся за {n} шагов</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Оптимизатор</translation>
    </message>
    <message>
        <source>Steps to
converge</source>
        <translation>Шагов до
сходимости</translation>
    </message>
    <message>
        <source>Final
value</source>
        <translation>Итоговое
значение</translation>
    </message>
    <message>
        <source>Minimum
reached</source>
        <translation>Достигнутый
минимум</translation>
    </message>
    <message>
        <source>Clipped
steps</source>
        <translation>Шагов
с обрезкой</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Итог</translation>
    </message>
    <message>
        <source>Steps to converge: the first step within 10⁻⁶ of a listed minimum&apos;s value and close to it (1% of the view&apos;s diagonal). Clipped: steps where gradient clipping fired. A run that produces NaN or ∞, or flies far outside the plot, is stopped and reported as diverged at that step.</source>
        <translation>Шагов до сходимости: первый шаг, на котором значение в пределах 10⁻⁶ от значения указанного минимума и точка близко к нему (1% диагонали вида). С обрезкой: шаги, где сработала обрезка градиента. Запуск, давший NaN или ∞ либо улетевший далеко за график, останавливается и считается разошедшимся на этом шаге.</translation>
    </message>
    <message>
        <source>Stalled: the run stopped where the gradient is ≈ 0 but the surface is not at a minimum (the Hessian has a negative or zero curvature there: a saddle point, a maximum, a flat spot); it stays there unless noise pushes it off.</source>
        <translation>Застрял: запуск остановился там, где градиент ≈ 0, но поверхность там не в минимуме (у гессиана там отрицательная или нулевая кривизна: седловая точка, максимум, плоский участок); он останется там, если шум его не сдвинет.</translation>
    </message>
    <message>
        <source>computing…</source>
        <translation>вычисляется…</translation>
    </message>
    <message>
        <source>none listed</source>
        <translation>не указаны</translation>
    </message>
    <message>
        <source>#{n} at ({x}, {y})</source>
        <translation>№{n} в ({x}, {y})</translation>
    </message>
</context>
<context>
    <name>Remedy</name>
    <message>
        <source>lower the learning rate (try half)</source>
        <translation>снизьте скорость обучения (попробуйте вдвое)</translation>
    </message>
    <message>
        <source>clip the gradient by its norm</source>
        <translation>обрежьте градиент по норме</translation>
    </message>
    <message>
        <source>add normalization (BatchNorm, LayerNorm)</source>
        <translation>добавьте нормализацию (BatchNorm, LayerNorm)</translation>
    </message>
    <message>
        <source>lower the learning rate</source>
        <translation>снизьте скорость обучения</translation>
    </message>
    <message>
        <source>use Xavier (tanh) or He (ReLU) initialization</source>
        <translation>используйте инициализацию Xavier (tanh) или He (ReLU)</translation>
    </message>
    <message>
        <source>add BatchNorm or residual connections</source>
        <translation>добавьте BatchNorm или остаточные связи</translation>
    </message>
    <message>
        <source>add L2 regularization (weight decay)</source>
        <translation>добавьте регуляризацию L2 (затухание весов)</translation>
    </message>
    <message>
        <source>use ReLU-family activations: their slope is 1, not at most 1/4</source>
        <translation>используйте активации семейства ReLU: их наклон 1, а не не больше 1/4</translation>
    </message>
    <message>
        <source>add BatchNorm or LayerNorm</source>
        <translation>добавьте BatchNorm или LayerNorm</translation>
    </message>
    <message>
        <source>add residual connections: the gradient gets a short path</source>
        <translation>добавьте остаточные связи: у градиента появится короткий путь</translation>
    </message>
    <message>
        <source>use fewer layers</source>
        <translation>используйте меньше слоёв</translation>
    </message>
    <message>
        <source>train in float32 or float64: they keep much smaller numbers</source>
        <translation>обучайте в float32 или float64: они хранят гораздо меньшие числа</translation>
    </message>
    <message>
        <source>fix the vanishing gradient: ReLU-family activations, Xavier or He initialization</source>
        <translation>устраните затухание градиента: активации семейства ReLU, инициализация Xavier или He</translation>
    </message>
    <message>
        <source>scale the loss up before backpropagation (loss scaling, as mixed precision does)</source>
        <translation>увеличьте потери перед обратным распространением (масштабирование потерь, как при смешанной точности)</translation>
    </message>
    <message>
        <source>use leaky ReLU, PReLU or ELU: a small slope below 0 keeps units alive</source>
        <translation>используйте leaky ReLU, PReLU или ELU: малый наклон ниже 0 сохраняет нейроны живыми</translation>
    </message>
    <message>
        <source>use He initialization</source>
        <translation>используйте инициализацию He</translation>
    </message>
    <message>
        <source>use Xavier initialization with gain 5/3 for tanh</source>
        <translation>используйте для tanh инициализацию Xavier с коэффициентом 5/3</translation>
    </message>
    <message>
        <source>use ReLU-family activations</source>
        <translation>используйте активации семейства ReLU</translation>
    </message>
    <message>
        <source>add normalization before the activation</source>
        <translation>добавьте нормализацию перед активацией</translation>
    </message>
    <message>
        <source>use random initialization (Xavier, He) to break the symmetry</source>
        <translation>используйте случайную инициализацию (Xavier, He), чтобы нарушить симметрию</translation>
    </message>
</context>
<context>
    <name>ScenarioGallery</name>
    <message>
        <source>Scenarios</source>
        <extracomment>the language of each scenario&apos;s thumbnail file shown (None: the drawn placeholder)</extracomment>
        <translation>Сценарии</translation>
    </message>
    <message>
        <source>&amp;Variant:</source>
        <translation>&amp;Вариант:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Открыть</translation>
    </message>
    <message>
        <source>Load this scenario into the window and bring its panels to the front.</source>
        <translation>Загрузить этот сценарий в окно и вывести его панели на передний план.</translation>
    </message>
    <message>
        <source>No scenarios found.</source>
        <translation>Сценарии не найдены.</translation>
    </message>
    <message>
        <source>As described</source>
        <translation>Как описано</translation>
    </message>
    <message>
        <source>Network: trains for {steps} steps</source>
        <translation>Сеть: {steps} шагов обучения</translation>
    </message>
    <message>
        <source>Landscape: a race of {steps} steps</source>
        <translation>Ландшафт: гонка оптимизаторов на {steps} шагов</translation>
    </message>
    <message>
        <source>Formula</source>
        <translation>Формула</translation>
    </message>
    <message>
        <source>What to watch</source>
        <translation>На что смотреть</translation>
    </message>
    <message>
        <source>Try next</source>
        <translation>Что попробовать дальше</translation>
    </message>
    <message>
        <source>Opened the scenario {title}.</source>
        <translation>Открыт сценарий «{title}».</translation>
    </message>
    <message>
        <source>S&amp;cenarios...</source>
        <translation>С&amp;ценарии...</translation>
    </message>
    <message>
        <source>The lecture scenarios: each a ready network or landscape with its explanation. Open one here.</source>
        <translation>Сценарии для лекций: готовая сеть или ландшафт с объяснением. Откройте любой отсюда.</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>gradsim sessions (*.gradsim);;All files (*)</source>
        <extracomment>Panels whose widgets are the configuration, not a view (restoring them would change the run).</extracomment>
        <translation>Сеансы gradsim (*.gradsim);;Все файлы (*)</translation>
    </message>
    <message>
        <source>gradsim recipes (*.json);;All files (*)</source>
        <translation>Рецепты gradsim (*.json);;Все файлы (*)</translation>
    </message>
    <message>
        <source>&amp;New session</source>
        <extracomment>The session was written to its file (the path): an autosave kept for it can go. :func:`disk_stamp` of ``path`` when this window last read or wrote it.</extracomment>
        <translation>&amp;Новый сеанс</translation>
    </message>
    <message>
        <source>Start over with the default network.</source>
        <translation>Начать заново с сетью по умолчанию.</translation>
    </message>
    <message>
        <source>Open &amp;session...</source>
        <translation>Открыть &amp;сеанс...</translation>
    </message>
    <message>
        <source>Open a saved .gradsim session.</source>
        <translation>Открыть сохранённый сеанс .gradsim.</translation>
    </message>
    <message>
        <source>&amp;Save session</source>
        <translation>&amp;Сохранить сеанс</translation>
    </message>
    <message>
        <source>Save the session (Ctrl+S).</source>
        <translation>Сохранить сеанс (Ctrl+S).</translation>
    </message>
    <message>
        <source>Save session &amp;as...</source>
        <translation>Сохранить сеанс &amp;как...</translation>
    </message>
    <message>
        <source>Save the session to a new file.</source>
        <translation>Сохранить сеанс в новый файл.</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Вернуть</translation>
    </message>
    <message>
        <source>Reopen the saved file and drop the changes since.</source>
        <translation>Заново открыть сохранённый файл и отбросить изменения после него.</translation>
    </message>
    <message>
        <source>E&amp;xport recipe...</source>
        <translation>&amp;Экспорт рецепта...</translation>
    </message>
    <message>
        <source>Save the configuration alone (JSON), without the training state.</source>
        <translation>Сохранить только конфигурацию (JSON), без состояния обучения.</translation>
    </message>
    <message>
        <source>&amp;Import recipe...</source>
        <translation>&amp;Импорт рецепта...</translation>
    </message>
    <message>
        <source>Load a configuration (JSON) and train it from step 0.</source>
        <translation>Загрузить конфигурацию (JSON) и обучать с шага 0.</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Недавние</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Notes for this session (saved with it).</source>
        <translation>Заметки к этому сеансу (сохраняются вместе с ним).</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Без имени</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>The session has unsaved changes. Save them first?</source>
        <translation>В сеансе есть несохранённые изменения. Сначала сохранить?</translation>
    </message>
    <message>
        <source>Cannot start a new session</source>
        <translation>Не удаётся начать новый сеанс</translation>
    </message>
    <message>
        <source>Open a session</source>
        <translation>Открыть сеанс</translation>
    </message>
    <message>
        <source>Cannot open the session</source>
        <translation>Не удаётся открыть сеанс</translation>
    </message>
    <message>
        <source>Save the session</source>
        <translation>Сохранить сеанс</translation>
    </message>
    <message>
        <source>Not saved: {file} changed on disk.</source>
        <translation>Не сохранено: файл {file} изменён на диске.</translation>
    </message>
    <message>
        <source>Cannot save the session</source>
        <translation>Не удаётся сохранить сеанс</translation>
    </message>
    <message>
        <source>Saved {file}.</source>
        <translation>Сохранено: {file}.</translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation>Файл изменён на диске</translation>
    </message>
    <message>
        <source>{file} was changed on disk since this window opened or saved it (by another gradsim window or another program). Replace it with this session?

No keeps the file on disk as it is; Save session as... keeps both.</source>
        <translation>Файл {file} изменён на диске после того, как это окно открыло или сохранило его (другим окном gradsim или другой программой). Заменить его этим сеансом?

«Нет» оставит файл на диске как есть; «Сохранить сеанс как...» сохранит оба.</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Вернуть</translation>
    </message>
    <message>
        <source>Drop the changes since the last save?</source>
        <translation>Отбросить изменения после последнего сохранения?</translation>
    </message>
    <message>
        <source>Export a recipe</source>
        <translation>Экспорт рецепта</translation>
    </message>
    <message>
        <source>Cannot export the recipe</source>
        <translation>Не удаётся экспортировать рецепт</translation>
    </message>
    <message>
        <source>Import a recipe</source>
        <translation>Импорт рецепта</translation>
    </message>
    <message>
        <source>Cannot import the recipe</source>
        <translation>Не удаётся импортировать рецепт</translation>
    </message>
    <message>
        <source>{path} no longer exists.</source>
        <translation>{path} больше не существует.</translation>
    </message>
</context>
<context>
    <name>SessionError</name>
    <message>
        <source>Session file problem</source>
        <translation>Проблема с файлом сеанса</translation>
    </message>
    <message>
        <source>{path}: no such file</source>
        <extracomment>The session layer&apos;s templates (gradsim.session.errors.MESSAGES), context &quot;SessionError&quot;.</extracomment>
        <translation>{path}: нет такого файла</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({reason})</source>
        <translation>{path}: не удаётся прочитать ({reason})</translation>
    </message>
    <message>
        <source>{path}: the file is empty</source>
        <translation>{path}: файл пуст</translation>
    </message>
    <message>
        <source>{path}: not a gradsim session file (not a zip archive)</source>
        <translation>{path}: не файл сеанса gradsim (не zip-архив)</translation>
    </message>
    <message>
        <source>{path}: the file is cut short (incomplete download or copy?)</source>
        <translation>{path}: файл обрезан (неполная загрузка или копия?)</translation>
    </message>
    <message>
        <source>{path}: the file is damaged ({detail})</source>
        <translation>{path}: файл повреждён ({detail})</translation>
    </message>
    <message>
        <source>{path}: not enough memory to open this file</source>
        <translation>{path}: недостаточно памяти, чтобы открыть файл</translation>
    </message>
    <message>
        <source>{path}: the archive lists {count} members; a session has at most {expected}</source>
        <translation>{path}: в архиве элементов: {count}; в сеансе их не больше {expected}</translation>
    </message>
    <message>
        <source>{path}: refused: unsafe member name &apos;{name}&apos; in the archive</source>
        <translation>{path}: отклонено: небезопасное имя элемента «{name}» в архиве</translation>
    </message>
    <message>
        <source>{path}: unexpected member &apos;{name}&apos; in the archive</source>
        <translation>{path}: неожиданный элемент «{name}» в архиве</translation>
    </message>
    <message>
        <source>{path}: member &apos;{name}&apos; appears more than once</source>
        <translation>{path}: элемент «{name}» встречается больше одного раза</translation>
    </message>
    <message>
        <source>{path}: the archive has no &apos;{name}&apos;</source>
        <translation>{path}: в архиве нет «{name}»</translation>
    </message>
    <message>
        <source>{path}: member &apos;{name}&apos; is encrypted; sessions are never encrypted</source>
        <translation>{path}: элемент «{name}» зашифрован; сеансы никогда не шифруются</translation>
    </message>
    <message>
        <source>{path}: member &apos;{name}&apos; uses compression method {method}; only stored (0) and deflate (8) are read</source>
        <translation>{path}: элемент «{name}» сжат методом {method}; читаются только stored (0) и deflate (8)</translation>
    </message>
    <message>
        <source>{path}: &apos;{name}&apos; would take {size} bytes; the limit is {limit}</source>
        <translation>{path}: «{name}» займёт {size} байт; предел {limit}</translation>
    </message>
    <message>
        <source>{path}: the contents would take {size} bytes; the limit is {limit}</source>
        <translation>{path}: содержимое займёт {size} байт; предел {limit}</translation>
    </message>
    <message>
        <source>{path}: manifest.json is not UTF-8 text</source>
        <translation>{path}: manifest.json — не текст UTF-8</translation>
    </message>
    <message>
        <source>{path}: manifest.json is not valid JSON ({detail})</source>
        <translation>{path}: manifest.json — неверный JSON ({detail})</translation>
    </message>
    <message>
        <source>{path}: manifest.json is nested deeper than {limit} levels</source>
        <translation>{path}: вложенность manifest.json глубже {limit} уровней</translation>
    </message>
    <message>
        <source>{path}: manifest.json must hold a JSON object, not {found}</source>
        <translation>{path}: manifest.json должен содержать объект JSON, а не {found}</translation>
    </message>
    <message>
        <source>{path}: not a gradsim session (format is &apos;{found}&apos;)</source>
        <translation>{path}: не сеанс gradsim (формат «{found}»)</translation>
    </message>
    <message>
        <source>{path}: the schema version must be a whole number &gt;= 1, got &apos;{found}&apos;</source>
        <translation>{path}: версия схемы должна быть целым &gt;= 1, получено «{found}»</translation>
    </message>
    <message>
        <source>{path}: this file needs gradsim schema {found}; this gradsim reads up to {supported} — update gradsim (the file was written by gradsim {app_version})</source>
        <translation>{path}: файлу нужна схема gradsim {found}; этот gradsim читает до {supported} — обновите gradsim (файл записан gradsim {app_version})</translation>
    </message>
    <message>
        <source>{path}: the manifest&apos;s array table is malformed at {where}</source>
        <translation>{path}: таблица массивов манифеста повреждена в {where}</translation>
    </message>
    <message>
        <source>{path}: {count} arrays; the limit is {limit}</source>
        <translation>{path}: массивов {count}; предел {limit}</translation>
    </message>
    <message>
        <source>{path}: invalid array name &apos;{name}&apos;</source>
        <translation>{path}: недопустимое имя массива «{name}»</translation>
    </message>
    <message>
        <source>{path}: array &apos;{name}&apos; appears more than once</source>
        <translation>{path}: массив «{name}» встречается больше одного раза</translation>
    </message>
    <message>
        <source>{path}: array &apos;{name}&apos; holds Python objects (pickles are never loaded)</source>
        <translation>{path}: массив «{name}» содержит объекты Python (pickle никогда не загружается)</translation>
    </message>
    <message>
        <source>{path}: array &apos;{name}&apos; has type {dtype}; only numbers and booleans</source>
        <translation>{path}: массив «{name}» имеет тип {dtype}; допустимы только числа и логические значения</translation>
    </message>
    <message>
        <source>{path}: array &apos;{name}&apos; would take {size} bytes; the limit is {limit}</source>
        <translation>{path}: массив «{name}» займёт {size} байт; предел {limit}</translation>
    </message>
    <message>
        <source>{path}: array &apos;{name}&apos; is listed in the manifest but missing</source>
        <translation>{path}: массив «{name}» указан в манифесте, но отсутствует</translation>
    </message>
    <message>
        <source>{path}: array &apos;{name}&apos; is not listed in the manifest</source>
        <translation>{path}: массив «{name}» не указан в манифесте</translation>
    </message>
    <message>
        <source>{path}: array &apos;{name}&apos; has shape {found}; the manifest says {expected}</source>
        <translation>{path}: массив «{name}» имеет форму {found}; в манифесте {expected}</translation>
    </message>
    <message>
        <source>{path}: array &apos;{name}&apos; has type {found}; the manifest says {expected}</source>
        <translation>{path}: массив «{name}» имеет тип {found}; в манифесте {expected}</translation>
    </message>
    <message>
        <source>{what}: array &apos;{name}&apos; holds NaN or Inf</source>
        <translation>{what}: массив «{name}» содержит NaN или Inf</translation>
    </message>
    <message>
        <source>{path}: the manifest cannot be written as JSON ({detail})</source>
        <translation>{path}: манифест нельзя записать как JSON ({detail})</translation>
    </message>
    <message>
        <source>{path}: could not save ({reason}); the previous file is unchanged</source>
        <translation>{path}: не удалось сохранить ({reason}); прежний файл не изменён</translation>
    </message>
    <message>
        <source>{path}: could not save ({reason}); no file was created</source>
        <translation>{path}: не удалось сохранить ({reason}); файл не создан</translation>
    </message>
    <message>
        <source>{path}: the session&apos;s settings are invalid ({detail})</source>
        <translation>{path}: настройки сеанса неверны ({detail})</translation>
    </message>
    <message>
        <source>{path}: the session&apos;s training state does not fit its settings ({detail})</source>
        <translation>{path}: состояние обучения сеанса не соответствует его настройкам ({detail})</translation>
    </message>
</context>
<context>
    <name>Surface</name>
    <message>
        <source>saddle</source>
        <translation>седло</translation>
    </message>
    <message>
        <source>bounded-saddle</source>
        <translation>седло между долинами</translation>
    </message>
    <message>
        <source>monkey-saddle</source>
        <translation>обезьянье седло</translation>
    </message>
    <message>
        <source>cliff</source>
        <translation>обрыв</translation>
    </message>
    <message>
        <source>ravine</source>
        <translation>овраг</translation>
    </message>
    <message>
        <source>plateau</source>
        <translation>плато</translation>
    </message>
    <message>
        <source>rosenbrock</source>
        <translation>Розенброк</translation>
    </message>
    <message>
        <source>beale</source>
        <translation>Била</translation>
    </message>
    <message>
        <source>himmelblau</source>
        <translation>Химмельблау</translation>
    </message>
    <message>
        <source>booth</source>
        <translation>Бута</translation>
    </message>
    <message>
        <source>rastrigin</source>
        <translation>Растригин</translation>
    </message>
    <message>
        <source>ackley</source>
        <translation>Экли</translation>
    </message>
    <message>
        <source>six-hump-camel</source>
        <translation>шестигорбый верблюд</translation>
    </message>
    <message>
        <source>goldstein-price</source>
        <translation>Голдстейн-Прайс</translation>
    </message>
    <message>
        <source>formula</source>
        <translation>формула</translation>
    </message>
    <message>
        <source>height</source>
        <extracomment>Parameter names as the form labels them.</extracomment>
        <translation>высота</translation>
    </message>
    <message>
        <source>steepness</source>
        <translation>крутизна</translation>
    </message>
    <message>
        <source>position</source>
        <translation>положение</translation>
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
        <translation>поворот</translation>
    </message>
    <message>
        <source>width</source>
        <translation>ширина</translation>
    </message>
    <message>
        <source>depth</source>
        <translation>глубина</translation>
    </message>
    <message>
        <source>Saddle point</source>
        <extracomment>Every title, description and parameter help of gradsim.landscapes, by its English text.</extracomment>
        <translation>Седловая точка</translation>
    </message>
    <message>
        <source>A point where the gradient vanishes but the surface curves up along x and down along y. Plain gradient descent started on the ridge line y = 0 never leaves it, and a tiny offset escapes only after many steps.</source>
        <translation>Точка, где градиент исчезает, но поверхность изгибается вверх по x и вниз по y. Обычный градиентный спуск, начатый на линии гребня y = 0, никогда её не покидает, а малое смещение уходит лишь через много шагов.</translation>
    </message>
    <message>
        <source>curvature along x (upward)</source>
        <translation>кривизна по x (вверх)</translation>
    </message>
    <message>
        <source>curvature along y (downward)</source>
        <translation>кривизна по y (вниз)</translation>
    </message>
    <message>
        <source>Saddle between two valleys</source>
        <translation>Седло между двумя долинами</translation>
    </message>
    <message>
        <source>A saddle at the origin with a valley on each side, at (0, -1) and (0, 1). It shows how long an optimizer lingers near a saddle before it falls into one of the minima.</source>
        <translation>Седло в начале координат с долиной по обе стороны, в (0, -1) и (0, 1). Показывает, как долго оптимизатор медлит у седла, прежде чем скатиться в один из минимумов.</translation>
    </message>
    <message>
        <source>curvature along x</source>
        <translation>кривизна по x</translation>
    </message>
    <message>
        <source>Monkey saddle</source>
        <translation>Обезьянье седло</translation>
    </message>
    <message>
        <source>A flat point with three ways down and three ways up, where even the curvature is zero. Gradients near it are tiny in every direction, so optimizers creep before they pick a valley.</source>
        <translation>Плоская точка с тремя путями вниз и тремя вверх, где равна нулю даже кривизна. Градиенты рядом с ней крошечные во всех направлениях, и оптимизаторы ползут, пока не выберут долину.</translation>
    </message>
    <message>
        <source>Cliff</source>
        <translation>Обрыв</translation>
    </message>
    <message>
        <source>A gentle valley that ends in a near-vertical wall, like the exploding-gradient cliffs of recurrent networks. One step onto the wall catapults an unclipped optimizer far away; gradient clipping keeps the step short.</source>
        <translation>Пологая долина, заканчивающаяся почти отвесной стеной, как обрывы взрывающегося градиента в рекуррентных сетях. Один шаг на стену катапультирует оптимизатор без обрезки далеко; обрезка градиента держит шаг коротким.</translation>
    </message>
    <message>
        <source>wall height H</source>
        <translation>высота стены H</translation>
    </message>
    <message>
        <source>wall steepness k</source>
        <translation>крутизна стены k</translation>
    </message>
    <message>
        <source>wall position x0</source>
        <translation>положение стены x0</translation>
    </message>
    <message>
        <source>Ravine (ill-conditioned bowl)</source>
        <translation>Овраг (плохо обусловленная чаша)</translation>
    </message>
    <message>
        <source>A long narrow valley whose walls are kappa times steeper than its floor. Gradient descent zig-zags across it and crawls along it; momentum fixes both.</source>
        <translation>Длинная узкая долина, стенки которой в kappa раз круче дна. Градиентный спуск зигзагом мечется поперёк и ползёт вдоль; импульс исправляет и то, и другое.</translation>
    </message>
    <message>
        <source>condition number lambda_max/lambda_min</source>
        <translation>число обусловленности lambda_max/lambda_min</translation>
    </message>
    <message>
        <source>curvature along the floor</source>
        <translation>кривизна вдоль дна</translation>
    </message>
    <message>
        <source>angle of the floor, degrees</source>
        <translation>угол дна, градусы</translation>
    </message>
    <message>
        <source>Plateau</source>
        <translation>Плато</translation>
    </message>
    <message>
        <source>A basin surrounded by a nearly flat plain where the gradient almost vanishes. Plain gradient descent crawls across it, while adaptive methods such as Adam stride.</source>
        <translation>Котловина среди почти плоской равнины, где градиент почти исчезает. Обычный градиентный спуск ползёт по ней, а адаптивные методы вроде Adam шагают широко.</translation>
    </message>
    <message>
        <source>basin radius s</source>
        <translation>радиус котловины s</translation>
    </message>
    <message>
        <source>height D of the plain</source>
        <translation>высота равнины D</translation>
    </message>
    <message>
        <source>Rosenbrock&apos;s banana</source>
        <translation>«Банан» Розенброка</translation>
    </message>
    <message>
        <source>A curved, flat-bottomed valley: finding the valley is easy, following it to the minimum at (1, 1) is slow. It is the classic test of how optimizers handle curvature that changes direction.</source>
        <translation>Изогнутая долина с плоским дном: найти её легко, а пройти по ней до минимума в (1, 1) — долго. Классическая проверка того, как оптимизаторы справляются с кривизной, меняющей направление.</translation>
    </message>
    <message>
        <source>the minimum is at (a, a^2)</source>
        <translation>минимум в (a, a^2)</translation>
    </message>
    <message>
        <source>steepness of the valley walls</source>
        <translation>крутизна стенок долины</translation>
    </message>
    <message>
        <source>Beale&apos;s function</source>
        <translation>Функция Била</translation>
    </message>
    <message>
        <source>Sharp ridges around a flat region, with the minimum in a narrow valley at (3, 0.5). Gradients range over many orders of magnitude, which rewards adaptive step sizes.</source>
        <translation>Острые гребни вокруг плоской области, минимум в узкой долине в (3, 0.5). Градиенты охватывают много порядков, что вознаграждает адаптивный размер шага.</translation>
    </message>
    <message>
        <source>Himmelblau&apos;s function</source>
        <translation>Функция Химмельблау</translation>
    </message>
    <message>
        <source>Four equally deep minima separated by saddles and one hill. Where a run ends depends on where it starts and on the optimizer, so it shows basins of attraction.</source>
        <translation>Четыре одинаково глубоких минимума, разделённых сёдлами и одним холмом. Где закончится запуск, зависит от старта и оптимизатора, поэтому видны области притяжения.</translation>
    </message>
    <message>
        <source>Booth&apos;s function</source>
        <translation>Функция Бута</translation>
    </message>
    <message>
        <source>A plain quadratic bowl, tilted and nine times steeper across than along. It is the easy case to compare every optimizer against before the hard ones.</source>
        <translation>Обычная квадратичная чаша, наклонённая и в девять раз круче поперёк, чем вдоль. Простой случай, с которым сравнивают оптимизаторы перед трудными.</translation>
    </message>
    <message>
        <source>Rastrigin&apos;s function</source>
        <translation>Функция Растригина</translation>
    </message>
    <message>
        <source>A bowl covered in regularly spaced dimples, each a local minimum. Small steps get stuck in the nearest dimple; noise, momentum or large steps see the bowl underneath.</source>
        <translation>Чаша, покрытая правильно расположенными ямками, каждая — локальный минимум. Малые шаги застревают в ближайшей ямке; шум, импульс или большие шаги видят чашу под ними.</translation>
    </message>
    <message>
        <source>depth A of the dimples</source>
        <translation>глубина ямок A</translation>
    </message>
    <message>
        <source>Ackley&apos;s function</source>
        <translation>Функция Экли</translation>
    </message>
    <message>
        <source>A nearly flat plain full of ripples around a deep, sharp funnel at the origin. Local gradients point into the ripples, so a run must see past them to find the funnel.</source>
        <translation>Почти плоская равнина, полная ряби, вокруг глубокой острой воронки в начале координат. Локальные градиенты указывают в рябь, и запуск должен видеть дальше неё, чтобы найти воронку.</translation>
    </message>
    <message>
        <source>depth of the funnel</source>
        <translation>глубина воронки</translation>
    </message>
    <message>
        <source>narrowness of the funnel</source>
        <translation>узость воронки</translation>
    </message>
    <message>
        <source>frequency of the ripples</source>
        <translation>частота ряби</translation>
    </message>
    <message>
        <source>Six-hump camel</source>
        <translation>Шестигорбый верблюд</translation>
    </message>
    <message>
        <source>Six valleys of different depths, two of them the deepest, with saddles and two hills between. It shows that the minimum a run finds depends on where it starts.</source>
        <translation>Шесть долин разной глубины, две из них самые глубокие, между ними сёдла и два холма. Показывает, что найденный минимум зависит от старта.</translation>
    </message>
    <message>
        <source>Goldstein-Price function</source>
        <translation>Функция Голдстейна-Прайса</translation>
    </message>
    <message>
        <source>Values from 3 to a million, with four minima in a crossed pattern of valleys. Its scale punishes fixed step sizes: a step that is safe on the floor explodes on a wall.</source>
        <translation>Значения от 3 до миллиона, четыре минимума в перекрещённых долинах. Масштаб наказывает фиксированный шаг: шаг, безопасный на дне, взрывается на стене.</translation>
    </message>
    <message>
        <source>Your formula</source>
        <translation>Ваша формула</translation>
    </message>
    <message>
        <source>A surface you type as a formula in x and y, with exact derivatives. Use it to build your own saddle, cliff or ravine and watch the optimizers on it.</source>
        <translation>Поверхность, заданная формулой от x и y, с точными производными. Постройте свою седловую точку, обрыв или овраг и посмотрите на оптимизаторы.</translation>
    </message>
</context>
<context>
    <name>SurfaceForm</name>
    <message>
        <source>The loss surface the optimizers race on. Saddle, cliff, ravine and plateau each show one reason why training deep networks is hard; the classic test functions follow; &apos;formula&apos; lets you type your own. Choosing a surface moves the start to its default and gives every optimizer a learning rate that suits it.</source>
        <translation>Поверхность потерь, на которой соревнуются оптимизаторы. Седловая точка, обрыв, овраг и плато показывают по одной причине, почему глубокие сети трудно обучать; за ними — классические тестовые функции; «формула» позволяет ввести свою. Выбор поверхности переносит старт в её точку по умолчанию и даёт каждому оптимизатору подходящую скорость обучения.</translation>
    </message>
    <message>
        <source>f(x, y) =</source>
        <translation>f(x, y) =</translation>
    </message>
    <message>
        <source>Your own surface, e.g. x**2 + 10*y**2 or sin(x)*cos(y). Allowed: x, y, numbers, pi, e, + - * / ** %, and sin cos tan exp log log1p sqrt abs tanh sinh cosh arctan arcsin arccos sigmoid hypot minimum maximum. Derivatives are exact (symbolic).</source>
        <translation>Своя поверхность, например x**2 + 10*y**2 или sin(x)*cos(y). Допустимы: x, y, числа, pi, e, + - * / ** %, а также sin cos tan exp log log1p sqrt abs tanh sinh cosh arctan arcsin arccos sigmoid hypot minimum maximum. Производные точные (символьные).</translation>
    </message>
    <message>
        <source>an expression in x and y</source>
        <translation>выражение от x и y</translation>
    </message>
    <message>
        <source>Colours:</source>
        <translation>Цвета:</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>авто</translation>
    </message>
    <message>
        <source>log of f − min</source>
        <translation>лог. f − min</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>линейные</translation>
    </message>
    <message>
        <source>Log colours show log(f − min over the view + ε): the shape of a deep narrow valley stays visible where linear colours would paint it all one shade. Auto picks log when the values span a large range.</source>
        <translation>Логарифмические цвета показывают log(f − минимум в виде + ε): форма глубокой узкой долины остаётся видна там, где линейные цвета закрасили бы её одним оттенком. «Авто» выбирает логарифм, когда значения охватывают большой диапазон.</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>Сбросить вид</translation>
    </message>
    <message>
        <source>Back to the surface&apos;s own window (after zooming or panning).</source>
        <translation>Вернуться к собственному окну поверхности (после масштабирования или сдвига).</translation>
    </message>
    <message>
        <source>3D</source>
        <translation>3D</translation>
    </message>
    <message>
        <source>Show the surface as a 3-D mesh with the paths on it (needs OpenGL).</source>
        <translation>Показать поверхность 3D-сеткой с траекториями на ней (нужен OpenGL).</translation>
    </message>
    <message>
        <source>The 3-D view needs OpenGL (PyOpenGL), which is not available here; the 2-D map shows the same surface.</source>
        <translation>Для 3D-вида нужен OpenGL (PyOpenGL), здесь он недоступен; 2D-карта показывает ту же поверхность.</translation>
    </message>
    <message>
        <source>{help}; allowed {interval}.</source>
        <translation>{help}; допустимо {interval}.</translation>
    </message>
</context>
<context>
    <name>SurfaceView</name>
    <message>
        <source>The surface f(x, y): colour and contour lines show its height (dark = low). Click to set the start point of every optimizer, or drag the ⊕ marker and watch the paths follow. Scroll to zoom, drag the background to pan: the surface is recomputed for the new window. ★ minimum, ✕ saddle, ▲ maximum.</source>
        <translation>Поверхность f(x, y): цвет и линии уровня показывают высоту (тёмное = низкое). Щёлкните, чтобы задать старт всех оптимизаторов, или перетащите метку ⊕ и смотрите, как следуют траектории. Колесо — масштаб, перетаскивание фона — сдвиг: поверхность пересчитывается для нового окна. ★ минимум, ✕ седло, ▲ максимум.</translation>
    </message>
    <message>
        <source>The shared start point: drag it.</source>
        <translation>Общая начальная точка: перетащите её.</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>Light (projector)</source>
        <translation>Светлая (проектор)</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
</context>
<context>
    <name>ThreeDView</name>
    <message>
        <source>The surface in 3-D (height = the 2-D map&apos;s colour value) with the paths on it. Drag to turn it, scroll to zoom. Set the start point in the 2-D view.</source>
        <translation>Поверхность в 3D (высота = значение цвета 2D-карты) с траекториями на ней. Перетаскивание — поворот, колесо — масштаб. Старт задаётся в 2D-виде.</translation>
    </message>
</context>
<context>
    <name>TimelineBar</name>
    <message>
        <source>Rewind here</source>
        <extracomment>The largest QSlider position (a C++ int).</extracomment>
        <translation>Вернуться сюда</translation>
    </message>
    <message>
        <source>Go back to the chosen step: the nearest checkpoint is restored and training is replayed exactly to that step.</source>
        <translation>Вернуться к выбранному шагу: восстанавливается ближайшая контрольная точка, и обучение точно воспроизводится до этого шага.</translation>
    </message>
    <message>
        <source>Keep later edits as a branch</source>
        <translation>Сохранить поздние правки как ветку</translation>
    </message>
    <message>
        <source>Keep the live edits made after that step instead of discarding them: training applies each again when it reaches the step it was made at.</source>
        <translation>Сохранить живые правки, сделанные после этого шага, а не отбрасывать их: обучение снова применит каждую, когда дойдёт до шага, на котором она была сделана.</translation>
    </message>
    <message>
        <source>Live edits kept by the last rewind. Each is applied again when training reaches the step it was made at; rewinding without keeping the branch drops them.</source>
        <translation>Живые правки, сохранённые при последнем откате. Каждая снова применяется, когда обучение доходит до шага, на котором она была сделана; откат без сохранения ветки их отбрасывает.</translation>
    </message>
    <message>
        <source>Scrub the history plots back to a step.</source>
        <translation>Прокрутить графики истории назад к шагу.</translation>
    </message>
    <message>
        <source>Step {step}</source>
        <translation>Шаг {step}</translation>
    </message>
    <message>
        <source>Kept edits ahead: {count}</source>
        <translation>Сохранённых правок впереди: {count}</translation>
    </message>
    <message>
        <source>Rewind</source>
        <translation>Вернуться</translation>
    </message>
    <message>
        <source>Go back to step {step}? The history after it is discarded.</source>
        <translation>Вернуться к шагу {step}? История после него будет отброшена.</translation>
    </message>
</context>
<context>
    <name>TrainingControls</name>
    <message>
        <source>now {lr}</source>
        <translation>сейчас {lr}</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Pause training (Space). The worker stops after the current step.</source>
        <translation>Приостановить обучение (пробел). Рабочий поток остановится после текущего шага.</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Пуск</translation>
    </message>
    <message>
        <source>Train continuously (Space) and watch the gradients of every layer change live.</source>
        <translation>Обучать непрерывно (пробел) и смотреть, как вживую меняются градиенты каждого слоя.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Шаг</translation>
    </message>
    <message>
        <source>Take exactly one training step (F6): one forward pass, one backward pass, one update.</source>
        <translation>Сделать ровно один шаг обучения (F6): один прямой проход, один обратный, одно обновление.</translation>
    </message>
    <message>
        <source>Step N</source>
        <translation>N шагов</translation>
    </message>
    <message>
        <source>Take exactly N steps (F7), then pause: compare the gradients before and after.</source>
        <translation>Сделать ровно N шагов (F7) и встать на паузу: сравните градиенты до и после.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Сброс</translation>
    </message>
    <message>
        <source>Re-initialize the network with the same seed (Ctrl+R): the same starting weights, so a changed setting is the only difference.</source>
        <translation>Заново инициализировать сеть с тем же сидом (Ctrl+R): те же начальные веса, так что единственное отличие — изменённая настройка.</translation>
    </message>
    <message>
        <source>How many steps Step N takes.</source>
        <translation>Сколько шагов делает «N шагов».</translation>
    </message>
    <message>
        <source>Steps per frame</source>
        <translation>Шагов на кадр</translation>
    </message>
    <message>
        <source>as fast as possible</source>
        <translation>как можно быстрее</translation>
    </message>
    <message>
        <source>At most this many training steps between two drawn frames. Small values slow training down so you can watch each update; &apos;as fast as possible&apos; trains at full speed.</source>
        <translation>Не больше стольких шагов обучения между двумя кадрами. Малые значения замедляют обучение, чтобы видеть каждое обновление; «как можно быстрее» обучает на полной скорости.</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Скорость обучения</translation>
    </message>
    <message>
        <source>Step size of every update, applied from the next step. Too large and the weights overshoot until the loss becomes NaN; too small and even healthy gradients barely move them. The arrows halve or double it.</source>
        <translation>Размер шага каждого обновления, действует со следующего шага. Слишком большой — веса проскакивают, пока потери не станут NaN; слишком малый — даже здоровые градиенты почти их не сдвигают. Стрелки уменьшают его вдвое или удваивают.</translation>
    </message>
    <message>
        <source>The learning rate the schedule uses at the current step.</source>
        <translation>Скорость обучения, которую расписание использует на текущем шаге.</translation>
    </message>
    <message>
        <source>Gradient clipping</source>
        <translation>Обрезка градиента</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>by norm</source>
        <translation>по норме</translation>
    </message>
    <message>
        <source>by value</source>
        <translation>по значению</translation>
    </message>
    <message>
        <source>Limit the gradient before the update, from the next step. By norm rescales the whole gradient when its length exceeds the limit (keeps its direction): the standard cure for exploding gradients. By value clamps every element.</source>
        <translation>Ограничивать градиент перед обновлением, со следующего шага. По норме — масштабирует весь градиент, когда его длина превышает предел (направление сохраняется): стандартное средство от взрывающегося градиента. По значению — ограничивает каждый элемент.</translation>
    </message>
    <message>
        <source>The clipping limit c: an SGD step is then at most learning rate × c.</source>
        <translation>Предел обрезки c: шаг SGD тогда не больше скорость обучения × c.</translation>
    </message>
    <message>
        <source>Pause automatically</source>
        <translation>Автоматическая пауза</translation>
    </message>
    <message>
        <source>on NaN/Inf in the loss or a gradient</source>
        <translation>при NaN/Inf в потерях или градиенте</translation>
    </message>
    <message>
        <source>Stop at the first non-finite value; the update is not applied, so the last finite weights are kept and you can lower the learning rate and continue.</source>
        <translation>Остановиться на первом неконечном значении; обновление не применяется, поэтому последние конечные веса сохраняются, и можно снизить скорость обучения и продолжить.</translation>
    </message>
    <message>
        <source>at step</source>
        <translation>на шаге</translation>
    </message>
    <message>
        <source>Pause once when training reaches this step (then this box is unticked).</source>
        <translation>Один раз остановиться, когда обучение дойдёт до этого шага (затем флажок снимается).</translation>
    </message>
    <message>
        <source>when the loss falls below</source>
        <translation>когда потери ниже</translation>
    </message>
    <message>
        <source>Pause once when the training loss crosses below this value (then this box is unticked).</source>
        <translation>Один раз остановиться, когда потери обучения опустятся ниже этого значения (затем флажок снимается).</translation>
    </message>
    <message>
        <source>when the diagnosis changes</source>
        <translation>когда меняется диагноз</translation>
    </message>
    <message>
        <source>Pause when a problem appears or disappears (vanishing, exploding, dead or saturated units), to discuss it at the moment it happens.</source>
        <translation>Остановиться, когда проблема появляется или исчезает (затухающий или взрывающийся градиент, «мёртвые» или насыщенные нейроны), чтобы обсудить её в этот момент.</translation>
    </message>
</context>
<context>
    <name>ValuePlot</name>
    <message>
        <source>f − f_min (log)</source>
        <translation>f − f_min (лог.)</translation>
    </message>
    <message>
        <source>f − lowest value reached (log)</source>
        <translation>f − наименьшее достигнутое (лог.)</translation>
    </message>
    <message>
        <source>Value against step</source>
        <translation>Значение по шагам</translation>
    </message>
    <message>
        <source>step</source>
        <translation>шаг</translation>
    </message>
    <message>
        <source>How far each optimizer is above the minimum, on a log scale: a straight falling line is linear convergence (a constant factor per step), and its slope is the rate. Gradient descent on a ravine falls slowly; momentum falls about √κ times faster.</source>
        <translation>Насколько каждый оптимизатор выше минимума, в логарифмической шкале: прямая падающая линия — линейная сходимость (постоянный множитель за шаг), а её наклон — скорость. Градиентный спуск в овраге падает медленно; импульс — примерно в √κ раз быстрее.</translation>
    </message>
</context>
<context>
    <name>WeightStatsPanel</name>
    <message>
        <source>Log scale</source>
        <extracomment>what the curves last drew (see :func:`same_inputs`); None = draw on the next frame the layers drawn (0-based) and curves[stat][k] for layer ``layers[k]``</extracomment>
        <translation>Лог. шкала</translation>
    </message>
    <message>
        <source>Logarithmic axes: layers whose values differ by orders of magnitude stay readable, and a ratio creeping down by factors of ten (a layer that stops learning) is visible. Exact zeros are drawn on the floor line marked 0.</source>
        <translation>Логарифмические оси: слои, значения которых различаются на порядки, остаются читаемыми, и видно отношение, сползающее в десятки раз (слой, переставший учиться). Точные нули рисуются на нижней линии с отметкой 0.</translation>
    </message>
    <message>
        <source>Lock axes</source>
        <translation>Закрепить оси</translation>
    </message>
    <message>
        <source>Freeze the current view so that shrinking values are seen against a fixed reference.</source>
        <translation>Зафиксировать текущий вид, чтобы уменьшающиеся значения были видны на фоне неизменной шкалы.</translation>
    </message>
    <message>
        <source>step</source>
        <translation>шаг</translation>
    </message>
    <message>
        <source>‖W‖</source>
        <translation>‖W‖</translation>
    </message>
    <message>
        <source>Weight norm</source>
        <translation>Норма весов</translation>
    </message>
    <message>
        <source>Update / weight</source>
        <translation>Обновление / вес</translation>
    </message>
    <message>
        <source>‖ΔW‖ / ‖W‖</source>
        <translation>‖ΔW‖ / ‖W‖</translation>
    </message>
    <message>
        <source>Frobenius norm of each layer&apos;s weight matrix. Norms that keep growing feed exploding activations and gradients; norms that do not move belong to layers that do not learn.</source>
        <translation>Норма Фробениуса матрицы весов каждого слоя. Постоянно растущие нормы раздувают активации и градиенты; неподвижные нормы — у слоёв, которые не учатся.</translation>
    </message>
    <message>
        <source>How much one update changes each layer, relative to its size. About 10⁻³ is a common rule of thumb. Far below: the layer hardly learns (vanishing gradient, a learning rate too small, float16 updates rounding to zero). Far above: training is unstable.</source>
        <translation>Насколько одно обновление меняет каждый слой относительно его величины. Около 10⁻³ — распространённое эмпирическое правило. Намного ниже: слой почти не учится (затухающий градиент, слишком малая скорость обучения, обновления float16 округляются до нуля). Намного выше: обучение неустойчиво.</translation>
    </message>
    <message>
        <source>10⁻³ rule of thumb</source>
        <translation>правило 10⁻³</translation>
    </message>
    <message>
        <source>exactly 0 (underflow)</source>
        <translation>ровно 0 (потеря значимости)</translation>
    </message>
    <message>
        <source>layer {layer}</source>
        <translation>слой {layer}</translation>
    </message>
    <message>
        <source>No statistics yet: they are measured every few training steps.</source>
        <translation>Статистики ещё нет: она измеряется каждые несколько шагов обучения.</translation>
    </message>
    <message>
        <source>Showing {shown} of {depth} layers, evenly spaced; colour runs from layer 1 (blue) to layer {depth} (orange).</source>
        <translation>Показано {shown} из {depth} слоёв, равномерно; цвет идёт от слоя 1 (синий) к слою {depth} (оранжевый).</translation>
    </message>
    <message>
        <source>{depth} layers: colour runs from layer 1 (blue) to layer {depth} (orange).</source>
        <translation>Слоёв {depth}: цвет идёт от слоя 1 (синий) к слою {depth} (оранжевый).</translation>
    </message>
</context>
</TS>
