"""Normalisation folds spelling variants for matching and maps every character back."""
from __future__ import annotations

import pytest

from loaders.normalize import _fold_slow, fold, norm, script_of

FOLDS_AR = [
    ("أحمد", "احمد"), ("إيران", "ايران"), ("آسيا", "اسيا"), ("ٱلله", "الله"),
    ("مستشفى", "مستشفي"), ("قمّة", "قمه"), ("الأربعاءَ", "الاربعاء"), ("كوريـــا", "كوريا"),
    ("١٧ نوفمبر ٢٠٢٣", "17 نوفمبر 2023"), ("۱۴۰۲", "1402"), ("«الكرملين»", '"الكرملين"'),
    ("كيم جونغ-أون", "كيم جونغ اون"), ("مؤتمر", "موتمر"), ("رئيس", "رييس"),
]
FOLDS_EN = [("Kim Jong Un", "kim jong un"), ("“Putin”", '"putin"'), ("U.S.—Russia", "u.s. russia")]


@pytest.mark.parametrize("raw,expected", FOLDS_AR + FOLDS_EN)
def test_norm(raw, expected):
    assert norm(raw) == expected


@pytest.mark.parametrize("text", ["وَبِالرَّئِيسِ الرُّوسِيِّ فلاديمير بوتين", "İstanbul — كيم", "plain text", ""])
def test_offsets_map_back(text):
    f = fold(text)
    assert len(f.origin) == len(f.text)
    assert (f.text, list(f.origin)) == (_fold_slow(text).text, list(_fold_slow(text).origin))
    for i, o in enumerate(f.origin):
        assert f.text[i] in _fold_slow(text[o]).text


def test_span_of_a_match_covers_the_original_word():
    text = "قال الرَّئِيسُ بوتين"
    f = fold(text)
    start = f.text.index("الرييس")
    s, e = f.span(start, start + len("الرييس"))
    assert text[s:e] == "الرَّئِيسُ"[:-1]


@pytest.mark.parametrize("text,script", [("روسيا", "ar"), ("Russia", "en"), ("2023 - 11", "none"),
                                         ("قال Putin إن روسيا", "ar")])
def test_script_of(text, script):
    assert script_of(text) == script
