#include "panes/releasepane.h"

#include "catalog/timecode.h"
#include "covers/coverloader.h"
#include "covers/coversourcefinder.h"
#include "covers/typographiccover.h"
#include "itemmodels/catalogmodel.h"
#include "panes/panebrowser.h"
#include "panes/panehtml.h"

#include <QSet>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

QImage placeholderCover(int side, qreal devicePixelRatio)
{
    QImage image(QSize(side, side) * devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(Qt::transparent);
    return image;
}

} // namespace

ReleasePane::ReleasePane(const CatalogModel *catalogs, QWidget *parent)
    : QWidget(parent)
    , m_catalogs(catalogs)
{
    Q_ASSERT(catalogs);
    m_browser = new PaneBrowser(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);
    setFocusProxy(m_browser);

    connect(m_browser, &PaneBrowser::locationActivated, this, &ReleasePane::locationActivated);
    connect(m_browser, &PaneBrowser::actionRequested, this, &ReleasePane::actionRequested);
    connect(
        m_browser, &PaneBrowser::refreshDue, this, [this] { render(PaneBrowser::Scroll::Keep); });
    connect(catalogs, &CatalogModel::fileStateChanged, this, [this](const CueKey &cue) {
        if (cue.catalogId == m_catalogId && holdsCue(cue.cueId))
            m_browser->refreshLater();
    });
    // The pane keeps ids, not pointers: when catalogs come and go it looks its release up again.
    connect(catalogs, &CatalogModel::catalogsChanged, this, &ReleasePane::refresh);
}

void ReleasePane::showRelease(const QString &catalogId, const QString &releaseId)
{
    const Catalog *catalog = m_catalogs->catalog(catalogId);
    const Release *release = catalog ? catalog->release(releaseId) : nullptr;
    if (!release) {
        clear();
        return;
    }
    m_catalogId = catalogId;
    m_releaseId = releaseId;
    updateCover(*release);
    render();
}

void ReleasePane::clear()
{
    m_catalogId.clear();
    m_releaseId.clear();
    m_cover = QImage();
    m_browser->clearImages();
    m_browser->setPageHtml(QString());
}

void ReleasePane::refresh()
{
    const Catalog *catalog = m_catalogs->catalog(m_catalogId);
    if (!catalog || !catalog->release(m_releaseId))
        clear();
    else
        render();
}

void ReleasePane::render(PaneBrowser::Scroll scroll)
{
    const Catalog *catalog = m_catalogs->catalog(m_catalogId);
    const Release *release = catalog ? catalog->release(m_releaseId) : nullptr;
    if (!release)
        return;
    m_browser->clearImages();
    m_browser->setImage(coverName(), m_cover);
    // The catalog format never pads a partial list, so the pane must say that it is one.
    const QString partialNote = release->complete
        ? QString()
        : PaneHtml::note(tr("Partial track list:"), tr("the sources name only these tracks."));
    m_browser->setPageHtml(
        headerHtml(*catalog, *release) + partialNote + excerptsHtml(*catalog, *release), scroll);
}

QString ReleasePane::headerHtml(const Catalog &catalog, const Release &release) const
{
    const QSizeF coverSize = m_cover.deviceIndependentSize();
    return u"<table style=\"margin-bottom: 8px;\" width=\"100%\" cellspacing=\"0\" "
           u"cellpadding=\"0\"><tr>"
           "<td valign=\"top\" width=\"%1\"><img src=\"%2\" width=\"%3\" height=\"%4\"></td>"
           "<td valign=\"top\" class=\"beside\">"_s.arg(QString::number(CoverSide),
               coverName().toHtmlEscaped(), QString::number(qRound(coverSize.width())),
               QString::number(qRound(coverSize.height())))
        + PaneHtml::title(release.title) + PaneHtml::subtitle(PaneHtml::nameList(release.artists))
        + factsHtml(catalog, release) + u"</td></tr></table>"_s;
}

