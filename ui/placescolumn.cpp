#include "ui/placescolumn.h"

#include "github/endpoints.h"
#include "widgets/titlefont.h"

#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui {

using Models::Place;

PlacesColumn::PlacesColumn(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_places(new QListWidget(this))
    , m_pullStateLabel(new QLabel(tr("&State:"), this))
    , m_pullState(new QComboBox(this))
{
    setObjectName(u"placesColumn"_s);
    m_title->setObjectName(u"targetTitle"_s);
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText); // a GitHub name is text, never markup
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    Widgets::setTitleFont(m_title, 1.15);

    m_places->setObjectName(u"placesList"_s);
    m_places->setAccessibleName(tr("Places"));
    m_places->setToolTip(tr("What to show of the current user, organization, repository or gist"));
    m_places->setFrameShape(QFrame::NoFrame);
    m_places->setUniformItemSizes(true);
    m_places->setSpacing(1);
    connect(m_places, &QListWidget::itemActivated, this, &PlacesColumn::choosePlace);
    connect(m_places, &QListWidget::itemClicked, this, &PlacesColumn::choosePlace);

    m_pullState->setObjectName(u"pullStateBox"_s);
    m_pullState->setAccessibleName(tr("Pull request state"));
    m_pullState->setToolTip(tr("Which pull requests to list"));
    const QStringList &pullStates = GitHub::Endpoints::pullRequestStates();
    m_pullState->addItem(tr("Open"), pullStates.at(0));
    m_pullState->addItem(tr("Closed"), pullStates.at(1));
    m_pullState->addItem(tr("Merged"), GitHub::Endpoints::mergedPullState());
    m_pullState->addItem(tr("All"), pullStates.at(2));
    m_pullStateLabel->setBuddy(m_pullState);
    connect(m_pullState, &QComboBox::activated, this,
            [this] { Q_EMIT pullStateChosen(m_pullState->currentData().toString()); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 4, 8);
    layout->addWidget(m_title);
    layout->addSpacing(4);
    layout->addWidget(m_places, 1);
    // The State label and box are not laid out here: the list's bar holds them, beside the
    // filter they work with (ExplorerView puts them there).
    setPlaces({}, Place::Profile, QString());
}

PlacesColumn::~PlacesColumn() = default;

void PlacesColumn::setTitle(const QString &title)
{
    m_title->setText(title);
}

void PlacesColumn::setPlaces(const QList<Place> &places, Place current, const QString &pullState)
{
    const QSignalBlocker blocker(m_places);
    m_places->clear();
    for (const Place place : places) {
        auto *item = new QListWidgetItem(Models::placeTitle(place), m_places);
        item->setData(Qt::UserRole, int(place));
        if (place == current) {
            m_places->setCurrentItem(item);
        }
    }
    const bool pulls = places.contains(Place::PullRequests);
    m_pullStateLabel->setVisible(pulls);
    m_pullState->setVisible(pulls);
    if (pulls) {
        m_pullState->setCurrentIndex(std::max(0, m_pullState->findData(pullState)));
    }
}

void PlacesColumn::choosePlace()
{
    if (const QListWidgetItem *item = m_places->currentItem()) {
        Q_EMIT placeChosen(Place(item->data(Qt::UserRole).toInt()));
    }
}

} // namespace Hubshelf::Ui
