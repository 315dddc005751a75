#!/usr/bin/python3
"""Writes reference_values.json: the agreement statistics of every matrix in matrices/,
computed by independent implementations, for TestReferenceValues to compare with ours.

Run by hand (not by CI), with Debian's Python and the Krippendorff npm package:
    apt-get install python3-sklearn python3-statsmodels      # also brings scipy, numpy
    cd /tmp && npm install krippendorff@0.1.0
    NODE_PATH=/tmp/node_modules /usr/bin/python3 make_reference_values.py

Who computes what (docs/agreement-statistics.md, "Reference implementation"):
- Cohen's kappa, unweighted / linear / quadratic: sklearn.metrics.cohen_kappa_score with
  labels = the scale, cross-checked with statsmodels.stats.inter_rater.cohens_kappa;
- Fleiss' kappa and Randolph's free-marginal kappa: statsmodels fleiss_kappa(method=
  'fleiss' / 'randolph') on the items x categories count table over the scale;
- Krippendorff's alpha: the `krippendorff` npm package (alpha(matrix, metric)) with the
  nominal, interval and ratio distances; for ordinal the distance is built from the
  pairable values' margins (Krippendorff 2011), the package doing the rest;
- ICC, all six Shrout & Fleiss forms: mean squares from a two-way ANOVA by statsmodels
  (ols + anova_lm), then the Shrout & Fleiss (1979) formulas;
- Pearson r and Spearman rho: scipy.stats; MAE and RMSE: sklearn.metrics; bias: numpy.
Statistics that an implementation cannot compute (nan) are written as null.
Which items: pairwise deletion for two-rater statistics (the first two columns), listwise
for Fleiss / Randolph / ICC, every pairable item for alpha (as our documentation says).
"""
import csv
import json
import math
import os
import subprocess
import warnings

import numpy as np
import pandas as pd
import scipy
import scipy.stats
import sklearn
import sklearn.metrics
import statsmodels
import statsmodels.formula.api as smf
from statsmodels.stats.anova import anova_lm
from statsmodels.stats.inter_rater import cohens_kappa, fleiss_kappa

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = [
    ("yes_no_missing.csv", [0, 1]),
    ("five_point_unused_middle.csv", [1, 2, 3, 4, 5]),
    ("three_raters_missing.csv", [1, 2, 3, 4, 5]),
    ("four_raters_points.csv", []),  # Shrout & Fleiss (1979) table 2
    ("constant_same.csv", [1, 2, 3, 4, 5]),
    ("constant_different.csv", [0, 1]),
    ("five_raters_nominal.csv", [1, 2, 3]),
    ("totals_two_raters.csv", []),
    ("ties_three_raters_points.csv", [1, 2, 3, 4, 5]),
]

NODE_ALPHA = r"""
const { alpha } = require('krippendorff');
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const raters = input.raters.map(r => r.map(v => (v === null ? undefined : v)));
const margins = new Map(input.margins.map(([v, n]) => [v, n]));
const values = [...margins.keys()].sort((a, b) => a - b);
function ordinal(a, b) {
  const lo = Math.min(a, b), hi = Math.max(a, b);
  let s = 0;
  for (const g of values) if (g >= lo && g <= hi) s += margins.get(g);
  // A value rated only in unpairable units has no margin (0); the package still lists it.
  s -= ((margins.get(a) ?? 0) + (margins.get(b) ?? 0)) / 2;
  return s * s;
}
const out = {
  nominal: alpha(raters),
  ordinal: alpha(raters, ordinal),
  interval: alpha(raters, (a, b) => (a - b) * (a - b)),
  ratio: alpha(raters, (a, b) => (a + b === 0 ? 0 : ((a - b) / (a + b)) ** 2)),
};
process.stdout.write(JSON.stringify(out));
"""


