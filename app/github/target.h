#pragma once

#include <QCoreApplication>
#include <QString>

namespace Hubshelf::GitHub {

// What the address field (or a command-line argument) points at, decided before any request.
// Every name in it has passed names.h, so it can go straight into a path.
struct Target
{
    Q_DECLARE_TR_FUNCTIONS(Hubshelf::GitHub::Target)

public:
    enum class Kind { Invalid, Login, Repository, Gist };

    Kind kind = Kind::Invalid;
    QString owner;       // Login: the login; Repository: the owner; Gist: the owner when the URL named one
    QString repository;  // Repository only, without a ".git" suffix
    QString gistId;      // Gist only
    QString revision;    // Gist only: a revision (40 hex digits) to read as it was, else empty
    int pullRequest = 0; // Repository: the pull request a URL named (.../pull/12), else 0
    QString problem;     // Invalid only: one sentence a person understands

    bool isValid() const { return kind != Kind::Invalid; }
    // The canonical way to write the target back into the address field, which parses back to the
    // same target: "octocat", "octocat/Hello-World" or the gist id; "@" before a login that looks
    // like a modern gist id, "gist.github.com/" before a gist id that looks like a login; empty
    // when invalid. A revision is written as its gist.github.com address, which needs the owner:
    // without one it is written as the gist itself.
    QString text() const;
};

// Understands, after trimming:
//   octocat   @octocat   octocat/Hello-World   aa5a315d61ae9438b18d... (a gist id, see below)
//   https://github.com/octocat[/Hello-World[.git][/pulls | /pull/12[/files] | /tree/main/... | anything]]
//   github.com/... and www.github.com/... without a scheme, http:// as well as https://
//   https://github.com/orgs/octo-org[/...]
//   git@github.com:octocat/Hello-World.git (the SSH clone address)
//   https://gist.github.com/[octocat/]aa5a315d61ae9438b18d[/revision | .git]
//   https://gist.github.com/octocat/aa5a315d61ae9438b18d/57a7f021a713b1c5a6a199b54cc514735d2d462f
//   (a revision: the gist as it was; it reads back only with its owner, see text())
//
// A bare hexadecimal word is ambiguous: "deadbeef" is both a valid gist id and a valid login.
// It is taken for a gist only when it cannot reasonably be a login: exactly 32 hex characters
// (the shape of every modern gist id), or longer than a login can be (40 to 64). Anything shorter,
// including the 20-character ids of old gists, is a login; such a gist opens through its
// gist.github.com URL, where the host settles the question.
//
// Only github.com web addresses are understood. GitHub Enterprise Server web addresses
// (https://HOST/owner/repo) are out of scope: any host could be one, and the account's API URL,
// not the address field, decides which server is asked.
Target parseTarget(const QString &text);

} // namespace Hubshelf::GitHub
