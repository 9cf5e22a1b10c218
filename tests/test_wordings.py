"""Wordings of the seven event types found missed by batteries of fresh sentences, Arabic and English:
calls, topics, lists, refusals, material support, departures, pronouns, titles that are no holder."""
import pytest

from tests.test_extract import extract, in_article, participants_of


def _english(extractor, body: str, published: str | None):
    return extract(extractor, body, published, title="Leaders meet in the capital", opening=None, language="en")


STANDING_IN = [
    # the one who came or met for another is the participant; the one represented is not
    ("ar", "وصل ممثل الرئيس الروسي، وزير الخارجية سيرغي لافروف، إلى نيودلهي للمشاركة في القمة.", "visit",
     ["India", "Sergey Lavrov"]),
    ("ar", "وصل وزير الخارجية السعودي الأمير فيصل بن فرحان إلى القاهرة ممثلا عن الملك سلمان.", "visit",
     ["Egypt", "Faisal bin Farhan Al Saud"]),
    ("en", "Saudi Foreign Minister Prince Faisal bin Farhan, representing King Salman, arrived in Algiers on Monday.",
     "visit", ["Algeria", "Faisal bin Farhan Al Saud"]),
    ("en", "On behalf of President Xi Jinping, Foreign Minister Wang Yi met Joe Biden in Washington.", "meeting",
     ["Joe Biden", "Wang Yi"]),
]


@pytest.mark.parametrize("lang,text,etype,parties", STANDING_IN)
def test_who_stands_in_for_another_is_the_participant(extractor, lang, text, etype, parties):
    assert participants_of(extractor, text, "2024-03-10", etype) == [parties]


NOT_THE_HOLDER = [
    # a title with "former" or "elect" after it is not the office's holder at the date: the name is meant
    ("ar", "التقى الرئيس الفرنسي إيمانويل ماكرون الرئيس الأمريكي المنتخب دونالد ترامب في باريس.", "2024-12-08",
     ["Donald Trump", "Emmanuel Macron"]),
    ("en", "French President Emmanuel Macron met US President-elect Donald Trump in Paris.", "2024-12-08",
     ["Donald Trump", "Emmanuel Macron"]),
    ("ar", "واستقبل ولي العهد السعودي الأمير محمد بن سلمان رئيس الوزراء البريطاني السابق بوريس جونسون في الرياض.",
     "2023-05-02", ["Boris Johnson", "Mohammed bin Salman"]),
    ("en", "Saudi Crown Prince Mohammed bin Salman received former British Prime Minister Boris Johnson in Riyadh.",
     "2023-05-02", ["Boris Johnson", "Mohammed bin Salman"]),
]


@pytest.mark.parametrize("lang,text,published,parties", NOT_THE_HOLDER)
def test_a_former_or_elect_title_is_not_the_holder_at_the_date(extractor, lang, text, published, parties):
    assert participants_of(extractor, in_article(lang, text), published, "meeting") == [parties]


CALLS = [
    # a call received or made, the subject's title as long as it may be ("تلقى … اتصالا من", "أجرى … اتصالا بـ")
    ("ar", "تلقى الرئيس عبد الفتاح السيسي اتصالا من الرئيس الفرنسي إيمانويل ماكرون.",
     ["Abdel Fattah el-Sisi", "Emmanuel Macron"]),
    ("ar", "أجرى وزير الخارجية المصري بدر عبد العاطي اتصالا بنظيره الفرنسي جان نويل بارو.",
     ["Badr Abdelatty", "Jean-Noël Barrot"]),
    ("ar", "وأجرت وزيرة الخارجية الكورية الشمالية تشوي سون هوي اتصالا مع نظيرها الروسي سيرغي لافروف.",
     ["Choe Son Hui", "Sergey Lavrov"]),
    ("ar", "وتلقى أمير قطر الشيخ تميم بن حمد آل ثاني اتصالا هاتفيا من الرئيس الإيراني مسعود بزشكيان.",
     ["Masoud Pezeshkian", "Tamim bin Hamad Al Thani"]),
    ("en", "Sergey Lavrov had a call with Wang Yi on Monday.", ["Sergey Lavrov", "Wang Yi"]),
    ("en", "Egyptian President Abdel Fattah el-Sisi received a phone call from French President Emmanuel Macron.",
     ["Abdel Fattah el-Sisi", "Emmanuel Macron"]),
]


@pytest.mark.parametrize("lang,text,parties", CALLS)
def test_a_call_is_a_meeting_of_caller_and_called(extractor, lang, text, parties):
    assert participants_of(extractor, in_article(lang, text), "2024-11-20", "meeting") == [parties]


SET_OFF = [
    # departures and tours name their destination after "for" or "in"
    ("Japanese Prime Minister Fumio Kishida left for Vilnius on Monday.", ["Fumio Kishida", "Lithuania"]),
    ("Chinese Foreign Minister Wang Yi departed Beijing for Moscow on Monday.", ["Russia", "Wang Yi"]),
    ("Narendra Modi set off for Washington on Tuesday to attend the summit.", ["Narendra Modi", "United States"]),
    ("Antony Blinken wrapped up a regional tour in Amman on Thursday.", ["Antony Blinken", "Jordan"]),
    ("Xi Jinping kicked off a European tour in Paris.", ["France", "Xi Jinping"]),
]


@pytest.mark.parametrize("text,parties", SET_OFF)
def test_a_departure_or_tour_visits_its_destination(extractor, text, parties):
    assert participants_of(extractor, in_article("en", text), "2024-05-06", "visit") == [parties]


TOPICS = [
    # what a meeting discussed is no party to it, and "to discuss" is no second meeting
    ("en", "Sergey Lavrov met Wang Yi in Beijing on Tuesday to discuss the situation in Syria.",
     [["Sergey Lavrov", "Wang Yi"]]),
    ("en", "Emmanuel Macron held talks with Olaf Scholz about Ukraine's request for more air defence.",
     [["Emmanuel Macron", "Olaf Scholz"]]),
    ("ar", "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الصيني وانغ يي في بكين لبحث الأزمة السورية.",
     [["Sergey Lavrov", "Wang Yi"]]),
    ("ar", "بحث الرئيس التركي رجب طيب أردوغان مع نظيره الأمريكي جو بايدن ملف انضمام فنلندا إلى حلف الناتو.",
     [["Joe Biden", "Recep Tayyip Erdoğan"]]),
]


@pytest.mark.parametrize("lang,text,meetings", TOPICS)
def test_what_a_meeting_discussed_is_no_party_to_it(extractor, lang, text, meetings):
    assert participants_of(extractor, in_article(lang, text), "2024-03-10", "meeting") == meetings


