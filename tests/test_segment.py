"""Segment: page furniture is boilerplate, prose stays text, whatever words the two share.

Every line below is written for this test. A furniture line must come out as boilerplate
(and never be read for events); each negative is a body sentence that uses the same words
(share, follow, by, photo, an agency name, a menu word) and must stay text.
"""
from __future__ import annotations

import shutil

import pytest

from loaders.knowledge import DATA_DIR, KnowledgeError
from loaders.records import Article
from loaders.segment import Markers, Segmenter


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    return Segmenter(Markers.load())


FURNITURE_AR = [
    "تخطى إلى المحتوى",
    "انتقل إلى المحتوى الرئيسي",
    "الخروج من النسخة المحمولة",
    "الرئيسية » أخبار » دولية",
    "الرئيسية | سياسة | اقتصاد | رياضة | منوعات",
    "سياسة دولية",
    "شارك على فيسبوك",
    "شارك عبر واتساب",
    "• تويتر • فيسبوك • تلغرام",
    "تابعونا على تطبيق نبض للحصول على آخر الأخبار",
    "حمّل تطبيق الصحيفة على هاتفك",
    "لمتابعة آخر المستجدات اشترك في قناتنا على تيليجرام",
    "انضموا إلى قناتنا على واتساب",
    "نسخ الرابط",
    "استمع إلى المقال",
    "بقلم: سلمى الحداد",
    "كتب - مروان يوسف",
    "متابعة: نادر سليم",
    "بقلم نوال حسن",
    "الرئيس يلوح للصحفيين لدى وصوله إلى المطار - رويترز",
    "وزيرا الخارجية خلال مؤتمر صحفي مشترك (أ ف ب)",
    "صورة: الأناضول",
    "جانب من الاجتماع الوزاري في العاصمة/ أرشيفية",
    "يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك، وباستمرارك في التصفح فإنك توافق على ذلك",
    "مساحة إعلانية",
]

FURNITURE_EN = [
    "Skip to main content",
    "Exit mobile version",
    "Go to home page",
    "Home | World | Asia | Politics",
    "World > Middle East",
    "Share on Facebook",
    "Share via WhatsApp",
    "Follow us on Telegram for breaking news",
    "Download the app for the latest headlines",
    "Sign up for our morning newsletter",
    "Listen to this article",
    "Advertisement",
    "Story continues below advertisement",
    "By Hannah Okafor and Luis Brandt, Special Correspondents",
    "Reporting by Mira Castell in Geneva; Editing by Tomas Reyes",
    "The two envoys shake hands before their talks in Oslo. Photo: AFP",
    "Delegates arrive at the conference hall (Reuters)",
    "Ministers pose for a group picture. Pool via Reuters",
    "Image credit: Getty Images",
    "We use cookies to improve your experience. By continuing to browse you accept our cookie policy.",
]

TEXT_AR = [
    "شارك على مدى يومين أكثر من أربعين وفدا في المؤتمر.",
    "شارك وزير الخارجية في اجتماع مجلس الأمن حول فيسبوك والمنصات الرقمية وما تنشره من تحريض خلال الحرب الأخيرة على الحدود الشمالية للبلاد.",
    "تابع الرئيس أعمال القمة عبر الفيديو من مكتبه.",
    "كتب الرئيس في رسالة إلى نظيره أن العلاقات بين البلدين تاريخية",
    "وأظهرت صورة نشرتها الرئاسة الزعيمين يتصافحان في القصر.",
    "وقالت وكالة رويترز إن الوفد وصل إلى العاصمة صباح الثلاثاء.",
    "وصل وزير الخارجية الياباني إلى سول في زيارة تستغرق ثلاثة أيام",
    "أخبار الاتفاق انتشرت سريعا في العواصم الأوروبية والآسيوية.",
]

TEXT_EN = [
    "Share prices in Seoul fell after the announcement.",
    "Share this view, many diplomats said, and the talks would fail.",
    "By contrast, the ministry said it would keep the embassy open.",
    "Follow-up talks are planned for next month in Geneva.",
    "The president thanked Facebook and other platforms for removing the posts.",
    "A photo released by the palace showed the two leaders shaking hands.",
    "Reuters reported that the delegation had arrived in the capital.",
    "Download speeds improved across the region, the minister said.",
]


@pytest.mark.parametrize("line", FURNITURE_AR)
def test_arabic_furniture_is_boilerplate(segmenter, line):
    assert segmenter.line_kind(line) == "boilerplate"


@pytest.mark.parametrize("line", FURNITURE_EN)
def test_english_furniture_is_boilerplate(segmenter, line):
    assert segmenter.line_kind(line) == "boilerplate"


@pytest.mark.parametrize("line", TEXT_AR + TEXT_EN)
def test_prose_with_the_same_words_stays_text(segmenter, line):
    assert segmenter.line_kind(line) is None


def _kinds(segmenter: Segmenter, text: str, language: str = "ar") -> tuple[list[tuple[str, str]], Article]:
    article = Article(path="t", file_name="t", sha256="0" * 64, text=text, language=language)
    return [(s.kind, s.text) for s in segmenter.segment(article)], article


def test_menu_lines_are_not_the_headline(segmenter):
    kinds, article = _kinds(segmenter, "تخطى إلى المحتوى\nالرئيسية\nأخبار\nوزير الخارجية يصل إلى أوسلو\n"
                                       "وصل وزير الخارجية إلى أوسلو في زيارة رسمية.")
    assert article.title == "وزير الخارجية يصل إلى أوسلو"
    assert [k for k, _ in kinds] == ["boilerplate", "boilerplate", "boilerplate", "title", "body"]


