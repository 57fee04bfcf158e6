#pragma once

#include "models/navigator.h"

#include <QList>
#include <QString>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;

namespace Hubshelf::Ui {

// The explorer's left column: the current target's name, its places (repositories, gists,
// members ...) and, beside pull requests, the state to list. It shows what it is given and tells
// what the person chose; the Navigator decides what follows.
class PlacesColumn final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlacesColumn)

public:
    explicit PlacesColumn(QWidget *parent = nullptr);
    ~PlacesColumn() override;

    void setTitle(const QString &title);
    // `places`, with `current` chosen. The state box shows only beside pull requests, at
    // `pullState` (one of GitHub::Endpoints::pullRequestStates()).
    void setPlaces(const QList<Models::Place> &places, Models::Place current, const QString &pullState);

    QListWidget *placesList() const { return m_places; }
    QComboBox *pullStateBox() const { return m_pullState; }
    QLabel *pullStateLabel() const { return m_pullStateLabel; }

Q_SIGNALS:
    void placeChosen(Hubshelf::Models::Place place);
    void pullStateChosen(const QString &state); // one of GitHub::Endpoints::pullRequestStates()

private:
    void choosePlace();

    QLabel *m_title = nullptr;
    QListWidget *m_places = nullptr;
    QLabel *m_pullStateLabel = nullptr;
    QComboBox *m_pullState = nullptr;
};

} // namespace Hubshelf::Ui
