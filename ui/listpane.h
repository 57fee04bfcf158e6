#pragma once

#include "github/error.h"
#include "github/request.h"
#include "models/columns.h"

#include <QList>
#include <QPointer>
#include <QUrl>
#include <QWidget>

class QHeaderView;
class QJsonArray;
class QKeyEvent;
class QLabel;
class QLineEdit;
class QMenu;
class QModelIndex;
class QProgressBar;
class QSortFilterProxyModel;
class QTableView;
class QTimer;
class QToolButton;

namespace Hubshelf::GitHub {
class Client;
class PageStream;
} // namespace Hubshelf::GitHub

namespace Hubshelf::Models {
class GitHubListModel;
}

namespace Hubshelf::Ui {

class ListSortFilterProxy;

// The centre of the window: one GitHub list in a table, filled page by page as the pages arrive,
// with a filter field, a row count, a column chooser and a progress bar with Stop while loading.
// The header (visible columns, order, widths, sort) is remembered per list kind in QSettings.
class ListPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListPane)

public:
    explicit ListPane(QWidget *parent = nullptr);
    ~ListPane() override;

    // Shows a new list: drops the old rows and stream, makes a GitHubListModel of `kind`, restores
    // that kind's header state and streams every page of `listUrl` on `client` with `options`.
    void load(GitHub::Client *client, Models::ListKind kind, const QUrl &listUrl,
              const GitHub::RequestOptions &options = {});
    // The same list again (Retry, F5). Does nothing before the first load() or after clear().
    void reload(const GitHub::RequestOptions &options);
    // The same list again with the options of the last load(), never revalidating (an export).
    void reload();
    // Applies a filter still waiting for the typing pause, e.g. before an export.
    void applyPendingFilter();
    // Cancels the stream; the rows so far stay. Emits stopped() if a load was under way.
    void stop();
    // No list at all: no stream, no model (sourceModel() is null until the next load()).
    void clear();

    bool isLoading() const;
    bool isComplete() const; // every page arrived
    Models::ListKind kind() const;
    QUrl listUrl() const;
    Models::GitHubListModel *sourceModel() const; // null before the first load() and after clear()
    QSortFilterProxyModel *proxyModel() const;    // filter + sort; what the view shows, in its order
    QTableView *view() const;
    QLineEdit *filterField() const;
    // Source column numbers of the visible columns, in the header's visual order (for export).
    QList<int> visibleColumns() const;
    void focusFilter();

    // The selected rows (in the view's order) as tab-separated text of the visible columns.
    QString selectedRowsAsText() const;
    // Back to the kind's default columns, widths and order, unsorted.
    void resetColumns();

Q_SIGNALS:
    void rowActivated(const QModelIndex &sourceIndex);      // double-click or Enter/Return on a row
    void currentRowChanged(const QModelIndex &sourceIndex); // invalid when nothing is current
    void loadingStarted();
    void pageLoaded(int done, int total);                  // total 0 while unknown
    void loadingFinished();                                // all pages arrived
    void loadFailed(const Hubshelf::GitHub::Error &error); // not emitted for a Stop
    void stopped();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void discardStream();
    void setLoading(bool loading);
    void onPage(const QJsonArray &items);
    void onProgress(int done, int total);
    void onFinished();
    void onFailed(const GitHub::Error &error);

    void restoreHeader();
    void applyDefaultHeader();
    void saveHeader();
    void scheduleHeaderSave();
    static QString headerKey(Models::ListKind kind);

    void rebuildColumnsMenu();
    void setColumnVisible(int column, bool visible);
    void updateRowCount();
    void applyFilter();
    void copySelection() const;
    void activateCurrent();

    QPointer<GitHub::Client> m_client;
    QUrl m_listUrl;
    GitHub::RequestOptions m_options;
    Models::ListKind m_kind = Models::ListKind::Repositories;
    Models::GitHubListModel *m_model = nullptr;
    GitHub::PageStream *m_stream = nullptr;
    bool m_loading = false;
    bool m_complete = false;
    // True while the header is rebuilt for a new model, so that its signals do not save a state
    // that belongs to no kind.
    bool m_restoringHeader = false;
    bool m_headerDirty = false;

    ListSortFilterProxy *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_rowCount = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_stop = nullptr;
    QToolButton *m_columnsButton = nullptr;
    QMenu *m_columnsMenu = nullptr;
    QTimer *m_filterTimer = nullptr;
    QTimer *m_saveTimer = nullptr;
};

} // namespace Hubshelf::Ui
