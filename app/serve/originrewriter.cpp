#include "serve/originrewriter.h"

#include <QList>

#include <algorithm>

namespace Hubshelf::Serve {

namespace {

QByteArray withoutTrailingSlash(const QUrl &url)
{
    QByteArray text = url.toEncoded(QUrl::StripTrailingSlash);
    while (text.endsWith('/')) {
        text.chop(1);
    }
    return text;
}

// A quote at `at` opens or closes a JSON string unless an odd number of backslashes escape it.
bool isUnescapedQuote(const QByteArray &text, qsizetype at)
{
    if (at < 0 || text.at(at) != '"') {
        return false;
    }
    qsizetype backslashes = 0;
    while (at - 1 - backslashes >= 0 && text.at(at - 1 - backslashes) == '\\') {
        ++backslashes;
    }
    return backslashes % 2 == 0;
}

} // namespace

OriginRewriter::OriginRewriter(const QUrl &upstreamBase, const QUrl &mirrorBase)
    : m_from(withoutTrailingSlash(upstreamBase))
    , m_to(withoutTrailingSlash(mirrorBase))
{}

bool OriginRewriter::startsAt(const QByteArray &text, qsizetype at) const
{
    if (!QByteArrayView(text).sliced(at).startsWith(m_from)) {
        return false;
    }
    const qsizetype end = at + m_from.size();
    // "https://api.github.com.evil" or "…/api/v3x" is another place.
    return end == text.size() || QByteArrayView("/?#\">").contains(text.at(end));
}

QByteArray OriginRewriter::body(const QByteArray &json) const
{
    if (m_from.isEmpty() || m_from == m_to) {
        return json;
    }
    QByteArray out;
    qsizetype copied = 0;
    for (qsizetype at = json.indexOf(m_from); at >= 0; at = json.indexOf(m_from, at + m_from.size())) {
        if (!isUnescapedQuote(json, at - 1) || !startsAt(json, at)) {
            continue;
        }
        if (out.isEmpty()) {
            out.reserve(json.size());
        }
        out.append(QByteArrayView(json).sliced(copied, at - copied)).append(m_to);
        copied = at + m_from.size();
    }
    if (copied == 0) {
        return json; // nothing to rewrite: no copy
    }
    return out.append(QByteArrayView(json).sliced(copied));
}

QByteArray OriginRewriter::link(const QByteArray &linkHeader) const
{
    QByteArray out;
    qsizetype copied = 0;
    for (qsizetype open = linkHeader.indexOf('<'); open >= 0; open = linkHeader.indexOf('<', open + 1)) {
        if (startsAt(linkHeader, open + 1)) {
            out.append(QByteArrayView(linkHeader).sliced(copied, open + 1 - copied)).append(m_to);
            copied = open + 1 + m_from.size();
        }
    }
    return out.append(QByteArrayView(linkHeader).sliced(copied));
}

QByteArray OriginRewriter::location(const QByteArray &value) const
{
    return startsAt(value, 0) ? m_to + value.mid(m_from.size()) : value;
}

QUrl OriginRewriter::mirrorBaseFor(const QByteArray &hostHeader, bool tls)
{
    const bool plain = !hostHeader.isEmpty() && hostHeader.size() <= 255 &&
                       std::all_of(hostHeader.cbegin(), hostHeader.cend(), [](char c) {
                           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                  (c >= '0' && c <= '9') || c == '.' || c == '-' || c == ':' || c == '[' ||
                                  c == ']';
                       });
    if (!plain) {
        return {};
    }
    const QUrl url =
        QUrl::fromEncoded(QByteArray(tls ? "https://" : "http://") + hostHeader, QUrl::StrictMode);
    return url.isValid() && !url.host().isEmpty() && url.path().isEmpty() ? url : QUrl();
}

} // namespace Hubshelf::Serve
