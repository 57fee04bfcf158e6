#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace Hubshelf::Core {

// Text from a server or echoed from the command line, made safe to print on a terminal or in a
// label: control characters (C0, DEL, C1) and bidi controls become visible escapes ("\n", "\x1b",
// "\u202e"), and more than `maxChars` characters are cut, with "…" after them. A negative
// `maxChars` keeps the length. Printable text passes unchanged, so applying it twice is harmless.
QString printable(QStringView text, qsizetype maxChars = 300);

// A server's JSON (UTF-8) made safe to print without changing what it means: the characters that
// printable() escapes become JSON escapes ("\u001b", "\u202e"), which any JSON reader turns back
// into the same text. Only strings hold such characters in valid JSON; other bytes pass unchanged.
// What is not JSON gets the same escapes for its controls (but tab, CR and LF), so that it too is
// safe to print.
QByteArray printableJson(const QByteArray &utf8);

} // namespace Hubshelf::Core
