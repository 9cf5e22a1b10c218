"""Common wordings of the seven event types, one sentence each, in Arabic and English."""
import pytest

from tests.test_extract import events, extract, in_article, participants_of

PHRASINGS = [
    # calls and talks
    ("ar", "تحدث الرئيس الفرنسي إيمانويل ماكرون مع الرئيس الأمريكي جو بايدن.", "meeting", ["Emmanuel Macron", "Joe Biden"]),
    ("en", "French President Emmanuel Macron spoke with US President Joe Biden by phone.", "meeting",
     ["Emmanuel Macron", "Joe Biden"]),
    ("en", "Emmanuel Macron talked with Olaf Scholz on Monday.", "meeting", ["Emmanuel Macron", "Olaf Scholz"]),
    # material support
    ("ar", "قدمت كوريا الشمالية ذخائر لروسيا.", "cooperation", ["North Korea", "Russia"]),
    ("ar", "وأرسلت كوريا الشمالية نحو 10 آلاف جندي إلى روسيا.", "cooperation", ["North Korea", "Russia"]),
    ("en", "North Korea has supplied artillery shells to Russia.", "cooperation", ["North Korea", "Russia"]),
    ("en", "Iran provided drones to Russia.", "cooperation", ["Iran", "Russia"]),
    ("en", "China supplied Iran with drones.", "cooperation", ["China", "Iran"]),
    # blame
    ("ar", "حملت أوكرانيا روسيا مسؤولية الهجوم.", "accusation", ["Russia", "Ukraine"]),
    ("ar", "واعتبرت الصين المناورات الأمريكية استفزازية.", "accusation", ["China", "United States"]),
    # an agreement told in a relative clause inside a concern is still told
    ("ar", "وأبدت اليابان قلقها إزاء الاتفاق الذي أبرم بين كوريا الشمالية وروسيا.", "agreement", ["North Korea", "Russia"]),
    # rejection and protest
    ("ar", "وأعربت وزارة الخارجية الصينية عن رفضها للعقوبات الأمريكية.", "accusation", ["China", "United States"]),
    ("ar", "واحتجت اليابان لدى روسيا على المعاهدة.", "accusation", ["Japan", "Russia"]),
    ("en", "Japan lodged a protest with Russia over the treaty.", "accusation", ["Japan", "Russia"]),
    ("en", "Japan protested to Russia over the treaty.", "accusation", ["Japan", "Russia"]),
    # congratulations name whom they address
    ("ar", "وهنأت الرئيسة الهندية دروبادي مورمو الرئيس الروسي فلاديمير بوتين بإعادة انتخابه.", "statement",
     ["Droupadi Murmu", "Vladimir Putin"]),
    ("ar", "وبعث كيم جونغ أون برسالة تهنئة إلى بوتين بعيد ميلاده.", "statement", ["Kim Jong Un", "Vladimir Putin"]),
    ("en", "Xi Jinping congratulated Vladimir Putin on his re-election.", "statement", ["Vladimir Putin", "Xi Jinping"]),
    # travel
    ("en", "Chinese President Xi Jinping headed to Riyadh.", "visit", ["Saudi Arabia", "Xi Jinping"]),
    ("en", "Narendra Modi flew to Washington for talks.", "visit", ["Narendra Modi", "United States"]),
]


@pytest.mark.parametrize("lang,text,etype,parties", PHRASINGS)
def test_a_common_wording_tells_its_event(extractor, lang, text, etype, parties):
    got = participants_of(extractor, in_article(lang, text), "2024-05-10", etype)
    assert got[:1] == [parties]


