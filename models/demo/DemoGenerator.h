#pragma once

#include "domain/Interaction.h"

#include <QDate>
#include <QString>

#include <functional>
#include <random>
#include <vector>

namespace qaw {

//! How one synthetic agent behaves. Rates are probabilities per interaction; an agent
//! with a coaching date behaves as "before" until then and as "after" from then on.
struct DemoAgentProfile
{
    QString id;
    QString name;
    QString team;
    double greeting = 0.95;
    double verification = 0.9;
    double empathy = 0.8;
    double negativity = 0.03;
    double holdEtiquette = 0.85;
    double deadAir = 0.08;
    double resolution = 0.8;
    double closing = 0.9;
    double ownership = 0.8;
    QDate coachingDate;       //!< invalid: never coached
    double improvedEmpathy = 0;  //!< empathy rate after coaching
    double improvedGreeting = 0; //!< greeting rate after coaching
};

//! What the demo agent really did in one interaction, which the generator knows and the
//! demo's reviewers judge by (demo/DemoReviews).
struct DemoTruth
{
    bool voice = false;
    bool email = false;
    bool greeted = false;
    bool verified = false;
    bool empathic = false;
    bool negative = false;
    bool held = false;
    bool politeHold = false;
    bool deadAir = false;
    bool resolved = false;
    bool owned = false;
    bool closed = false;
};

struct DemoCoachingSession
{
    QString agentId;
    QDate date;
    QStringList focus;
    QString notes;
};

//! Deterministic generator of realistic contact-centre data: same seed, same data,
//! on every platform (it draws from mt19937_64 directly, never from the standard
//! distributions, whose output differs between standard libraries).
class DemoGenerator
{
public:
    explicit DemoGenerator(quint64 seed, int interactionCount = 20000);

    const std::vector<DemoAgentProfile> &agents() const { return m_agents; }
    std::vector<DemoCoachingSession> coachingSessions() const;
    QDate firstDay() const { return m_firstDay; }
    QDate lastDay() const { return m_lastDay; }

    //! Calls \a sink once per interaction, in order of start time.
    void generate(const std::function<void(const Interaction &)> &sink);
    //! Ends every turn with a reference number of its own, so that no two turn texts are
    //! the same. The interactions are otherwise as without it (it draws from a random
    //! generator of its own).
    void setUniqueTurns(bool unique) { m_uniqueTurns = unique; }
    //! Also tells \a sink, for each interaction (by external id), what its agent did.
    void setTruthSink(std::function<void(const QString &externalId, const DemoTruth &)> sink)
    {
        m_truthSink = std::move(sink);
    }

private:
    double uniform();
    int below(int n);
    bool chance(double p) { return uniform() < p; }
    template <typename T> const T &pick(const std::vector<T> &items)
    {
        return items[size_t(below(int(items.size())))];
    }
    void makeAgents();
    Interaction makeInteraction(int index, qint64 startMs, const QString &customerId,
                                bool isRepeat, DemoTruth *truth);

    std::mt19937_64 m_rng;
    int m_count;
    QDate m_firstDay;
    QDate m_lastDay;
    std::vector<DemoAgentProfile> m_agents;
    bool m_uniqueTurns = false;
    std::function<void(const QString &, const DemoTruth &)> m_truthSink;
    quint64 m_turnsMade = 0;
};

} // namespace qaw
