#include "widgets/openurl.h"

#include "github/endpoints.h"

#include <QDesktopServices>

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui::Widgets {

bool openWebUrl(const QUrl &url)
{
    return GitHub::Endpoints::isWebUrl(url) && QDesktopServices::openUrl(url);
}

bool openMailtoUrl(const QUrl &url)
{
    return url.isValid() && url.scheme() == u"mailto"_s && !url.path().isEmpty() &&
           QDesktopServices::openUrl(url);
}

} // namespace Hubshelf::Ui::Widgets
