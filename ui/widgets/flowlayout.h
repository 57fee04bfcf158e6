#pragma once

#include <QLayout>
#include <QList>

namespace Hubshelf::Ui::Widgets {

// Lays its items out left to right and starts a new line where the next one would not fit, so
// that a row of tiles (a profile's counts) wraps in a narrow pane instead of being cut off. Its
// height follows its width. Items keep their size hints; hidden ones take no room.
class FlowLayout final : public QLayout
{
public:
    FlowLayout(QWidget *parent, int horizontalSpacing, int verticalSpacing);
    ~FlowLayout() override;

    void addItem(QLayoutItem *item) override;
    int count() const override { return int(m_items.size()); }
    QLayoutItem *itemAt(int index) const override;
    QLayoutItem *takeAt(int index) override;

    Qt::Orientations expandingDirections() const override { return {}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;    // everything on one line
    QSize minimumSize() const override; // the widest item
    void setGeometry(const QRect &rect) override;

private:
    // Places the items in `rect` (when `apply`) and answers the height they take.
    int arrange(const QRect &rect, bool apply) const;

    QList<QLayoutItem *> m_items;
    int m_horizontalSpacing = 0;
    int m_verticalSpacing = 0;
};

} // namespace Hubshelf::Ui::Widgets
