// The language follows the system locale: with a German environment the window speaks German.

#include "i18n/translations.h"
#include "models/columns.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

using Hubshelf::Ui::MainWindow;

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void germanEnvironment_installsTheGermanTranslation();
    void germanCatalogue_translatesEveryStringOfTheCode();
    void qtsOwnStrings_areGerman();
    void rateLimitReset_isInThePresentTense();
    void menus_haveGermanTitlesWithAccelerators_data();
    void menus_haveGermanTitlesWithAccelerators();
    void navigationActions_areGerman();
    void toolBar_addressFieldAndAccountButtonAreGerman();
    void emptyPage_isGerman();
    void placesAndListProgress_areGerman();
    void pullStateColumn_fitsTheLongestGermanState();
    void germanWindow_screenshot();
};

void TestTranslations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"HubshelfTests"_s);
    QCoreApplication::setApplicationName(u"test_translations"_s);
    QSettings().clear();
}

void TestTranslations::germanEnvironment_installsTheGermanTranslation()
{
    // main() installed the translations already; a second call must find German again.
    QVERIFY2(QLocale().uiLanguages().constFirst().startsWith(u"de"_s),
             qPrintable(QLocale().uiLanguages().join(u", "_s)));
    QVERIFY(QFile::exists(u":/i18n/hubshelf_de.qm"_s));
    QCOMPARE(QCoreApplication::translate("Hubshelf::Ui::MainWindow", "&File"), u"&Datei"_s);
}

void TestTranslations::qtsOwnStrings_areGerman()
{
    // Qt's catalogue (qt6-translations-l10n, a Depends of the .deb) is loaded beside Hubshelf's:
    // the buttons of every dialog, and the file dialog of an export, are German too.
    QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text().remove(u'&'), u"Abbrechen"_s);
    QCOMPARE(QCoreApplication::translate("QFileDialog", "File &name:"), u"Datei&name:"_s);
}

void TestTranslations::rateLimitReset_isInThePresentTense()
{
    // "zurückgesetzt 14:31" said it had happened; the limit resets then.
    QCOMPARE(QCoreApplication::translate("Hubshelf::Ui::RateLimitIndicator", "%1 · resets %2"),
             u"%1 · setzt um %2 zurück"_s);
    QCOMPARE(QCoreApplication::translate("Hubshelf::Ui::RateLimitDialog", "resets in %1"),
             u"setzt in %1 zurück"_s);
}

void TestTranslations::germanCatalogue_translatesEveryStringOfTheCode()
{
    // `update_translations` marks a new string unfinished and a removed one vanished: either means
    // the catalogue was not brought up to date with the code.
    // translations_current points HUBSHELF_TS_FILE at a copy that lupdate brought up to date.
    const QString path =
        qEnvironmentVariable("HUBSHELF_TS_FILE", QStringLiteral(HUBSHELF_TRANSLATIONS_DIR "/hubshelf_de.ts"));
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    QStringList untranslated;
    int messages = 0;
    while (xml.readNext() != QXmlStreamReader::EndDocument && !xml.hasError()) {
        if (!xml.isStartElement()) {
            continue;
        }
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"source") {
            source = xml.readElementText();
        } else if (xml.name() == u"translation") {
            ++messages;
            const QString type = xml.attributes().value(u"type"_s).toString();
            if (!type.isEmpty()) {
                untranslated.append(context + u": "_s + source + u" ("_s + type + u')');
            }
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(messages > 400);
    QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(u'\n')));
}

void TestTranslations::menus_haveGermanTitlesWithAccelerators_data()
{
    QTest::addColumn<QString>("objectName");
    QTest::addColumn<QString>("title");

    QTest::newRow("file") << u"fileMenu"_s << u"&Datei"_s;
    QTest::newRow("edit") << u"editMenu"_s << u"&Bearbeiten"_s;
    QTest::newRow("go") << u"goMenu"_s << u"&Gehe zu"_s;
    QTest::newRow("view") << u"viewMenu"_s << u"&Ansicht"_s;
    QTest::newRow("help") << u"helpMenu"_s << u"&Hilfe"_s;
}

void TestTranslations::menus_haveGermanTitlesWithAccelerators()
{
    QFETCH(QString, objectName);
    QFETCH(QString, title);

    MainWindow window;
    auto *menu = window.findChild<QMenu *>(objectName);
    QVERIFY(menu);
    QCOMPARE(menu->title(), title);

    // The translated accelerators stay unique within the menu.
    QList<QChar> accelerators;
    const QList<QAction *> actions = menu->actions();
    for (const QAction *action : actions) {
        const QString text = action->text();
        const qsizetype amp = text.indexOf(u'&');
        if (action->isSeparator() || amp < 0 || amp + 1 >= text.size()) {
            continue;
        }
        const QChar key = text.at(amp + 1).toLower();
        QVERIFY2(!accelerators.contains(key), qPrintable(text));
        accelerators.append(key);
    }
}

