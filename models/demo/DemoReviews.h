#pragma once

#include "demo/DemoGenerator.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace qaw {

class Workspace;

//! The demo's human reviewers.
QStringList demoReviewers();

//! Adds human evaluations to a scored demo workspace, so that calibration and coaching
//! views have data: about \a interactions interactions spread over the period, each
//! reviewed by one of three named reviewers, the first 30 by all three. Reviewers judge
//! what the agent really did (\a truths, by external id, from the generator), not the
//! automated verdict, so the Calibration view shows real disagreement where a detector
//! errs; each reviewer slips now and then, leans strict on one criterion and lenient on
//! another, and says so in a comment. Criteria the generator does not decide (tone of
//! the customer, overtalk, response times, card read-back) start from the automated
//! verdict. Deterministic for a seed.
bool addDemoReviews(Workspace &workspace, quint64 seed, int interactions,
                    const QHash<QString, DemoTruth> &truths, QString *error);

} // namespace qaw
