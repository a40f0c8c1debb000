"""Round 17 of issue 19: what a speaker phrase's own words say about its state."""
from __future__ import annotations

from quote_fixtures import quotes_of


def test_a_state_the_gazetteer_lacks_places_its_officials_from_the_place_lexicon():
    # Tuvalu, Vanuatu, the Marshall and Solomon Islands are not in data/actors.csv; their names
    # are in speaker_places.csv (kind "state") and place any speaker, titled or not.
    q = quotes_of('وقال وزير العدل في توفالو إن "الجزر تغرق بسرعة".\n'
                  'وقال رئيس وزراء جزر سليمان: "لن نختار بين أصدقائنا".\n'
                  'وقال صياد من فانواتو: "البحر يأكل بيوتنا".', chooser=False)
    assert q["speaker_country"].tolist() == ["TUV", "SLB", "VUT"]


def test_solomon_alone_is_a_first_name_not_the_islands():
    q = quotes_of('وقال الوزير المصري سليمان إن "الحوار مستمر".',
                  [("المصري", "EGY", "country", "EGY")], chooser=False)
    assert q["speaker_country"].tolist() == ["EGY"]