void TestTranslations::navigationActions_areGerman()
{
    MainWindow window;
    auto *back = window.findChild<QAction *>(u"backAction"_s);
    auto *forward = window.findChild<QAction *>(u"forwardAction"_s);
    auto *refresh = window.findChild<QAction *>(u"refreshAction"_s);
    auto *settings = window.findChild<QAction *>(u"settingsAction"_s);
    QVERIFY(back && forward && refresh && settings);
    QCOMPARE(back->text(), u"&Zurück"_s);
    QCOMPARE(forward->text(), u"&Vorwärts"_s);
    QCOMPARE(refresh->text(), u"&Neu laden"_s);
    QCOMPARE(settings->text(), u"&Einstellungen…"_s);
}

void TestTranslations::toolBar_addressFieldAndAccountButtonAreGerman()
{
    MainWindow window;
    auto *address = window.findChild<QLineEdit *>(u"addressField"_s);
    QVERIFY(address);
    QCOMPARE(address->placeholderText(),
             u"Benutzer, Organisation, Besitzer/Repository, Gist-ID oder github.com-URL"_s);
    QCOMPARE(address->accessibleName(), u"Adresse"_s);

    auto *account = window.findChild<QToolButton *>(u"accountButton"_s);
    QVERIFY(account);
    QCOMPARE(account->text(), u"Anonym"_s);
}

void TestTranslations::emptyPage_isGerman()
{
    MainWindow window;
    auto *heading = window.findChild<QLabel *>(u"placeholderHeading"_s);
    QVERIFY(heading);
    QCOMPARE(heading->text(), u"GitHub erkunden"_s);
}

// Their strings moved from ExplorerView and ListPane to classes of their own, translations with them.
void TestTranslations::placesAndListProgress_areGerman()
{
    MainWindow window;
    auto *places = window.findChild<QListWidget *>(u"placesList"_s);
    auto *pullState = window.findChild<QComboBox *>(u"pullStateBox"_s);
    auto *progress = window.findChild<QProgressBar *>(u"listProgress"_s);
    auto *stop = window.findChild<QToolButton *>(u"listStop"_s);
    QVERIFY(places && pullState && progress && stop);
    QCOMPARE(places->accessibleName(), u"Orte"_s);
    QCOMPARE(pullState->accessibleName(), u"Status der Pull-Requests"_s);
    QCOMPARE(pullState->itemText(0), u"Offen"_s);
    QCOMPARE(pullState->itemText(2), u"Zusammengeführt"_s);
    QCOMPARE(pullState->itemText(3), u"Alle"_s);
    QCOMPARE(progress->accessibleName(), u"Ladefortschritt"_s);
    QCOMPARE(stop->text(), u"Anhalten"_s);
}

// At 1024 pixels in German, "Zusammengeführt" was cut to "Zusam…": the column's natural width
// follows the states' words in the language shown.
void TestTranslations::pullStateColumn_fitsTheLongestGermanState()
{
    using namespace Hubshelf::Models;
    const int state = columnNamed(ListKind::PullRequests, u"state"_s);
    QVERIFY(state >= 0);
    QCOMPARE(naturalWidth(columnsOf(ListKind::PullRequests).at(state)).sample, u"Zusammengeführt"_s);
}

void TestTranslations::germanWindow_screenshot()
{
    const QString dir = qEnvironmentVariable("HUBSHELF_SCREENSHOT_DIR");
    if (dir.isEmpty()) {
        QSKIP("HUBSHELF_SCREENSHOT_DIR is not set: no screenshot to save");
    }
    QVERIFY(QDir().mkpath(dir));
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString path = dir + u"/window-german.png"_s;
    QVERIFY2(window.grab().save(path), qPrintable(path));
}

int main(int argc, char *argv[])
{
    // As a German desktop session sets them, before QApplication reads the locale. LC_ALL and
    // LC_MESSAGES would override LANG, so they go.
    qputenv("LANGUAGE", "de");
    qputenv("LANG", "de_DE.UTF-8");
    qunsetenv("LC_ALL");
    qunsetenv("LC_MESSAGES");
    QApplication app(argc, argv);
    QApplication::setQuitOnLastWindowClosed(false);
    if (!Hubshelf::I18n::installTranslations(app)) {
        qCritical("installTranslations() found no German translation for %s",
                  qPrintable(QLocale().uiLanguages().join(u", "_s)));
        return 1;
    }
    TestTranslations test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "test_translations.moc"