REPORTED_ACTS = [
    # a third state that says another sent troops or arms accuses it
    ("ar", "وأكدت وزارة الدفاع الأميركية أن كوريا الشمالية أرسلت نحو 10 آلاف جندي إلى روسيا.",
     [["North Korea", "United States"]]),
    ("ar", "وقالت الاستخبارات الكورية الجنوبية إن بيونغ يانغ أرسلت قوات إلى روسيا.", [["North Korea", "South Korea"]]),
    ("en", "South Korea's spy agency said that North Korea had sent troops to Russia.", [["North Korea", "South Korea"]]),
    # so does saying that they work together militarily
    ("ar", "وأعلن الرئيس الكوري الجنوبي يون سوك يول أن التعاون العسكري بين موسكو وبيونغ يانغ يتعزز.",
     [["Russia", "Yoon Suk Yeol"]]),
    ("ar", "وقال بوتين إن التعاون العسكري مع كوريا الشمالية يتطور.", []),
    # the sender or the receiver saying so accuses no one
    ("ar", "وقال بوتين إن كوريا الشمالية أرسلت جنودا إلى روسيا.", []),
    ("en", "Kim Jong Un said that North Korea had sent troops to Russia.", []),
    # sending a letter is no material act
    ("en", "Seoul said that Pyongyang had sent a letter to Moscow.", []),
]


@pytest.mark.parametrize("lang,text,accusations", REPORTED_ACTS)
def test_saying_that_another_state_sent_troops_accuses_it(extractor, lang, text, accusations):
    got = participants_of(extractor, in_article(lang, text), "2024-11-01", "accusation")
    assert got == accusations


def test_the_two_countries_rejecting_a_plan_accuse_its_author(extractor):
    body = ("استقبل الرئيس الجزائري عبد المجيد تبون نظيره التونسي قيس سعيد في الجزائر. وتربط الجزائر وتونس علاقات وثيقة.\n"
            "وأعلنت حكومتا البلدين رفضهما خطة الرئيس الأمريكي دونالد ترامب للسلام.")
    got = participants_of(extractor, body, "2020-02-01", "accusation")
    assert got == [["Algeria", "Donald Trump"], ["Donald Trump", "Tunisia"]]  # one accusation each



DUAL_OFFICES = [
    # one title for two states: each state's holder of the office
    ("ar", "وأجرى وزيرا خارجية مصر وإيران مشاورات في القاهرة.", "2025-06-10", ["Abbas Araghchi", "Badr Abdelatty"]),
    ("ar", "وأجرى وزيرا الخارجية في مصر وإيران مباحثات في القاهرة.", "2025-06-10", ["Abbas Araghchi", "Badr Abdelatty"]),
    ("en", "The foreign ministers of Egypt and Iran held talks in Cairo.", "2025-06-10", ["Abbas Araghchi", "Badr Abdelatty"]),
    ("ar", "والتقى رئيسا مصر وتركيا في أنقرة.", "2024-09-04", ["Abdel Fattah el-Sisi", "Recep Tayyip Erdoğan"]),
    # without a title the states meet
    ("ar", "وأجرت مصر وإيران مشاورات في القاهرة.", "2025-06-10", ["Egypt", "Iran"]),
]


@pytest.mark.parametrize("lang,text,published,people", DUAL_OFFICES)
def test_one_title_for_two_states_names_both_holders(extractor, lang, text, published, people):
    got = participants_of(extractor, in_article(lang, text), published, "meeting")
    assert got[:1] == [people]


TWO_COUNTRIES_OFFICES = [
    ("ar", "وأجرى وزيرا خارجية البلدين مباحثات.", ["Hakan Fidan", "Sameh Shoukry"]),
    ("en", "The foreign ministers of the two countries held talks.", ["Hakan Fidan", "Sameh Shoukry"]),
    ("ar", "والتقى رئيسا البلدين في القاهرة.", ["Abdel Fattah el-Sisi", "Recep Tayyip Erdoğan"]),
]


@pytest.mark.parametrize("lang,text,people", TWO_COUNTRIES_OFFICES)
def test_an_office_of_the_two_countries_is_held_by_one_person_in_each(extractor, lang, text, people):
    opening = ("Egypt and Turkey want better ties. Egypt and Turkey signed deals." if lang == "en"
               else "وتعمل مصر وتركيا على تحسين العلاقات. ووقعت مصر وتركيا اتفاقيات.")
    body = f"{opening}\n{text}"
    got = participants_of(extractor, body, "2024-02-14", "meeting")
    assert got[:1] == [people]


