#pragma once

#include "settings/preferences.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

class QSettings;

namespace Hubshelf::GitHub {
class Client;
}
namespace Hubshelf::Cache {
class EtagCache;
}

namespace Hubshelf::Settings {

// The program's settings, made once by main.cpp and handed to the window and the command line:
// the typed preferences (keys and defaults in Preferences) and, apart from them, the window's
// state. Every read goes to the store, so a value written elsewhere is seen at once; every write
// of a preference that differs emits changed().
class AppSettings final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppSettings)

public:
    // On the application's own QSettings (organization and application names set at start).
    explicit AppSettings(QObject *parent = nullptr);
    // On `store`, which is not owned and must outlive this object.
    explicit AppSettings(QSettings *store, QObject *parent = nullptr);
    ~AppSettings() override;

    Preferences preferences() const;
    // Saves them (clamped, see Preferences::save); changed() when anything differs.
    void setPreferences(const Preferences &preferences);

    // The two preferences the window changes by itself.
    void setApiUrl(const QUrl &url);
    void setLastSaveDirectory(const QString &folder);

    // Window geometry, toolbar and dock state, splitters: not preferences, never changed().
    QByteArray windowState(const QString &name) const;
    void setWindowState(const QString &name, const QByteArray &state);
    // A list table's header (columns, order, widths, sort) per list kind, by the kind's stable name
    // (Models::listKindName): window state too, never changed().
    QByteArray listHeaderState(const QString &kindName) const;
    void setListHeaderState(const QString &kindName, const QByteArray &state);
    // Whether a list kind shows as cards rather than a table (gists): window state too.
    bool listShowsCards(const QString &kindName) const;
    void setListShowsCards(const QString &kindName, bool cards);

Q_SIGNALS:
    void changed();

private:
    std::unique_ptr<QSettings> m_ownStore;
    QSettings *m_store = nullptr;
};

// The composition root's wiring: applies the size cap and the requests-at-a-time to the cache and
// the client now, and again on every changed(). Either may be null. Client and EtagCache know
// nothing of settings.
void applyToServices(AppSettings &settings, GitHub::Client *client, Cache::EtagCache *cache);

} // namespace Hubshelf::Settings
