#pragma once
// Helpers shared by the import tests: a fresh workspace in a temporary folder and
// one-value queries against it.

#include "TestPaths.h"
#include "storage/Workspace.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QVariant>

#include <memory>

namespace qaw::test {

inline QString importData(const QString &relative)
{
    return QStringLiteral(QAW_TEST_DATA_DIR "/import/") + relative;
}

inline std::unique_ptr<Workspace> newWorkspace(const QTemporaryDir &dir,
                                               const QString &name = QStringLiteral("w.qaw"))
{
    auto ws = std::make_unique<Workspace>();
    if (!ws->open(dir.filePath(name), Workspace::OpenMode::CreateIfMissing))
        return nullptr;
    return ws;
}

inline QVariant scalar(Workspace &ws, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(ws.database());
    q.prepare(sql);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0);
}

//! FTS5's own check of the search index against its content, the transcripts view: fails
//! when a transcript is missing, indexed twice, or indexed with other text.
inline bool searchIndexAgreesWithTurns(Workspace &ws)
{
    return QSqlQuery(ws.database())
        .exec(QStringLiteral(
            "INSERT INTO transcript_fts(transcript_fts, rank) VALUES('integrity-check', 1)"));
}

inline bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

} // namespace qaw::test