VISITED_IT = [
    # the place "it" stands for is the last state named that is not the visitor's own
    ("ar", "وتعد روسيا شريكا مهما لكوريا الشمالية.\nوقد زارها كيم جونغ أون في 2019 و2023.",
     [["Kim Jong Un", "Russia", "2019"], ["Kim Jong Un", "Russia", "2023"]]),
    ("en", "Putin last went to North Korea in 2000. Putin visited it again in June 2024.",
     [["North Korea", "Vladimir Putin", "2024-06"]]),
    ("en", "Egypt is a key partner. Erdogan visited there in February 2024.",
     [["Egypt", "Recep Tayyip Erdoğan", "2024-02"]]),
    # no place named before: no visit
    ("ar", "وقد زارها كيم جونغ أون في 2019.", []),
]


@pytest.mark.parametrize("lang,body,visits", VISITED_IT)
def test_visiting_it_goes_to_the_place_named_before(extractor, lang, body, visits):
    got = [[*names, d] for t, names, _, d in events(extractor, in_article(lang, body), "2024-09-01") if t == "visit"]
    assert got == visits


LISTED_DESTINATIONS = [
    # a visit to each destination listed, dated by the date right after it or the one they share
    ("ar", "وزار الرئيس الجزائري عبد المجيد تبون السعودية في فبراير 2020، ثم تونس في ديسمبر 2021.",
     [["Abdelmadjid Tebboune", "Saudi Arabia", "2020-02"], ["Abdelmadjid Tebboune", "Tunisia", "2021-12"]]),
    ("ar", "وقام تبون بزيارات إلى السعودية وتونس وإيطاليا.",
     [["Abdelmadjid Tebboune", "Saudi Arabia", None], ["Abdelmadjid Tebboune", "Tunisia", None],
      ["Abdelmadjid Tebboune", "Italy", None]]),
    ("en", "Modi visited Russia and Austria in July 2024.",
     [["Narendra Modi", "Russia", "2024-07"], ["Austria", "Narendra Modi", "2024-07"]]),
    ("en", "Erdogan visited Saudi Arabia in July 2023 and Egypt in February 2024.",
     [["Recep Tayyip Erdoğan", "Saudi Arabia", "2023-07"], ["Egypt", "Recep Tayyip Erdoğan", "2024-02"]]),
    # a state after other words is no second destination, nor is the visitor's own
    ("en", "Modi visited Russia, where India bought oil.", [["Narendra Modi", "Russia", None]]),
    ("ar", "وزار تبون تونس ثم عاد إلى الجزائر.", [["Abdelmadjid Tebboune", "Tunisia", None]]),
]


@pytest.mark.parametrize("lang,text,visits", LISTED_DESTINATIONS)
def test_each_listed_destination_is_a_visit(extractor, lang, text, visits):
    got = [[*names, d] for t, names, _, d in events(extractor, in_article(lang, text), "2024-09-01") if t == "visit"]
    assert got == visits


BARE_KINGDOM = [
    # "المملكة" / "the Kingdom": the one kingdom the article names
    ("ar", "وصل الرئيس الصيني شي جين بينغ إلى السعودية. وتأتي الزيارة التي يقوم بها الرئيس الصيني للمملكة في إطار القمة.",
     "visit", ["Saudi Arabia", "Xi Jinping"], 2),
    ("en", "Xi Jinping arrived in Jordan on Monday. Xi Jinping's visit to the Kingdom lasts two days.",
     "visit", ["Jordan", "Xi Jinping"], 2),
    # two kingdoms named: "المملكة" stays unread
    ("ar", "وزار الملك عبد الله الثاني السعودية قادما من الأردن. وتأتي الزيارة التي يقوم بها الرئيس الصيني للمملكة.",
     "visit", ["Abdullah II of Jordan", "Saudi Arabia"], 1),
]


