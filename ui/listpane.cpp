#include "ui/listpane.h"

#include "github/client.h"
#include "models/gistpreviews.h"
#include "models/githublistmodel.h"
#include "models/roles.h"
#include "settings/appsettings.h"
#include "ui/gistcardsview.h"
#include "ui/listbudgetprompt.h"
#include "ui/listkeys.h"
#include "ui/listprogress.h"
#include "widgets/growingtableview.h"
#include "widgets/placeholderdelegate.h"
#include "widgets/scrollanchor.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui {

namespace {

constexpr int FilterMinimumChars = 10;

// Long enough not to re-filter 20,000 rows on every keystroke, short enough to feel immediate.
constexpr int FilterDelayMs = 150;

void describe(QWidget *widget, const QString &objectName, const QString &accessibleName,
              const QString &toolTip)
{
    widget->setObjectName(objectName);
    widget->setAccessibleName(accessibleName);
    widget->setToolTip(toolTip);
}

} // namespace

ListPane::ListPane(Settings::AppSettings *settings, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings ? settings : new Settings::AppSettings(this))
    , m_loader(new Models::ListLoader(this))
    , m_proxy(new Models::ListProxyModel(this))
    , m_view(new Widgets::GrowingTableView(this))
    , m_header(new ListHeader(m_view, m_proxy, m_settings, this))
    , m_anchor(new Widgets::ScrollAnchor(m_view, m_proxy, this))
    , m_filter(new QLineEdit(this))
    , m_rowCount(new QLabel(this))
    , m_emptyState(new QLabel(m_view->viewport()))
    , m_progress(new ListProgress(m_loader, this))
    , m_budgetPrompt(new ListBudgetPrompt(this))
    , m_columnsButton(new QToolButton(this))
    , m_filterTimer(new QTimer(this))
{
    setObjectName(u"listPane"_s);
    m_loader->setObjectName(u"listLoader"_s);
    m_loader->setAskBeforeSpending(true);
    // Coming back costs no wait: the saved pages show at once and are revalidated behind.
    m_loader->setRevalidateBehind(true);
    m_proxy->setObjectName(u"listProxy"_s);

    describe(m_filter, u"listFilter"_s, tr("Filter rows"),
             tr("Show only the rows that contain this text in any column (Ctrl+F; Esc clears)"));
    m_filter->setPlaceholderText(tr("Filter rows (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    // Beside the State box in a narrow window (1024 pixels, German) it stays wide enough to type in.
    m_filter->setMinimumWidth(m_filter->fontMetrics().averageCharWidth() * FilterMinimumChars);

    m_rowCount->setObjectName(u"listRowCount"_s);
    m_rowCount->setAccessibleName(tr("Row count"));
    m_rowCount->setTextFormat(Qt::PlainText);
    m_rowCount->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    // Room for the usual counts, so that the filter field does not twitch as rows arrive.
    m_rowCount->setMinimumWidth(
        m_rowCount->fontMetrics().horizontalAdvance(tr("%Ln row(s)", nullptr, 88888)));

    describe(m_columnsButton, u"listColumns"_s, tr("Choose columns"), tr("Choose the columns to show"));
    m_columnsButton->setText(tr("Columns"));
    m_columnsButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_columnsButton->setPopupMode(QToolButton::InstantPopup);
    m_columnsButton->setAutoRaise(true);
    m_columnsButton->setMenu(m_header->menu());
    m_columnsButton->setFocusPolicy(Qt::StrongFocus);

    m_view->setObjectName(u"listView"_s);
    m_view->setAccessibleName(tr("List"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setCornerButtonEnabled(false);
    // Tab leaves the table, as it leaves every other control; arrows move between cells.
    m_view->setTabKeyNavigation(false);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    auto *delegate = new Widgets::PlaceholderDelegate(Models::PlaceholderRole, m_view);
    delegate->setMark(Models::SecretRole, QIcon(u":/hubshelf/icons/secret.svg"_s));
    m_view->setItemDelegate(delegate);
    // Uniform rows: a fixed height is what keeps 20,000 rows cheap to lay out and scroll.
    QHeaderView *rows = m_view->verticalHeader();
    rows->setVisible(false);
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 8);

    m_emptyState->setObjectName(u"listEmptyState"_s);
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setTextFormat(Qt::RichText); // the filter text in it is escaped
    m_emptyState->setForegroundRole(QPalette::PlaceholderText);
    m_emptyState->hide();
    connect(m_emptyState, &QLabel::linkActivated, this, [this] {
        m_filter->clear();
        m_filter->setFocus(Qt::OtherFocusReason);
    });
    m_previews = new Models::GistPreviews(this);
    m_cards = new GistCardsView(m_previews, this);
    m_cards->setModel(m_proxy);
    m_cards->setSelectionModel(m_view->selectionModel()); // one current row, whichever view shows it
    m_views = new QStackedWidget(this);
    m_views->addWidget(m_view);
    m_views->addWidget(m_cards);
    // One small button, the cards' icon: the bar fits a window of 500 pixels with it.
    m_cardsButton = new QToolButton(this);
    describe(m_cardsButton, u"listAsCards"_s, tr("Cards"),
             tr("Show the gists as cards with a preview, or as a table (Ctrl+Shift+K)"));
    m_cardsButton->setIcon(QIcon(u":/hubshelf/icons/view-cards.svg"_s));
    m_cardsButton->setCheckable(true);
    m_cardsButton->setAutoRaise(true);
    m_cardsButton->setToolButtonStyle(Qt::ToolButtonIconOnly);
    m_cardsButton->setFocusPolicy(Qt::StrongFocus);
    m_cardsButton->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    m_cardsButton->hide();
    connect(m_cardsButton, &QToolButton::toggled, this, [this](bool cards) {
        if (cards != showsCards()) {
            setShowsCards(cards);
        }
    });
    // A gist's files, once fetched or found in the cache, are searched by the filter as well.
    m_proxy->setExtraText([this](int sourceRow) {
        return m_model && m_model->kind() == Models::ListKind::Gists
                   ? m_previews->contentOf(m_model->index(sourceRow, 0).data(Models::IdRole).toString())
                   : QByteArray();
    });
    auto *refilter = new QTimer(this);
    refilter->setSingleShot(true);
    refilter->setInterval(150); // a burst of cached gists filters once
    connect(m_previews, &Models::GistPreviews::previewReady, refilter, [this, refilter] {
        if (!m_proxy->filterText().isEmpty()) {
            refilter->start();
        }
    });
    connect(refilter, &QTimer::timeout, this, [this] {
        m_proxy->refilter();
        updateRowCount();
    });
    placeEmptyState();

    auto *bar = m_bar = new QHBoxLayout;
    bar->setContentsMargins(6, 6, 6, 0);
    bar->setSpacing(6);
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_rowCount);
    bar->addWidget(m_progress);
    bar->addWidget(m_cardsButton);
    bar->addWidget(m_columnsButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(bar);
    layout->addWidget(m_budgetPrompt);
    layout->addWidget(m_views, 1);
    setFocusProxy(m_view);

    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(FilterDelayMs);

    connect(m_loader, &Models::ListLoader::modelChanged, this, &ListPane::showModel);
    connect(m_loader, &Models::ListLoader::progress, this, &ListPane::pageLoaded);
    // A load begins or ends: the progress (connected first) and the count follow, then the pane tells.
    for (const auto signal :
         {&Models::ListLoader::started, &Models::ListLoader::finished, &Models::ListLoader::stopped}) {
        connect(m_loader, signal, this, &ListPane::updateRowCount);
    }
    connect(m_loader, &Models::ListLoader::started, this, [this] { m_failed = false; });
    connect(m_loader, &Models::ListLoader::failed, this, [this] { m_failed = true; });
    connect(m_loader, &Models::ListLoader::failed, this, &ListPane::updateRowCount);
    connect(m_loader, &Models::ListLoader::held, this, &ListPane::updateRowCount);
    connect(m_loader, &Models::ListLoader::held, this, &ListPane::askBeforeSpending);
    connect(m_loader, &Models::ListLoader::started, m_budgetPrompt, &QWidget::hide);
    connect(m_loader, &Models::ListLoader::modelChanged, m_budgetPrompt, &QWidget::hide);
    connect(m_budgetPrompt, &ListBudgetPrompt::loadAll, m_loader, [this] { m_loader->continueLoading(); });
    connect(m_budgetPrompt, &ListBudgetPrompt::loadSome, m_loader, &Models::ListLoader::continueLoading);
    connect(m_budgetPrompt, &ListBudgetPrompt::signInRequested, this, &ListPane::signInRequested);
    connect(m_loader, &Models::ListLoader::started, this, &ListPane::loadingStarted);
    connect(m_loader, &Models::ListLoader::finished, this, [this] {
        if (m_wantedScroll > 0) {
            restoreScroll(std::exchange(m_wantedScroll, 0));
        }
    });
    connect(m_view->verticalScrollBar(), &QScrollBar::actionTriggered, this,
            [this] { QObject::disconnect(m_scrollRestore); });
    connect(m_loader, &Models::ListLoader::finished, this, &ListPane::loadingFinished);
    connect(m_loader, &Models::ListLoader::stopped, this, &ListPane::stopped);
    connect(m_loader, &Models::ListLoader::failed, this, &ListPane::loadFailed);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty()) {
            applyFilter(); // clearing is never slow to show: everything comes back
        } else {
            m_filterTimer->start();
        }
    });
    connect(m_filterTimer, &QTimer::timeout, this, &ListPane::applyFilter);
    auto *keys = new ListKeys(m_filter, m_view, m_loader, this);
    connect(keys, &ListKeys::intoRows, this, &ListPane::enterRows);
    connect(keys, &ListKeys::activate, this, &ListPane::activateCurrent);
    connect(keys, &ListKeys::copy, this, &ListPane::copySelection);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.isValid()) {
            Q_EMIT rowActivated(m_proxy->mapToSource(index));
        }
    });
    connect(m_cards, &QListView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid()) {
            Q_EMIT rowActivated(m_proxy->mapToSource(index));
        }
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { Q_EMIT currentRowChanged(m_proxy->mapToSource(current)); });
    connect(m_view, &QTableView::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (!m_view->indexAt(pos).isValid()) {
            return;
        }
        QMenu menu(this);
        menu.addAction(tr("&Open"), this, &ListPane::activateCurrent)
            ->setShortcut(QKeySequence(Qt::Key_Return));
        menu.addAction(tr("&Copy"), this, &ListPane::copySelection)->setShortcut(QKeySequence::Copy);
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });
    // Rows come a page at a time (showModel) and go through applyFilter(), which count them
    // once rather than once per block of sorted rows the proxy inserts.
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ListPane::updateRowCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &ListPane::updateRowCount);
    updateRowCount();
}