def test_a_caption_printed_twice_is_furniture_the_second_time(segmenter):
    caption = "الرئيسان يتصافحان في قاعة المؤتمرات بالعاصمة"
    kinds, _ = _kinds(segmenter, f"عنوان الخبر\n{caption}\n{caption}\nوقال الرئيس إن المحادثات كانت مثمرة.")
    assert [k for k, _ in kinds] == ["title", "body", "boilerplate", "body"]


def test_furniture_after_the_body_does_not_end_the_article(segmenter):
    kinds, _ = _kinds(segmenter, "Minister flies to Oslo\nThe minister arrived in Oslo.\nShare on Facebook\n"
                                 "He met the prime minister on Tuesday.", "en")
    assert [k for k, _ in kinds] == ["title", "body", "boilerplate", "body"]


SOURCE_LINES = [
    ("ar", "عنوان الخبر\nالمصدر: وكالات\nوصل وزير الخارجية إلى أوسلو.\nالمصدر: رويترز\nوقال الوزير إن الزيارة ناجحة.",
     ["title", "boilerplate", "body", "boilerplate", "boilerplate"]),
    ("en", "Minister flies to Oslo\nSource: Reuters\nThe minister arrived in Oslo.\nSource: Reuters\nHe said the visit went well.",
     ["title", "boilerplate", "body", "boilerplate", "boilerplate"]),
]


@pytest.mark.parametrize("lang,text,kinds", SOURCE_LINES)
def test_a_source_line_above_the_article_does_not_end_it(segmenter, lang, text, kinds):
    got, _ = _kinds(segmenter, text, lang)
    assert [k for k, _ in got] == kinds


def test_an_opening_dateline_leaves_the_paragraph_as_body(segmenter):
    kinds, article = _kinds(segmenter, "الوزير في أوسلو\nأوسلو، 12 مارس 2024 (وكالات) - وصل وزير الخارجية إلى أوسلو.")
    assert kinds[1] == ("dateline", "أوسلو، 12 مارس 2024 (وكالات) -")
    assert kinds[2] == ("body", "وصل وزير الخارجية إلى أوسلو.")
    assert article.published_on.isoformat() == "2024-03-12"


YEARLESS_DATELINES = [
    # a dateline with no year is cut from the paragraph, but gives no publication date
    ("en", "Minister in Oslo\nOSLO, March 12 (Reuters) - The minister arrived in Oslo on Monday.",
     "OSLO, March 12 (Reuters) -", "The minister arrived in Oslo on Monday."),
    ("ar", "الوزير في أوسلو\nأوسلو، 12 مارس (وكالات) - وصل وزير الخارجية إلى أوسلو أمس.",
     "أوسلو، 12 مارس (وكالات) -", "وصل وزير الخارجية إلى أوسلو أمس."),
    # a city and an agency with no date at all
    ("en", "Minister in Oslo\nOSLO (AP) — The Norwegian foreign minister arrived in Oslo on Monday after talks.",
     "OSLO (AP) —", "The Norwegian foreign minister arrived in Oslo on Monday after talks."),
    ("ar", "الوزير في أوسلو\nأوسلو (وكالات) - وصل وزير الخارجية النرويجي إلى أوسلو أمس بعد جولة من المحادثات.",
     "أوسلو (وكالات) -", "وصل وزير الخارجية النرويجي إلى أوسلو أمس بعد جولة من المحادثات."),
]


@pytest.mark.parametrize("lang,text,dateline,body", YEARLESS_DATELINES)
def test_a_dateline_without_a_year_is_cut_but_dates_nothing(segmenter, lang, text, dateline, body):
    kinds, article = _kinds(segmenter, text, lang)
    assert kinds[1:3] == [("dateline", dateline), ("body", body)]
    assert article.published_on is None


def test_a_sentence_opening_on_a_date_is_no_dateline(segmenter):
    kinds, _ = _kinds(segmenter, "Minister in Oslo\nOn March 12 the minister arrived in Oslo.", "en")
    assert [k for k, _ in kinds] == ["title", "body"]


def test_read_also_block_still_related(segmenter):
    kinds, _ = _kinds(segmenter, "عنوان\nوصل الوزير إلى أوسلو.\nاقرأ أيضا:\nالوزير يزور ستوكهولم الشهر المقبل\n"
                                 "وقال الوزير إن الزيارة ناجحة.")
    assert [k for k, _ in kinds] == ["title", "body", "related", "related", "body"]


DATE_AFTER_READ_ALSO = [
    ("Minister visits Oslo\nThe minister arrived in Oslo.\nRead also: Minister to visit Rome - 2024-01-02 10:00\n"
     "#oslo #minister\n2024-03-12 09:15:00", "2024-03-12"),
    ("الوزير في أوسلو\nوصل الوزير إلى أوسلو.\nاقرأ أيضا:\nالوزير يزور روما\n2024-03-12 09:15", "2024-03-12"),
    # a block that lists several dates lists its headlines' dates: none is the page's
    ("Minister visits Oslo\nThe minister arrived in Oslo.\nRead also:\nMinister to visit Rome\n2024-01-02 10:00\n"
     "Minister in Paris\n2024-01-05 11:00", None),
]


@pytest.mark.parametrize("text,published", DATE_AFTER_READ_ALSO)
def test_a_date_printed_only_after_a_read_also_block_is_the_pages(segmenter, text, published):
    _, article = _kinds(segmenter, text, "en" if text.isascii() else "ar")
    assert (article.published_on.isoformat() if article.published_on else None) == published


def test_unknown_segment_key_rejected(tmp_path):
    shutil.copytree(DATA_DIR / "ar", tmp_path / "ar")
    shutil.copytree(DATA_DIR / "en", tmp_path / "en")
    path = tmp_path / "en" / "segment.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\nshare_buttons: [share]\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="share_buttons"):
        Markers.load(tmp_path)
