#pragma once

#include <QString>

namespace RefusedWrites {

// The message every refused write fails with.
inline constexpr char16_t Reason[] = u"disk full";

// From a connection of its own, makes every insert into and every delete from table of the
// SQLite file at path fail with Reason, as a full disk would. False, with a warning, when it
// could not.
bool refuse(const QString &path, const QString &table);

} // namespace RefusedWrites