PRONOUN_SUBJECTS = [
    # "He/She" a few words before a trigger continues the earlier sentence's subject of that gender
    ("Sergey Lavrov arrived in Pyongyang on Friday for talks with Choe Son Hui. He also met Kim Jong Un.",
     ["Kim Jong Un", "Sergey Lavrov"]),
    ("Li Qiang arrived in Canberra on Thursday. On Friday he held talks with Anthony Albanese.",
     ["Anthony Albanese", "Li Qiang"]),
    ("Choe Son Hui flew to Moscow with a delegation. She later met Sergey Lavrov at the ministry.",
     ["Choe Son Hui", "Sergey Lavrov"]),
    # the passive: the one after "received by" hosts, the pronoun's person is the guest
    ("Andrey Belousov held talks with Defence Minister No Kwang Chol in Pyongyang. He was later received by "
     "Kim Jong Un.", ["Andrey Belousov", "Kim Jong Un"]),
]


@pytest.mark.parametrize("text,met", PRONOUN_SUBJECTS)
def test_a_subject_pronoun_continues_the_earlier_subject(extractor, text, met):
    assert met in participants_of(extractor, in_article("en", text), "2024-11-29", "meeting")


def test_he_was_received_by_the_host_is_the_guests_visit(extractor):
    body = in_article("en", "Narendra Modi spoke to reporters in Delhi. He was received by Vladimir Putin in Moscow "
                            "on Monday.")
    assert ["Narendra Modi", "Russia"] in participants_of(extractor, body, "2024-07-10", "visit")


LISTS = [
    # every party a list names takes part: accused, accusers, people who met
    ("en", "Iran accused the United States and Israel on Monday of plotting against it.", "accusation",
     [["Iran", "Israel", "United States"]]),
    ("ar", "اتهمت الصين الولايات المتحدة واليابان بتأجيج التوتر في المنطقة.", "accusation",
     [["China", "Japan", "United States"]]),
    ("en", "Saudi Arabia, Egypt and Jordan condemned Israel's raid on the camp.", "accusation",
     [["Israel", "Saudi Arabia"], ["Egypt", "Israel"], ["Israel", "Jordan"]]),
    ("en", "Lula, Ramaphosa and Modi held talks on the sidelines of the summit.", "meeting",
     [["Cyril Ramaphosa", "Luiz Inácio Lula da Silva", "Narendra Modi"]]),
]


@pytest.mark.parametrize("lang,text,etype,events", LISTS)
def test_every_party_a_list_names_takes_part(extractor, lang, text, etype, events):
    assert participants_of(extractor, in_article(lang, text), "2024-03-10", etype) == events


REFUSED_AND_FAILED = [
    # refused, ruled out, failed, called off though planned: the event did not happen
    ("ar", "رفض الرئيس الأوكراني فولوديمير زيلينسكي لقاء الرئيس البيلاروسي ألكسندر لوكاشينكو.", "meeting", True),
    ("en", "Zelensky ruled out any talks with Lukashenko.", "meeting", True),
    ("en", "Zelensky refused to meet Alexander Lukashenko in Minsk.", "meeting", True),
    ("en", "Xi Jinping called off a planned trip to India.", "visit", True),
    ("ar", "وفشلت روسيا وأوكرانيا في التوصل إلى اتفاق لتبادل الأسرى.", "agreement", True),
    ("en", "Russia and Ukraine failed to reach an agreement on a prisoner swap.", "agreement", True),
    # the failure of a summit that took place is no denial of it
    ("ar", "ورحب بوتين بالحوار رغم فشل القمة الأخيرة بين كيم جونغ أون ودونالد ترامب.", "meeting", False),
    # what did not come of talks is negated, not the talks
    ("ar", "ولم تسفر محادثات لافروف وكوليبا في أنطاليا عن أي اتفاق.", "meeting", False),
    ("ar", "ولم تسفر المحادثات عن أي اتفاق بين روسيا وأوكرانيا.", "agreement", True),
]


@pytest.mark.parametrize("lang,text,etype,negated", REFUSED_AND_FAILED)
def test_a_refused_or_failed_event_is_negated(extractor, lang, text, etype, negated):
    ex = extract(extractor, in_article(lang, text), "2024-03-10")
    assert [e.negated for e in ex.events if e.type == etype] == [negated]


MATERIAL_SUPPORT = [
    # arms, aid packages and joint drills are cooperation between the giver and the receiver
    ("en", "Britain delivered Challenger tanks to Ukraine last week.", ["Ukraine", "United Kingdom"]),
    ("en", "Iran has supplied Russia with air defence systems.", ["Iran", "Russia"]),
    ("en", "Washington unveiled a new military aid package for Taiwan.", ["Taiwan", "United States"]),
    ("en", "Chinese and Russian warships held joint naval drills near Japan.", ["China", "Russia"]),
    ("ar", "أرسلت فرنسا مقاتلات إلى أوكرانيا.", ["France", "Ukraine"]),
    ("ar", "سلمت ألمانيا منظومات دفاع جوي إلى أوكرانيا.", ["Germany", "Ukraine"]),
    ("ar", "أعلنت بريطانيا عن مساعدات عسكرية جديدة لأوكرانيا.", ["Ukraine", "United Kingdom"]),
    ("ar", "أجرت القوات الإيرانية والروسية مناورات مشتركة في المحيط الهندي.", ["Iran", "Russia"]),
]


@pytest.mark.parametrize("lang,text,parties", MATERIAL_SUPPORT)
def test_material_support_is_cooperation(extractor, lang, text, parties):
    assert parties in participants_of(extractor, in_article(lang, text), "2024-03-10", "cooperation")


DELEGATIONS_AND_OWNERS = [
    # a delegation with no named head visits for its state ("وفد روسي": the indefinite adjective names it)
    ("ar", "وصل وفد تركي رفيع المستوى إلى دمشق.", "visit", ["Syria", "Turkey"]),
    ("ar", "توجه وفد صيني إلى طهران صباح اليوم.", "visit", ["China", "Iran"]),
    ("en", "A Chinese delegation arrived in Tehran on Monday.", "visit", ["China", "Iran"]),
    # an indefinite adjective inside a name is the name's ("الأمير تركي بن محمد" is no Turk)
    ("ar", "التقى الأمير تركي بن محمد بن فهد الرئيس الفرنسي إيمانويل ماكرون في باريس.", "meeting", None),
    # "X's invitation": X invites, the one who accepts it is invited
    ("en", "Narendra Modi accepted Vladimir Putin's invitation to visit Moscow.", "invitation",
     ["Narendra Modi", "Vladimir Putin"]),
    ("en", "Erdogan said he had accepted Xi Jinping's invitation.", "invitation", ["Recep Tayyip Erdoğan", "Xi Jinping"]),
    # "alleged that": the speaker accuses the party the allegation names
    ("en", "Justin Trudeau alleged that agents of the Indian government were behind the killing.", "accusation",
     ["India", "Justin Trudeau"]),
]


