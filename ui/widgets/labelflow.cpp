#include "widgets/labelflow.h"

#include "widgets/chip.h"
#include "widgets/colours.h"

#include <QPainter>

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui::Widgets {

LabelFlow::LabelFlow(QWidget *parent)
    : QWidget(parent)
{
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

LabelFlow::~LabelFlow() = default;

void LabelFlow::setLabels(const QList<Label> &labels)
{
    m_labels = labels;
    setAccessibleDescription(names().join(u", "_s));
    setToolTip(names().join(u", "_s));
    updateGeometry();
    update();
}

QStringList LabelFlow::names() const
{
    QStringList result;
    for (const Label &label : m_labels) {
        result << label.name;
    }
    return result;
}

int LabelFlow::heightForWidth(int width) const
{
    return place(width).bounds.bottom() + 1;
}

QSize LabelFlow::sizeHint() const
{
    const Placement placement = place(QWIDGETSIZE_MAX);
    return {placement.bounds.width(), placement.bounds.height()};
}

QSize LabelFlow::minimumSizeHint() const
{
    return {chipHeight() * 2, chipHeight()};
}

void LabelFlow::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const Placement placement = place(width());
    for (qsizetype i = 0; i < m_labels.size(); ++i) {
        const QRectF area = QRectF(placement.chips.at(i)).adjusted(0.5, 0.5, -0.5, -0.5);
        painter.setPen(Qt::NoPen);
        painter.setBrush(m_labels.at(i).colour);
        painter.drawRoundedRect(area, area.height() / 2, area.height() / 2);
        painter.setPen(inkFor(m_labels.at(i).colour));
        painter.drawText(area, Qt::AlignCenter, m_labels.at(i).name);
    }
}

int LabelFlow::chipHeight() const
{
    return fontMetrics().height() + 2 * Chip::PaddingY;
}

LabelFlow::Placement LabelFlow::place(int width) const
{
    Placement placement;
    int x = 0;
    int y = 0;
    const int height = chipHeight();
    for (const Label &label : m_labels) {
        const int chipWidth = fontMetrics().horizontalAdvance(label.name) + 2 * Chip::PaddingX;
        if (x > 0 && x + chipWidth > width) {
            x = 0;
            y += height + Spacing / 2;
        }
        const QRect chip(x, y, chipWidth, height);
        placement.chips.append(chip);
        placement.bounds = placement.bounds.united(chip);
        x += chipWidth + Spacing;
    }
    return placement;
}

} // namespace Hubshelf::Ui::Widgets
