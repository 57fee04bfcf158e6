#pragma once

#include <QColor>
#include <QString>

namespace Hubshelf::Ui::Widgets {

// A language's colour as GitHub shows it (github-linguist's languages.yml), for the languages
// people meet most; any other gets a steady colour of its own from its name.
QColor languageColour(const QString &language);

} // namespace Hubshelf::Ui::Widgets