@pytest.mark.parametrize("lang,text,etype,parties", DELEGATIONS_AND_OWNERS)
def test_delegations_owners_and_allegations_name_their_parties(extractor, lang, text, etype, parties):
    ex = extract(extractor, in_article(lang, text), "2024-03-10")
    if parties is None:
        assert not any(m.entity == "Turkey" for m in ex.mentions)
    else:
        assert parties in participants_of(extractor, in_article(lang, text), "2024-03-10", etype)


SUBJECT_CONTINUES = [
    # "كما التقى", "كما تلقى": a verb without subject continues the earlier sentence's subject, not its object
    ("استقبل ولي العهد السعودي الأمير محمد بن سلمان في الرياض الرئيس التركي رجب طيب أردوغان. كما التقى وزير الخارجية "
     "الأمريكي أنتوني بلينكن.", ["Antony Blinken", "Mohammed bin Salman"]),
    ("أجرى وزير الخارجية المصري بدر عبد العاطي اتصالا هاتفيا مع نظيره السعودي الأمير فيصل بن فرحان. كما تلقى اتصالا من "
     "وزير الخارجية الفرنسي جان نويل بارو.", ["Badr Abdelatty", "Jean-Noël Barrot"]),
]


@pytest.mark.parametrize("text,met", SUBJECT_CONTINUES)
def test_a_verb_without_subject_continues_the_earlier_subject(extractor, text, met):
    assert met in participants_of(extractor, in_article("ar", text), "2024-10-05", "meeting")


ENGLISH_WORDINGS = [
    # sitting down with, greeting, a call's protest, talks inside a time phrase, an honorific inside a title
    ("Antony Blinken sat down with Wang Yi in Jakarta on Thursday.", "meeting", ["Antony Blinken", "Wang Yi"]),
    ("Narendra Modi was greeted at the airport by Mohammed bin Salman.", "visit", ["Narendra Modi", "Saudi Arabia"]),
    ("South Korea lodged a strong protest with Japan over the textbook.", "accusation", ["Japan", "South Korea"]),
    ("China lodged stern representations with Canada over the sanctions.", "accusation", ["Canada", "China"]),
    ("Xi Jinping and Emir Sheikh Tamim bin Hamad agreed to expand trade during talks in Beijing.", "meeting",
     ["Tamim bin Hamad Al Thani", "Xi Jinping"]),
    ("Egypt and Saudi Arabia agreed to step up cooperation against smuggling.", "cooperation", ["Egypt", "Saudi Arabia"]),
]


@pytest.mark.parametrize("text,etype,parties", ENGLISH_WORDINGS)
def test_english_wordings_tell_their_event(extractor, text, etype, parties):
    assert parties in participants_of(extractor, in_article("en", text), "2024-03-10", etype)


def test_both_sides_before_a_cooperation_word_are_the_two_states(extractor):
    ex = _english(extractor, "Fumio Kishida met Narendra Modi in Delhi. Both sides expressed a wish to further deepen "
                             "their partnership.", "2022-03-19")
    assert ["India", "Japan"] in [sorted(e.names()) for e in ex.events if e.type == "cooperation"]


def test_a_call_does_not_date_the_callers_trip(extractor):
    ex = _english(extractor, "Anthony Albanese arrived in Beijing for talks with Xi Jinping. Xi Jinping had spoken to "
                             "Albanese on phone in June 2022 after his election.", None)
    visits = [e for e in ex.events if e.type == "visit"]
    met = [e for e in ex.events if e.type == "meeting" and e.date is not None]
    assert met and visits and all(v.date is None or v.date.iso()[:7] != "2022-06" for v in visits)


ACCUSER_RIGHT_AFTER = [
    # the person right after an accusation noun or verb accuses, not the speaker of the sentence
    ("أعلنت طهران تعليق المحادثات، ويأتي ذلك على خلفية اتهام وزير الخارجية الإيراني عباس عراقجي إسرائيل بتصعيد التوتر.",
     ["Abbas Araghchi", "Israel"]),
    ("وقالت الخارجية الإيرانية إن اتهام وزير الخارجية الإيراني عباس عراقجي لإسرائيل جاء بعد الهجوم.",
     ["Abbas Araghchi", "Israel"]),
]


@pytest.mark.parametrize("text,parties", ACCUSER_RIGHT_AFTER)
def test_the_person_right_after_an_accusation_accuses(extractor, text, parties):
    assert parties in participants_of(extractor, text, "2024-03-10", "accusation")


def test_a_formal_statement_stays_beside_an_accusation_by_another(extractor):
    text = "أعلنت الجزائر قطع علاقاتها الدبلوماسية مع المغرب، على خلفية اتهام وزير الخارجية الجزائري رمطان لعمامرة المغرب بأعمال عدائية."
    assert ["Algeria", "Morocco"] in participants_of(extractor, text, "2021-08-24", "statement")


MAY_THE_MONTH = [
    # "May" after "in", "late", or before a day is the month: a past visit in May stays in this year's May
    ("Sergey Lavrov visited Pyongyang in May.", "2024-05", "asserted"),
    ("Sergey Lavrov visited Pyongyang in late May.", "2024-05", "asserted"),
    ("Sergey Lavrov visited Pyongyang on May 9.", "2024-05-09", "asserted"),
    # the modal verb still plans
    ("Sergey Lavrov may visit Pyongyang in the autumn.", None, "planned"),
]


@pytest.mark.parametrize("text,date,modality", MAY_THE_MONTH)
def test_may_after_in_or_before_a_day_is_the_month(extractor, text, date, modality):
    ex = _english(extractor, text, "2024-06-20")
    assert [(e.date.iso() if e.date else None, e.modality) for e in ex.events if e.type == "visit"] == [(date, modality)]


REPORTED_PRONOUNS = [
    # the pronoun subject of reported speech is its speaker, of that gender ("قال X إنه سيلتقي", "said that he would")
    ("ar", "وقال الرئيس التركي رجب طيب أردوغان إنه سيلتقي الرئيس الإيراني مسعود بزشكيان الشهر المقبل.", "meeting",
     ["Masoud Pezeshkian", "Recep Tayyip Erdoğan"]),
    ("ar", "وأكدت وزيرة الخارجية الكورية الشمالية تشوي سون هوي أنها ستزور بكين قريبا.", "visit", ["China", "Choe Son Hui"]),
    ("ar", "وقال الرئيس البرازيلي لويس إيناسيو لولا دا سيلفا إنه سيعزز العلاقات مع الهند.", "cooperation",
     ["India", "Luiz Inácio Lula da Silva"]),
    ("en", "Recep Tayyip Erdogan said that he would meet Masoud Pezeshkian next month.", "meeting",
     ["Masoud Pezeshkian", "Recep Tayyip Erdoğan"]),
    ("en", "Choe Son Hui said she will visit Beijing soon.", "visit", ["China", "Choe Son Hui"]),
]


