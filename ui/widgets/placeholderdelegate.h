#pragma once

#include <QIcon>
#include <QStyledItemDelegate>

namespace Hubshelf::Ui::Widgets {

// Draws a cell whose `role` is true in the palette's placeholder colour: a stand-in such as
// "(no description)" reads as absent, not as data. A cell whose mark role is true gets the mark's
// icon before its text (a secret gist).
class PlaceholderDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlaceholderDelegate)

public:
    PlaceholderDelegate(int role, QObject *parent = nullptr);
    ~PlaceholderDelegate() override;

    void setMark(int role, const QIcon &icon);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    int m_role;
    int m_markRole = -1;
    QIcon m_mark;
};

} // namespace Hubshelf::Ui::Widgets
