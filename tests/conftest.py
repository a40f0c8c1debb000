"""Shared fixtures: the sample corpus and its annotations (computed once per session)."""
from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "data" / "articles"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def sample_articles():
    from arnews.corpus import load_corpus

    return load_corpus(SAMPLE)


@pytest.fixture(scope="session")
def sample_annotations(sample_articles, tmp_path_factory):
    """All available pipeline stages on the five sample articles (no shared cache)."""
    from arnews.pipeline import annotate

    return annotate(sample_articles, cache=tmp_path_factory.mktemp("cache"))