@pytest.mark.parametrize("lang,text,etype,parties", REPORTED_PRONOUNS)
def test_a_reported_pronoun_is_its_speaker(extractor, lang, text, etype, parties):
    assert parties in participants_of(extractor, in_article(lang, text), "2024-03-10", etype)


SMALLER_STATES = [
    # a counterpart or office of a state the registry has no holder for is that state
    ("ar", "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الغابوني في موسكو.", ["Gabon", "Sergey Lavrov"]),
    ("ar", "استقبل الرئيس المصري عبد الفتاح السيسي نظيره البوسني في القاهرة.",
     ["Abdel Fattah el-Sisi", "Bosnia and Herzegovina"]),  # (a rotating presidency: no one holder)
    ("en", "Sergey Lavrov met his Zimbabwean counterpart in Moscow.", ["Sergey Lavrov", "Zimbabwe"]),
    ("en", "Wang Yi held talks with his Tanzanian counterpart in Beijing.", ["Tanzania", "Wang Yi"]),
]


@pytest.mark.parametrize("lang,text,parties", SMALLER_STATES)
def test_a_counterpart_without_a_known_holder_is_the_state(extractor, lang, text, parties):
    assert parties in participants_of(extractor, in_article(lang, text), "2024-03-10", "meeting")


BROUGHT_TOGETHER = [
    # a meeting "that brought together" its parties; an invitation to everyone a list names
    ("ar", "وتناول الاجتماع الذي جمع وزير الخارجية المصري بدر عبد العاطي ونظيره التركي هاكان فيدان العلاقات الثنائية.",
     "meeting", ["Badr Abdelatty", "Hakan Fidan"]),
    ("en", "The summit brought together Narendra Modi and Fumio Kishida in Tokyo.", "meeting",
     ["Fumio Kishida", "Narendra Modi"]),
    ("en", "Vladimir Putin invited Xi Jinping and Narendra Modi to Kazan.", "invitation",
     ["Narendra Modi", "Vladimir Putin", "Xi Jinping"]),
]


@pytest.mark.parametrize("lang,text,etype,parties", BROUGHT_TOGETHER)
def test_a_meeting_that_brought_parties_together_and_listed_invitees(extractor, lang, text, etype, parties):
    assert parties in participants_of(extractor, in_article(lang, text), "2024-03-10", etype)


def test_a_name_that_folds_to_a_preposition_does_not_hide_the_accused(extractor):
    # "علي" (Ali) folds like "على" (on), which marks where a condemned act struck
    text = "حذر المرشد الإيراني علي خامنئي إسرائيل من أي هجوم على بلاده."
    assert ["Ali Khamenei", "Israel"] in participants_of(extractor, text, "2024-03-10", "accusation")


SUPPORT_FOR = [
    # military support "for" a state (لـ) is cooperation with it; political support is not
    ("ar", "تعهد رئيس الوزراء البريطاني كير ستارمر بمواصلة تقديم الدعم العسكري لأوكرانيا.", ["Keir Starmer", "Ukraine"]),
    ("en", "Keir Starmer pledged continued military support for Ukraine.", ["Keir Starmer", "Ukraine"]),
    ("en", "Kim Jong Un expressed full support for Russia's position.", None),
]


@pytest.mark.parametrize("lang,text,parties", SUPPORT_FOR)
def test_military_support_for_a_state_is_cooperation(extractor, lang, text, parties):
    got = participants_of(extractor, in_article(lang, text), "2024-03-10", "cooperation")
    assert parties in got if parties else not any("Russia" in g for g in got)


def test_talks_that_yielded_no_deal_negate_the_deal_not_the_talks(extractor):
    ex = extract(extractor, "لم تسفر المحادثات بين الوفدين الروسي والأوكراني في إسطنبول عن أي اتفاق لتبادل الأسرى.", "2024-03-10")
    assert [(e.type, e.negated) for e in ex.events if e.type in ("meeting", "agreement")] == \
        [("meeting", False), ("agreement", True)]


REPORTING_DATES = [
    # the date right after a speech verb is the saying's, not the reported event's
    ("The Kremlin said on Thursday that Putin would hold a video call with Xi Jinping next Tuesday.", "meeting",
     "2021-12-07", "planned"),
    # "plans" after a trigger is its topic, not a plan of it
    ("Xi Jinping and Vladimir Putin issued a joint statement on Thursday criticising U.S. plans for missile defence.",
     "accusation", "2021-12-02", "asserted"),
    ("Ebrahim Raisi and Shehbaz Sharif spoke on the telephone on Thursday.", "meeting", "2021-12-02", "asserted"),
    # an accusation the speech verb tells is dated by the saying
    ("Japan's Defence Ministry said on Thursday that a Chinese military aircraft violated Japanese airspace.",
     "accusation", "2021-12-02", "asserted"),
]


@pytest.mark.parametrize("text,etype,date,modality", REPORTING_DATES)
def test_a_reporting_verbs_date_and_a_topics_plans_are_not_the_events(extractor, text, etype, date, modality):
    ex = _english(extractor, text, "2021-12-03")
    assert (date, modality) in [(e.date.iso() if e.date else None, e.modality) for e in ex.events if e.type == etype]


SUMMIT_ATTENDANCE = [
    # a summit no one "met" at by name: those its "بمشاركة" / "attended by" lists, and its host, took part
    ("ar", "اختتمت في الرياض أمس القمة التي استضافها ولي العهد السعودي الأمير محمد بن سلمان، بمشاركة الرئيس المصري "
           "عبد الفتاح السيسي والعاهل الأردني الملك عبد الله الثاني.",
     ["Abdel Fattah el-Sisi", "Abdullah II of Jordan", "Mohammed bin Salman"]),
    ("ar", "انعقدت القمة الثلاثية في القاهرة بحضور الرئيسين عبد الفتاح السيسي ومحمود عباس.",
     ["Abdel Fattah el-Sisi", "Mahmoud Abbas"]),
    ("en", "The summit in Kazan was attended by Narendra Modi, Xi Jinping and Masoud Pezeshkian.",
     ["Masoud Pezeshkian", "Narendra Modi", "Xi Jinping"]),
]


@pytest.mark.parametrize("lang,text,parties", SUMMIT_ATTENDANCE)
def test_a_summits_attendance_list_took_part(extractor, lang, text, parties):
    assert parties in participants_of(extractor, in_article(lang, text), "2024-10-24", "meeting")


