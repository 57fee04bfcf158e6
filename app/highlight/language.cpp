#include "highlight/language.h"

#include "highlight/definitions.h"

#include <QFileInfo>
#include <QHash>

#include <array>

using namespace Qt::StringLiterals;

namespace Hubshelf::Highlight {

namespace {

struct Known
{
    const char *name;       // linguist
    const char *definition; // Source-highlight; "" for none
    const char *names;      // extensions and whole file names, space-separated
};

// Linguist's names (github-linguist's languages.yml) for the languages gists hold most, with the
// Source-highlight definition of each. Languages it has no definition for are shown plain rather
// than with a wrong grammar.
constexpr std::array KnownLanguages = {
    Known{"Python", "python.lang", ".py .pyw .pyi .gyp"},
    Known{"C++", "cpp.lang", ".cpp .cc .cxx .c++ .hpp .hh .hxx .h++ .ino"},
    Known{"C", "c.lang", ".c .h"},
    Known{"C#", "csharp.lang", ".cs"},
    Known{"Ruby", "ruby.lang", ".rb .rake .gemspec Rakefile Gemfile"},
    Known{"JavaScript", "javascript.lang", ".js .mjs .cjs .jsx"},
    Known{"TypeScript", "javascript.lang", ".ts .tsx .mts"},
    Known{"Go", "go.lang", ".go"},
    Known{"Rust", "rust.lang", ".rs"},
    Known{"Shell", "sh.lang", ".sh .bash .ksh .bashrc .bash_profile .profile"},
    Known{"Zsh", "zsh.lang", ".zsh .zshrc"},
    Known{"JSON", "json.lang", ".json .geojson .jsonl"},
    Known{"YAML", "yaml.lang", ".yml .yaml"},
    Known{"Markdown", "markdown.lang", ".md .markdown .mkd"},
    Known{"Java", "java.lang", ".java"},
    Known{"Kotlin", "", ".kt .kts"},
    Known{"Swift", "", ".swift"},
    Known{"PHP", "php.lang", ".php"},
    Known{"Perl", "perl.lang", ".pl .pm"},
    Known{"Lua", "lua.lang", ".lua"},
    Known{"HTML", "html.lang", ".html .htm .xhtml"},
    Known{"CSS", "css.lang", ".css"},
    Known{"SQL", "sql.lang", ".sql"},
    Known{"Makefile", "makefile.lang", ".mk .mak Makefile GNUmakefile makefile"},
    Known{"Haskell", "haskell.lang", ".hs"},
    Known{"Scala", "scala.lang", ".scala .sc"},
    Known{"R", "r.lang", ".r"},
    Known{"XML", "xml.lang", ".xml .xsd .xsl .svg .plist"},
    Known{"Diff", "diff.lang", ".diff .patch"},
    Known{"TeX", "latex.lang", ".tex .sty"},
    Known{"Vim Script", "vim.lang", ".vim .vimrc"},
    Known{"Erlang", "erlang.lang", ".erl .hrl"},
    Known{"Tcl", "tcl.lang", ".tcl"},
    Known{"Pascal", "pascal.lang", ".pas"},
    Known{"Fortran", "fortran.lang", ".f90 .f95 .f03"},
    Known{"INI", "desktop.lang", ".ini .cfg .desktop"},
    Known{"Emacs Lisp", "lisp.lang", ".el"},
    Known{"Common Lisp", "lisp.lang", ".lisp .lsp"},
    Known{"Scheme", "scheme.lang", ".scm .ss"},
    Known{"Groovy", "groovy.lang", ".groovy .gradle"},
    Known{"Batchfile", "bat.lang", ".bat .cmd"},
    Known{"CoffeeScript", "coffeescript.lang", ".coffee"},
    Known{"OCaml", "caml.lang", ".ml .mli"},
    Known{"D", "d.lang", ".d"},
    Known{"Vala", "vala.lang", ".vala"},
    Known{"Protocol Buffer", "proto.lang", ".proto"},
    Known{"Dockerfile", "", "Dockerfile"},
    Known{"CSV", "", ".csv .tsv"},
    Known{"Text", "", ".txt .text"},
};

Language languageFrom(const Known &known)
{
    return {QString::fromLatin1(known.name), QString::fromLatin1(known.definition)};
}

struct Tables
{
    QHash<QString, const Known *> byName;      // linguist's name, lower case
    QHash<QString, const Known *> byExtension; // ".py", lower case
    QHash<QString, const Known *> byFileName;  // "Makefile", as written
};

const Tables &tables()
{
    static const Tables built = [] {
        Tables all;
        for (const Known &known : KnownLanguages) {
            all.byName.insert(QString::fromLatin1(known.name).toLower(), &known);
            for (const QString &name : QString::fromLatin1(known.names).split(u' ', Qt::SkipEmptyParts)) {
                if (name.startsWith(u'.')) {
                    all.byExtension.insert(name, &known);
                } else {
                    all.byFileName.insert(name, &known);
                }
            }
        }
        return all;
    }();
    return built;
}

} // namespace

Language languageOf(const QString &fileName, const QString &githubLanguage)
{
    const Tables &known = tables();
    if (const Known *found = known.byName.value(githubLanguage.toLower())) {
        return languageFrom(*found);
    }
    const QString name = QFileInfo(fileName).fileName();
    if (const Known *found = known.byFileName.value(name)) {
        return languageFrom(*found);
    }
    const qsizetype dot = name.lastIndexOf(u'.');
    if (dot >= 0) {
        if (const Known *found = known.byExtension.value(name.mid(dot).toLower())) {
            return languageFrom(*found);
        }
    }
    // Whatever else Source-highlight knows, under its definition's name; GitHub's name when given.
    const QString definition = mappedDefinition(name);
    if (!definition.isEmpty() && definition != u"nohilite.lang"_s) {
        QString shown = githubLanguage.isEmpty() ? definition.chopped(5) : githubLanguage;
        return {shown, definition};
    }
    return {githubLanguage, QString()};
}

} // namespace Hubshelf::Highlight
