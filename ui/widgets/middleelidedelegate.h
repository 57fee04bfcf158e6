#pragma once

#include <QStyledItemDelegate>

namespace Hubshelf::Ui::Widgets {

// Elides a cell's text in the middle: a URL keeps its host and its last path segments in sight,
// and both ends say which call it was.
class MiddleElideDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MiddleElideDelegate)

public:
    explicit MiddleElideDelegate(QObject *parent = nullptr);
    ~MiddleElideDelegate() override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace Hubshelf::Ui::Widgets
