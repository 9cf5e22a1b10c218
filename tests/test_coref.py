"""The failure classes of real articles, on our own sentences: events told by nouns in time
phrases, participants outside the verb's clause (coreference, relative clauses, delegations,
dual verbs), two dates on one verb, condemnations, invitations, reporting agencies."""
from __future__ import annotations

import pytest

from tests.test_extract import events

PUB = "2024-05-02"

# (body, an event that must be found: type, participants, modality, date)
FOUND_AR = [
    # "X ونظيره Y" after the verb: one subject chain
    ("وأجرى وزير الخارجية المصري بدر عبد العاطي ونظيره الإيراني عباس عراقجي مباحثات في القاهرة.",
     ("meeting", ["Abbas Araghchi", "Badr Abdelatty"], "asserted", None)),
    ("ووقع لافروف ونظيرته تشوي سون هوي بروتوكولا للتعاون في موسكو.",
     ("agreement", ["Choe Son Hui", "Sergey Lavrov"], "asserted", None)),
    # an event noun inside a time or prepositional phrase, its owner the main clause's subject
    ("وقال وزير الخارجية المصري سامح شكري خلال اجتماعه مع نظيره الأردني أيمن الصفدي إن الوضع خطير.",
     ("meeting", ["Ayman Safadi", "Sameh Shoukry"], "asserted", None)),
    ("وأكد الرئيس الفرنسي إيمانويل ماكرون أثناء زيارته إلى الهند أن البلدين شريكان.",
     ("visit", ["Emmanuel Macron", "India"], "asserted", None)),
    ("وقال أردوغان عقب قمته مع بوتين في سوتشي إن الحبوب ستصل.",
     ("meeting", ["Recep Tayyip Erdoğan", "Vladimir Putin"], "asserted", None)),
    ("وأعلن الجانبان في ختام المباحثات بين بوتين وشي جين بينغ عن خطة مشتركة.",
     ("meeting", ["Vladimir Putin", "Xi Jinping"], "asserted", None)),
    # relative clauses
    ("والتقى الرئيس الإيراني إبراهيم رئيسي بالرئيس الصيني شي جين بينغ الذي يزور حاليا طهران.",
     ("visit", ["Iran", "Xi Jinping"], "asserted", None)),
    ("واستقبل الملك عبد الله الثاني وزيرة الخارجية الألمانية أنالينا بيربوك التي وصلت أمس إلى الأردن.",
     ("visit", ["Annalena Baerbock", "Jordan"], "asserted", "2024-05-01")),
    # delegations are their heads
    ("واستقبل كيم جونغ أون وفدا روسيا برئاسة وزير الدفاع سيرغي شويغو.",
     ("meeting", ["Kim Jong Un", "Sergei Shoigu"], "asserted", None)),
    ("والتقى لافروف الوفد الكوري الشمالي الذي يترأسه تشوي سون هوي.",
     ("meeting", ["Choe Son Hui", "Sergey Lavrov"], "asserted", None)),
    # a subjectless verb continues the previous sentence's actor of its gender
    ("وصل الرئيس الروسي فلاديمير بوتين إلى بيونغ يانغ. والتقى بعد ذلك الزعيم كيم جونغ أون.",
     ("meeting", ["Kim Jong Un", "Vladimir Putin"], "asserted", None)),
    ("وصلت وزيرة الخارجية الكورية الشمالية تشوي سون هوي إلى موسكو.\nوالتقت خلال زيارتها بنظيرها سيرغي لافروف.",
     ("meeting", ["Choe Son Hui", "Sergey Lavrov"], "asserted", None)),
    ("وصل شويغو إلى بيونغ يانغ.\nوقال كيم جونغ أون خلال لقائه به إن العلاقات قوية.",
     ("meeting", ["Kim Jong Un", "Sergei Shoigu"], "asserted", None)),
    # dual verbs point back to the two people
    ("وقع بوتين وشي جين بينغ بيانا مشتركا.\nواتفقا على تعزيز التجارة.",
     ("agreement", ["Vladimir Putin", "Xi Jinping"], "asserted", None)),
    ("التقى رجب طيب أردوغان وإبراهيم رئيسي في أنقرة.\nوبحثا الأوضاع في المنطقة.",
     ("meeting", ["Ebrahim Raisi", "Recep Tayyip Erdoğan"], "asserted", None)),
    # one verb, two dates: two happenings
    ("والتقى بوتين وكيم جونغ أون في 2019 و2023.", ("meeting", ["Kim Jong Un", "Vladimir Putin"], "asserted", "2019")),
    ("والتقى بوتين وكيم جونغ أون في 2019 و2023.", ("meeting", ["Kim Jong Un", "Vladimir Putin"], "asserted", "2023")),
    # condemnations and criticism of a party's policies or acts
    ("وندد وزير الخارجية الصيني وانغ يي بالسياسات الأمريكية في المنطقة.",
     ("accusation", ["United States", "Wang Yi"], "asserted", None)),
    ("وهاجم أردوغان سياسات إسرائيل في غزة.", ("accusation", ["Israel", "Recep Tayyip Erdoğan"], "asserted", None)),
    ("ورفضت الخارجية الروسية الممارسات الأمريكية في آسيا.", ("accusation", ["Russia", "United States"], "asserted", None)),
    ("واستنكرت السعودية الهجوم الإسرائيلي على لبنان.", ("accusation", ["Israel", "Saudi Arabia"], "asserted", None)),
    # invitations in predicate and participle form
    ("والرئيس الروسي مدعو إلى زيارة بيونغ يانغ.", ("invitation", ["North Korea", "Vladimir Putin"], "asserted", None)),
    ("والرئيس الروسي مدعو إلى زيارة بيونغ يانغ.", ("visit", ["North Korea", "Vladimir Putin"], "planned", None)),
    ("وقال شي جين بينغ داعيا نظيره الروسي إلى زيارة الصين.",
     ("invitation", ["Vladimir Putin", "Xi Jinping"], "asserted", None)),
    ("وقال شي جين بينغ داعيا نظيره الروسي إلى زيارة الصين.", ("visit", ["China", "Vladimir Putin"], "planned", None)),
    # a verb opening a clause after حيث / ثم continues the previous sentence's actor
    ("وصل الرئيس الصيني شي جين بينغ إلى موسكو.\nحيث التقى في الكرملين الرئيس الروسي فلاديمير بوتين.",
     ("meeting", ["Vladimir Putin", "Xi Jinping"], "asserted", None)),
    ("وصل رجب طيب أردوغان إلى الدوحة.\nثم التقى أمير قطر تميم بن حمد آل ثاني.",
     ("meeting", ["Recep Tayyip Erdoğan", "Tamim bin Hamad Al Thani"], "asserted", None)),
    # a light verb carries the event noun's doer through the relative clause
    ("وهي الزيارة الخارجية الأولى التي يقوم بها الرئيس الإيراني إبراهيم رئيسي لروسيا.",
     ("visit", ["Ebrahim Raisi", "Russia"], "asserted", None)),
    ("وكانت الزيارة التي أجراها وزير الخارجية الصيني وانغ يي إلى طهران ناجحة.",
     ("visit", ["Iran", "Wang Yi"], "asserted", None)),
    # a time phrase with a number inside the noun phrase does not end it
    ("أجرى الرئيس التركي رجب طيب أردوغان زيارة هي الأولى منذ 10 أعوام إلى مصر.",
     ("visit", ["Egypt", "Recep Tayyip Erdoğan"], "asserted", None)),
    # the agency that reports is not a participant
    ("وذكرت وكالة رويترز أن لافروف التقى تشوي سون هوي.",
     ("meeting", ["Choe Son Hui", "Sergey Lavrov"], "asserted", None)),
]


