#include "ui/listheader.h"

#include "models/githublistmodel.h"
#include "settings/appsettings.h"

#include <QAction>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui {

namespace {

// Dragging a section edge resizes it many times a second; the header is saved once it rests.
constexpr int SaveDelayMs = 500;

} // namespace

ListHeader::ListHeader(QTableView *view, QSortFilterProxyModel *proxy, Settings::AppSettings *settings,
                       QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_proxy(proxy)
    , m_settings(settings)
    , m_menu(new QMenu(view))
    , m_saveTimer(new QTimer(this))
{
    m_menu->setObjectName(u"listColumnsMenu"_s);
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(SaveDelayMs);

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

    connect(m_saveTimer, &QTimer::timeout, this, &ListHeader::save);
    connect(m_menu, &QMenu::aboutToShow, this, &ListHeader::rebuildMenu);
    m_menu->installEventFilter(this);
    connect(header, &QHeaderView::customContextMenuRequested, this,
            [this, header](const QPoint &pos) { m_menu->popup(header->viewport()->mapToGlobal(pos)); });
    connect(header, &QHeaderView::sectionResized, this, &ListHeader::scheduleSave);
    connect(header, &QHeaderView::sectionMoved, this, &ListHeader::scheduleSave);
    connect(header, &QHeaderView::sortIndicatorChanged, this, &ListHeader::scheduleSave);
}

ListHeader::~ListHeader()
{
    if (m_dirty) {
        save();
    }
}

void ListHeader::setModel(Models::GitHubListModel *model)
{
    if (m_dirty) {
        save();
    }
    m_model = model;
    m_restoring = true;
    m_proxy->setSourceModel(model);
    m_restoring = false;
    if (model) {
        restore();
    }
}

QList<int> ListHeader::visibleColumns() const
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

void ListHeader::reset()
{
    if (!m_model) {
        return;
    }
    m_restoring = true;
    applyDefault();
    m_restoring = false;
    save();
}

void ListHeader::restore()
{
    QHeaderView *header = m_view->horizontalHeader();
    m_restoring = true;
    applyDefault();
    const QByteArray state =
        m_settings ? m_settings->listHeaderState(Models::listKindName(m_model->kind())) : QByteArray();
    if (!state.isEmpty() && (!header->restoreState(state) || header->count() != m_model->columnCount() ||
                             header->hiddenSectionCount() >= header->count())) {
        applyDefault(); // a state of another version of the columns, or one with nothing to show
    }
    // Whatever the settings say, these are how this view works.
    header->setSectionsMovable(true);
    header->setSectionsClickable(true);
    header->setSortIndicatorClearable(true);
    header->setStretchLastSection(true);
    m_restoring = false;
    m_dirty = false;
    m_proxy->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());
}

void ListHeader::applyDefault()
{
    QHeaderView *header = m_view->horizontalHeader();
    const QList<Models::Column> &columns = m_model->columns();
    for (int logical = 0; logical < header->count() && logical < columns.size(); ++logical) {
        header->showSection(logical);
        header->moveSection(header->visualIndex(logical), logical);
        header->resizeSection(logical, defaultWidth(columns.at(logical)));
    }
    // The kind's first columns in their order, the rest after them, hidden.
    const QStringList visible = Models::defaultVisibleColumns(m_model->kind());
    for (int position = 0; position < visible.size(); ++position) {
        const int logical = m_model->columnNamed(visible.at(position));
        if (logical >= 0) {
            header->moveSection(header->visualIndex(logical), position);
        }
    }
    for (int logical = 0; logical < header->count() && logical < columns.size(); ++logical) {
        header->setSectionHidden(logical, !visible.contains(columns.at(logical).name));
    }
    header->setSortIndicator(-1, Qt::AscendingOrder);
}

// The column's natural width in the view's font, and room for the title, the sort arrow and the
// section's padding.
int ListHeader::defaultWidth(const Models::Column &column) const
{
    const QFontMetrics cells = m_view->fontMetrics();
    const int em = cells.horizontalAdvance(u'M');
    const Models::ColumnWidth natural = Models::naturalWidth(column);
    const int content =
        (natural.sample.isEmpty() ? 0 : cells.horizontalAdvance(natural.sample)) + natural.ems * em;
    return std::max(m_view->horizontalHeader()->fontMetrics().horizontalAdvance(column.title) + 3 * em,
                    content);
}

void ListHeader::save()
{
    m_saveTimer->stop();
    m_dirty = false;
    if (m_model && m_settings) {
        m_settings->setListHeaderState(Models::listKindName(m_model->kind()),
                                       m_view->horizontalHeader()->saveState());
    }
}

void ListHeader::scheduleSave()
{
    if (m_restoring || !m_model) {
        return;
    }
    m_dirty = true;
    m_saveTimer->start();
}

void ListHeader::rebuildMenu()
{
    m_menu->clear();
    if (!m_model) {
        m_menu->addAction(tr("No list shown"))->setEnabled(false);
        return;
    }
    const QHeaderView *header = m_view->horizontalHeader();
    const int visibleCount = header->count() - header->hiddenSectionCount();
    const QList<Models::Column> &columns = m_model->columns();
    for (int column = 0; column < columns.size(); ++column) {
        QAction *action = m_menu->addAction(columns.at(column).title);
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        // The last visible column stays: an empty table would look like an empty list.
        action->setEnabled(header->isSectionHidden(column) || visibleCount > 1);
        action->setData(column);
        connect(action, &QAction::toggled, this,
                [this, column](bool visible) { setColumnVisible(column, visible); });
    }
    m_menu->addSeparator();
    m_menu->addAction(tr("&Reset columns"), this, &ListHeader::reset);
}

bool ListHeader::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_menu) {
        return QObject::eventFilter(watched, event);
    }
    QAction *action = nullptr;
    if (event->type() == QEvent::MouseButtonRelease) {
        action = m_menu->actionAt(static_cast<QMouseEvent *>(event)->position().toPoint());
    } else if (event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter || key == Qt::Key_Space) {
            action = m_menu->activeAction();
        }
    }
    if (!action || !action->isCheckable() || !action->isEnabled()) {
        return false; // Reset columns and everything else as QMenu does it
    }
    action->toggle();
    updateMenuStates();
    return true;
}

void ListHeader::updateMenuStates()
{
    const QHeaderView *header = m_view->horizontalHeader();
    const int visibleCount = header->count() - header->hiddenSectionCount();
    for (QAction *action : m_menu->actions()) {
        if (action->isCheckable()) {
            const int column = action->data().toInt();
            action->setEnabled(header->isSectionHidden(column) || visibleCount > 1);
        }
    }
}

void ListHeader::setColumnVisible(int column, bool visible)
{
    QHeaderView *header = m_view->horizontalHeader();
    if (column < 0 || column >= header->count() ||
        (!visible && header->count() - header->hiddenSectionCount() <= 1)) {
        return;
    }
    header->setSectionHidden(column, !visible);
    if (visible && header->sectionSize(column) == 0 && m_model) {
        header->resizeSection(column, defaultWidth(m_model->columns().at(column)));
    }
    scheduleSave();
}

} // namespace Hubshelf::Ui
