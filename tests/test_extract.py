"""Extraction stages on our own sentences, as tables grouped by language.

These run without a database: segment → dates → entities → resolve → events are pure.
"""
from __future__ import annotations

import pytest

from loaders.read import read_article
from loaders.records import Article


# A first sentence telling nothing: the tables' bodies are not their article's lead, whose undated
# news takes the article's date (tests/test_linked.py tests that).
OPENING = "وهذا نص الخبر."


def extract(extractor, body: str, published: str | None = "2024-01-10", title: str = "عنوان الخبر",
            opening: str | None = OPENING, language: str = "ar"):
    text = "\n".join(p for p in (title, opening, body) if p is not None)
    article = Article(path="t.txt", file_name="t.txt", text=text, sha256="0" * 64, published_text=published,
                      language=language)
    return extractor.extract(article)


def in_article(lang: str, text: str) -> str:
    """An English sentence as a quote inside an Arabic article (the articles this corpus holds)."""
    return text if lang == "ar" else f"وقال الكرملين ذلك.\n{text}"


def events(extractor, body: str, published: str | None = "2024-01-10"):
    return [(e.type, sorted(e.names()), e.modality, e.date.iso() if e.date else None)
            for e in extract(extractor, body, published).events]


def participants_of(extractor, body: str, published: str | None, etype: str) -> list[list[str]]:
    """The sorted participants of each event of one type, in the order told."""
    return [names for t, names, _, _ in events(extractor, body, published) if t == etype]


# ------------------------------------------------------------------------------ entities
ENTITIES_AR = [
    # the plural of a nationality adjective names the state, definite or not, one word or two
    ("واقتحم مستوطنون إسرائيليون المسجد.", {"Israel"}),
    ("وأدانت قطر اقتحام المستوطنين الإسرائيليين المسجد.", {"Israel", "Qatar"}),
    ("وقاتل جنود كوريون شماليون في كورسك.", {"North Korea"}),
    ("والتقى الدبلوماسيين الصينيين في القاهرة.", {"China"}),
    # a title's state is named too
    ("التقى الرئيس التونسي قيس سعيد نظيره الجزائري.", {"Kais Saied", "Tunisia", "Abdelmadjid Tebboune", "Algeria"}),
    ("وقال وزير الخارجية المصري إن العلاقات جيدة.", {"Sameh Shoukry", "Egypt"}),
    ("التقى كيم جونغ أون وفلاديمير بوتين.", {"Kim Jong Un", "Vladimir Putin"}),
    ("التقى كيم جونج أون بالرئيس الروسي.", {"Kim Jong Un", "Vladimir Putin"}),
    ("وصل كيم جونغ-أون إلى بيونغيانغ.", {"Kim Jong Un", "Pyongyang"}),
    ("قال سيرجي لافروف ثم قال لافروف.", {"Sergey Lavrov"}),
    ("وقالت وزيرة الخارجية تشوي سونغهوي للصحفيين.", {"Choe Son Hui"}),
    ("التقى لافروف بتشوي سون هوي في بيونج يانج.", {"Sergey Lavrov", "Choe Son Hui", "Pyongyang"}),
    ("وأكد الكرملين ذلك للصحفيين.", {"Moscow Kremlin"}),
    ("ودعت الولايات المتحدة والأمم المتحدة إلى التهدئة.", {"United States", "United Nations"}),
    ("وفي موسكو وواشنطن وسول ردود فعل.", {"Moscow", "Washington, D.C.", "Seoul"}),
    ("وكان وزير الدفاع الروسي في المؤتمر.", {"Sergei Shoigu"}),
    ("واجتمع مجلس الأمن الدولي وحلف الناتو.", {"United Nations Security Council", "NATO"}),
]


@pytest.mark.parametrize("text,expected", ENTITIES_AR)
def test_entities_ar(extractor, text, expected):
    ex = extract(extractor, text, "2023-09-13")
    found = {m.entity for m in ex.mentions + ex.named_states if m.entity and m.segment_order > 0}
    assert expected <= found, found


# acronyms that are also words match only where they are written in capitals
ACRONYMS_EN = [
    ("China condemned the new US sanctions on its firms.", "United States", True),
    ("The US and the UN called for calm.", "United States", True),
    ("He told us that the talks went well.", "United States", False),
    ("Let us hope the un-named envoy arrives.", "United Nations", False),
]


@pytest.mark.parametrize("text,entity,found", ACRONYMS_EN)
def test_acronyms_en(extractor, text, entity, found):
    ex = extract(extractor, text, "2023-09-13")
    assert (entity in {m.entity for m in ex.mentions if m.segment_order > 0}) is found


# people the registry does not list, named after an English office title
UNLISTED_EN = [
    ("The speech followed remarks by California Governor Gavin Newsom at the dinner.", {"Gavin Newsom"}),
    ("Talks were led by Deputy Foreign Minister Pavel Ostrovsky and his team.", {"Pavel Ostrovsky"}),
    ("Kenyan envoy Grace Wanjiru Mutua attended, as did Ambassador Ahmed bin Khalid al-Harthy.",
     {"Grace Wanjiru Mutua", "Ahmed bin Khalid al-Harthy"}),
    ("The embassy spokesman Daniel Morrow said Washington was watching.", {"Daniel Morrow"}),
    ("The Foreign Ministry of China said on Monday that the Security Council would meet.", set()),
    ("President Joe Biden met the Governor in May.", set()),
]


@pytest.mark.parametrize("text,expected", UNLISTED_EN)
def test_unlisted_people_en(extractor, text, expected):
    ex = extract(extractor, text, "2023-09-13")
    found = {m.entity for m in ex.mentions if m.alias_kind == "title" and m.segment_order > 0}
    assert found == expected


def test_offsets_survive_clitics_and_diacritics(extractor):
    body = "وَبِالرَّئِيسِ الرُّوسِيِّ فلاديمير بوتين، ولِلكرملين موقفٌ."
    ex = extract(extractor, body)
    for m in ex.mentions:
        assert ex.article.text[m.start:m.end] == m.surface
    surfaces = {m.surface for m in ex.mentions}
    assert "فلاديمير بوتين" in surfaces
    assert any(s.endswith("كرملين") and not s.startswith("و") for s in surfaces)


SHORT_BACKREFERENCE = [
    ("قال كيم للصحفيين.", set()),
    ("وصل كيم جونغ أون. ثم قال كيم للصحفيين.", {"Kim Jong Un"}),
]


@pytest.mark.parametrize("text,expected", SHORT_BACKREFERENCE)
def test_surname_only_needs_full_name_first(extractor, text, expected):
    ex = extract(extractor, text)
    shorts = {m.entity for m in ex.mentions if m.alias_kind == "short"}
    assert shorts == expected


ROLES_AT_DATE = [
    ("وقال وزير الدفاع الروسي إن الجيش مستعد.", "2023-09-13", "Sergei Shoigu"),
    ("وقال وزير الدفاع الروسي إن الجيش مستعد.", "2024-06-20", "Andrey Belousov"),
    ("وقال الرئيس الأمريكي إن بلاده مستعدة.", "2022-03-01", "Joe Biden"),
    ("وقال الرئيس الأمريكي إن بلاده مستعدة.", "2019-03-01", "Donald Trump"),
    ("وقال وزير الخارجية الكوري الشمالي إن بلاده مستعدة.", "2021-03-01", "Ri Son Gwon"),
    # the Saudi king's official title
    ("وقال خادم الحرمين الشريفين إن المملكة مستعدة.", "2022-12-09", "Salman of Saudi Arabia"),
    ("وقال خادم الحرمين الشريفين إن المملكة مستعدة.", "2012-12-09", "Abdullah of Saudi Arabia"),
]


@pytest.mark.parametrize("text,published,expected", ROLES_AT_DATE)
def test_role_resolves_at_publication_date(extractor, text, published, expected):
    ex = extract(extractor, text, published)
    roles = [m.entity for m in ex.mentions if m.alias_kind == "role"]
    assert roles == [expected]


def test_role_next_to_name_is_that_name(extractor):
    ex = extract(extractor, "وقال وزير الدفاع الروسي سيرغي شويغو إن الجيش مستعد.", "2024-06-20")
    assert {m.entity for m in ex.mentions if m.kind == "person"} == {"Sergei Shoigu"}


