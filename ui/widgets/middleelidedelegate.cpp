#include "widgets/middleelidedelegate.h"

namespace Hubshelf::Ui::Widgets {

MiddleElideDelegate::MiddleElideDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

MiddleElideDelegate::~MiddleElideDelegate() = default;

void MiddleElideDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->textElideMode = Qt::ElideMiddle;
}

} // namespace Hubshelf::Ui::Widgets
