"""Linked happenings: an undated event dated by the visit or summit it was part of."""
import pytest

from tests.test_extract import events, extract, in_article

LINKED = [
    # told "during" a dated visit: the visit's date
    ("en", "Russian President Vladimir Putin arrived in Pyongyang on Wednesday. During Putin's visit to North Korea, "
           "Moscow and Pyongyang signed a strategic partnership agreement.", "2024-06-20", "agreement", ["2024-06-19"]),
    ("ar", "وصل الرئيس الروسي فلاديمير بوتين إلى بيونغ يانغ يوم الأربعاء. ووقعت روسيا وكوريا الشمالية خلال زيارة بوتين "
           "إلى كوريا الشمالية معاهدة للشراكة الاستراتيجية.", "2024-06-20", "agreement", ["2024-06-19"]),
    # dated by the summit it was held at, it is that summit's one meeting, told once
    ("en", "Narendra Modi and Xi Jinping met on the sidelines of the BRICS summit in Kazan on October 23.", "2024-10-25",
     "meeting", ["2024-10-23"]),
    # a visit dated by the talks its visitor held with the host's leader
    ("ar", "وصل الرئيس الصيني شي جين بينغ إلى الرياض في زيارة رسمية. والتقى شي جين بينغ الملك سلمان بن عبد العزيز "
           "في 8 ديسمبر 2022.", "2022-12-10", "visit", ["2022-12-08"]),
    ("en", "Narendra Modi met Joe Biden in Washington on June 22, 2023. Modi's visit to the United States drew crowds.",
     "2023-06-25", "visit", ["2023-06-22"]),
    # talks during a trip of several days: the trip's month
    ("ar", "زار كيم جونغ أون روسيا من 11 إلى 17 سبتمبر 2023. وأجرى كيم جونغ أون محادثات مع بوتين.", "2023-09-20",
     "meeting", ["2023-09"]),
    # two trips told, one of them undated: the talks may belong to either
    ("ar", "زار كيم جونغ أون روسيا في أبريل 2019. ويزور كيم جونغ أون روسيا حاليا، وأجرى كيم جونغ أون محادثات مع بوتين.",
     "2023-09-20", "meeting", [None]),
    # an undated telling beside the dated trip of the day is that trip: the talks take its date
    ("ar", "وصل وزير الخارجية الروسي سيرغي لافروف إلى بيونغ يانغ اليوم الخميس. واستقبل كيم جونغ أون الوزير الروسي.\n"
           "وأجرى لافروف محادثات مع نظيره الكوري الشمالي ري يونغ هو.", "2018-05-31", "meeting",
     ["2018-05-31", "2018-05-31"]),
    # talks dated where they are told again keep apart from the trip's arrival day
    ("en", "Biden and Xi Jinping meet\nXi Jinping arrived in San Francisco on Tuesday. Joe Biden and Xi Jinping met on Wednesday.",
     "2023-11-16", "meeting", [None, "2023-11-15"]),
    # two dated talks on different days: the visit stays undated
    ("en", "Narendra Modi met Joe Biden on June 22, 2023. Modi met Joe Biden again on September 8, 2023. "
           "Modi's visit to the United States drew crowds.", "2023-09-10", "visit", [None]),
    # after the visit, not inside it: no date from it
    ("en", "Vladimir Putin arrived in Pyongyang on June 19, 2024. After Putin's visit to North Korea, Yoon Suk Yeol "
           "accused Russia of violating sanctions.", "2024-06-25", "accusation", [None]),
]


@pytest.mark.parametrize("lang,body,published,etype,dates", LINKED)
def test_an_undated_event_takes_the_date_of_the_happening_it_belongs_to(extractor, lang, body, published, etype, dates):
    got = [d for t, _, _, d in events(extractor, in_article(lang, body), published) if t == etype]
    assert got == dates


