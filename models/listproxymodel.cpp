#include "models/listproxymodel.h"

#include "models/roles.h"

#include <QDateTime>
#include <QStringList>

namespace Hubshelf::Models {

namespace {

// Natural order: digits compare as numbers ("file2" before "file10"), the rest without case, then
// with case so that the order is total. Hand-written rather than QCollator's numeric mode: a sort
// of 20,000 rows makes ~300,000 comparisons, and this one allocates nothing.
int compareNaturally(QStringView a, QStringView b, Qt::CaseSensitivity sensitivity)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            const qsizetype startA = i;
            const qsizetype startB = j;
            while (i < a.size() && a[i].isDigit()) {
                ++i;
            }
            while (j < b.size() && b[j].isDigit()) {
                ++j;
            }
            // Leading zeros do not count; then the longer run is the larger number.
            QStringView runA = a.sliced(startA, i - startA);
            QStringView runB = b.sliced(startB, j - startB);
            while (runA.size() > 1 && runA.front() == u'0') {
                runA = runA.sliced(1);
            }
            while (runB.size() > 1 && runB.front() == u'0') {
                runB = runB.sliced(1);
            }
            if (runA.size() != runB.size()) {
                return runA.size() < runB.size() ? -1 : 1;
            }
            if (const int digits = runA.compare(runB); digits != 0) {
                return digits;
            }
            continue;
        }
        const QChar x = sensitivity == Qt::CaseInsensitive ? a[i].toCaseFolded() : a[i];
        const QChar y = sensitivity == Qt::CaseInsensitive ? b[j].toCaseFolded() : b[j];
        if (x != y) {
            return x < y ? -1 : 1;
        }
        ++i;
        ++j;
    }
    if ((a.size() - i) != (b.size() - j)) {
        return (a.size() - i) < (b.size() - j) ? -1 : 1;
    }
    return 0;
}

int compareText(const QString &a, const QString &b)
{
    const int folded = compareNaturally(a, b, Qt::CaseInsensitive);
    if (folded != 0) {
        return folded;
    }
    const int cased = compareNaturally(a, b, Qt::CaseSensitive);
    return cased != 0 ? cased : a.compare(b); // "007" and "7" too
}

} // namespace

ListProxyModel::ListProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SortRole);
    setFilterKeyColumn(-1);
    // The filter reads each cell as the CSV has it: GitHub's ISO times (so "2024" finds a year),
    // counts without grouping, and no locale formatting per cell while 20,000 rows are filtered.
    setFilterRole(ExportRole);
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
