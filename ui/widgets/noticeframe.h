#pragma once

#include <QFrame>

class QKeyEvent;
class QPaintEvent;

namespace Hubshelf::Ui::Widgets {

// A strip above a view that tells or asks something that is not an error: a faint tint of the
// palette's highlight with an accent down its left edge, light or dark. Esc inside it closes it;
// Return presses the focused button.
class NoticeFrame : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoticeFrame)

public:
    explicit NoticeFrame(QWidget *parent = nullptr);
    ~NoticeFrame() override;

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
};

} // namespace Hubshelf::Ui::Widgets
