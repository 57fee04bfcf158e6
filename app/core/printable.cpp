#include "core/printable.h"

#include <tuple>
#include <utility>

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

// The code point of the UTF-8 sequence at `at` and its length; length 0 when it is not valid UTF-8.
std::pair<char32_t, int> decodeUtf8(const QByteArray &utf8, qsizetype at)
{
    const auto byte = [&utf8](qsizetype i) { return static_cast<unsigned char>(utf8.at(i)); };
    const unsigned char lead = byte(at);
    const int length = lead >= 0xf0 && lead < 0xf8 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 ? 2 : 0;
    if (length == 0 || at + length > utf8.size()) {
        return {0, 0};
    }
    char32_t code = lead & (0x7f >> length);
    for (int i = 1; i < length; ++i) {
        if ((byte(at + i) & 0xc0) != 0x80) {
            return {0, 0};
        }
        code = (code << 6) | (byte(at + i) & 0x3f);
    }
    return {code, length};
}

} // namespace

QByteArray printableJson(const QByteArray &utf8)
{
    QByteArray result;
    qsizetype copiedUpTo = 0; // bytes before this are in `result` already
    for (qsizetype i = 0; i < utf8.size();) {
        const auto byte = static_cast<unsigned char>(utf8.at(i));
        char32_t code = byte;
        int length = 1;
        if (byte >= 0x80) {
            std::tie(code, length) = decodeUtf8(utf8, i);
            if (length == 0) { // not UTF-8: left as it is
                ++i;
                continue;
            }
        }
        // Valid JSON has no raw C0 control but its whitespace; a body that is not JSON (a page of
        // another origin a redirect led to) may have ESC and BEL, and they must not reach a terminal.
        const bool jsonWhitespace = byte == '\t' || byte == '\n' || byte == '\r';
        if (code <= 0xffff && needsEscape(char16_t(code)) && !jsonWhitespace) {
            result.append(utf8.constData() + copiedUpTo, i - copiedUpTo);
            result.append(QByteArray("\\u") + QByteArray::number(uint(code), 16).rightJustified(4, '0'));
            copiedUpTo = i + length;
        }
        i += length;
    }
    if (copiedUpTo == 0) {
        return utf8; // the common case: nothing to escape, no copy
    }
    result.append(utf8.constData() + copiedUpTo, utf8.size() - copiedUpTo);
    return result;
}

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
