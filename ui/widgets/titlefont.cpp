#include "widgets/titlefont.h"

#include <QFont>
#include <QWidget>

namespace Hubshelf::Ui::Widgets {

void setTitleFont(QWidget *widget, qreal scale)
{
    QFont font = widget->font();
    font.setPointSizeF(font.pointSizeF() * scale);
    font.setWeight(QFont::DemiBold);
    widget->setFont(font);
}

} // namespace Hubshelf::Ui::Widgets
