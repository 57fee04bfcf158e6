#pragma once

// Inside hubshelf_highlight only: it names Source-highlight's own types.

#include <QString>

#include <srchilite/highlightstate.h>

namespace Hubshelf::Highlight {

// GNU Source-highlight's language definitions, loaded once per process and shared read-only by
// every thread that highlights. The library's loading (a flex/bison parser with global state, its
// lazily made singletons, its unlocked caches) is not thread-safe: everything here takes one lock.

// The definition Source-highlight's lang.map gives a file name; empty when it gives none.
QString mappedDefinition(const QString &fileName);

// The loaded definition, e.g. "python.lang" (Source-highlight's data, or one of Hubshelf's own
// definitions for what it lacks: yaml.lang, markdown.lang); null, with `error`, when it cannot be
// loaded.
srchilite::HighlightStatePtr loadDefinition(const QString &definition, QString *error = nullptr);

} // namespace Hubshelf::Highlight
