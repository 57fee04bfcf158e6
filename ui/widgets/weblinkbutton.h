#pragma once

#include <QPushButton>
#include <QUrl>

namespace Hubshelf::Ui::Widgets {

// "Open on GitHub": a button that opens one web page in the browser (through openWebUrl()). It is
// shown only while it has a page it may open, with the address in its tooltip.
class WebLinkButton final : public QPushButton
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebLinkButton)

public:
    explicit WebLinkButton(const QString &text, QWidget *parent = nullptr);
    ~WebLinkButton() override;

    // Anything but an http(s) address with a host hides the button.
    void setUrl(const QUrl &url);
    QUrl url() const { return m_url; }

private:
    QUrl m_url;
};

} // namespace Hubshelf::Ui::Widgets
