#include "github/target.h"

#include <QTest>

using namespace Qt::StringLiterals;

using Hubshelf::GitHub::parseTarget;
using Hubshelf::GitHub::Target;

namespace {

const QString Modern = u"aa5a315d61ae9438b18d2b6f2f0d7f6e"_s; // 32 hex: a modern gist id
const QString Old = u"aa5a315d61ae9438b18d"_s;                // 20 hex: an old gist id, also a valid login

} // namespace

class TestTarget : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void pullRequest_data();
    void pullRequest();
    void invalid_data();
    void invalid();
    void invalid_longInputIsShortenedInTheSentence();
    void text_roundTrips_data();
    void text_roundTrips();
};

void TestTarget::parse_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<Target::Kind>("kind");
    QTest::addColumn<QString>("owner");
    QTest::addColumn<QString>("repository");
    QTest::addColumn<QString>("gistId");

    const auto login = Target::Kind::Login;
    const auto repo = Target::Kind::Repository;
    const auto gist = Target::Kind::Gist;
    const QString none;
    const QString octocat = u"octocat"_s;
    const QString hello = u"Hello-World"_s;

    QTest::newRow("login") << u"octocat"_s << login << octocat << none << none;
    QTest::newRow("login trimmed") << u"  octocat\t\n"_s << login << octocat << none << none;
    QTest::newRow("login with @") << u"@octocat"_s << login << octocat << none << none;
    QTest::newRow("login trailing slash") << u"octocat/"_s << login << octocat << none << none;
    QTest::newRow("login one char") << u"a"_s << login << u"a"_s << none << none;
    QTest::newRow("login 39 chars") << QString(39, u'x') << login << QString(39, u'x') << none << none;
    QTest::newRow("login hyphens") << u"octo-org-2"_s << login << u"octo-org-2"_s << none << none;
    QTest::newRow("owner/repo") << u"octocat/Hello-World"_s << repo << octocat << hello << none;
    QTest::newRow("owner/repo dots underscores")
        << u"octocat/my_repo.js"_s << repo << octocat << u"my_repo.js"_s << none;
    QTest::newRow("owner/repo .git") << u"octocat/Hello-World.git"_s << repo << octocat << hello << none;
    // Found by tests/fuzz/fuzz_target: stripped once, "x.git" was shown and then read as x.
    QTest::newRow("owner/repo .git twice")
        << u"octocat/Hello-World.git.GIT"_s << repo << octocat << hello << none;
    QTest::newRow("owner/repo trailing slash")
        << u"octocat/Hello-World/"_s << repo << octocat << hello << none;
    QTest::newRow("owner/.github") << u"octocat/.github"_s << repo << octocat << u".github"_s << none;

    // The ambiguity: 32 hex is a gist, 20 hex is a login (see target.h), over 39 cannot be a login.
    QTest::newRow("gist 32 hex") << Modern << gist << none << none << Modern;
    QTest::newRow("gist 32 hex upper") << Modern.toUpper() << gist << none << none << Modern.toUpper();
    QTest::newRow("20 hex is a login") << Old << login << Old << none << none;
    QTest::newRow("40 hex is a gist") << QString(40, u'a') << gist << none << none << QString(40, u'a');
    QTest::newRow("hex word login") << u"deadbeef"_s << login << u"deadbeef"_s << none << none;
    QTest::newRow("@ + 32 hex is a login") << QString(u'@' + Modern) << login << Modern << none << none;

    QTest::newRow("url user") << u"https://github.com/octocat"_s << login << octocat << none << none;
    QTest::newRow("url user slash") << u"https://github.com/octocat/"_s << login << octocat << none << none;
    QTest::newRow("url user query") << u"https://github.com/octocat?tab=repositories"_s << login << octocat
                                    << none << none;
    QTest::newRow("url user fragment")
        << u"https://github.com/octocat#top"_s << login << octocat << none << none;
    QTest::newRow("url http") << u"http://github.com/octocat"_s << login << octocat << none << none;
    QTest::newRow("url upper host") << u"HTTPS://GitHub.COM/octocat"_s << login << octocat << none << none;
    QTest::newRow("url www") << u"https://www.github.com/octocat"_s << login << octocat << none << none;
    QTest::newRow("url port 443") << u"https://github.com:443/octocat"_s << login << octocat << none << none;
    QTest::newRow("url orgs") << u"https://github.com/orgs/octo-org/repositories"_s << login << u"octo-org"_s
                              << none << none;
    QTest::newRow("url users") << u"https://github.com/users/octocat/projects/1"_s << login << octocat << none
                               << none;
    QTest::newRow("url 20 hex user") << QString(u"https://github.com/"_s + Old) << login << Old << none
                                     << none;
    QTest::newRow("url repo") << u"https://github.com/octocat/Hello-World"_s << repo << octocat << hello
                              << none;
    QTest::newRow("url repo slash") << u"https://github.com/octocat/Hello-World/"_s << repo << octocat
                                    << hello << none;
    QTest::newRow("url repo .git") << u"https://github.com/octocat/Hello-World.git"_s << repo << octocat
                                   << hello << none;
    QTest::newRow("url repo pulls") << u"https://github.com/octocat/Hello-World/pulls"_s << repo << octocat
                                    << hello << none;
    QTest::newRow("url repo pull 12")
        << u"https://github.com/octocat/Hello-World/pull/12/files"_s << repo << octocat << hello << none;
    QTest::newRow("url repo tree") << u"https://github.com/octocat/Hello-World/tree/main/src/a.cpp"_s << repo
                                   << octocat << hello << none;
    QTest::newRow("url repo blob #L") << u"https://github.com/octocat/Hello-World/blob/main/README#L3"_s
                                      << repo << octocat << hello << none;
    QTest::newRow("no scheme user") << u"github.com/octocat"_s << login << octocat << none << none;
    QTest::newRow("no scheme repo") << u"github.com/octocat/Hello-World"_s << repo << octocat << hello
                                    << none;
    QTest::newRow("no scheme www") << u"www.github.com/octocat/Hello-World"_s << repo << octocat << hello
                                   << none;
    QTest::newRow("ssh clone") << u"git@github.com:octocat/Hello-World.git"_s << repo << octocat << hello
                               << none;

    QTest::newRow("gist url owner") << QString(u"https://gist.github.com/octocat/"_s + Modern) << gist
                                    << octocat << none << Modern;
    QTest::newRow("gist url id") << QString(u"https://gist.github.com/"_s + Modern) << gist << none << none
                                 << Modern;
    QTest::newRow("gist url 20 hex") << QString(u"https://gist.github.com/"_s + Old) << gist << none << none
                                     << Old;
    QTest::newRow("gist url old decimal")
        << u"https://gist.github.com/1234"_s << gist << none << none << u"1234"_s;
    QTest::newRow("gist url revision") << QString(u"https://gist.github.com/octocat/"_s + Old + u"/abc123"_s)
                                       << gist << octocat << none << Old;
    QTest::newRow("gist url revision sha") << QString(u"https://gist.github.com/octocat/"_s + Old +
                                                      u"/57a7f021a713b1c5a6a199b54cc514735d2d462f"_s)
                                           << gist << octocat << none << Old;
    QTest::newRow("gist url .git") << QString(u"https://gist.github.com/"_s + Modern + u".git"_s) << gist
                                   << none << none << Modern;
    QTest::newRow("gist url no scheme")
        << QString(u"gist.github.com/octocat/"_s + Old) << gist << octocat << none << Old;
    QTest::newRow("gist url user page")
        << u"https://gist.github.com/octocat"_s << login << octocat << none << none;
}

