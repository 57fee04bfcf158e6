// GitHub::LinkHeader over any `Link` value a server may send: no crash, page numbers never negative,
// and every valid URL survives being written back into a Link value. A link whose address does not
// parse stays as an invalid QUrl (PageStream refuses such a list rather than end it early).
#include "fuzzcheck.h"
#include "github/linkheader.h"

#include <QStringList>

using Hubshelf::GitHub::LinkHeader;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Hubshelf::Fuzz::silenceQtMessages();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray value = Hubshelf::Fuzz::bytesOf(data, size);
    const LinkHeader links(value);
    // Every link starts with '<'.
    FUZZ_CHECK(value.contains('<') || links.isEmpty());

    static const QStringList relations = {QStringLiteral("next"), QStringLiteral("last"),
                                          QStringLiteral("first"), QStringLiteral("prev")};
    for (const QString &relation : relations) {
        const QUrl url = links.url(relation);
        FUZZ_CHECK(links.has(relation) || url.isEmpty());
        if (!url.isValid()) {
            continue;
        }
        FUZZ_CHECK(LinkHeader::pageNumber(url) >= 0);
        // PageStream follows these URLs and writes page numbers into them: a URL read once reads the
        // same from a Link value made of it. Up to its fragment, which never reaches a server (and
        // which Qt writes "###" of as "#%23%23", not reading back as the same QUrl).
        const QUrl sent = url.adjusted(QUrl::RemoveFragment);
        const QByteArray again = "<" + sent.toEncoded() + ">; rel=\"" + relation.toLatin1() + "\"";
        FUZZ_CHECK_MSG(LinkHeader(again).url(relation) == sent, again.constData());
    }
    FUZZ_CHECK(links.next() == links.url(QStringLiteral("next")));
    return 0;
}
