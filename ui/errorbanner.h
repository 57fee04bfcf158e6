#pragma once

#include "github/error.h"

#include <QFrame>
#include <QString>

class QKeyEvent;
class QLabel;
class QPaintEvent;
class QPushButton;
class QToolButton;

namespace Hubshelf::Ui {

// The inline banner over the list: what went wrong in plain words, a Retry for failed requests and
// a close button. It replaces modal error dialogs, so that errors never stack up and the window
// stays usable. Hidden until there is something to say.
class ErrorBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ErrorBanner)

public:
    explicit ErrorBanner(QWidget *parent = nullptr);
    ~ErrorBanner() override;

    // A failed request: its message() and a Retry button. Replaces whatever the banner showed.
    void showError(const GitHub::Error &error);
    // Anything else worth saying (an invalid address, no keychain): text only, nothing to retry.
    void showMessage(const QString &text);
    // Hides the banner, e.g. when the next request succeeds.
    void clear();

    QString text() const;
    bool canRetry() const;

Q_SIGNALS:
    void retryRequested();
    // The person closed the banner (close button or Escape), as opposed to clear().
    void dismissed();

protected:
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void present(const QString &text, bool retry);
    void dismiss();
    void updateIcon();

    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_retry = nullptr;
    QToolButton *m_close = nullptr;
};

} // namespace Hubshelf::Ui
