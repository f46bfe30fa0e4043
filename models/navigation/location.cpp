#include "navigation/location.h"

QStringList Location::toStringList() const
{
    return {QString::number(kind), catalogId, id, releaseId};
}

Location Location::fromStringList(const QStringList &fields)
{
    if (fields.size() != 4)
        return {};
    bool ok = false;
    const int kind = fields.at(0).toInt(&ok);
    if (!ok || kind < Release || kind > Theme || fields.at(1).isEmpty() || fields.at(2).isEmpty())
        return {};
    return {Kind(kind), fields.at(1), fields.at(2), fields.at(3)};
}
