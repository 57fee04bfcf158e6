#include "widgets/currentpagesize.h"

#include <QLayout>
#include <QStackedWidget>

namespace Hubshelf::Ui::Widgets {

namespace {

void follow(QStackedWidget *stack)
{
    for (int i = 0; i < stack->count(); ++i) {
        QWidget *page = stack->widget(i);
        const QSizePolicy::Policy policy =
            page == stack->currentWidget() ? QSizePolicy::Preferred : QSizePolicy::Ignored;
        page->setSizePolicy(policy, policy);
    }
    stack->updateGeometry();
}

} // namespace

void sizeToCurrentPage(QStackedWidget *stack)
{
    follow(stack);
    QObject::connect(stack, &QStackedWidget::currentChanged, stack, [stack] { follow(stack); });
}

} // namespace Hubshelf::Ui::Widgets
