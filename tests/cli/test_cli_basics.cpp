#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

#include <hubshelf/version.h>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestCliBasics : public QObject
{
    Q_OBJECT

private slots:
    void version_printsNameAndVersionAndExits0();
    void help_exits0AndListsVersionOption_data();
    void help_exits0AndListsVersionOption();
    void badUsage_exits2WithOneLineNamingTheCulprit_data();
    void badUsage_exits2WithOneLineNamingTheCulprit();

private:
    static Run runHubshelf(const QStringList &arguments);
};

Run TestCliBasics::runHubshelf(const QStringList &arguments)
{
    // Without a display: a command must never need one, and must never fall back to the window.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"DISPLAY"_s);
    environment.remove(u"WAYLAND_DISPLAY"_s);
    environment.remove(u"QT_QPA_PLATFORM"_s);

    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QString::fromUtf8(HUBSHELF_BINARY), arguments);
    Run run;
    if (!process.waitForFinished(60'000) || process.exitStatus() != QProcess::NormalExit) {
        qWarning() << "hubshelf" << arguments << "did not finish normally:" << process.errorString();
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

void TestCliBasics::version_printsNameAndVersionAndExits0()
{
    const Run run = runHubshelf({u"--version"_s});

    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, u"hubshelf "_s + QString::fromLatin1(Hubshelf::Version) + u"\n"_s);
    QCOMPARE(run.err, QString());
}

void TestCliBasics::help_exits0AndListsVersionOption_data()
{
    QTest::addColumn<QString>("option");

    QTest::newRow("long") << u"--help"_s;
    QTest::newRow("short") << u"-h"_s;
}

void TestCliBasics::help_exits0AndListsVersionOption()
{
    QFETCH(QString, option);

    const Run run = runHubshelf({option});

    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(u"--version"_s), qPrintable(run.out));
    QCOMPARE(run.err, QString());
}

void TestCliBasics::badUsage_exits2WithOneLineNamingTheCulprit_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("culprit");

    QTest::newRow("unknown long option") << QStringList{u"--frobnicate"_s} << u"frobnicate"_s;
    QTest::newRow("unknown option after a valid one")
        << QStringList{u"--version"_s, u"--no-such-option"_s} << u"no-such-option"_s;
    QTest::newRow("unknown command") << QStringList{u"frobnicate"_s} << u"'frobnicate'"_s;
    QTest::newRow("an API in clear text over the network")
        << QStringList{u"--api-url"_s, u"http://ghe.example.com/api/v3"_s, u"rate-limit"_s} << u"https"_s;
}

void TestCliBasics::badUsage_exits2WithOneLineNamingTheCulprit()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, culprit);

    const Run run = runHubshelf(arguments);

    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.out, QString());
    QVERIFY2(run.err.endsWith(u'\n'), qPrintable(run.err));
    const QStringList lines = run.err.trimmed().split(u'\n');
    // One clear line: the error and where to find the usage.
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.constFirst().startsWith(u"hubshelf: "_s), qPrintable(run.err));
    QVERIFY2(lines.constFirst().contains(culprit), qPrintable(run.err));
    QVERIFY2(lines.constFirst().contains(u"--help"_s), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestCliBasics)
#include "test_cli_basics.moc"
