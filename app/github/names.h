#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace Hubshelf::GitHub {

// GitHub's naming rules, checked before anything becomes a request.
// Logins (users and organizations): 1 to 39 letters, digits or '-', not starting with '-'.
bool isValidLogin(QStringView login);
// Repository names: letters, digits, '-', '_', '.', at most 100, never "." or "..".
bool isValidRepositoryName(QStringView name);
// Gist ids: hexadecimal (old gists have decimal ids, which are hexadecimal too), at most 64.
bool isValidGistId(QStringView id);
// A gist revision (its git commit): 40 hexadecimal digits.
bool isValidGistRevision(QStringView sha);
// Tokens: GitHub's alphabet only (letters, digits, '_': ghp_/gho_/ghu_/ghs_/ghr_, github_pat_ and the
// old 40 hex digits), 1 to 255 characters as GitHub advises. Anything else never becomes a header.
bool isWellFormedToken(QStringView token);

// One path segment, percent-encoded: nothing in it can change the path's shape.
QString pathSegment(QStringView segment);
// "/a/b/c" from segments, each percent-encoded.
QString encodedPath(const QStringList &segments);

} // namespace Hubshelf::GitHub
