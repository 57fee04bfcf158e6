#include "i18n/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QTranslator>

using namespace Qt::StringLiterals;

// The .qm files are compiled into hubshelf_i18n, a static library: without this call the linker
// could drop them. Q_INIT_RESOURCE declares an extern function, so it stays outside any namespace.
static void initHubshelfTranslations()
{
    Q_INIT_RESOURCE(hubshelf_i18n_translations);
}

namespace Hubshelf::I18n {

namespace {

Q_LOGGING_CATEGORY(lcI18n, "hubshelf.i18n", QtInfoMsg)

const QString translationsResource = u":/i18n"_s;

// Loads the first of `locale`'s UI languages that has a file `<prefix>_<language>.qm` in
// `directory`, and stops at English: a user who prefers English to German gets no German, only
// the English plural forms ("1 row", "2 rows") where there are any.
bool loadForLocale(QTranslator &translator, const QLocale &locale, const QString &prefix,
                   const QString &directory)
{
    const QStringList languages = locale.uiLanguages();
    for (const QString &language : languages) {
        if (QLocale(language).language() == QLocale::English) {
            return translator.load(prefix + u"_en"_s, directory);
        }
        // "de-DE" -> "hubshelf_de_DE"; QTranslator falls back to "hubshelf_de" by itself.
        const QString fileName = prefix + u'_' + QString(language).replace(u'-', u'_');
        if (translator.load(fileName, directory)) {
            return true;
        }
    }
    // No language of the user's has a translation (or the locale is "C"): English plurals.
    return translator.load(prefix + u"_en"_s, directory);
}

} // namespace

bool installTranslations(QCoreApplication &app)
{
    initHubshelfTranslations();
    const QLocale locale;

    // First Qt's, then ours: the translator installed last is asked first.
    auto *qtTranslator = new QTranslator(&app);
    if (loadForLocale(*qtTranslator, locale, u"qtbase"_s,
                      QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qtTranslator);
    } else {
        delete qtTranslator; // Qt's translations are a separate package; English buttons are fine
    }

    auto *translator = new QTranslator(&app);
    if (!loadForLocale(*translator, locale, u"hubshelf"_s, translationsResource)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    qCDebug(lcI18n) << "Translation" << translator->language() << "installed for" << locale.uiLanguages();
    return true;
}

} // namespace Hubshelf::I18n
