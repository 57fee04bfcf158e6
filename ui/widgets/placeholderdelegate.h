#pragma once

#include <QStyledItemDelegate>

namespace Hubshelf::Ui::Widgets {

// Draws a cell whose `role` is true in the palette's placeholder colour: a stand-in such as
// "(no description)" reads as absent, not as data.
class PlaceholderDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlaceholderDelegate)

public:
    PlaceholderDelegate(int role, QObject *parent = nullptr);
    ~PlaceholderDelegate() override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    int m_role;
};

} // namespace Hubshelf::Ui::Widgets
