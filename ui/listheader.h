#pragma once

#include "models/columns.h"

#include <QList>
#include <QObject>
#include <QPointer>

class QMenu;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace Hubshelf::Models {
class GitHubListModel;
}
namespace Hubshelf::Settings {
class AppSettings;
}

namespace Hubshelf::Ui {

// The columns of the list's table: which are shown, in what order, how wide and which one sorts,
// remembered per list kind in the AppSettings, and the menu that chooses them (it stays open while
// columns are ticked). A kind's first use shows its default columns (Models::defaultVisibleColumns)
// at their natural width, unsorted.
class ListHeader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListHeader)

public:
    // `view` shows `proxy`; both outlive this. `settings` keeps each kind's header; when it goes
    // first, a last change is not saved.
    ListHeader(QTableView *view, QSortFilterProxyModel *proxy, Settings::AppSettings *settings,
               QObject *parent = nullptr);
    ~ListHeader() override; // a change still waiting to be saved is saved

    // Puts `model` (or none) under the proxy: the shown kind's header is saved, the new kind's
    // restored, and the proxy sorts as the header says.
    void setModel(Models::GitHubListModel *model);
    QMenu *menu() const { return m_menu; } // the column chooser, rebuilt each time it shows
    // Source column numbers of the visible columns, in the header's visual order.
    QList<int> visibleColumns() const;
    // Back to the kind's default columns, widths and order, unsorted.
    void reset();

protected:
    // The menu's checkable entries toggle without closing it, by mouse and by keyboard.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void restore();
    void applyDefault();
    int defaultWidth(const Models::Column &column) const;
    void save();
    void scheduleSave();
    void rebuildMenu();
    void updateMenuStates(); // the last visible column cannot be unticked
    void setColumnVisible(int column, bool visible);

    QTableView *m_view = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QPointer<Settings::AppSettings> m_settings;
    QPointer<Models::GitHubListModel> m_model;
    QMenu *m_menu = nullptr;
    QTimer *m_saveTimer = nullptr;
    // True while the header is rebuilt for a new model, so that its signals do not save a state
    // that belongs to no kind.
    bool m_restoring = false;
    bool m_dirty = false;
};

} // namespace Hubshelf::Ui
