"""Wordings of diplomacy beyond the corpus's subject, found missed on fresh paragraphs (hosting, courtesy
calls, a date between subject and verb, "next week"), Arabic and English; sentences written for these tests."""
import pytest

from tests.test_extract import extract


def _events(extractor, lang: str, text: str, published: str = "2024-05-10"):
    if lang == "en":
        ex = extract(extractor, text, published, title="Leaders meet in the capital", opening=None, language="en")
    else:
        ex = extract(extractor, text, published)
    return [(e.type, sorted(e.names()), e.modality, e.date.iso() if e.date else None) for e in ex.events]


TOLD = [
    # a host receives a guest: the meeting, and the guest's visit
    ("ar", "استضاف الرئيس الأمريكي جو بايدن رئيس الوزراء الياباني فوميو كيشيدا في البيت الأبيض الأربعاء.",
     ("meeting", ["Fumio Kishida", "Joe Biden"], "asserted", "2024-05-08")),
    ("ar", "استضاف الرئيس الأمريكي جو بايدن رئيس الوزراء الياباني فوميو كيشيدا في البيت الأبيض الأربعاء.",
     ("visit", ["Fumio Kishida", "United States"], "asserted", "2024-05-08")),
    ("ar", "وتستضيف الرئيسة المكسيكية كلوديا شينباوم رئيس الوزراء الكندي جاستن ترودو الاثنين.",
     ("meeting", ["Claudia Sheinbaum", "Justin Trudeau"], "planned", "2024-05-13")),
    # a courtesy call paid on someone, titles between
    ("en", "Indian Foreign Minister Subrahmanyam Jaishankar called on Chief Adviser Muhammad Yunus in Dhaka on Monday.",
     ("meeting", ["Muhammad Yunus", "S. Jaishankar"], "asserted", "2024-05-06")),
    ("en", "Wang Yi called on Prime Minister Sheikh Hasina on Tuesday.",
     ("meeting", ["Sheikh Hasina", "Wang Yi"], "asserted", "2024-05-07")),
    # a date between the subject and its verb is no topic ("on Thursday signed")
    ("en", "Sadyr Japarov and Emomali Rahmon on Thursday signed a border treaty.",
     ("agreement", ["Emomali Rahmon", "Sadyr Japarov"], "asserted", "2024-05-09")),
    ("en", "Ilham Aliyev and Nikol Pashinyan on Friday agreed to open the border crossings.",
     ("agreement", ["Ilham Aliyev", "Nikol Pashinyan"], "asserted", "2024-05-10")),
    # "next week" in the publication's month is ahead all the same
    ("ar", "ويلتقي الرئيس الصيني شي جين بينغ نظيره البرازيلي لولا دا سيلفا الأسبوع المقبل.",
     ("meeting", ["Luiz Inácio Lula da Silva", "Xi Jinping"], "planned", "2024-05")),
    ("en", "Xi Jinping meets Luiz Inacio Lula da Silva next week.",
     ("meeting", ["Luiz Inácio Lula da Silva", "Xi Jinping"], "planned", "2024-05")),
]


@pytest.mark.parametrize("lang,text,event", TOLD)
def test_the_wording_tells_its_event(extractor, lang, text, event):
    assert event in _events(extractor, lang, text)


NOT_TOLD = [
    # a demand of someone, a host's hospitality, a deal's talks are no such events
    ("en", "Antony Blinken called on Benjamin Netanyahu to accept the ceasefire.", "meeting"),
    ("en", "Antony Blinken called on Israel to stop the offensive.", "meeting"),
    ("ar", "وأكد البرهان تقديره لاستضافة الشعب المصري للسودانيين خلال الأزمة.", "meeting"),
    ("en", "Antony Blinken held talks on the trade deal with Wang Yi.", "agreement"),
]


@pytest.mark.parametrize("lang,text,etype", NOT_TOLD)
def test_the_wording_tells_no_such_event(extractor, lang, text, etype):
    assert etype not in [t for t, _, _, _ in _events(extractor, lang, text)]
