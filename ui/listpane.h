#pragma once

#include "github/error.h"
#include "github/request.h"
#include "models/columns.h"
#include "models/listloader.h"
#include "models/listproxymodel.h"
#include "ui/listheader.h"

#include <QList>
#include <QPointer>
#include <QUrl>
#include <QWidget>

class QHBoxLayout;
class QKeyEvent;
class QLabel;
class QAbstractItemView;
class QLineEdit;
class QStackedWidget;
class QTableView;
class QTimer;
class QToolButton;

namespace Hubshelf::GitHub {
class Client;
}

namespace Hubshelf::Models {
class GistPreviews;
class GitHubListModel;
} // namespace Hubshelf::Models
namespace Hubshelf::Settings {
class AppSettings;
}
namespace Hubshelf::Ui::Widgets {
class ScrollAnchor;
}

namespace Hubshelf::Ui {

class GistCardsView;
class ListBudgetPrompt;
class ListProgress;

// The centre of the window: one GitHub list in a table (gists also as cards), filled page by page by its
// ListLoader, with a filter field, a row count, a column chooser and a progress bar with Stop while loading
// (Continue once stopped). A list that would spend more than half of the rate limit left asks first.
// The header (visible columns, order, widths, sort) is remembered per list kind in `settings`.
class ListPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListPane)

public:
    // Without settings the pane keeps its own on the application's QSettings.
    explicit ListPane(Settings::AppSettings *settings = nullptr, QWidget *parent = nullptr);
    ~ListPane() override;

    // Shows a new list: the loader drops the old rows and stream and streams every page of
    // `listUrl` on `client` with `options` into a new model of `kind`; that kind's header returns.
    void load(GitHub::Client *client, Models::ListKind kind, const QUrl &listUrl,
              const GitHub::RequestOptions &options = {});
    // The same list again (Retry, F5). Does nothing before the first load() or after clear().
    void reload(const GitHub::RequestOptions &options) { m_loader->reload(options); }
    // The same list again with the options of the last load(), never revalidating (an export).
    void reload() { m_loader->reload(); }
    // Applies a filter still waiting for the typing pause, e.g. before an export.
    void applyPendingFilter();
    // Cancels the stream; the rows so far stay. Emits stopped() if a load was under way.
    void stop() { m_loader->stop(); }
    // No list at all: no stream, no model (sourceModel() is null until the next load()).
    void clear();

    bool isLoading() const { return m_loader->isLoading(); }
    bool isComplete() const { return m_loader->isComplete(); } // every page arrived
    Models::ListKind kind() const { return m_loader->kind(); }
    QUrl listUrl() const { return m_loader->listUrl(); }
    Models::ListLoader *loader() const { return m_loader; }
    // Null before the first load() and after clear().
    Models::GitHubListModel *sourceModel() const { return m_loader->model(); }
    // Filter + sort: what the view shows, in its order.
    Models::ListProxyModel *proxyModel() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    // Gists as cards instead of the table (remembered per kind); only gists have cards.
    GistCardsView *cardsView() const { return m_cards; }
    bool showsCards() const;
    void setShowsCards(bool cards);
    Models::GistPreviews *gistPreviews() const { return m_previews; }
    QLineEdit *filterField() const { return m_filter; }
    QLabel *emptyState() const { return m_emptyState; }
    ListBudgetPrompt *budgetPrompt() const { return m_budgetPrompt; }
    // Source column numbers of the visible columns, in the header's visual order (for export).
    QList<int> visibleColumns() const { return m_header->visibleColumns(); }
    void focusFilter();
    // A control of the list's own (the pull requests' State) at the start of the bar, before the
    // filter, in the order added.
    void addToBar(QWidget *widget);

    // The selected rows (in the view's order) as tab-separated text of the visible columns.
    QString selectedRowsAsText() const;
    // Back to the kind's default columns, widths and order, unsorted.
    void resetColumns() { m_header->reset(); }
    // Makes current the row whose `column` (a CSV name) exports as `value`, now or when its page
    // arrives, unless a row is current by then (the person chose). An empty value forgets it.
    void selectRowWhere(const QString &column, const QString &value);
    // Scrolls the rows to `value` once every page has arrived (Back to a list read halfway down);
    // 0 leaves the scroll as loading puts it.
    void scrollWhenComplete(int value) { m_wantedScroll = value; }

Q_SIGNALS:
    void rowActivated(const QModelIndex &sourceIndex);      // double-click or Enter/Return on a row
    void currentRowChanged(const QModelIndex &sourceIndex); // invalid when nothing is current
    void loadingStarted();
    void pageLoaded(int done, int total);                  // total 0 while unknown
    void loadingFinished();                                // all pages arrived
    void loadFailed(const Hubshelf::GitHub::Error &error); // not emitted for a Stop
    void stopped();
    // The budget question's "Sign in" (the window owns signing in).
    void signInRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override; // Escape stops a load

private:
    void restoreScroll(int value);
    // The cards or the table, its button and its empty state, without remembering the choice.
    void showView(bool cards);
    void showModel(Models::GitHubListModel *model);
    void askBeforeSpending();
    void updateRowCount();
    // Over empty rows: why they are empty ("No gists", "No rows match ‘xyz’ — Clear filter").
    void updateEmptyState();
    void selectWantedRow(int firstSourceRow);
    void applyFilter();
    void enterRows();
    void copySelection() const;
    void activateCurrent();
    // The view rows are in now: the table, or the cards.
    QAbstractItemView *currentView() const;
    void showViewOfKind();
    void placeEmptyState();

    // First: the header below takes it.
    Settings::AppSettings *m_settings = nullptr;
    Models::ListLoader *m_loader = nullptr;
    Models::ListProxyModel *m_proxy = nullptr;
    // The model on screen and the list it holds: the loader's, once showModel() has taken it.
    QPointer<Models::GitHubListModel> m_model;
    QUrl m_shownUrl;

    QTableView *m_view = nullptr;
    ListHeader *m_header = nullptr;
    Models::GistPreviews *m_previews = nullptr;
    GistCardsView *m_cards = nullptr;
    QStackedWidget *m_views = nullptr;
    QToolButton *m_cardsButton = nullptr;
    Widgets::ScrollAnchor *m_anchor = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_rowCount = nullptr;
    QLabel *m_emptyState = nullptr;
    bool m_failed = false; // the last load failed: the banner above says why
    ListProgress *m_progress = nullptr;
    ListBudgetPrompt *m_budgetPrompt = nullptr;
    QToolButton *m_columnsButton = nullptr;
    QTimer *m_filterTimer = nullptr;
    QHBoxLayout *m_bar = nullptr;
    int m_barControls = 0;
    int m_wantedScroll = 0;
    QMetaObject::Connection m_scrollRestore; // restoreScroll() waiting for the range to grow
    QString m_wantedColumn;
    QString m_wantedValue;
};

} // namespace Hubshelf::Ui
