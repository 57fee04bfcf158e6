#pragma once

#include <QString>

namespace Hubshelf::Highlight {

// A file's language: GitHub's (linguist's) name, and the GNU Source-highlight definition that
// colours it. (Its chip colour is the window's: Widgets::languageColour of the name.)
struct Language
{
    QString name;       // linguist's name, e.g. "Python"; empty when nothing is known
    QString definition; // the definition file, e.g. "python.lang"; empty: shown plain

    bool isKnown() const { return !name.isEmpty(); }
    bool isHighlighted() const { return !definition.isEmpty(); }
};

// GitHub's `language` of a gist file when it gives one (it is linguist's verdict), else the file's
// name: its extension or the whole name (Makefile), then Source-highlight's own map of names.
Language languageOf(const QString &fileName, const QString &githubLanguage = {});

} // namespace Hubshelf::Highlight