void TestTarget::parse()
{
    QFETCH(QString, input);
    QFETCH(Target::Kind, kind);
    QFETCH(QString, owner);
    QFETCH(QString, repository);
    QFETCH(QString, gistId);

    const Target target = parseTarget(input);
    QCOMPARE(target.problem, QString());
    QCOMPARE(target.kind, kind);
    QVERIFY(target.isValid());
    QCOMPARE(target.owner, owner);
    QCOMPARE(target.repository, repository);
    QCOMPARE(target.gistId, gistId);
    // Only a gist.github.com address with the owner names a revision: 40 hex digits after the id.
    const bool revision = QTest::currentDataTag() == QByteArray("gist url revision sha");
    QCOMPARE(target.revision, revision ? u"57a7f021a713b1c5a6a199b54cc514735d2d462f"_s : QString());
}

void TestTarget::invalid_data()
{
    QTest::addColumn<QString>("input");

    const auto row = [](const char *name, const QString &input) { QTest::newRow(name) << input; };
    row("empty", QString());
    row("only spaces", u"   \t "_s);
    row("space inside", u"octo cat"_s);
    row("space in repo", u"octocat/Hello World"_s);
    row("tab inside", u"octocat/\tx"_s);
    row("dot dot", u".."_s);
    row("dot dot orgs", u"../orgs/x"_s);
    row("dot dot x", u"../x"_s);
    row("repo dot dot", u"octocat/.."_s);
    row("repo dot", u"octocat/."_s);
    row("three segments", u"octocat/Hello-World/pulls"_s);
    row("double slash", u"octocat//Hello-World"_s);
    row("leading slash", u"/octocat"_s);
    row("empty owner", u"/Hello-World"_s);
    row("leading hyphen", u"-octocat"_s);
    row("login too long", QString(40, u'x'));
    row("login underscore", u"octo_cat"_s);
    row("login dot", u"octo.cat"_s);
    row("non-ascii", u"oct\u00f6cat"_s);
    row("percent", u"octocat%2F..%2Fx"_s);
    row("query", u"octocat?x=1"_s);
    row("backslash", u"octocat\\Hello-World"_s);
    row("at only", u"@"_s);
    row("at repo", u"@octocat/Hello-World"_s);
    row("double at", u"@@octocat"_s);
    row("markup", u"<b>octocat</b>"_s);
    row("hex over 64", QString(65, u'a'));
    row("repo name too long", QString(u"octocat/"_s + QString(101, u'r')));
    row("javascript", u"javascript:alert(1)"_s);
    row("file url", u"file:///etc/passwd"_s);
    row("ftp github", u"ftp://github.com/octocat"_s);
    row("ssh scheme", u"ssh://git@github.com/octocat/Hello-World.git"_s);
    row("mailto", u"mailto:octocat@github.com"_s);
    row("other host", u"https://evil.example/octocat"_s);
    row("lookalike host", u"https://github.com.evil.example/octocat"_s);
    row("suffix host", u"https://evilgithub.com/octocat"_s);
    row("userinfo trick", u"https://github.com@evil.example/octocat"_s);
    row("userinfo on github", u"https://user:pass@github.com/octocat"_s);
    row("odd port", u"https://github.com:8443/octocat"_s);
    row("api host", u"https://api.github.com/users/octocat"_s);
    row("raw host", u"https://gist.githubusercontent.com/octocat/x/raw"_s);
    row("enterprise host", u"https://github.example.com/octocat/Hello-World"_s);
    row("url root", u"https://github.com/"_s);
    row("url bare host", u"github.com"_s);
    row("url dot dot", u"https://github.com/octocat/../orgs/x"_s);
    row("url encoded dot dot", u"https://github.com/octocat/%2E%2E"_s);
    row("url encoded slash", u"https://github.com/octo%2Fcat"_s);
    row("url settings page", u"https://github.com/settings/tokens"_s);
    row("url marketplace", u"https://github.com/marketplace"_s);
    row("url bad owner", u"https://github.com/-octocat/Hello-World"_s);
    row("url bad repo", u"https://github.com/octocat/Hello%20World"_s);
    row("url orgs bad", u"https://github.com/orgs/../x"_s);
    row("gist root", u"https://gist.github.com/"_s);
    row("gist discover", u"https://gist.github.com/discover"_s);
    row("gist bad id", u"https://gist.github.com/octocat/not-hex"_s);
    row("gist bad owner", QString(u"https://gist.github.com/-x/"_s + Modern));
    row("ssh clone bad", u"git@github.com:octocat/../x"_s);
    row("ssh clone other host", u"git@evil.example:octocat/x.git"_s);
    row("newline inside", u"octocat\nHello-World"_s);
    row("control char", u"octo\u0001cat"_s);
    row("bidi override", u"octo\u202Ecat"_s);
    row("zero width space", u"octo\u200Bcat"_s);
}