ListPane::~ListPane()
{
    // Before the children go: the header saves a resting change while the view is there, and the
    // loader's model goes without telling this half-destroyed pane.
    disconnect(m_proxy, nullptr, this, nullptr);
    delete m_header;
    delete m_loader;
}

void ListPane::restoreScroll(int value)
{
    QScrollBar *bar = m_view->verticalScrollBar();
    if (bar->maximum() >= value) {
        bar->setValue(value);
        return;
    }
    // The view lays the last rows out in a later turn (later still on a busy machine): the range
    // reaches the value then. Another list, or a scroll by hand, cancels it.
    QObject::disconnect(m_scrollRestore);
    m_scrollRestore = connect(bar, &QScrollBar::rangeChanged, this, [this, bar, value](int, int maximum) {
        if (maximum >= value) {
            QObject::disconnect(m_scrollRestore);
            bar->setValue(value);
        }
    });
}

void ListPane::load(GitHub::Client *client, Models::ListKind kind, const QUrl &listUrl,
                    const GitHub::RequestOptions &options)
{
    QObject::disconnect(m_scrollRestore);
    m_previews->setClient(client);
    m_loader->load(client, kind, listUrl, options);
}

bool ListPane::showsCards() const
{
    return m_views->currentWidget() == m_cards;
}

