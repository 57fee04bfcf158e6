#include "models/githublistmodel.h"

#include "models/background.h"
#include "models/logging.h"
#include "models/roles.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Hubshelf::Models {

namespace {

// Longer text than this is cut by any reasonable column width, so it gets a tooltip.
constexpr qsizetype ToolTipThreshold = 60;

bool isMissing(const QVariant &value)
{
    return !value.isValid() ||
           (value.metaType().id() == QMetaType::QString && value.toString().trimmed().isEmpty());
}

// Line breaks and tabs, which a one-line cell would draw as boxes or cut at the first line.
bool isMultiLine(const QVariant &value)
{
    const QString text = value.toString();
    return text.contains(u'\n') || text.contains(u'\r') || text.contains(u'\t');
}

// An int, as views read it; nothing where the view's default applies.
QVariant alignmentOf(const Column &column)
{
    const Qt::Alignment aligned = alignment(column);
    return aligned ? QVariant(int(aligned)) : QVariant();
}

} // namespace

GitHubListModel::GitHubListModel(ListKind kind, QObject *parent)
    : QAbstractTableModel(parent)
    , m_kind(kind)
    , m_columns(columnsOf(kind))
{}

GitHubListModel::~GitHubListModel()
{
    freeInTurns(std::move(m_rows));
}

const QList<Column> &GitHubListModel::columns() const
{
    return m_columns;
}

