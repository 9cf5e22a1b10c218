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
    # protocol titles before the host and a time-and-place aside do not push the guest out of reach
    ("ar", "استقبل صاحب الجلالة الملك عبد الله الثاني، مساء الأربعاء بقصر الحسينية في عمان، الرئيس الفرنسي "
           "إيمانويل ماكرون.", ("meeting", ["Abdullah II of Jordan", "Emmanuel Macron"], "asserted", "2024-05-08")),
    ("ar", "استقبل صاحب السمو الملكي الأمير محمد بن سلمان ولي العهد أمس الرئيس التركي رجب طيب أردوغان.",
     ("meeting", ["Mohammed bin Salman", "Recep Tayyip Erdoğan"], "asserted", "2024-05-09")),
    # "اليوم الخميس" is the nearest Thursday: the page's date may be the day after the writing
    ("ar", "التقى الرئيس المصري عبد الفتاح السيسي، اليوم الخميس في القاهرة، رئيس الوزراء الإثيوبي آبي أحمد.",
     ("meeting", ["Abdel Fattah el-Sisi", "Abiy Ahmed"], "asserted", "2024-05-09")),
    # an accusing participle: its object pronoun is the one named before, its subject the main clause's
    ("ar", "فرضت وزارة الخزانة الأمريكية، الأربعاء، عقوبات على رئيس الوزراء الصربي ميلوش فوتشيفيتش، متهمة إياه بالفساد.",
     ("accusation", ["Miloš Vučević", "United States"], "asserted", "2024-05-08")),
    ("ar", "طردت الحكومة الجزائرية، الخميس، السفير الفرنسي ستيفان روماتيه، متهمة إياه بالتدخل في شؤونها.",
     ("accusation", ["Algeria", "France"], "asserted", "2024-05-09")),
    ("ar", "أعلن وزير الخارجية الجزائري أحمد عطاف، الثلاثاء، قطع العلاقات مع المغرب، متهما الرباط بأعمال عدائية "
           "ضد الجزائر.", ("accusation", ["Ahmed Attaf", "Morocco"], "asserted", "2024-05-07")),
    # a negation across a comma is not the participle's ('"بلا تأخير"، متهما')
    ("ar", 'وأكد وزير الخارجية المالي عبد الله ديوب، الجمعة، رحيل قوات الأمم المتحدة من بلاده "بلا شروط"، متهما '
           'إياها بالفشل.',
     ("accusation", ["Abdoulaye Diop", "United Nations"], "asserted", "2024-05-10")),
    # three juntas speak together: each of them accuses, not one of them the third
    ("ar", "أعلنت المجالس العسكرية في مالي وبوركينا فاسو والنيجر، الأحد، الانسحاب من المنظمة البحرية الدولية، "
           "متهمة الاتحاد الأوروبي بالتدخل.", ("accusation", ["European Union", "Niger"], "asserted", "2024-05-05")),
    # a description that disparages accuses; who rules a place is that place's state
    ("ar", 'ووصف رئيس الوزراء الإسرائيلي بنيامين نتنياهو نظيره الإسباني بيدرو سانشيز بأنه "داعم للإرهاب".',
     ("accusation", ["Benjamin Netanyahu", "Pedro Sánchez"], "asserted", None)),
    ("ar", 'وكان وزير الخارجية الفرنسي ستيفان سيجورنيه قد وصف المجلس العسكري الحاكم في نيامي بأنه "غير شرعي".',
     ("accusation", ["Niger", "Stéphane Séjourné"], "asserted", None)),
    ("en", 'German Foreign Minister Annalena Baerbock described the junta in Mali as "illegitimate" on Tuesday.',
     ("accusation", ["Annalena Baerbock", "Mali"], "asserted", "2024-05-07")),
    ("en", "Gustavo Petro branded Javier Milei a dangerous extremist.",
     ("accusation", ["Gustavo Petro", "Javier Milei"], "asserted", None)),
    # a participle after a comma opens its own clause: the meeting's parties end before it
    ("en", 'Recep Tayyip Erdogan met William Ruto in Ankara, calling Netanyahu\'s government "genocidal".',
     ("meeting", ["Recep Tayyip Erdoğan", "William Ruto"], "asserted", None)),
    ("en", 'Recep Tayyip Erdogan met William Ruto in Ankara, calling Netanyahu\'s government "genocidal".',
     ("accusation", ["Benjamin Netanyahu", "Recep Tayyip Erdoğan"], "asserted", None)),
    # two states agree (the feminine dual), inside what a third announced; ties agreed to be restored are an agreement
    ("ar", "وأعلن وزير الخارجية الأمريكي أنتوني بلينكن أن أرمينيا وأذربيجان اتفقتا على تبادل الأسرى.",
     ("agreement", ["Armenia", "Azerbaijan"], "asserted", None)),
    ("ar", "وقال الرئيس التركي إن السودان وإثيوبيا وافقتا على استئناف المفاوضات.",
     ("agreement", ["Ethiopia", "Sudan"], "asserted", None)),
    ("ar", "واتفقت مصر وتركيا على إعادة العلاقات الدبلوماسية إلى مستوى السفراء.",
     ("agreement", ["Egypt", "Turkey"], "asserted", None)),
    # the office holders of several states met, each one
    # a document signed by its parties; "neither … nor" signed or met; skipped and boycotted talks
    ("en", "The accord was signed in Doha by Qatari Emir Tamim bin Hamad Al Thani and Turkish President Recep "
           "Tayyip Erdogan.", ("agreement", ["Recep Tayyip Erdoğan", "Tamim bin Hamad Al Thani"], "asserted", None)),
    ("en", "However, neither Serbian President Aleksandar Vucic nor Kosovo Prime Minister Albin Kurti signed the deal.",
     ("agreement", ["Albin Kurti", "Aleksandar Vučić"], "negated", None)),
    ("en", "Neither Vladimir Putin nor Xi Jinping attended the summit.",
     ("meeting", ["Vladimir Putin", "Xi Jinping"], "negated", None)),
    ("en", "Javier Milei skipped the summit with Lula in Asuncion on Monday.",
     ("meeting", ["Javier Milei", "Luiz Inácio Lula da Silva"], "negated", "2024-05-06")),
    # a cancellation far after the summit it befell; "Jr." ends no sentence; a gerund after "after" has the
    # clause's subject, and its objects are each one listed
    ("en", "A summit between Armenian Prime Minister Nikol Pashinyan and Azerbaijan's Ilham Aliyev meant to settle "
           "the dispute over the border villages was cancelled on Friday.",
     ("meeting", ["Azerbaijan", "Nikol Pashinyan"], "negated", "2024-05-10")),
    ("en", "Joe Biden held talks with Ferdinand Marcos Jr. in Washington on Thursday.",
     ("meeting", ["Bongbong Marcos", "Joe Biden"], "asserted", "2024-05-09")),
    ("en", "Qatar and Egypt will guarantee the truce, President Joe Biden said after hosting Emir Tamim bin Hamad "
           "Al Thani and President Abdel Fattah el-Sisi at the White House.",
     ("meeting", ["Abdel Fattah el-Sisi", "Joe Biden", "Tamim bin Hamad Al Thani"], "asserted", None)),
    # a call in an aside is the clause's subject and object's; the one met after "with" may bear a long title
    ("ar", "وقال مسؤول أمريكي إن بلينكن أبلغ كبير الدبلوماسيين الصينيين وانغ يي، في اتصال هاتفي مساء الجمعة، "
           "بأن الخطوة غير مقبولة.", ("meeting", ["Antony Blinken", "Wang Yi"], "asserted", "2024-05-10")),
    ("ar", "وجاء ذلك خلال محادثات أجراها الرئيس الأمريكي جو بايدن، الأحد في هانوي، مع الأمين العام للحزب الشيوعي "
           "الفيتنامي نغوين فو ترونغ.", ("meeting", ["Joe Biden", "Nguyễn Phú Trọng"], "asserted", "2024-05-05")),
    # persona non grata is an accusation of the one declared
    ("ar", "وأعلن وزير الخارجية الإسرائيلي يسرائيل كاتس، الاثنين، أن الرئيس الكولومبي غوستافو بيترو شخص غير مرغوب "
           "فيه.", ("accusation", ["Gustavo Petro", "Israel Katz"], "asserted", "2024-05-06")),
    ("en", "Israeli Foreign Minister Israel Katz declared Colombian President Gustavo Petro persona non grata on Monday.",
     ("accusation", ["Gustavo Petro", "Israel Katz"], "asserted", "2024-05-06")),
    # several capitals worried by two others' cooperation: each of them accuses the pair
    ("ar", "وأعربت سيول وطوكيو عن قلقهما إزاء تعزيز التعاون العسكري بين موسكو وبيونغ يانغ.",
     ("accusation", ["North Korea", "Russia", "South Korea"], "asserted", None)),
    ("ar", "وأعربت سيول وطوكيو عن قلقهما إزاء تعزيز التعاون العسكري بين موسكو وبيونغ يانغ.",
     ("accusation", ["Japan", "North Korea", "Russia"], "asserted", None)),
    # the visitor meets where he went; attending a summit abroad is a visit
    ("ar", "وزار وزير الخارجية الصيني وانغ يي طهران، حيث التقى الرئيس مسعود بزشكيان ونظيره عباس عراقجي.",
     ("meeting", ["Abbas Araghchi", "Masoud Pezeshkian", "Wang Yi"], "asserted", None)),
    ("ar", "وشارك الرئيس التركي رجب طيب أردوغان في قمة منظمة الدول التركية في بودابست الجمعة.",
     ("visit", ["Hungary", "Recep Tayyip Erdoğan"], "asserted", "2024-05-10")),
    ("en", "Indian Prime Minister Narendra Modi attended the G7 summit in Hiroshima on Friday.",
     ("visit", ["Japan", "Narendra Modi"], "asserted", "2024-05-10")),
    # a diplomat given hours to leave, or ordered out: his state is accused
    ("ar", "وأمهلت وزارة الخارجية في بوركينا فاسو، الخميس، السفير الفرنسي لوك هالادي 48 ساعة لمغادرة البلاد.",
     ("accusation", ["Burkina Faso", "France"], "asserted", "2024-05-09")),
    ("en", "Algeria on Tuesday gave France's ambassador 48 hours to leave the country.",
     ("accusation", ["Algeria", "France"], "asserted", "2024-05-07")),
    ("en", "Islamabad ordered four Indian diplomats to leave the country.",
     ("accusation", ["India", "Pakistan"], "asserted", None)),
    ("en", "Tokyo said it would summon the Chinese ambassador over the incursion.",
     ("accusation", ["China", "Japan"], "planned", None)),
    ("en", "Seoul summoned the Russian envoy on Thursday.", ("accusation", ["Russia", "South Korea"], "asserted",
                                                             "2024-05-09")),
    ("en", "Narendra Modi held talks with the leaders of Nepal, Bhutan and Sri Lanka on Monday.",
     ("meeting", ["Bhutan", "Narendra Modi", "Nepal", "Sri Lanka"], "asserted", "2024-05-06")),
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
    # a description that praises accuses no one
    ("ar", "ووصف الرئيس المصري عبد الفتاح السيسي العلاقات مع السعودية بأنها استراتيجية.", "accusation"),
    ("en", "Antony Blinken described the talks with Wang Yi as frank and constructive.", "accusation"),
    # orders that expel no one
    ("en", "The president ordered troops to the border.", "accusation"),
    # attending at home or nowhere named is no visit
    ("en", "Kim Jong Un attended a military parade in Pyongyang.", "visit"),
    ("ar", "وشارك وزير الخارجية الروسي سيرغي لافروف في اجتماع عبر الفيديو مع نظرائه.", "visit"),
    # ties agreed to be restored are no cooperation besides the agreement
    ("ar", "واتفقت مصر وتركيا على إعادة العلاقات الدبلوماسية إلى مستوى السفراء.", "cooperation"),
]