LEAD = [
    # the lead sentence's undated news: dated by the article (its export takes the day the article prints)
    ("en", "Egypt and Turkey restore ties", "Egypt and Turkey agreed to restore full diplomatic relations. "
     "The two countries cut ties in 2013.", "2024-05-03", "agreement", ["article"]),
    ("ar", "مصر وتركيا تستعيدان العلاقات", "وقعت مصر وتركيا اتفاقية لتبادل الغاز الطبيعي. "
     "وكانت العلاقات قد قطعت عام 2013.", "2024-05-03", "agreement", ["article"]),
    ("ar", "عنوان الخبر", "التقى وزير الخارجية الروسي سيرغي لافروف نظيرته الكورية الشمالية تشوي سون هوي في موسكو.",
     "2024-11-04", "meeting", ["article"]),
    # a headline told again, dated, in the body: that date, not the article's (and so one telling)
    ("en", "Putin and Kim Jong Un meet in Vostochny", "The Kremlin said it was a long day.\n"
     "Vladimir Putin met Kim Jong Un on Wednesday, September 13.", "2023-09-15", "meeting", ["2023-09-13"]),
    # past the lead, planned, or with no date printed: no date
    ("en", "Egypt and Turkey", "The Kremlin said it was a long day. Egypt and Turkey agreed to restore full "
     "diplomatic relations.", "2024-05-03", "agreement", [None]),
    ("en", "Xi to travel", "Xi Jinping will visit Brazil.", "2024-11-10", "visit", [None]),
    ("ar", "عنوان الخبر", "وقعت مصر وتركيا اتفاقية لتبادل الغاز الطبيعي.", None, "agreement", [None]),
]


@pytest.mark.parametrize("lang,title,body,published,etype,dates", LEAD)
def test_the_lead_tells_the_news_of_the_day(extractor, lang, title, body, published, etype, dates):
    got = [e.date.iso() if e.date else "article" if e.dated_by_article else None
           for e in extract(extractor, body, published, title, None, lang).events if e.type == etype]
    assert got == dates


PURPOSES = [
    # talks a planned trip is for are planned, on the trip's date
    ("en", "Vladimir Putin will travel to Beijing next month for talks with Xi Jinping.", "2024-05-10",
     [("visit", "planned", "2024-06"), ("meeting", "planned", "2024-06")]),
    ("ar", "وسيزور الرئيس التركي رجب طيب أردوغان القاهرة في يونيو للقاء الرئيس عبد الفتاح السيسي.", "2024-05-10",
     [("visit", "planned", "2024-06"), ("meeting", "planned", "2024-06")]),
    # a trip made: the talks were held
    ("en", "Vladimir Putin travelled to Beijing for talks with Xi Jinping.", "2024-05-10",
     [("visit", "asserted", None), ("meeting", "asserted", None)]),
]


@pytest.mark.parametrize("lang,body,published,expected", PURPOSES)
def test_talks_a_planned_trip_is_for_are_planned(extractor, lang, body, published, expected):
    got = [(e.type, e.modality, e.date.iso() if e.date else None)
           for e in extract(extractor, in_article(lang, body), published).events]
    assert got == expected


UNREAD = [
    # a date that needs the article's date, in an article printing none: its event stays undated,
    # and neither a later date of the sentence nor the trip's other telling dates it
    ("ar", "وفي يونيو الماضي، زار وزير الخارجية الإيراني عباس عراقجي القاهرة بعد جولة في أكتوبر 2024، "
           "والتقى الرئيس عبد الفتاح السيسي.", None, [("visit", None), ("meeting", None)]),
    ("ar", "وصل وزير الخارجية الروسي سيرغي لافروف إلى بيونغ يانغ أمس. والتقى لافروف الزعيم الكوري الشمالي كيم جونغ أون "
           "في 31 مايو 2018.", None, [("visit", None), ("meeting", "2018-05-31")]),
    ("en", "On Tuesday, Xi Jinping arrived in Brasilia and met Lula da Silva.", None, [("visit", None), ("meeting", None)]),
    # with the article's date printed, the same words are read
    ("ar", "وفي يونيو الماضي، زار وزير الخارجية الإيراني عباس عراقجي القاهرة بعد جولة في أكتوبر 2024، "
           "والتقى الرئيس عبد الفتاح السيسي.", "2025-08-01", [("visit", "2025-06"), ("meeting", "2025-06")]),
]


@pytest.mark.parametrize("lang,body,published,expected", UNREAD)
def test_a_date_that_cannot_be_read_leaves_its_event_undated(extractor, lang, body, published, expected):
    got = [(e.type, e.date.iso() if e.date else None) for e in extract(extractor, in_article(lang, body), published).events
           if e.type in ("visit", "meeting")]
    assert got == expected
