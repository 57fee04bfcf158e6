#include "settings/appsettings.h"

#include "cache/etagcache.h"
#include "github/client.h"

#include <QPointer>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Hubshelf::Settings {

namespace {

QString windowStateKey(const QString &name)
{
    return u"window/"_s + name;
}

// Outside window/: the key the list headers have always had, so that people keep their columns.
QString listHeaderKey(const QString &kindName)
{
    return u"lists/"_s + kindName + u"/header"_s;
}

QString listViewKey(const QString &kindName)
{
    return u"lists/"_s + kindName + u"/view"_s;
}

} // namespace

AppSettings::AppSettings(QObject *parent)
    : QObject(parent)
    , m_ownStore(std::make_unique<QSettings>())
    , m_store(m_ownStore.get())
{}

AppSettings::AppSettings(QSettings *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    Q_ASSERT(store);
}

AppSettings::~AppSettings() = default;

Preferences AppSettings::preferences() const
{
    return Preferences::load(*m_store);
}

void AppSettings::setPreferences(const Preferences &preferences)
{
    const Preferences before = this->preferences();
    preferences.save(*m_store);
    // Compared as stored: a clamped or refused value that ends up as before is no change.
    if (this->preferences() != before) {
        Q_EMIT changed();
    }
}

void AppSettings::setApiUrl(const QUrl &url)
{
    Preferences next = preferences();
    next.apiUrl = url;
    setPreferences(next);
}

void AppSettings::setLastSaveDirectory(const QString &folder)
{
    Preferences next = preferences();
    next.lastSaveDirectory = folder;
    setPreferences(next);
}

QByteArray AppSettings::windowState(const QString &name) const
{
    return m_store->value(windowStateKey(name)).toByteArray();
}

void AppSettings::setWindowState(const QString &name, const QByteArray &state)
{
    m_store->setValue(windowStateKey(name), state);
}

QByteArray AppSettings::listHeaderState(const QString &kindName) const
{
    return m_store->value(listHeaderKey(kindName)).toByteArray();
}

void AppSettings::setListHeaderState(const QString &kindName, const QByteArray &state)
{
    m_store->setValue(listHeaderKey(kindName), state);
}

bool AppSettings::listShowsCards(const QString &kindName) const
{
    return m_store->value(listViewKey(kindName)).toString() == u"cards"_s;
}

void AppSettings::setListShowsCards(const QString &kindName, bool cards)
{
    m_store->setValue(listViewKey(kindName), cards ? u"cards"_s : u"table"_s);
}

void applyToServices(AppSettings &settings, GitHub::Client *client, Cache::EtagCache *cache)
{
    const QPointer<GitHub::Client> guardedClient(client);
    const QPointer<Cache::EtagCache> guardedCache(cache);
    const auto apply = [&settings, guardedClient, guardedCache] {
        const Preferences preferences = settings.preferences();
        if (guardedClient) {
            guardedClient->setMaxConcurrent(preferences.maxConcurrent);
        }
        if (guardedCache) {
            guardedCache->setSizeLimit(preferences.cacheSizeLimitBytes());
        }
    };
    apply();
    QObject::connect(&settings, &AppSettings::changed, &settings, apply);
}

} // namespace Hubshelf::Settings
