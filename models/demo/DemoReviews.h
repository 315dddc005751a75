#pragma once

#include <QString>
#include <QStringList>

namespace qaw {

class Workspace;

//! The demo's human reviewers.
QStringList demoReviewers();

//! Adds human evaluations to a scored demo workspace, so that calibration and coaching
//! views have data: about \a interactions interactions spread over the period, each
//! reviewed by one of three named reviewers, the first 30 by all three. Reviewers mostly
//! agree with the automated verdict, differ on some criteria (each with a leaning of
//! their own), and say so in a comment. Deterministic for a seed.
bool addDemoReviews(Workspace &workspace, quint64 seed, int interactions, QString *error);

} // namespace qaw