@pytest.mark.parametrize("lang,text,etype,parties,tellings", BARE_KINGDOM)
def test_the_kingdom_is_the_one_kingdom_the_article_names(extractor, lang, text, etype, parties, tellings):
    ex = extract(extractor, in_article(lang, text), "2022-12-08")
    got = [e for e in ex.events if e.type == etype and sorted(e.names()) == parties]
    assert sum(len(e.evidence_spans) for e in got) == tellings


CONDEMNED_ACTS = [
    # the place or the victim of a condemned attack is not the accused
    ("ar", "أعربت وزارة الخارجية السعودية عن إدانتها للهجوم الإرهابي الذي استهدف مسجدا في باكستان.", []),
    ("en", "Saudi Arabia condemned the attack on a mosque in Pakistan.", []),
    # the attacker is ("ميليشيا الحوثي", "الاعتداء الحوثي")
    ("ar", "تدين وزارة الخارجية السعودية بشدة استهداف ميليشيا الحوثي الإرهابية مطار أبها الدولي.",
     [["Houthis", "Saudi Arabia"]]),
    ("ar", "وأدانت قطر الاعتداء الحوثي على منشآت أرامكو.", [["Houthis", "Qatar"]]),
]


@pytest.mark.parametrize("lang,text,accusations", CONDEMNED_ACTS)
def test_a_condemnation_accuses_the_attacker_not_the_attacked(extractor, lang, text, accusations):
    got = participants_of(extractor, in_article(lang, text), "2024-05-10", "accusation")
    assert got == accusations


RECEPTIONS = [
    # a host receiving a guest from another state at home: the guest's visit
    ("ar", "استقبل الرئيس عبد المجيد تبون وزير الخارجية الروسي سيرغي لافروف.", [["Algeria", "Sergey Lavrov"]]),
    ("ar", "وسيستقبل الرئيس الجزائري عبد المجيد تبون غدا نظيره التونسي قيس سعيد.", [["Algeria", "Kais Saied"]]),
    ("en", "Saudi Arabia hosted Xi Jinping in Riyadh.", [["Saudi Arabia", "Xi Jinping"]]),
    ("en", "Xi Jinping was received by Joe Biden.", [["United States", "Xi Jinping"]]),
    # at a summit's margins, or a welcome of a state's efforts: no visit
    ("ar", "واستقبل بوتين الرئيس الصيني شي جين بينغ على هامش القمة.", []),
    ("en", "Putin welcomed North Korea's efforts.", []),
    # a call or a letter received: no one came
    ("ar", "واستقبل ولي العهد السعودي الأمير محمد بن سلمان اتصالا هاتفيا من الرئيس الإيراني مسعود بزشكيان.", []),
    ("ar", "واستقبل الرئيس عبد الفتاح السيسي رسالة من الرئيس التركي رجب طيب أردوغان.", []),
    ("en", "Mohammed bin Salman received a phone call from Iranian President Masoud Pezeshkian.", []),
    ("en", "Mohammed bin Salman received Iranian President Masoud Pezeshkian in Riyadh.",
     [["Masoud Pezeshkian", "Saudi Arabia"]]),
]


@pytest.mark.parametrize("lang,text,visits", RECEPTIONS)
def test_a_reception_at_home_is_the_guests_visit(extractor, lang, text, visits):
    got = participants_of(extractor, in_article(lang, text), "2024-05-10", "visit")
    assert got == visits