def read(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    m = [[float(c) if c.strip() else None for c in row] for row in body]
    return header, m


def clean(x):
    if x is None:
        return None
    x = float(x)
    return None if math.isnan(x) or math.isinf(x) else x


def cohen(pairs, scale):
    # Categories as their positions on the scale (sklearn refuses non-integer labels; the
    # weights depend only on positions, as in our definition).
    a = [scale.index(p[0]) for p in pairs]
    b = [scale.index(p[1]) for p in pairs]
    positions = list(range(len(scale)))
    out = {}
    for key, weights in (("unweighted", None), ("linear", "linear"), ("quadratic", "quadratic")):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            v = sklearn.metrics.cohen_kappa_score(a, b, labels=positions, weights=weights)
            # Cross-check with statsmodels on the same contingency table.
            table = np.zeros((len(scale), len(scale)))
            for x, y in pairs:
                table[scale.index(x), scale.index(y)] += 1
            wt = {None: None, "linear": "linear", "quadratic": "quadratic"}[weights]
            sm = cohens_kappa(table, wt=wt, return_results=False) if wt else \
                cohens_kappa(table, return_results=False)
        if clean(v) is not None and clean(sm) is not None:
            assert abs(v - sm) < 1e-9, (key, v, sm)
        out["cohen_kappa." + key] = clean(v)
    return out


def multi_rater(complete, scale):
    table = np.zeros((len(complete), len(scale)))
    for i, row in enumerate(complete):
        for v in row:
            table[i, scale.index(v)] += 1
    out = {}
    for key, method in (("fleiss", "fleiss"), ("randolph_free_marginal", "randolph")):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            v = fleiss_kappa(table, method=method) if len(complete) else float("nan")
        out["fleiss_kappa." + key] = clean(v)
    return out


def kripp(m):
    raters = [[row[j] for row in m] for j in range(len(m[0]))]
    margins = {}
    for row in m:
        vals = [v for v in row if v is not None]
        if len(vals) >= 2:
            for v in vals:
                margins[v] = margins.get(v, 0) + 1
    res = subprocess.run(["node", "-e", NODE_ALPHA],
                         input=json.dumps({"raters": raters, "margins": list(margins.items())}),
                         capture_output=True, text=True, check=True)
    got = json.loads(res.stdout)
    return {"krippendorff_alpha." + k: clean(v) for k, v in got.items()}


def icc(complete):
    n, k = len(complete), len(complete[0]) if complete else 0
    forms = ["ICC(1,1)", "ICC(2,1)", "ICC(3,1)", "ICC(1,k)", "ICC(2,k)", "ICC(3,k)"]
    if n < 2 or k < 2:
        return {"icc." + f: None for f in forms}
    df = pd.DataFrame([(i, j, complete[i][j]) for i in range(n) for j in range(k)],
                      columns=["item", "rater", "y"])
    fit = smf.ols("y ~ C(item) + C(rater)", data=df).fit()
    table = anova_lm(fit, typ=2)
    ss_r, ss_c, ss_e = table.loc["C(item)", "sum_sq"], table.loc["C(rater)", "sum_sq"], \
        table.loc["Residual", "sum_sq"]
    # Least squares leaves rounding residue (~1e-30) where a sum of squares is exactly 0
    # (constant ratings); without snapping it, 0/0 would come out as arbitrary numbers.
    total = max(1.0, float(((df["y"] - df["y"].mean()) ** 2).sum()))
    ss_r, ss_c, ss_e = (0.0 if abs(x) < 1e-12 * total else float(x) for x in (ss_r, ss_c, ss_e))
    msr = ss_r / (n - 1)
    msc = ss_c / (k - 1)
    mse = ss_e / ((n - 1) * (k - 1))
    msw = (ss_c + ss_e) / (n * (k - 1))
    with np.errstate(all="ignore"):
        msr, msc, mse, msw = (np.float64(x) for x in (msr, msc, mse, msw))
        values = [
            (msr - msw) / (msr + (k - 1) * msw),
            (msr - mse) / (msr + (k - 1) * mse + k * (msc - mse) / n),
            (msr - mse) / (msr + (k - 1) * mse),
            (msr - msw) / msr,
            (msr - mse) / (msr + (msc - mse) / n),
            (msr - mse) / msr,
        ]
    return {"icc." + f: clean(v) if np.isfinite(v) else None for f, v in zip(forms, values)}


def paired(pairs):
    a = np.array([p[0] for p in pairs])
    b = np.array([p[1] for p in pairs])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r = scipy.stats.pearsonr(a, b)[0] if len(a) >= 2 else float("nan")
        rho = scipy.stats.spearmanr(a, b)[0] if len(a) >= 2 else float("nan")
    return {
        "pearson_r": clean(r),
        "spearman_rho": clean(rho),
        "mean_absolute_error": clean(sklearn.metrics.mean_absolute_error(a, b)),
        "root_mean_squared_error": clean(math.sqrt(sklearn.metrics.mean_squared_error(a, b))),
        "mean_signed_bias": clean(np.mean(a - b)),
    }


def main():
    node_version = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    kripp_version = subprocess.run(
        ["node", "-e", "process.stdout.write(require('krippendorff/package.json').version)"],
        capture_output=True, text=True).stdout
    cases = []
    for name, declared in CASES:
        header, m = read(os.path.join(HERE, "matrices", name))
        observed = sorted({v for row in m for v in row if v is not None})
        scale = sorted(set(declared) | set(observed))
        pairs = [(row[0], row[1]) for row in m if row[0] is not None and row[1] is not None]
        complete = [row for row in m if all(v is not None for v in row)]
        values = {}
        values.update(cohen(pairs, scale))
        values.update(multi_rater(complete, scale))
        values.update(kripp(m))
        values.update(icc(complete))
        values.update(paired(pairs))
        cases.append({"file": name, "categories": [str(c) for c in declared], "values": values})
    out = {
        "generated_by": {
            "script": "tests/data/stats/make_reference_values.py",
            "scikit-learn": sklearn.__version__,
            "statsmodels": statsmodels.__version__,
            "scipy": scipy.__version__,
            "numpy": np.__version__,
            "krippendorff (npm)": kripp_version,
            "node": node_version,
        },
        "cases": cases,
    }
    with open(os.path.join(HERE, "reference_values.json"), "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
