<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>GistStar</name>
    <message>
        <location filename="../models/giststar.cpp" line="+22"/>
        <source>Star</source>
        <translation>Stern</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Auth::TokenStore</name>
    <message>
        <location filename="../app/auth/tokenstore.cpp" line="+137"/>
        <source>No keychain was found, so the token is kept for this session only: it is not written to disk, and you will need to sign in again the next time Hubshelf starts.</source>
        <translation>Es wurde kein Schlüsselbund gefunden, daher wird das Token nur für diese Sitzung aufbewahrt: Es wird nicht auf die Festplatte geschrieben, und Sie müssen sich beim nächsten Start von Hubshelf erneut anmelden.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1 is not a GitHub token: tokens hold only letters, digits and &apos;_&apos; (at most 255); nothing was sent with it.</source>
        <translation>%1 ist kein GitHub-Token: Tokens enthalten nur Buchstaben, Ziffern und „_“ (höchstens 255); damit wurde nichts gesendet.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The keychain&apos;s entry for %1</source>
        <translation>Der Schlüsselbund-Eintrag für %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Could not read the token for %1 from the keychain: %2 (QtKeychain error %3).</source>
        <translation>Das Token für %1 konnte nicht aus dem Schlüsselbund gelesen werden: %2 (QtKeychain-Fehler %3).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot save a token without an API host.</source>
        <translation>Ein Token kann nicht ohne API-Host gespeichert werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot save an empty token for %1.</source>
        <translation>Ein leeres Token für %1 kann nicht gespeichert werden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The token to save</source>
        <translation>Das zu speichernde Token</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Could not save the token for %1 in the keychain: %2 (QtKeychain error %3).</source>
        <translation>Das Token für %1 konnte nicht im Schlüsselbund gespeichert werden: %2 (QtKeychain-Fehler %3).</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Could not delete the token for %1 from the keychain: %2 (QtKeychain error %3).</source>
        <translation>Das Token für %1 konnte nicht aus dem Schlüsselbund gelöscht werden: %2 (QtKeychain-Fehler %3).</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Cache::DatabaseLocation</name>
    <message>
        <location filename="../app/cache/databaselocation.cpp" line="+37"/>
        <source>--cache-db takes the path of a cache file or a postgresql:// URL.</source>
        <translation>--cache-db erwartet den Pfad einer Cache-Datei oder eine postgresql://-URL.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>--cache-db: not a PostgreSQL URL; write it as %1.</source>
        <translation>--cache-db: keine PostgreSQL-URL; schreiben Sie sie als %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--cache-db: the URL names no database; write it as %1.</source>
        <translation>--cache-db: die URL nennt keine Datenbank; schreiben Sie sie als %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--cache-db: the URL option &apos;%1&apos; is not supported (supported: %2).</source>
        <translation>--cache-db: die URL-Option „%1“ wird nicht unterstützt (unterstützt: %2).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Cli</name>
    <message>
        <location filename="../app/cli/commands.cpp" line="+98"/>
        <source>api takes a path such as /users/octocat, not a URL.</source>
        <translation>api erwartet einen Pfad wie /users/octocat, keine URL.</translation>
    </message>
    <message>
        <location line="+207"/>
        <source>rate-limit asks GitHub now: it has no offline answer.</source>
        <translation>rate-limit fragt GitHub jetzt: Offline gibt es keine Antwort.</translation>
    </message>
    <message>
        <location line="-35"/>
        <location line="+50"/>
        <source>resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <location line="-48"/>
        <location line="+49"/>
        <source>used</source>
        <translation>verbraucht</translation>
    </message>
    <message>
        <location line="-50"/>
        <location line="+51"/>
        <source>remaining</source>
        <translation>verbleibend</translation>
    </message>
    <message>
        <location line="-107"/>
        <source>No rate-limit window is under way: Hubshelf has spent nothing in the last hour.</source>
        <translation>Kein Rate-Limit-Fenster läuft: Hubshelf hat in der letzten Stunde nichts verbraucht.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2 of %3 used in the window that resets at %4; Hubshelf spent %5 and the cache saved %6.</source>
        <translation>%1: %2 von %3 verbraucht im Fenster, das um %4 zurückgesetzt wird; Hubshelf verbrauchte %5, der Cache sparte %6.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Other tools with this token spent %1.</source>
        <translation>Andere Werkzeuge mit diesem Token verbrauchten %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>asked by</source>
        <translation>angefragt von</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>saved</source>
        <translation>gespart</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+50"/>
        <source>resets at</source>
        <translation>Zurücksetzung um</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>seen by</source>
        <translation>gesehen von</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the rate-limit ledger lives in the cache database, which cannot be opened.</source>
        <translation>das Rate-Limit-Protokoll liegt in der Cache-Datenbank, die sich nicht öffnen lässt.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>the cache is off or cannot be opened.</source>
        <translation>Der Cache ist ausgeschaltet oder kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>entries</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fresh hits</source>
        <translation>frische Treffer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>revalidated</source>
        <translation>revalidiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>misses</source>
        <translation>Fehltreffer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>uncached</source>
        <translation>nicht cachebar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>calls saved</source>
        <translation>gesparte Aufrufe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bytes saved</source>
        <translation>gesparte Bytes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>corrupt entries dropped</source>
        <translation>verworfene beschädigte Einträge</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>no token was given on standard input.</source>
        <translation>Auf der Standardeingabe wurde kein Token übergeben.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The token on standard input</source>
        <translation>Das Token auf der Standardeingabe</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the token is valid (%1) but there is no keychain to keep it; set GH_TOKEN (github.com) or GH_ENTERPRISE_TOKEN instead.</source>
        <translation>Das Token ist gültig (%1), aber es gibt keinen Schlüsselbund, um es aufzubewahren; setzen Sie stattdessen GH_TOKEN (github.com) oder GH_ENTERPRISE_TOKEN.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Logged in to %1 as %2; the token is kept in the keychain.</source>
        <translation>Bei %1 als %2 angemeldet; das Token wird im Schlüsselbund aufbewahrt.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Logged out of %1.</source>
        <translation>Von %1 abgemeldet.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>not logged in (requests are anonymous: 60 an hour).</source>
        <translation>nicht angemeldet (Anfragen sind anonym: 60 pro Stunde).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>logged in as %1, token from %2</source>
        <translation>angemeldet als %1, Token aus %2</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Cli::CliContext</name>
    <message>
        <location filename="../app/cli/clicontext.cpp" line="+116"/>
        <source>the %1 rate limit is used up</source>
        <translation>das Ratenlimit %1 ist aufgebraucht</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GitHub asked to slow down (secondary rate limit)</source>
        <translation>GitHub bittet darum, langsamer zu werden (sekundäres Ratenlimit)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1; waiting until %2 (%3 s left)…</source>
        <translation>%1; warte bis %2 (noch %3 s)…</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>%1 --wait waits at most until the primary reset (an hour) or 15 minutes.</source>
        <translation>%1 --wait wartet höchstens bis zum Zurücksetzen des primären Limits (eine Stunde) oder 15 Minuten.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>cannot write to standard output.</source>
        <translation>In die Standardausgabe kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the output could not be read back from its temporary file.</source>
        <translation>die Ausgabe konnte nicht aus ihrer temporären Datei zurückgelesen werden.</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Cli::CommandLine</name>
    <message>
        <location filename="../app/cli/commandline.cpp" line="+94"/>
        <source>Show the version and exit.</source>
        <translation>Die Version zeigen und beenden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The API: https://api.github.com (default) or https://HOST/api/v3.</source>
        <translation>Die API: https://api.github.com (Standard) oder https://HOST/api/v3.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Neither read nor write the cache.</source>
        <translation>Den Cache weder lesen noch schreiben.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer from the cache only; fail on a miss.</source>
        <translation>Nur aus dem Cache antworten; fehlt etwas, scheitern.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log every request on stderr.</source>
        <translation>Jede Anfrage auf stderr protokollieren.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wait for a spent rate limit to reset instead of failing.</source>
        <translation>Bei aufgebrauchtem Ratenlimit auf das Zurücksetzen warten, statt zu scheitern.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>export: the columns, comma-separated.</source>
        <translation>export: die Spalten, durch Kommas getrennt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>export: write to FILE instead of stdout.</source>
        <translation>export: in DATEI statt auf stdout schreiben.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>export: at most N rows.</source>
        <translation>export: höchstens N Zeilen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>export repos: all|public|private|forks|sources|member.</source>
        <translation>export repos: all|public|private|forks|sources|member.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>export pulls: open|closed|all.</source>
        <translation>export pulls: open|closed|all.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>export: start the CSV with a UTF-8 byte order mark.</source>
        <translation>export: die CSV-Datei mit einer UTF-8-Bytereihenfolge-Markierung (BOM) beginnen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>export: do not prefix cells starting with = + - @ with &apos;.</source>
        <translation>export: Zellen, die mit = + - @ beginnen, nicht mit &apos; versehen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>api: every page, the arrays joined.</source>
        <translation>api: alle Seiten, die Arrays zusammengefügt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>api: print the status and headers first.</source>
        <translation>api: zuerst Status und Kopfzeilen ausgeben.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rate-limit, cache stats: JSON output.</source>
        <translation>rate-limit, cache stats: Ausgabe als JSON.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rate-limit: what each endpoint spent in the window under way, by every Hubshelf.</source>
        <translation>rate-limit: was jeder Endpunkt im laufenden Fenster verbraucht hat, über alle Hubshelf-Prozesse.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rate-limit: every sample of the limits kept (7 days).</source>
        <translation>rate-limit: jede aufbewahrte Messung der Limits (7 Tage).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>auth login: read the token from stdin.</source>
        <translation>auth login: das Token von stdin lesen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>insights contributors: from this month (YYYY-MM).</source>
        <translation>insights contributors: ab diesem Monat (JJJJ-MM).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>insights contributors: up to this month (YYYY-MM).</source>
        <translation>insights contributors: bis zu diesem Monat (JJJJ-MM).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>insights: count the owner&apos;s forks too.</source>
        <translation>insights: auch die Forks des Eigentümers zählen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>serve: the address to listen on (127.0.0.1).</source>
        <translation>serve: die Adresse, auf der gelauscht wird (127.0.0.1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>serve: the port (8080; 0 picks a free one).</source>
        <translation>serve: der Port (8080; 0 wählt einen freien).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>serve: https with this PEM certificate chain.</source>
        <translation>serve: https mit dieser PEM-Zertifikatskette.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>serve: the certificate&apos;s PEM private key.</source>
        <translation>serve: der private PEM-Schlüssel des Zertifikats.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>serve: GET /USER answers the user&apos;s public gists, not the mirror.</source>
        <translation>serve: GET /NUTZER beantwortet die öffentlichen Gists des Nutzers statt des Spiegels.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>serve: at most N clients at once (256).</source>
        <translation>serve: höchstens N Clients gleichzeitig (256).</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+13"/>
        <source>Run &apos;hubshelf --help&apos; for usage.</source>
        <translation>Mehr mit „hubshelf --help“.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no command given.</source>
        <translation>kein Befehl angegeben.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--api-url takes an https URL such as https://github.example.com/api/v3 (http only for this machine).</source>
        <translation>--api-url erwartet eine https-Adresse wie https://github.example.com/api/v3 (http nur für diesen Rechner).</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>--%1 does not apply to %2.</source>
        <translation>--%1 gilt nicht für %2.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>export takes a kind and a target, e.g. &apos;export repos octocat&apos;.</source>
        <translation>export erwartet eine Art und ein Ziel, z. B. „export repos octocat“.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>--limit takes a positive number.</source>
        <translation>--limit erwartet eine positive Zahl.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>-o takes a file name; leave it out to write to standard output.</source>
        <translation>-o erwartet einen Dateinamen; ohne -o wird auf die Standardausgabe geschrieben.</translation>
    </message>
    <message>
        <location line="-192"/>
        <source>Hubshelf explores the GitHub REST API. Without a command it opens the window.

Commands:
  export gists|repos|pulls|orgs|followers|following|members TARGET
                                 a list as CSV (or JSON) on stdout or in -o FILE
  insights contributors|languages OWNER
                                 monthly new contributors, or languages by bytes, over
                                 a user&apos;s or an organization&apos;s repositories
  api PATH                       a raw GET, the JSON on stdout
  rate-limit                     every resource of the rate limit
  cache stats|clear|path         the ETag cache
  auth login|logout|status       the token in the keychain
  serve                          a caching mirror of the API for other programs, on
                                 --listen ADDR (127.0.0.1) --port N (8080) until SIGTERM

The process cannot be core-dumped or traced while it holds a token; set
HUBSHELF_ALLOW_CORE_DUMPS=1 to allow core dumps for debugging (they may contain the token).</source>
        <translation>Hubshelf erkundet die GitHub-REST-API. Ohne Befehl öffnet es das Fenster.

Befehle:
  export gists|repos|pulls|orgs|followers|following|members ZIEL
                                 eine Liste als CSV (oder JSON) auf stdout oder in -o DATEI
  insights contributors|languages EIGENTÜMER
                                 neue Mitwirkende pro Monat oder Sprachen nach Bytes über
                                 die Repositorys eines Benutzers oder einer Organisation
  api PFAD                       ein GET ohne Aufbereitung, das JSON auf stdout
  rate-limit                     jede Ressource des Ratenlimits
  cache stats|clear|path         der ETag-Cache
  auth login|logout|status       das Token im Schlüsselbund
  serve                          ein zwischenspeichernder Spiegel der API für andere Programme,
                                 auf --listen ADR (127.0.0.1) --port N (8080) bis SIGTERM

Solange der Prozess ein Token hält, erzeugt er keinen Core-Dump und lässt sich nicht verfolgen;
HUBSHELF_ALLOW_CORE_DUMPS=1 erlaubt Core-Dumps zur Fehlersuche (sie können das Token enthalten).</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>export, insights: csv (default) or json.</source>
        <translation>export, insights: csv (Standard) oder json.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The cache: an SQLite file instead of the default, or postgresql://USER@HOST:PORT/DB for one cache shared by several instances (the password from PGPASSWORD or ~/.pgpass).</source>
        <translation>Der Cache: eine SQLite-Datei statt der vorgegebenen, oder postgresql://USER@HOST:PORT/DB für einen Cache, den mehrere Instanzen teilen (das Passwort aus PGPASSWORD oder ~/.pgpass).</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>export, insights, api, rate-limit, cache, auth or serve.</source>
        <translation>export, insights, api, rate-limit, cache, auth oder serve.</translation>
    </message>
    <message>
        <location line="+142"/>
        <source>insights takes what and whose, e.g. &apos;insights contributors octocat&apos;.</source>
        <translation>insights erwartet was und wessen, z. B. „insights contributors octocat“.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>api takes one path, e.g. &apos;api /users/octocat&apos;.</source>
        <translation>api erwartet einen Pfad, z. B. „api /users/octocat“.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>rate-limit takes no argument.</source>
        <translation>rate-limit erwartet kein Argument.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>rate-limit takes --spend or --history, not both.</source>
        <translation>rate-limit nimmt --spend oder --history, nicht beides.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cache takes stats, clear or path.</source>
        <translation>cache erwartet stats, clear oder path.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>auth takes login, logout or status.</source>
        <translation>auth erwartet login, logout oder status.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>serve takes no argument.</source>
        <translation>serve erwartet kein Argument.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--listen takes an IP address, such as 127.0.0.1 or 0.0.0.0.</source>
        <translation>--listen erwartet eine IP-Adresse wie 127.0.0.1 oder 0.0.0.0.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--port takes a number from 0 to 65535.</source>
        <translation>--port erwartet eine Zahl von 0 bis 65535.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--tls-cert and --tls-key go together.</source>
        <translation>--tls-cert und --tls-key gehören zusammen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--max-connections takes a number from 1 to 100000.</source>
        <translation>--max-connections erwartet eine Zahl von 1 bis 100000.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>unknown command &apos;%1&apos;.</source>
        <translation>unbekannter Befehl „%1“.</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Cli::Commands</name>
    <message numerus="yes">
        <location filename="../app/cli/commands.cpp" line="-111"/>
        <source>Cleared %n cached response(s).</source>
        <translation>
            <numerusform>%n zwischengespeicherte Antwort gelöscht.</numerusform>
            <numerusform>%n zwischengespeicherte Antworten gelöscht.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hubshelf::Cli::ExportCommand</name>
    <message>
        <location filename="../app/cli/exportcommand.cpp" line="+66"/>
        <source>&apos;%1&apos; is not something to export: use gists, repos, pulls, orgs, followers, following or members.</source>
        <translation>„%1“ lässt sich nicht exportieren: Verwenden Sie gists, repos, pulls, orgs, followers, following oder members.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&apos;%1&apos; is not a repository: write it as OWNER/REPO.</source>
        <translation>„%1“ ist kein Repository: Schreiben Sie es als BESITZER/REPO.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;%1&apos; is not a valid GitHub login (1 to 39 letters, digits or &apos;-&apos;, not starting with &apos;-&apos;).</source>
        <translation>„%1“ ist kein gültiger GitHub-Login (1 bis 39 Buchstaben, Ziffern oder „-“, nicht mit „-“ am Anfang).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--format takes csv or json, not &apos;%1&apos;.</source>
        <translation>--format erwartet csv oder json, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--state takes open, closed or all, and only for pulls.</source>
        <translation>--state erwartet open, closed oder all, und nur für pulls.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--type takes all, public, private, forks, sources or member, and only for repos.</source>
        <translation>--type erwartet all, public, private, forks, sources oder member, und nur für repos.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--columns applies to CSV; --format json writes GitHub&apos;s whole objects.</source>
        <translation>--columns gilt für CSV; --format json schreibt die vollständigen Objekte von GitHub.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--limit takes a positive number.</source>
        <translation>--limit erwartet eine positive Zahl.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 have no column &apos;%2&apos;; they have: %3.</source>
        <translation>%1 haben keine Spalte „%2“; vorhanden sind: %3.</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>page %1</source>
        <translation>Seite %1</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Cli::InsightsCommand</name>
    <message>
        <location filename="../app/cli/insightscommand.cpp" line="+29"/>
        <source>&apos;%1&apos; is not an insight: use contributors or languages.</source>
        <translation>„%1“ ist keine Auswertung: verwenden Sie contributors oder languages.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;%1&apos; is not a valid GitHub login.</source>
        <translation>„%1“ ist kein gültiger GitHub-Login.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--format takes csv or json.</source>
        <translation>--format erwartet csv oder json.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--since and --until take a month as YYYY-MM, e.g. 2019-03.</source>
        <translation>--since und --until erwarten einen Monat als JJJJ-MM, z. B. 2019-03.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--since %1 comes after --until %2.</source>
        <translation>--since %1 liegt nach --until %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--since and --until apply to contributors only.</source>
        <translation>--since und --until gelten nur für contributors.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>listing repositories: page %1 of %2</source>
        <translation>Repositorys werden aufgelistet: Seite %1 von %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>listing repositories: page %1</source>
        <translation>Repositorys werden aufgelistet: Seite %1</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>computing statistics: %1 of %n repositories</source>
        <translation>
            <numerusform>Statistik wird berechnet: %1 von %n Repository</numerusform>
            <numerusform>Statistik wird berechnet: %1 von %n Repositorys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>the insights are incomplete: %n repositories left out.</source>
        <translation>
            <numerusform>Die Auswertung ist unvollständig: %n Repository ausgelassen.</numerusform>
            <numerusform>Die Auswertung ist unvollständig: %n Repositorys ausgelassen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hubshelf::Cli::ServeCommand</name>
    <message>
        <location filename="../app/cli/servecommand.cpp" line="+53"/>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>--tls-cert and --tls-key take a PEM certificate and its unencrypted RSA or EC key.</source>
        <translation>--tls-cert und --tls-key erwarten ein PEM-Zertifikat und seinen unverschlüsselten RSA- oder EC-Schlüssel.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>cannot listen on %1:%2: %3</source>
        <translation>auf %1:%2 kann nicht gelauscht werden: %3</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>cannot watch for SIGINT and SIGTERM.</source>
        <translation>SIGINT und SIGTERM können nicht überwacht werden.</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Export::CsvWriter</name>
    <message>
        <location filename="../app/export/csvwriter.cpp" line="+188"/>
        <source>the list has no column %1</source>
        <translation>Die Liste hat keine Spalte %1</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Export::StagedFile</name>
    <message>
        <location filename="../app/export/stagedfile.cpp" line="+41"/>
        <source>the data could not be written</source>
        <translation>Die Daten konnten nicht geschrieben werden</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Could not write to “%1” (%2).</source>
        <translation>In „%1“ konnte nicht geschrieben werden (%2).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no file name was given</source>
        <translation>Es wurde kein Dateiname angegeben</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>Could not make a temporary file in “%1” (%2).</source>
        <translation>In „%1“ konnte keine temporäre Datei angelegt werden (%2).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Could not write to a temporary file in “%1” (%2).</source>
        <translation>In eine temporäre Datei in „%1“ konnte nicht geschrieben werden (%2).</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Could not save “%1” (%2); the existing file was kept unchanged.</source>
        <translation>„%1“ konnte nicht gespeichert werden (%2); die vorhandene Datei blieb unverändert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not save “%1” (%2); nothing was written.</source>
        <translation>„%1“ konnte nicht gespeichert werden (%2); es wurde nichts geschrieben.</translation>
    </message>
</context>
<context>
    <name>Hubshelf::GitHub::Client</name>
    <message>
        <location filename="../app/github/client.cpp" line="+259"/>
        <source>only http and https addresses are requested, not %1:</source>
        <translation>es werden nur http- und https-Adressen abgefragt, nicht %1:</translation>
    </message>
    <message>
        <location line="+154"/>
        <source>GitHub sent the change on to %1, where Hubshelf does not send it</source>
        <translation>GitHub leitete die Änderung an %1 weiter, wohin Hubshelf sie nicht sendet</translation>
    </message>
</context>
<context>
    <name>Hubshelf::GitHub::Error</name>
    <message>
        <location filename="../app/github/error.cpp" line="+78"/>
        <source>GitHub asked to slow down (secondary rate limit); try again after %1.</source>
        <translation>GitHub bittet darum, langsamer zu werden (sekundäres Ratenlimit); versuchen Sie es nach %1 erneut.</translation>
    </message>
    <message>
        <location line="-17"/>
        <source> GitHub said: %1</source>
        <translation> GitHub meldete: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not found: %1 does not exist, or it is private and this account cannot see it.</source>
        <translation>Nicht gefunden: %1 existiert nicht, oder es ist privat und dieses Konto kann es nicht sehen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GitHub did not accept the token (HTTP 401). Sign in again with a valid token.%1</source>
        <translation>GitHub hat das Token nicht akzeptiert (HTTP 401). Melden Sie sich erneut mit einem gültigen Token an.%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GitHub refused access to %1 (HTTP %2).%3</source>
        <translation>GitHub hat den Zugriff auf %1 verweigert (HTTP %2).%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The %1 rate limit is used up until %2.</source>
        <translation>Das Ratenlimit „%1“ ist bis %2 aufgebraucht.</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>GitHub asked to slow down (secondary rate limit); try again in %n second(s).</source>
        <translation>
            <numerusform>GitHub bittet darum, langsamer zu werden (sekundäres Ratenlimit); versuchen Sie es in %n Sekunde erneut.</numerusform>
            <numerusform>GitHub bittet darum, langsamer zu werden (sekundäres Ratenlimit); versuchen Sie es in %n Sekunden erneut.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not get an answer from %1: %2</source>
        <translation>Von %1 kam keine Antwort: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GitHub had a server error (HTTP %1) and still had it after retrying.</source>
        <translation>GitHub hatte einen Serverfehler (HTTP %1), auch nach erneuten Versuchen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GitHub&apos;s answer for %1 could not be used: %2.</source>
        <translation>Die Antwort von GitHub für %1 war nicht verwendbar: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GitHub&apos;s answer for %1 was incomplete or not valid JSON.</source>
        <translation>Die Antwort von GitHub für %1 war unvollständig oder kein gültiges JSON.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GitHub rejected the request for %1 (HTTP %2).%3</source>
        <translation>GitHub hat die Anfrage für %1 abgelehnt (HTTP %2).%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not in the cache, and offline mode makes no network request.</source>
        <translation>%1 ist nicht im Cache, und im Offline-Modus werden keine Netzwerkanfragen gestellt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>Hubshelf::GitHub::PageStream</name>
    <message>
        <location filename="../app/github/pagestream.cpp" line="+51"/>
        <source>the list has %L1 pages, more than the %L2 that are read of one list; ask for fewer items</source>
        <translation>die Liste hat %L1 Seiten, mehr als die %L2, die von einer Liste gelesen werden; fragen Sie nach weniger Einträgen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the list has more than the %L1 pages that are read of one list; ask for fewer items</source>
        <translation>die Liste hat mehr als die %L1 Seiten, die von einer Liste gelesen werden; fragen Sie nach weniger Einträgen</translation>
    </message>
    <message>
        <location line="+161"/>
        <source>its Link header holds an address that is not a valid URL</source>
        <translation>ihr Link-Header enthält eine Adresse, die keine gültige URL ist</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its Link header points to a %1: address, and only http and https are followed</source>
        <translation>ihr Link-Header zeigt auf eine %1:-Adresse, und nur http und https werden verfolgt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>its Link header points to %1, outside the API at %2</source>
        <translation>ihr Link-Header zeigt auf %1, außerhalb der API unter %2</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>its Link header leads back to a page already read</source>
        <translation>ihr Link-Header führt zurück zu einer bereits gelesenen Seite</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>it is not a list</source>
        <translation>sie ist keine Liste</translation>
    </message>
</context>
<context>
    <name>Hubshelf::GitHub::ReplyVerdict</name>
    <message numerus="yes">
        <location filename="../app/github/replyverdict.cpp" line="+67"/>
        <source>the transfer took longer than %n second(s)</source>
        <translation>
            <numerusform>die Übertragung dauerte länger als %n Sekunde</numerusform>
            <numerusform>die Übertragung dauerte länger als %n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the server&apos;s answer had malformed or oversized headers</source>
        <translation>die Antwort des Servers hatte fehlerhafte oder übergroße Header</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>too many redirects, or a redirect without a valid Location</source>
        <translation>Zu viele Weiterleitungen oder eine Weiterleitung ohne gültigen Location-Header</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>it redirects to a %1: address, and only http and https are followed</source>
        <translation>sie leitet auf eine %1:-Adresse weiter, und nur http und https werden verfolgt</translation>
    </message>
</context>
<context>
    <name>Hubshelf::GitHub::Target</name>
    <message>
        <location filename="../app/github/target.cpp" line="+46"/>
        <source>&apos;%1&apos; is not a GitHub login, owner/repository or gist id.</source>
        <translation>„%1“ ist kein GitHub-Login, kein Besitzer/Repository und keine Gist-ID.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>&apos;%1&apos; is not a valid GitHub login: it has 1 to 39 letters, digits or &apos;-&apos;, and does not start with &apos;-&apos;.</source>
        <translation>„%1“ ist kein gültiger GitHub-Login: Er besteht aus 1 bis 39 Buchstaben, Ziffern oder „-“ und beginnt nicht mit „-“.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&apos;%1&apos; is not a valid repository name: it has letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;, and is not &apos;.&apos; or &apos;..&apos;.</source>
        <translation>„%1“ ist kein gültiger Repository-Name: Er besteht aus Buchstaben, Ziffern, „-“, „_“ oder „.“ und ist weder „.“ noch „..“.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>&apos;%1&apos; does not name a user, organization or repository.</source>
        <translation>„%1“ bezeichnet keinen Benutzer, keine Organisation und kein Repository.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&apos;%1&apos; is a GitHub page, not a user, organization or repository.</source>
        <translation>„%1“ ist eine GitHub-Seite, kein Benutzer, keine Organisation und kein Repository.</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+14"/>
        <source>&apos;%1&apos; does not name a gist.</source>
        <translation>„%1“ bezeichnet keinen Gist.</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+12"/>
        <source>&apos;%1&apos; is not a github.com or gist.github.com address.</source>
        <translation>„%1“ ist keine Adresse auf github.com oder gist.github.com.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Type a GitHub login, owner/repository, gist id or github.com address.</source>
        <translation>Geben Sie einen GitHub-Login, Besitzer/Repository, eine Gist-ID oder eine github.com-Adresse ein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&apos;%1&apos; contains white space; a GitHub login, owner/repository or gist id has none.</source>
        <translation>„%1“ enthält Leerzeichen; ein GitHub-Login, Besitzer/Repository oder eine Gist-ID enthält keine.</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Insights::OwnerInsights</name>
    <message>
        <location filename="../app/insights/ownerinsights.cpp" line="+110"/>
        <source>A repository without a valid owner and name is left out.</source>
        <translation>Ein Repository ohne gültigen Eigentümer und Namen wird ausgelassen.</translation>
    </message>
    <message numerus="yes">
        <location line="+58"/>
        <source>GitHub was still computing the statistics of %1 after %n tries: it is left out.</source>
        <translation>
            <numerusform>GitHub berechnete die Statistik von %1 nach %n Versuch noch immer: Es wird ausgelassen.</numerusform>
            <numerusform>GitHub berechnete die Statistik von %1 nach %n Versuchen noch immer: Es wird ausgelassen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The statistics of %1 are not GitHub&apos;s contributor statistics: it is left out.</source>
        <translation>Die Statistik von %1 ist keine Mitwirkenden-Statistik von GitHub: Es wird ausgelassen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The languages of %1 are not a list of languages: it is left out.</source>
        <translation>Die Sprachen von %1 sind keine Liste von Sprachen: Es wird ausgelassen.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 is left out: %2</source>
        <translation>%1 wird ausgelassen: %2</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Models::Columns</name>
    <message>
        <location filename="../models/columns.cpp" line="+256"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Web page</source>
        <translation>Webseite</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+66"/>
        <location line="+25"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="-93"/>
        <location line="+24"/>
        <location line="+45"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>(no description)</source>
        <translation>(keine Beschreibung)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Public</source>
        <translation>Öffentlich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>File count</source>
        <translation>Anzahl Dateien</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Languages</source>
        <translation>Sprachen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Repository</source>
        <translation>Repository</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Private</source>
        <translation>Privat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fork</source>
        <translation>Fork</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stars</source>
        <translation>Sterne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forks</source>
        <translation>Forks</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open issues</source>
        <translation>Offene Issues</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default branch</source>
        <translation>Standard-Branch</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pushed</source>
        <translation>Gepusht</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+33"/>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location line="-151"/>
        <location line="+155"/>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <location line="-158"/>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+153"/>
        <source>Merged</source>
        <translation>Zusammengeführt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Head</source>
        <translation>Head</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Base</source>
        <translation>Base</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+25"/>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+17"/>
        <source>API address</source>
        <translation>API-Adresse</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Committed</source>
        <translation>Übernommen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Additions</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deletions</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Site admin</source>
        <translation>Site-Admin</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Models::GistPreviews</name>
    <message>
        <location filename="../models/gistpreviews.cpp" line="+60"/>
        <source>Gist cards</source>
        <translation>Gist-Karten</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Models::GistStar</name>
    <message>
        <location filename="../models/giststar.cpp" line="+139"/>
        <source>Star</source>
        <translation>Stern</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The gist was not starred: %1</source>
        <translation>Der Gist hat keinen Stern bekommen: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The gist was not unstarred: %1</source>
        <translation>Der Stern des Gists wurde nicht entfernt: %1</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Models::GitHubListModel</name>
    <message>
        <location filename="../models/githublistmodel.cpp" line="+199"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Secret: only people who have its address can see it.</source>
        <translation>Geheim: nur wer seine Adresse hat, kann ihn sehen.</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Models::LowLimitWatch</name>
    <message>
        <location filename="../models/lowlimitwatch.cpp" line="+20"/>
        <source>%1: %2 of %3 requests left; it resets at %4.</source>
        <translation>%1: %2 von %3 Anfragen übrig; zurückgesetzt um %4.</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Models::Navigator</name>
    <message>
        <location filename="../models/navigator.cpp" line="+301"/>
        <location line="+25"/>
        <source>Gist of %1</source>
        <translation>Gist von %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gist of %1 at %2</source>
        <translation>Gist von %1 bei %2</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Models::RequestLogModel</name>
    <message>
        <location filename="../models/requestlogmodel.cpp" line="+88"/>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>fresh</source>
        <translation>frisch</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>uncached</source>
        <translation>nicht gecacht</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remaining</source>
        <translation>Verbleibend</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Models::SpendModel</name>
    <message>
        <location filename="../models/spendmodel.cpp" line="+59"/>
        <source>%1 asked %2 for %3 request(s): %4 counted by GitHub, %5 answered by the cache</source>
        <translation>%1 fragte %2 mit %3 Anfrage(n) an: %4 von GitHub gezählt, %5 vom Cache beantwortet</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Asked by</source>
        <translation>Angefragt von</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved by the cache</source>
        <translation>Vom Cache gespart</translation>
    </message>
</context>
<context>
    <name>Hubshelf::RateLimits</name>
    <message>
        <location filename="../app/ratelimits/projection.cpp" line="+51"/>
        <source>At this pace %1 runs out at %2 — it resets at %3.</source>
        <translation>In diesem Tempo ist %1 um %2 aufgebraucht – zurückgesetzt wird um %3.</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Settings::Preferences</name>
    <message>
        <location filename="../app/settings/preferences.cpp" line="+106"/>
        <source>Enter the address of the API, e.g. https://github.example.com/api/v3.</source>
        <translation>Geben Sie die Adresse der API ein, z. B. https://github.example.com/api/v3.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This is not a web address. Enter a full one, starting with https://, e.g. https://github.example.com/api/v3.</source>
        <translation>Das ist keine Webadresse. Geben Sie eine vollständige ein, beginnend mit https://, z. B. https://github.example.com/api/v3.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The address must start with https://, e.g. https://github.example.com/api/v3.</source>
        <translation>Die Adresse muss mit https:// beginnen, z. B. https://github.example.com/api/v3.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use https:// for a server on the network: over http:// your token would travel in clear text.</source>
        <translation>Verwenden Sie https:// für einen Server im Netzwerk: Über http:// würde Ihr Token im Klartext übertragen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The API address takes no user name, &quot;?&quot; or &quot;#&quot; part, e.g. https://github.example.com/api/v3.</source>
        <translation>Die API-Adresse enthält keinen Benutzernamen und keinen „?“- oder „#“-Teil, z. B. https://github.example.com/api/v3.</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Ui::AccountMenu</name>
    <message>
        <location filename="../ui/accountmenu.cpp" line="+34"/>
        <source>My &amp;Gists</source>
        <translation>Meine &amp;Gists</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your own gists, secret ones too</source>
        <translation>Ihre eigenen Gists, auch die geheimen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S&amp;tarred Gists</source>
        <translation>Gists mit S&amp;tern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The gists you starred</source>
        <translation>Die Gists, denen Sie einen Stern gegeben haben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign &amp;In…</source>
        <translation>&amp;Anmelden…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign &amp;Out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <location line="+134"/>
        <source>The token comes from the environment (%1 or %2); unset it to sign out.</source>
        <translation>Das Token stammt aus der Umgebung (%1 oder %2); entfernen Sie die Variable, um sich abzumelden.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the token is in the keychain</source>
        <translation>das Token liegt im Schlüsselbund</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the token comes from the environment</source>
        <translation>das Token stammt aus der Umgebung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no keychain: the token is kept for this session only</source>
        <translation>kein Schlüsselbund: das Token wird nur für diese Sitzung aufbewahrt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Anonymous</source>
        <translation>Anonym</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not signed in (60 requests an hour)</source>
        <translation>Nicht angemeldet (60 Anfragen pro Stunde)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not signed in: requests are anonymous, and GitHub allows 60 of them an hour. Sign in with a token for 5,000.</source>
        <translation>Nicht angemeldet: Anfragen sind anonym, und GitHub erlaubt 60 davon pro Stunde. Melden Sie sich mit einem Token an, um 5.000 zu erhalten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed in to %1; %2</source>
        <translation>Bei %1 angemeldet; %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 on %2; %3</source>
        <translation>%1 auf %2; %3</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Ui::CacheIndicator</name>
    <message>
        <location filename="../ui/cacheindicator.cpp" line="+14"/>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cache: no requests yet</source>
        <translation>Cache: noch keine Anfragen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cache hits: %1 (%2 revalidated) · misses: %3 · calls saved: %4</source>
        <translation>Cache-Treffer: %1 (%2 revalidiert) · Fehltreffer: %3 · gesparte Aufrufe: %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What the local cache did this session:</source>
        <translation>Was der lokale Cache in dieser Sitzung getan hat:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fresh hits (answered without a request): %1</source>
        <translation>Frische Treffer (ohne Anfrage beantwortet): %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revalidated (304, free with a token): %1</source>
        <translation>Revalidiert (304, mit Token kostenlos): %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Misses (fetched and stored): %1</source>
        <translation>Fehltreffer (abgerufen und gespeichert): %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not cacheable: %1</source>
        <translation>Nicht cachebar: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calls saved: %1</source>
        <translation>Gesparte Aufrufe: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes saved: %1</source>
        <translation>Gesparte Bytes: %1</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Ui::CodeView</name>
    <message>
        <location filename="../ui/codeview.cpp" line="+41"/>
        <source>File content</source>
        <translation>Dateiinhalt</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Ui::DetailsPane</name>
    <message>
        <location filename="../ui/detailspane.cpp" line="+50"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a row to see its details</source>
        <translation>Wählen Sie eine Zeile aus, um ihre Details zu sehen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Loading the details</source>
        <translation>Die Details werden geladen</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Ui::ErrorBanner</name>
    <message>
        <location filename="../ui/errorbanner.cpp" line="+32"/>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+57"/>
        <source>Error message</source>
        <translation>Fehlermeldung</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Retry the request</source>
        <translation>Anfrage erneut versuchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the request again</source>
        <translation>Die Anfrage erneut senden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Close the message</source>
        <translation>Meldung schließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Ui::ExplorerView</name>
    <message>
        <location filename="../ui/explorerview.cpp" line="+87"/>
        <location line="+96"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>%1 was renamed to %2; it is shown under its new name.</source>
        <translation>%1 wurde in %2 umbenannt; es wird unter dem neuen Namen gezeigt.</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Nothing to show here; the message above says why.</source>
        <translation>Hier gibt es nichts anzuzeigen; die Meldung oben erklärt, warum.</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Ui::ExportController</name>
    <message>
        <location filename="../ui/exportcontroller.cpp" line="+20"/>
        <source>Export as CSV</source>
        <translation>Als CSV exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Nothing was exported: %1</source>
        <translation>Es wurde nichts exportiert: %1</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Ui::ExportNotice</name>
    <message>
        <location filename="../ui/exportnotice.cpp" line="+21"/>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show in &amp;Folder</source>
        <translation>Im &amp;Ordner zeigen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export finished</source>
        <translation>Export abgeschlossen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open the file in the program your desktop uses for CSV</source>
        <translation>Die Datei mit dem Programm öffnen, das der Desktop für CSV verwendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the folder that holds the file</source>
        <translation>Den Ordner öffnen, der die Datei enthält</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close the message</source>
        <translation>Die Meldung schließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>Exported %Ln row(s) to %1.</source>
        <translation>
            <numerusform>%Ln Zeile nach %1 exportiert.</numerusform>
            <numerusform>%Ln Zeilen nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No program opened %1.</source>
        <translation>Kein Programm hat %1 geöffnet.</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Ui::GistCardDelegate</name>
    <message>
        <location filename="../ui/gistcarddelegate.cpp" line="+71"/>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is too large to preview.</source>
        <translation>%1 ist zu groß für eine Vorschau.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>vor %n Stunde</numerusform>
            <numerusform>vor %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n month(s) ago</source>
        <translation>
            <numerusform>vor %n Monat</numerusform>
            <numerusform>vor %n Monaten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n year(s) ago</source>
        <translation>
            <numerusform>vor %n Jahr</numerusform>
            <numerusform>vor %n Jahren</numerusform>
        </translation>
    </message>
    <message>
        <location line="+47"/>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Public</source>
        <translation>Öffentlich</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Secret</source>
        <translation>Geheim</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>updated %1</source>
        <translation>aktualisiert %1</translation>
    </message>
    <message numerus="yes">
        <location line="-10"/>
        <source>%n comment(s)</source>
        <translation>
            <numerusform>%n Kommentar</numerusform>
            <numerusform>%n Kommentare</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n fork(s)</source>
        <translation>
            <numerusform>%n Fork</numerusform>
            <numerusform>%n Forks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hubshelf::Ui::GistCardsView</name>
    <message>
        <location filename="../ui/gistcardsview.cpp" line="+21"/>
        <source>Gists as cards</source>
        <translation>Gists als Karten</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Ui::GistView</name>
    <message>
        <location filename="../ui/gistview.cpp" line="+72"/>
        <source>Gist</source>
        <translation>Gist</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Owner&apos;s avatar</source>
        <translation>Avatar des Besitzers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Visibility and dates</source>
        <translation>Sichtbarkeit und Daten</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+141"/>
        <source>Star</source>
        <translation>Stern</translation>
    </message>
    <message>
        <location line="-128"/>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The gist&apos;s files</source>
        <translation>Die Dateien des Gists</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>File type and size</source>
        <translation>Dateityp und Größe</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Source</source>
        <translation>Quelltext</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the Markdown source instead of the rendering</source>
        <translation>Den Markdown-Quelltext statt der Darstellung anzeigen</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+322"/>
        <location line="+40"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location line="-362"/>
        <source>Copy the file&apos;s content to the clipboard</source>
        <translation>Den Inhalt der Datei in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open raw</source>
        <translation>Rohdatei öffnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+364"/>
        <source>Open the whole file in the browser</source>
        <translation>Die ganze Datei im Browser öffnen</translation>
    </message>
    <message>
        <location line="-362"/>
        <source>Wrap</source>
        <translation>Umbrechen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wrap long lines (Alt+Z)</source>
        <translation>Lange Zeilen umbrechen (Alt+Z)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Unstar</source>
        <translation>Stern entfernen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sign in to star gists: GitHub keeps stars for accounts.</source>
        <translation>Melden Sie sich an, um Gists einen Stern zu geben: GitHub merkt sich Sterne nur für Konten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Finding out whether you starred this gist…</source>
        <translation>Es wird geprüft, ob Sie diesem Gist einen Stern gegeben haben …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Whether you starred this gist is not known: %1 Click to ask again.</source>
        <translation>Ob Sie diesem Gist einen Stern gegeben haben, ist nicht bekannt: %1 Klicken, um erneut zu fragen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You starred this gist. Unstar it.</source>
        <translation>Sie haben diesem Gist einen Stern gegeben. Stern entfernen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Star this gist: it joins your Starred gists.</source>
        <translation>Diesem Gist einen Stern geben: er kommt zu Ihren Gists mit Stern.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Telling GitHub…</source>
        <translation>GitHub wird benachrichtigt …</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Gist without a description</source>
        <translation>Gist ohne Beschreibung</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Anonymous</source>
        <translation>Anonym</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the profile of %1</source>
        <translation>Das Profil von %1 öffnen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Public</source>
        <translation>Öffentlich</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Secret</source>
        <translation>Geheim</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>revision %1</source>
        <translation>Revision %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As it was at revision %1</source>
        <translation>So, wie er bei Revision %1 war</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>created %1</source>
        <translation>erstellt %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created %1</source>
        <translation>Erstellt %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>updated %1</source>
        <translation>aktualisiert %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated %1</source>
        <translation>Aktualisiert %1</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Copied only the first part of this file (%1 of %2): GitHub sends no more of it here. Open raw shows it whole.</source>
        <translation>Nur der erste Teil dieser Datei wurde kopiert (%1 von %2): GitHub sendet hier nicht mehr davon. „Rohdatei öffnen“ zeigt sie vollständig.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>GitHub did not send the content of this file (%1). Open raw shows it whole.</source>
        <translation>GitHub hat den Inhalt dieser Datei nicht gesendet (%1). „Rohdatei öffnen“ zeigt sie vollständig.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GitHub shows only the first part of this file (%1 of %2). Open raw shows it whole.</source>
        <translation>GitHub zeigt nur den ersten Teil dieser Datei (%1 von %2). „Rohdatei öffnen“ zeigt sie vollständig.</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>Copied first part</source>
        <translation>Erster Teil kopiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Open the whole file in the browser: %1</source>
        <translation>Die ganze Datei im Browser öffnen: %1</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Ui::InsightsView</name>
    <message>
        <location filename="../ui/insightsview.cpp" line="+67"/>
        <source>Include &amp;forks</source>
        <translation>&amp;Forks einbeziehen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Count the owner&apos;s forks too (their history is mostly the original&apos;s)</source>
        <translation>Auch die Forks des Eigentümers zählen (ihre Geschichte ist meist die des Originals)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Listing repositories: page %1 of %2</source>
        <translation>Repositorys werden aufgelistet: Seite %1 von %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listing repositories: page %1</source>
        <translation>Repositorys werden aufgelistet: Seite %1</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Computing statistics: %1 of %n repositories</source>
        <translation>
            <numerusform>Statistik wird berechnet: %1 von %n Repository</numerusform>
            <numerusform>Statistik wird berechnet: %1 von %n Repositorys</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Stopped. Press F5 to start again; what was fetched is in the cache.</source>
        <translation>Angehalten. Mit F5 neu beginnen; was schon geholt wurde, liegt im Cache.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No insights: the message above says why.</source>
        <translation>Keine Auswertung: Die Meldung oben sagt, warum.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Listing repositories…</source>
        <translation>Repositorys werden aufgelistet…</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>&lt;b&gt;%1&lt;/b&gt; · %n repositories · %2 contributors · %3 stars · %4 forks</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; · %n Repository · %2 Mitwirkende · %3 Sterne · %4 Forks</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; · %n Repositorys · %2 Mitwirkende · %3 Sterne · %4 Forks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n commit(s) without a GitHub account are not counted as contributors.</source>
        <translation>
            <numerusform>%n Commit ohne GitHub-Konto zählt nicht als Mitwirkender.</numerusform>
            <numerusform>%n Commits ohne GitHub-Konto zählen nicht als Mitwirkende.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Incomplete: %n repositories left out. Press F5 to ask again.</source>
        <translation>
            <numerusform>Unvollständig: %n Repository ausgelassen. Mit F5 erneut fragen.</numerusform>
            <numerusform>Unvollständig: %n Repositorys ausgelassen. Mit F5 erneut fragen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No commits by GitHub accounts in these repositories</source>
        <translation>Keine Commits von GitHub-Konten in diesen Repositorys</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New contributors per month</source>
        <translation>Neue Mitwirkende pro Monat</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New contributors</source>
        <translation>Neue Mitwirkende</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All contributors so far</source>
        <translation>Alle Mitwirkenden bis dahin</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In all</source>
        <translation>Insgesamt</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: %n new contributor(s), %2 in all</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n neuer Mitwirkender, %2 insgesamt</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n neue Mitwirkende, %2 insgesamt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source> and %n more</source>
        <translation>
            <numerusform> und %n weiterer</numerusform>
            <numerusform> und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No languages detected</source>
        <translation>Keine Sprachen erkannt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Languages by bytes of code</source>
        <translation>Sprachen nach Bytes Code</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>%1: %2 bytes (%3) in %n repositories</source>
        <translation>
            <numerusform>%1: %2 Bytes (%3) in %n Repository</numerusform>
            <numerusform>%1: %2 Bytes (%3) in %n Repositorys</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Other %1</source>
        <translation>Andere %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n other languages</source>
        <translation>
            <numerusform>%n andere Sprache</numerusform>
            <numerusform>%n andere Sprachen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hubshelf::Ui::ListBudgetPrompt</name>
    <message>
        <location filename="../ui/listbudgetprompt.cpp" line="+32"/>
        <source>Load all</source>
        <translation>Alle laden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load %L1 pages</source>
        <translation>%L1 Seiten laden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in for %L1 an hour</source>
        <translation>Anmelden für %L1 pro Stunde</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rate limit question</source>
        <translation>Frage zum Ratenlimit</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fetch every page of the list</source>
        <translation>Alle Seiten der Liste abrufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fetch the next %L1 pages, then ask again</source>
        <translation>Die nächsten %L1 Seiten abrufen, dann erneut fragen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in with a token: GitHub then allows %L1 requests an hour</source>
        <translation>Mit einem Token anmelden: GitHub erlaubt dann %L1 Anfragen pro Stunde</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep the rows so far</source>
        <translation>Die bisherigen Zeilen behalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the rows so far; Continue loads the rest later (Esc)</source>
        <translation>Die bisherigen Zeilen behalten; „Fortsetzen“ lädt den Rest später (Esc)</translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>This list has %Ln page(s)</source>
        <translation>
            <numerusform>Diese Liste hat %Ln Seite</numerusform>
            <numerusform>Diese Liste hat %Ln Seiten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1; %Ln request(s) are left until %2.</source>
        <translation>
            <numerusform>%1; bis %2 bleibt %Ln Anfrage.</numerusform>
            <numerusform>%1; bis %2 bleiben %Ln Anfragen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1; GitHub allows %Ln request(s) an hour.</source>
        <translation>
            <numerusform>%1; GitHub erlaubt %Ln Anfrage pro Stunde.</numerusform>
            <numerusform>%1; GitHub erlaubt %Ln Anfragen pro Stunde.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hubshelf::Ui::ListHeader</name>
    <message>
        <location filename="../ui/listheader.cpp" line="+188"/>
        <source>No list shown</source>
        <translation>Keine Liste angezeigt</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Reset columns</source>
        <translation>Spalten &amp;zurücksetzen</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Ui::ListPane</name>
    <message>
        <location filename="../ui/listpane.cpp" line="+84"/>
        <source>Filter rows (Ctrl+F)</source>
        <translation>Zeilen filtern (Strg+F)</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Filter rows</source>
        <translation>Zeilen filtern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only the rows that contain this text in any column (Ctrl+F; Esc clears)</source>
        <translation>Nur die Zeilen anzeigen, die diesen Text in einer beliebigen Spalte enthalten (Strg+F; Esc leert das Feld)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Row count</source>
        <translation>Anzahl der Zeilen</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <location line="+432"/>
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln Zeile</numerusform>
            <numerusform>%Ln Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <location line="-429"/>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Choose columns</source>
        <translation>Spalten auswählen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose the columns to show</source>
        <translation>Die anzuzeigenden Spalten auswählen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Cards</source>
        <translation>Karten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the gists as cards with a preview, or as a table (Ctrl+Shift+K)</source>
        <translation>Die Gists als Karten mit Vorschau zeigen, oder als Tabelle (Strg+Umschalt+K)</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message numerus="yes">
        <location line="+258"/>
        <source>%1 of %Ln gist(s) contain ‘%2’</source>
        <translation>
            <numerusform>%1 von %Ln Gist enthält ‘%2’</numerusform>
            <numerusform>%1 von %Ln Gists enthalten ‘%2’</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1 of %Ln row(s)</source>
        <translation>
            <numerusform>%1 von %Ln Zeile</numerusform>
            <numerusform>%1 von %Ln Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of ~%2 rows — stopped</source>
        <translation>%1 von ~%2 Zeilen — angehalten</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No rows match ‘%1’ — &lt;a href=&quot;clear&quot;&gt;Clear filter&lt;/a&gt;</source>
        <translation>Keine Zeile passt zu ‚%1‘ — &lt;a href=&quot;clear&quot;&gt;Filter leeren&lt;/a&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing to show: the message above says why.</source>
        <translation>Nichts zu zeigen: Die Meldung oben sagt, warum.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No gists</source>
        <translation>Keine Gists</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No repositories</source>
        <translation>Keine Repositorys</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No pull requests</source>
        <translation>Keine Pull-Requests</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No organizations</source>
        <translation>Keine Organisationen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nobody here</source>
        <translation>Niemand hier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No revisions</source>
        <translation>Keine Revisionen</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Ui::ListProgress</name>
    <message>
        <location filename="../ui/listprogress.cpp" line="+24"/>
        <source>Loading progress</source>
        <translation>Ladefortschritt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pages of the list received so far</source>
        <translation>Bisher empfangene Seiten der Liste</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+63"/>
        <source>page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Stop loading</source>
        <translation>Laden anhalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop loading the list; the rows so far stay (Esc)</source>
        <translation>Das Laden der Liste anhalten; die bisherigen Zeilen bleiben (Esc)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Continue loading</source>
        <translation>Laden fortsetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fetch the pages of the list that are still missing</source>
        <translation>Die noch fehlenden Seiten der Liste abrufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>loading</source>
        <translation>wird geladen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>page %1</source>
        <translation>Seite %1</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+204"/>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Go back to the previous page</source>
        <translation>Zurück zur vorherigen Seite</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Forward</source>
        <translation>&amp;Vorwärts</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Go forward to the next page</source>
        <translation>Vorwärts zur nächsten Seite</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Load the current page again</source>
        <translation>Die aktuelle Seite erneut laden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Go to &amp;Address</source>
        <translation>Zur &amp;Adresse</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;About %1</source>
        <translation>&amp;Über %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Export as CSV…</source>
        <translation>&amp;Exportieren als CSV…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save the list as CSV: the visible columns, filtered and sorted as shown, every page</source>
        <translation>Die Liste als CSV speichern: die sichtbaren Spalten, gefiltert und sortiert wie angezeigt, alle Seiten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Filter Rows</source>
        <translation>Zeilen &amp;filtern</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open on &amp;GitHub</source>
        <translation>Auf &amp;GitHub öffnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the selected row, or what is shown, in the web browser</source>
        <translation>Die ausgewählte Zeile oder das Angezeigte im Webbrowser öffnen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>User, organization, owner/repo, gist id or github.com URL</source>
        <translation>Benutzer, Organisation, Besitzer/Repository, Gist-ID oder github.com-URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type a GitHub user or organization (octocat), a repository (octocat/Hello-World), a gist id or a github.com URL, then press Enter (%1)</source>
        <translation>Geben Sie einen GitHub-Benutzer oder eine Organisation (octocat), ein Repository (octocat/Hello-World), eine Gist-ID oder eine github.com-URL ein und drücken Sie dann die Eingabetaste (%1)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Anonymous</source>
        <translation>Anonym</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not signed in: requests are anonymous, and GitHub allows 60 of them an hour</source>
        <translation>Nicht angemeldet: Anfragen sind anonym, und GitHub erlaubt 60 davon pro Stunde</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Explore GitHub</source>
        <translation>GitHub erkunden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Type a user, an organization, owner/repo or a gist id above, then press Enter.</source>
        <translation>Geben Sie oben einen Benutzer, eine Organisation, Besitzer/Repository oder eine Gist-ID ein und drücken Sie dann die Eingabetaste.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>For example: %1, %2 or %3</source>
        <translation>Zum Beispiel: %1, %2 oder %3</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>No mail program started for %1. Copied the address instead.</source>
        <translation>Kein E-Mail-Programm ist für %1 gestartet. Die Adresse wurde stattdessen kopiert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No web browser started for %1. Copied the link instead.</source>
        <translation>Kein Webbrowser ist für %1 gestartet. Der Link wurde stattdessen kopiert.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Export cancelled; nothing was written.</source>
        <translation>Export abgebrochen; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Offline — %1 %2 was not opened here before, so nothing of it is saved; it opens by itself once GitHub can be reached.</source>
        <translation>Offline — %1 %2 wurde hier noch nie geöffnet, daher ist nichts davon gespeichert; es öffnet sich von selbst, sobald GitHub erreichbar ist.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This place</source>
        <translation>Dieser Ort</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Offline — %1 Places opened before show what was saved; Hubshelf notices by itself when GitHub is back.</source>
        <translation>Offline — %1 Schon geöffnete Orte zeigen, was gespeichert wurde; Hubshelf bemerkt von selbst, wenn GitHub wieder erreichbar ist.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>GitHub can be reached again.</source>
        <translation>GitHub ist wieder erreichbar.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Offline — showing what was saved at %1.</source>
        <translation>Offline — gezeigt wird, was um %1 gespeichert wurde.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Nothing to export yet: the insights are still being computed.</source>
        <translation>Noch nichts zu exportieren: Die Auswertung wird noch berechnet.</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>The rate limit is running out</source>
        <translation>Das Rate-Limit geht zur Neige</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>About %1</source>
        <translation>Über %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;A desktop explorer for the GitHub REST API.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;%3&quot;&gt;%3&lt;/a&gt;&lt;/p&gt;&lt;p&gt;%1 is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License, version 3 or any later version (GPL-3.0-or-later).&lt;/p&gt;&lt;p&gt;Built with Qt %4, running on Qt %5.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;Ein Desktop-Explorer für die GitHub-REST-API.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;%3&quot;&gt;%3&lt;/a&gt;&lt;/p&gt;&lt;p&gt;%1 ist freie Software: Sie können sie unter den Bedingungen der GNU General Public License, Version 3 oder (nach Ihrer Wahl) jeder späteren Version (GPL-3.0-or-later), weitergeben und/oder verändern.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %4, ausgeführt mit Qt %5.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Ui::MarkdownView</name>
    <message>
        <location filename="../ui/markdownview.cpp" line="+47"/>
        <source>image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Rendered Markdown</source>
        <translation>Dargestelltes Markdown</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>[image: %1]</source>
        <translation>[Bild: %1]</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Ui::NetworkLogDock</name>
    <message>
        <location filename="../ui/networklogdock.cpp" line="+23"/>
        <source>Network log</source>
        <translation>Netzwerkprotokoll</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Filter by URL, status or outcome</source>
        <translation>Nach URL, Status oder Ergebnis filtern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter the network log</source>
        <translation>Das Netzwerkprotokoll filtern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove every request from the log</source>
        <translation>Alle Anfragen aus dem Protokoll entfernen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>error: rate-limited</source>
        <translation>Fehler: Ratenlimit erreicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Ui::PlacesColumn</name>
    <message>
        <location filename="../ui/placescolumn.cpp" line="+23"/>
        <source>&amp;State:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Places</source>
        <translation>Orte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What to show of the current user, organization, repository or gist</source>
        <translation>Was vom aktuellen Benutzer, der Organisation, dem Repository oder Gist angezeigt wird</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pull request state</source>
        <translation>Status der Pull-Requests</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which pull requests to list</source>
        <translation>Welche Pull-Requests aufgelistet werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merged</source>
        <translation>Zusammengeführt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Ui::ProfileCard</name>
    <message>
        <location filename="../ui/profilecard.cpp" line="+76"/>
        <source>Repositories</source>
        <translation>Repositorys</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gists</source>
        <translation>Gists</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Followers</source>
        <translation>Follower</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Following</source>
        <translation>Folgt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Avatar</source>
        <translation>Avatar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Account type</source>
        <translation>Kontotyp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bio</source>
        <translation>Biografie</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+27"/>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <location line="-26"/>
        <location line="+27"/>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location line="-24"/>
        <location line="+25"/>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+23"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+23"/>
        <source>Joined</source>
        <translation>Beigetreten</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Open on GitHub</source>
        <translation>Auf GitHub öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the profile on GitHub</source>
        <translation>Das Profil auf GitHub öffnen</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Ui::PullRequestView</name>
    <message>
        <location filename="../ui/pullrequestview.cpp" line="+84"/>
        <source>Pull request</source>
        <translation>Pull-Request</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Author&apos;s avatar</source>
        <translation>Avatar des Autors</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Head branch</source>
        <translation>Head-Branch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base branch</source>
        <translation>Base-Branch</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>into</source>
        <translation>nach</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+86"/>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <location line="-85"/>
        <location line="+83"/>
        <source>Merged</source>
        <translation>Zusammengeführt</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open on GitHub</source>
        <translation>Auf GitHub öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the pull request on GitHub</source>
        <translation>Den Pull-Request auf GitHub öffnen</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>State: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Opened by %1</source>
        <translation>Geöffnet von %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The branch with the changes: %1</source>
        <translation>Der Branch mit den Änderungen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The branch it merges into: %1</source>
        <translation>Der Branch, in den zusammengeführt wird: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No description provided.</source>
        <translation>Keine Beschreibung angegeben.</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Ui::RateLimitChart</name>
    <message>
        <location filename="../ui/ratelimitchart.cpp" line="+29"/>
        <location line="+17"/>
        <source>Remaining</source>
        <translation>Übrig</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Seen by this window</source>
        <translation>Von diesem Fenster gesehen</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1: requests remaining in the window under way</source>
        <translation>%1: verbleibende Anfragen im laufenden Fenster</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: requests remaining over the last 24 hours</source>
        <translation>%1: verbleibende Anfragen der letzten 24 Stunden</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Ui::RateLimitDialog</name>
    <message>
        <location filename="../ui/ratelimitdialog.cpp" line="+67"/>
        <source>Rate limit</source>
        <translation>Ratenlimit</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rate limits per resource</source>
        <translation>Ratenlimits pro Ressource</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Usage</source>
        <translation>Verbrauch</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remaining</source>
        <translation>Verbleibend</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reset</source>
        <translation>Zurücksetzung</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Resource shown</source>
        <translation>Gezeigte Ressource</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Time shown</source>
        <translation>Gezeigter Zeitraum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Window under way</source>
        <translation>Laufendes Fenster</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Re&amp;source:</source>
        <translation>Re&amp;ssource:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;how:</source>
        <translation>&amp;Zeigen:</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask GitHub for every rate limit again (does not count against them)</source>
        <translation>GitHub erneut nach allen Ratenlimits fragen (zählt nicht gegen sie)</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Updated at %1</source>
        <translation>Aktualisiert um %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not read the rate limits: %1</source>
        <translation>Die Ratenlimits konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>%1 usage</source>
        <translation>Verbrauch %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%v of %m used</source>
        <translation>%v von %m verbraucht</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no limit</source>
        <translation>kein Limit</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+32"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Resets at %1</source>
        <translation>Zurückgesetzt um %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>resets in %1</source>
        <translation>setzt in %1 zurück</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reset</source>
        <translation>zurückgesetzt</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Ui::RateLimitIndicator</name>
    <message>
        <location filename="../ui/ratelimitindicator.cpp" line="+116"/>
        <source>Secondary limit · resumes in %1</source>
        <translation>Sekundäres Limit · weiter in %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rate limit: not known yet</source>
        <translation>Ratenlimit: noch nicht bekannt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 spent · resets in %2</source>
        <translation>%1 aufgebraucht · setzt in %2 zurück</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 refilled at %2</source>
        <translation>%1 aufgefüllt um %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 %2/%3</source>
        <translation>%1 %2/%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · resets %2</source>
        <translation>%1 · setzt um %2 zurück</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Rate limit: %1</source>
        <translation>Ratenlimit: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>GitHub&apos;s rate limit for the “%1” resource: %2 of %3 requests left this hour.</source>
        <translation>GitHubs Ratenlimit für die Ressource „%1“: %2 von %3 Anfragen in dieser Stunde übrig.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The limit is refilled at %1 (local time).</source>
        <translation>Das Limit wird um %1 (Ortszeit) aufgefüllt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>GitHub&apos;s rate limit, read from every response.</source>
        <translation>GitHubs Ratenlimit, aus jeder Antwort gelesen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GitHub asked to slow down (secondary limit): requests wait until the pause ends.</source>
        <translation>GitHub bittet darum, langsamer zu werden (sekundäres Limit): Anfragen warten, bis die Pause endet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Without a token GitHub allows 60 requests an hour; with a token, 5,000.</source>
        <translation>Ohne Token erlaubt GitHub 60 Anfragen pro Stunde, mit Token 5.000.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answers revalidated from the cache (304) do not count with a token.</source>
        <translation>Aus dem Cache revalidierte Antworten (304) zählen mit Token nicht.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click or press Enter to see every resource.</source>
        <translation>Klicken oder die Eingabetaste drücken, um alle Ressourcen zu sehen.</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Ui::RowCard</name>
    <message>
        <location filename="../ui/rowcard.cpp" line="+37"/>
        <source>Open on GitHub</source>
        <translation>Auf GitHub öffnen</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Ui::SettingsDialog</name>
    <message numerus="yes">
        <location filename="../ui/settingsdialog.cpp" line="+38"/>
        <source>%Ln response(s)</source>
        <translation>
            <numerusform>%Ln Antwort</numerusform>
            <numerusform>%Ln Antworten</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>API URL</source>
        <translation>API-URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server</source>
        <translation>https://api.github.com oder https://HOST/api/v3 für GitHub Enterprise Server</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Problem with the API URL</source>
        <translation>Problem mit der API-URL</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>GitHub API</source>
        <translation>GitHub-API</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;API URL:</source>
        <translation>&amp;API-URL:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>For GitHub Enterprise Server: https://HOST/api/v3. Tokens are kept per server: sign in to each one.</source>
        <translation>Für GitHub Enterprise Server: https://HOST/api/v3. Tokens werden pro Server aufbewahrt: Melden Sie sich bei jedem an.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Requests at a time</source>
        <translation>Gleichzeitige Anfragen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many requests Hubshelf sends to GitHub at once (1 to 8)</source>
        <translation>Wie viele Anfragen Hubshelf gleichzeitig an GitHub sendet (1 bis 8)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>requests at a time</source>
        <translation>gleichzeitige Anfragen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>At &amp;most:</source>
        <translation>&amp;Höchstens:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GitHub asks clients to keep this low; a long list pages faster with more, at the risk of a secondary rate limit.</source>
        <translation>GitHub bittet Clients, diesen Wert niedrig zu halten; eine lange Liste lädt mit mehr Anfragen schneller, riskiert aber ein sekundäres Ratenlimit.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cache size limit in MiB</source>
        <translation>Obergrenze der Cache-Größe in MiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beyond this, the responses used least recently are dropped</source>
        <translation>Darüber hinaus werden die am längsten nicht verwendeten Antworten verworfen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Clear Cache…</source>
        <translation>Cache &amp;leeren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove every cached response (asks first)</source>
        <translation>Alle zwischengespeicherten Antworten entfernen (mit Rückfrage)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Remove All</source>
        <translation>&amp;Alle entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete every cached response now</source>
        <translation>Alle zwischengespeicherten Antworten jetzt löschen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keep</source>
        <translation>&amp;Behalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave the cache as it is</source>
        <translation>Den Cache unverändert lassen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Size &amp;limit:</source>
        <translation>&amp;Größenlimit:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Now:</source>
        <translation>Jetzt:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Since created:</source>
        <translation>Seit der Erstellung:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Guard against spreadsheet formulas</source>
        <translation>Vor Tabellen&amp;formeln schützen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protects against CSV injection from text that others wrote</source>
        <translation>Schützt vor CSV-Injection durch Text, den andere geschrieben haben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start files with a &amp;byte order mark (BOM)</source>
        <translation>Dateien mit einer &amp;Byte-Order-Markierung (BOM) beginnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Some spreadsheets read UTF-8 correctly only with a BOM</source>
        <translation>Manche Tabellenkalkulationen lesen UTF-8 nur mit BOM richtig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV Export</source>
        <translation>CSV-Export</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cells starting with = + - @ are prefixed with &apos; so spreadsheets do not run them.</source>
        <translation>Zellen, die mit = + - @ beginnen, wird &apos; vorangestellt, damit Tabellenkalkulationen sie nicht ausführen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>For spreadsheets on Windows that would otherwise misread accented letters.</source>
        <translation>Für Tabellenkalkulationen unter Windows, die sonst Umlaute und Akzente falsch lesen würden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save the settings</source>
        <translation>Die Einstellungen speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close without saving (Esc)</source>
        <translation>Ohne Speichern schließen (Esc)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put every setting back to its default (saved by OK)</source>
        <translation>Alle Einstellungen auf ihre Standardwerte zurücksetzen (gespeichert mit OK)</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>The cache is off: every request goes to GitHub.</source>
        <translation>Der Cache ist ausgeschaltet: Jede Anfrage geht an GitHub.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No statistics.</source>
        <translation>Keine Statistik.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hits: %1 (%2 fresh, %3 revalidated) · Misses: %4
Requests saved: %5 · Data not downloaded: %6</source>
        <translation>Treffer: %1 (%2 frisch, %3 revalidiert) · Fehltreffer: %4
Gesparte Anfragen: %5 · Nicht heruntergeladene Daten: %6</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Remove %1 (%2) from the cache? They are fetched again when needed, which costs rate-limit points.</source>
        <translation>%1 (%2) aus dem Cache entfernen? Sie werden bei Bedarf erneut abgerufen, was Ratenlimit-Punkte kostet.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Removed %1.</source>
        <translation>%1 entfernt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not clear the cache: %1</source>
        <translation>Der Cache konnte nicht geleert werden: %1</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Ui::SignInDialog</name>
    <message>
        <location filename="../ui/signindialog.cpp" line="+42"/>
        <source>Sign In to GitHub</source>
        <translation>Bei GitHub anmelden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hubshelf reads the GitHub API with a personal access token. It is checked once with GitHub, then kept in your system keychain.</source>
        <translation>Hubshelf liest die GitHub-API mit einem persönlichen Zugriffstoken. Es wird einmal bei GitHub geprüft und dann im Schlüsselbund Ihres Systems aufbewahrt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;GitHub (github.com)</source>
        <translation>&amp;GitHub (github.com)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in to github.com, through https://api.github.com</source>
        <translation>Bei github.com über https://api.github.com anmelden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GitHub &amp;Enterprise Server</source>
        <translation>GitHub &amp;Enterprise Server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in to your organization&apos;s own GitHub server</source>
        <translation>Beim eigenen GitHub-Server Ihrer Organisation anmelden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>API URL</source>
        <translation>API-URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The API address of the server: https://HOST/api/v3</source>
        <translation>Die API-Adresse des Servers: https://HOST/api/v3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Personal access token</source>
        <translation>Persönliches Zugriffstoken</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paste the token here (ghp_… or github_pat_…)</source>
        <translation>Fügen Sie das Token hier ein (ghp_… oder github_pat_…)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A classic or fine-grained personal access token</source>
        <translation>Ein klassisches oder feingranulares persönliches Zugriffstoken</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Without a token: 60 requests an hour; with one: 5,000.</source>
        <translation>Ohne Token: 60 Anfragen pro Stunde; mit Token: 5.000.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;API URL:</source>
        <translation>&amp;API-URL:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Checking the token</source>
        <translation>Das Token wird geprüft</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Sign In</source>
        <translation>An&amp;melden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the token with GitHub and keep it in the keychain</source>
        <translation>Das Token bei GitHub prüfen und im Schlüsselbund aufbewahren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close without signing in (Esc)</source>
        <translation>Schließen, ohne sich anzumelden (Esc)</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>your server&apos;s Settings → Developer settings</source>
        <translation>Einstellungen → Entwicklereinstellungen Ihres Servers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a token at %1. Read-only is enough: public data needs no scopes; private repositories need &lt;b&gt;repo&lt;/b&gt;.</source>
        <translation>Erstellen Sie ein Token unter %1. Nur-Lesen genügt: Öffentliche Daten brauchen keine Scopes; private Repositorys brauchen &lt;b&gt;repo&lt;/b&gt;.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>[token]</source>
        <translation>[Token]</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Paste a personal access token first.</source>
        <translation>Fügen Sie zuerst ein persönliches Zugriffstoken ein.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Checking the token with %1…</source>
        <translation>Das Token wird bei %1 geprüft…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 answered, but its answer to /user names no account. Is this the API address?</source>
        <translation>%1 hat geantwortet, aber die Antwort auf /user nennt kein Konto. Ist das die API-Adresse?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signed in as %1. Saving the token in the keychain…</source>
        <translation>Angemeldet als %1. Das Token wird im Schlüsselbund gespeichert…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Check the address and your network connection.</source>
        <translation>Prüfen Sie die Adresse und Ihre Netzwerkverbindung.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Is this the API address? On GitHub Enterprise Server it ends in /api/v3.</source>
        <translation>Ist das die API-Adresse? Bei GitHub Enterprise Server endet sie auf /api/v3.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>GitHub accepted the token, but it could not be kept: %1</source>
        <translation>GitHub hat das Token akzeptiert, aber es konnte nicht aufbewahrt werden: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No keychain was found, so the token is kept for this session only: it is not written to disk, and you will need to sign in again the next time.</source>
        <translation>Es wurde kein Schlüsselbund gefunden, daher wird das Token nur für diese Sitzung aufbewahrt: Es wird nicht auf die Festplatte geschrieben, und Sie müssen sich beim nächsten Mal erneut anmelden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signed in as %1.</source>
        <translation>Angemeldet als %1.</translation>
    </message>
</context>
<context>
    <name>Hubshelf::Ui::SpendPanel</name>
    <message>
        <location filename="../ui/spendpanel.cpp" line="+29"/>
        <source>Rate-limit points spent this window, by endpoint</source>
        <translation>In diesem Fenster verbrauchte Rate-Limit-Punkte, nach Endpunkt</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>What each endpoint spent is kept in the cache database, which is not open.</source>
        <translation>Was jeder Endpunkt verbraucht hat, steht in der Cache-Datenbank, die nicht geöffnet ist.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: no window under way; Hubshelf has spent nothing in the last hour.</source>
        <translation>%1: kein Fenster läuft; Hubshelf hat in der letzten Stunde nichts verbraucht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2 of %3 used in the window that resets at %4. Hubshelf spent %5; the cache saved %6.</source>
        <translation>%1: %2 von %3 verbraucht im Fenster, das um %4 zurückgesetzt wird. Hubshelf verbrauchte %5; der Cache sparte %6.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Other tools with this token spent %1.</source>
        <translation>Andere Werkzeuge mit diesem Token verbrauchten %1.</translation>
    </message>
</context>
<context>
    <name>Places</name>
    <message>
        <location filename="../models/places.cpp" line="+22"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gists</source>
        <translation>Gists</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repositories</source>
        <translation>Repositorys</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organizations</source>
        <translation>Organisationen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Followers</source>
        <translation>Follower</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Following</source>
        <translation>Folgt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pull requests</source>
        <translation>Pull-Requests</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insights</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My gists</source>
        <translation>Meine Gists</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starred</source>
        <translation>Mit Stern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revisions</source>
        <translation>Revisionen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forks</source>
        <translation>Forks</translation>
    </message>
</context>
<context>
    <name>QIODevice</name>
    <message>
        <location filename="../app/export/stagedfile.cpp" line="-234"/>
        <source>Unknown error</source>
        <translation>Unbekannter Fehler</translation>
    </message>
</context>
</TS>
