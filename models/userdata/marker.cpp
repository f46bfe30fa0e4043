#include "userdata/marker.h"

#include <QStringList>
#include <QUuid>

using namespace Qt::StringLiterals;

QStringList Marker::knownKinds()
{
    return {u"statement"_s, u"quotation"_s, u"allusion"_s, u"fragment"_s, u"variation"_s};
}

QString Marker::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}
