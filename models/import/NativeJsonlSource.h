#pragma once

#include <QString>

namespace qaw {

//! The source name of interactions read from native JSON Lines (docs/native-jsonl.md),
//! shared by the QJsonDocument path and the fast path.
inline QString nativeJsonlSource()
{
    return QStringLiteral("jsonl");
}

} // namespace qaw
