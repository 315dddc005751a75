#pragma once

#include <QSqlDatabase>
#include <QString>

namespace qaw {

//! The id of \a text in rationale_texts (criterion scores name their rationale by id,
//! each distinct text stored once), added when new. For the one-at-a-time writers
//! (EvaluationStore, human evaluations); the batch writer keeps its own cache. Returns
//! -1 with \a error set on a database error. A null \a text is the empty text.
qint64 rationaleTextId(const QSqlDatabase &db, const QString &text, QString *error);

} // namespace qaw
