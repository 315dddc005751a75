#pragma once

#include "stats/BootstrapInterval.h"
#include "stats/CohenKappa.h"
#include "stats/IntraclassCorrelation.h"
#include "stats/KrippendorffAlpha.h"
#include "stats/RatingMatrix.h"
#include "stats/StatValue.h"

#include <array>

namespace qaw {

struct AgreementOptions
{
    //! The declared scale (e.g. a criterion's 1..5 points, or 0/1 for yes/no). Unused points
    //! still count for Cohen's kappa weights and Randolph's kappa. Empty: the observed values.
    QList<double> categories;
    //! The two raters the two-rater statistics compare (automated first, then human, so the
    //! signed bias reads "automated minus human").
    int firstRater = 0;
    int secondRater = 1;
    BootstrapOptions bootstrap;
};

//! Every agreement statistic for one ratings matrix, each named exactly and each either a
//! value or undefined with the reason.
struct AgreementReport
{
    int items = 0;
    int raters = 0;
    int pairedItems = 0;        //!< rated by both of the two raters (the two-rater statistics)
    int completeItems = 0;      //!< rated by every rater (Fleiss, Randolph, ICC, listwise)
    int pairableItems = 0;      //!< rated at least twice (Krippendorff's alpha)
    QList<double> scale;        //!< the categories counted over: declared plus observed
    BootstrapOptions bootstrap; //!< how the intervals were drawn

    // Two raters (firstRater, secondRater); items with either rating missing left out.
    StatValue cohenUnweighted;
    StatValue cohenLinear;
    StatValue cohenQuadratic;
    StatValue pearsonR;
    StatValue spearmanRho;
    StatValue meanAbsoluteError;
    StatValue rootMeanSquaredError;
    StatValue meanSignedBias; //!< first minus second rater
    StatValue percentExact;
    StatValue percentWithin1;
    StatValue percentWithin2;

    // All raters.
    StatValue fleissKappa;
    StatValue randolphKappa;
    StatValue alphaNominal;
    StatValue alphaOrdinal;
    StatValue alphaInterval;
    StatValue alphaRatio;
    std::array<StatValue, 6> icc; //!< indexed like kAllIccForms
    StatValue percentAllExact;    //!< listwise
    StatValue percentAllWithin1;  //!< listwise
    StatValue percentAllWithin2;  //!< listwise
    StatValue percentMeanPairwiseExact;

    // Percentile bootstrap intervals over items, for the kappas and alphas.
    ConfidenceInterval cohenUnweightedCi;
    ConfidenceInterval cohenLinearCi;
    ConfidenceInterval cohenQuadraticCi;
    ConfidenceInterval fleissKappaCi;
    ConfidenceInterval randolphKappaCi;
    ConfidenceInterval alphaNominalCi;
    ConfidenceInterval alphaOrdinalCi;
    ConfidenceInterval alphaIntervalCi;
    ConfidenceInterval alphaRatioCi;

    StatValue iccValue(IccForm form) const;
};

//! Computes every statistic of AgreementReport for \a m.
AgreementReport computeAgreement(const RatingMatrix &m, const AgreementOptions &options = {});

} // namespace qaw
