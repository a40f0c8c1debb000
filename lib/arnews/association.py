"""Association measures of a 2×2 table: PMI, NPMI, log Dice, G² (see :mod:`arnews.cooccurrence`).

>>> m = association([10], [20], [30], 1000)  # O11 = 10, f(a) = 20, f(b) = 30, N = 1000
>>> m[['pmi', 'log_dice']].round(2).values.tolist()
[[4.06, 12.68]]
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.special import xlogy
from scipy.stats import chi2

MEASURES = ("count", "pmi", "npmi", "log_dice", "g2")

# ---------------------------------------------------------------------------
# Association measures
# ---------------------------------------------------------------------------


def association(o11, f1, f2, n, *, dice_f1=None, dice_f2=None) -> pd.DataFrame:
    """Association measures of pairs from their 2×2 contingency tables (vectorised).

    ``o11`` joint count, ``f1``/``f2`` marginal counts of the two items and ``n`` the table
    total (see the module docstring for what is counted). ``dice_f1``/``dice_f2`` replace
    the marginals in log-Dice only (collocates use the node and collocate frequencies).
    Returns ``expected, pmi, npmi, log_dice, g2, p_value``.

    >>> r = association([2], [4], [4], [8]).round(4)
    >>> r[["expected", "pmi", "npmi", "log_dice"]].values.tolist()
    [[2.0, 0.0, 0.0, 13.0]]
    """
    o11 = np.asarray(o11, dtype=float)
    f1 = np.asarray(f1, dtype=float)
    f2 = np.asarray(f2, dtype=float)
    n = np.broadcast_to(np.asarray(n, dtype=float), o11.shape)
    if np.any(o11 > np.minimum(f1, f2)) or np.any(np.maximum(f1, f2) > n) or np.any(o11 < 0):
        raise ValueError("association(): counts are inconsistent (need 0 <= o11 <= f1, f2 <= n)")
    o12 = f1 - o11
    o21 = f2 - o11
    o22 = n - f1 - f2 + o11
    if np.any(o22 < 0):
        raise ValueError("association(): f1 + f2 - o11 exceeds n (is n the number of units?)")
    with np.errstate(divide="ignore", invalid="ignore"):
        e11 = f1 * f2 / n
        e12 = f1 * (n - f2) / n
        e21 = (n - f1) * f2 / n
        e22 = (n - f1) * (n - f2) / n
        pmi = np.log2(o11 / e11)
        p11 = o11 / n
        npmi = np.where(p11 >= 1.0, 1.0, pmi / -np.log2(p11))
        npmi = np.where(o11 == 0, -1.0, npmi)
        d1 = f1 if dice_f1 is None else np.asarray(dice_f1, dtype=float)
        d2 = f2 if dice_f2 is None else np.asarray(dice_f2, dtype=float)
        log_dice = 14 + np.log2(2 * o11 / (d1 + d2))

        def term(o, e):
            # O ln(O/E) with 0 ln 0 = 0; E > 0 whenever O > 0
            return np.where(o > 0, xlogy(o, o) - xlogy(o, np.where(e > 0, e, 1.0)), 0.0)

        g2 = 2 * (term(o11, e11) + term(o12, e12) + term(o21, e21) + term(o22, e22))
    g2 = np.maximum(g2, 0.0)  # rounding can give -1e-15
    return pd.DataFrame(
        {
            "expected": e11,
            "pmi": pmi,
            "npmi": npmi,
            "log_dice": log_dice,
            "g2": g2,
            "p_value": chi2.sf(g2, 1),
        }
    )

