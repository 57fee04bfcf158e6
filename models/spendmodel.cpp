#include "models/spendmodel.h"

#include "models/roles.h"

#include <QLocale>

namespace Hubshelf::Models {

SpendModel::SpendModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void SpendModel::setWindow(const RateLimits::Window &window)
{
    beginResetModel();
    m_window = window;
    endResetModel();
}

int SpendModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_window.spend.size());
}

int SpendModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SpendModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const RateLimits::Spend &spend = m_window.spend.at(index.row());
    const auto number = [role](qint64 value) -> QVariant {
        return role == Qt::DisplayRole ? QVariant(QLocale().toString(value)) : QVariant(value);
    };
    switch (role) {
    case Qt::DisplayRole:
    case SortRole:
        switch (index.column()) {
        case EndpointColumn:
            return spend.endpoint;
        case OriginColumn:
            return spend.origin;
        case PointsColumn:
            return number(spend.points);
        case RequestsColumn:
            return number(spend.requests);
        case SavedColumn:
            return number(spend.saved);
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        return index.column() >= PointsColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::ToolTipRole:
        return tr("%1 asked %2 for %3 request(s): %4 counted by GitHub, %5 answered by the cache")
            .arg(spend.origin, spend.endpoint, QString::number(spend.requests), QString::number(spend.points),
                 QString::number(spend.saved));
    default:
        return {};
    }
}

QVariant SpendModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case EndpointColumn:
        return tr("Endpoint");
    case OriginColumn:
        return tr("Asked by");
    case PointsColumn:
        return tr("Points");
    case RequestsColumn:
        return tr("Requests");
    case SavedColumn:
        return tr("Saved by the cache");
    default:
        return {};
    }
}

} // namespace Hubshelf::Models
