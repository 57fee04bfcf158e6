#include "ui/listpane.h"

#include "github/client.h"
#include "github/pagestream.h"
#include "models/githublistmodel.h"
#include "models/roles.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPersistentModelIndex>
#include <QProgressBar>
#include <QScrollBar>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui {

namespace {

// Long enough not to re-filter 20,000 rows on every keystroke, short enough to feel immediate.
constexpr int FilterDelayMs = 150;
// Dragging a section edge resizes it many times a second; the header is saved once it rests.
constexpr int HeaderSaveDelayMs = 500;

// The kind's natural width of a column, in the view's font, before the person resizes it.
int defaultWidth(const Models::Column &column, const QFontMetrics &cells, const QFontMetrics &header)
{
    const int em = cells.horizontalAdvance(u'M');
    // Room for the title, the sort arrow and the section's padding.
    const int title = header.horizontalAdvance(column.title) + 3 * em;
    int content = 9 * em;
    switch (column.type) {
    case Models::ColumnType::Integer:
        content = cells.horizontalAdvance(u"0000000"_s) + em;
        break;
    case Models::ColumnType::Boolean:
        content = 4 * em;
        break;
    case Models::ColumnType::DateTime:
        content = cells.horizontalAdvance(u"2011-01-26T19:01:12Z"_s) + em;
        break;
    case Models::ColumnType::TextList:
        content = 14 * em;
        break;
    case Models::ColumnType::Text:
        if (column.name == u"description"_s || column.name == u"title"_s) {
            content = 30 * em;
        } else if (column.name == u"full_name"_s || column.name == u"html_url"_s || column.name == u"url"_s ||
                   column.name == u"head"_s || column.name == u"base"_s) {
            content = 18 * em;
        } else if (column.name == u"id"_s || column.name == u"login"_s) {
            content = 13 * em;
        } else if (column.name == u"state"_s) {
            content = 5 * em;
        }
        break;
    }
    return std::max(title, content);
}

} // namespace

// Sorts by the typed SortRole values: numbers, booleans and timestamps by value, text without case,
// and nulls (invalid QVariants) after every value in both directions, so that a sorted column
// always starts with data. Qt's default comparison would sort booleans and mixed types as text
// and put nulls first when the order is descending.
class ListSortFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListSortFilterProxy)

public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    // Number columns are right-aligned, and so are their titles, which then sit above the digits.
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (role == Qt::TextAlignmentRole && orientation == Qt::Horizontal) {
            const auto *list = qobject_cast<const Models::GitHubListModel *>(sourceModel());
            if (list && section >= 0 && section < list->columns().size() &&
                list->columns().at(section).type == Models::ColumnType::Integer) {
                return int(Qt::AlignRight | Qt::AlignVCenter); // an int, as QHeaderView reads it
            }
        }
        return QSortFilterProxyModel::headerData(section, orientation, role);
    }

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        const QVariant a = left.data(sortRole());
        const QVariant b = right.data(sortRole());
        if (!a.isValid() || !b.isValid()) {
            // The proxy sorts descending by swapping the arguments: a null then has to be "less".
            const bool descending = sortOrder() == Qt::DescendingOrder;
            if (a.isValid() == b.isValid()) {
                return false;
            }
            return descending ? !a.isValid() : !b.isValid();
        }
        const int type = a.metaType().id();
        if (type == b.metaType().id()) {
            switch (type) {
            case QMetaType::LongLong:
            case QMetaType::Int:
            case QMetaType::UInt:
                return a.toLongLong() < b.toLongLong();
            case QMetaType::Bool:
                return !a.toBool() && b.toBool();
            case QMetaType::QDateTime:
                return a.toDateTime() < b.toDateTime();
            case QMetaType::QStringList:
                return compareText(a.toStringList().join(u';'), b.toStringList().join(u';')) < 0;
            default:
                break;
            }
        }
        return compareText(a.toString(), b.toString()) < 0;
    }

