#include "widgets/placeholderdelegate.h"

#include <QPalette>

namespace Hubshelf::Ui::Widgets {

PlaceholderDelegate::PlaceholderDelegate(int role, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_role(role)
{}

PlaceholderDelegate::~PlaceholderDelegate() = default;

void PlaceholderDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(m_role).toBool()) {
        const QColor placeholder = option->palette.color(QPalette::PlaceholderText);
        option->palette.setColor(QPalette::Text, placeholder);
        option->font.setItalic(true);
    }
}

} // namespace Hubshelf::Ui::Widgets
