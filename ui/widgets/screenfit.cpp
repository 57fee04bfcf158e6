#include "widgets/screenfit.h"

#include <QLayout>
#include <QScreen>
#include <QWidget>

#include <algorithm>

namespace Hubshelf::Ui::Widgets {

int widthOnScreen(const QWidget *widget, int wanted)
{
    const QScreen *screen = widget->screen();
    if (!screen) {
        return wanted;
    }
    // Room for the window's frame on either side.
    return std::min(wanted, screen->availableGeometry().width() * 95 / 100);
}

void fitToScreen(QWidget *window, int wantedWidth)
{
    window->setMinimumWidth(widthOnScreen(window, wantedWidth));
    const QSize hint = window->sizeHint();
    const int width = widthOnScreen(window, std::max(hint.width(), window->minimumWidth()));
    const QLayout *layout = window->layout();
    int height = layout && layout->hasHeightForWidth()
                     ? std::max(hint.height(), layout->totalHeightForWidth(width))
                     : hint.height();
    if (const QScreen *screen = window->screen()) {
        height = std::min(height, screen->availableGeometry().height() * 9 / 10);
    }
    window->resize(width, height);
}

} // namespace Hubshelf::Ui::Widgets