private:
    static int compareText(const QString &a, const QString &b)
    {
        const int folded = a.compare(b, Qt::CaseInsensitive);
        return folded != 0 ? folded : a.compare(b, Qt::CaseSensitive);
    }
};

ListPane::ListPane(QWidget *parent)
    : QWidget(parent)
    , m_proxy(new ListSortFilterProxy(this))
    , m_view(new QTableView(this))
    , m_filter(new QLineEdit(this))
    , m_rowCount(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_stop(new QToolButton(this))
    , m_columnsButton(new QToolButton(this))
    , m_columnsMenu(new QMenu(this))
    , m_filterTimer(new QTimer(this))
    , m_saveTimer(new QTimer(this))
{
    setObjectName(u"listPane"_s);

    m_proxy->setObjectName(u"listProxy"_s);
    m_proxy->setSortRole(Models::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setDynamicSortFilter(true);

    m_filter->setObjectName(u"listFilter"_s);
    m_filter->setPlaceholderText(tr("Filter rows (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter rows"));
    m_filter->setToolTip(tr("Show only the rows that contain this text in any column (Ctrl+F; Esc clears)"));
    m_filter->installEventFilter(this);

    m_rowCount->setObjectName(u"listRowCount"_s);
    m_rowCount->setAccessibleName(tr("Row count"));
    m_rowCount->setTextFormat(Qt::PlainText);
    m_rowCount->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    // Room for the usual counts, so that the filter field does not twitch as rows arrive.
    m_rowCount->setMinimumWidth(
        m_rowCount->fontMetrics().horizontalAdvance(tr("%Ln row(s)", nullptr, 88888)));

    m_progress->setObjectName(u"listProgress"_s);
    m_progress->setAccessibleName(tr("Loading progress"));
    m_progress->setToolTip(tr("Pages of the list received so far"));
    m_progress->setTextVisible(true);
    m_progress->setFixedWidth(fontMetrics().horizontalAdvance(tr("page %1 of %2").arg(u"888"_s, u"888"_s)) +
                              fontMetrics().horizontalAdvance(u'M') * 4);
    m_progress->setVisible(false);

    m_stop->setObjectName(u"listStop"_s);
    m_stop->setText(tr("Stop"));
    m_stop->setIcon(style()->standardIcon(QStyle::SP_BrowserStop));
    m_stop->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_stop->setAutoRaise(true);
    m_stop->setAccessibleName(tr("Stop loading"));
    m_stop->setToolTip(tr("Stop loading the list; the rows so far stay (Esc)"));
    m_stop->setVisible(false);

    m_columnsButton->setObjectName(u"listColumns"_s);
    m_columnsButton->setText(tr("Columns"));
    m_columnsButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_columnsButton->setPopupMode(QToolButton::InstantPopup);
    m_columnsButton->setAutoRaise(true);
    m_columnsButton->setMenu(m_columnsMenu);
    m_columnsButton->setAccessibleName(tr("Choose columns"));
    m_columnsButton->setToolTip(tr("Choose the columns to show"));
    m_columnsButton->setFocusPolicy(Qt::StrongFocus);
    m_columnsMenu->setObjectName(u"listColumnsMenu"_s);

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
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->installEventFilter(this);

    // Uniform rows: a fixed height is what keeps 20,000 rows cheap to lay out and scroll.
    QHeaderView *rows = m_view->verticalHeader();
    rows->setVisible(false);
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 8);

    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionsMovable(true);
    header->setSectionsClickable(true);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSortIndicatorClearable(true); // a third click gives GitHub's own order back
    header->setSortIndicator(-1, Qt::AscendingOrder);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setSortingEnabled(true);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 6, 6, 0);
    bar->setSpacing(6);
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_rowCount);
    bar->addWidget(m_progress);
    bar->addWidget(m_stop);
    bar->addWidget(m_columnsButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    setFocusProxy(m_view);

    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(FilterDelayMs);
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(HeaderSaveDelayMs);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty()) {
            applyFilter(); // clearing is never slow to show: everything comes back
        } else {
            m_filterTimer->start();
        }
    });
    connect(m_filterTimer, &QTimer::timeout, this, &ListPane::applyFilter);
    connect(m_saveTimer, &QTimer::timeout, this, &ListPane::saveHeader);
    connect(m_stop, &QToolButton::clicked, this, &ListPane::stop);
    connect(m_columnsMenu, &QMenu::aboutToShow, this, &ListPane::rebuildColumnsMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, [this, header](const QPoint &pos) {
        m_columnsMenu->popup(header->viewport()->mapToGlobal(pos));
    });
    connect(header, &QHeaderView::sectionResized, this, &ListPane::scheduleHeaderSave);
    connect(header, &QHeaderView::sectionMoved, this, &ListPane::scheduleHeaderSave);
    connect(header, &QHeaderView::sortIndicatorChanged, this, &ListPane::scheduleHeaderSave);

    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.isValid()) {
            Q_EMIT rowActivated(m_proxy->mapToSource(index));
        }
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { Q_EMIT currentRowChanged(m_proxy->mapToSource(current)); });
    connect(m_view, &QTableView::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_view->indexAt(pos);
        if (!index.isValid()) {
            return;
        }
        QMenu menu(this);
        QAction *open = menu.addAction(tr("&Open"), this, &ListPane::activateCurrent);
        open->setShortcut(QKeySequence(Qt::Key_Return));
        QAction *copy = menu.addAction(tr("&Copy"), this, &ListPane::copySelection);
        copy->setShortcut(QKeySequence::Copy);
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });

    // Rows only come and go through onPage() and applyFilter(), which count them once per page
    // rather than once per block of sorted rows the proxy inserts.
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ListPane::updateRowCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &ListPane::updateRowCount);
    updateRowCount();
}