QString ReleasePane::factsHtml(const Catalog &catalog, const Release &release) const
{
    QSet<int> discs;
    bool someUnknown = false;
    for (const Track &track : release.tracks) {
        discs.insert(track.disc);
        someUnknown = someUnknown || track.durationMs < 0;
    }
    const int count = release.tracks.size();
    QString tracks = count == 1 ? tr("1 track") : tr("%1 tracks").arg(count);
    if (discs.size() > 1)
        tracks = tr("%1 on %2 discs").arg(tracks).arg(discs.size());

    const qint64 known = CatalogModel::knownDurationMs(release);
    QString runningTime = tr("unknown");
    if (known >= 0) {
        runningTime = TimeCode::formatSeconds(known);
        // The sum of the durations the catalog gives, said as no more than that.
        if (someUnknown)
            runningTime = tr("at least %1").arg(runningTime);
    }

    using PaneHtml::escaped;
    return PaneHtml::facts({
        {tr("Label"), escaped(release.label)},
        {tr("Released"), escaped(PaneHtml::readableDate(release.date))},
        {tr("Format"), escaped(release.format)},
        {tr("Catalog number"), escaped(release.catalogNumber)},
        {tr("Tracks"), escaped(tracks)},
        {tr("Running time"), escaped(runningTime)},
        {tr("Audio files"), filesHtml(catalog, release)},
        // With one catalog open, naming it says nothing.
        {tr("Catalog"), m_catalogs->isGroupedByCatalog() ? escaped(catalog.title) : QString()},
    });
}

QString ReleasePane::filesHtml(const Catalog &catalog, const Release &release) const
{
    int linked = 0;
    int absent = 0;
    for (const Track &track : release.tracks) {
        switch (m_catalogs->fileState({catalog.id, track.cueId})) {
        case FileState::Linked:
            ++linked;
            break;
        case FileState::Missing:
        case FileState::Unplayable:
            ++absent;
            break;
        case FileState::None:
            break;
        }
    }
    if (linked + absent == 0)
        return PaneHtml::escaped(tr("none linked yet"));
    const int count = int(release.tracks.size());
    QStringList parts {count == 1 ? tr("%1 of 1 track").arg(linked)
                                  : tr("%1 of %2 tracks").arg(linked).arg(count)};
    if (absent > 0)
        parts.append(tr("%1 missing or unplayable").arg(absent));
    QString html = PaneHtml::escaped(parts.join(u" · "));
    if (linked > 0) {
        const PaneAction play {PaneAction::PlayRelease,
            {Location::Cue, catalog.id, release.tracks.constFirst().cueId, release.id}, 0, {}};
        html += u" · "_s
            + PaneHtml::actionLink(play, tr("▶ Play release"),
                tr("Play the tracks that have a file, in album order (Ctrl+P)"));
    }
    return html;
}

bool ReleasePane::holdsCue(const QString &cueId) const
{
    const Catalog *catalog = m_catalogs->catalog(m_catalogId);
    const Release *release = catalog ? catalog->release(m_releaseId) : nullptr;
    return release
        && std::any_of(release->tracks.cbegin(), release->tracks.cend(),
            [&](const Track &track) { return track.cueId == cueId; });
}

QString ReleasePane::excerptsHtml(const Catalog &catalog, const Release &release) const
{
    return PaneHtml::excerptSection(catalog, catalog.excerptsOfRelease(release.id),
        Location {Location::Release, catalog.id, release.id, {}},
        tr("No excerpts about this release yet."));
}

void ReleasePane::setCovers(CoverLoader *loader, const CoverSourceFinder *sources)
{
    m_coverLoader = loader;
    m_coverSources = sources;
    connect(loader, &CoverLoader::coverLoaded, this, [this](const QString &key) {
        if (key != CoverSourceFinder::keyOf(m_catalogId, m_releaseId))
            return;
        const Catalog *catalog = m_catalogs->catalog(m_catalogId);
        if (const Release *release = catalog ? catalog->release(m_releaseId) : nullptr) {
            updateCover(*release);
            render(PaneBrowser::Scroll::Keep);
        }
    });
}

void ReleasePane::updateCover(const Release &release)
{
    const qreal ratio = devicePixelRatioF();
    if (!m_coverLoader) {
        m_cover = TypographicCover::render(release.title, release.artists,
            CoverSourceFinder::keyOf(m_catalogId, m_releaseId), CoverSide, ratio);
        return;
    }
    const QPixmap cover = m_coverLoader->cover(
        m_coverSources->sourcesFor(m_catalogId, m_releaseId), CoverSide, ratio);
    // Blank rather than drawn while the file is read: a drawn cover that flashes up and is
    // replaced a moment later would look like a mistake.
    m_cover = cover.isNull() ? placeholderCover(CoverSide, ratio) : cover.toImage();
}

QString ReleasePane::coverName() const
{
    return u"cover:"_s + m_catalogId + u'/' + m_releaseId;
}
