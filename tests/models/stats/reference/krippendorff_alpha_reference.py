#!/usr/bin/env python3
"""Independent reference for TestKrippendorffAlpha: Krippendorff's alpha by the
coincidence-matrix method of Krippendorff (2011), "Computing Krippendorff's
Alpha-Reliability", in exact rational arithmetic (python3 standard library only).
Prints alpha for the 4-observer x 12-unit example with missing values at the four
levels of measurement, as a fraction and as a decimal."""
from fractions import Fraction

N = None
# Rows: observers A-D; columns: units 1-12 (None = missing).
DATA = [[1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
        [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N]]


def alpha(data, level):
    units = [[row[u] for row in data if row[u] is not None] for u in range(len(data[0]))]
    units = [u for u in units if len(u) >= 2]  # only pairable units
    values = sorted({v for u in units for v in u})
    o = {(c, k): Fraction(0) for c in values for k in values}
    for u in units:
        for i, c in enumerate(u):
            for j, k in enumerate(u):
                if i != j:
                    o[(c, k)] += Fraction(1, len(u) - 1)
    n_c = {c: sum(o[(c, k)] for k in values) for c in values}
    n = sum(n_c.values())

    def delta2(c, k):
        if level == "nominal":
            return 0 if c == k else 1
        if level == "ordinal":
            lo, hi = min(c, k), max(c, k)
            return (sum(n_c[g] for g in values if lo <= g <= hi) - (n_c[c] + n_c[k]) / 2) ** 2
        if level == "interval":
            return (c - k) ** 2
        return Fraction(c - k, c + k) ** 2  # ratio

    d_o = sum(o[(c, k)] * delta2(c, k) for c in values for k in values)
    d_e = sum(n_c[c] * n_c[k] * delta2(c, k) for c in values for k in values)
    return 1 - (n - 1) * d_o / d_e


for level in ("nominal", "ordinal", "interval", "ratio"):
    a = alpha(DATA, level)
    print(f"{level:9s} {a}  {float(a):.6f}")