ListPane::~ListPane()
{
    discardStream();
    if (m_headerDirty) {
        saveHeader();
    }
}

void ListPane::load(GitHub::Client *client, Models::ListKind kind, const QUrl &listUrl,
                    const GitHub::RequestOptions &options)
{
    discardStream();
    if (m_headerDirty) {
        saveHeader();
    }
    const bool hadCurrent = m_view->currentIndex().isValid();
    const bool sameList = m_model && kind == m_kind && listUrl == m_listUrl;

    m_client = client;
    m_kind = kind;
    m_listUrl = listUrl;
    m_options = options;
    m_complete = false;

    Models::GitHubListModel *old = m_model;
    m_model = new Models::GitHubListModel(kind, this);
    m_model->setObjectName(u"listModel"_s);
    m_restoringHeader = true;
    m_proxy->setSourceModel(m_model);
    m_restoringHeader = false;
    if (old) {
        old->deleteLater();
    }
    if (!sameList && !m_filter->text().isEmpty()) {
        m_filter->clear(); // a filter belongs to the list it was typed for; F5 keeps it
    }
    restoreHeader();
    if (hadCurrent) {
        Q_EMIT currentRowChanged({});
    }

    if (!client) {
        GitHub::Error error;
        error.kind = GitHub::Error::Kind::Network;
        error.url = listUrl;
        Q_EMIT loadFailed(error);
        return;
    }

    m_stream = new GitHub::PageStream(client, listUrl, this);
    m_stream->setRequestOptions(options);
    connect(m_stream, &GitHub::PageStream::pageArrived, this,
            [this](int, const QJsonArray &items, const GitHub::Response &) { onPage(items); });
    connect(m_stream, &GitHub::PageStream::progress, this, &ListPane::onProgress);
    connect(m_stream, &GitHub::PageStream::finished, this, &ListPane::onFinished);
    connect(m_stream, &GitHub::PageStream::failed, this, &ListPane::onFailed);
    setLoading(true);
    Q_EMIT loadingStarted();
    // A slot of loadingStarted() may already have stopped or replaced this load.
    if (m_stream && m_loading) {
        m_stream->start();
    }
}

void ListPane::reload(const GitHub::RequestOptions &options)
{
    if (!m_model || !m_listUrl.isValid()) {
        return;
    }
    load(m_client, m_kind, m_listUrl, options);
}

