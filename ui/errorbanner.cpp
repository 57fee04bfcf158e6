#include "ui/errorbanner.h"

#include "widgets/colours.h"

#include <QColor>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QPalette>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui {

namespace {

// Amber, the colour people read as "attention" without "danger"; blended into the palette's own
// window colour so the banner stays readable with the palette's text colour, light or dark.
const QColor Attention(245, 166, 35);

} // namespace

ErrorBanner::ErrorBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_retry(new QPushButton(tr("Retry"), this))
    , m_close(new QToolButton(this))
{
    setObjectName(u"errorBanner"_s);
    setAccessibleName(tr("Error message"));
    setFrameShape(QFrame::NoFrame);
    // Focus can rest on the banner itself (a click on its background), so that Escape works there too.
    setFocusPolicy(Qt::ClickFocus);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    m_icon->setObjectName(u"errorBannerIcon"_s);
    m_icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    m_icon->setAccessibleName(tr("Warning"));

    m_text->setObjectName(u"errorBannerText"_s);
    // GitHub's messages and typed addresses are data, never markup.
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    // Selectable, so that a message can be copied into a bug report; keyboard selection makes it a
    // Tab stop, which also lets screen readers reach it.
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_text->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    m_retry->setObjectName(u"errorBannerRetry"_s);
    m_retry->setAccessibleName(tr("Retry the request"));
    m_retry->setToolTip(tr("Send the request again"));
    m_retry->setFocusPolicy(Qt::StrongFocus);
    // Enter on the focused button retries; it must never become a default button of a dialog.
    m_retry->setAutoDefault(false);

    m_close->setObjectName(u"errorBannerClose"_s);
    m_close->setAutoRaise(true);
    m_close->setFocusPolicy(Qt::StrongFocus);
    m_close->setAccessibleName(tr("Close the message"));
    m_close->setToolTip(tr("Close (Esc)"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 8, 8);
    layout->setSpacing(10);
    layout->addWidget(m_icon, 0, Qt::AlignVCenter);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_retry, 0, Qt::AlignVCenter);
    layout->addWidget(m_close, 0, Qt::AlignVCenter);

    updateIcon();

    connect(m_retry, &QPushButton::clicked, this, [this] {
        // The retried request reports again if it fails; a stale message meanwhile would mislead.
        hide();
        Q_EMIT retryRequested();
    });
    connect(m_close, &QToolButton::clicked, this, &ErrorBanner::dismiss);

    hide();
}

ErrorBanner::~ErrorBanner() = default;

void ErrorBanner::showError(const GitHub::Error &error)
{
    setAccessibleName(tr("Error message"));
    present(error.message(), true);
}

void ErrorBanner::showMessage(const QString &text)
{
    setAccessibleName(tr("Message"));
    present(text, false);
}

void ErrorBanner::clear()
{
    hide();
    m_text->clear();
    setAccessibleDescription({});
}

QString ErrorBanner::text() const
{
    return m_text->text();
}

bool ErrorBanner::canRetry() const
{
    return !m_retry->isHidden();
}

void ErrorBanner::present(const QString &text, bool retry)
{
    m_text->setText(text);
    setAccessibleDescription(text);
    m_retry->setVisible(retry);
    show();
}

void ErrorBanner::dismiss()
{
    hide();
    Q_EMIT dismissed();
}

void ErrorBanner::updateIcon()
{
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this) * 3 / 2;
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(size, size));
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton, nullptr, this));
}

void ErrorBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::StyleChange) {
        updateIcon();
    }
    if (event->type() == QEvent::PaletteChange) {
        update();
    }
    QFrame::changeEvent(event);
}

void ErrorBanner::keyPressEvent(QKeyEvent *event)
{
    // Children (button, label) leave Escape unhandled, so it arrives here whenever the focus is
    // anywhere inside the banner.
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier) {
        dismiss();
        event->accept();
        return;
    }
    QFrame::keyPressEvent(event);
}

void ErrorBanner::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    // Painted rather than set on the palette: the colours follow the parent's palette live, and
    // changing our own palette from a palette change would feed back into itself.
    const QPalette &colours = palette();
    const QColor window = colours.color(QPalette::Window);
    const bool dark = window.lightnessF() < 0.5;
    const QColor fill = Widgets::blend(window, Attention, dark ? 0.22 : 0.20);
    const QColor edge = Widgets::blend(window, Attention, dark ? 0.65 : 0.75);

    QPainter painter(this);
    painter.fillRect(rect(), fill);
    // An accent down the left edge and a hairline at the bottom separate the banner from the list.
    painter.fillRect(QRect(0, 0, 4, height()), edge);
    painter.fillRect(QRect(0, height() - 1, width(), 1), edge);
}

} // namespace Hubshelf::Ui
