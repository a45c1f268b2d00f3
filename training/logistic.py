"""L2-regularised logistic regression by Newton's method (numpy only): the link model and the quick score."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

NEWTON_STEPS = 50


def fit_logistic(
    features: np.ndarray, labels: np.ndarray, l2: float, fixed: Mapping[int, float] | None = None
) -> tuple[float, np.ndarray]:
    """Intercept and weights; the intercept is not penalised, and the columns in `fixed` keep the weight
    given there."""
    fixed = fixed or {}
    free = [column for column in range(features.shape[1]) if column not in fixed]
    offset = sum((weight * features[:, column] for column, weight in fixed.items()), np.zeros(len(labels)))
    design = np.column_stack([np.ones(len(labels)), features[:, free]])
    penalty = l2 * np.diag([0.0] + [1.0] * len(free))
    beta = np.zeros(design.shape[1])
    for _ in range(NEWTON_STEPS):
        probability = 1.0 / (1.0 + np.exp(-(design @ beta + offset)))
        gradient = design.T @ (probability - labels) / len(labels) + penalty @ beta
        hessian = (design * (probability * (1 - probability))[:, None]).T @ design / len(labels) + penalty
        beta -= np.linalg.solve(hessian, gradient)
    weights = np.zeros(features.shape[1])
    weights[free] = beta[1:]
    for column, weight in fixed.items():
        weights[column] = weight
    return float(beta[0]), weights
