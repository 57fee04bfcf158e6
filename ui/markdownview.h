#pragma once

#include <QString>
#include <QTextBrowser>
#include <QUrl>
#include <QVariant>

namespace Hubshelf::Ui {

// Read-only Markdown (GitHub dialect) as rich text. Nothing is ever fetched: remote images are
// refused and show their alt text instead, and a click on a link never navigates inside the view:
// http(s) links open in the browser, in-page anchors scroll.
class MarkdownView final : public QTextBrowser
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MarkdownView)

public:
    explicit MarkdownView(QWidget *parent = nullptr);
    ~MarkdownView() override;

    // Renders `markdown`; an empty text shows `placeholder` (in the placeholder colour) instead.
    void showMarkdown(const QString &markdown, const QString &placeholder = {});
    QString markdown() const { return m_markdown; }

    // Only resources inside the application (qrc:) load; everything else is refused.
    QVariant loadResource(int type, const QUrl &name) override;

Q_SIGNALS:
    // A link was handed to the browser.
    void linkOpened(const QUrl &url);

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();
    void onAnchorClicked(const QUrl &url);

    QString m_markdown;
    QString m_placeholder;
    bool m_rendering = false;
};

} // namespace Hubshelf::Ui