def test_those_a_meeting_brought_together_are_its_parties(extractor):
    """"اجتماع ثلاثي ضم وزراء خارجية مصر والأردن والعراق": the three (each by its minister or its state), in
    one meeting; "قمة مع رؤساء أوزبكستان … وطاجيكستان …": each president listed."""
    told = _events(extractor, "ar", "وعقد اجتماع ثلاثي ضم وزراء خارجية مصر والأردن والعراق في بغداد.")
    assert [{extractor.registry.home_of(n) for n in names} for t, names, _, _ in told if t == "meeting"] == \
        [{"Egypt", "Jordan", "Iraq"}]
    told = _events(extractor, "ar", "وعقد الرئيس الصيني شي جين بينغ قمة مع رؤساء أوزبكستان شوكت ميرضيائيف "
                                    "وطاجيكستان إمام علي رحمن.")
    assert [names for t, names, _, _ in told if t == "meeting"] == [["Emomali Rahmon", "Shavkat Mirziyoyev", "Xi Jinping"]]


DASH_DATELINES = [
    # a dateline that prints no date, the dash before the agency: cut, so neither city nor agency is a party
    "نواكشوط - (أ ف ب) وقع وزيرا خارجية مصر سامح شكري والأردن أيمن الصفدي، الأحد، اتفاقا للتعاون الأمني.",
    "نواكشوط - أ ف ب: وقع وزيرا خارجية مصر سامح شكري والأردن أيمن الصفدي، الأحد، اتفاقا للتعاون الأمني.",
    "نواكشوط (موريتانيا) - (رويترز) وقع وزيرا خارجية مصر سامح شكري والأردن أيمن الصفدي، الأحد، اتفاقا للتعاون الأمني.",
]