def test_someone_present_at_a_reception_does_not_replace_host_and_guest(extractor):
    text = "استقبل العاهل السعودي الملك سلمان بن عبد العزيز الرئيس الصيني شي جين بينغ، بحضور ولي العهد الأمير محمد بن سلمان."
    met = participants_of(extractor, text, "2022-12-09", "meeting")
    assert any({"Salman of Saudi Arabia", "Xi Jinping"} <= set(m) for m in met)


SIGNED_TO_COOPERATE = [
    # a document signed to cooperate is an agreement; agreeing to cooperate is the cooperation
    ("en", "Egypt and Greece signed a memorandum of understanding on Monday to cooperate in energy.", "agreement"),
    ("en", "Egypt and Greece agreed on Monday to expand cooperation in energy.", "cooperation"),
    ("ar", "اتفقت مصر واليونان على توسيع التعاون في مجال الطاقة.", "cooperation"),
]


@pytest.mark.parametrize("lang,text,etype", SIGNED_TO_COOPERATE)
def test_signed_to_cooperate_is_an_agreement_agreed_to_cooperate_cooperation(extractor, lang, text, etype):
    assert ["Egypt", "Greece"] in participants_of(extractor, in_article(lang, text), "2024-03-12", etype)


CALLED_OFF_AFTER = [
    # told after the event in the passive: cancelled or put off, it is negated (it did not happen when it was to)
    ("ar", "وكانت زيارة الرئيس التونسي قيس سعيد إلى مصر المقررة الأحد الماضي قد ألغيت.", "negated"),
    ("en", "Narendra Modi's visit to Russia was cancelled.", "negated"),
    ("en", "Xi Jinping's visit to India has been postponed.", "negated"),
    ("en", "Xi Jinping visited India and was received by Narendra Modi.", "asserted"),
]


@pytest.mark.parametrize("lang,text,modality", CALLED_OFF_AFTER)
def test_an_event_called_off_in_the_passive_after_it(extractor, lang, text, modality):
    ex = extract(extractor, in_article(lang, text), "2024-03-10")
    assert [e.modality for e in ex.events if e.type == "visit"][:1] == [modality]


ACCUSING_PARTICIPLES = [
    # "متهما", "منددا": an accusation told as a circumstance of another act
    ("وأعلن وزير الخارجية الإيراني عباس عراقجي تعليق المحادثات، متهما الولايات المتحدة بعرقلتها.",
     ["Abbas Araghchi", "United States"]),
    ("وقال وزير الخارجية الروسي سيرغي لافروف إن موسكو مستعدة للحوار، منددا بالعقوبات الأمريكية.",
     ["Sergey Lavrov", "United States"]),
]


@pytest.mark.parametrize("text,parties", ACCUSING_PARTICIPLES)
def test_an_accusing_participle_accuses(extractor, text, parties):
    assert parties in participants_of(extractor, text, "2024-03-10", "accusation")


def test_a_visit_his_own_is_the_subjects(extractor):
    # "في أول زيارة له": the visit belongs to the clause's subject, not to the host met before it
    text = "أجرى الرئيس الإيراني مسعود بزشكيان الخميس مباحثات مع الرئيس عبد الفتاح السيسي في القاهرة، في أول زيارة له إلى مصر."
    assert ["Egypt", "Masoud Pezeshkian"] in participants_of(extractor, text, "2024-12-19", "visit")


def test_the_place_visited_is_no_party_to_the_talks_there(extractor):
    ex = _english(extractor, "Shehbaz Sharif will visit Beijing next week for talks with Xi Jinping.", "2024-06-01")
    assert ["Shehbaz Sharif", "Xi Jinping"] in [sorted(e.names()) for e in ex.events if e.type == "meeting"]


TOUR_LEGS = [
    # the rest of a tour listed after its first destination: a planned visit to each
    ("ar", "وصل وزير الخارجية الروسي سيرغي لافروف اليوم إلى العاصمة الغينية كوناكري في مستهل جولة أفريقية تشمل أيضا "
           "بوركينا فاسو وتشاد.", ["Burkina Faso", "Chad"]),
    ("en", "Sergey Lavrov arrived in Conakry on Monday at the start of an African tour that will also take him to Kenya "
           "and Tanzania.", ["Kenya", "Tanzania"]),
]


@pytest.mark.parametrize("lang,text,legs", TOUR_LEGS)
def test_the_legs_a_tour_lists_are_planned_visits(extractor, lang, text, legs):
    ex = extract(extractor, in_article(lang, text), "2024-06-04")
    planned = [e.names()[-1] for e in ex.events if e.type == "visit" and e.modality == "planned"]
    assert planned == legs


ARABIC_COOPERATION_VERBS = [
    # the verbs, not only their nouns: a second sentence for each of the forms found on dev ("سيوطّد", "عمّق")
    ("وقال الرئيس المصري عبد الفتاح السيسي إنه سيوطد العلاقات مع اليونان.", ["Abdel Fattah el-Sisi", "Greece"]),
    ("وأكد البيان أن الزيارة عمّقت العلاقات بين مصر واليونان.", ["Egypt", "Greece"]),
    ("وعززت مصر واليونان تعاونهما في مجال الطاقة.", ["Egypt", "Greece"]),
    ("وطورت مصر والسعودية علاقاتهما الاقتصادية.", ["Egypt", "Saudi Arabia"]),
]


@pytest.mark.parametrize("text,parties", ARABIC_COOPERATION_VERBS)
def test_arabic_cooperation_verbs_tell_cooperation(extractor, text, parties):
    assert parties in participants_of(extractor, text, "2024-03-10", "cooperation")


PLANNED_IN_A_RELATIVE = [
    # a plan between the relative and its light verb ("التي كان من المقرر أن يقوم بها X") keeps X the visitor
    ("أرجأت الحكومة الأردنية الزيارة التي كان من المقرر أن يقوم بها الرئيس الفرنسي إيمانويل ماكرون إلى عمّان.",
     ["Emmanuel Macron", "Jordan"]),
    ("وتندرج الزيارة التي من المنتظر أن يقوم بها وزير الخارجية الصيني وانغ يي إلى القاهرة في إطار الشراكة.",
     ["Egypt", "Wang Yi"]),
]


@pytest.mark.parametrize("text,parties", PLANNED_IN_A_RELATIVE)
def test_a_plan_inside_a_light_relative_keeps_its_doer(extractor, text, parties):
    assert parties in participants_of(extractor, text, "2024-03-10", "visit")


CALLED_OFF_ACROSS_AN_ASIDE = [
    # a relative clause between commas does not hide the passive that befell the event
    ("ar", "وكانت زيارة وزير الخارجية التركي هاكان فيدان إلى بغداد، التي تقررت الشهر الماضي، قد ألغيت.", "negated"),
    ("en", "Hakan Fidan's visit to Baghdad, which had been agreed last month, was called off.", "negated"),
    ("en", "Hakan Fidan's visit to Baghdad, which had been agreed last month, has been postponed.", "negated"),
    ("en", "Hakan Fidan's visit to Baghdad, which had been agreed last month, went ahead.", "asserted"),
]


