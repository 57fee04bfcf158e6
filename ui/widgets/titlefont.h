#pragma once

#include <QtGlobal>

class QWidget;

namespace Hubshelf::Ui::Widgets {

// Makes `widget`'s font a heading's: `scale` times its size, demi-bold, so that every title of the
// window is set the same way.
void setTitleFont(QWidget *widget, qreal scale);

} // namespace Hubshelf::Ui::Widgets
