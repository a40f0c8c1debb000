"""arnews: load, clean and annotate Arabic news articles for research notebooks.

>>> import arnews
>>> articles = arnews.load_corpus("data/articles")     # doctest: +SKIP
>>> ann = arnews.annotate(articles)                     # doctest: +SKIP
>>> ann.tokens.head()                                   # doctest: +SKIP
"""
__version__ = "0.1.0"

from .corpus import CorpusError, load_corpus, load_report  # noqa: E402


def annotate(*args, **kwargs):
    """See :func:`arnews.pipeline.annotate`."""
    from .pipeline import annotate as _annotate

    return _annotate(*args, **kwargs)


def annotate_corpus(path, **kwargs):
    """See :func:`arnews.pipeline.annotate_corpus`."""
    from .pipeline import annotate_corpus as _ac

    return _ac(path, **kwargs)


def read_annotations(path):
    """See :func:`arnews.pipeline.read_annotations`."""
    from .pipeline import read_annotations as _read

    return _read(path)


__all__ = ["__version__", "CorpusError", "load_corpus", "load_report", "annotate", "annotate_corpus", "read_annotations"]