@pytest.mark.parametrize("lang,text,modality", CALLED_OFF_ACROSS_AN_ASIDE)
def test_an_event_called_off_after_an_aside(extractor, lang, text, modality):
    ex = extract(extractor, in_article(lang, text), "2024-03-10")
    assert [e.modality for e in ex.events if e.type == "visit"][:1] == [modality]


DELEGATIONS_WITHOUT_A_HEAD = [
    # a delegation of a state or a body, its adjectives before the state ("وفد عسكري تركي", "وفد من الاتحاد الأفريقي")
    ("وصل وفد عسكري تركي إلى الدوحة أمس.", ["Qatar", "Turkey"]),
    ("توجه وفد من الاتحاد الأفريقي إلى الخرطوم.", ["African Union", "Sudan"]),
    ("وصل الوفد إلى روسيا أمس.", None),  # no one's delegation: Russia is where it went
]


@pytest.mark.parametrize("text,parties", DELEGATIONS_WITHOUT_A_HEAD)
def test_a_delegation_without_a_head_is_its_state_or_bodys(extractor, text, parties):
    assert participants_of(extractor, text, "2024-03-10", "visit") == ([parties] if parties else [])


SECOND_ACCUSATIONS = [
    # an accusing verb joined after another accusation is a second one, of its own accused
    ("ar", "وانتقد وزير الخارجية الإيراني عباس عراقجي صمت الأمم المتحدة، واتهم بريطانيا بدعم الاحتلال.",
     ["Abbas Araghchi", "United Kingdom"]),
    ("en", "Abbas Araghchi criticised the silence of the United Nations and accused Britain of backing the occupation.",
     ["Abbas Araghchi", "United Kingdom"]),
]


@pytest.mark.parametrize("lang,text,parties", SECOND_ACCUSATIONS)
def test_an_accusation_joined_after_another_is_its_own(extractor, lang, text, parties):
    assert parties in participants_of(extractor, in_article(lang, text), "2024-03-10", "accusation")


ACCUSED_BESIDE_AND_PAIRED = [
    # who stands with the accuser is not accused; two adjectives in a row are two states accused
    ("ar", "وانتقد وزير الخارجية الروسي سيرغي لافروف العقوبات الغربية خلال مؤتمر صحفي مع نظيره التركي هاكان فيدان.",
     []),
    ("en", "Sergey Lavrov criticised Western sanctions at a news conference alongside his Turkish counterpart Hakan Fidan.",
     []),
    ("ar", "وأدانت الجزائر الغارات الأمريكية البريطانية على اليمن.", [["Algeria", "United Kingdom", "United States"]]),
    ("en", "Algeria condemned the US-British air strikes on Yemen.", [["Algeria", "United Kingdom", "United States"]]),
]


@pytest.mark.parametrize("lang,text,expected", ACCUSED_BESIDE_AND_PAIRED)
def test_the_accused_is_not_beside_the_accuser_and_paired_adjectives_both_are(extractor, lang, text, expected):
    assert participants_of(extractor, in_article(lang, text), "2024-03-10", "accusation") == expected


def test_a_state_reported_as_she_in_arabic_is_the_speaker(extractor):
    # states are feminine in Arabic: "قالت إيران إنها ستزود" reports Iran's own act
    text = "وقالت إيران إنها ستزود فنزويلا بطائرات مسيرة."
    assert ["Iran", "Venezuela"] in participants_of(extractor, text, "2024-03-10", "cooperation")


def test_troops_sent_fight_beside_the_state_not_against_the_one_facing_them(extractor):
    ex = _english(extractor, "Iran said it had deployed troops on the front line with Ukraine alongside Russian "
                             "forces.", "2025-05-01")
    assert [sorted(e.names()) for e in ex.events if e.type == "cooperation"] == [["Iran", "Russia"]]


WHAT_THE_TWO_WHO_MET_DID = [
    # a signing joined to a meeting, with no party of its own, is the two who met
    ("en", "Narendra Modi met Fumio Kishida in Tokyo and signed a defence pact.", ["Fumio Kishida", "Narendra Modi"]),
    ("ar", "والتقى الرئيس الإماراتي الشيخ محمد بن زايد رئيس الوزراء الهندي ناريندرا مودي ووقع معه اتفاقية للتجارة.",
     ["Mohamed bin Zayed Al Nahyan", "Narendra Modi"]),
    # a signing they are to discuss is a topic, not done
    ("ar", "ويلتقي الرئيس الإماراتي الشيخ محمد بن زايد رئيس الوزراء الهندي ناريندرا مودي لبحث التعاون وتوقيع اتفاقيات.",
     None),
]


@pytest.mark.parametrize("lang,text,parties", WHAT_THE_TWO_WHO_MET_DID)
def test_a_signing_joined_to_a_meeting_is_the_two_who_met(extractor, lang, text, parties):
    got = participants_of(extractor, in_article(lang, text), "2024-03-10", "agreement")
    assert (parties in got) if parties else got == []


CALLED = [
    # "called" is a call with a person right after it, not a demand or a name given
    ("Japanese Prime Minister Fumio Kishida called Chinese Premier Li Qiang on Friday.", [["Fumio Kishida", "Li Qiang"]]),
    ("Fumio Kishida called Xi Jinping a partner in peace.", []),
    ("Fumio Kishida called for calm in the region.", []),
]


@pytest.mark.parametrize("text,meetings", CALLED)
def test_called_is_a_call_only_with_a_person_right_after(extractor, text, meetings):
    ex = _english(extractor, text, "2024-03-10")
    assert [sorted(e.names()) for e in ex.events if e.type == "meeting"] == meetings


TOPIC_DEALS = [
    # a deal talked about is the talks' topic, not an agreement reached
    ("en", "Pedro Sanchez and Lula discussed the trade deal on Sunday."),
    ("ar", "وبحث الرئيس الفرنسي إيمانويل ماكرون مع الرئيس البرازيلي لولا دا سيلفا اتفاق التجارة."),
]


@pytest.mark.parametrize("lang,text", TOPIC_DEALS)
def test_a_deal_discussed_is_no_agreement(extractor, lang, text):
    ex = extract(extractor, in_article(lang, text), "2024-03-10")
    assert [e.type for e in ex.events if e.type in ("meeting", "agreement")] == ["meeting"]


