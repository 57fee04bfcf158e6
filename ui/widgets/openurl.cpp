#include "widgets/openurl.h"

#include "github/endpoints.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QGuiApplication>

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui::Widgets {

namespace {

bool openOrCopy(const QUrl &url, const QString &copy)
{
    if (QDesktopServices::openUrl(url)) {
        return true;
    }
    QGuiApplication::clipboard()->setText(copy);
    Q_EMIT browserFailures()->copiedInstead(url);
    return false;
}

} // namespace

BrowserFailures *browserFailures()
{
    static BrowserFailures failures;
    return &failures;
}

bool openWebUrl(const QUrl &url)
{
    return GitHub::Endpoints::isWebUrl(url) && openOrCopy(url, url.toString());
}

bool openMailtoUrl(const QUrl &url)
{
    return url.isValid() && url.scheme() == u"mailto"_s && !url.path().isEmpty() &&
           openOrCopy(url, url.path());
}

} // namespace Hubshelf::Ui::Widgets
