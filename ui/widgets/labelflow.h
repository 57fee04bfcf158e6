#pragma once

#include <QColor>
#include <QList>
#include <QRect>
#include <QString>
#include <QStringList>
#include <QWidget>

namespace Hubshelf::Ui::Widgets {

// GitHub's labels as coloured pills that wrap onto further lines when the room is narrow: its
// height follows its width.
class LabelFlow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabelFlow)

public:
    static constexpr int Spacing = 6;

    struct Label
    {
        QString name;
        QColor colour;
    };

    explicit LabelFlow(QWidget *parent = nullptr);
    ~LabelFlow() override;

    void setLabels(const QList<Label> &labels);
    QStringList names() const;

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    struct Placement
    {
        QList<QRect> chips;
        QRect bounds;
    };

    int chipHeight() const;
    Placement place(int width) const;

    QList<Label> m_labels;
};

} // namespace Hubshelf::Ui::Widgets