@pytest.mark.parametrize("text", DASH_DATELINES)
def test_a_dash_dateline_names_no_party(extractor, text):
    told = _events(extractor, "ar", text)
    assert ("agreement", ["Ayman Safadi", "Sameh Shoukry"], "asserted", "2024-05-05") in told
    assert all(not {"Mauritania", "Agence France-Presse", "Reuters"} & set(names) for _, names, _, _ in told)


def test_rulers_in_a_state_and_one_telling_of_a_signing(extractor):
    """"قادة الأنظمة العسكرية في النيجر ومالي …، السبت في نيامي، معاهدة": the three rulers signed one treaty."""
    told = _events(extractor, "ar", "وقع قادة الأنظمة العسكرية في النيجر ومالي وبوركينا فاسو، السبت في نيامي، معاهدة "
                                    "للدفاع المشترك.")
    assert [names for t, names, _, _ in told if t == "agreement"] == [["Burkina Faso", "Mali", "Niger"]]


BARE_BODIES = [
    # "المنظمة", "the bloc": the organisation named last before it
    ("ar", "أعلنت بوركينا فاسو الانسحاب من الاتحاد الأفريقي، متهمة المنظمة بالانحياز.",
     ("accusation", ["African Union", "Burkina Faso"], "asserted", None)),
    # and a participle after a summit named by its body accuses with the clause's subject, not the body
    ("en", "Hungary walked out of the European Union summit on Monday, accusing the bloc of double standards.",
     ("accusation", ["European Union", "Hungary"], "asserted", "2024-05-06")),
]


