"""Stance round 14: states listed as doing something separately (issue 15)."""
from __future__ import annotations

from arnews.stance_features import pair_contexts
from stance_fixtures import views_of


def _extra(text: str, pair: tuple[str, str]) -> dict:
    view = views_of(text)[0]
    return next(c.extra for a, b, c in pair_contexts(view) if (a, b) == pair)


def test_a_list_of_states_acting_separately_is_marked_for_the_pair_model():
    """«في بيانات منفصلة» / «كلٌّ على حدة»: parallel acts, which give no pair between the actors
    (guideline v2); the pair of the two listed states carries the mark, a joint act does not."""
    assert "coord:separately" in _extra("ورحبت كل من السعودية وقطر، في بيانات منفصلة، بالاتفاق.", ("QAT", "SAU"))
    assert "coord:separately" in _extra("وتعهدت الصين والسعودية، كلٌّ على حدة، بتمديد قروض لباكستان.", ("CHN", "SAU"))
    assert "coord:separately" not in _extra("ووقعت السعودية وقطر اتفاقا مشتركا للتعاون.", ("QAT", "SAU"))