STATE_IN_A_TITLE = [
    ("ar", "وقالت ماتفيينكو خلال اجتماعها مع رئيس الجمعية الشعبية العليا \"برلمان كوريا الشمالية\" كيم يونج نام إن العلاقات جيدة.",
     ["Kim Yong Nam", "Valentina Matviyenko"]),
    ("en", "Matviyenko met the head of North Korea's parliament Kim Yong Nam.", ["Kim Yong Nam", "Valentina Matviyenko"]),
    # a state met, with no person of it named after: the state
    ("ar", "والتقت ماتفيينكو مع وفد كوريا الشمالية في موسكو.", ["North Korea", "Valentina Matviyenko"]),
]


@pytest.mark.parametrize("lang,text,people", STATE_IN_A_TITLE)
def test_a_state_inside_a_title_is_the_person_named_after_it(extractor, lang, text, people):
    got = participants_of(extractor, in_article(lang, text), "2018-09-08", "meeting")
    assert got[:1] == [people]


SHORT_TIME_PHRASES = [
    # "خلال هذه الرحلة" between the subject and the other party closes no clause
    ("ar", "ومن المقرر أن يلتقي عراقجي خلال هذه الرحلة بنظيره المصري بدر عبد العاطي.", ["Abbas Araghchi", "Badr Abdelatty"]),
    ("en", "Araghchi will meet during this trip with Egyptian Foreign Minister Badr Abdelatty.",
     ["Abbas Araghchi", "Badr Abdelatty"]),
]


@pytest.mark.parametrize("lang,text,people", SHORT_TIME_PHRASES)
def test_a_short_time_phrase_keeps_the_clause_open(extractor, lang, text, people):
    body = in_article(lang, "وصل وزير الخارجية الإيراني عباس عراقجي إلى القاهرة.\n" + text)
    got = participants_of(extractor, body, "2024-10-16", "meeting")
    assert got[:1] == [people]


def test_a_host_after_a_verb_with_its_guest_as_object_pronoun_hosts(extractor):
    body = ("وصلت وزيرة الخارجية الكورية الشمالية تشوي سون هي إلى موسكو.\n"
            "واستقبلها الرئيس الروسي فلاديمير بوتين في الكرملين.")
    got = participants_of(extractor, body, "2024-11-01", "visit")
    assert ["North Korea", "Vladimir Putin"] not in got and got == [["Choe Son Hui", "Russia"]]


BARE_MINISTERS = [
    # "الوزيرة": the one woman minister named before; "الوزير", "the minister": the one minister
    ("ar", "وصلت وزيرة الخارجية الكورية الشمالية تشوي سون هي إلى موسكو والتقت سيرغي لافروف.\nوقالت الوزيرة إن العلاقات قوية.",
     "Choe Son Hui"),
    ("ar", "وصل وزير الخارجية الروسي سيرغي لافروف إلى بيونغ يانغ.\nوقال الوزير إن العلاقات قوية.", "Sergey Lavrov"),
    ("en", "Russian Foreign Minister Sergey Lavrov arrived in Pyongyang.\nThe minister said ties were strong.", "Sergey Lavrov"),
    # two ministers named: "الوزير" stays unread
    ("ar", "التقى وزير الخارجية الروسي سيرغي لافروف وزير الدفاع أندريه بيلاوسوف.\nوقال الوزير إن العلاقات قوية.", None),
]


@pytest.mark.parametrize("lang,body,who", BARE_MINISTERS)
def test_a_bare_minister_is_the_one_minister_named_before(extractor, lang, body, who):
    ex = extract(extractor, body, "2024-11-01")
    bare = [m.entity for m in ex.mentions if m.alias_kind == "bare_title" and m.kind == "person"]
    assert bare == ([who] if who else [])


GUEST_BOOKS = [
    ("ar", "ووقع كيم جونغ أون على سجل الزوار في مركز الفضاء مع بوتين.", []),
    ("en", "Kim Jong Un signed the guest book at the space centre with Vladimir Putin.", []),
    ("ar", "ووقع بوتين وكيم جونغ أون على اتفاقية.", [["Kim Jong Un", "Vladimir Putin"]]),
]


