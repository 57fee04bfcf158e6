#include "widgets/chip.h"

#include "widgets/colours.h"

#include <QPainter>

namespace Hubshelf::Ui::Widgets {

Chip::Chip(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setContentsMargins(PaddingX, PaddingY, PaddingX, PaddingY);
    setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
}

Chip::~Chip() = default;

void Chip::setFill(const QColor &fill)
{
    m_fill = fill;
    // Without a fill of its own, the text keeps following the palette (an empty palette inherits).
    QPalette colours;
    if (fill.isValid()) {
        colours.setColor(QPalette::WindowText, inkFor(fill));
    }
    setPalette(colours);
    update();
}

QColor Chip::background() const
{
    const QPalette &colours = palette();
    return m_fill.isValid() ? m_fill
                            : blend(colours.color(QPalette::Base), colours.color(QPalette::Highlight), 0.18f);
}

void Chip::paintEvent(QPaintEvent *event)
{
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(background());
        const QRectF area = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
        painter.drawRoundedRect(area, area.height() / 2, area.height() / 2);
    }
    QLabel::paintEvent(event);
}

} // namespace Hubshelf::Ui::Widgets