def test_deputy_is_not_the_minister(extractor):
    ex = extract(extractor, "وقال نائب وزير الخارجية الروسي أندريه رودينكو إن موسكو مستعدة.", "2023-09-13")
    people = {m.entity for m in ex.mentions if m.kind == "person"}
    assert "Andrey Rudenko" in people and "Sergey Lavrov" not in people


def test_unknown_person_after_cue_is_kept_unlinked(extractor):
    ex = extract(extractor, "وقال الخبير الاقتصادي سامر حدادين إن الأسعار سترتفع.")
    unlinked = [m for m in ex.mentions if m.entity is None]
    assert [m.surface for m in unlinked] == ["سامر حدادين"]


# ------------------------------------------------------------------------------ segments
def test_read_also_block_is_related_and_yields_nothing(extractor):
    body = ("التقى لافروف بنظيره الصيني في موسكو.\nالمصدر: وكالات\nإقرأ أيضاً:\n"
            "وزير خارجية الصين يلتقي الرئيس الروسي فلاديمير بوتين\n"
            "قال وزير الخارجية الصيني وانغ يي بعد لقائه بوتين إن التعاون سيتواصل.")
    ex = extract(extractor, body, "2023-03-01")
    related = {s.order for s in ex.segments if s.section == "related"}
    assert related
    assert all(e.segment_order not in related for e in ex.events)
    assert "Wang Yi" not in {m.entity for m in ex.mentions if m.segment_order not in related}


def test_widget_lines_do_not_end_the_article(extractor):
    body = "وصل كيم جونغ أون إلى روسيا.\nاظهار أخبار متعلقة\nوالتقى كيم بالرئيس الروسي في فوستوشني."
    ex = extract(extractor, body, "2023-09-13", opening=None)
    assert [s.kind for s in ex.segments] == ["title", "body", "boilerplate", "body"]
    assert {e.type for e in ex.events} == {"visit", "meeting"}


def test_dateline_gives_the_publication_date(extractor):
    article = Article(path="t", file_name="t", sha256="0" * 64,
                      text="عنوان\nتاريخ النشر: 17th, November 2023 GMT\nالتقى لافروف بنظيره الصيني الجمعة.")
    ex = extractor.extract(article)
    assert (article.published_on.isoformat(), article.published_origin) == ("2023-11-17", "text")
    assert ex.events[0].date.iso() == "2023-11-17"


ARTICLE_LANGUAGES = [
    ("Iran and Saudi Arabia\nIran and Saudi Arabia agreed to restore ties.\nوقال الكرملين ذلك.", "en", "body"),
    ("مصر وتركيا\nاتفقت مصر وتركيا على استعادة العلاقات الدبلوماسية الكاملة.\nEgypt and Turkey agreed.", "ar", "quote"),
]


@pytest.mark.parametrize("text,language,english_kind", ARTICLE_LANGUAGES)
def test_an_article_is_in_the_language_most_of_its_letters_are(extractor, tmp_path, text, language, english_kind):
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    ex = extractor.extract(read_article(path, 1 << 20))
    assert ex.article.language == language
    assert {s.kind for s in ex.segments if s.language == "en" and s.kind != "title"} == {english_kind}


def test_embedded_english_tweet_is_a_quote_segment(extractor):
    body = ("وأكد الكرملين الخبر.\nUS Secretary of State Antony Blinken met Wang Yi in Beijing on Monday.\n"
            "— Reuters (@Reuters) June 19, 2023وقالت بكين إن المحادثات بناءة.")
    ex = extract(extractor, body, "2023-06-21")
    quotes = [s for s in ex.segments if s.kind == "quote"]
    assert quotes and all(s.language == "en" for s in quotes)
    assert any(s.text.startswith("وقالت بكين") for s in ex.segments)
    assert ("meeting", ["Antony Blinken", "Wang Yi"], "asserted", "2023-06-19") in events(
        extractor, body, "2023-06-21")