@pytest.mark.parametrize("lang,text,agreements", GUEST_BOOKS)
def test_a_guest_book_signed_is_no_agreement(extractor, lang, text, agreements):
    got = participants_of(extractor, in_article(lang, text), "2023-09-13", "agreement")
    assert got == agreements


JOINT_ACCUSERS = [
    # two states condemning one act: one accusation each
    ("en", "The United States and South Korea condemned North Korea's missile launch.",
     [["North Korea", "United States"], ["North Korea", "South Korea"]]),
    ("ar", "وأعلنت حكومتا تونس والجزائر رفضهما خطة الرئيس الأمريكي دونالد ترامب للسلام.",
     [["Donald Trump", "Tunisia"], ["Algeria", "Donald Trump"]]),
    # after the verb, joined by و: both accuse; a subject and its object are not joined
    ("ar", "وندد لبنان وسوريا بالهجوم الإسرائيلي على غزة.", [["Israel", "Lebanon"], ["Israel", "Syria"]]),
    ("ar", "وأدانت مصر والأردن القصف الإسرائيلي لمدينة رفح.", [["Egypt", "Israel"], ["Israel", "Jordan"]]),
    ("ar", "واتهمت الولايات المتحدة كوريا الشمالية بتزويد روسيا بأسلحة.", [["North Korea", "United States"]]),
    # two leaders condemning it together: one accusation
    ("en", "Emmanuel Macron and Olaf Scholz condemned the Russian strikes on Kyiv.",
     [["Emmanuel Macron", "Olaf Scholz", "Russia"]]),
]


@pytest.mark.parametrize("lang,text,accusations", JOINT_ACCUSERS)
def test_states_condemning_together_each_accuse(extractor, lang, text, accusations):
    got = participants_of(extractor, in_article(lang, text), "2024-05-10", "accusation")
    assert got == accusations


TIES_CUT = [
    ("en", "Iran and Saudi Arabia severed ties in 2016.", []),
    ("en", "Iran and Saudi Arabia restored ties in 2023.", [["Iran", "Saudi Arabia"]]),
    ("ar", "وقطعت أوكرانيا تعاونها مع كوريا الشمالية.", []),
    ("ar", "وعززت أوكرانيا تعاونها مع بولندا.", [["Poland", "Ukraine"]]),
    # relations restored are cooperation
    ("ar", "وأعلنت السعودية وإيران استئناف العلاقات الدبلوماسية بينهما.", [["Iran", "Saudi Arabia"]]),
    ("ar", "وأعلنت البحرين وقطر استعادة علاقاتهما الدبلوماسية.", [["Bahrain", "Qatar"]]),
    # ways and prospects of cooperation are what a talk is about, not cooperation told
    ("ar", "وبحث وزير الخارجية المصري سامح شكري مع نظيره التركي سبل تعزيز التعاون بين مصر وتركيا.", []),
    ("ar", "وناقش الرئيسان آفاق التعاون بين الجزائر وتونس.", []),
    ("ar", "واتفقت الجزائر وتونس على تعزيز التعاون في مجال الطاقة.", [["Algeria", "Tunisia"]]),
    ("en", "Egypt and Turkey discussed ways to expand cooperation.", []),
    ("en", "Algeria and Tunisia discussed prospects for cooperation in energy.", []),
    ("en", "Egypt and Turkey agreed to expand cooperation in trade.", [["Egypt", "Turkey"]]),
]


@pytest.mark.parametrize("lang,text,cooperations", TIES_CUT)
def test_ties_cut_are_no_cooperation(extractor, lang, text, cooperations):
    got = participants_of(extractor, in_article(lang, text), "2024-05-10", "cooperation")
    assert got == cooperations



FRONTED_DATES = [
    # a date opening its clause and closed by a comma dates what follows, not the trigger before it
    ("ar", "وانتقد أردوغان إسرائيل، وفي يونيو 2024، وصل أردوغان إلى القاهرة.",
     [("accusation", None), ("visit", "2024-06")]),
    ("en", "Erdogan criticized Israel, and in June 2024, Erdogan visited Cairo.", [("accusation", None), ("visit", "2024-06")]),
]


