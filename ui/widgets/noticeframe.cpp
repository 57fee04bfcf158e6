#include "widgets/noticeframe.h"

#include "widgets/colours.h"

#include <QAbstractButton>
#include <QKeyEvent>
#include <QPainter>

namespace Hubshelf::Ui::Widgets {

NoticeFrame::NoticeFrame(QWidget *parent)
    : QFrame(parent)
{
    // Focus can rest on the strip itself (a click on its background), so that Esc works there too.
    setFocusPolicy(Qt::ClickFocus);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    hide();
}

NoticeFrame::~NoticeFrame() = default;

void NoticeFrame::keyPressEvent(QKeyEvent *event)
{
    // Buttons and labels leave Esc unhandled, so it arrives here wherever the focus is inside.
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier) {
        hide();
        event->accept();
        return;
    }
    // Return on a focused button presses it: buttons outside a dialog leave Return unhandled
    // unless they are a dialog's default, which these must never become.
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        (event->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier) {
        if (auto *button = qobject_cast<QAbstractButton *>(focusWidget()); button && isAncestorOf(button)) {
            button->click();
            event->accept();
            return;
        }
    }
    QFrame::keyPressEvent(event);
}

void NoticeFrame::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    // Painted rather than set on the palette, so that it follows a palette change live.
    const QPalette &colours = palette();
    const QColor accent = colours.color(QPalette::Highlight);
    QPainter painter(this);
    painter.fillRect(rect(), blend(colours.color(QPalette::Window), accent, isDark(colours) ? 0.25 : 0.12));
    painter.fillRect(QRect(0, 0, 4, height()), accent);
}

} // namespace Hubshelf::Ui::Widgets