@pytest.mark.parametrize("body,expected", FOUND_AR)
def test_found_ar(extractor, body, expected):
    assert expected in events(extractor, body, PUB)


FOUND_EN = [
    # "X and his counterpart Y": one subject chain
    ("Egyptian Foreign Minister Badr Abdelatty and his Iranian counterpart Abbas Araghchi held talks in Cairo.",
     ("meeting", ["Abbas Araghchi", "Badr Abdelatty"], "asserted", None)),
    ("Sergei Lavrov and his counterpart Choe Son Hui signed a protocol in Moscow.",
     ("agreement", ["Choe Son Hui", "Sergey Lavrov"], "asserted", None)),
    ("Speaking during his meeting with Indian Prime Minister Narendra Modi in Delhi, Emmanuel Macron said ties were strong.",
     ("meeting", ["Emmanuel Macron", "Narendra Modi"], "asserted", None)),
    ("Vladimir Putin and Kim Jong Un met in 2019 and again in 2023.",
     ("meeting", ["Kim Jong Un", "Vladimir Putin"], "asserted", "2023")),
    ("China's foreign ministry denounced Washington's sanctions on Chinese firms.",
     ("accusation", ["China", "United States"], "asserted", None)),
    ("According to Reuters, Sergey Lavrov met Choe Son Hui in Moscow.",
     ("meeting", ["Choe Son Hui", "Sergey Lavrov"], "asserted", None)),
]


