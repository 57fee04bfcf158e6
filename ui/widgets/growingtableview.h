#pragma once

#include <QTableView>

#include <vector>

namespace Hubshelf::Ui::Widgets {

// A table for a list that grows while it is shown. QTableView lays its items out again after every
// insert and repaints every visible cell then, even when the new rows went in below the last one on
// screen; at ~11 ms a repaint that is most of a page's cost on the GUI thread while 1,000 pages
// stream in. This one only updates its geometry (the scroll bar) for such inserts: what is on
// screen has not changed. Any other change lays out and repaints as QTableView does.
class GrowingTableView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GrowingTableView)

public:
    explicit GrowingTableView(QWidget *parent = nullptr);
    ~GrowingTableView() override;

    void setModel(QAbstractItemModel *model) override;
    void setRootIndex(const QModelIndex &index) override;
    void reset() override;
    void doItemsLayout() override;

    // How many layouts since construction left the visible cells unpainted (for tests).
    int quietLayouts() const { return m_quietLayouts; }

protected:
    bool event(QEvent *event) override;

protected Q_SLOTS:
    void rowsInserted(const QModelIndex &parent, int start, int end) override;

private:
    // Since the last layout, rows only went in below the last row on screen.
    enum class Since { Nothing, OnlyRowsBelow, AnythingElse };
    void changed() { m_since = Since::AnythingElse; }

    Since m_since = Since::AnythingElse;
    int m_quietLayouts = 0;
    std::vector<QMetaObject::Connection> m_modelConnections;
};

} // namespace Hubshelf::Ui::Widgets