void TestTarget::invalid()
{
    QFETCH(QString, input);

    const Target target = parseTarget(input);
    QCOMPARE(target.kind, Target::Kind::Invalid);
    QVERIFY(!target.isValid());
    QVERIFY(target.owner.isEmpty());
    QVERIFY(target.repository.isEmpty());
    QVERIFY(target.gistId.isEmpty());
    QCOMPARE(target.text(), QString());
    // One sentence: a capital start, a full stop at the end, no line breaks.
    QVERIFY2(!target.problem.isEmpty(), qPrintable(input));
    QVERIFY2(target.problem.endsWith(u'.'), qPrintable(target.problem));
    QVERIFY2(!target.problem.contains(u'\n'), qPrintable(target.problem));
    // The typed text never reaches the sentence with characters that change how it is shown.
    for (const QChar c : target.problem) {
        QVERIFY2(c.isPrint(), qPrintable(target.problem));
    }
}

void TestTarget::invalid_longInputIsShortenedInTheSentence()
{
    const QString input = QString(200, u'!');
    const Target target = parseTarget(input);
    QCOMPARE(target.kind, Target::Kind::Invalid);
    QVERIFY(target.problem.size() < 150);
    QVERIFY(target.problem.contains(u'\u2026'));

    QCOMPARE(parseTarget(u"../x"_s).problem, u"'../x' is not a GitHub login, owner/repository or gist id."_s);
}