void ListPane::setShowsCards(bool cards)
{
    cards = cards && kind() == Models::ListKind::Gists && m_model;
    const bool hadFocus = currentView()->hasFocus();
    // The cards show one column, the table its visible ones: the current row moves to a column of
    // the view that shows it, or that view could neither scroll to it nor move from it.
    if (const QModelIndex current = m_view->selectionModel()->currentIndex(); current.isValid()) {
        const int column = cards ? m_cards->modelColumn() : visibleColumns().value(0, 0);
        m_view->selectionModel()->setCurrentIndex(current.siblingAtColumn(column),
                                                  QItemSelectionModel::NoUpdate);
    }
    showView(cards);
    if (m_model) {
        m_settings->setListShowsCards(Models::listKindName(kind()), cards);
    }
    if (currentView()->currentIndex().isValid()) {
        currentView()->scrollTo(currentView()->currentIndex());
    }
    if (hadFocus) {
        currentView()->setFocus(Qt::OtherFocusReason);
    }
}

QAbstractItemView *ListPane::currentView() const
{
    return showsCards() ? static_cast<QAbstractItemView *>(m_cards) : m_view;
}

// The kind's own view: gists as the person last chose, every other kind as a table.
void ListPane::showViewOfKind()
{
    const bool gists = m_model && kind() == Models::ListKind::Gists;
    m_cardsButton->setVisible(gists);
    showView(gists && m_settings->listShowsCards(Models::listKindName(kind())));
}

