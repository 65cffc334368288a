"""Does everything a window shows fit? One check for the layout tests (issue 14) and lecture mode.

:func:`layout_problems` walks a shown window and returns one sentence per problem (an empty
list when everything fits):

* **Widgets' texts** — a ``QLabel`` (plain or rich text, with or without word wrap: a word
  wider than the label, or wrapped lines taller than it), a ``QAbstractButton`` (push,
  tool, check and radio buttons: the style's contents rectangle against the text and
  icon), every tab of a ``QTabBar`` (the text against the tab's rectangle; a tab scrolled
  out of a bar with scroll buttons is fine, one lying beyond a bar without them is not),
  a ``QGroupBox`` title, a ``QLineEdit`` (also the editor of a spin box) and a
  ``QComboBox``'s current text, a ``QDockWidget``'s title before its buttons. Widths come
  from ``QFontMetrics.horizontalAdvance`` (or ``QTextDocument`` for wrapped and rich
  text), so a text Qt would elide ("Decision s…", "Histo…") is reported.
* **Widgets' places** — every shown widget's rectangle must lie inside its parent's and
  inside the window. The contents of a ``QScrollArea`` may extend past its viewport (that
  is what scrolling is for) unless ``allow_scrolling=False``.
* **Texts inside pyqtgraph scenes**, which are not widgets — axis labels, legends, titles,
  ``TextItem``\\ s: every shown ``QGraphicsTextItem``/``QGraphicsSimpleTextItem`` must lie
  inside the view's viewport (in its pixels), and inside its clip path when an ancestor item
  clips its children (a ``ViewBox``). This is what finds an accuracy axis label drawn as
  "ccuracy".

Use it on a window that is shown and laid out (``window.show()``; let events run), e.g.::

    from tests.ui.layout_check import layout_problems

    assert layout_problems(window) == []

The checks allow ``TOLERANCE_PX`` (1 px) for rounding. Widgets of another top-level window
(a floating dock, a menu) are skipped.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QFontMetrics, QTextDocument, QTextOption
from PySide6.QtGui import Qt as GuiQt  # mightBeRichText lives in QtGui's Qt namespace
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionGroupBox,
    QTabBar,
    QToolButton,
    QWidget,
)

TOLERANCE_PX = 1

__all__ = ["TOLERANCE_PX", "layout_problems", "scene_text_problems", "widget_name"]


def layout_problems(window: QWidget, *, allow_scrolling: bool = True) -> list[str]:
    """Every text that does not fit and every widget outside its parent or ``window``.

    ``allow_scrolling``: widgets inside a scroll area's contents may lie beyond its viewport
    (reachable by scrolling); with False they are reported like any widget outside its parent.
    Returns sentences naming the widget by its chain of object names (or class names).
    """
    problems: list[str] = []
    for widget in _shown_widgets(window):
        problems.extend(_text_problems(widget))
        problems.extend(_place_problems(widget, window, allow_scrolling))
        if isinstance(widget, QGraphicsView):
            problems.extend(scene_text_problems(widget))
    return problems


def scene_text_problems(view: QGraphicsView) -> list[str]:
    """Texts of ``view``'s scene that the view cuts: outside its viewport or outside an
    ancestor item that clips its children (``isClipped``/``clipPath``; asking an item for its
    ``parentItem()`` made wrappers that later crashed a scene's ``clear()``). Compared in
    viewport pixels, so a text that keeps its size on screen (``ItemIgnoresTransformations``)
    is measured as it is drawn."""
    scene = view.scene()
    if scene is None:
        return []
    to_view = view.viewportTransform()
    shown = QRectF(view.viewport().rect())
    problems = []
    for item in scene.items():
        if not isinstance(item, QGraphicsTextItem | QGraphicsSimpleTextItem):
            continue
        text = item.toPlainText() if isinstance(item, QGraphicsTextItem) else item.text()
        if not text.strip() or not item.isVisible() or item.opacity() == 0:
            continue
        box = item.deviceTransform(to_view).mapRect(_glyph_box(item))
        if box.isEmpty():
            continue
        where = f"{widget_name(view)}: text item {_quote(text)}"
        if not _inside(box, shown):
            problems.append(f"{where} at {_rect(box)} lies outside its view {_rect(shown)}")
        if item.isClipped():  # by an ancestor that clips its children (a ViewBox)
            clip = item.deviceTransform(to_view).map(item.clipPath()).boundingRect()
            if not _inside(box, clip):
                problems.append(f"{where} at {_rect(box)} is cut by an item that clips it at {_rect(clip)}")
    return problems


def widget_name(widget: QWidget) -> str:
    """``dock_loss/LossPanel/QLabel`` — the object names (or class names) from the window down,
    the last few levels only."""
    parts = []
    current: QWidget | None = widget
    while current is not None and not current.isWindow():
        name = current.objectName()
        parts.append(name if name and not name.startswith("qt_") else type(current).__name__)
        current = current.parentWidget()
    named = [i for i, part in enumerate(parts) if part.startswith("dock_")]
    keep = parts[: named[0] + 1] if named else parts[:4]
    return "/".join(reversed(keep))


# ------------------------------------------------------------------------ widgets
def _shown_widgets(window: QWidget) -> Iterable[QWidget]:
    """Shown widgets of ``window`` itself. Qt keeps the docks behind a dock tab (and unused
    tab bars) "visible" but parks them wholly outside the window: those are skipped."""
    area = window.rect()
    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not widget.isVisible() or widget.width() <= 0:
            continue
        if not QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size()).intersects(area):
            continue
        yield widget


def _text_problems(widget: QWidget) -> list[str]:
    if isinstance(widget, QLabel):
        return _label_problems(widget)
    if isinstance(widget, QTabBar):
        return _tab_problems(widget)
    if isinstance(widget, QAbstractButton):
        return _button_problems(widget)
    if isinstance(widget, QGroupBox):
        return _group_box_problems(widget)
    if isinstance(widget, QLineEdit):
        return _line_edit_problems(widget)
    if isinstance(widget, QComboBox):
        return _combo_problems(widget)
    if isinstance(widget, QDockWidget):
        return _dock_title_problems(widget)
    return []


def _label_problems(label: QLabel) -> list[str]:
    text = label.text()
    if not text.strip() or label.pixmap() is not None and not label.pixmap().isNull():
        return []
    box = label.contentsRect()
    margin = label.margin()
    indent = max(label.indent(), 0)
    width = box.width() - 2 * margin - indent
    height = box.height() - 2 * margin
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
    )
    document = QTextDocument()
    document.setDefaultFont(label.font())
    document.setDocumentMargin(0)
    if rich:
        document.setHtml(text)
    else:
        document.setPlainText(text)
    if label.wordWrap():
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        document.setDefaultTextOption(option)
        document.setTextWidth(max(width, 1))
        need_w = document.idealWidth()
    else:
        need_w = document.idealWidth() if rich else _plain_width(label.fontMetrics(), text)
    need_h = (
        document.size().height() if rich or label.wordWrap() else _plain_height(label.fontMetrics(), text)
    )
    problems = []
    if need_w > width + TOLERANCE_PX:
        problems.append(f"{widget_name(label)}: label {_quote(text)} needs {need_w:.0f} px wide, has {width}")
    if need_h > height + TOLERANCE_PX + 2:  # QLabel's own line spacing rounds a little
        problems.append(
            f"{widget_name(label)}: label {_quote(text)} needs {need_h:.0f} px high, has {height}"
        )
    return problems


def _plain_width(metrics: QFontMetrics, text: str) -> int:
    return max(metrics.horizontalAdvance(line) for line in text.split("\n"))


def _plain_height(metrics: QFontMetrics, text: str) -> int:
    lines = text.count("\n") + 1
    return metrics.height() + (lines - 1) * metrics.lineSpacing()


def _mnemonic_free(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _button_problems(button: QAbstractButton) -> list[str]:
    text = _mnemonic_free(button.text())
    if not text.strip():
        return []
    if isinstance(button, QToolButton) and button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly:
        return []
    metrics = button.fontMetrics()
    need = _plain_width(metrics, text)
    icon = button.iconSize().width() + 4 if not button.icon().isNull() else 0
    style = button.style()
    if isinstance(button, QCheckBox | QRadioButton | QPushButton):
        option = QStyleOptionButton()
        option.initFrom(button)
        element = QStyle.SubElement.SE_PushButtonContents
        if isinstance(button, QCheckBox):
            element = QStyle.SubElement.SE_CheckBoxContents
        elif isinstance(button, QRadioButton):
            element = QStyle.SubElement.SE_RadioButtonContents
        have = style.subElementRect(element, option, button).width()
        if element != QStyle.SubElement.SE_PushButtonContents:
            icon = 0  # the indicator is outside the contents rectangle; a check box rarely has an icon
            need += 2  # the text's own margin inside the contents
    else:
        icon = icon if button.toolButtonStyle() != Qt.ToolButtonStyle.ToolButtonTextOnly else 0
        if (
            isinstance(button, QToolButton)
            and button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextUnderIcon
        ):
            icon = 0
        have = button.width() - 6  # QToolButton draws its text inside 3 px margins
        if isinstance(button, QToolButton) and button.menu() is not None:
            have -= style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, button)
    if need + icon > have + TOLERANCE_PX:
        return [f"{widget_name(button)}: button {_quote(text)} needs {need + icon} px, has {have}"]
    return []


def _tab_problems(bar: QTabBar) -> list[str]:
    problems = []
    metrics = bar.fontMetrics()
    space = bar.style().pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace, None, bar)
    vertical = bar.shape() in (
        QTabBar.Shape.RoundedEast,
        QTabBar.Shape.RoundedWest,
        QTabBar.Shape.TriangularEast,
        QTabBar.Shape.TriangularWest,
    )
    for index in range(bar.count()):
        if not bar.isTabVisible(index):
            continue
        text = _mnemonic_free(bar.tabText(index))
        rect = bar.tabRect(index)
        need = metrics.horizontalAdvance(text) + space
        if not bar.tabIcon(index).isNull():
            need += bar.iconSize().width() + 4
        for side in (QTabBar.ButtonPosition.LeftSide, QTabBar.ButtonPosition.RightSide):
            extra = bar.tabButton(index, side)
            if extra is not None and extra.isVisible():
                need += extra.width() + 2
        have = rect.height() if vertical else rect.width()
        where = f"{widget_name(bar)}: tab {_quote(text)}"
        if need > have + TOLERANCE_PX:
            problems.append(f"{where} needs {need} px, has {have}")
        if not bar.usesScrollButtons() and not bar.rect().contains(rect):
            problems.append(f"{where} at {_rect(rect)} lies outside its bar {_rect(bar.rect())}")
    return problems


def _group_box_problems(box: QGroupBox) -> list[str]:
    title = _mnemonic_free(box.title())
    if not title.strip():
        return []
    option = QStyleOptionGroupBox()
    option.initFrom(box)
    option.text = box.title()
    option.subControls = QStyle.SubControl.SC_GroupBoxLabel | QStyle.SubControl.SC_GroupBoxFrame
    if box.isCheckable():
        option.subControls |= QStyle.SubControl.SC_GroupBoxCheckBox
    label = box.style().subControlRect(
        QStyle.ComplexControl.CC_GroupBox, option, QStyle.SubControl.SC_GroupBoxLabel, box
    )
    if not _inside(QRectF(label), QRectF(box.rect())):
        return [
            f"{widget_name(box)}: group title {_quote(title)} at {_rect(label)} "
            f"is cut by its box {_rect(box.rect())}"
        ]
    return []


def _line_edit_problems(edit: QLineEdit) -> list[str]:
    text = edit.text() if edit.echoMode() == QLineEdit.EchoMode.Normal else ""
    if not text.strip():
        return []
    margins = edit.textMargins()
    frame = (
        edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, edit)
        if edit.hasFrame()
        else 0
    )
    have = (
        edit.contentsRect().width() - margins.left() - margins.right() - 2 * frame - 4
    )  # QLineEdit's 2 px margins
    for action in edit.actions():  # a clear button or another trailing/leading action
        if action.isVisible():
            have -= edit.height() - 4
    need = edit.fontMetrics().horizontalAdvance(text)
    if need > have + TOLERANCE_PX:
        return [f"{widget_name(edit)}: field text {_quote(text)} needs {need} px, has {have}"]
    return []


def _combo_problems(combo: QComboBox) -> list[str]:
    text = combo.currentText()
    if not text.strip() or combo.isEditable():  # an editable combo's text is its line edit's
        return []
    option = QStyleOptionComboBox()
    option.initFrom(combo)
    option.editable = False
    option.frame = combo.hasFrame()
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    need = combo.fontMetrics().horizontalAdvance(text)
    if not combo.itemIcon(combo.currentIndex()).isNull():
        need += combo.iconSize().width() + 4
    if need > field.width() + TOLERANCE_PX:
        return [f"{widget_name(combo)}: choice {_quote(text)} needs {need} px, has {field.width()}"]
    return []


def _dock_title_problems(dock: QDockWidget) -> list[str]:
    title = _mnemonic_free(dock.windowTitle())
    if not title.strip() or dock.titleBarWidget() is not None:
        return []
    buttons = [
        button.geometry().left()
        for button in dock.findChildren(QAbstractButton, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if button.isVisible()
    ]
    margin = dock.style().pixelMetric(QStyle.PixelMetric.PM_DockWidgetTitleMargin, None, dock)
    right = min(buttons) if buttons else dock.width()
    have = right - 2 * margin
    need = dock.fontMetrics().horizontalAdvance(title)
    if need > have + TOLERANCE_PX:
        return [f"{widget_name(dock)}: dock title {_quote(title)} needs {need} px, has {have}"]
    return []


def _place_problems(widget: QWidget, window: QWidget, allow_scrolling: bool) -> list[str]:
    parent = widget.parentWidget()
    if parent is None or widget.isWindow():
        return []
    problems = []
    in_scroll_contents = _inside_scroll_contents(widget, window)
    checked = not (allow_scrolling and in_scroll_contents) and not _is_scroll_contents(widget)
    if checked and not _inside(QRectF(widget.geometry()), QRectF(parent.rect())):
        problems.append(
            f"{widget_name(widget)} at {_rect(widget.geometry())} lies outside its parent "
            f"{widget_name(parent) or type(parent).__name__} {_rect(parent.rect())}"
        )
    if not in_scroll_contents:
        top_left = widget.mapTo(window, widget.rect().topLeft())
        in_window = QRect(top_left, widget.size())
        if not _inside(QRectF(in_window), QRectF(window.rect())):
            problems.append(
                f"{widget_name(widget)} at {_rect(in_window)} lies outside the window {_rect(window.rect())}"
            )
    return problems


def _is_scroll_contents(widget: QWidget) -> bool:
    """The widget a scroll area scrolls (or a viewport's child in general): larger by design."""
    parent = widget.parentWidget()
    grand = parent.parentWidget() if parent is not None else None
    return isinstance(grand, QAbstractScrollArea) and parent is grand.viewport()


def _inside_scroll_contents(widget: QWidget, window: QWidget) -> bool:
    current: QWidget | None = widget
    while current is not None and current is not window:
        if _is_scroll_contents(current) and not isinstance(
            current.parentWidget().parentWidget(), QGraphicsView
        ):
            return True
        current = current.parentWidget()
    return False


# ------------------------------------------------------------------------ helpers
def _glyph_box(item: QGraphicsTextItem | QGraphicsSimpleTextItem) -> QRectF:
    """The text's rectangle in its own coordinates without the document's empty margin."""
    box = item.boundingRect()
    if isinstance(item, QGraphicsTextItem):
        margin = item.document().documentMargin()
        box = box.adjusted(margin, margin, -margin, -margin)
    return box


def _inside(inner: QRectF, outer: QRectF) -> bool:
    t = TOLERANCE_PX
    return (
        inner.left() >= outer.left() - t
        and inner.top() >= outer.top() - t
        and inner.right() <= outer.right() + t
        and inner.bottom() <= outer.bottom() + t
    )


def _rect(rect: QRect | QRectF) -> str:
    return f"({rect.x():.0f},{rect.y():.0f} {rect.width():.0f}x{rect.height():.0f})"


def _quote(text: str, limit: int = 50) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= limit else flat[: limit - 1] + "…")