# ------------------------------------------------------------------------------ events, Arabic
EVENTS_AR = [
    # "a moment ago", "days ago" after the subject is an adverb, no time clause
    ("أعلنت الجزائر قبل قليل قطع علاقاتها الدبلوماسية مع المغرب.", "2021-08-24",
     ("statement", ["Algeria", "Morocco"], "asserted", None)),
    ("وصل الرئيس التركي رجب طيب أردوغان منذ أيام إلى بغداد في زيارة رسمية.", "2024-04-24",
     ("visit", ["Iraq", "Recep Tayyip Erdoğan"], "asserted", None)),
    # a military rank before the guest's name is no distance from the verb
    ("استقبل الرئيس عبد الفتاح السيسي، اليوم الاثنين، الفريق أول ركن عبد الفتاح البرهان في القاهرة.", "2024-11-04",
     ("meeting", ["Abdel Fattah al-Burhan", "Abdel Fattah el-Sisi"], "asserted", "2024-11-04")),
    ("استقبل الرئيس التونسي قيس سعيد، اليوم الخميس، اللواء الركن المشير خليفة حفتر في قرطاج.", "2024-05-02",
     ("meeting", ["Kais Saied", "Khalifa Haftar"], "asserted", "2024-05-02")),
    # a son's full name holds his father's; and an emirate's crown prince at the date
    ("يقوم الشيخ خالد بن محمد بن زايد بزيارة رسمية إلى الهند.", "2024-09-08",
     ("visit", ["India", "Khaled bin Mohamed Al Nahyan"], "asserted", None)),
    ("وسيلتقي ولي عهد أبوظبي برئيس الوزراء ناريندرا مودي.", "2024-09-08",
     ("meeting", ["Khaled bin Mohamed Al Nahyan", "Narendra Modi"], "planned", None)),
    # called off or put off (it did not happen when it was to), told before it happens, and verbs in the jussive after لم
    ("ألغى الرئيس الفرنسي إيمانويل ماكرون زيارته إلى الجزائر.", "2024-06-20",
     ("visit", ["Algeria", "Emmanuel Macron"], "negated", None)),
    ("أرجأ الرئيس الفرنسي إيمانويل ماكرون زيارته إلى الجزائر.", "2024-06-20",
     ("visit", ["Algeria", "Emmanuel Macron"], "negated", None)),
    ("ويجري الرئيس الفرنسي إيمانويل ماكرون محادثات مع الرئيس الصيني شي جين بينغ يوم الجمعة المقبل.", "2024-06-20",
     ("meeting", ["Emmanuel Macron", "Xi Jinping"], "planned", "2024-06-21")),
    ("ومن المنتظر أن يلتقي ماكرون بالرئيس الصيني شي جين بينغ.", "2024-06-20",
     ("meeting", ["Emmanuel Macron", "Xi Jinping"], "planned", None)),
    ("لم يلتق بوتين الزعيم الكوري الشمالي كيم جونغ أون خلال المنتدى.", "2024-06-20",
     ("meeting", ["Kim Jong Un", "Vladimir Putin"], "negated", None)),
    # the future prefix on a verb the triggers list without it
    ("وأعلنت الخارجية الإيرانية أن الوزير عباس عراقجي سيتوجه إلى بيروت غدا.", "2024-10-03",
     ("visit", ["Abbas Araghchi", "Lebanon"], "planned", "2024-10-04")),
    ("التقى وزير الخارجية الأمريكي أنتوني بلينكن نظيره الصيني وانغ يي في بكين يوم الاثنين.", "2023-06-21",
     ("meeting", ["Antony Blinken", "Wang Yi"], "asserted", "2023-06-19")),
    ("وصل الرئيس التركي رجب طيب أردوغان إلى طهران في زيارة رسمية.", "2024-03-10",
     ("visit", ["Iran", "Recep Tayyip Erdoğan"], "asserted", None)),
    ("ووقعت مصر والسعودية اتفاقية في مجال الطاقة.", "2024-02-01",
     ("agreement", ["Egypt", "Saudi Arabia"], "asserted", None)),
    ("اتهمت الخارجية الإيرانية الولايات المتحدة بالتدخل في شؤونها الداخلية.", "2024-02-01",
     ("accusation", ["Iran", "United States"], "asserted", None)),
    ("نفت الرئاسة الأوكرانية أن يكون زيلينسكي قد التقى بوتين.", "2024-02-01",
     ("meeting", ["Vladimir Putin", "Volodymyr Zelenskyy"], "negated", None)),
    # a tour taking in states is a visit to each; a rejection expressed is an accusation
    ("وقام وزير الخارجية الأمريكي أنتوني بلينكن بجولة شملت مصر والأردن.", "2024-05-10",
     ("visit", ["Antony Blinken", "Jordan"], "asserted", None)),
    ("وأعرب وزير الخارجية الصيني وانغ يي عن رفض بلاده للعقوبات الأمريكية.", "2024-05-10",
     ("accusation", ["United States", "Wang Yi"], "asserted", None)),
    ("وأعربت مصر عن رفضها للتصريحات الإسرائيلية.", "2024-05-10",
     ("accusation", ["Egypt", "Israel"], "asserted", None)),
    # a future word before the subject's name still governs the event noun after it
    ("ويعتزم الرئيس التركي رجب طيب أردوغان زيارة القاهرة في يونيو.", "2024-05-10",
     ("visit", ["Egypt", "Recep Tayyip Erdoğan"], "planned", "2024-06")),
    ("ومن المتوقع أن يجري وزير الخارجية الروسي سيرغي لافروف محادثات مع نظيره الصيني وانغ يي.", "2024-05-10",
     ("meeting", ["Sergey Lavrov", "Wang Yi"], "planned", None)),
    ("وزار الرئيس التركي رجب طيب أردوغان القاهرة في فبراير.", "2024-05-10",
     ("visit", ["Egypt", "Recep Tayyip Erdoğan"], "asserted", "2024-02")),
    # the future prefix after a clitic و / ف
    ("وسيزور الرئيس الروسي فلاديمير بوتين الصين في أكتوبر.", "2024-05-10",
     ("visit", ["China", "Vladimir Putin"], "planned", "2024-10")),
    ("وسيلتقي الرئيس الروسي فلاديمير بوتين الزعيم الكوري الشمالي كيم جونغ أون في موسكو.", "2024-05-10",
     ("meeting", ["Kim Jong Un", "Vladimir Putin"], "planned", None)),
    ("ومن المقرر أن يزور رئيس الوزراء الياباني فوميو كيشيدا سيول الشهر المقبل.", "2023-04-15",
     ("visit", ["Fumio Kishida", "South Korea"], "planned", "2023-05")),
    ("دعا الرئيس الصيني شي جين بينغ نظيره الروسي إلى زيارة بكين.", "2023-03-01",
     ("invitation", ["Vladimir Putin", "Xi Jinping"], "asserted", None)),
    ("وأجرى وزير الدفاع الروسي محادثات مع نظيره الصيني في موسكو أمس.", "2024-06-05",
     ("meeting", ["Andrey Belousov", "Dong Jun"], "asserted", "2024-06-04")),
    ("أكد الكرملين أن بوتين لن يزور كوريا الشمالية هذا العام.", "2024-01-10",
     ("visit", ["North Korea", "Vladimir Putin"], "negated", "2024")),
    ("بحث ولي العهد السعودي الأمير محمد بن سلمان مع الرئيس الأمريكي جو بايدن العلاقات الثنائية.", "2022-07-16",
     ("meeting", ["Joe Biden", "Mohammed bin Salman"], "asserted", None)),
    ("وأعلن الكرملين عدم توقيع روسيا وكوريا الشمالية أي اتفاقيات.", "2023-09-15",
     ("agreement", ["North Korea", "Russia"], "negated", None)),
    ("زار سيرغي لافروف بيونغ يانغ في 18 أكتوبر الماضي.", "2023-11-17",
     ("visit", ["North Korea", "Sergey Lavrov"], "asserted", "2023-10-18")),
    ("والأربعاء، عقد كيم جونغ أون وبوتين قمة في قاعدة فوستوشني.", "2023-09-15",
     ("meeting", ["Kim Jong Un", "Vladimir Putin"], "asserted", "2023-09-13")),
    ("وكان الزعيم الكوري الشمالي قد زار روسيا في الفترة من 24 إلى 26 أبريل 2019.", "2023-09-15",
     ("visit", ["Kim Jong Un", "Russia"], "asserted", "2019-04-24")),
    ("وتعتزم موسكو وبيونغ يانغ تعزيز التعاون العسكري بين البلدين.", "2024-01-10",
     ("cooperation", ["North Korea", "Russia"], "planned", None)),
]


@pytest.mark.parametrize("text,published,expected", EVENTS_AR)
def test_events_ar(extractor, text, published, expected):
    assert expected in events(extractor, text, published)


def test_dual_leaders_are_the_two_heads_of_state(extractor):
    body = ("تعززت العلاقات بين روسيا وكوريا الشمالية. وقالت روسيا إن كوريا الشمالية شريك.\n"
            "وجاء ذلك تنفيذا لما اتفق عليه في الاجتماع التاريخي لرؤساء البلدين في سبتمبر 2023.")
    assert ("meeting", ["Kim Jong Un", "Vladimir Putin"], "asserted", "2023-09") in events(extractor, body, None)


def test_undated_event_stays_undated(extractor):
    found = events(extractor, "والأربعاء، عقد كيم جونغ أون وبوتين قمة.", None)
    assert found == [("meeting", ["Kim Jong Un", "Vladimir Putin"], "asserted", None)]


def test_same_happening_twice_is_one_event_with_two_evidence_spans(extractor):
    body = "زار لافروف كوريا الشمالية في أكتوبر 2023.\nوكان لافروف قد زار كوريا الشمالية في أكتوبر 2023 أيضا."
    ex = extract(extractor, body)
    visits = [e for e in ex.events if e.type == "visit"]
    assert len(visits) == 1 and len(visits[0].evidence_spans) == 2


# ------------------------------------------------------------------------------ events, English
EVENTS_EN = [
    # rejecting another's violations or policies accuses it
    ("Saudi Arabia reiterated its rejection of Israeli violations in the West Bank.", "2024-06-20",
     ("accusation", ["Israel", "Saudi Arabia"], "asserted", None)),
    ("Jordan rejected Israel's policies in Jerusalem.", "2024-06-20",
     ("accusation", ["Israel", "Jordan"], "asserted", None)),
    # what two states agree to boost is the event
    ("Egypt and Sudan agreed to boost cooperation on water issues.", "2024-06-20",
     ("cooperation", ["Egypt", "Sudan"], "asserted", None)),
    ("French President Emmanuel Macron canceled his visit to Algeria.", "2024-06-20",
     ("visit", ["Algeria", "Emmanuel Macron"], "negated", None)),
    ("Macron postponed his planned visit to Algeria.", "2024-06-20",
     ("visit", ["Algeria", "Emmanuel Macron"], "negated", None)),
    ("Chinese President Xi Jinping will host Emmanuel Macron in Beijing on July 3, 2024.", "2024-06-20",
     ("meeting", ["Emmanuel Macron", "Xi Jinping"], "planned", "2024-07-03")),
    # a trip or a tour is a visit; an ambassador recalled, a protest
    ("Narendra Modi began a tour of Gulf states with a stop in Abu Dhabi.", "2024-02-14",
     ("visit", ["Narendra Modi", "United Arab Emirates"], "asserted", None)),
    ("During his trip to Moscow, Narendra Modi met Vladimir Putin.", "2024-07-09",
     ("visit", ["Narendra Modi", "Russia"], "asserted", None)),
    ("Algeria recalled its ambassador to France for consultations.", "2024-07-31",
     ("accusation", ["Algeria", "France"], "asserted", None)),
    ("President Joe Biden met Chinese President Xi Jinping in San Francisco on Wednesday.", "2023-11-17",
     ("meeting", ["Joe Biden", "Xi Jinping"], "asserted", "2023-11-15")),
    ("Russia and North Korea signed a comprehensive strategic partnership treaty in Pyongyang.", "2024-06-20",
     ("agreement", ["North Korea", "Russia"], "asserted", None)),
    ("Alexander Kozlov departed Pyongyang on Nov. 17 after an official visit.", "2023-11-18",
     ("visit", ["Alexander Kozlov", "North Korea"], "asserted", "2023-11-17")),
    ("Lloyd Austin said allies are concerned that Russia is helping North Korea.", "2023-11-14",
     ("accusation", ["Lloyd Austin", "Russia"], "asserted", None)),
]


