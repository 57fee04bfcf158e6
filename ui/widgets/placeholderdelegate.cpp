#include "widgets/placeholderdelegate.h"

#include <QPalette>

namespace Hubshelf::Ui::Widgets {

PlaceholderDelegate::PlaceholderDelegate(int role, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_role(role)
{}

PlaceholderDelegate::~PlaceholderDelegate() = default;

void PlaceholderDelegate::setMark(int role, const QIcon &icon)
{
    m_markRole = role;
    m_mark = icon;
}

void PlaceholderDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(m_role).toBool()) {
        const QColor placeholder = option->palette.color(QPalette::PlaceholderText);
        option->palette.setColor(QPalette::Text, placeholder);
        option->font.setItalic(true);
    }
    if (m_markRole >= 0 && index.data(m_markRole).toBool()) {
        option->icon = m_mark;
        option->features |= QStyleOptionViewItem::HasDecoration;
        const int side = option->fontMetrics.height();
        option->decorationSize = QSize(side, side);
    }
}

} // namespace Hubshelf::Ui::Widgets
