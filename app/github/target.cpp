#include "github/target.h"

#include "github/names.h"

#include <QRegularExpression>
#include <QStringList>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Hubshelf::GitHub {

namespace {

// Long pastes would make the sentence unreadable; the start is enough to recognise them.
constexpr qsizetype MaxQuotedLength = 60;

// Modern gist ids are 32 hex characters; a login is at most 39 characters.
constexpr qsizetype ModernGistIdLength = 32;
constexpr qsizetype MaxLoginLength = 39;

// The input as it may appear inside the sentence: at most MaxQuotedLength characters, and with
// line breaks, control and format characters (e.g. a bidi override that would reverse the rest of
// the banner) shown as U+FFFD, so the sentence stays one readable line.
QString quoted(const QString &text)
{
    QString shown =
        text.size() <= MaxQuotedLength ? text : QString(text.left(MaxQuotedLength - 1) + u'\u2026');
    for (QChar &c : shown) {
        if (!c.isPrint()) {
            c = QChar::ReplacementCharacter;
        }
    }
    return shown;
}

Target invalid(const QString &problem)
{
    Target target;
    target.problem = problem;
    return target;
}

Target notATarget(const QString &text)
{
    return invalid(Target::tr("'%1' is not a GitHub login, owner/repository or gist id.").arg(quoted(text)));
}

Target login(const QString &name)
{
    Target target;
    target.kind = Target::Kind::Login;
    target.owner = name;
    return target;
}

Target gist(const QString &id, const QString &owner = {})
{
    Target target;
    target.kind = Target::Kind::Gist;
    target.gistId = id;
    target.owner = owner;
    return target;
}

// A bare word that is a gist id rather than a login (see target.h).
bool isGistWord(QStringView text)
{
    return isValidGistId(text) && (text.size() == ModernGistIdLength || text.size() > MaxLoginLength);
}

// Clone addresses end in ".git", and GitHub does not allow a repository name to end in it, so the
// suffix is never part of the name: "x.git.git" is x too (stripped once, "x.git" would be shown and
// then read as x). A name that is only ".git" is left alone for the checks.
QString withoutGitSuffix(const QString &name)
{
    QString stripped = name;
    while (stripped.size() > 4 && stripped.endsWith(u".git"_s, Qt::CaseInsensitive)) {
        stripped.chop(4);
    }
    return stripped;
}

Target ownerAndRepository(const QString &owner, const QString &repository)
{
    if (!isValidLogin(owner)) {
        return invalid(Target::tr("'%1' is not a valid GitHub login: it has 1 to 39 letters, digits or '-', "
                                  "and does not start with '-'.")
                           .arg(quoted(owner)));
    }
    const QString name = withoutGitSuffix(repository);
    if (!isValidRepositoryName(name)) {
        return invalid(Target::tr("'%1' is not a valid repository name: it has letters, digits, '-', '_' "
                                  "or '.', and is not '.' or '..'.")
                           .arg(quoted(repository)));
    }
    Target target;
    target.kind = Target::Kind::Repository;
    target.owner = owner;
    target.repository = name;
    return target;
}

// A bare word: a login, or a gist id when it cannot reasonably be a login (see target.h).
Target word(const QString &text)
{
    if (isGistWord(text)) {
        return gist(text);
    }
    if (isValidLogin(text)) {
        return login(text);
    }
    return notATarget(text);
}

// First path segments of github.com that are GitHub's own pages. GitHub reserves these names, so
// none of them is a user; reading them as one would only end in a confusing "not found".
bool isGitHubPage(const QString &segment)
{
    static const QStringList pages = {
        u"about"_s,     u"apps"_s,          u"codespaces"_s,    u"collections"_s, u"contact"_s,
        u"dashboard"_s, u"enterprise"_s,    u"events"_s,        u"explore"_s,     u"features"_s,
        u"issues"_s,    u"join"_s,          u"login"_s,         u"logout"_s,      u"marketplace"_s,
        u"new"_s,       u"notifications"_s, u"organizations"_s, u"pricing"_s,     u"pulls"_s,
        u"search"_s,    u"security"_s,      u"settings"_s,      u"signup"_s,      u"site"_s,
        u"sponsors"_s,  u"topics"_s,        u"trending"_s,
    };
    return pages.contains(segment, Qt::CaseInsensitive);
}

Target fromGitHubPath(const QStringList &segments, const QString &original)
{
    if (segments.isEmpty()) {
        return invalid(
            Target::tr("'%1' does not name a user, organization or repository.").arg(quoted(original)));
    }
    const QString &first = segments.at(0);
    // github.com/orgs/NAME/... and github.com/users/NAME/... are pages of that account.
    if ((first == u"orgs"_s || first == u"users"_s) && segments.size() >= 2) {
        return isValidLogin(segments.at(1)) ? login(segments.at(1)) : notATarget(original);
    }
    if (isGitHubPage(first)) {
        return invalid(Target::tr("'%1' is a GitHub page, not a user, organization or repository.")
                           .arg(quoted(original)));
    }
    if (segments.size() == 1) {
        return isValidLogin(first) ? login(first) : notATarget(original);
    }
    // Whatever follows owner/repo (/pulls, /tree/main/..., /issues/12) is a page of that repository;
    // /pull/12 names one of its pull requests as well.
    Target target = ownerAndRepository(first, segments.at(1));
    if (target.isValid() && segments.size() >= 4 && segments.at(2) == u"pull"_s) {
        bool number = false;
        const int pull = segments.at(3).toInt(&number);
        target.pullRequest = number && pull > 0 ? pull : 0;
    }
    return target;
}

Target fromGistPath(const QStringList &segments, const QString &original)
{
    static const QStringList pages = {u"discover"_s, u"mine"_s, u"search"_s, u"starred"_s, u"login"_s};
    if (segments.isEmpty() || pages.contains(segments.at(0), Qt::CaseInsensitive)) {
        return invalid(Target::tr("'%1' does not name a gist.").arg(quoted(original)));
    }
    if (segments.size() == 1) {
        // On this host a hex word is a gist (ids of any age); anything else is whose gists to list.
        const QString id = withoutGitSuffix(segments.at(0));
        if (isValidGistId(id)) {
            return gist(id);
        }
        return isValidLogin(id) ? login(id) : notATarget(original);
    }
    // gist.github.com/OWNER/ID[/REVISION | /revisions | /raw/...]
    const QString &owner = segments.at(0);
    const QString id = withoutGitSuffix(segments.at(1));
    if (!isValidLogin(owner) || !isValidGistId(id)) {
        return invalid(Target::tr("'%1' does not name a gist.").arg(quoted(original)));
    }
    Target target = gist(id, owner);
    if (segments.size() > 2 && isValidGistRevision(segments.at(2))) {
        target.revision = segments.at(2).toLower();
    }
    return target;
}

Target fromUrl(const QString &address, const QString &original)
{
    const QUrl url(address, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    const bool webScheme = scheme == u"https"_s || scheme == u"http"_s;
    // A user name or an odd port is never part of a link to github.com; refusing them keeps
    // "https://github.com@evil.example/..." style tricks out.
    if (!url.isValid() || !webScheme || !url.userInfo().isEmpty() ||
        (url.port() != -1 && url.port() != 443 && url.port() != 80)) {
        return invalid(
            Target::tr("'%1' is not a github.com or gist.github.com address.").arg(quoted(original)));
    }
    // Encoded, so that "%2F" stays inside its segment and fails the name checks instead of
    // becoming a new path segment.
    const QStringList segments = url.path(QUrl::FullyEncoded).split(u'/', Qt::SkipEmptyParts);
    const QString host = url.host().toLower();
    if (host == u"github.com"_s || host == u"www.github.com"_s) {
        return fromGitHubPath(segments, original);
    }
    if (host == u"gist.github.com"_s) {
        return fromGistPath(segments, original);
    }
    return invalid(Target::tr("'%1' is not a github.com or gist.github.com address.").arg(quoted(original)));
}

} // namespace

QString Target::text() const
{
    // The text must read back as the same target: a bare word decides between login and gist id by
    // its shape, so the two shapes it would get wrong say what they are.
    switch (kind) {
    case Kind::Login:
        // 32 hex characters are a valid login, but read as a modern gist id.
        return isGistWord(owner) ? QString(u'@' + owner) : owner;
    case Kind::Repository:
        return QString(owner + u'/' + repository);
    case Kind::Gist:
        if (!revision.isEmpty() && !owner.isEmpty()) {
            return u"gist.github.com/%1/%2/%3"_s.arg(owner, gistId, revision);
        }
        // Old ids (20 hex characters, or decimal) read as logins; on the gist host they are gists.
        return isGistWord(gistId) ? gistId : QString(u"gist.github.com/"_s + gistId);
    case Kind::Invalid:
        break;
    }
    return {};
}

Target parseTarget(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        return invalid(Target::tr("Type a GitHub login, owner/repository, gist id or github.com address."));
    }
    for (const QChar c : trimmed) {
        if (c.isSpace()) {
            return invalid(
                Target::tr("'%1' contains white space; a GitHub login, owner/repository or gist id has none.")
                    .arg(quoted(trimmed)));
        }
    }

