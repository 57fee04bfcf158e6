#include "widgets/elidedlinklabel.h"

#include <QEvent>
#include <QResizeEvent>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui::Widgets {

ElidedLinkLabel::ElidedLinkLabel(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::TextBrowserInteraction);
    setOpenExternalLinks(false);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
}

ElidedLinkLabel::~ElidedLinkLabel() = default;

void ElidedLinkLabel::setLink(const QUrl &url, const QString &display)
{
    m_url = url;
    m_display = display;
    setToolTip(url.toDisplayString());
    setAccessibleDescription(url.toDisplayString());
    relayout();
}

QSize ElidedLinkLabel::minimumSizeHint() const
{
    return {fontMetrics().averageCharWidth() * 8, QLabel::minimumSizeHint().height()};
}

QSize ElidedLinkLabel::sizeHint() const
{
    return {fontMetrics().horizontalAdvance(m_display) + 2, QLabel::sizeHint().height()};
}

void ElidedLinkLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    relayout();
}

void ElidedLinkLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        relayout();
    }
}

void ElidedLinkLabel::relayout()
{
    if (m_display.isEmpty()) {
        clear();
        return;
    }
    const QString shown = fontMetrics().elidedText(m_display, Qt::ElideMiddle, std::max(width(), 40));
    // Rich text takes the link colour from the application palette when parsed; ours may differ.
    const QString html = u"<a href=\"%1\" style=\"color: %3\">%2</a>"_s.arg(
        m_url.toString(QUrl::FullyEncoded).toHtmlEscaped(), shown.toHtmlEscaped(),
        palette().color(QPalette::Link).name());
    if (html != text()) {
        setText(html);
    }
}

} // namespace Hubshelf::Ui::Widgets