@pytest.mark.parametrize("text,published,expected", EVENTS_EN)
def test_events_en(extractor, text, published, expected):
    assert expected in events(extractor, f"وقال الكرملين ذلك.\n{text}", published)


HELD_AR = [
    ("وكان وزير الخارجية الروسي سيرغي لافروف قد زار بيونغ يانغ في أكتوبر الماضي، والتقى نظيرته الكورية الشمالية "
     "تشوي سون هوي.", "2024-06-19", ("meeting", ["Choe Son Hui", "Sergey Lavrov"], "asserted", "2023-10")),
    ("وصل الرئيس الروسي فلاديمير بوتين فجر الأربعاء إلى العاصمة الكورية الشمالية بيونغ يانغ.", "2024-06-19",
     ("visit", ["North Korea", "Vladimir Putin"], "asserted", "2024-06-19")),
    ("ومن المقرر أن يتوجه بوتين بعد ذلك إلى فيتنام.", "2024-06-19",
     ("visit", ["Vietnam", "Vladimir Putin"], "planned", None)),
]


@pytest.mark.parametrize("text,published,expected", HELD_AR)
def test_joined_verbs_capitals_and_plans(extractor, text, published, expected):
    assert expected in events(extractor, text, published)


def test_the_two_leaders_are_the_heads_of_the_two_main_states(extractor):
    body = ("وصل الرئيس الروسي فلاديمير بوتين إلى بيونغ يانغ حيث استقبله كيم جونغ أون.\n"
            "ووقع الزعيمان اتفاقية شراكة استراتيجية شاملة بين روسيا وكوريا الشمالية.")
    found = events(extractor, body, "2024-06-19")
    assert any(t == "agreement" and set(p) & {"Kim Jong Un", "North Korea"} and set(p) & {"Vladimir Putin", "Russia"}
               for t, p, _, _ in found)


def test_read_also_inside_the_article_takes_only_its_headlines(extractor):
    body = ("وصل بوتين إلى بيونغ يانغ.\nاقرأ أيضا\nالصين تعلن مناورات عسكرية قرب تايوان\n"
            "وقال بوتين خلال مؤتمر صحفي مشترك إن الاتفاقية وثيقة مهمة.")
    ex = extract(extractor, body, "2024-06-19", opening=None)
    kinds = [(s.kind, s.text[:10]) for s in ex.segments]
    assert [k for k, _ in kinds] == ["title", "body", "related", "related", "body"], kinds


def test_generic_title_names_the_person_of_that_country_named_last(extractor):
    body = ("وصل وزير الدفاع الروسي سيرغي شويغو إلى بيونغ يانغ.\n"
            "واستقبل الزعيم الكوري الشمالي كيم جونغ أون الوزير الروسي.")
    assert ("meeting", ["Kim Jong Un", "Sergei Shoigu"], "asserted", None) in events(extractor, body, "2023-07-27")


def test_short_name_after_another_nationality_is_someone_else(extractor):
    body = ("وزار كيم جونغ أون روسيا.\n"
            "وقال نائب وزير الخارجية الكوري الجنوبي كيم هونغ كيون إن سول قلقة.")
    ex = extract(extractor, body, "2024-06-21")
    second = max(s.order for s in ex.segments)
    assert not [m for m in ex.mentions if m.segment_order == second and m.entity == "Kim Jong Un"]


def test_a_later_trigger_of_the_same_kind_can_carry_the_event(extractor):
    body = ("احتجت سول على معاهدة الشراكة التي وقعها الرئيس الروسي فلاديمير بوتين والزعيم الكوري الشمالي "
            "كيم جونغ أون في بيونغ يانغ.")
    assert ("agreement", ["Kim Jong Un", "Vladimir Putin"], "asserted", None) in events(extractor, body, "2024-06-21")


def test_ministry_is_not_a_visit(extractor):
    assert not [e for e in events(extractor, "وقالت وزارة الخارجية الروسية إن موسكو مستعدة.") if e[0] == "visit"]


MORE_AR = [
    ("وأجرت تشوي سون هوي محادثات مع لافروف، تناولت تنفيذ معاهدة الشراكة التي وقعها البلدان في يونيو الماضي.",
     "2024-11-04", ("agreement", ["North Korea", "Russia"], "asserted", "2024-06")),
    ("واتهم الأمين العام لحلف الناتو مارك روته كوريا الشمالية بإرسال آلاف الجنود إلى روسيا.", "2024-11-04",
     ("accusation", ["Mark Rutte", "North Korea"], "asserted", None)),
]


@pytest.mark.parametrize("text,published,expected", MORE_AR)
def test_dates_go_to_event_triggers_and_verb_first_accusations(extractor, text, published, expected):
    body = "التقى بوتين وكيم جونغ أون في روسيا. وقالت روسيا إن العلاقات مع كوريا الشمالية قوية.\n" + text
    assert expected in events(extractor, body, published)


def test_condemning_cooperation_between_the_two_countries_accuses_both(extractor):
    body = ("Russia and North Korea signed a treaty. Russia said North Korea is a friend.\n"
            "South Korea's President Yoon Suk Yeol condemned the military cooperation between the two countries.")
    found = events(extractor, f"وقال الكرملين ذلك.\n{body}", "2024-06-21")
    assert ("accusation", ["North Korea", "Russia", "Yoon Suk Yeol"], "asserted", None) in found


LATER_AR = [
    ("وحذرت اليابان من أن التقارب بين موسكو وبيونغ يانغ يهدد أمن المنطقة.",
     ("accusation", ["Japan", "North Korea", "Russia"], "asserted", None)),
    ("ودعا بوتين كيم جونغ أون إلى زيارة موسكو.", ("visit", ["Kim Jong Un", "Russia"], "planned", None)),
]


@pytest.mark.parametrize("text,expected", LATER_AR)
def test_warnings_and_invited_visits(extractor, text, expected):
    assert expected in events(extractor, text, "2024-06-19")


def test_headline_short_name_is_the_article_s_person(extractor):
    article = Article(path="t", file_name="t", sha256="0" * 64, published_text="2024-06-19",
                      text="بوتين وكيم يوقعان معاهدة للدفاع المشترك\nوصل فلاديمير بوتين إلى بيونغ يانغ حيث استقبله "
                           "الزعيم كيم جونغ أون.")
    ex = extractor.extract(article)
    title = next(s for s in ex.segments if s.kind == "title")
    assert {m.entity for m in ex.mentions if m.segment_order == title.order} == {"Vladimir Putin", "Kim Jong Un"}
    assert any(e.type == "agreement" and set(e.names()) == {"Vladimir Putin", "Kim Jong Un"} for e in ex.events)


EVENTS_EN_MORE = [
    ("North Korea's foreign minister Choe Son Hui visits Moscow, meets Lavrov.",
     ("meeting", ["Choe Son Hui", "Sergey Lavrov"], "asserted", None)),
    ("Choe Son Hui arrived in Moscow on Monday for talks with her Russian counterpart Sergei Lavrov.",
     ("meeting", ["Choe Son Hui", "Sergey Lavrov"], "asserted", "2024-01-15")),
    ("South Korea and the United States have accused Pyongyang of supplying shells to Russia.",
     ("accusation", ["North Korea", "United States"], "asserted", None)),  # and South Korea's own
]


@pytest.mark.parametrize("text,expected", EVENTS_EN_MORE)
def test_events_en_joined_verbs_counterparts_and_chains(extractor, text, expected):
    assert expected in events(extractor, f"وقال الكرملين ذلك.\n{text}", "2024-01-16")


def test_future_auxiliary_plans_the_event_not_the_statement(extractor):
    body = ("التقى بوتين وكيم جونغ أون في روسيا. وقالت روسيا إن كوريا الشمالية شريك.\n"
            "وقال بيسكوف إن الزعيمين سيعقدان مباحثات رسمية.")
    found = events(extractor, body, "2023-09-12")
    assert not [e for e in found if e[0] == "statement"]  # a quote is not a statement event
    assert ("meeting", ["Kim Jong Un", "Vladimir Putin"], "planned", None) in found


