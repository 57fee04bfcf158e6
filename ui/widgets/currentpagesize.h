#pragma once

class QStackedWidget;

namespace Hubshelf::Ui::Widgets {

// A QStackedWidget is as large as its largest page, shown or not: the insights' charts or the empty
// page kept the window taller than a small screen (512×320 at twice the scale). Called once the
// pages are added: only the current page's minimum size counts; the hidden ones ignore theirs until
// they are shown.
void sizeToCurrentPage(QStackedWidget *stack);

} // namespace Hubshelf::Ui::Widgets