void ListPane::reload()
{
    GitHub::RequestOptions options = m_options;
    options.revalidate = false;
    reload(options);
}

void ListPane::applyPendingFilter()
{
    if (m_filterTimer->isActive()) {
        applyFilter();
    }
}

void ListPane::stop()
{
    if (!m_loading) {
        return;
    }
    discardStream();
    setLoading(false);
    Q_EMIT stopped();
}

void ListPane::clear()
{
    discardStream();
    setLoading(false);
    if (m_headerDirty) {
        saveHeader();
    }
    const bool hadCurrent = m_view->currentIndex().isValid();
    m_complete = false;
    m_listUrl.clear();
    if (m_model) {
        m_restoringHeader = true;
        m_proxy->setSourceModel(nullptr);
        m_restoringHeader = false;
        m_model->deleteLater();
        m_model = nullptr;
    }
    m_filter->clear();
    updateRowCount();
    if (hadCurrent) {
        Q_EMIT currentRowChanged({});
    }
}

bool ListPane::isLoading() const
{
    return m_loading;
}

bool ListPane::isComplete() const
{
    return m_complete;
}

Models::ListKind ListPane::kind() const
{
    return m_kind;
}

QUrl ListPane::listUrl() const
{
    return m_listUrl;
}

Models::GitHubListModel *ListPane::sourceModel() const
{
    return m_model;
}

QSortFilterProxyModel *ListPane::proxyModel() const
{
    return m_proxy;
}

QTableView *ListPane::view() const
{
    return m_view;
}

QLineEdit *ListPane::filterField() const
{
    return m_filter;
}

QList<int> ListPane::visibleColumns() const
{
    QList<int> columns;
    const QHeaderView *header = m_view->horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical)) {
            columns.append(logical); // the proxy keeps the source's columns, so logical == source
        }
    }
    return columns;
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

    const QList<int> columns = visibleColumns();
    QStringList lines;
    lines.reserve(rows.size());
    for (const int row : std::as_const(rows)) {
        QStringList cells;
        cells.reserve(columns.size());
        for (const int column : columns) {
            QString text = m_proxy->index(row, column).data(Qt::DisplayRole).toString();
            // A tab or line break inside a cell would split it in a spreadsheet.
            text.replace(u'\t', u' ').replace(u'\n', u' ').replace(u'\r', u' ');
            cells.append(text);
        }
        lines.append(cells.join(u'\t'));
    }
    return lines.isEmpty() ? QString() : QString(lines.join(u'\n') + u'\n');
}

void ListPane::resetColumns()
{
    if (!m_model) {
        return;
    }
    m_restoringHeader = true;
    applyDefaultHeader();
    m_restoringHeader = false;
    saveHeader();
}

