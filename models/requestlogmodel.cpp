#include "models/requestlogmodel.h"

#include "models/roles.h"

#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Hubshelf::Models {

namespace {

const QString NoValue = u"—"_s;

} // namespace

RequestLogModel::RequestLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

RequestLogModel::~RequestLogModel() = default;

void RequestLogModel::setClock(Core::Clock clock)
{
    m_clock = Core::orSystem(std::move(clock));
}

void RequestLogModel::setMaximumRows(int rows)
{
    m_maximumRows = std::max(1, rows);
    removeOldest(int(m_rows.size()) - m_maximumRows);
}

void RequestLogModel::append(const GitHub::RequestLogEntry &entry)
{
    // Room first, so that the view never holds more rows than the cap.
    removeOldest(int(m_rows.size()) + 1 - m_maximumRows);
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.push_back(Row{entry, m_clock(), m_nextSequence++});
    endInsertRows();
}

void RequestLogModel::removeOldest(int count)
{
    count = std::min(count, int(m_rows.size()));
    if (count <= 0) {
        return;
    }
    beginRemoveRows({}, 0, count - 1);
    m_rows.erase(m_rows.begin(), m_rows.begin() + count);
    endRemoveRows();
}

void RequestLogModel::clear()
{
    if (m_rows.empty()) {
        return;
    }
    beginRemoveRows({}, 0, int(m_rows.size()) - 1);
    m_rows.clear();
    m_rows.shrink_to_fit();
    endRemoveRows();
}

void RequestLogModel::track(GitHub::Client *client)
{
    if (client) {
        connect(client, &GitHub::Client::requestLogged, this, &RequestLogModel::append);
    }
}

int RequestLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RequestLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RequestLogModel::outcomeText(const GitHub::RequestLogEntry &entry)
{
    if (!entry.error.isEmpty()) {
        return tr("error: %1").arg(entry.error);
    }
    // The design's words: a fresh hit, a revalidation (304) or a full answer (200).
    switch (entry.outcome) {
    case GitHub::CacheOutcome::Fresh:
        return tr("fresh");
    case GitHub::CacheOutcome::Revalidated:
        return u"304"_s;
    case GitHub::CacheOutcome::Miss:
        return u"200"_s;
    case GitHub::CacheOutcome::Uncached:
        break;
    }
    return tr("uncached");
}

QVariant RequestLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row &row = m_rows.at(std::size_t(index.row()));
    const GitHub::RequestLogEntry &entry = row.entry;
    const bool hasLimit = entry.limit >= 0;

    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Time:
            return row.arrived.toLocalTime().toString(u"HH:mm:ss.zzz"_s);
        case Method:
            return QString::fromLatin1(entry.method);
        case Url:
            return entry.url.toDisplayString();
        case Status:
            return entry.status > 0 ? QString::number(entry.status) : NoValue;
        case Outcome:
            return outcomeText(entry);
        case Duration:
            return tr("%1 ms").arg(entry.milliseconds);
        case Remaining:
            return hasLimit ? QString(QString::number(entry.remaining) + u'/' + QString::number(entry.limit))
                            : NoValue;
        case ColumnCount:
            break;
        }
        return {};
    case SortRole:
        switch (Column(index.column())) {
        case Time:
            // Arrival order, not the wall clock: the clock may be set back during a session.
            return row.sequence;
        case Method:
            return QString::fromLatin1(entry.method);
        case Url:
            return entry.url.toDisplayString();
        case Status:
            return entry.status;
        case Outcome:
            return outcomeText(entry);
        case Duration:
            return entry.milliseconds;
        case Remaining:
            return hasLimit ? entry.remaining : -1;
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Url) {
            return entry.url.toDisplayString();
        }
        return {};
    case Qt::TextAlignmentRole:
        switch (Column(index.column())) {
        case Duration:
        case Remaining:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    if (role == Qt::TextAlignmentRole) {
        // Quantities are right-aligned, and so are their titles; a status is a code, not a quantity.
        const bool number = section == Duration || section == Remaining;
        return int((number ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (Column(section)) {
    case Time:
        return tr("Time");
    case Method:
        return tr("Method");
    case Url:
        return tr("URL");
    case Status:
        return tr("Status");
    case Outcome:
        return tr("Outcome");
    case Duration:
        return tr("Duration");
    case Remaining:
        return tr("Remaining");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Hubshelf::Models