void TestTarget::text_roundTrips_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("text");
    QTest::newRow("login") << u"@octocat"_s << u"octocat"_s;
    QTest::newRow("repo") << u"https://github.com/octocat/Hello-World.git"_s << u"octocat/Hello-World"_s;
    QTest::newRow("gist") << QString(u"https://gist.github.com/octocat/"_s + Modern) << Modern;
    // Found by tests/fuzz/fuzz_target: these read back as the other kind when written bare.
    QTest::newRow("old gist id") << QString(u"https://gist.github.com/"_s + Old)
                                 << QString(u"gist.github.com/"_s + Old);
    QTest::newRow("numeric gist id") << u"https://gist.github.com/1234567"_s << u"gist.github.com/1234567"_s;
    QTest::newRow("login of 32 hex") << QString(u"https://github.com/"_s + Modern) << QString(u'@' + Modern);
    QTest::newRow("login of 32 hex with @") << QString(u'@' + Modern) << QString(u'@' + Modern);
    QTest::newRow("repo .git twice") << u"git@github.com:octocat/Hello-World.git.git"_s
                                     << u"octocat/Hello-World"_s;
    const QString sha = u"57a7f021a713b1c5a6a199b54cc514735d2d462f"_s;
    QTest::newRow("revision") << QString(u"https://gist.github.com/octocat/"_s + Modern + u'/' +
                                         sha.toUpper())
                              << QString(u"gist.github.com/octocat/"_s + Modern + u'/' + sha);
}

void TestTarget::text_roundTrips()
{
    QFETCH(QString, input);
    QFETCH(QString, text);
    const Target target = parseTarget(input);
    QCOMPARE(target.text(), text);
    const Target again = parseTarget(target.text());
    QCOMPARE(again.kind, target.kind);
    QCOMPARE(again.text(), text);
    QCOMPARE(again.repository, target.repository);
    QCOMPARE(again.gistId, target.gistId);
    QCOMPARE(again.revision, target.revision);
    if (target.kind != Target::Kind::Gist) { // a gist's owner is only what its URL said
        QCOMPARE(again.owner, target.owner);
    }
}

void TestTarget::pullRequest_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("pullRequest");
    QTest::newRow("pull") << u"https://github.com/octocat/Hello-World/pull/12"_s << 12;
    QTest::newRow("pull files") << u"https://github.com/octocat/Hello-World/pull/12/files"_s << 12;
    QTest::newRow("no scheme") << u"github.com/octocat/Hello-World/pull/7#discussion"_s << 7;
    QTest::newRow("pulls") << u"https://github.com/octocat/Hello-World/pulls"_s << 0;
    QTest::newRow("issue") << u"https://github.com/octocat/Hello-World/issues/12"_s << 0;
    QTest::newRow("not a number") << u"https://github.com/octocat/Hello-World/pull/abc"_s << 0;
    QTest::newRow("zero") << u"https://github.com/octocat/Hello-World/pull/0"_s << 0;
    QTest::newRow("negative") << u"https://github.com/octocat/Hello-World/pull/-3"_s << 0;
    QTest::newRow("past int") << u"https://github.com/octocat/Hello-World/pull/99999999999"_s << 0;
    QTest::newRow("repository") << u"octocat/Hello-World"_s << 0;
}

void TestTarget::pullRequest()
{
    QFETCH(QString, input);
    QFETCH(int, pullRequest);
    const Target target = parseTarget(input);
    QCOMPARE(target.kind, Target::Kind::Repository);
    QCOMPARE(target.pullRequest, pullRequest);
    // The address field shows the repository; the pull request opens beside its list.
    QCOMPARE(target.text(), u"octocat/Hello-World"_s);
}

QTEST_GUILESS_MAIN(TestTarget)
#include "test_target.moc"
