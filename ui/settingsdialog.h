#pragma once

#include "settings/preferences.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QWidget;

namespace Hubshelf::Settings {
class AppSettings;
}
namespace Hubshelf::Cache {
class EtagCache;
struct CacheStatistics;
} // namespace Hubshelf::Cache

namespace Hubshelf::Ui {

// Edits the Preferences: the API URL, requests at a time, the cache's size cap (with its current
// size, lifetime statistics and an inline-confirmed "Clear cache"), and the CSV options. OK saves
// through AppSettings and emits settingsChanged() when anything changed; applying them is the job
// of whoever listens to AppSettings::changed() (main.cpp for the cache and the client).
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    // `settings` is not owned and must outlive the dialog. `cache` may be null (no cache); when not,
    // it must outlive the dialog. The cache is shown and cleared here, never configured.
    SettingsDialog(Settings::AppSettings *settings, Cache::EtagCache *cache, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // What was loaded, or saved by the last OK.
    Settings::Preferences settings() const { return m_saved; }
    // What the form shows now; the API URL is empty when the field does not hold a valid one.
    Settings::Preferences values() const;
    void setValues(const Settings::Preferences &values);

    // The form back to the defaults (saved only by OK).
    void restoreDefaults();
    // Shows the inline question; confirmClearCache() answers it.
    void requestClearCache();
    void confirmClearCache();
    void refreshCacheInfo();

public Q_SLOTS:
    // Refuses an invalid API URL with a sentence next to the field; otherwise saves and closes.
    void accept() override;

Q_SIGNALS:
    void settingsChanged();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void showApiUrlProblem(const QString &text);
    void hideClearQuestion();
    QLabel *addHint(const QString &text, QWidget *parent);
    void updateHintColours();

    Settings::AppSettings *m_settings;
    Cache::EtagCache *m_cache;
    Settings::Preferences m_saved;

    QLineEdit *m_apiUrlField = nullptr;
    QLabel *m_apiUrlProblem = nullptr;
    QSpinBox *m_concurrency = nullptr;
    QSpinBox *m_cacheLimit = nullptr;
    QLabel *m_cacheSize = nullptr;
    QLabel *m_cacheStatistics = nullptr;
    QPushButton *m_clearButton = nullptr;
    QWidget *m_clearQuestion = nullptr;
    QLabel *m_clearQuestionText = nullptr;
    QPushButton *m_confirmClearButton = nullptr;
    QPushButton *m_keepButton = nullptr;
    QLabel *m_clearResult = nullptr;
    QCheckBox *m_formulaGuard = nullptr;
    QCheckBox *m_byteOrderMark = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QList<QLabel *> m_hints;
};

} // namespace Hubshelf::Ui