std::vector<GitHubListModel::Row> GitHubListModel::rowsOf(ListKind kind, const QJsonArray &items)
{
    const QList<Column> &all = columnsOf(kind);
    std::vector<Row> rows;
    rows.reserve(std::size_t(items.size()));
    for (const QJsonValue &item : items) {
        if (!item.isObject()) {
            qCWarning(lcModels) << "skipping a list item that is not an object in a page of"
                                << listKindName(kind);
            continue;
        }
        const QJsonObject object = item.toObject();
        Row row;
        row.values.reserve(std::size_t(all.size()));
        for (const Column &column : all) {
            row.values.push_back(column.value(object));
        }
        row.htmlUrl = object.value(u"html_url"_s).toString();
        // A gist's id is a string, every other id a number; a revision is named by its version.
        const QJsonValue id = object.value(kind == ListKind::Revisions ? u"version"_s : u"id"_s);
        if (id.isString()) {
            row.id = id.toString();
        } else if (id.isDouble()) {
            row.id = qint64(id.toInteger());
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

void GitHubListModel::appendItems(const QJsonArray &items)
{
    // Rows are built before beginInsertRows: the range announced must be the range inserted.
    appendRows(rowsOf(m_kind, items));
}

void GitHubListModel::appendRows(std::vector<Row> rows)
{
    if (rows.empty()) {
        return; // an empty page (the last one of an exact multiple) changes nothing
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(rows.size()) - 1);
    m_rows.insert(m_rows.end(), std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
    endInsertRows();
}

void GitHubListModel::replaceRows(int first, int count, const QJsonArray &items)
{
    replaceRows(first, count, rowsOf(m_kind, items));
}

void GitHubListModel::replaceRows(int first, int count, std::vector<Row> rows)
{
    first = std::clamp(first, 0, rowCount());
    count = std::clamp(count, 0, rowCount() - first);
    const int same = std::min(count, int(rows.size()));
    for (int i = 0; i < same; ++i) {
        m_rows[std::size_t(first + i)] = std::move(rows[std::size_t(i)]);
    }
    if (same > 0) {
        Q_EMIT dataChanged(index(first, 0), index(first + same - 1, columnCount() - 1));
    }
    if (int(rows.size()) > count) {
        const int at = first + count;
        beginInsertRows({}, at, at + int(rows.size()) - count - 1);
        m_rows.insert(m_rows.begin() + at, std::make_move_iterator(rows.begin() + count),
                      std::make_move_iterator(rows.end()));
        endInsertRows();
    } else if (count > same) {
        beginRemoveRows({}, first + same, first + count - 1);
        m_rows.erase(m_rows.begin() + (first + same), m_rows.begin() + (first + count));
        endRemoveRows();
    }
}

void GitHubListModel::clear()
{
    beginResetModel();
    // A list of 20,000 pull requests should not keep its memory after a reset.
    freeInTurns(std::exchange(m_rows, {}));
    endResetModel();
}

QModelIndex GitHubListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || std::size_t(row) >= m_rows.size() || column < 0 ||
        column >= m_columns.size()) {
        return {};
    }
    return createIndex(row, column);
}

int GitHubListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int GitHubListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

bool GitHubListModel::isSecretDescription(const Row &row, const Column &column) const
{
    if (m_kind != ListKind::Gists || column.name != u"description"_s) {
        return false;
    }
    static const int publicColumn = Models::columnNamed(ListKind::Gists, u"public"_s);
    const QVariant &isPublic = row.values.at(std::size_t(publicColumn));
    return isPublic.isValid() && !isPublic.toBool();
}

QVariant GitHubListModel::data(const QModelIndex &index, int role) const
{
    // An invalid index has no data and is no mistake; one of another model or out of range is, and
    // checkIndex() says so in the log.
    if (!index.isValid() || index.model() != this || std::size_t(index.row()) >= m_rows.size() ||
        index.column() >= m_columns.size()) {
        (void)checkIndex(index, CheckIndexOption::ParentIsInvalid); // only to log the mistake
        return {};
    }
    const Row &row = m_rows.at(std::size_t(index.row()));
    const Column &column = m_columns.at(index.column());
    const QVariant &value = row.values.at(std::size_t(index.column()));

    switch (role) {
    case Qt::DisplayRole:
        // As a person reads them: booleans as words, counts grouped and times in the locale's short
        // form, local time, text on one line; the CSV keeps GitHub's own text (ExportRole), the
        // tooltip the ISO time or the whole text.
        if (isMissing(value) && !column.placeholder.isEmpty()) {
            return column.placeholder;
        }
        if (column.shown && value.isValid()) {
            return column.shown(value);
        }
        if (column.type == ColumnType::Boolean && value.isValid()) {
            return value.toBool() ? QCoreApplication::translate("Hubshelf::Models::GitHubListModel", "yes")
                                  : QCoreApplication::translate("Hubshelf::Models::GitHubListModel", "no");
        }
        if (column.type == ColumnType::Integer && value.isValid()) {
            return QLocale().toString(value.toLongLong());
        }
        if (column.type == ColumnType::DateTime && value.isValid()) {
            return QLocale().toString(value.toDateTime().toLocalTime(), QLocale::ShortFormat);
        }
        if (column.type == ColumnType::Text && isMultiLine(value)) {
            return value.toString().simplified();
        }
        if (column.type == ColumnType::TextList && value.isValid()) {
            return value.toStringList().join(u", "_s); // as a person lists; the CSV keeps ';'
        }
        return exportText(value, column.type);
    case PlaceholderRole:
        return isMissing(value) && !column.placeholder.isEmpty();
    case SortRole:
        // Lists sort by their exported text: QSortFilterProxyModel cannot compare QStringLists.
        if (column.type == ColumnType::TextList && value.isValid()) {
            return exportText(value, column.type);
        }
        return value;
    case ExportRole:
        return exportText(value, column.type);
    case Qt::ToolTipRole:
        if (isSecretDescription(row, column)) {
            const QString secret = QCoreApplication::translate(
                "Hubshelf::Models::GitHubListModel", "Secret: only people who have its address can see it.");
            return isMissing(value) ? secret : QString(secret + u"\n\n"_s + value.toString());
        }
        if (column.type == ColumnType::Text &&
            (value.toString().size() > ToolTipThreshold || isMultiLine(value))) {
            return value.toString();
        }
        if (column.type == ColumnType::DateTime && value.isValid()) {
            return exportText(value, column.type); // the exact time, as GitHub wrote it (UTC)
        }
        return {};
    case Qt::TextAlignmentRole:
        return alignmentOf(column);
    case SecretRole:
        return isSecretDescription(row, column);
    case HtmlUrlRole:
        return row.htmlUrl.isEmpty() ? QVariant() : QVariant(row.htmlUrl);
    case IdRole:
        return row.id;
    default:
        return {};
    }
}

QVariant GitHubListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    if (section < 0 || section >= columnCount()) {
        return {};
    }
    const Column &column = columns().at(section);
    switch (role) {
    case Qt::DisplayRole:
        return column.title;
    case ExportRole:
        return column.name;
    case Qt::TextAlignmentRole:
        return alignmentOf(column);
    default:
        return {};
    }
}

} // namespace Hubshelf::Models