# ------------------------------------------------------------------------------ a city as a visit's destination
VISIT_CITIES = [
    ("ar", "وصل الرئيس الصيني شي جين بينغ إلى فلاديفوستوك يوم الثلاثاء.", "2024-05-16",
     [("visit", ["Russia", "Xi Jinping"], "asserted", "2024-05-14")]),
    ("ar", "وتوجه وزير الخارجية الإيراني إلى سانت بطرسبرغ في زيارة تستغرق يومين.", "2019-06-01",
     [("visit", ["Mohammad Javad Zarif", "Russia"], "asserted", None)]),
    ("en", "Chinese President Xi Jinping arrived in Vladivostok for a two-day visit.", "2024-05-16",
     [("visit", ["Russia", "Xi Jinping"], "asserted", None)]),
    ("ar", "زار لافروف مدينة سانت بطرسبرغ.", "2024-05-16", []),  # a city of his own state: no visit abroad
]


@pytest.mark.parametrize("lang,text,published,expected", VISIT_CITIES)
def test_a_city_visited_names_its_state_as_host(extractor, lang, text, published, expected):
    found = [e for e in events(extractor, in_article(lang, text), published)
             if e[0] == "visit"]
    assert found == expected


# ------------------------------------------------------------------------------ a short name never named in full
LONE_NAMES = [
    # the one owner of the short name who led a state the article names, at its date
    ("ar", "استقبل الرئيس الروسي الزعيم الكوري الشمالي في فلاديفوستوك.\nوقال كيم إن بلاده تدعم روسيا.", "2023-09-14",
     ("كيم", "Kim Jong Un")),
    ("en", "The North Korean leader arrived in Russia on Tuesday.\nKim told reporters that ties were strong.",
     "2023-09-14", ("Kim", "Kim Jong Un")),
    # that state is not in the article: no one
    ("ar", "قال وزير الخارجية الكوري الجنوبي إن سيول قلقة.\nوقال كيم إن بلاده تدعم التعاون.", "2023-09-14",
     ("كيم", None)),
    # a nationality written before it names another state's Kim
    ("ar", "زار الرئيس الروسي كوريا الشمالية.\nوقال الوزير الكوري الجنوبي كيم إن بلاده قلقة.", "2024-06-20",
     ("كيم", None)),
]


@pytest.mark.parametrize("lang,body,published,expected", LONE_NAMES)
def test_a_short_name_alone_is_the_leader_of_a_state_the_article_names(extractor, lang, body, published, expected):
    surface, person = expected
    found = [m.entity for m in extract(extractor, body, published).mentions if m.surface == surface]
    assert found == ([person] if person else [])


# ------------------------------------------------------------------------------ no one accuses their own state
OWN_STATE_NOT_ACCUSED = [
    ("ar", "قال وزير الخارجية الكوري الجنوبي إن سيول قلقة.", []),
    ("en", "The South Korean foreign minister said Seoul was concerned.", []),
    ("ar", "قال وزير الخارجية الكوري الجنوبي إن سيول قلقة من التعاون العسكري بين روسيا وكوريا الشمالية.",
     [("accusation", ["North Korea", "Russia", "South Korea"], "asserted", None)]),
]


@pytest.mark.parametrize("lang,text,expected", OWN_STATE_NOT_ACCUSED)
def test_a_speaker_does_not_accuse_their_own_state(extractor, lang, text, expected):
    body = in_article(lang, text)
    assert [e for e in events(extractor, body, "2024-03-01") if e[0] == "accusation"] == expected


# ------------------------------------------------------------------------------ a plan's bare date lies ahead
PLAN_DATES = [
    ("ar", "ومن المتوقع أن يزور بوتين بيونغ يانغ في يونيو.", "2024-05-20", ("visit", "planned", "2024-06")),
    ("ar", "ومن المقرر أن يزور بوتين بيونغ يانغ في مارس.", "2024-05-20", ("visit", "planned", "2025-03")),
    ("ar", "ومن المقرر أن يزور بوتين بيونغ يانغ الاثنين.", "2024-05-22", ("visit", "planned", "2024-05-27")),
    ("ar", "زار بوتين بيونغ يانغ في مارس.", "2024-05-20", ("visit", "asserted", "2024-03")),  # told as done: past
    ("ar", "ومن المقرر أن يزور بوتين بيونغ يانغ في مارس الماضي.", "2024-05-20", ("visit", "planned", "2024-03")),
    ("en", "Putin is expected to visit Pyongyang in March.", "2024-05-20", ("visit", "planned", "2025-03")),
]


@pytest.mark.parametrize("lang,text,published,expected", PLAN_DATES)
def test_a_plans_bare_date_is_the_next_one(extractor, lang, text, published, expected):
    body = in_article(lang, text)
    assert [(t, mod, d) for t, _, mod, d in events(extractor, body, published) if t == "visit"] == [expected]


# ------------------------------------------------------------------------------ one spelling, two places
HOMOGRAPHS_AR = [
    ("وصل وزير الخارجية الإيراني إلى عمان في زيارة يلتقي خلالها العاهل الأردني الملك عبدالله الثاني.", "Jordan"),
    ("وصل وزير الخارجية الإيراني إلى عمان في زيارة يلتقي خلالها السلطان هيثم بن طارق.", "Oman"),
    ("وصل وزير الخارجية الإيراني إلى عمان في زيارة رسمية.", "Oman"),  # nothing else tells: the state
    ("وصل وزير الخارجية الإيراني إلى عمّان في زيارة رسمية.", "Jordan"),  # the shadda tells
    ("وصل وزير الخارجية الإيراني إلى سلطنة عمان.\nوقال العاهل الأردني إن الأردن يدعم الحوار.", "Oman"),
]


@pytest.mark.parametrize("text,host", HOMOGRAPHS_AR)
def test_a_homograph_is_read_by_the_states_the_article_names(extractor, text, host):
    visits = [e for e in events(extractor, text, "2024-05-20") if e[0] == "visit"]
    assert visits and host in visits[0][1]


# ------------------------------------------------------------------------------ summoning an ambassador is a protest
SUMMONS = [
    ("ar", "استدعت وزارة الخارجية الكورية الجنوبية السفير الروسي للاحتجاج على نشر القوات.",
     [("accusation", ["Russia", "South Korea"], "asserted", None)]),
    ("ar", "وقالت الخارجية اليابانية إنها استدعت سفير موسكو في طوكيو.",
     [("accusation", ["Japan", "Russia"], "asserted", None)]),
    ("en", "South Korea summoned the Russian ambassador to protest the deployment.",
     [("accusation", ["Russia", "South Korea"], "asserted", None)]),
    ("ar", "استدعت الخارجية المصرية القاضي للتحقيق.", []),  # no ambassador: no protest
]


@pytest.mark.parametrize("lang,text,expected", SUMMONS)
def test_summoning_an_ambassador_accuses_his_state(extractor, lang, text, expected):
    body = in_article(lang, text)
    assert [e for e in events(extractor, body, "2024-05-20") if e[0] == "accusation"] == expected


CONCERN_EN = [
    ("Japan expressed deep concern over military cooperation between Russia and North Korea.",
     [("accusation", ["Japan", "North Korea", "Russia"], "asserted", None)]),
    ("The concerns about the economy grew in Russia.", []),  # nobody's concern about anyone
]


@pytest.mark.parametrize("text,expected", CONCERN_EN)
def test_concern_over_a_partys_acts_is_an_accusation(extractor, text, expected):
    found = [e for e in events(extractor, f"وقال الكرملين ذلك.\n{text}", "2024-05-20") if e[0] == "accusation"]
    assert found == expected


# ------------------------------------------------------------------------------ heads of international organisations
ORGANISATION_OFFICES = [
    ("ar", "وأدان الأمين العام للأمم المتحدة الهجوم.", "2024-05-20", "الأمين العام للأمم المتحدة", "António Guterres"),
    ("ar", "وحذر الأمين العام لحلف الناتو من الهجوم.", "2024-05-20", "الأمين العام لحلف الناتو", "Jens Stoltenberg"),
    ("ar", "وحذر الأمين العام للناتو من الهجوم.", "2024-12-20", "الأمين العام للناتو", "Mark Rutte"),  # after 1 Oct 2024
    ("ar", "وزار مدير الوكالة الدولية للطاقة الذرية طهران.", "2024-05-20", "مدير الوكالة الدولية للطاقة الذرية",
     "Rafael Grossi"),
    ("en", "The EU foreign policy chief arrived in Kyiv.", "2025-02-01", "EU foreign policy chief", "Kaja Kallas"),
    ("en", "NATO Secretary-General warned Moscow.", "2023-05-01", "NATO Secretary-General", "Jens Stoltenberg"),
]


