#pragma once

#include <QString>

#include <vector>

namespace qaw::demo {

//! What a customer rings about, per team: the opening complaint, what the agent does
//! about it, and how the agent explains the fix.
struct Scenario
{
    QString team;
    QString queue;
    QString tag;
    std::vector<QString> problems;
    std::vector<QString> actions;
    std::vector<QString> fixes;
};

const std::vector<Scenario> &scenarios();

// Many wordings of each behaviour, so that detectors are exercised on paraphrases.
const std::vector<QString> &greetings();      // %1 = agent first name
const std::vector<QString> &curtOpenings();   // no greeting at all
const std::vector<QString> &empathyLines();
const std::vector<QString> &neutralAcks();
const std::vector<QString> &verificationAsks();
const std::vector<QString> &verificationAnswers();
const std::vector<QString> &holdAsks();
const std::vector<QString> &holdThanks();
const std::vector<QString> &ownershipLines();
const std::vector<QString> &confirmations();
const std::vector<QString> &unresolvedReplies();
const std::vector<QString> &negativeLines();
const std::vector<QString> &closings();
const std::vector<QString> &goodbyes();
const std::vector<QString> &firstNames();
const std::vector<QString> &lastNames();

} // namespace qaw::demo
