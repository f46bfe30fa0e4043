#pragma once

#include "navigation/location.h"

#include <QUrl>

// Something a pane asks the window to do for a cue, carried by a link the user clicks:
// cuebook-action:<kind>/<catalog>/<cue>[?release=…&at=<ms>&path=…]. It never acts by itself;
// the window decides (a file dialog, the player, the user database).
struct PaneAction
{
    enum Kind {
        None,
        Play, // the cue from startMs (a theme's entrance), then nothing else
        PlayRelease, // the cue's release (cue.releaseId) from that cue on, in album order
        Seek, // the cue, which is the one playing, to startMs; the queue stays as it is
        LinkFile, // choose audio files for the cue
        LocateFile, // find a missing file (path) again
        PreferFile, // make path the file that plays
        UnlinkFile, // forget path for the cue; the file itself is untouched
        ShowFile, // open the folder that holds path in the desktop's file manager
    };

    Kind kind = None;
    // Always a cue; its releaseId is the release it was reached through, when known.
    Location cue;
    qint64 startMs = 0;
    QString path;

    bool isValid() const { return kind != None; }
    friend bool operator==(const PaneAction &, const PaneAction &) = default;
};

namespace PaneActionLink {

inline constexpr QLatin1StringView Scheme {"cuebook-action"};

QUrl toUrl(const PaneAction &action);
// An invalid action for anything that is not a well-formed action link.
PaneAction fromUrl(const QUrl &url);

} // namespace PaneActionLink
