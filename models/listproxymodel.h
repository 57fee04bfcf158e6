#pragma once

#include <QSortFilterProxyModel>

namespace Hubshelf::Models {

// Filter and sort over a list model. Sorts by the typed SortRole values: numbers, booleans and
// timestamps by value, text without case, and nulls (invalid QVariants) after every value in both
// directions, so that a sorted column always starts with data. Qt's default comparison would sort
// booleans and mixed types as text and put nulls first when the order is descending. The filter
// is a fixed string matched without case in every column.
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

    // Only rows whose `column` exports as `value` (the merged pull requests among the closed ones);
    // a column of -1 lifts the requirement.
    void setRequiredValue(int column, const QString &value);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    int m_requiredColumn = -1;
    QString m_requiredValue;
};

} // namespace Hubshelf::Models
