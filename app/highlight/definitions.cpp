#include "highlight/definitions.h"

#include "highlight/logging.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QTemporaryDir>

#include <exception>
#include <memory>

#include <srchilite/instances.h>
#include <srchilite/langdefmanager.h>
#include <srchilite/langmap.h>
#include <srchilite/regexrulefactory.h>
#include <srchilite/settings.h>

using namespace Qt::StringLiterals;

// The resources of a static library are registered by hand, outside any namespace.
static void registerOwnDefinitions()
{
    Q_INIT_RESOURCE(definitions);
}

namespace Hubshelf::Highlight {

namespace {

// Hubshelf's own definitions, for what Source-highlight 3.1.9 has none of, in its own language.
const QStringList OwnDefinitions = {u"yaml.lang"_s, u"markdown.lang"_s};

struct Library
{
    QMutex lock;
    srchilite::RegexRuleFactory factory;
    srchilite::LangDefManager definitions{&factory};
    QHash<QString, srchilite::HighlightStatePtr> loaded;
    QHash<QString, QString> failed;
    // The library reads definitions from files only: Hubshelf's go into a folder of their own.
    std::unique_ptr<QTemporaryDir> ownFolder;
};

Library &library()
{
    static Library instance;
    return instance;
}

// Under the lock.
QString ownFolder(Library &lib)
{
    if (!lib.ownFolder) {
        registerOwnDefinitions();
        lib.ownFolder = std::make_unique<QTemporaryDir>();
        for (const QString &name : OwnDefinitions) {
            if (!QFile::copy(u":/hubshelf/highlight/"_s + name, lib.ownFolder->filePath(name))) {
                qCWarning(lcHighlight).noquote()
                    << u"Cannot write %1 into %2"_s.arg(name, lib.ownFolder->path());
            }
        }
    }
    return lib.ownFolder->path();
}

} // namespace

QString mappedDefinition(const QString &fileName)
{
    Library &lib = library();
    const QMutexLocker locker(&lib.lock);
    try {
        return QString::fromStdString(
            srchilite::Instances::getLangMap()->getMappedFileNameFromFileName(fileName.toStdString()));
    } catch (const std::exception &error) {
        qCWarning(lcHighlight) << "Source-highlight's lang.map cannot be read:" << error.what();
        return {};
    }
}

srchilite::HighlightStatePtr loadDefinition(const QString &definition, QString *error)
{
    Library &lib = library();
    const QMutexLocker locker(&lib.lock);
    if (const auto found = lib.loaded.constFind(definition); found != lib.loaded.cend()) {
        return *found;
    }
    if (const auto failed = lib.failed.constFind(definition); failed != lib.failed.cend()) {
        if (error) {
            *error = *failed;
        }
        return {};
    }
    const QString folder = OwnDefinitions.contains(definition)
                               ? ownFolder(lib)
                               : QString::fromStdString(srchilite::Settings::retrieveDataDir());
    try {
        srchilite::HighlightStatePtr state =
            lib.definitions.getHighlightState(folder.toStdString(), definition.toStdString());
        lib.loaded.insert(definition, state);
        return state;
    } catch (const std::exception &thrown) {
        // A definition that does not load never will: say so once, then show such files plain.
        const QString message =
            u"Source-highlight cannot load %1: %2"_s.arg(definition, QString::fromLocal8Bit(thrown.what()));
        qCWarning(lcHighlight).noquote() << message;
        lib.failed.insert(definition, message);
        if (error) {
            *error = message;
        }
        return {};
    }
}

} // namespace Hubshelf::Highlight