@pytest.mark.parametrize("lang,text,published,surface,person", ORGANISATION_OFFICES)
def test_an_organisations_office_names_its_holder_at_the_date(extractor, lang, text, published, surface, person):
    body = in_article(lang, text)
    assert [m.entity for m in extract(extractor, body, published).mentions if m.surface == surface] == [person]


# ------------------------------------------------------------------------------ a phone call is a meeting
CALLS = [
    ("ar", "وأجرى الرئيس الروسي اتصالا هاتفيا مع نظيره التركي.", ["Recep Tayyip Erdoğan", "Vladimir Putin"]),
    ("ar", "وبحث بوتين هاتفيا مع أردوغان الوضع في سوريا.", ["Recep Tayyip Erdoğan", "Vladimir Putin"]),
    ("ar", "وتلقى ولي العهد السعودي اتصالا هاتفيا من الرئيس الإيراني.", ["Mohammad Mokhber", "Mohammed bin Salman"]),
    ("en", "Putin spoke by phone with Erdogan on Tuesday.", ["Recep Tayyip Erdoğan", "Vladimir Putin"]),
    ("en", "Biden phoned Netanyahu on Sunday.", ["Benjamin Netanyahu", "Joe Biden"]),
    ("en", "The phone calls were leaked.", None),
    ("ar", "وقال إن هاتفه تعرض للاختراق.", None),
]


@pytest.mark.parametrize("lang,text,people", CALLS)
def test_a_phone_call_is_a_meeting_of_the_two(extractor, lang, text, people):
    body = in_article(lang, text)
    met = participants_of(extractor, body, "2024-05-20", "meeting")
    assert met == ([people] if people else [])


TITLES_IN_CHAINS = [
    ("en", "Russian President Vladimir Putin and North Korean Chairman Kim Jong Un held their summit on Thursday.",
     ["Kim Jong Un", "Vladimir Putin"]),
    ("en", "Vladimir Putin and President Xi Jinping held talks in Moscow on Tuesday.", ["Vladimir Putin", "Xi Jinping"]),
    ("en", "Joe Biden and Prime Minister Narendra Modi held talks at the White House.", ["Joe Biden", "Narendra Modi"]),
    ("ar", "وعقد فلاديمير بوتين والرئيس شي جين بينغ محادثات في موسكو.", ["Vladimir Putin", "Xi Jinping"]),
    # a word that is no title still ends the chain
    ("en", "Vladimir Putin and reporters from Xi Jinping's pool held talks in Moscow.", None),
]


@pytest.mark.parametrize("lang,text,people", TITLES_IN_CHAINS)
def test_a_bare_title_between_and_and_a_name_keeps_the_chain(extractor, lang, text, people):
    body = in_article(lang, text)
    met = participants_of(extractor, body, "2024-05-20", "meeting")
    assert met == ([people] if people else [])


SUPPORT_ACTS = [
    ("ar", "وقالت سيول إن بيونغ يانغ أرسلت جنودا إلى روسيا الشهر الماضي.", ["North Korea", "Russia"]),
    ("ar", "وأكد البيت الأبيض أن كوريا الشمالية زودت روسيا بقذائف مدفعية.", ["North Korea", "Russia"]),
    ("ar", "وأعرب الوزير عن قلقه العميق جراء إرسال كوريا الشمالية قوات إلى روسيا.", ["North Korea", "Russia"]),
    ("ar", "ونددت طوكيو بنشر كوريا الشمالية قوات في روسيا.", ["North Korea", "Russia"]),
    ("en", "The Pentagon said North Korea had sent troops to Russia.", ["North Korea", "Russia"]),
    ("en", "Seoul condemned North Korea for shipping artillery shells to Russia.", ["North Korea", "Russia"]),
    # a letter sent is no support
    ("ar", "وأرسل بوتين رسالة إلى كيم جونغ أون.", None),
    ("en", "Putin sent a letter to Kim Jong Un.", None),
]


@pytest.mark.parametrize("lang,text,parties", SUPPORT_ACTS)
def test_troops_and_arms_sent_are_cooperation_even_where_condemned(extractor, lang, text, parties):
    body = in_article(lang, text)
    got = participants_of(extractor, body, "2024-11-05", "cooperation")
    assert got == ([parties] if parties else [])


APPOSITIONS = [
    # a role after a name and a comma describes that name only when the office is of the name's state
    ("استقبل الزعيم الكوري الشمالي كيم جونغ أون، وزير الخارجية الروسي في بيونغ يانغ.", "2018-05-31",
     "وزير الخارجية الروسي", "Sergey Lavrov"),
    ("وقال سيرغي لافروف، وزير الخارجية الروسي، إن بلاده مستعدة.", "2018-05-31", "وزير الخارجية الروسي", "Sergey Lavrov"),
    # with no date, the holder the article names is the one meant
    ("وقال الرئيس الأمريكي إن الحوار ممكن. وكان دونالد ترامب قد التقى كيم جونغ أون في سنغافورة.", None,
     "الرئيس الأمريكي", "Donald Trump"),
    ("وقال الرئيس الأمريكي إن الحوار ممكن. وكان جو بايدن قد زار سيول.", None, "الرئيس الأمريكي", "Joe Biden"),
]


@pytest.mark.parametrize("text,published,surface,person", APPOSITIONS)
def test_a_role_is_an_apposition_only_for_a_holder_of_its_state(extractor, text, published, surface, person):
    ex = extract(extractor, text, published)
    assert {m.entity for m in ex.mentions if m.surface == surface} == {person}


NATIONALITY_BEFORE_NAME = [
    ("ar", "وقال إن الوزير الروسي سيرغي لافروف دعا كيم جونغ أون إلى زيارة روسيا.", ("Sergey Lavrov", "Kim Jong Un")),
    ("ar", "ودعا الوزير الصيني وانغ يي نظيره الروسي إلى زيارة بكين.", ("Wang Yi", "Sergey Lavrov")),
]


@pytest.mark.parametrize("lang,text,pair", NATIONALITY_BEFORE_NAME)
def test_a_nationality_word_before_a_name_is_that_persons(extractor, lang, text, pair):
    ex = extract(extractor, text, "2024-03-10")
    invites = [tuple(p.entity for p in e.participants) for e in ex.events if e.type == "invitation"]
    assert invites == [pair]


GAZETTEER_HOSTS = [
    ("ar", "ومساء الخميس وصل أردوغان إلى مدينة جدة في زيارة رسمية.", "2022-04-28", ["Recep Tayyip Erdoğan", "Saudi Arabia"]),
    ("ar", "وجاء ولي العهد السعودي الأمير محمد بن سلمان إلى أنقرة لإجراء محادثات رسمية.", "2022-06-22",
     ["Mohammed bin Salman", "Turkey"]),
    ("en", "Chinese President Xi Jinping on Tuesday arrived in San Francisco for the APEC meeting.", "2023-11-15",
     ["United States", "Xi Jinping"]),
    ("en", "Narendra Modi arrived in Wilmington on Saturday.", "2024-09-22", ["Narendra Modi", "United States"]),
    # a city of the visitor's own state, or no place at all, is no visit
    ("ar", "ووصل أردوغان إلى مدينة إزمير صباح اليوم.", "2023-05-01", None),
    ("en", "Joe Biden arrived in San Francisco on Tuesday.", "2023-11-15", None),
    ("ar", "وصل أردوغان إلى قناعة بأن الحوار ضروري.", "2023-05-01", None),
]


@pytest.mark.parametrize("lang,text,published,expected", GAZETTEER_HOSTS)
def test_a_city_only_the_gazetteer_knows_names_the_host(extractor, lang, text, published, expected):
    body = in_article(lang, text)
    got = participants_of(extractor, body, published, "visit")
    assert got == ([expected] if expected else [])


