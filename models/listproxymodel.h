#pragma once

#include <QByteArray>
#include <QByteArrayMatcher>
#include <QSortFilterProxyModel>

#include <functional>
#include <vector>

namespace Hubshelf::Models {

// Filter and sort over a list model. Sorts by the typed SortRole values: numbers, booleans and
// timestamps by value, text without case, and nulls (invalid QVariants) after every value in both
// directions, so that a sorted column always starts with data. Qt's default comparison would sort
// booleans and mixed types as text and put nulls first when the order is descending. The filter
// (setFilterText) is a fixed string matched without case in every column's exported text.
//
// Built for 100,000 rows: each row's exported text is kept lower-cased as rows arrive, so that a
// filter is a byte search rather than a formatting of every cell, made once per filter text on both
// cores; and sort() ranks the column's values once (until its rows change, whichever the
// direction), so that the proxy's own sort and every re-sort after a filter compare integers.
class ListProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListProxyModel)

public:
    explicit ListProxyModel(QObject *parent = nullptr);
    ~ListProxyModel() override;

    // The display text of `rows` in `columns`, a line each with tab-separated cells (a tab or line
    // break within a cell becomes a space, as a spreadsheet would split there); empty for no rows.
    QString rowsAsText(const QList<int> &rows, const QList<int> &columns) const;

    // Rows with `text` in the ExportRole text of any column, compared without case; empty shows all.
    // (QSortFilterProxyModel's own filters still apply as well.)
    void setFilterText(const QString &text);
    QString filterText() const { return m_filterText; }

    // More text of a source row for the filter to search, beyond its cells (a gist's file contents,
    // once known), lower-cased UTF-8; read on this thread only. Null: none. refilter() after it
    // knows more.
    using ExtraText = std::function<QByteArray(int sourceRow)>;
    void setExtraText(ExtraText extraText);
    void refilter();
    // Source rows the filter accepted for their extra text alone, as of the last filtering.
    int extraMatches() const { return m_extraMatches; }

    void setSourceModel(QAbstractItemModel *model) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Only rows whose `column` exports as `value` (the merged pull requests among the closed ones);
    // a column of -1 lifts the requirement.
    void setRequiredValue(int column, const QString &value);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    // The lower-cased exported text of source rows `first` to `last`, cells apart.
    void indexRows(int first, int last) const;
    const QByteArray &searchText(int sourceRow) const;
    // Fills m_ranks for `column`: the rank of each source row's value, once per column.
    void rank(int column);
    // Fills m_matches for m_needle, in two halves at once (a byte search of 22 MB for 100,000 pull
    // requests).
    void matchAll();
    void forgetRanks();
    void forgetRanksAndMatches();
    // The source's rows are others now (a reset, a new layout, moved rows): no index, no ranks.
    void forgetRows();

    int m_requiredColumn = -1;
    QString m_requiredValue;
    QString m_filterText;
    QByteArrayMatcher m_needle; // m_filterText lower-cased, UTF-8
    // By source row; a null entry is indexed when first needed.
    mutable std::vector<QByteArray> m_searchText;
    // By source row, the rank of its value in m_rankColumn (equal values, equal ranks); -1 for a null.
    int m_rankColumn = -1;
    std::vector<int> m_ranks;
    // By source row, whether its text holds m_needle, as of setFilterText(); rows after its end
    // came later and are searched when filtered.
    std::vector<char> m_matches;
    ExtraText m_extraText;
    mutable int m_extraMatches = 0;
    QList<QMetaObject::Connection> m_sourceConnections;
};

} // namespace Hubshelf::Models
