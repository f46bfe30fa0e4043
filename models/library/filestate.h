#pragma once

// Whether a cue can be played from the user's own files. Unplayable: the file is there but would
// not play this session (it does not decode, is empty or truncated); a later check of the disk or
// a new link decides again.
enum class FileState { None, Linked, Missing, Unplayable };
