#include "widgets/weblinkbutton.h"

#include "github/endpoints.h"
#include "widgets/openurl.h"

namespace Hubshelf::Ui::Widgets {

WebLinkButton::WebLinkButton(const QString &text, QWidget *parent)
    : QPushButton(text, parent)
{
    // Enter in a view must never press it as a dialog's default button.
    setAutoDefault(false);
    connect(this, &QPushButton::clicked, this, [this] { openWebUrl(m_url); });
    hide();
}

WebLinkButton::~WebLinkButton() = default;

void WebLinkButton::setUrl(const QUrl &url)
{
    m_url = GitHub::Endpoints::isWebUrl(url) ? url : QUrl();
    setToolTip(m_url.toDisplayString());
    setVisible(!m_url.isEmpty());
}

} // namespace Hubshelf::Ui::Widgets
