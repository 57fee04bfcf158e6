#pragma once

#include <QLabel>
#include <QString>
#include <QUrl>

namespace Hubshelf::Ui::Widgets {

// A link whose text is elided in the middle to the width it gets, so that a long URL never widens
// its pane; the whole URL is in the tooltip. A click emits QLabel::linkActivated(); opening it is
// the owner's decision.
class ElidedLinkLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ElidedLinkLabel)

public:
    explicit ElidedLinkLabel(QWidget *parent = nullptr);
    ~ElidedLinkLabel() override;

    // `display` is the text shown for `url`; an empty one shows nothing.
    void setLink(const QUrl &url, const QString &display);
    QUrl url() const { return m_url; }
    QString display() const { return m_display; }

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void relayout();

    QUrl m_url;
    QString m_display;
};

} // namespace Hubshelf::Ui::Widgets
