#include "core/printable.h"

using namespace Qt::StringLiterals;

namespace Hubshelf::Core {

namespace {

// Characters that reorder what follows them (Trojan Source, CVE-2021-42574) or are invisible marks.
bool isBidiControl(char16_t c)
{
    return c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) ||
           (c >= 0x2066 && c <= 0x2069);
}

bool needsEscape(char16_t c)
{
    return c < 0x20 || (c >= 0x7f && c < 0xa0) || isBidiControl(c) || c == 0x2028 || c == 0x2029;
}

} // namespace

QString printable(QStringView text, qsizetype maxChars)
{
    const bool cut = maxChars >= 0 && text.size() > maxChars;
    if (cut) {
        // Never half a surrogate pair.
        text = text.left(maxChars > 0 && text.at(maxChars - 1).isHighSurrogate() ? maxChars - 1 : maxChars);
    }
    QString result;
    result.reserve(text.size() + 1);
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (!needsEscape(u)) {
            result.append(c);
        } else if (u == u'\n') {
            result.append(u"\\n"_s);
        } else if (u == u'\r') {
            result.append(u"\\r"_s);
        } else if (u == u'\t') {
            result.append(u"\\t"_s);
        } else if (u < 0x100) {
            result.append(u"\\x%1"_s.arg(int(u), 2, 16, QChar(u'0')));
        } else {
            result.append(u"\\u%1"_s.arg(int(u), 4, 16, QChar(u'0')));
        }
    }
    if (cut) {
        result.append(u'…');
    }
    return result;
}

} // namespace Hubshelf::Core
