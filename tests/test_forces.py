"""Forces abroad: a state's troops told in or beside another state are military cooperation."""
import pytest

from tests.test_extract import extract, participants_of

OPENING = {"ar": "وتتعزز العلاقات بين روسيا وكوريا الشمالية. ووقعت روسيا وكوريا الشمالية معاهدة.\n",
           "en": "Ties between Russia and North Korea grow. Russia and North Korea signed a treaty.\n"}

PRESENT = [
    ("ar", "ويتواجد حوالي 11 ألف جندي من كوريا الشمالية في منطقة كورسك الروسية."),
    ("ar", "وتقاتل القوات الكورية الشمالية إلى جانب الجيش الروسي في كورسك."),
    ("ar", "وأفادت التقارير بوجود قوات كورية شمالية في روسيا."),
    ("ar", "وأكد الجيش الأوكراني مشاركة جنود كوريين شماليين في القتال إلى جانب روسيا."),
    ("en", "North Korean troops are fighting alongside Russian forces in Kursk."),
    ("en", "About 11,000 North Korean soldiers have been deployed to Russia."),
    ("en", "The presence of North Korean troops in Russia alarmed Seoul."),
]


@pytest.mark.parametrize("lang,text", PRESENT)
def test_troops_in_or_beside_another_state_cooperate_with_it(extractor, lang, text):
    ex = extract(extractor, OPENING[lang] + text, "2024-11-05")
    told = {ex.article.text[a:b] for e in ex.events if e.type == "cooperation"
            and sorted(e.names()) == ["North Korea", "Russia"] for a, b in e.evidence_spans}
    assert text in told


NOT_ALLIES = [
    # an attack is no alliance
    ("ar", "وتتصاعد الحرب بين روسيا وأوكرانيا. وتواصل القوات الروسية هجماتها في أوكرانيا."),
    ("en", "The war between Russia and Ukraine goes on. Russian forces advanced in eastern Ukraine."),
    # the article sets the two against each other
    ("ar", "واتهمت أوكرانيا روسيا بقصف المدن. وتتمركز القوات الروسية في أوكرانيا."),
    # troops of a state in a third one the article never pairs with it
    ("en", "Russia and North Korea signed a treaty. Russia and North Korea met. US troops are stationed in Japan."),
]


@pytest.mark.parametrize("lang,body", NOT_ALLIES)
def test_troops_at_war_or_unpaired_are_no_cooperation(extractor, lang, body):
    got = participants_of(extractor, body, "2024-11-05", "cooperation")
    assert ["Russia", "Ukraine"] not in got and ["Japan", "United States"] not in got

