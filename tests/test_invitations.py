"""Invitations told with a noun ("at the invitation of", "بدعوة من") or a verb, in both languages."""
import pytest

from tests.test_extract import extract, in_article, participants_of

INVITATIONS = [
    ("en", "Erdogan visited Egypt at the invitation of President Abdel Fattah el-Sisi.",
     ["Abdel Fattah el-Sisi", "Recep Tayyip Erdoğan"]),
    ("en", "Modi arrived in Washington at the invitation of President Joe Biden.", ["Joe Biden", "Narendra Modi"]),
    ("en", "Xi Jinping accepted an invitation from Vladimir Putin.", ["Vladimir Putin", "Xi Jinping"]),
    ("en", "Joe Biden extended an invitation to Xi Jinping to visit the United States.", ["Joe Biden", "Xi Jinping"]),
    ("en", "Kim Jong Un received an invitation from Vladimir Putin.", ["Kim Jong Un", "Vladimir Putin"]),
    ("en", "Putin invited Kim Jong Un to visit Moscow.", ["Kim Jong Un", "Vladimir Putin"]),
    ("ar", "زار أردوغان مصر بدعوة من الرئيس عبد الفتاح السيسي.", ["Abdel Fattah el-Sisi", "Recep Tayyip Erdoğan"]),
    ("ar", "وقبل كيم جونغ أون دعوة من بوتين لزيارة روسيا.", ["Kim Jong Un", "Vladimir Putin"]),
    ("ar", "ولبى كيم جونغ أون دعوة من بوتين.", ["Kim Jong Un", "Vladimir Putin"]),
    ("ar", "ووجه بوتين الدعوة لكيم جونغ أون لزيارة روسيا.", ["Kim Jong Un", "Vladimir Putin"]),
]


NO_INVITATION = [
    # an invitation from a person to his own state is no party pair
    ("en", "“I look forward to accepting President Erdogan's invitation and visiting Turkey,” Sisi said.", "2024-05-10"),
    ("ar", "وأعرب السيسي عن تطلعه لتلبية دعوة أردوغان وزيارة تركيا العام المقبل.", "2024-05-10"),
]


@pytest.mark.parametrize("lang,text,published", NO_INVITATION)
def test_no_one_invites_his_own_state(extractor, lang, text, published):
    got = participants_of(extractor, in_article(lang, text), published, "invitation")
    assert all(not {"Turkey", "Recep Tayyip Erdoğan"} <= set(n) for n in got)


@pytest.mark.parametrize("lang,text,parties", INVITATIONS)
def test_an_invitation_names_who_invites_and_who_is_invited(extractor, lang, text, parties):
    got = participants_of(extractor, in_article(lang, text), "2024-05-10", "invitation")
    assert got == [parties]


INVITER_FIRST = [
    ("en", "Erdogan visited Egypt at the invitation of President Abdel Fattah el-Sisi.", "Abdel Fattah el-Sisi"),
    ("en", "Xi Jinping accepted an invitation from Vladimir Putin.", "Vladimir Putin"),
    ("ar", "زار أردوغان مصر بدعوة من الرئيس عبد الفتاح السيسي.", "Abdel Fattah el-Sisi"),
]


@pytest.mark.parametrize("lang,text,inviter", INVITER_FIRST)
def test_the_inviter_is_the_invitations_source(extractor, lang, text, inviter):
    evs = [e for e in extract(extractor, in_article(lang, text), "2024-05-10").events if e.type == "invitation"]
    assert [p.entity for p in evs[0].participants if p.role == "source"] == [inviter]


# a call to stop, to restraint or to talks is a demand, not an invitation; a call to visit is one
CALLS = [
    ("ar", "ودعا الأمين العام للأمم المتحدة أنطونيو غوتيريش إسرائيل إلى وقف عملياتها العسكرية.", False),
    ("ar", "ودعت مصر إيران إلى ضبط النفس وتجنب التصعيد.", False),
    ("ar", "ودعا الرئيس الروسي فلاديمير بوتين نظيره الصيني شي جين بينغ لوقف التصعيد.", False),
    ("ar", "ودعا الرئيس الروسي فلاديمير بوتين نظيره الصيني شي جين بينغ إلى زيارة موسكو.", True),
]


@pytest.mark.parametrize("lang,text,invites", CALLS)
def test_a_call_to_stop_is_no_invitation(extractor, lang, text, invites):
    got = participants_of(extractor, in_article(lang, text), "2024-05-10", "invitation")
    assert bool(got) is invites, got