INVITATIONS_NOT_TAKEN_UP = [
    # not accepting an invitation negates the acceptance; the invitation was made
    ("ar", "واعتذر رئيس الوزراء الهندي ناريندرا مودي عن عدم تلبية دعوة الرئيس الروسي فلاديمير بوتين."),
    ("en", "Indian Prime Minister Narendra Modi did not accept the invitation of Russian President Vladimir Putin."),
]


@pytest.mark.parametrize("lang,text", INVITATIONS_NOT_TAKEN_UP)
def test_an_invitation_not_taken_up_was_made(extractor, lang, text):
    ex = extract(extractor, in_article(lang, text), "2024-03-10")
    assert [e.modality for e in ex.events if e.type == "invitation"] in (["asserted"], ["planned"])


PAIRED_SUBJECTS = [
    # a talks verb whose subject is the two who met is a meeting; with one subject it tells a topic
    ("وناقش وزير الخارجية التركي هاكان فيدان ونظيره الإيراني عباس عراقجي الأوضاع في سوريا.",
     [["Abbas Araghchi", "Hakan Fidan"]]),
    ("واستعرض ولي العهد السعودي الأمير محمد بن سلمان والرئيس الأمريكي دونالد ترامب العلاقات الثنائية.",
     [["Donald Trump", "Mohammed bin Salman"]]),
    ("وناقش وزير الخارجية التركي هاكان فيدان الأوضاع في سوريا.", []),
]


@pytest.mark.parametrize("text,meetings", PAIRED_SUBJECTS)
def test_a_talks_verb_with_a_pair_for_subject_is_a_meeting(extractor, text, meetings):
    assert participants_of(extractor, text, "2024-03-10", "meeting") == meetings


SAID_AND_ACCUSED = [
    # an accusing verb joined after a saying has its own accused, not the saying's subject
    ("en", "Egyptian President Abdel Fattah el-Sisi said on Monday that Qatar was a partner and condemned Israel's raids "
           "on Rafah.", ["Abdel Fattah el-Sisi", "Israel"]),
    ("ar", "وقال الرئيس المصري عبد الفتاح السيسي إن قطر شريك أساسي، وأدان الغارات الإسرائيلية على رفح.",
     ["Abdel Fattah el-Sisi", "Israel"]),
]


@pytest.mark.parametrize("lang,text,parties", SAID_AND_ACCUSED)
def test_an_accusation_joined_after_a_saying_has_its_own_accused(extractor, lang, text, parties):
    assert participants_of(extractor, in_article(lang, text), "2024-03-10", "accusation") == [parties]


COMING_DATES = [
    # an Arabic present verb with a bare date tells what is coming; "this Friday" is the coming one
    ("ar", "يستقبل الرئيس المصري عبد الفتاح السيسي نظيره التركي رجب طيب أردوغان في القاهرة الأحد.", "2024-03-12",
     "2024-03-17", "planned"),
    ("ar", "يصل وزير الخارجية الصيني وانغ يي إلى القاهرة في 14 مارس.", "2024-03-12", "2024-03-14", "planned"),
    ("ar", "وصل وزير الخارجية الصيني وانغ يي إلى القاهرة في 14 مارس.", "2024-03-12", "2023-03-14", "asserted"),
    ("ar", "يزور وزير الخارجية الصيني وانغ يي القاهرة في الفترة من 30 مارس إلى 2 أبريل المقبلين.", "2024-03-12",
     "2024-03-30", "planned"),
    ("en", "Wang Yi will visit Cairo this Friday.", "2024-03-11", "2024-03-15", "planned"),
]


@pytest.mark.parametrize("lang,text,published,date,modality", COMING_DATES)
def test_what_is_coming_is_dated_ahead(extractor, lang, text, published, date, modality):
    ex = extract(extractor, in_article(lang, text), published)
    got = [(e.date and e.date.value.isoformat(), e.modality) for e in ex.events if e.type in ("visit", "meeting")]
    assert got[:1] == [(date, modality)]


DAYS_COUNTED_FROM_AN_EVENT = [
    # "the next day", "في اليوم التالي", "the same day": counted from the last event the article dated
    ("en", "Narendra Modi arrived in Moscow on July 8. On the following day, he held talks with Vladimir Putin.",
     "2024-07-12", "2024-07-09"),
    ("en", "Narendra Modi arrived in Moscow on Monday and met Vladimir Putin the next day.", "2024-07-12", "2024-07-09"),
    ("ar", "وصل رئيس الوزراء الهندي ناريندرا مودي إلى موسكو الاثنين. وفي اليوم التالي التقى الرئيس الروسي فلاديمير "
           "بوتين.", "2024-07-12", "2024-07-09"),
    ("ar", "وصل رئيس الوزراء الهندي ناريندرا مودي إلى موسكو الاثنين، والتقى في اليوم ذاته الرئيس الروسي فلاديمير بوتين.",
     "2024-07-12", "2024-07-08"),
    # the day told last, though no event was told with it
    ("ar", "انطلقت في موسكو في 8 يوليو أعمال المنتدى الاقتصادي. وفي اليوم ذاته التقى الرئيس الروسي فلاديمير بوتين "
           "رئيس الوزراء الهندي ناريندرا مودي.", "2024-07-12", "2024-07-08"),
]


@pytest.mark.parametrize("lang,text,published,date", DAYS_COUNTED_FROM_AN_EVENT)
def test_a_day_counted_from_an_event_dates_the_next(extractor, lang, text, published, date):
    ex = extract(extractor, in_article(lang, text), published)
    assert [e.date and e.date.value.isoformat() for e in ex.events if e.type == "meeting"] == [date]


def test_a_date_between_a_clauses_verb_and_its_event_noun_is_the_nouns(extractor):
    text = "وصل الرئيس التركي رجب طيب أردوغان إلى القاهرة الأربعاء، وأجرى الخميس محادثات مع الرئيس عبد الفتاح السيسي."
    ex = extract(extractor, text, "2024-02-16")
    assert [(e.type, e.date.value.isoformat()) for e in ex.events if e.type in ("visit", "meeting")] == [
        ("visit", "2024-02-14"), ("meeting", "2024-02-15")]


def test_a_person_the_registry_does_not_know_takes_part_by_their_title(extractor):
    ex = _english(extractor, "Chinese President Xi Jinping met Kenyan Trade Minister Rebecca Miano in Beijing.",
                  "2024-03-10")
    assert any("Rebecca Miano" in e.names() for e in ex.events if e.type == "meeting")


ASIDES = [
    # a relative clause between commas tells its own event; the main verb's subject is the aside's head
    ("en", "Indian Prime Minister Narendra Modi, who visited Russia in July, will travel to Ukraine next week.",
     [("Russia", "asserted"), ("Ukraine", "planned")]),
    ("ar", "وقال رئيس الوزراء الهندي ناريندرا مودي، الذي زار روسيا في يوليو، إنه سيزور أوكرانيا الأسبوع المقبل.",
     [("Russia", "asserted"), ("Ukraine", "planned")]),
]


