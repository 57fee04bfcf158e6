#include "settings/preferences.h"

#include "github/apiorigin.h"
#include "github/client.h"
#include "github/endpoints.h"

#include <QSettings>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Hubshelf::Settings {

namespace {

// A stored value of the wrong type (hand-edited file, older version) counts as missing.
int intValue(const QSettings &settings, QAnyStringView key, int fallback, int low, int high)
{
    const QVariant value = settings.value(key);
    bool ok = false;
    const int number = value.toInt(&ok);
    return ok ? std::clamp(number, low, high) : fallback;
}

bool boolValue(const QSettings &settings, QAnyStringView key, bool fallback)
{
    const QVariant value = settings.value(key);
    if (!value.isValid()) {
        return fallback;
    }
    // INI files give back strings; "true"/"false" and 1/0 both convert.
    const QString text = value.toString().trimmed().toLower();
    if (text == "true"_L1 || text == "1"_L1) {
        return true;
    }
    if (text == "false"_L1 || text == "0"_L1) {
        return false;
    }
    return fallback;
}

} // namespace

QUrl Preferences::defaultApiUrl()
{
    return GitHub::Client::GitHubApi;
}

int Preferences::defaultMaxConcurrent()
{
    return GitHub::Client::DefaultMaxConcurrent;
}

Preferences Preferences::load(const QSettings &settings)
{
    Preferences loaded;
    const QUrl url = apiUrlFromText(settings.value(ApiUrlKey).toString());
    if (url.isValid()) {
        loaded.apiUrl = url;
    }
    loaded.maxConcurrent =
        intValue(settings, MaxConcurrentKey, defaultMaxConcurrent(), MinConcurrent, MaxConcurrent);
    loaded.cacheSizeLimitMiB = intValue(settings, CacheSizeLimitKey, DefaultCacheSizeLimitMiB,
                                        MinCacheSizeLimitMiB, MaxCacheSizeLimitMiB);
    loaded.csvFormulaGuard = boolValue(settings, CsvFormulaGuardKey, loaded.csvFormulaGuard);
    loaded.csvByteOrderMark = boolValue(settings, CsvByteOrderMarkKey, loaded.csvByteOrderMark);
    loaded.lastSaveDirectory = settings.value(LastSaveDirectoryKey).toString();
    return loaded;
}

void Preferences::save(QSettings &settings) const
{
    // An invalid URL is never written: the next start would only fall back to the default anyway.
    const QUrl url = isValidApiUrl(apiUrl) ? apiUrl : defaultApiUrl();
    settings.setValue(ApiUrlKey, url.toString(QUrl::StripTrailingSlash));
    settings.setValue(MaxConcurrentKey, std::clamp(maxConcurrent, MinConcurrent, MaxConcurrent));
    settings.setValue(CacheSizeLimitKey,
                      std::clamp(cacheSizeLimitMiB, MinCacheSizeLimitMiB, MaxCacheSizeLimitMiB));
    settings.setValue(CsvFormulaGuardKey, csvFormulaGuard);
    settings.setValue(CsvByteOrderMarkKey, csvByteOrderMark);
    if (lastSaveDirectory.isEmpty()) {
        settings.remove(LastSaveDirectoryKey);
    } else {
        settings.setValue(LastSaveDirectoryKey, lastSaveDirectory);
    }
}

bool Preferences::isValidApiUrl(const QUrl &url)
{
    return GitHub::Endpoints::isWebUrl(url) && GitHub::ApiOrigin::carriesTokenSafely(url) &&
           url.userInfo().isEmpty() && !url.hasQuery() && !url.hasFragment();
}

QUrl Preferences::apiUrlFromText(const QString &text, QString *problem)
{
    const auto refuse = [problem](const QString &why) {
        if (problem) {
            *problem = why;
        }
        return QUrl();
    };
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        return refuse(tr("Enter the address of the API, e.g. https://github.example.com/api/v3."));
    }
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        return refuse(tr("This is not a web address. Enter a full one, starting with https://, "
                         "e.g. https://github.example.com/api/v3."));
    }
    if (url.scheme() != "https"_L1 && url.scheme() != "http"_L1) {
        return refuse(tr("The address must start with https://, "
                         "e.g. https://github.example.com/api/v3."));
    }
    if (!GitHub::ApiOrigin::carriesTokenSafely(url)) {
        return refuse(tr("Use https:// for a server on the network: over http:// your token would travel "
                         "in clear text."));
    }
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment()) {
        return refuse(tr("The API address takes no user name, \"?\" or \"#\" part, "
                         "e.g. https://github.example.com/api/v3."));
    }
    const QUrl normalized = url.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
    if (problem) {
        problem->clear();
    }
    return normalized;
}

} // namespace Hubshelf::Settings
