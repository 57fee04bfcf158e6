#include "models/listproxymodel.h"

#include "models/roles.h"

#include <QDateTime>
#include <QStringList>

namespace Hubshelf::Models {

namespace {

int compareText(const QString &a, const QString &b)
{
    const int folded = a.compare(b, Qt::CaseInsensitive);
    return folded != 0 ? folded : a.compare(b, Qt::CaseSensitive);
}

} // namespace

ListProxyModel::ListProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SortRole);
    setFilterKeyColumn(-1);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

ListProxyModel::~ListProxyModel() = default;

QString ListProxyModel::rowsAsText(const QList<int> &rows, const QList<int> &columns) const
{
    QString text;
    for (const int row : rows) {
        QStringList cells;
        cells.reserve(columns.size());
        for (const int column : columns) {
            QString cell = index(row, column).data(Qt::DisplayRole).toString();
            cells.append(cell.replace(u'\t', u' ').replace(u'\n', u' ').replace(u'\r', u' '));
        }
        text += cells.join(u'\t') + u'\n';
    }
    return text;
}

void ListProxyModel::setRequiredValue(int column, const QString &value)
{
    if (column == m_requiredColumn && value == m_requiredValue) {
        return;
    }
    m_requiredColumn = column;
    m_requiredValue = value;
    invalidateRowsFilter();
}

bool ListProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_requiredColumn >= 0) {
        const QModelIndex cell = sourceModel()->index(sourceRow, m_requiredColumn, sourceParent);
        if (cell.data(ExportRole).toString() != m_requiredValue) {
            return false;
        }
    }
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

bool ListProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
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
    // Lists come as their exported text (GitHubListModel's SortRole), so text is the last case.
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
        default:
            break;
        }
    }
    return compareText(a.toString(), b.toString()) < 0;
}

} // namespace Hubshelf::Models
