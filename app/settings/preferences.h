#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

class QSettings;

namespace Hubshelf::Settings {

// Every preference of the program, typed, with its QSettings key and default in this one place
// (window state is kept apart: AppSettings::windowState). A default-constructed Preferences holds the
// defaults. Tokens never pass through here: they live in the keychain (Auth::TokenStore).
struct Preferences
{
    Q_DECLARE_TR_FUNCTIONS(Hubshelf::Settings::Preferences)

public:
    static constexpr int MinConcurrent = 1;
    static constexpr int MaxConcurrent = 8;
    static constexpr int DefaultCacheSizeLimitMiB = 256;
    static constexpr int MinCacheSizeLimitMiB = 16;
    static constexpr int MaxCacheSizeLimitMiB = 64 * 1024;

    // The QSettings keys.
    static constexpr QLatin1StringView ApiUrlKey{"api/url"};
    static constexpr QLatin1StringView MaxConcurrentKey{"network/maxConcurrent"};
    static constexpr QLatin1StringView CacheSizeLimitKey{"cache/sizeLimitMiB"};
    static constexpr QLatin1StringView CsvFormulaGuardKey{"export/csvFormulaGuard"};
    static constexpr QLatin1StringView CsvByteOrderMarkKey{"export/csvByteOrderMark"};
    static constexpr QLatin1StringView LastSaveDirectoryKey{"export/lastSaveDirectory"};

    QUrl apiUrl = defaultApiUrl();                    // https://api.github.com or https://HOST/api/v3
    int maxConcurrent = defaultMaxConcurrent();       // requests in flight per client, 1..8
    int cacheSizeLimitMiB = DefaultCacheSizeLimitMiB; // the ETag cache's cap
    bool csvFormulaGuard = true;                      // prefix = + - @ cells with '
    bool csvByteOrderMark = false;                    // UTF-8 BOM for spreadsheet users
    QString lastSaveDirectory;                        // where the last export went; empty: none yet

    // Missing keys give defaults; out-of-range numbers are clamped; an invalid URL gives the default.
    static Preferences load(const QSettings &settings);
    void save(QSettings &settings) const;

    qint64 cacheSizeLimitBytes() const { return qint64(cacheSizeLimitMiB) * 1024 * 1024; }

    static QUrl defaultApiUrl();
    static int defaultMaxConcurrent();

    // The one rule for an API URL (settings, sign-in, the CLI's --api-url): an http(s) URL with a
    // host (http only for this machine) and nothing after the path; stored without a trailing
    // slash, so that Client::endpoint() never makes "//user".
    static bool isValidApiUrl(const QUrl &url);
    // What a person typed, as an API URL; an invalid QUrl with a sentence in `problem` when it is
    // not one.
    static QUrl apiUrlFromText(const QString &text, QString *problem = nullptr);

    friend bool operator==(const Preferences &a, const Preferences &b)
    {
        return a.apiUrl == b.apiUrl && a.maxConcurrent == b.maxConcurrent &&
               a.cacheSizeLimitMiB == b.cacheSizeLimitMiB && a.csvFormulaGuard == b.csvFormulaGuard &&
               a.csvByteOrderMark == b.csvByteOrderMark && a.lastSaveDirectory == b.lastSaveDirectory;
    }
    friend bool operator!=(const Preferences &a, const Preferences &b) { return !(a == b); }
};

} // namespace Hubshelf::Settings