    // The SSH clone address, as copied from the "Code" button.
    static const QString sshPrefix = u"git@github.com:"_s;
    if (trimmed.startsWith(sshPrefix, Qt::CaseInsensitive)) {
        const QStringList parts = trimmed.mid(sshPrefix.size()).split(u'/');
        return parts.size() == 2 ? ownerAndRepository(parts.at(0), parts.at(1)) : notATarget(trimmed);
    }

    // Anything with a scheme ("https:", "javascript:", "file:") is a URL and judged as one.
    static const QRegularExpression schemePattern(u"^[A-Za-z][A-Za-z0-9+.-]*:"_s);
    if (schemePattern.match(trimmed).hasMatch()) {
        return fromUrl(trimmed, trimmed);
    }
    // Addresses typed without a scheme, as browsers show them.
    const QString lower = trimmed.toLower();
    for (const QString &host : {u"github.com"_s, u"www.github.com"_s, u"gist.github.com"_s}) {
        if (lower == host || lower.startsWith(QString(host + u'/'))) {
            return fromUrl(QString(u"https://"_s + trimmed), trimmed);
        }
    }

    if (trimmed.startsWith(u'@')) {
        const QString name = trimmed.mid(1);
        return isValidLogin(name) ? login(name) : notATarget(trimmed);
    }

    // "octocat/" as well as "octocat": one trailing slash is what copying a path often leaves.
    const QString path = trimmed.endsWith(u'/') ? trimmed.chopped(1) : trimmed;
    const QStringList parts = path.split(u'/');
    if (parts.size() == 1) {
        return word(parts.at(0));
    }
    if (parts.size() == 2 && isValidLogin(parts.at(0))) {
        return ownerAndRepository(parts.at(0), parts.at(1));
    }
    return notATarget(trimmed);
}

} // namespace Hubshelf::GitHub
