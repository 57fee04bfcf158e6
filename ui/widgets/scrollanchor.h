#pragma once

#include <QObject>
#include <QPersistentModelIndex>
#include <QPointer>

class QAbstractItemModel;
class QSortFilterProxyModel;
class QTableView;

namespace Hubshelf::Ui::Widgets {

// Keeps the row a person looks at in its place on screen while rows go into a sorted table: sorted
// rows land anywhere, so without it the rows in view would jump. It anchors the current row when it
// is on screen, else the top one; an unsorted table or one scrolled to the top needs no anchor
// (new rows only ever go below, or the top is where the person looks).
class ScrollAnchor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScrollAnchor)

public:
    // `view` shows `proxy`; both outlive this.
    ScrollAnchor(QTableView *view, QSortFilterProxyModel *proxy, QObject *parent = nullptr);
    ~ScrollAnchor() override;

    // The proxy's source, whose inserts are anchored (null: none). Each insert, e.g. a page of
    // rows, is one anchoring.
    void setSourceModel(QAbstractItemModel *source);

private:
    void remember();
    void restore();

    QTableView *m_view = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QPointer<QAbstractItemModel> m_source;
    QPersistentModelIndex m_anchor; // in the source
    int m_anchorY = 0;              // where it was in the viewport
};

} // namespace Hubshelf::Ui::Widgets
