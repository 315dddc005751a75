// The shipped scorecard measured on the held-out half of the evaluation set
// (tests/data/scoring/eval/README.md): wording by writers whose lines were never read to
// tune anything. Each criterion's balanced accuracy (and the share of interactions
// auto-failed for a violation that did not happen) may not get worse than the figures
// recorded in heldout-floor.json, written by
//   qaw evaluate heldout/*.tsv heldout/*.jsonl --compose 3000 --seed 7 --format json
// and written again only when a deliberate change moves them, with the reason in
// docs/scoring.md ("Accuracy").
#include "evaluation/AccuracyEvaluation.h"
#include "evaluation/EvaluationComposer.h"
#include "scoring/ScorecardScorer.h"
#include "storage/DefaultContent.h"

#include "TestPaths.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace qaw;

namespace {

const QString kEval = QStringLiteral(QAW_TEST_DATA_DIR "/scoring/eval/");
constexpr int kComposed = 3000;
constexpr quint64 kComposeSeed = 7;
//! The recorded figures have four decimals.
constexpr double kRounding = 0.00005;

std::unique_ptr<ScorecardScorer> compileCard(const QByteArray &json)
{
    QStringList errors;
    const auto card = Scorecard::fromJson(json, &errors);
    return card ? ScorecardScorer::compile(*card, &errors) : nullptr;
}

QStringList files(const QString &dir, const QString &pattern)
{
    QStringList out;
    for (const QString &name : QDir(kEval + dir).entryList({pattern}, QDir::Files, QDir::Name))
        out << kEval + dir + QLatin1Char('/') + name;
    return out;
}

struct HeldOut
{
    std::vector<LabelledUtterance> utterances;
    std::vector<LabelledInteraction> interactions;
};

HeldOut readHeldOut()
{
    HeldOut h;
    QString error;
    for (const QString &path : files(QStringLiteral("heldout"), QStringLiteral("*.tsv"))) {
        const auto read = readLabelledUtterances(path, &error);
        if (read)
            h.utterances.insert(h.utterances.end(), read->begin(), read->end());
    }
    for (const QString &path : files(QStringLiteral("heldout"), QStringLiteral("*.jsonl"))) {
        const auto read = readLabelledInteractions(path, &error);
        if (read)
            h.interactions.insert(h.interactions.end(), read->begin(), read->end());
    }
    return h;
}

//! Every criterion of \a now at least as accurate as in \a floor; the ones that are not.
QStringList worseThan(const QJsonObject &now, const QJsonObject &floor, const QString &part)
{
    QStringList worse;
    for (const QJsonValue &f : floor.value(QStringLiteral("criteria")).toArray()) {
        const QString id = f[QStringLiteral("criterion")].toString();
        double current = -1;
        for (const QJsonValue &c : now.value(QStringLiteral("criteria")).toArray())
            if (c[QStringLiteral("criterion")].toString() == id)
                current = c[QStringLiteral("balanced_accuracy")].toDouble(-1);
        const double recorded = f[QStringLiteral("balanced_accuracy")].toDouble();
        if (current < recorded - kRounding)
            worse << QStringLiteral("%1 %2: %3 < %4").arg(part, id).arg(current).arg(recorded);
    }
    return worse;
}

double falseAutoFailRate(const QJsonObject &report)
{
    const int items = report.value(QStringLiteral("items")).toInt();
    return items == 0 ? 0 : report.value(QStringLiteral("falsely_auto_failed")).toDouble() / items;
}

} // namespace

class TestScoringAccuracy : public QObject
{
    Q_OBJECT

    HeldOut m_heldOut;
    QJsonObject m_floor;

    QJsonObject measure(const ScorecardScorer &scorer) const
    {
        const auto composed = composeInteractions(m_heldOut.utterances, kComposed, kComposeSeed);
        return {{QStringLiteral("utterances"),
                 accuracyToJson(evaluateUtterances(scorer, m_heldOut.utterances))},
                {QStringLiteral("interactions"),
                 accuracyToJson(evaluateInteractions(scorer, m_heldOut.interactions))},
                {QStringLiteral("composed"), accuracyToJson(evaluateInteractions(scorer, composed))}};
    }

    QStringList regressions(const QJsonObject &now) const
    {
        QStringList worse;
        for (const QString &part : {QStringLiteral("utterances"), QStringLiteral("interactions"),
                                    QStringLiteral("composed")}) {
            worse << worseThan(now.value(part).toObject(), m_floor.value(part).toObject(), part);
            const double rate = falseAutoFailRate(now.value(part).toObject());
            const double recorded = falseAutoFailRate(m_floor.value(part).toObject());
            if (rate > recorded + kRounding)
                worse << QStringLiteral("%1: %2 of interactions auto-failed for nothing, recorded %3")
                             .arg(part)
                             .arg(rate)
                             .arg(recorded);
        }
        return worse;
    }

private slots:
    void initTestCase()
    {
        m_heldOut = readHeldOut();
        QCOMPARE(m_heldOut.utterances.size(), size_t(1260));
        QCOMPARE(m_heldOut.interactions.size(), size_t(80));
        QFile floor(kEval + QStringLiteral("heldout-floor.json"));
        QVERIFY(floor.open(QIODevice::ReadOnly));
        m_floor = QJsonDocument::fromJson(floor.readAll()).object();
        QVERIFY(!m_floor.value(QStringLiteral("utterances")).toObject().isEmpty());
    }

    void heldOutFiguresDoNotDrop()
    {
        const auto scorer = compileCard(defaultScorecardJson());
        QVERIFY(scorer);
        const QStringList worse = regressions(measure(*scorer));
        QVERIFY2(worse.isEmpty(), qPrintable(worse.join(QLatin1Char('\n'))));
    }

    // The guard can fail: the same scorecard with empathy back on a short phrase list
    // (as before concepts) must fall below the recorded figures.
    void theGuardCatchesAWorseDetector()
    {
        QJsonObject card = QJsonDocument::fromJson(defaultScorecardJson()).object();
        QJsonArray sections = card.value(QStringLiteral("sections")).toArray();
        for (qsizetype s = 0; s < sections.size(); ++s) {
            QJsonObject section = sections[s].toObject();
            QJsonArray criteria = section.value(QStringLiteral("criteria")).toArray();
            for (qsizetype c = 0; c < criteria.size(); ++c) {
                QJsonObject criterion = criteria[c].toObject();
                if (criterion.value(QStringLiteral("id")).toString() != QLatin1String("empathy"))
                    continue;
                criterion.insert(QStringLiteral("detector"),
                                 QJsonObject{{QStringLiteral("type"), QStringLiteral("phrases")},
                                             {QStringLiteral("speaker"), QStringLiteral("agent")},
                                             {QStringLiteral("phrases"),
                                              QJsonArray{QStringLiteral("i understand"),
                                                         QStringLiteral("sorry to hear")}}});
                criteria[c] = criterion;
            }
            section.insert(QStringLiteral("criteria"), criteria);
            sections[s] = section;
        }
        card.insert(QStringLiteral("sections"), sections);
        const auto scorer = compileCard(QJsonDocument(card).toJson());
        QVERIFY(scorer);
        const QStringList worse = regressions(measure(*scorer));
        QVERIFY(!worse.isEmpty());
        QVERIFY2(worse.join(QLatin1Char(' ')).contains(QLatin1String("empathy")),
                 qPrintable(worse.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestScoringAccuracy)
#include "TestScoringAccuracy.moc"