@pytest.mark.parametrize("lang,text,dated", FRONTED_DATES)
def test_a_fronted_date_dates_the_clause_after_it(extractor, lang, text, dated):
    got = [(t, d) for t, _, _, d in events(extractor, in_article(lang, text), "2024-09-01") if t in ("accusation", "visit")]
    assert got == dated


CLAUSE_OPENING_VISITS = [
    # with no subject after it, the visitor is the sentence's first subject, not the last person named
    ("توجه عراقجي إلى الأردن، وبعد لقاء العاهل الأردني الملك عبد الله الثاني، غادر عمان متوجها إلى القاهرة.",
     [["Abbas Araghchi", "Jordan"], ["Abbas Araghchi", "Egypt"]]),
    ("والتقى بوتين شي جين بينغ، وزار الرئيس الصيني شي جين بينغ موسكو.", [["Russia", "Xi Jinping"]]),
    ("وانتقد أردوغان إسرائيل، وفي يونيو 2024، زار الرئيس التركي أردوغان القاهرة.", [["Egypt", "Recep Tayyip Erdoğan"]]),
]


@pytest.mark.parametrize("body,visits", CLAUSE_OPENING_VISITS)
def test_a_visit_verb_opening_a_clause_takes_the_subject_after_it(extractor, body, visits):
    got = participants_of(extractor, body, "2024-09-01", "visit")
    assert got == visits


TIES_BROKEN = [
    # breaking diplomatic ties is a statement to the other state
    ("ar", "وأعلنت وزارة الخارجية الأوكرانية عن قطع كييف علاقاتها الدبلوماسية مع كوريا الشمالية.",
     [["North Korea", "Ukraine"]]),
    ("ar", "وقطعت أوكرانيا العلاقات مع كوريا الشمالية.", [["North Korea", "Ukraine"]]),
    ("en", "Ukraine cut ties with North Korea.", [["North Korea", "Ukraine"]]),
    ("en", "Iran and Saudi Arabia severed ties in 2016.", [["Iran", "Saudi Arabia"]]),
    # with no other party named, no statement
    ("en", "China severed ties in 1990.", []),
]


@pytest.mark.parametrize("lang,text,statements", TIES_BROKEN)
def test_breaking_ties_is_a_statement_to_the_other_state(extractor, lang, text, statements):
    got = participants_of(extractor, in_article(lang, text), "2022-07-13", "statement")
    assert got == statements


def test_a_dual_title_naming_an_office_with_no_table_is_refused():
    from loaders.extract.triggers import TriggerSet, check_offices
    from loaders.knowledge import KnowledgeError
    triggers = {"ar": TriggerSet.load("ar")}
    check_offices(triggers, set(triggers["ar"].dual_offices.values()))
    with pytest.raises(KnowledgeError, match="no office table is named foreign_minister"):
        check_offices(triggers, set(triggers["ar"].dual_offices.values()) - {"foreign_minister"})


TIME_CLAUSE_IN_A_CONCERN = [
    # a time clause after a concern tells its own cooperation
    ("ar", "وأعربت الولايات المتحدة عن قلقها إزاء تسليم الأسلحة، بعد أن تعهد كيم جونغ أون بتعزيز التعاون مع موسكو.",
     [["Kim Jong Un", "Russia"]]),
    # what the concern is about stays no event of its own
    ("ar", "وأعربت الولايات المتحدة عن قلقها من التعاون بين روسيا وكوريا الشمالية.", []),
]


@pytest.mark.parametrize("lang,text,cooperations", TIME_CLAUSE_IN_A_CONCERN)
def test_a_time_clause_after_a_concern_tells_its_own_event(extractor, lang, text, cooperations):
    got = participants_of(extractor, in_article(lang, text), "2023-09-05", "cooperation")
    assert got == cooperations