void ListPane::showView(bool cards)
{
    m_views->setCurrentWidget(cards ? static_cast<QWidget *>(m_cards) : m_view);
    setFocusProxy(currentView());
    m_cardsButton->setChecked(cards);
    placeEmptyState();
}

// Centred over the rows of the view on screen, whatever its size.
void ListPane::placeEmptyState()
{
    QWidget *viewport = currentView()->viewport();
    if (m_emptyState->parentWidget() == viewport) {
        return;
    }
    if (QLayout *old = m_emptyState->parentWidget() ? m_emptyState->parentWidget()->layout() : nullptr) {
        old->removeWidget(m_emptyState);
        delete old;
    }
    const bool shown = !m_emptyState->isHidden();
    m_emptyState->setParent(viewport);
    auto *layout = new QVBoxLayout(viewport);
    layout->addWidget(m_emptyState);
    m_emptyState->setVisible(shown);
}

void ListPane::applyPendingFilter()
{
    if (m_filterTimer->isActive()) {
        applyFilter();
    }
}

void ListPane::clear()
{
    m_loader->clear();
    m_progress->showState();
    updateRowCount();
    m_filter->clear();
}

void ListPane::addToBar(QWidget *widget)
{
    m_bar->insertWidget(m_barControls++, widget);
}

void ListPane::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

QString ListPane::selectedRowsAsText() const
{
    // Rows from the selection ranges, not selectedIndexes(): a select-all of 20,000 rows would
    // otherwise build a quarter of a million indexes.
    QList<int> rows;
    const QItemSelection selection = m_view->selectionModel()->selection();
    for (const QItemSelectionRange &range : selection) {
        for (int row = range.top(); row <= range.bottom(); ++row) {
            rows.append(row);
        }
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    return m_proxy->rowsAsText(rows, visibleColumns());
}

// From the filter straight into the rows it left.
void ListPane::enterRows()
{
    applyPendingFilter(); // typed and Enter at once: the first row of what was typed
    if (m_proxy->rowCount() > 0) {
        if (!m_view->currentIndex().isValid()) {
            m_view->selectionModel()->setCurrentIndex(m_proxy->index(0, visibleColumns().value(0)),
                                                      QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
        }
        currentView()->scrollTo(currentView()->currentIndex());
        currentView()->setFocus(Qt::TabFocusReason);
    }
}

void ListPane::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && isLoading()) {
        stop();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

// The loader's new model (or none). A filter belongs to the list it was typed for; the same list
// again (F5, an export's reload) keeps it.
void ListPane::showModel(Models::GitHubListModel *model)
{
    const bool hadCurrent = m_view->currentIndex().isValid();
    const bool sameList =
        m_model && model && model->kind() == m_model->kind() && m_loader->listUrl() == m_shownUrl;
    m_model = model;
    m_failed = false;
    m_shownUrl = m_loader->listUrl();
    m_header->setModel(model);
    if (!sameList && !m_filter->text().isEmpty()) {
        m_filter->clear();
    }
    if (model) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &ListPane::updateRowCount);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &ListPane::updateRowCount);
        connect(model, &QAbstractItemModel::rowsInserted, this,
                [this](const QModelIndex &, int first) { selectWantedRow(first); });
    }
    // A page goes in as one insert, around which the row in view keeps its place.
    m_anchor->setSourceModel(model);
    showViewOfKind();
    updateRowCount();
    if (hadCurrent) {
        Q_EMIT currentRowChanged({});
    }
}

void ListPane::askBeforeSpending()
{
    const GitHub::Client *client = m_loader->client();
    m_budgetPrompt->ask(m_loader->pagesDone(), m_loader->pageCount(), m_loader->spendingLimit(),
                        client && client->hasToken(),
                        client ? client->rateLimits()->now() : QDateTime::currentDateTimeUtc());
}

void ListPane::selectRowWhere(const QString &column, const QString &value)
{
    m_wantedColumn = column;
    m_wantedValue = value;
    selectWantedRow(0);
}

