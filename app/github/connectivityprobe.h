#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace Hubshelf::GitHub {

// Notices when GitHub can be reached again, so that a window gone offline comes back by itself.
// It asks `{api}/rate_limit` without a token (free, and no token travels for a probe), first after
// 2 s, then 4, 8 ... every 60 s at most; any HTTP answer means reachable. Where Qt knows the
// system's reachability (QNetworkInformation), a change to online asks at once.
class ConnectivityProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectivityProbe)

public:
    static constexpr int FirstDelayMs = 2000;
    static constexpr int MaxDelayMs = 60 * 1000;
    static constexpr int AnswerTimeoutMs = 10 * 1000;

    explicit ConnectivityProbe(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~ConnectivityProbe() override;

    // Starts asking `apiBase` (again from the first delay); stop() ends it.
    void start(const QUrl &apiBase);
    void stop();
    bool isRunning() const { return m_running; }
    // Tests make the delays short.
    void setFirstDelay(int milliseconds) { m_firstDelayMs = milliseconds; }

Q_SIGNALS:
    void reachable();

private:
    void probe();
    void answered(QNetworkReply *reply);
    void systemOnline();

    QNetworkAccessManager *m_network = nullptr;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timer;
    QUrl m_url;
    int m_firstDelayMs = FirstDelayMs;
    int m_delayMs = FirstDelayMs;
    bool m_running = false;
};

} // namespace Hubshelf::GitHub