@pytest.mark.parametrize("lang,text,visits", ASIDES)
def test_an_aside_tells_its_own_event_and_leaves_the_subject_to_its_head(extractor, lang, text, visits):
    ex = extract(extractor, in_article(lang, text), "2024-08-12")
    got = [(e.names()[-1], e.modality) for e in ex.events if e.type == "visit" and "Narendra Modi" in e.names()]
    assert got == visits


def test_where_he_continues_the_sentences_subject(extractor):
    ex = _english(extractor, "Turkish President Recep Tayyip Erdogan visited Cairo on Wednesday, where he held talks "
                             "with President Abdel Fattah el-Sisi.", "2024-02-16")
    assert [sorted(e.names()) for e in ex.events if e.type == "meeting"] == [
        ["Abdel Fattah el-Sisi", "Recep Tayyip Erdoğan"]]


TRAVELLING_TOGETHER = [
    # people joined to the visitor travel too: a visit of each
    ("en", "French Foreign Minister Jean-Noël Barrot and German Foreign Minister Annalena Baerbock visited Damascus on "
           "Friday."),
    ("ar", "وزار وزير الخارجية الفرنسي جان نويل بارو ووزيرة الخارجية الألمانية أنالينا بيربوك دمشق الجمعة."),
    ("ar", "ووصل وزير الخارجية الفرنسي جان نويل بارو ونظيرته الألمانية أنالينا بيربوك إلى دمشق الجمعة."),
]


@pytest.mark.parametrize("lang,text", TRAVELLING_TOGETHER)
def test_people_joined_to_a_visitor_visit_too(extractor, lang, text):
    got = participants_of(extractor, in_article(lang, text), "2025-01-04", "visit")
    assert sorted(got) == [["Annalena Baerbock", "Syria"], ["Jean-Noël Barrot", "Syria"]]


def test_a_definite_event_noun_dated_by_a_weekday_dates_the_happening(extractor):
    ex = _english(extractor, "Chinese President Xi Jinping and French President Emmanuel Macron held talks in Paris. "
                             "The talks took place on Monday at the Elysee Palace.", "2024-05-08")
    assert [e.date and e.date.value.isoformat() for e in ex.events if e.type == "meeting"] == ["2024-05-06"]


HE_AND = [
    # "He and X" opens a sentence: the pronoun is the earlier sentence's subject, beside X
    ("Egyptian President Abdel Fattah el-Sisi arrived in Athens on Monday. He and Greek Prime Minister Kyriakos "
     "Mitsotakis signed a strategic partnership.", "agreement", ["Abdel Fattah el-Sisi", "Kyriakos Mitsotakis"]),
    ("Egyptian President Abdel Fattah el-Sisi arrived in Athens on Monday. He and Prime Minister Kyriakos Mitsotakis "
     "discussed energy links.", "meeting", ["Abdel Fattah el-Sisi", "Kyriakos Mitsotakis"]),
]


@pytest.mark.parametrize("text,etype,parties", HE_AND)
def test_he_and_x_is_the_earlier_subject_and_x(extractor, text, etype, parties):
    ex = _english(extractor, text, "2024-05-08")
    assert parties in [sorted(e.names()) for e in ex.events if e.type == etype]


def test_the_owner_of_a_visit_after_of_is_the_visitor(extractor):
    ex = _english(extractor, "Talks dominated the second day of Indian Prime Minister Narendra Modi's visit to Kyiv.",
                  "2024-08-24")
    assert [sorted(e.names()) for e in ex.events if e.type == "visit"] == [["Narendra Modi", "Ukraine"]]


URGED_TO_STOP = [
    # urging someone to stop what they do accuses them of it
    ("en", "French President Emmanuel Macron urged Iran to stop supplying drones to Russia.", ["Emmanuel Macron", "Iran"]),
    ("ar", "وحث الرئيس الفرنسي إيمانويل ماكرون إيران على التوقف عن تزويد روسيا بالطائرات المسيرة.",
     ["Emmanuel Macron", "Iran"]),
]


@pytest.mark.parametrize("lang,text,parties", URGED_TO_STOP)
def test_urging_to_stop_accuses(extractor, lang, text, parties):
    assert parties in participants_of(extractor, in_article(lang, text), "2024-03-10", "accusation")


MORE_WORDINGS_EN = [
    # expelling a diplomat accuses their state; telephoning, co-chairing is meeting; a participle after a
    # verb that told no event still has that verb's subject
    ("Mali expelled the French ambassador on Monday.", "accusation", ["France", "Mali"]),
    ("Emir Sheikh Tamim bin Hamad Al Thani telephoned Turkish President Recep Tayyip Erdogan on Monday.", "meeting",
     ["Recep Tayyip Erdoğan", "Tamim bin Hamad Al Thani"]),
    ("Narendra Modi and Fumio Kishida co-chaired the summit in Tokyo.", "meeting", ["Fumio Kishida", "Narendra Modi"]),
    ("Recep Tayyip Erdogan signed a decree on Saturday, accusing Israel of war crimes.", "accusation",
     ["Israel", "Recep Tayyip Erdoğan"]),
]


@pytest.mark.parametrize("text,etype,parties", MORE_WORDINGS_EN)
def test_more_english_wordings(extractor, text, etype, parties):
    ex = _english(extractor, text, "2024-03-12")
    assert parties in [sorted(e.names()) for e in ex.events if e.type == etype]


def test_the_states_of_office_holders_after_of_are_the_subject(extractor):
    ex = _english(extractor, "The foreign ministers of Egypt, Jordan and Qatar met in Amman on Saturday.", "2024-03-12")
    assert [sorted(e.names()) for e in ex.events if e.type == "meeting"] == [["Egypt", "Jordan", "Qatar"]]


STATE_OR_WORD = [
    # "مالي" is Mali where a word cannot stand (after a preposition, joined by و to a state), else "financial"
    ("وصل وزير الخارجية التركي هاكان فيدان إلى مالي أمس.", {"Mali"}),
    ("ووقعت النيجر ومالي اتفاقية للدفاع المشترك.", {"Mali", "Niger"}),
    ("وأعلنت تونس عن عجز مالي كبير.", {"Tunisia"}),
    ("وقدمت تونس دعما عسكريا وماليا للنيجر.", {"Tunisia", "Niger"}),
]


@pytest.mark.parametrize("text,states", STATE_OR_WORD)
def test_a_state_name_that_is_a_word_names_the_state_in_place(extractor, text, states):
    ex = extract(extractor, text, "2024-03-10")
    assert {m.entity for m in ex.mentions if m.kind == "state" and m.segment_order > 1} == states