void ListPane::selectWantedRow(int firstSourceRow)
{
    if (m_wantedValue.isEmpty() || !m_model) {
        return;
    }
    if (m_view->currentIndex().isValid()) {
        m_wantedValue.clear(); // someone chose a row first
        return;
    }
    const int column = m_model->columnNamed(m_wantedColumn);
    if (column < 0) {
        return;
    }
    for (int row = firstSourceRow; row < m_model->rowCount(); ++row) {
        const QModelIndex cell = m_model->index(row, column);
        if (cell.data(Models::ExportRole).toString() != m_wantedValue) {
            continue;
        }
        m_wantedValue.clear();
        const QModelIndex shown = m_proxy->mapFromSource(cell);
        if (shown.isValid()) {
            m_view->selectionModel()->setCurrentIndex(shown, QItemSelectionModel::ClearAndSelect |
                                                                 QItemSelectionModel::Rows);
            m_view->scrollTo(shown);
        }
        return;
    }
}

void ListPane::updateRowCount()
{
    const int total = m_model ? m_model->rowCount() : 0;
    const int shown = m_proxy->rowCount();
    QString text;
    const int expected = m_loader->canContinue() ? m_loader->estimatedRowCount() : -1;
    if (m_model && kind() == Models::ListKind::Gists && !m_proxy->filterText().isEmpty()) {
        text = tr("%1 of %Ln gist(s) contain ‘%2’", nullptr, total)
                   .arg(QLocale().toString(shown), m_proxy->filterText());
    } else if (m_model && (!m_proxy->filterText().isEmpty() || shown != total)) {
        text = tr("%1 of %Ln row(s)", nullptr, total).arg(QLocale().toString(shown));
    } else if (m_model && expected > total) {
        text = tr("%1 of ~%2 rows — stopped").arg(QLocale().toString(total), QLocale().toString(expected));
    } else if (m_model) {
        text = tr("%Ln row(s)", nullptr, total);
    }
    if (m_rowCount->text() != text) {
        m_rowCount->setText(text);
    }
    updateEmptyState();
}

void ListPane::updateEmptyState()
{
    QString text;
    if (m_model && m_proxy->rowCount() == 0 && !m_loader->isLoading()) {
        if (m_model->rowCount() > 0) {
            text = tr("No rows match ‘%1’ — <a href=\"clear\">Clear filter</a>")
                       .arg(m_filter->text().toHtmlEscaped());
        } else if (m_failed) {
            text = tr("Nothing to show: the message above says why.");
        } else if (m_loader->isComplete()) {
            switch (m_model->kind()) {
            case Models::ListKind::Gists:
                text = tr("No gists");
                break;
            case Models::ListKind::Repositories:
                text = tr("No repositories");
                break;
            case Models::ListKind::PullRequests:
                text = tr("No pull requests");
                break;
            case Models::ListKind::Organizations:
                text = tr("No organizations");
                break;
            case Models::ListKind::Users:
                text = tr("Nobody here");
                break;
            case Models::ListKind::Revisions:
                text = tr("No revisions");
                break;
            }
        }
    }
    m_emptyState->setText(text);
    m_emptyState->setVisible(!text.isEmpty());
}

void ListPane::applyFilter()
{
    m_filterTimer->stop();
    const QPersistentModelIndex chosen(m_proxy->mapToSource(m_view->currentIndex()));
    m_proxy->setFilterText(m_filter->text());
    if (!m_filter->text().isEmpty() && m_model && kind() == Models::ListKind::Gists) {
        // Whatever the cache holds of these gists' files is searched too, as it comes.
        QStringList ids;
        ids.reserve(m_model->rowCount());
        for (int row = 0; row < m_model->rowCount(); ++row) {
            ids.append(m_model->index(row, 0).data(Models::IdRole).toString());
        }
        m_previews->loadCached(ids);
    }
    // The view moves a current row the filter hid to a neighbour, whose details nobody asked for
    // (a request each): nothing is chosen instead.
    if (m_view->currentIndex().isValid() &&
        (!chosen.isValid() || !m_proxy->mapFromSource(chosen).isValid())) {
        m_view->selectionModel()->clear();
    }
    updateRowCount();
}

void ListPane::copySelection() const
{
    const QString text = selectedRowsAsText();
    if (!text.isEmpty()) {
        QApplication::clipboard()->setText(text);
    }
}

void ListPane::activateCurrent()
{
    const QModelIndex current = currentView()->currentIndex();
    if (current.isValid()) {
        Q_EMIT rowActivated(m_proxy->mapToSource(current));
    }
}

} // namespace Hubshelf::Ui
