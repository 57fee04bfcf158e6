#pragma once

#include <QUrl>

namespace Hubshelf::Ui::Widgets {

// The one way the window hands a page to the browser: only what GitHub::Endpoints::isWebUrl()
// accepts (http or https with a host). Links come from bodies people wrote (a README, a gist, a
// profile) and may say javascript:, file: or an application's own scheme. True when handed on.
bool openWebUrl(const QUrl &url);

// An e-mail address (mailto: with an address) to the mail program; anything else is refused.
bool openMailtoUrl(const QUrl &url);

} // namespace Hubshelf::Ui::Widgets
