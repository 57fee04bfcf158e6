#include "github/names.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace Hubshelf::GitHub {

namespace {

bool isAsciiLetterOrDigit(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

} // namespace

bool isValidLogin(QStringView login)
{
    if (login.isEmpty() || login.size() > 39 || login.front() == u'-') {
        return false;
    }
    for (const QChar c : login) {
        if (!isAsciiLetterOrDigit(c) && c != u'-') {
            return false;
        }
    }
    return true;
}

bool isValidRepositoryName(QStringView name)
{
    if (name.isEmpty() || name.size() > 100 || name == u"." || name == u"..") {
        return false;
    }
    for (const QChar c : name) {
        if (!isAsciiLetterOrDigit(c) && c != u'-' && c != u'_' && c != u'.') {
            return false;
        }
    }
    return true;
}

bool isValidGistRevision(QStringView sha)
{
    return sha.size() == 40 && isValidGistId(sha);
}

bool isValidGistId(QStringView id)
{
    if (id.isEmpty() || id.size() > 64) {
        return false;
    }
    for (const QChar c : id) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F'))) {
            return false;
        }
    }
    return true;
}

bool isWellFormedToken(QStringView token)
{
    if (token.isEmpty() || token.size() > 255) {
        return false;
    }
    for (const QChar c : token) {
        if (!isAsciiLetterOrDigit(c) && c != u'_') {
            return false;
        }
    }
    return true;
}

QString pathSegment(QStringView segment)
{
    // "." and ".." would be taken as path steps; encoded they are just names.
    if (segment == u"." || segment == u"..") {
        return QString(segment.size() == 1 ? u"%2E"_s : u"%2E%2E"_s);
    }
    return QString::fromLatin1(QUrl::toPercentEncoding(segment.toString()));
}

QString encodedPath(const QStringList &segments)
{
    QString path;
    for (const QString &segment : segments) {
        path += u'/' + pathSegment(segment);
    }
    return path;
}

} // namespace Hubshelf::GitHub
