#include "ui/networklogdock.h"

#include "models/requestlogmodel.h"
#include "models/roles.h"
#include "widgets/middleelidedelegate.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui {

using Models::RequestLogModel;

NetworkLogDock::NetworkLogDock(Models::RequestLogModel *model, QWidget *parent)
    : QDockWidget(tr("Network log"), parent)
    , m_model(model)
{
    setObjectName(u"networkLogDock"_s);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);

    auto *bar = new QHBoxLayout;
    m_filter = new QLineEdit(content);
    m_filter->setObjectName(u"networkLogFilter"_s);
    m_filter->setPlaceholderText(tr("Filter by URL, status or outcome"));
    m_filter->setAccessibleName(tr("Filter the network log"));
    m_filter->setClearButtonEnabled(true);
    bar->addWidget(m_filter, 1);
    m_clear = new QPushButton(tr("Clear"), content);
    m_clear->setObjectName(u"networkLogClear"_s);
    m_clear->setToolTip(tr("Remove every request from the log"));
    bar->addWidget(m_clear);
    layout->addLayout(bar);

    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(Models::SortRole);

    m_view = new QTableView(content);
    m_view->setTabKeyNavigation(false); // Tab leaves the log; arrows move in it
    m_view->setObjectName(u"networkLogView"_s);
    m_view->setAccessibleName(tr("Requests"));
    m_view->setModel(m_proxy);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setItemDelegateForColumn(RequestLogModel::Url, new Widgets::MiddleElideDelegate(m_view));

    QHeaderView *rows = m_view->verticalHeader();
    rows->hide();
    // Fixed heights: thousands of rows never need measuring.
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(m_view->fontMetrics().height() + 6);

    QHeaderView *columns = m_view->horizontalHeader();
    columns->setHighlightSections(false);
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    // The URL takes the room rather than the last column: it is the one that gets cut.
    columns->setStretchLastSection(false);
    const auto widthFor = [this](const QString &sample) {
        return m_view->fontMetrics().horizontalAdvance(sample) + 4 * m_view->fontMetrics().averageCharWidth();
    };
    columns->resizeSection(RequestLogModel::Time, widthFor(u"00:00:00.000"_s));
    columns->resizeSection(RequestLogModel::Method, widthFor(u"DELETE"_s));
    columns->resizeSection(RequestLogModel::Status, widthFor(tr("Status")));
    columns->resizeSection(RequestLogModel::Outcome, widthFor(tr("error: rate-limited")));
    columns->resizeSection(RequestLogModel::Duration, widthFor(tr("%1 ms").arg(99999)));
    columns->resizeSection(RequestLogModel::Remaining, widthFor(u"5000/5000"_s));
    columns->setSectionResizeMode(RequestLogModel::Url, QHeaderView::Stretch);

    // In arrival order, newest last, until the user sorts by another column.
    m_view->sortByColumn(RequestLogModel::Time, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    layout->addWidget(m_view, 1);
    setWidget(content);

    connect(m_filter, &QLineEdit::textChanged, this, &NetworkLogDock::setFilter);
    connect(m_clear, &QPushButton::clicked, this, [this] {
        if (m_model) {
            m_model->clear();
        }
    });

    // Decided before the rows arrive: afterwards the scroll range has already grown.
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        const QScrollBar *scrollBar = m_view->verticalScrollBar();
        m_followNewest = scrollBar->value() == scrollBar->maximum();
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_followNewest) {
            m_view->scrollToBottom();
        }
    });
}

NetworkLogDock::~NetworkLogDock() = default;

void NetworkLogDock::setFilter(const QString &text)
{
    m_proxy->setFilterFixedString(text.trimmed());
}

} // namespace Hubshelf::Ui
