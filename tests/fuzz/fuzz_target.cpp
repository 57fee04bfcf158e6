// GitHub::parseTarget (and names.h) over anything typed into the address field or given on the
// command line: a valid target holds only names that pass names.h, an invalid one says why in one
// printable sentence, and a target's text() parses back to the same target.
#include "fuzzcheck.h"
#include "github/names.h"
#include "github/target.h"

using namespace Hubshelf::GitHub;

namespace {

void checkNames(const Target &target)
{
    switch (target.kind) {
    case Target::Kind::Login:
        FUZZ_CHECK(isValidLogin(target.owner));
        FUZZ_CHECK(target.repository.isEmpty() && target.gistId.isEmpty());
        break;
    case Target::Kind::Repository:
        FUZZ_CHECK(isValidLogin(target.owner));
        FUZZ_CHECK(isValidRepositoryName(target.repository));
        FUZZ_CHECK(target.gistId.isEmpty());
        break;
    case Target::Kind::Gist:
        FUZZ_CHECK(isValidGistId(target.gistId));
        FUZZ_CHECK(target.owner.isEmpty() || isValidLogin(target.owner));
        FUZZ_CHECK(target.repository.isEmpty());
        FUZZ_CHECK(target.revision.isEmpty() || isValidGistRevision(target.revision));
        break;
    case Target::Kind::Invalid:
        FUZZ_CHECK(target.owner.isEmpty() && target.repository.isEmpty() && target.gistId.isEmpty());
        FUZZ_CHECK(target.text().isEmpty());
        FUZZ_CHECK(target.problem.endsWith(u'.'));
        for (const QChar c : target.problem) {
            FUZZ_CHECK_MSG(c.isPrint(), qPrintable(target.problem));
        }
        return;
    }
    FUZZ_CHECK(target.problem.isEmpty());
    // Names that passed names.h become path segments that cannot change the path's shape.
    for (const QString &name : {target.owner, target.repository, target.gistId, target.revision}) {
        const QString segment = pathSegment(name);
        FUZZ_CHECK(!segment.contains(u'/') && segment != u"." && segment != u"..");
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Hubshelf::Fuzz::silenceQtMessages();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(Hubshelf::Fuzz::bytesOf(data, size));
    const Target target = parseTarget(text);
    checkNames(target);

    if (target.isValid()) {
        // The address field shows text() after every navigation, and the history compares it: what it
        // shows must open the same place again. A gist's owner is only what its URL said; the id alone
        // names the gist.
        const QString shown = target.text();
        const Target again = parseTarget(shown);
        const QByteArray context = shown.toUtf8();
        FUZZ_CHECK_MSG(again.kind == target.kind, context.constData());
        FUZZ_CHECK_MSG(again.text() == shown, context.constData());
        FUZZ_CHECK_MSG(again.repository == target.repository, context.constData());
        FUZZ_CHECK_MSG(again.gistId == target.gistId, context.constData());
        FUZZ_CHECK_MSG(again.revision == target.revision, context.constData());
        if (target.kind != Target::Kind::Gist) {
            FUZZ_CHECK_MSG(again.owner == target.owner, context.constData());
        }
    }

    // A token never becomes a header unless it is made of GitHub's alphabet: no CR, LF, ':' or space.
    if (isWellFormedToken(text)) {
        for (const QChar c : text) {
            FUZZ_CHECK(c.isLetterOrNumber() || c == u'_');
            FUZZ_CHECK(c.unicode() < 0x80);
        }
    }
    return 0;
}
