"""The entity gazetteer as data: names, spelling variants, roles by date, metonyms, schema checks.

Every surface form below is looked up the way the matcher sees it: folded with
`loaders.normalize.norm`, then compared with the `norm` of the registry's aliases.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest

from loaders.knowledge import KnowledgeError
from loaders.normalize import norm
from loaders.registry import ENTITY_KINDS, load_registry


@pytest.fixture(scope="module")
def reg():
    return load_registry()


@pytest.fixture(scope="module")
def by_norm(reg):
    index = defaultdict(list)
    for a in reg.aliases:
        index[a.norm].append(a)
    return index


def _entities(by_norm, surface: str, kinds=("name", "metonym")) -> set[str]:
    return {a.entity for a in by_norm.get(norm(surface), []) if a.kind in kinds}


def _roles(by_norm, surface: str):
    return [a for a in by_norm.get(norm(surface), []) if a.kind == "role"]


def _resolve(by_norm, surface: str, day: dt.date | None) -> set[str | None]:
    roles = _roles(by_norm, surface)
    assert roles, f"no role alias for {surface!r}"
    return {a.resolve(day) for a in roles}


# ====================================================================== Arabic names
AR_PEOPLE = [
    # Russia
    ("فلاديمير بوتين", "Vladimir Putin"),
    ("بوتين", "Vladimir Putin"),
    ("بوتن", "Vladimir Putin"),
    ("ديمتري ميدفيديف", "Dmitry Medvedev"),
    ("دميتري مدفيديف", "Dmitry Medvedev"),
    ("ميشوستين", "Mikhail Mishustin"),
    ("سيرغي لافروف", "Sergey Lavrov"),
    ("سيرجي لافروف", "Sergey Lavrov"),
    ("سيرغيه لافروف", "Sergey Lavrov"),
    ("لافروف", "Sergey Lavrov"),
    ("سيرغي شويغو", "Sergei Shoigu"),
    ("شويغو", "Sergei Shoigu"),
    ("شويجو", "Sergei Shoigu"),
    ("أندريه بيلوسوف", "Andrey Belousov"),
    ("دميتري بيسكوف", "Dmitry Peskov"),
    ("ديمتري بيسكوف", "Dmitry Peskov"),
    ("بيسكوف", "Dmitry Peskov"),
    ("ماريا زاخاروفا", "Maria Zakharova"),
    ("يوري أوشاكوف", "Yuri Ushakov"),
    ("أندريه رودينكو", "Andrey Rudenko"),
    ("ألكسندر كوزلوف", "Alexander Kozlov"),
    ("الكسندر كوزلوف", "Alexander Kozlov"),
    ("كوزلوف", "Alexander Kozlov"),
    ("ألكسندر نوفاك", "Alexander Novak"),
    ("نوفاك", "Alexander Novak"),
    ("فاسيلي نيبينزيا", "Vasily Nebenzya"),
    ("فاليري غيراسيموف", "Valery Gerasimov"),
    ("جيراسيموف", "Valery Gerasimov"),
    ("يفغيني بريغوجين", "Yevgeny Prigozhin"),
    # North Korea
    ("كيم جونغ أون", "Kim Jong Un"),
    ("كيم جونج أون", "Kim Jong Un"),
    ("كيم جونغ-أون", "Kim Jong Un"),
    ("كيم جون أون", "Kim Jong Un"),
    ("كيم جونغ اون", "Kim Jong Un"),
    ("كيم جونغ إيل", "Kim Jong Il"),
    ("كيم إيل سونغ", "Kim Il Sung"),
    ("كيم يو جونغ", "Kim Yo Jong"),
    ("تشوي سون هوي", "Choe Son Hui"),
    ("تشوي سونغ هوي", "Choe Son Hui"),
    ("تشوي سونغهوي", "Choe Son Hui"),
    ("تشوي سون-هوي", "Choe Son Hui"),
    ("ري سون غوون", "Ri Son Gwon"),
    ("كيم توك هون", "Kim Tok Hun"),
    ("باك تاي سونغ", "Pak Thae Song"),
    # South Korea
    ("يون سوك يول", "Yoon Suk Yeol"),
    ("يون سوك-يول", "Yoon Suk Yeol"),
    ("لي جاي ميونغ", "Lee Jae-myung"),
    ("مون جاي إن", "Moon Jae-in"),
    ("بارك جين", "Park Jin"),
    ("تشو تاي يول", "Cho Tae-yul"),
    ("شين وون سيك", "Shin Won-sik"),
    ("هان دوك سو", "Han Duck-soo"),
    # United States
    ("جو بايدن", "Joe Biden"),
    ("بايدن", "Joe Biden"),
    ("دونالد ترامب", "Donald Trump"),
    ("ترامب", "Donald Trump"),
    ("ترمب", "Donald Trump"),
    ("كامالا هاريس", "Kamala Harris"),
    ("أنتوني بلينكن", "Antony Blinken"),
    ("بلينكن", "Antony Blinken"),
    ("ماركو روبيو", "Marco Rubio"),
    ("لويد أوستن", "Lloyd Austin"),
    ("لويد أوستين", "Lloyd Austin"),
    ("بيت هيغسيث", "Pete Hegseth"),
    ("جون كيربي", "John Kirby"),
    ("ماثيو ميلر", "Matthew Miller (spokesperson)"),
    ("ليندا توماس غرينفيلد", "Linda Thomas-Greenfield"),
    ("ليندا توماس-غرينفيلد", "Linda Thomas-Greenfield"),
    # China
    ("شي جين بينغ", "Xi Jinping"),
    ("شي جي بينغ", "Xi Jinping"),
    ("شي جينبينغ", "Xi Jinping"),
    ("لي تشيانغ", "Li Qiang"),
    ("وانغ يي", "Wang Yi"),
    ("وانج يي", "Wang Yi"),
    ("تشين قانغ", "Qin Gang"),
    ("دونغ جون", "Dong Jun"),
    ("ماو نينغ", "Mao Ning"),
    ("وانغ ون بين", "Wang Wenbin"),
    ("لين جيان", "Lin Jian"),
    # Japan
    ("فوميو كيشيدا", "Fumio Kishida"),
    ("كيشيدا", "Fumio Kishida"),
    ("شيغيرو إيشيبا", "Shigeru Ishiba"),
    ("يوكو كاميكاوا", "Yoko Kamikawa"),
    ("يوشيماسا هاياشي", "Yoshimasa Hayashi"),
    # Ukraine
    ("فولوديمير زيلينسكي", "Volodymyr Zelenskyy"),
    ("زيلينسكي", "Volodymyr Zelenskyy"),
    ("دميترو كوليبا", "Dmytro Kuleba"),
    ("أندريه سيبيها", "Andrii Sybiha"),
    ("رستم عمروف", "Rustem Umerov"),
    ("أوليكسي ريزنيكوف", "Oleksii Reznikov"),
    # Iran
    ("علي خامنئي", "Ali Khamenei"),
    ("خامنئي", "Ali Khamenei"),
    ("إبراهيم رئيسي", "Ebrahim Raisi"),
    ("مسعود بزشكيان", "Masoud Pezeshkian"),
    ("حسين أمير عبد اللهيان", "Hossein Amir-Abdollahian"),
    ("عبد اللهيان", "Hossein Amir-Abdollahian"),
    ("عباس عراقجي", "Abbas Araghchi"),
    # Turkey, Israel
    ("رجب طيب أردوغان", "Recep Tayyip Erdoğan"),
    ("أردوغان", "Recep Tayyip Erdoğan"),
    ("إردوغان", "Recep Tayyip Erdoğan"),
    ("هاكان فيدان", "Hakan Fidan"),
    ("بنيامين نتنياهو", "Benjamin Netanyahu"),
    ("نتانياهو", "Benjamin Netanyahu"),
    ("يوآف غالانت", "Yoav Gallant"),
    ("جالانت", "Yoav Gallant"),
    # Arab states
    ("عبد الفتاح السيسي", "Abdel Fattah el-Sisi"),
    ("عبدالفتاح السيسي", "Abdel Fattah el-Sisi"),
    ("السيسي", "Abdel Fattah el-Sisi"),
    ("مصطفى مدبولي", "Mostafa Madbouly"),
    ("سامح شكري", "Sameh Shoukry"),
    ("بدر عبد العاطي", "Badr Abdelatty"),
    ("الملك سلمان بن عبد العزيز", "Salman of Saudi Arabia"),
    ("محمد بن سلمان", "Mohammed bin Salman"),
    ("فيصل بن فرحان", "Faisal bin Farhan Al Saud"),
    ("محمد بن زايد", "Mohamed bin Zayed Al Nahyan"),
    ("عبد الله بن زايد", "Abdullah bin Zayed Al Nahyan"),
    ("تميم بن حمد", "Tamim bin Hamad Al Thani"),
    ("محمد بن عبد الرحمن آل ثاني", "Mohammed bin Abdulrahman bin Jassim Al Thani"),
    ("الملك عبد الله الثاني", "Abdullah II of Jordan"),
    ("أيمن الصفدي", "Ayman Safadi"),
    ("بشار الأسد", "Bashar al-Assad"),
    ("أحمد الشرع", "Ahmed al-Sharaa"),
    ("فيصل المقداد", "Faisal Mekdad"),
    ("محمد شياع السوداني", "Mohammed Shia al-Sudani"),
    ("نجيب ميقاتي", "Najib Mikati"),
    ("جوزاف عون", "Joseph Aoun"),
    ("حسن نصر الله", "Hassan Nasrallah"),
    ("محمود عباس", "Mahmoud Abbas"),
    ("أبو مازن", "Mahmoud Abbas"),
    ("إسماعيل هنية", "Ismail Haniyeh"),
    ("يحيى السنوار", "Yahya Sinwar"),
    ("عبد المجيد تبون", "Abdelmadjid Tebboune"),
    ("الملك محمد السادس", "Mohammed VI of Morocco"),
    ("ناصر بوريطة", "Nasser Bourita"),
    ("قيس سعيد", "Kais Saied"),
    ("عبد الحميد الدبيبة", "Abdul Hamid Dbeibeh"),
    ("خليفة حفتر", "Khalifa Haftar"),
    ("مشعل الأحمد الجابر الصباح", "Mishal Al-Ahmad Al-Jaber Al-Sabah"),
    ("هيثم بن طارق", "Haitham bin Tariq"),
    ("حمد بن عيسى آل خليفة", "Hamad bin Isa Al Khalifa"),
    ("رشاد العليمي", "Rashad al-Alimi"),
    ("عبد الملك الحوثي", "Abdul-Malik al-Houthi"),
    ("عبد الفتاح البرهان", "Abdel Fattah al-Burhan"),
    ("حميدتي", "Mohamed Hamdan Dagalo"),
    # Europe and international
    ("إيمانويل ماكرون", "Emmanuel Macron"),
    ("ماكرون", "Emmanuel Macron"),
    ("أولاف شولتس", "Olaf Scholz"),
    ("أولاف شولتز", "Olaf Scholz"),
    ("أنالينا بيربوك", "Annalena Baerbock"),
    ("فريدريش ميرتس", "Friedrich Merz"),
    ("كير ستارمر", "Keir Starmer"),
    ("ريشي سوناك", "Rishi Sunak"),
    ("الملك تشارلز الثالث", "Charles III"),
    ("ناريندرا مودي", "Narendra Modi"),
    ("أنطونيو غوتيريش", "António Guterres"),
    ("غوتيريس", "António Guterres"),
    ("ينس ستولتنبرغ", "Jens Stoltenberg"),
    ("مارك روته", "Mark Rutte"),
    ("أورسولا فون دير لاين", "Ursula von der Leyen"),
    ("جوزيب بوريل", "Josep Borrell"),
    ("كايا كالاس", "Kaja Kallas"),
    ("رافائيل غروسي", "Rafael Grossi"),
    ("ألكسندر لوكاشينكو", "Alexander Lukashenko"),
]

AR_STATES = [
    ("روسيا", "Russia"),
    ("الاتحاد الروسي", "Russia"),
    ("كوريا الشمالية", "North Korea"),
    ("جمهورية كوريا الشعبية الديمقراطية", "North Korea"),
    ("كوريا الديمقراطية", "North Korea"),
    ("كوريا الجنوبية", "South Korea"),
    ("الولايات المتحدة", "United States"),
    ("الولايات المتحدة الأمريكية", "United States"),
    ("الولايات المتحدة الأميركية", "United States"),
    ("أمريكا", "United States"),
    ("أميركا", "United States"),
    ("الصين", "China"),
    ("اليابان", "Japan"),
    ("أوكرانيا", "Ukraine"),
    ("اوكرانيا", "Ukraine"),
    ("إيران", "Iran"),
    ("تركيا", "Turkey"),
    ("إسرائيل", "Israel"),
    ("مصر", "Egypt"),
    ("جمهورية مصر العربية", "Egypt"),
    ("السعودية", "Saudi Arabia"),
    ("المملكة العربية السعودية", "Saudi Arabia"),
    ("الإمارات", "United Arab Emirates"),
    ("الإمارات العربية المتحدة", "United Arab Emirates"),
    ("قطر", "Qatar"),
    ("الأردن", "Jordan"),
    ("سوريا", "Syria"),
    ("سورية", "Syria"),
    ("العراق", "Iraq"),
    ("لبنان", "Lebanon"),
    ("فلسطين", "State of Palestine"),
    ("الجزائر", "Algeria"),
    ("المغرب", "Morocco"),
    ("تونس", "Tunisia"),
    ("ليبيا", "Libya"),
    ("الكويت", "Kuwait"),
    ("سلطنة عمان", "Oman"),
    ("البحرين", "Bahrain"),
    ("اليمن", "Yemen"),
    ("السودان", "Sudan"),
    ("جنوب السودان", "South Sudan"),
    ("موريتانيا", "Mauritania"),
    ("الصومال", "Somalia"),
    ("جيبوتي", "Djibouti"),
    ("جزر القمر", "Comoros"),
    ("بريطانيا", "United Kingdom"),
    ("المملكة المتحدة", "United Kingdom"),
    ("فرنسا", "France"),
    ("ألمانيا", "Germany"),
    ("الهند", "India"),
    ("باكستان", "Pakistan"),
    ("بيلاروسيا", "Belarus"),
    ("روسيا البيضاء", "Belarus"),
    ("التشيك", "Czech Republic"),
    ("ساحل العاج", "Ivory Coast"),
    ("كوت ديفوار", "Ivory Coast"),
    ("جمهورية الكونغو الديمقراطية", "Democratic Republic of the Congo"),
    ("الفاتيكان", "Vatican City"),
    ("تايوان", "Taiwan"),
    ("كوسوفو", "Kosovo"),
    ("جنوب أفريقيا", "South Africa"),
    ("جنوب إفريقيا", "South Africa"),
    ("هولندا", "Netherlands"),
    ("المجر", "Hungary"),
]

AR_PLACES = [
    ("موسكو", "Moscow"),
    ("الكرملين", "Moscow Kremlin"),
    ("بيونغ يانغ", "Pyongyang"),
    ("بيونج يانج", "Pyongyang"),
    ("بيونغيانغ", "Pyongyang"),
    ("بيونجيانج", "Pyongyang"),
    ("واشنطن", "Washington, D.C."),
    ("البيت الأبيض", "White House"),
    ("البنتاغون", "The Pentagon"),
    ("سيول", "Seoul"),
    ("سول", "Seoul"),
    ("طوكيو", "Tokyo"),
    ("بكين", "Beijing"),
    ("كييف", "Kyiv"),
    ("طهران", "Tehran"),
    ("أنقرة", "Ankara"),
    ("القاهرة", "Cairo"),
    ("الرياض", "Riyadh"),
    ("دمشق", "Damascus"),
    ("بغداد", "Baghdad"),
    ("بيروت", "Beirut"),
    ("تل أبيب", "Tel Aviv"),
    ("الدوحة", "Doha"),
    ("أبوظبي", "Abu Dhabi"),
    ("أبو ظبي", "Abu Dhabi"),
    ("لندن", "London"),
    ("باريس", "Paris"),
    ("برلين", "Berlin"),
    ("فوستوشني", "Vostochny Cosmodrome"),
    ("فوستوتشني", "Vostochny Cosmodrome"),
    ("فاستوشني", "Vostochny Cosmodrome"),
    ("بريمورسكي كراي", "Primorsky Krai"),
    ("شبه الجزيرة الكورية", "Korean Peninsula"),
    ("شبه جزيرة القرم", "Crimea"),
    ("القرم", "Crimea"),
    ("دونباس", "Donbas"),
    ("قطاع غزة", "Gaza Strip"),
    ("الضفة الغربية", "West Bank"),
    ("أمريكا اللاتينية", "Latin America"),
]

AR_ORGANISATIONS = [
    ("الأمم المتحدة", "United Nations"),
    ("هيئة الأمم المتحدة", "United Nations"),
    ("مجلس الأمن", "United Nations Security Council"),
    ("مجلس الأمن الدولي", "United Nations Security Council"),
    ("الجمعية العامة للأمم المتحدة", "United Nations General Assembly"),
    ("حلف شمال الأطلسي", "NATO"),
    ("الناتو", "NATO"),
    ("حلف الناتو", "NATO"),
    ("ناتو", "NATO"),
    ("الاتحاد الأوروبي", "European Union"),
    ("جامعة الدول العربية", "Arab League"),
    ("الاتحاد الأفريقي", "African Union"),
    ("آسيان", "ASEAN"),
    ("بريكس", "BRICS"),
    ("مجموعة السبع", "G7"),
    ("مجموعة العشرين", "G20"),
    ("منظمة شنغهاي للتعاون", "Shanghai Cooperation Organisation"),
    ("أوبك", "OPEC"),
    ("الوكالة الدولية للطاقة الذرية", "International Atomic Energy Agency"),
    ("منظمة الصحة العالمية", "World Health Organization"),
    ("المحكمة الجنائية الدولية", "International Criminal Court"),
    ("صندوق النقد الدولي", "International Monetary Fund"),
    ("البنك الدولي", "World Bank"),
    ("الصليب الأحمر", "International Committee of the Red Cross"),
    ("وكالة الأنباء المركزية الكورية", "Korean Central News Agency"),
    ("تاس", "TASS"),
    ("إنترفاكس", "Interfax"),
    ("ريا نوفوستي", "RIA Novosti"),
    ("رويترز", "Reuters"),
    ("تسنيم", "Tasnim News Agency"),
    ("حماس", "Hamas"),
    ("حزب الله", "Hezbollah"),
    ("الحوثيون", "Houthis"),
    ("الحوثيين", "Houthis"),
    ("أنصار الله", "Houthis"),
    ("داعش", "Islamic State"),
    ("قوات الدعم السريع", "Rapid Support Forces"),
]

# ====================================================================== English names
EN_NAMES = [
    ("Vladimir Putin", "Vladimir Putin"),
    ("Putin", "Vladimir Putin"),
    ("Sergei Lavrov", "Sergey Lavrov"),
    ("Lavrov", "Sergey Lavrov"),
    ("Sergey Shoigu", "Sergei Shoigu"),
    ("Dmitri Peskov", "Dmitry Peskov"),
    ("Alexander Kozlov", "Alexander Kozlov"),
    ("Andrei Rudenko", "Andrey Rudenko"),
    ("Kim Jong-un", "Kim Jong Un"),
    ("Kim Jong Un", "Kim Jong Un"),
    ("Choe Son-hui", "Choe Son Hui"),
    ("Kim Yo-jong", "Kim Yo Jong"),
    ("Yoon Suk-yeol", "Yoon Suk Yeol"),
    ("Lloyd Austin", "Lloyd Austin"),
    ("Antony Blinken", "Antony Blinken"),
    ("Xi Jinping", "Xi Jinping"),
    ("Wang Yi", "Wang Yi"),
    ("Zelensky", "Volodymyr Zelenskyy"),
    ("Zelenskyy", "Volodymyr Zelenskyy"),
    ("Erdogan", "Recep Tayyip Erdoğan"),
    ("Abdel Fattah el-Sisi", "Abdel Fattah el-Sisi"),
    ("Mohammed bin Salman", "Mohammed bin Salman"),
    ("MBS", "Mohammed bin Salman"),
    ("Antonio Guterres", "António Guterres"),
    ("North Korea", "North Korea"),
    ("DPRK", "North Korea"),
    ("South Korea", "South Korea"),
    ("Republic of Korea", "South Korea"),
    ("United States", "United States"),
    ("U.S.", "United States"),
    ("Russian Federation", "Russia"),
    ("Türkiye", "Turkey"),
    ("Czechia", "Czech Republic"),
    ("Côte d'Ivoire", "Ivory Coast"),
    ("Palestine", "State of Palestine"),
    ("Kremlin", "Moscow Kremlin"),
    ("Pyongyang", "Pyongyang"),
    ("Kiev", "Kyiv"),
    ("Washington", "Washington, D.C."),
    ("Vostochny", "Vostochny Cosmodrome"),
    ("UN", "United Nations"),
    ("US", "United States"),  # an acronym: matched in text only where written in capitals (test_extract)
    ("UN Security Council", "United Nations Security Council"),
    ("NATO", "NATO"),
    ("EU", "European Union"),
    ("KCNA", "Korean Central News Agency"),
    ("Reuters", "Reuters"),
    ("Interfax", "Interfax"),
]


@pytest.mark.parametrize("surface, expected", AR_PEOPLE)
def test_arabic_person_names(by_norm, surface, expected):
    assert expected in _entities(by_norm, surface), surface


@pytest.mark.parametrize("surface, expected", AR_STATES)
def test_arabic_state_names(by_norm, surface, expected):
    assert expected in _entities(by_norm, surface), surface


@pytest.mark.parametrize("surface, expected", AR_PLACES)
def test_arabic_place_names(by_norm, surface, expected):
    assert expected in _entities(by_norm, surface), surface


@pytest.mark.parametrize("surface, expected", AR_ORGANISATIONS)
def test_arabic_organisation_names(by_norm, surface, expected):
    assert expected in _entities(by_norm, surface), surface


@pytest.mark.parametrize("surface, expected", EN_NAMES)
def test_english_names(by_norm, surface, expected):
    assert expected in _entities(by_norm, surface), surface


# ====================================================================== Back-references only
SHORT_ONLY = [
    ("كيم", "Kim Jong Un", "ar"),
    ("كيم", "Kim Yo Jong", "ar"),
    ("Kim", "Kim Jong Un", "en"),
    ("وانغ", "Wang Yi", "ar"),
    ("Wang", "Wang Yi", "en"),
    ("لي", "Li Qiang", "ar"),
    ("Lee", "Lee Jae-myung", "en"),
    ("تشوي", "Choe Son Hui", "ar"),
    ("يون", "Yoon Suk Yeol", "ar"),
    ("رئيسي", "Ebrahim Raisi", "ar"),
    ("الأسد", "Bashar al-Assad", "ar"),
    ("عون", "Joseph Aoun", "ar"),
    ("آبي", "Shinzo Abe", "ar"),
    ("أوستن", "Lloyd Austin", "ar"),
    ("مالي", "Mali", "ar"),
]


@pytest.mark.parametrize("surface, expected, lang", SHORT_ONLY)
def test_ambiguous_short_forms_are_back_references(by_norm, surface, expected, lang):
    aliases = by_norm.get(norm(surface), [])
    assert any(a.kind == "short" and a.entity == expected and a.lang == lang for a in aliases)
    assert not any(a.kind in ("name", "metonym") for a in aliases), f"{surface!r} must not always match"


@pytest.mark.parametrize("surface", [
    "كيف", "WHO", "IS", "طرابلس", "الكونغو", "كوريا", "جمهورية الصين",
    "لولا", "هو", "سلام", "النفطي", "البرهان", "قنا", "ماي", "May", "Borne", "Albanese", "رئيسي",
])
def test_ambiguous_words_are_not_names(by_norm, surface):
    assert not _entities(by_norm, surface), surface


# ====================================================================== Roles by date
D_SUMMIT = dt.date(2023, 9, 13)      # Kim-Putin summit at Vostochny
D_2024_06 = dt.date(2024, 6, 1)

ROLE_CASES = [
    # Russia
    ("الرئيس الروسي", D_SUMMIT, "Vladimir Putin"),
    ("الرئيس الروسي", dt.date(2010, 1, 1), "Dmitry Medvedev"),
    ("رئيس روسيا", D_SUMMIT, "Vladimir Putin"),
    ("Russian President", D_SUMMIT, "Vladimir Putin"),
    ("President of Russia", D_SUMMIT, "Vladimir Putin"),
    ("الزعيم الروسي", D_SUMMIT, "Vladimir Putin"),
    ("رئيس الوزراء الروسي", D_SUMMIT, "Mikhail Mishustin"),
    ("رئيس الوزراء الروسي", dt.date(2015, 1, 1), "Dmitry Medvedev"),
    ("وزير الخارجية الروسي", D_SUMMIT, "Sergey Lavrov"),
    ("وزير خارجية روسيا", D_SUMMIT, "Sergey Lavrov"),
    ("Russian Foreign Minister", D_SUMMIT, "Sergey Lavrov"),
    ("وزير الدفاع الروسي", D_SUMMIT, "Sergei Shoigu"),
    ("وزير الدفاع الروسي", D_2024_06, "Andrey Belousov"),
    ("Russian Defence Minister", D_2024_06, "Andrey Belousov"),
    ("المتحدث باسم الكرملين", D_SUMMIT, "Dmitry Peskov"),
    ("Kremlin spokesman", D_SUMMIT, "Dmitry Peskov"),
    ("المتحدث باسم الرئاسة الروسية", D_SUMMIT, "Dmitry Peskov"),
    ("المتحدثة باسم الخارجية الروسية", D_SUMMIT, "Maria Zakharova"),
    ("رئيس الأركان الروسي", D_SUMMIT, "Valery Gerasimov"),
    ("المندوب الروسي لدى الأمم المتحدة", D_SUMMIT, "Vasily Nebenzya"),
    # North Korea
    ("الزعيم الكوري الشمالي", D_SUMMIT, "Kim Jong Un"),
    ("زعيم كوريا الشمالية", D_SUMMIT, "Kim Jong Un"),
    ("الرئيس الكوري الشمالي", D_SUMMIT, "Kim Jong Un"),
    ("رئيس كوريا الشمالية", D_SUMMIT, "Kim Jong Un"),
    ("North Korean leader", D_SUMMIT, "Kim Jong Un"),
    ("الزعيم الكوري الشمالي", dt.date(2005, 1, 1), "Kim Jong Il"),
    ("وزيرة الخارجية الكورية الشمالية", D_2024_06, "Choe Son Hui"),
    ("وزير خارجية كوريا الشمالية", dt.date(2021, 1, 1), "Ri Son Gwon"),
    ("وزير خارجية كوريا الشمالية", dt.date(2022, 6, 9), "Ri Son Gwon"),
    ("وزير خارجية كوريا الشمالية", dt.date(2022, 6, 10), "Choe Son Hui"),
    ("North Korean Foreign Minister", D_2024_06, "Choe Son Hui"),
    # South Korea
    ("الرئيس الكوري الجنوبي", D_SUMMIT, "Yoon Suk Yeol"),
    ("الرئيس الكوري الجنوبي", dt.date(2020, 1, 1), "Moon Jae-in"),
    ("رئيس كوريا الجنوبية", dt.date(2025, 7, 1), "Lee Jae-myung"),
    ("وزير الخارجية الكوري الجنوبي", D_SUMMIT, "Park Jin"),
    ("وزير الخارجية الكوري الجنوبي", D_2024_06, "Cho Tae-yul"),
    ("وزير الدفاع الكوري الجنوبي", D_2024_06, "Shin Won-sik"),
    # United States
    ("الرئيس الأمريكي", D_SUMMIT, "Joe Biden"),
    ("الرئيس الأميركي", D_SUMMIT, "Joe Biden"),
    ("الرئيس الأمريكي", dt.date(2019, 1, 1), "Donald Trump"),
    ("الرئيس الأمريكي", dt.date(2025, 3, 1), "Donald Trump"),
    ("الرئيس الأمريكي", dt.date(2012, 1, 1), "Barack Obama"),
    ("رئيس الولايات المتحدة", D_SUMMIT, "Joe Biden"),
    ("US President", D_SUMMIT, "Joe Biden"),
    ("American President", D_SUMMIT, "Joe Biden"),
    ("نائبة الرئيس الأمريكي", D_SUMMIT, "Kamala Harris"),
    ("وزير الخارجية الأمريكي", D_SUMMIT, "Antony Blinken"),
    ("وزير الخارجية الأمريكي", dt.date(2025, 3, 1), "Marco Rubio"),
    ("US Secretary of State", D_SUMMIT, "Antony Blinken"),
    ("وزير الدفاع الأمريكي", D_SUMMIT, "Lloyd Austin"),
    ("US Defense Secretary", D_SUMMIT, "Lloyd Austin"),
    ("US Defense Secretary", dt.date(2025, 3, 1), "Pete Hegseth"),
    ("المتحدثة باسم البيت الأبيض", D_SUMMIT, "Karine Jean-Pierre"),
    ("مستشار الأمن القومي الأمريكي", D_SUMMIT, "Jake Sullivan"),
    ("المندوبة الأمريكية لدى الأمم المتحدة", D_SUMMIT, "Linda Thomas-Greenfield"),
    # China, Japan
    ("الرئيس الصيني", D_SUMMIT, "Xi Jinping"),
    ("Chinese President", D_SUMMIT, "Xi Jinping"),
    ("رئيس الوزراء الصيني", D_SUMMIT, "Li Qiang"),
    ("وزير الخارجية الصيني", D_SUMMIT, "Wang Yi"),
    ("وزير الخارجية الصيني", dt.date(2023, 3, 1), "Qin Gang"),
    ("وزير الدفاع الصيني", D_2024_06, "Dong Jun"),
    ("رئيس الوزراء الياباني", D_SUMMIT, "Fumio Kishida"),
    ("رئيس الوزراء الياباني", dt.date(2024, 11, 1), "Shigeru Ishiba"),
    ("وزيرة الخارجية اليابانية", D_2024_06, "Yoko Kamikawa"),
    ("Japanese Foreign Minister", dt.date(2023, 1, 1), "Yoshimasa Hayashi"),
    # Ukraine, Iran, Turkey, Israel
    ("الرئيس الأوكراني", D_SUMMIT, "Volodymyr Zelenskyy"),
    ("وزير الخارجية الأوكراني", D_SUMMIT, "Dmytro Kuleba"),
    ("وزير الخارجية الأوكراني", dt.date(2024, 10, 1), "Andrii Sybiha"),
    ("وزير الدفاع الأوكراني", dt.date(2023, 1, 1), "Oleksii Reznikov"),
    ("وزير الدفاع الأوكراني", D_2024_06, "Rustem Umerov"),
    ("المرشد الأعلى الإيراني", D_SUMMIT, "Ali Khamenei"),
    ("الرئيس الإيراني", D_SUMMIT, "Ebrahim Raisi"),
    ("الرئيس الإيراني", dt.date(2024, 9, 1), "Masoud Pezeshkian"),
    ("وزير الخارجية الإيراني", D_SUMMIT, "Hossein Amir-Abdollahian"),
    ("وزير الخارجية الإيراني", dt.date(2024, 9, 1), "Abbas Araghchi"),
    ("الرئيس التركي", D_SUMMIT, "Recep Tayyip Erdoğan"),
    ("وزير الخارجية التركي", D_SUMMIT, "Hakan Fidan"),
    ("رئيس الوزراء الإسرائيلي", D_SUMMIT, "Benjamin Netanyahu"),
    ("وزير الدفاع الإسرائيلي", D_SUMMIT, "Yoav Gallant"),
    ("وزير الدفاع الإسرائيلي", dt.date(2024, 12, 1), "Israel Katz"),
    ("الرئيس الإسرائيلي", D_SUMMIT, "Isaac Herzog"),
    # Arab states
    ("الرئيس المصري", D_SUMMIT, "Abdel Fattah el-Sisi"),
    ("وزير الخارجية المصري", D_SUMMIT, "Sameh Shoukry"),
    ("وزير الخارجية المصري", dt.date(2024, 9, 1), "Badr Abdelatty"),
    ("العاهل السعودي", D_SUMMIT, "Salman of Saudi Arabia"),
    ("خادم الحرمين الشريفين", D_SUMMIT, "Salman of Saudi Arabia"),
    ("ولي العهد السعودي", D_SUMMIT, "Mohammed bin Salman"),
    ("وزير الخارجية السعودي", D_SUMMIT, "Faisal bin Farhan Al Saud"),
    ("رئيس الإمارات", D_SUMMIT, "Mohamed bin Zayed Al Nahyan"),
    ("أمير قطر", D_SUMMIT, "Tamim bin Hamad Al Thani"),
    ("العاهل الأردني", D_SUMMIT, "Abdullah II of Jordan"),
    ("الرئيس السوري", D_SUMMIT, "Bashar al-Assad"),
    ("أمير الكويت", dt.date(2024, 1, 1), "Mishal Al-Ahmad Al-Jaber Al-Sabah"),
    ("سلطان عمان", D_SUMMIT, "Haitham bin Tariq"),
    ("الملك المغربي", D_SUMMIT, "Mohammed VI of Morocco"),
    ("الرئيس الفلسطيني", D_SUMMIT, "Mahmoud Abbas"),
    ("رئيس الوزراء العراقي", D_SUMMIT, "Mohammed Shia al-Sudani"),
    # Europe
    ("رئيس الوزراء البريطاني", D_SUMMIT, "Rishi Sunak"),
    ("رئيس الوزراء البريطاني", dt.date(2024, 8, 1), "Keir Starmer"),
    ("British Foreign Secretary", dt.date(2024, 1, 1), "David Cameron"),
    ("الرئيس الفرنسي", D_SUMMIT, "Emmanuel Macron"),
    ("المستشار الألماني", D_SUMMIT, "Olaf Scholz"),
    ("German Chancellor", dt.date(2025, 6, 1), "Friedrich Merz"),
    ("وزيرة الخارجية الألمانية", D_SUMMIT, "Annalena Baerbock"),
]


@pytest.mark.parametrize("surface, day, expected", ROLE_CASES)
def test_role_resolves_by_date(by_norm, surface, day, expected):
    assert _resolve(by_norm, surface, day) == {expected}


@pytest.mark.parametrize("surface", [
    "المستشار البريطاني", "الأمير القطري", "الرئيس السعودي الإيراني", "Secretary of State",
    "Defense Secretary", "US President-elect",
])
def test_misleading_titles_are_not_roles(by_norm, surface):
    assert not _roles(by_norm, surface), surface


def test_role_gaps_resolve_to_nobody(by_norm):
    # Lebanon had no president between Aoun and Aoun.
    assert _resolve(by_norm, "الرئيس اللبناني", dt.date(2023, 6, 1)) == {None}


def test_role_without_date_is_current_holder(by_norm):
    assert _resolve(by_norm, "وزير الدفاع الروسي", None) == {"Andrey Belousov"}
    assert _resolve(by_norm, "الرئيس الروسي", None) == {"Vladimir Putin"}


def test_iranian_president_is_never_the_supreme_leader(by_norm):
    for day in (dt.date(2015, 1, 1), dt.date(2022, 1, 1), dt.date(2024, 9, 1)):
        assert "Ali Khamenei" not in _resolve(by_norm, "الرئيس الإيراني", day)


def test_registry_holder_lookup(reg):
    assert reg.holder("foreign_minister", "North Korea", dt.date(2023, 9, 13)) == "Choe Son Hui"
    assert reg.holder("head_of_state", "United States", dt.date(2017, 1, 20)) == "Donald Trump"
    assert reg.holder("head_of_state", "United States", dt.date(2017, 1, 19)) == "Barack Obama"


# ====================================================================== Metonyms
METONYMS = [
    ("الكرملين", "Russia"),
    ("Kremlin", "Russia"),
    ("موسكو", "Russia"),
    ("بيونغ يانغ", "North Korea"),
    ("بيونجيانج", "North Korea"),
    ("واشنطن", "United States"),
    ("البيت الأبيض", "United States"),
    ("White House", "United States"),
    ("سيول", "South Korea"),
    ("سول", "South Korea"),
    ("طوكيو", "Japan"),
    ("بكين", "China"),
    ("كييف", "Ukraine"),
    ("طهران", "Iran"),
    ("أنقرة", "Turkey"),
    ("تل أبيب", "Israel"),
    ("القاهرة", "Egypt"),
    ("الرياض", "Saudi Arabia"),
    ("دمشق", "Syria"),
    ("بغداد", "Iraq"),
    ("لندن", "United Kingdom"),
    ("الإليزيه", "France"),
    ("السلطة الفلسطينية", "State of Palestine"),
]


@pytest.mark.parametrize("surface, state", METONYMS)
def test_seats_of_power_stand_for_their_state(reg, by_norm, surface, state):
    aliases = [a for a in by_norm.get(norm(surface), []) if a.kind == "metonym"]
    assert aliases, surface
    assert {reg.state_of(a.entity) for a in aliases} == {state}


@pytest.mark.parametrize("surface", [
    "فوستوشني", "فوستوتشني", "بريمورسكي كراي", "شبه الجزيرة الكورية", "القرم", "دونباس",
    "قطاع غزة", "القدس", "بروكسل", "جنيف", "Vostochny",
])
def test_places_that_do_not_stand_for_a_state(reg, by_norm, surface):
    aliases = [a for a in by_norm.get(norm(surface), []) if a.kind in ("name", "metonym")]
    assert aliases, surface
    assert all(a.kind == "name" and reg.state_of(a.entity) is None for a in aliases)


# ====================================================================== Whole-registry checks
def test_counts(reg):
    kinds = defaultdict(int)
    for e in reg.entities.values():
        kinds[e.kind] += 1
    assert len(reg.entities) >= 300
    assert kinds["state"] >= 193
    assert kinds["person"] >= 150
    assert kinds["place"] >= 80
    assert kinds["organisation"] >= 30


def test_every_state_has_an_arabic_name(reg):
    missing = [e.name for e in reg.entities.values() if e.kind == "state" and not e.ar_name]
    assert not missing


def test_every_entity_has_an_arabic_or_english_alias(reg):
    named = {a.entity for a in reg.aliases if a.kind in ("name", "metonym")}
    assert set(reg.entities) <= named


def test_kinds_and_references(reg):
    for e in reg.entities.values():
        assert e.kind in ENTITY_KINDS
        if e.metonym_for:
            assert reg.entities[e.metonym_for].kind == "state", e.name
        if e.country:
            assert reg.entities[e.country].kind == "state", e.name


# ====================================================================== Gender
WOMEN = ["Maria Zakharova", "Valentina Matviyenko", "Kim Yo Jong", "Choe Son Hui", "Park Geun-hye",
         "Kang Kyung-wha", "Kamala Harris", "Hillary Clinton", "Jen Psaki", "Karine Jean-Pierre",
         "Karoline Leavitt", "Linda Thomas-Greenfield", "Nikki Haley", "Kelly Craft", "Mao Ning",
         "Hua Chunying", "Yoko Kamikawa", "Elizabeth II", "Liz Truss", "Theresa May", "Élisabeth Borne",
         "Catherine Colonna", "Florence Parly", "Angela Merkel", "Annalena Baerbock", "Christine Lambrecht",
         "Giorgia Meloni", "Kaja Kallas", "Droupadi Murmu", "Tsai Ing-wen", "Ursula von der Leyen",
         "Kristalina Georgieva", "Sue Mi Terry", "Mélanie Joly",
         # leaders of Europe, Asia, the Americas and Africa (2018-2025)
         "Katerina Sakellaropoulou", "Elisabetta Trenta", "Arancha González Laya", "Margarita Robles",
         "Katalin Novák", "Ana Brnabić", "Viorica Dăncilă", "Luminița Odobescu", "Oana Țoiu",
         "Brigitte Bierlein", "Karin Kneissl", "Beate Meinl-Reisinger", "Klaudia Tanner", "Sanna Marin",
         "Elina Valtonen", "Magdalena Andersson", "Margot Wallström", "Ann Linde", "Maria Malmer Stenergard",
         "Erna Solberg", "Ine Eriksen Søreide", "Anniken Huitfeldt", "Margrethe II", "Mette Frederiksen",
         "Sophie Wilmès", "Hadja Lahbib", "Simonetta Sommaruga", "Viola Amherd", "Karin Keller-Sutter",
         "Salome Zourabichvili", "Retno Marsudi", "Halimah Yacob", "Paetongtarn Shinawatra", "Sheikh Hasina",
         "Harini Amarasuriya", "Claudia Sheinbaum", "Alicia Bárcena", "Lindiwe Sisulu", "Naledi Pandor",
         "Sahle-Work Zewde", "Najla Mangoush", "Janet Yellen", "Maka Botchorishvili",
         # cabinets, parliaments (2018-2025)
         "Ruhsar Pekcan", "Rania Al-Mashat", "Yulia Svyrydenko", "Oksana Markarova", "Amal Al Qubaisi",
         "Olga Lyubimova", "Noura Al Kaabi", "Reem Al Hashimy", "Lolwah Al-Khater", "Iryna Vereshchuk",
         "Olha Stefanishyna", "Hala Zayed", "Nevine Gamea", "Inas Abdel-Dayem",
         # earlier holders of the main offices (2018-2025)
         "Sushma Swaraj", "Nirmala Sitharaman", "Penny Mordaunt", "Annegret Kramp-Karrenbauer",
         "Roberta Pinotti", "Zeina Akar", "Najla Bouden", "Sara Zaafrani Zenzri", "Maite Nkoana-Mashabane",
         # heads of state and government and foreign ministers of Africa, the Americas, Oceania, Europe and Asia
         "Adaljiza Magno", "Adriana Delpiano", "Aisha Mohammed Musa", "Alexandra Hill Tinoco", "Ameenah Gurib-Fakim",
         "Amina Mohamed", "Ana Cecilia Gervasi", "Angie Motshekga", "Anita Anand", "Ank Bijleveld",
         "Antonia Urrejola", "Arzu Rana Deuba", "Asma Mohamed Abdalla", "Aung San Suu Kyi", "Awut Deng Acuil",
         "Aïssata Tall Sall", "Baiba Braže", "Batmunkhiin Battsetseg", "Beatrice Wani-Noah", "Betssy Chávez",
         "Bidya Devi Bhandari", "Bimala Rai Paudyal", "Bisera Turković", "Borjana Krišto", "Cayetana Aljovín",
         "Celinda Sosa", "Chrystia Freeland", "Claudia Blum", "Dalia Grybauskaitė", "Diana Mondino", "Dina Boluarte",
         "Dominique Dupuy", "Donika Gërvalla-Schwarz", "Ekaterina Zaharieva", "Elizabeth Astete",
         "Ellen Johnson Sirleaf", "Epsy Campbell Barr", "Erika Mouynes", "Eva-Maria Liimets", "Evika Siliņa",
         "Gabriela Sommerfeld", "Gordana Siljanovska-Davkova", "Halla Tómasdóttir", "Hanke Bruins Slot",
         "Ilza Amado Vaz", "Ingrida Šimonytė", "Isabel Saint Malo", "Jacinda Ardern", "Janaina Tewaney",
         "Jeanine Áñez", "Judith Suminwa", "Julie Bishop", "Kajsa Ollongren", "Kamina Johnson Smith",
         "Kamissa Camara", "Kamla Persad-Bissessar", "Kandia Camara", "Karen Cummings", "Karen Longaric",
         "Katrín Jakobsdóttir", "Kersti Kaljulaid", "Kolinda Grabar-Kitarović", "Kristrún Frostadóttir",
         "Laura Sarabia", "Liberata Mulamula", "Linda Reynolds", "Louise Mushikiwabo", "Maia Sandu",
         "Manuela Roka Botey", "Maria Benvinda Levi", "Maria Manuela Lucas", "Mariam al-Mahdi", "Marie Tumba Nzeza",
         "Marie-Louise Coleiro Preca", "Marija Pejčinović Burić", "Marise Payne", "Mariya Gabriel", "Marjon Kamara",
         "Marta Lucía Ramírez", "María Dolores Agüero", "María Dolores de Cospedal", "María Fernanda Espinosa",
         "María Ángela Holguín", "Matsepo Molise-Ramakoae", "Maxine McClean", "Maya Fernández",
         "Meliza Haradinaj-Stublla", "Mercedes Aráoz", "Mia Mottley", "Michelle Bachelet", "Mirtha Vásquez",
         "Monica Juma", "Myriam Spiteri Debono", "Nabeela Tunis", "Nanaia Mahuta", "Nancy Tembo", "Natalia Gavrilița",
         "Nataša Pirc Musar", "Netumbo Nandi-Ndaitwah", "Nosiviwe Mapisa-Nqakula", "Olivia Rouamba", "Olta Xhaçka",
         "Pelonomi Venson-Moitoi", "Penny Wong", "Pholile Shakantu", "Ramona Mănescu", "Rasata Rafaravavitafika",
         "Raychelle Omamo", "Robinah Nabbanja", "Rosario Murillo", "Rose Christiane Raponda", "Rosine Sori-Coulibaly",
         "Saara Kuugongelwa", "Samia Suluhu Hassan", "Sandra Jovel", "Sara Beysolow Nyanti", "Selma Ashipala-Musavyi",
         "Shirley Ayorkor Botchwey", "Sigrid Kaag", "Soipan Tuya", "Stergomena Tax", "Suzi Barbosa",
         "Sylvie Baïpo-Temon", "Tanja Fajon", "Teodora Genchovska", "Thandi Modise", "Thulisile Dladla",
         "Thérèse Kayikwamba Wagner", "Unity Dow", "Verónica Macamo", "Victoire Tomégah Dogbé", "Violeta Bermúdez",
         "Vjosa Osmani", "Xiomara Castro", "Yassine Fall", "Yldiz Pollack-Beighle", "Yvette Sylla", "Zuzana Čaputová",
         "Þorgerður Katrín Gunnarsdóttir", "Þórdís Kolbrún R. Gylfadóttir", "Željka Cvijanović"]
MEN = ["Vladimir Putin", "Kim Jong Un", "Kim Jong Il", "Sergey Lavrov", "Choe Ryong Hae", "Ri Son Gwon",
       "Lin Jian", "Wang Wenbin", "Moon Jae-in", "Yoon Suk Yeol", "Joe Biden", "Xi Jinping", "Gen Nakatani",
       "Charles III", "Andrei Lankov", "Abdel Bari Atwan"]


@pytest.mark.parametrize("name, gender", [(w, "f") for w in WOMEN] + [(m, "m") for m in MEN])
def test_person_gender(reg, name, gender):
    assert reg.entities[name].gender == gender


def test_every_person_has_a_gender_and_nothing_else_does(reg):
    for e in reg.entities.values():
        assert (e.gender in ("m", "f")) if e.kind == "person" else e.gender is None, e.name


def test_women_are_exactly_the_listed_ones(reg):
    """A new woman in the registry is added to WOMEN above; a man marked f by mistake fails here."""
    assert {e.name for e in reg.entities.values() if e.gender == "f"} == set(WOMEN)


def test_gender_is_optional_when_unknown(tmp_path):
    _write(tmp_path, "entities/x.yaml", "- name: X\n  kind: person\n  ar: [إكس]\n- name: Y\n  kind: person\n"
           "  gender: f\n  ar: [واي]\n")
    reg = load_registry(tmp_path)
    assert (reg.entities["X"].gender, reg.entities["Y"].gender) == (None, "f")


def test_most_covered_states_have_adjectives(by_norm, reg):
    states_with_adj = {a.entity for a in reg.aliases if a.kind == "adj" and a.lang == "ar"}
    assert len(states_with_adj) >= 80
    for state in ("Russia", "North Korea", "South Korea", "United States", "China", "Japan",
                  "Ukraine", "Iran", "Israel", "Turkey", "Egypt", "Saudi Arabia", "Syria",
                  "United Kingdom", "France", "Germany", "India", "Pakistan"):
        assert state in states_with_adj, state


def test_no_name_is_shared_by_two_entities(reg):
    owners = defaultdict(set)
    for a in reg.aliases:
        if a.kind in ("name", "metonym"):
            owners[a.norm].add(a.entity)
    clashes = {n: s for n, s in owners.items() if len(s) > 1 and frozenset(s) not in reg.homographs}
    assert not clashes


def test_every_declared_homograph_shares_a_written_name(reg):
    """A `homograph_of` pair is read by context (extract/entities.py); one that no longer shares a
    name is a stale declaration."""
    names = defaultdict(set)
    for a in reg.aliases:
        if a.kind in ("name", "metonym"):
            names[a.entity].add(a.norm)
    assert reg.homographs
    for pair in reg.homographs:
        first, second = sorted(pair)
        assert names[first] & names[second], pair


def test_no_two_entities_match_the_same_token_sequence(reg):
    # The matcher compares word tokens (punctuation such as "+" "." "-" drops out).
    from loaders.extract.tokens import _WORD

    owners = defaultdict(set)
    for a in reg.aliases:
        if a.kind in ("name", "metonym"):
            owners[tuple(_WORD.findall(a.norm))].add(a.entity)
    clashes = {k: s for k, s in owners.items() if len(s) > 1 and frozenset(s) not in reg.homographs}
    # The canonical "OPEC+" cannot avoid reading as "opec"; OPEC wins (listed first).
    assert clashes == {("opec",): {"OPEC", "OPEC+"}}


def test_no_role_phrase_names_two_offices(reg):
    holders = defaultdict(set)
    for a in reg.aliases:
        if a.kind == "role":
            holders[a.norm].add(a.holders)
        elif a.kind in ("name", "metonym"):
            holders[a.norm].add(("entity", a.entity))
    clashes = {n: s for n, s in holders.items() if len(s) > 1 and any(isinstance(x, tuple) and x and x[0] != "entity" for x in s)}
    assert not clashes


def test_role_terms_are_ordered_and_do_not_overlap(reg):
    for (office, country), holders in reg.offices.items():
        for h in holders:
            assert h.start is not None, (office, country, h.entity)
            assert h.end is None or h.start < h.end, (office, country, h.entity)
        ordered = sorted(holders, key=lambda h: h.start)
        assert list(ordered) == list(holders), (office, country)
        for a, b in zip(ordered, ordered[1:]):
            assert a.end is not None and a.end <= b.start, (office, country, a.entity, b.entity)


def test_required_role_tables_exist(reg):
    for country in ("Russia", "North Korea", "South Korea", "United States", "China", "Ukraine",
                    "Turkey", "Israel", "Egypt", "Saudi Arabia", "United Arab Emirates", "Qatar",
                    "Syria", "United Kingdom", "France", "Germany"):
        assert ("head_of_state", country) in reg.offices, country
        assert ("foreign_minister", country) in reg.offices, country
    for country in ("Japan", "Iran"):
        assert ("head_of_government", country) in reg.offices or ("president", country) in reg.offices
        assert ("foreign_minister", country) in reg.offices, country
    for country in ("Russia", "South Korea", "United States", "China", "Japan", "Ukraine", "Iran",
                    "Turkey", "Israel", "Egypt", "Saudi Arabia", "United Kingdom", "France", "Germany"):
        assert ("defence_minister", country) in reg.offices, country


def test_aliases_carry_no_attached_conjunction(reg):
    # "وبوتين" would be wrong: the matcher strips clitics itself. Allow genuine names
    # that begin with these letters by checking only obvious و+name doubles.
    names = {a.norm for a in reg.aliases if a.lang == "ar" and a.kind in ("name", "metonym")}
    doubled = sorted(n for n in names if n.startswith("و") and n[1:] in names)
    assert not doubled


# ====================================================================== The seed articles
SEED_MENTIONS = [
    "موسكو", "بيونغ يانغ", "الكوري الشمالي", "ألكسندر كوزلوف", "إنترفاكس", "كوزلوف",
    "كوريا الشمالية", "أوكرانيا", "كيم جونغ أون", "فلاديمير بوتين", "فوستوشني", "شويغو",
    "سيرجي لافروف", "الولايات المتحدة", "اليابان", "كوريا الجنوبية", "واشنطن", "طوكيو", "سول",
    "وانغ يي", "شي جي بينغ", "الأمم المتحدة", "بريكس", "ريا نوفوستي", "سيرغي لافروف",
    "دميتري بيسكوف", "تشوي سونغ هوي", "جمهورية كوريا الشعبية الديمقراطية", "الاتحاد الروسي",
    "ألكسندر نوفاك", "فاستوشني", "تشوي سونغهوي", "شبه الجزيرة الكورية", "الكرملين",
    "مجلس الأمن الدولي", "عبد الفتاح السيسي", "السيسي", "مصر", "تركيا", "إيران", "سوريا",
    "ألمانيا", "كيم جونج أون", "فوستوتشني", "تاس", "بريمورسكي كراي", "أندريه رودينكو",
    "إنترفاكس", "سيول", "بيونجيانج", "تسنيم", "ناتو",
]


@pytest.mark.parametrize("surface", SEED_MENTIONS)
def test_seed_article_mentions_are_known(by_norm, surface):
    assert any(a.kind in ("name", "metonym", "adj") for a in by_norm.get(norm(surface), [])), surface


# ====================================================================== Schema errors
def _write(root, rel, text):
    p = root / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")


def test_unknown_entity_key_is_rejected(tmp_path):
    _write(tmp_path, "entities/x.yaml", "- name: Russia\n  kind: state\n  ar: [روسيا]\n  arabic: [روسيا]\n")
    with pytest.raises(KnowledgeError, match="arabic"):
        load_registry(tmp_path)


def test_unknown_role_holder_key_is_rejected(tmp_path):
    _write(tmp_path, "entities/x.yaml", "- name: Russia\n  kind: state\n  ar: [روسيا]\n"
           "  adj: {ar: [الروسي]}\n- name: Vladimir Putin\n  kind: person\n")
    _write(tmp_path, "ar/offices.yaml", "head_of_state: ['الرئيس {adj}']\n")
    _write(tmp_path, "roles/r.yaml", "- office: head_of_state\n  country: Russia\n"
           "  holders:\n    - {entity: Vladimir Putin, since: 2012-05-07}\n")
    with pytest.raises(KnowledgeError, match="since"):
        load_registry(tmp_path)


def test_an_office_listed_twice_is_rejected(tmp_path):
    """Two files giving the same office of one state: the second would silently replace the first."""
    _write(tmp_path, "entities/x.yaml", "- name: Russia\n  kind: state\n  ar: [روسيا]\n"
           "  adj: {ar: [الروسي]}\n- name: Vladimir Putin\n  kind: person\n")
    _write(tmp_path, "ar/offices.yaml", "head_of_state: ['الرئيس {adj}']\n")
    table = "- office: head_of_state\n  country: Russia\n  holders:\n    - {entity: Vladimir Putin, from: 2012-05-07}\n"
    _write(tmp_path, "roles/a.yaml", table)
    _write(tmp_path, "roles/b.yaml", table)
    with pytest.raises(KnowledgeError, match="listed already at .*a.yaml"):
        load_registry(tmp_path)


def test_small_data_dir_loads(tmp_path):
    _write(tmp_path, "entities/x.yaml", "- name: Russia\n  kind: state\n  ar: [روسيا]\n"
           "  adj: {ar: [الروسي, الروسية]}\n- name: Vladimir Putin\n  kind: person\n  country: Russia\n"
           "  ar: [بوتين]\n")
    _write(tmp_path, "ar/offices.yaml", "head_of_state: ['الرئيس {adj}']\n")
    _write(tmp_path, "roles/r.yaml", "- office: head_of_state\n  country: Russia\n"
           "  holders:\n    - {entity: Vladimir Putin, from: 2012-05-07}\n")
    reg = load_registry(tmp_path)
    role = [a for a in reg.aliases if a.kind == "role" and a.norm == norm("الرئيس الروسي")]
    assert role and role[0].resolve(dt.date(2023, 9, 13)) == "Vladimir Putin"


@pytest.mark.parametrize("bad, message", [
    ("- name: X\n  kind: planet\n", "kind"),
    ("- name: X\n  kind: place\n  metonym_for: Atlantis\n", "Atlantis"),
    ("- name: X\n  kind: state\n- name: X\n  kind: state\n", "twice"),
    ("- name: X\n  kind: person\n  gender: w\n", "not one of f, m"),
    ("- name: X\n  kind: person\n  gender: male\n", "not one of f, m"),
    ("- name: X\n  kind: state\n  gender: f\n", "only a person has a gender"),
])
def test_bad_entities_are_rejected(tmp_path, bad, message):
    _write(tmp_path, "entities/x.yaml", bad)
    with pytest.raises(KnowledgeError, match=message):
        load_registry(tmp_path)
