#pragma once

#include <QColor>
#include <QLabel>

namespace Hubshelf::Ui::Widgets {

// A rounded pill behind the label's own (selectable) text: a state badge, a branch name. Without a
// fill of its own it tints the palette's base with its highlight, so that it follows light and dark
// palettes; with one, its text is black or white, whichever reads better.
class Chip final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Chip)

public:
    static constexpr int PaddingX = 8;
    static constexpr int PaddingY = 2;

    explicit Chip(QWidget *parent = nullptr);
    ~Chip() override;

    // An invalid colour: the palette's tint.
    void setFill(const QColor &fill);
    QColor fill() const { return m_fill; }
    // What the pill is painted with: the fill, or the palette's tint.
    QColor background() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QColor m_fill;
};

} // namespace Hubshelf::Ui::Widgets
