#include "widgets/scrollanchor.h"

#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTableView>

#include <utility>

namespace Hubshelf::Ui::Widgets {

ScrollAnchor::ScrollAnchor(QTableView *view, QSortFilterProxyModel *proxy, QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_proxy(proxy)
{}

ScrollAnchor::~ScrollAnchor() = default;

void ScrollAnchor::setSourceModel(QAbstractItemModel *source)
{
    if (m_source) {
        disconnect(m_source, nullptr, this, nullptr);
    }
    m_source = source;
    m_anchor = QPersistentModelIndex();
    if (source) {
        connect(source, &QAbstractItemModel::rowsAboutToBeInserted, this, &ScrollAnchor::remember);
        connect(source, &QAbstractItemModel::rowsInserted, this, &ScrollAnchor::restore);
    }
}

void ScrollAnchor::remember()
{
    m_anchor = QPersistentModelIndex();
    if (m_proxy->sortColumn() < 0 || m_proxy->rowCount() == 0) {
        return;
    }
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid() && m_view->viewport()->rect().intersects(m_view->visualRect(current))) {
        m_anchor = m_proxy->mapToSource(current);
    } else if (m_view->verticalScrollBar()->value() > 0) {
        m_anchor = m_proxy->mapToSource(m_view->indexAt(QPoint(1, 1)));
    }
    if (m_anchor.isValid()) {
        m_anchorY = m_view->rowViewportPosition(m_proxy->mapFromSource(m_anchor).row());
    }
}

void ScrollAnchor::restore()
{
    const QModelIndex moved = m_proxy->mapFromSource(std::exchange(m_anchor, QPersistentModelIndex()));
    if (moved.isValid()) {
        QScrollBar *scroll = m_view->verticalScrollBar();
        m_view->doItemsLayout(); // the scroll range must include the new rows first
        scroll->setValue(scroll->value() + m_view->rowViewportPosition(moved.row()) - m_anchorY);
    }
}

} // namespace Hubshelf::Ui::Widgets
