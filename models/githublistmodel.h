#pragma once

#include "models/columns.h"

#include <QAbstractTableModel>
#include <QJsonArray>

#include <vector>

namespace Hubshelf::Models {

// A table over one GitHub list: a row per object, a column per Column of its kind. It keeps the
// typed values of its columns, the html_url and the id of each row, never whole JSON documents.
// Rows arrive page by page through appendItems().
class GitHubListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GitHubListModel)

public:
    explicit GitHubListModel(ListKind kind, QObject *parent = nullptr);
    ~GitHubListModel() override;

    ListKind kind() const { return m_kind; }
    const QList<Column> &columns() const;
    // The column of this CSV name, -1 if the kind has none.
    int columnNamed(const QString &name) const { return Models::columnNamed(m_kind, name); }

    // A row as the model keeps it: the typed values of its columns, its html_url and id.
    struct Row
    {
        std::vector<QVariant> values;
        QString htmlUrl;
        QVariant id;
    };
    // The rows of a page's objects (one per object, anything else skipped with a warning). Reads
    // only what it is given: a page's rows can be made on any thread.
    static std::vector<Row> rowsOf(ListKind kind, const QJsonArray &items);

    void appendItems(const QJsonArray &items);
    // Rows that rowsOf() made of this kind's objects, after the others.
    void appendRows(std::vector<Row> rows);
    // The `count` rows from `first` become `items`' rows (a page that changed): rows in both
    // change in place (dataChanged), extra ones are inserted or removed after them.
    void replaceRows(int first, int count, const QJsonArray &items);
    void replaceRows(int first, int count, std::vector<Row> rows);
    void clear();

    // Without QAbstractTableModel's virtual rowCount() and columnCount() calls: a sort of 100,000
    // rows makes 3.4 million indexes.
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    // DisplayRole: the text; SortRole: the typed value; ExportRole: exportText(); ToolTipRole on
    // long text; HtmlUrlRole/IdRole on any column of the row.
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    // Horizontal: DisplayRole the title, ExportRole the CSV name, TextAlignmentRole the column's.
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    bool isSecretDescription(const Row &row, const Column &column) const;

    ListKind m_kind;
    const QList<Column> &m_columns; // columnsOf(m_kind), which lives as long as the program
    std::vector<Row> m_rows;
};

} // namespace Hubshelf::Models