SINCE_DATES = [
    ("ar", "ووصل أردوغان إلى السعودية في أول زيارة رسمية له منذ عام 2017.", None),
    ("ar", "وزار أردوغان السعودية في يوليو 2023.", "2023-07"),
    ("en", "Erdogan visited Saudi Arabia, his first visit since 2017.", None),
    # a visit named inside the since phrase is dated by it
    ("ar", "وقالت ماتفيينكو إن بيونغ يانغ تغيرت كثيرا منذ زيارتها الأخيرة لكوريا الشمالية عام 2005.", "2005"),
    ("ar", "وقال أردوغان إن القاهرة تغيرت كثيرا منذ زيارته الأخيرة لمصر عام 2012.", "2012"),
]


@pytest.mark.parametrize("lang,text,date", SINCE_DATES)
def test_a_date_after_since_does_not_date_the_event(extractor, lang, text, date):
    body = in_article(lang, text)
    got = [d for t, _, _, d in events(extractor, body, None) if t == "visit"]
    assert got == [date]


BARE_TITLES = [
    ("ar", "وصل الرئيس التركي رجب طيب أردوغان إلى جدة حيث كان ولي العهد السعودي الأمير محمد بن سلمان في استقباله. "
           "وعقد ولي العهد والرئيس التركي جلسة مباحثات رسمية.", "ولي العهد", "Mohammed bin Salman"),
    ("en", "Saudi Crown Prince Mohammed bin Salman received Recep Tayyip Erdogan in Jeddah. "
           "Later the crown prince hosted a dinner.", "crown prince", "Mohammed bin Salman"),
    ("ar", "وقال وزير الخارجية الروسي سيرغي لافروف إن المحادثات بناءة. وأضاف وزير الخارجية أن الحوار مستمر.",
     "وزير الخارجية", "Sergey Lavrov"),
    # titles no list names, read off the office patterns ("رئيسة مجلس الاتحاد {adj}", "{adj} Interior Minister")
    ("ar", "استقبلت رئيسة مجلس الاتحاد الروسي فالنتينا ماتفيينكو وفدا برلمانيا. وقالت رئيسة مجلس الاتحاد إن التعاون "
           "البرلماني يتوسع.", "رئيسة مجلس الاتحاد", "Valentina Matviyenko"),
    ("ar", "زار وزير الداخلية التركي سليمان صويلو بغداد. وبحث وزير الداخلية مع المسؤولين أمن الحدود.",
     "وزير الداخلية", "Süleyman Soylu"),
    ("en", "Russian Defence Minister Andrei Belousov flew to Pyongyang on Friday. The defence minister then "
           "toured a factory.", "defence minister", "Andrey Belousov"),
    ("en", "Federation Council Speaker Valentina Matviyenko arrived in Hanoi. The Federation Council speaker "
           "later addressed lawmakers.", "federation council speaker", "Valentina Matviyenko"),
]

BARE_TITLES_UNREAD = [
    # two people the article named hold the office: the bare title names neither
    ("ar", "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الصيني وانغ يي. وقال وزير الخارجية إن الحوار مستمر.",
     "وزير الخارجية"),
    # nobody named holds it
    ("ar", "وقال الكرملين إن الحوار مستمر. وأضاف ولي العهد أن الزيارة ناجحة.", "ولي العهد"),
    # a deputy is not the office's holder
    ("ar", "وقال وزير الخارجية الروسي سيرغي لافروف إن المحادثات بناءة. وأضاف نائب وزير الخارجية أن الحوار مستمر.",
     "وزير الخارجية"),
    # a title followed by "of" and no state is another body's office
    ("en", "North Korean leader Kim Jong Un toured a factory. Separately, the leader of Hamas spoke in Doha.",
     "leader"),
]


@pytest.mark.parametrize("lang,body,surface,person", BARE_TITLES)
def test_a_bare_title_is_the_one_holder_the_article_named(extractor, lang, body, surface, person):
    text = in_article(lang, body)
    ex = extract(extractor, text, "2024-03-10")
    got = {m.entity for m in ex.mentions if m.alias_kind == "bare_title" and surface in m.surface.lower()}
    assert got == {person}


@pytest.mark.parametrize("lang,body,surface", BARE_TITLES_UNREAD)
def test_a_bare_title_with_no_single_holder_stays_unread(extractor, lang, body, surface):
    ex = extract(extractor, body, "2024-03-10")
    assert not [m for m in ex.mentions if m.alias_kind == "bare_title"]


SUBJECT_CARRIED = [
    # an unpossessed event noun in a time phrase: the clause's subject is one party
    ("وأضافت فالنتينا ماتفيينكو للصحفيين عقب اجتماع مع الزعيم الكوري الشمالي أن الحوار مستمر.",
     ["Kim Jong Un", "Valentina Matviyenko"]),
    # after حيث the verb continues the clause's subject (masculine verb, masculine subject)
    ("وزار كيم جونغ أون إقليم بريمورييه، حيث التقى في مدينة فلاديفوستوك الرئيس الروسي فلاديمير بوتين.",
     ["Kim Jong Un", "Vladimir Putin"]),
    # a dual possessive points back to the two named before, though one is named again later
    ("وكان دونالد ترامب وكيم جونغ أون قد وقعا عقب لقائهما في سنغافورة وثيقة تضمنت التزام كيم.",
     ["Donald Trump", "Kim Jong Un"]),
    # a feminine verb after حيث does not continue a man
    ("وزار كيم جونغ أون موسكو، حيث التقت وزيرة الخارجية الكورية الشمالية بنظيرها الروسي.",
     ["Choe Son Hui", "Sergey Lavrov"]),
]


@pytest.mark.parametrize("text,people", SUBJECT_CARRIED)
def test_a_clause_without_subject_continues_its_sentences_subject(extractor, text, people):
    met = participants_of(extractor, text, "2024-11-05", "meeting")
    assert people in met


def test_a_counterpart_after_a_clitic_is_the_same_office_in_that_state(extractor):
    ex = extract(extractor, "ومن المقرر أن يلتقي عراقجي خلال هذه الرحلة بنظيره المصري.", "2024-10-16")
    assert {m.entity for m in ex.mentions if m.surface == "المصري"} == {"Badr Abdelatty"}


def test_a_title_then_an_honorific_then_a_name_is_that_name(extractor):
    ex = extract(extractor, "وقال وزير الخارجية الإيراني عباس عراقجي إن الحوار مستمر. والتقى عراقجي بالرئيس المصري "
                            "عبد الفتاح السيسي ووزير الخارجية الدكتور بدر عبدالعاطي.", "2024-10-16")
    assert not [m for m in ex.mentions if m.alias_kind == "bare_title"]


THREATS_AND_CONDEMNATIONS = [
    ("ar", "أعلن الرئيس الكوري الجنوبي يون سوك يول أن التعاون العسكري بين موسكو وبيونغ يانغ يشكل تهديدا كبيرا.",
     ["Russia", "Yoon Suk Yeol"]),
    ("ar", "وقال الرئيس يون سوك يول إن نشر قوات كورية شمالية في روسيا استفزاز.", ["North Korea", "Yoon Suk Yeol"]),
    ("ar", "وأعربت الخارجية الأوكرانية في بيان عن إدانتها الشديدة قرار كوريا الشمالية.", ["North Korea", "Ukraine"]),
    ("ar", "والتقى يون سوك يول الرئيس البولندي أندريه دودا، حيث ندد الزعيمان بالتعاون العسكري بين روسيا وكوريا الشمالية.",
     ["Andrzej Duda", "North Korea", "Russia", "Yoon Suk Yeol"]),
    ("en", "NATO chief Mark Rutte said North Korea's deployment of troops would be a major escalation.",
     ["Mark Rutte", "North Korea"]),
    # a threat no one is said to pose is no accusation
    ("ar", "وقال الوزير إن الطقس يشكل تهديدا للمحاصيل.", None),
]


@pytest.mark.parametrize("lang,text,parties", THREATS_AND_CONDEMNATIONS)
def test_calling_a_partys_acts_a_threat_or_condemning_them_accuses_it(extractor, lang, text, parties):
    body = in_article(lang, text)
    got = participants_of(extractor, body, "2024-10-29", "accusation")
    assert got == ([parties] if parties else [])


