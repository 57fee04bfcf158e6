#pragma once

class QCoreApplication;

namespace Hubshelf::I18n {

// Installs on `app` Qt's own translations (qtbase, when the system has them) and Hubshelf's, for
// the languages of QLocale() — the system locale as Qt reads it from LANGUAGE, LC_ALL,
// LC_MESSAGES and LANG. Call it once, right after the application object is made and before any
// widget exists or any message is printed. Returns true when a Hubshelf translation was installed:
// false for English, the source language, and for languages without a translation.
bool installTranslations(QCoreApplication &app);

} // namespace Hubshelf::I18n
