#include "widgets/growingtableview.h"

#include <QEvent>
#include <QHeaderView>

#include <utility>

namespace Hubshelf::Ui::Widgets {

GrowingTableView::GrowingTableView(QWidget *parent)
    : QTableView(parent)
{
    // Sections shown, hidden, moved or resized repaint through QTableView's own slots, not a layout;
    // these would not, but are counted as changes all the same so that a layout after them repaints.
    connect(horizontalHeader(), &QHeaderView::sectionCountChanged, this, [this] { changed(); });
    connect(verticalHeader(), &QHeaderView::sectionResized, this, [this] { changed(); });
}

GrowingTableView::~GrowingTableView() = default;

void GrowingTableView::setModel(QAbstractItemModel *model)
{
    for (const QMetaObject::Connection &connection : m_modelConnections) {
        disconnect(connection);
    }
    m_modelConnections.clear();
    QTableView::setModel(model);
    changed();
    if (!model) {
        return;
    }
    // Every change but an insert of rows makes the next layout a full one.
    const auto watch = [this, model](auto signal) {
        m_modelConnections.push_back(connect(model, signal, this, [this] { changed(); }));
    };
    watch(&QAbstractItemModel::layoutAboutToBeChanged);
    watch(&QAbstractItemModel::modelAboutToBeReset);
    watch(&QAbstractItemModel::rowsAboutToBeRemoved);
    watch(&QAbstractItemModel::rowsAboutToBeMoved);
    watch(&QAbstractItemModel::columnsAboutToBeInserted);
    watch(&QAbstractItemModel::columnsAboutToBeRemoved);
    watch(&QAbstractItemModel::columnsAboutToBeMoved);
    watch(&QAbstractItemModel::headerDataChanged);
}

void GrowingTableView::setRootIndex(const QModelIndex &index)
{
    changed();
    QTableView::setRootIndex(index);
}

void GrowingTableView::reset()
{
    changed();
    QTableView::reset();
}

bool GrowingTableView::event(QEvent *event)
{
    switch (event->type()) {
    case QEvent::FontChange:
    case QEvent::StyleChange:
    case QEvent::PaletteChange:
    case QEvent::LayoutDirectionChange:
        changed();
        break;
    default:
        break;
    }
    return QTableView::event(event);
}

void GrowingTableView::rowsInserted(const QModelIndex &parent, int start, int end)
{
    QTableView::rowsInserted(parent, start, end);
    // The last row with a pixel on screen; none when the rows end above the viewport's bottom, where
    // the new ones show.
    const int lastOnScreen = rowAt(viewport()->height() - 1);
    const bool below = parent == rootIndex() && lastOnScreen >= 0 && start > lastOnScreen;
    if (below && m_since != Since::AnythingElse) {
        m_since = Since::OnlyRowsBelow;
    } else {
        changed();
    }
}

void GrowingTableView::doItemsLayout()
{
    const Since since = std::exchange(m_since, Since::Nothing);
    if (since == Since::OnlyRowsBelow) {
        ++m_quietLayouts;
        updateGeometries();
        return;
    }
    QTableView::doItemsLayout();
}

} // namespace Hubshelf::Ui::Widgets