@pytest.mark.parametrize("lang,text,event", BARE_BODIES)
def test_a_bare_organisation_noun_is_the_one_named_last(extractor, lang, text, event):
    assert event in _events(extractor, lang, text)


def test_a_venue_named_by_its_state_is_no_party(extractor):
    """"في العاصمة التشيكية": where a meeting was, not who met."""
    told = _events(extractor, "ar", "والتقى رئيس الوزراء الأرميني نيكول باشينيان الرئيس الأذربيجاني إلهام علييف "
                                    "في العاصمة التشيكية الخميس.")
    assert ("meeting", ["Ilham Aliyev", "Nikol Pashinyan"], "asserted", "2024-05-09") in told
    assert all("Czech Republic" not in names for _, names, _, _ in told)


@pytest.mark.parametrize("lang,text,etype", NOT_TOLD)
def test_the_wording_tells_no_such_event(extractor, lang, text, etype):
    assert etype not in [t for t, _, _, _ in _events(extractor, lang, text)]


EVENT_DATES = [
    # a day counted from a date told before the trigger ("قبلها بيوم"), the eve of the day told after it, a date
    # in another event's relative clause, an earlier happening recalled (undated), a subject after an aside
    ("ar", "2024-05-10", "تبدأ قمة مجموعة السبع في روما يوم 14 مايو، ويصل الرئيس الفرنسي إيمانويل ماكرون إلى إيطاليا "
                         "قبلها بيوم.", ("visit", ["Emmanuel Macron", "Italy"], "planned", "2024-05-13")),
    ("ar", "2024-05-10", "وصل الرئيس الصيني شي جين بينغ إلى أستانا عشية القمة التي تنطلق غدا السبت.",
     ("visit", ["Kazakhstan", "Xi Jinping"], "asserted", "2024-05-10")),
    ("ar", "2024-05-10", "أجرى الرئيس الجزائري عبد المجيد تبون أمس اتصالا هاتفيا مع الرئيس الصيني شي جين بينغ، "
                         "استذكرا خلاله زيارة تبون السابقة إلى بكين.",
     ("visit", ["Abdelmadjid Tebboune", "China"], "asserted", None)),
    ("en", "2024-05-10", "On the eve of the summit, which opened in Astana on Friday, Xi Jinping held talks with "
                         "Kassym-Jomart Tokayev.", ("meeting", ["Kassym-Jomart Tokayev", "Xi Jinping"], "asserted", None)),
]


@pytest.mark.parametrize("lang,published,text,event", EVENT_DATES)
def test_the_day_an_event_is_told_on(extractor, lang, published, text, event):
    told = _events(extractor, lang, text, published)
    if event[3] is None:  # undated, or dated only by what is not its own
        assert (event[0], event[1], event[2]) in [(t, n, m) for t, n, m, d in told if d != "2024-05-09"]
    else:
        assert event in told