bool ListPane::eventFilter(QObject *watched, QEvent *event)
{
    const QEvent::Type type = event->type();
    if (type != QEvent::KeyPress && type != QEvent::ShortcutOverride) {
        return QWidget::eventFilter(watched, event);
    }
    auto *key = static_cast<QKeyEvent *>(event);
    const bool press = type == QEvent::KeyPress;
    const bool plain = (key->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;

    if (watched == m_filter) {
        if (key->key() == Qt::Key_Escape && plain && (!m_filter->text().isEmpty() || m_loading)) {
            // Claimed in ShortcutOverride so that a window-wide Escape does not take it first.
            event->accept();
            if (press) {
                if (!m_filter->text().isEmpty()) {
                    m_filter->clear();
                } else {
                    stop();
                }
            }
            return press;
        }
        if (press && plain &&
            (key->key() == Qt::Key_Down || key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)) {
            // From the filter straight into the rows it left.
            if (m_proxy->rowCount() > 0) {
                if (!m_view->currentIndex().isValid()) {
                    m_view->setCurrentIndex(m_proxy->index(0, visibleColumns().value(0)));
                }
                m_view->setFocus(Qt::TabFocusReason);
            }
            return true;
        }
        return QWidget::eventFilter(watched, event);
    }

    if (watched == m_view) {
        const bool enter = plain && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter);
        const bool copy = key->matches(QKeySequence::Copy);
        const bool escape = plain && key->key() == Qt::Key_Escape && m_loading;
        if (enter || copy || escape) {
            event->accept();
            if (press) {
                if (enter) {
                    activateCurrent();
                } else if (copy) {
                    copySelection();
                } else {
                    stop();
                }
            }
            return press;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ListPane::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && m_loading) {
        stop();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void ListPane::discardStream()
{
    if (!m_stream) {
        return;
    }
    GitHub::PageStream *stream = std::exchange(m_stream, nullptr);
    disconnect(stream, nullptr, this, nullptr);
    stream->cancel(); // abandons the requests under way now, not when deleteLater comes round
    // Later, not now: this may run inside one of the stream's own signals.
    stream->deleteLater();
}

void ListPane::setLoading(bool loading)
{
    m_loading = loading;
    if (loading) {
        m_progress->setRange(0, 0); // busy until the first page tells how many there are
        m_progress->setValue(0);
        m_progress->setFormat(tr("loading"));
    }
    m_progress->setVisible(loading);
    m_stop->setVisible(loading);
    updateRowCount();
}

void ListPane::onPage(const QJsonArray &items)
{
    // Sorted rows land anywhere, so the row the person looks at (the current one, when on screen,
    // else the top one) keeps its place on screen. Unsorted rows only ever go below.
    QPersistentModelIndex anchor;
    int anchorY = 0;
    QScrollBar *scroll = m_view->verticalScrollBar();
    if (m_proxy->sortColumn() >= 0 && m_proxy->rowCount() > 0) {
        const QModelIndex current = m_view->currentIndex();
        const QRect visible = m_view->viewport()->rect();
        if (current.isValid() && visible.intersects(m_view->visualRect(current))) {
            anchor = m_proxy->mapToSource(current);
        } else if (scroll->value() > 0) {
            anchor = m_proxy->mapToSource(m_view->indexAt(QPoint(1, 1)));
        }
        if (anchor.isValid()) {
            anchorY = m_view->rowViewportPosition(m_proxy->mapFromSource(anchor).row());
        }
    }

    m_model->appendItems(items);
    updateRowCount();

    if (anchor.isValid()) {
        const QModelIndex moved = m_proxy->mapFromSource(anchor);
        if (moved.isValid()) {
            m_view->doItemsLayout(); // the scroll range must include the new rows first
            scroll->setValue(scroll->value() + m_view->rowViewportPosition(moved.row()) - anchorY);
        }
    }
}

void ListPane::onProgress(int done, int total)
{
    if (total > 0) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
        m_progress->setFormat(tr("page %1 of %2").arg(QLocale().toString(done), QLocale().toString(total)));
    } else {
        // Cursor pagination: the end is unknown, so the bar only shows that pages keep coming.
        m_progress->setRange(0, done + 1);
        m_progress->setValue(done);
        m_progress->setFormat(tr("page %1").arg(QLocale().toString(done)));
    }
    Q_EMIT pageLoaded(done, total);
}

void ListPane::onFinished()
{
    discardStream();
    m_complete = true;
    setLoading(false);
    Q_EMIT loadingFinished();
}

void ListPane::onFailed(const GitHub::Error &error)
{
    if (error.kind == GitHub::Error::Kind::Cancelled) {
        return; // stop() reports itself
    }
    discardStream();
    setLoading(false);
    Q_EMIT loadFailed(error);
}

QString ListPane::headerKey(Models::ListKind kind)
{
    return u"lists/"_s + Models::listKindName(kind) + u"/header"_s;
}

void ListPane::restoreHeader()
{
    QHeaderView *header = m_view->horizontalHeader();
    m_restoringHeader = true;
    applyDefaultHeader();
    const QByteArray state = QSettings().value(headerKey(m_kind)).toByteArray();
    if (!state.isEmpty() && (!header->restoreState(state) || header->count() != m_model->columnCount() ||
                             header->hiddenSectionCount() >= header->count())) {
        applyDefaultHeader(); // a state of another version of the columns, or one with nothing to show
    }
    // Whatever the settings say, these are how this view works.
    header->setSectionsMovable(true);
    header->setSectionsClickable(true);
    header->setSortIndicatorClearable(true);
    header->setStretchLastSection(true);
    m_restoringHeader = false;
    m_headerDirty = false;
    m_proxy->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());
}

void ListPane::applyDefaultHeader()
{
    QHeaderView *header = m_view->horizontalHeader();
    const QList<Models::Column> &columns = m_model->columns();
    const QFontMetrics cells = m_view->fontMetrics();
    const QFontMetrics titles = header->fontMetrics();
    for (int logical = 0; logical < header->count() && logical < columns.size(); ++logical) {
        header->showSection(logical);
        header->moveSection(header->visualIndex(logical), logical);
        header->resizeSection(logical, defaultWidth(columns.at(logical), cells, titles));
    }
    header->setSortIndicator(-1, Qt::AscendingOrder);
}

void ListPane::saveHeader()
{
    m_saveTimer->stop();
    m_headerDirty = false;
    if (!m_model) {
        return;
    }
    QSettings().setValue(headerKey(m_kind), m_view->horizontalHeader()->saveState());
}

void ListPane::scheduleHeaderSave()
{
    if (m_restoringHeader || !m_model) {
        return;
    }
    m_headerDirty = true;
    m_saveTimer->start();
}

void ListPane::rebuildColumnsMenu()
{
    m_columnsMenu->clear();
    if (!m_model) {
        m_columnsMenu->addAction(tr("No list shown"))->setEnabled(false);
        return;
    }
    const QHeaderView *header = m_view->horizontalHeader();
    const int visibleCount = header->count() - header->hiddenSectionCount();
    const QList<Models::Column> &columns = m_model->columns();
    for (int column = 0; column < columns.size(); ++column) {
        QAction *action = m_columnsMenu->addAction(columns.at(column).title);
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        // The last visible column stays: an empty table would look like an empty list.
        action->setEnabled(header->isSectionHidden(column) || visibleCount > 1);
        action->setData(column);
        connect(action, &QAction::toggled, this,
                [this, column](bool visible) { setColumnVisible(column, visible); });
    }
    m_columnsMenu->addSeparator();
    m_columnsMenu->addAction(tr("&Reset columns"), this, &ListPane::resetColumns);
}

void ListPane::setColumnVisible(int column, bool visible)
{
    QHeaderView *header = m_view->horizontalHeader();
    if (column < 0 || column >= header->count()) {
        return;
    }
    if (!visible && header->count() - header->hiddenSectionCount() <= 1) {
        return;
    }
    header->setSectionHidden(column, !visible);
    if (visible && header->sectionSize(column) == 0 && m_model) {
        header->resizeSection(column, defaultWidth(m_model->columns().at(column), m_view->fontMetrics(),
                                                   header->fontMetrics()));
    }
    scheduleHeaderSave();
}

void ListPane::updateRowCount()
{
    const QLocale locale;
    const int total = m_model ? m_model->rowCount() : 0;
    const int shown = m_proxy->rowCount();
    QString text;
    if (!m_model) {
        text.clear();
    } else if (!m_proxy->filterRegularExpression().pattern().isEmpty() || shown != total) {
        text = tr("%1 of %Ln row(s)", nullptr, total).arg(locale.toString(shown));
    } else {
        text = tr("%Ln row(s)", nullptr, total);
    }
    if (m_rowCount->text() != text) {
        m_rowCount->setText(text);
    }
}

void ListPane::applyFilter()
{
    m_filterTimer->stop();
    m_proxy->setFilterFixedString(m_filter->text());
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
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid()) {
        Q_EMIT rowActivated(m_proxy->mapToSource(current));
    }
}

} // namespace Hubshelf::Ui

#include "listpane.moc"
