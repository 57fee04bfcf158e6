#pragma once

#include <QJsonDocument>
#include <QStringList>

#include <memory>
#include <optional>

namespace Hubshelf::GitHub {

// The members of each object of a JSON array that a consumer reads, as paths: "title",
// "user.login", "labels.name" (a path through an array applies to each of its elements),
// "files.*.language" ("*" is any member). The window's rows of a page of pull requests read 14 of
// its ~100 members, and building the others as QJsonValues was most of a warm list's time.
// Empty selects everything.
class MemberSelection
{
public:
    MemberSelection() = default;
    explicit MemberSelection(const QStringList &paths);

    bool isEmpty() const { return !m_root; }

    // The array in `body` with only the selected members of its objects; nothing when `body` is not
    // a whole JSON array (then only a whole parse can say what is wrong with it). Thread-safe.
    std::optional<QJsonDocument> parse(const QByteArray &body) const;

    struct Node;

private:
    std::shared_ptr<const Node> m_root;
};

} // namespace Hubshelf::GitHub