NOT_ONLY = [
    ("ar", "وقال زيلينسكي إن كوريا الشمالية لم ترسل معدات إلى روسيا فحسب، بل جنودا أيضا.", "asserted"),
    ("ar", "وقال زيلينسكي إن كوريا الشمالية لم ترسل جنودا إلى روسيا.", "negated"),
    ("en", "Zelensky said North Korea had not only sent shells to Russia but also troops.", "asserted"),
]


@pytest.mark.parametrize("lang,text,modality", NOT_ONLY)
def test_not_only_but_also_is_no_negation(extractor, lang, text, modality):
    body = in_article(lang, text)
    got = [m for t, _, m, _ in events(extractor, body, "2024-10-29") if t == "cooperation"]
    assert got == [modality]


DAY_WORD_TAILS = [
    ("وقعت كوريا الشمالية وروسيا اليوم الأربعاء اتفاقية شراكة.", {"North Korea", "Russia"}),
    ("Russia today Wednesday signed the deal.", {"Russia"}),
    ("وقال مسؤول لقناة روسيا اليوم إن الحوار مستمر.", {"RT (TV network)"}),
]


@pytest.mark.parametrize("text,expected", DAY_WORD_TAILS)
def test_a_name_ending_in_today_before_a_weekday_is_the_shorter_name(extractor, text, expected):
    body = text if not text.isascii() else f"وقال الكرملين ذلك.\n{text}"
    ex = extract(extractor, body, "2024-06-19")
    assert {m.entity for m in ex.mentions if m.segment_order > 0 and m.entity != "Moscow Kremlin"} == expected


PRECISION_AR = [
    # welcoming efforts is no invitation; welcoming a visit is one
    ("وقال بوتين إنه يرحب بمساعي كوريا الشمالية لتطبيع العلاقات مع الولايات المتحدة.", "invitation", []),
    ("ويرحب بوتين بزيارة الرئيس الصيني شي جين بينغ إلى موسكو.", "invitation",
     [["Vladimir Putin", "Xi Jinping"]]),
    # the owner of an object after the verb is not the speaker
    ("وأعلنت حكومتا البلدين في وقت سابق رفضهما خطة الرئيس الأمريكي دونالد ترامب للسلام.", "statement", []),
    # "the two leaders" condemn; the state after the verb is the accused
    ("والتقى يون سوك يول الرئيس البولندي أندريه دودا في سيول. كما أدان الزعيمان برامج بيونغ يانغ الصاروخية.",
     "accusation", [["Andrzej Duda", "North Korea", "Yoon Suk Yeol"]]),
]


@pytest.mark.parametrize("text,etype,expected", PRECISION_AR)
def test_precision_cases_ar(extractor, text, etype, expected):
    got = participants_of(extractor, text, "2024-10-24", etype)
    assert got == expected


DATED_BY_A_LATER_MENTION = [
    # the headline tells the treaty undated; "the agreement was signed on …" dates it
    ("en", "Russia-North Korea partnership treaty enters into force\nThe agreement was signed in Pyongyang on June 19, 2024.",
     "agreement", "2024-06-19"),
    ("ar", "وقعت روسيا وكوريا الشمالية معاهدة شراكة استراتيجية.\nوكانت الاتفاقية قد وقعت في بيونغ يانغ في 19 يونيو 2024.",
     "agreement", "2024-06-19"),
    # two undated agreements between different parties: the date goes to neither
    ("ar", "وقعت روسيا وكوريا الشمالية معاهدة شراكة. ووقعت الصين وإيران اتفاقا للتعاون.\n"
           "وكانت الاتفاقية قد وقعت في 19 يونيو 2024.", "agreement", None),
]


@pytest.mark.parametrize("lang,body,etype,date", DATED_BY_A_LATER_MENTION)
def test_a_dated_mention_without_parties_dates_the_one_undated_telling(extractor, lang, body, etype, date):
    text = in_article(lang, body)
    got = {d for t, _, _, d in events(extractor, text, "2024-12-05") if t == etype}
    assert got == {date}


def test_a_date_inside_a_since_phrase_dates_nothing(extractor):
    body = ("وتعتبر القاهرة ثالث محطة للرئيس الجزائري عبد المجيد تبون منذ انتخابه رئيسا في ديسمبر 2019، "
            "بعد زيارة سابقة للسعودية في فبراير 2020.")
    got = [d for t, _, _, d in events(extractor, body, "2022-01-23") if t == "visit"]
    assert got == ["2020-02"]


MEETING_PARTIES = [
    # the organisation that names the forum is no party to the meeting
    ("en", "Joe Biden hosted the Quad Summit in Wilmington with Narendra Modi.", ["Joe Biden", "Narendra Modi"]),
    ("ar", "والتقى بايدن مودي على هامش قمة مجموعة العشرين في نيودلهي.", ["Joe Biden", "Narendra Modi"]),
    # nor is a person's own state
    ("en", "Narendra Modi held talks with Joe Biden as India and the US deepened ties.", ["Joe Biden", "Narendra Modi"]),
    # an organisation met with is a party
    ("ar", "والتقى الرئيس الأوكراني فولوديمير زيلينسكي مع الناتو في بروكسل.", ["NATO", "Volodymyr Zelenskyy"]),
]


@pytest.mark.parametrize("lang,text,people", MEETING_PARTIES)
def test_a_meetings_parties_leave_out_its_forum_and_a_persons_own_state(extractor, lang, text, people):
    body = in_article(lang, text)
    met = participants_of(extractor, body, "2024-09-22", "meeting")
    assert met[:1] == [people]


def test_a_future_word_a_few_words_after_the_trigger_plans_it(extractor):
    body = "وقال الكرملين ذلك.\nThe newspaper reported that on April 23 the long awaited visit of the Russian president will take place in Turkey."
    got = [(m, d) for t, _, m, d in events(extractor, body, "2024-04-02") if t == "visit"]
    assert got == [("planned", "2024-04-23")]


AGREED_TO_COOPERATE = [
    ("ar", "واتفق بوتين وشي جين بينغ على توسيع التعاون الاقتصادي.", "cooperation"),
    ("ar", "واتفق يون سوك يول وأندريه دودا على تعزيز الجهود المشتركة في أوكرانيا.", "cooperation"),
    ("en", "Putin and Xi Jinping agreed to expand cooperation.", "cooperation"),
    # an agreement signed to strengthen ties, or agreeing on something else, stays an agreement
    ("ar", "ووقع بوتين وشي جين بينغ اتفاقية لتعزيز التعاون.", "agreement"),
    ("ar", "واتفق بوتين وشي جين بينغ على وقف إطلاق النار.", "agreement"),
]


@pytest.mark.parametrize("lang,text,etype", AGREED_TO_COOPERATE)
def test_agreeing_to_cooperate_is_cooperation(extractor, lang, text, etype):
    body = in_article(lang, text)
    got = [t for t, _, _, _ in events(extractor, body, "2024-05-16") if t in ("agreement", "cooperation")]
    assert got == [etype]


def test_a_short_name_before_a_hyphened_given_name_is_someone_elses(extractor):
    ex = extract(extractor, "التقى كيم جونغ أون بوتين. وقال نائب الوزير كيم هونج-كيون إن سيول قلقة. وقال كيم إن العلاقات جيدة.",
                 "2024-11-01")
    assert [m.surface for m in ex.mentions if m.entity == "Kim Jong Un"] == ["كيم جونغ أون", "كيم"]


# With no publication date, the latest date a text tells is no date for its titles: a holder the
# article names is the one meant (Kishida took office on 4 October 2021, after Suga).
UNDATED_ROLES = [
    ("Modi held talks with Fumio Kishida. Modi had spoken to him in October 2021 after he took office. "
     "The Japanese prime minister is scheduled to depart from India on Sunday.", None, "Fumio Kishida"),
    ("Modi held talks with Fumio Kishida in Delhi. The Japanese prime minister will leave on Sunday.",
     "2021-09-01", "Yoshihide Suga"),
]


@pytest.mark.parametrize("body,published,holder", UNDATED_ROLES)
def test_titles_without_a_publication_date(extractor, body, published, holder):
    ex = extract(extractor, body, published, title="Modi and Kishida", opening=None, language="en")
    roles = [m.entity for m in ex.mentions if m.alias_kind == "role" and "prime minister" in m.surface.lower()]
    assert roles == [holder]