@pytest.mark.parametrize("body,expected", FOUND_EN)
def test_found_en(extractor, body, expected):
    assert expected in events(extractor, f"وقال الكرملين ذلك.\n{body}", PUB)


# (body, a participant that must not be in any event)
NOT_PARTICIPANTS = [
    ("ونقلت وكالة الأنباء المركزية الكورية عن كيم جونغ أون قوله إنه التقى بوتين.", "Korean Central News Agency"),
    ("وذكرت وكالة رويترز أن لافروف التقى تشوي سون هوي.", "Reuters"),
    ("واستقبل كيم جونغ أون وفدا روسيا برئاسة وزير الدفاع سيرغي شويغو.", "Russia"),
    # a possessive points back to a person of its gender only
    ("وصلت تشوي سون هوي إلى موسكو.\nوقال لافروف خلال اجتماعها مع بوتين إن العلاقات قوية.", "Sergey Lavrov"),
]


@pytest.mark.parametrize("body,absent", NOT_PARTICIPANTS)
def test_not_a_participant(extractor, body, absent):
    assert all(absent not in names for kind, names, _, _ in events(extractor, body, PUB) if kind != "statement")


# a quote finds the speaker of other events but is no event; a formal statement is one
STATEMENTS = [
    ("وقال بيسكوف للصحفيين إن الطقس جميل.", False),
    ("وأكدت زاخاروفا أن موسكو تتابع الوضع.", False),
    ("Maria Zakharova said the talks were useful.", False),
    ("وأعلن بيسكوف أن الطقس جميل.", True),
    ("Dmitry Peskov announced that the weather was fine.", True),
]


@pytest.mark.parametrize("body,formal", STATEMENTS)
def test_only_formal_statements_are_events(extractor, body, formal):
    kinds = [e[0] for e in events(extractor, f"وقال الكرملين ذلك.\n{body}", PUB)]
    assert ("statement" in kinds) == formal, kinds


ONE_TELLING = [
    "والتقى بوتين وكيم جونغ أون في سبتمبر 2023 في فوستوشني.",  # a date and a place: one happening
    "وقال بوتين عقب اجتماعه مع كيم جونغ أون إن العلاقات قوية.",
]


@pytest.mark.parametrize("body", ONE_TELLING)
def test_one_telling(extractor, body):
    meetings = [e for e in events(extractor, body, PUB) if e[0] == "meeting"]
    assert len(meetings) == 1, meetings
