#pragma once

#include <QString>
#include <QStringView>

namespace Hubshelf::Core {

// Text from a server or echoed from the command line, made safe to print on a terminal or in a
// label: control characters (C0, DEL, C1) and bidi controls become visible escapes ("\n", "\x1b",
// "\u202e"), and more than `maxChars` characters are cut, with "…" after them. A negative
// `maxChars` keeps the length. Printable text passes unchanged, so applying it twice is harmless.
QString printable(QStringView text, qsizetype maxChars = 300);

} // namespace Hubshelf::Core
