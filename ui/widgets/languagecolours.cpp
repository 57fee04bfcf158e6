#include "widgets/languagecolours.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui::Widgets {

QColor languageColour(const QString &language)
{
    static const QHash<QString, QRgb> linguist = {
        {u"C"_s, 0x555555},
        {u"CSV"_s, 0x237346},
        {u"C#"_s, 0x178600},
        {u"C++"_s, 0xf34b7d},
        {u"CMake"_s, 0xda3434},
        {u"CSS"_s, 0x563d7c},
        {u"Clojure"_s, 0xdb5855},
        {u"CoffeeScript"_s, 0x244776},
        {u"Dart"_s, 0x00b4ab},
        {u"Dockerfile"_s, 0x384d54},
        {u"Elixir"_s, 0x6e4a7e},
        {u"Erlang"_s, 0xb83998},
        {u"Go"_s, 0x00add8},
        {u"HTML"_s, 0xe34c26},
        {u"Haskell"_s, 0x5e5086},
        {u"JSON"_s, 0x292929},
        {u"Java"_s, 0xb07219},
        {u"JavaScript"_s, 0xf1e05a},
        {u"Jupyter Notebook"_s, 0xda5b0b},
        {u"Kotlin"_s, 0xa97bff},
        {u"Lua"_s, 0x000080},
        {u"Makefile"_s, 0x427819},
        {u"Markdown"_s, 0x083fa1},
        {u"Nix"_s, 0x7e7eff},
        {u"Objective-C"_s, 0x438eff},
        {u"PHP"_s, 0x4f5d95},
        {u"Perl"_s, 0x0298c3},
        {u"PowerShell"_s, 0x012456},
        {u"Python"_s, 0x3572a5},
        {u"QML"_s, 0x44a51c},
        {u"R"_s, 0x198ce7},
        {u"Ruby"_s, 0x701516},
        {u"Rust"_s, 0xdea584},
        {u"SCSS"_s, 0xc6538c},
        {u"Scala"_s, 0xc22d40},
        {u"Shell"_s, 0x89e051},
        {u"Swift"_s, 0xf05138},
        {u"TeX"_s, 0x3d6117},
        {u"TypeScript"_s, 0x3178c6},
        {u"Vim Script"_s, 0x199f4b},
        {u"Vue"_s, 0x41b883},
        {u"YAML"_s, 0xcb171e},
        {u"Zig"_s, 0xec915c},
    };
    if (const auto found = linguist.constFind(language); found != linguist.constEnd()) {
        return QColor::fromRgb(*found);
    }
    // Not in the table: a hue from the name, the same on every run and machine (qHash is seeded).
    uint hash = 0;
    for (const QChar character : language) {
        hash = hash * 31 + character.unicode();
    }
    return QColor::fromHsl(int(hash % 360), 140, 120);
}

} // namespace Hubshelf::Ui::Widgets
