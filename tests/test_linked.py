"""Linked happenings: an undated event dated by the visit or summit it was part of."""
import pytest

from tests.test_extract import events, in_article

LINKED = [
    # told "during" a dated visit: the visit's date
    ("en", "Russian President Vladimir Putin arrived in Pyongyang on Wednesday. During Putin's visit to North Korea, "
           "Moscow and Pyongyang signed a strategic partnership agreement.", "2024-06-20", "agreement", ["2024-06-19"]),
    ("ar", "وصل الرئيس الروسي فلاديمير بوتين إلى بيونغ يانغ يوم الأربعاء. ووقعت روسيا وكوريا الشمالية خلال زيارة بوتين "
           "إلى كوريا الشمالية معاهدة للشراكة الاستراتيجية.", "2024-06-20", "agreement", ["2024-06-19"]),
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
