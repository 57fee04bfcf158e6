#pragma once

#include <QObject>
#include <QUrl>

namespace Hubshelf::Ui::Widgets {

// The one way the window hands a page to the browser: only what GitHub::Endpoints::isWebUrl()
// accepts (http or https with a host). Links come from bodies people wrote (a README, a gist, a
// profile) and may say javascript:, file: or an application's own scheme. True when handed on.
// When no browser starts, the link goes to the clipboard and browserFailures() tells, so that a
// click never does nothing without a word.
bool openWebUrl(const QUrl &url);

// An e-mail address (mailto: with an address) to the mail program; anything else is refused.
// When no mail program starts, the address goes to the clipboard, as above.
bool openMailtoUrl(const QUrl &url);

// Where the window learns that a link could not be handed on (one object for the application:
// the links are clicked deep inside views that know no banner).
class BrowserFailures final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BrowserFailures)

public:
    BrowserFailures() = default;
    ~BrowserFailures() override = default;

Q_SIGNALS:
    // `url` did not open; it is on the clipboard now (a mailto:'s address alone).
    void copiedInstead(const QUrl &url);
};

BrowserFailures *browserFailures();

} // namespace Hubshelf::Ui::Widgets
