"""Actor and place resolution: an owner named in the mention (demonym, country, possessor, organisation)
beats the document's dominant country; quantities, titles and broken edges do not reach labels."""

from __future__ import annotations

import pytest

from kg.model import Mention
from kg.resolve.actors import ActorContext, resolve_actor
from kg.resolve.docactors import build_context
from kg.resolve.modifiers import clean_name, strip_quantity
from kg.resolve.places import PlaceContext, link_place, unlinked_place


def _m(text: str, label: str = "NP", lemma: str = "", start: int = 500) -> Mention:
    return Mention(text, start, start + len(text), label, lemma or text.split()[-1].lower())


ELSEWHERE = ActorContext(country="KEN", text="x" * 2000)  # the document is about Kenya


@pytest.mark.parametrize(
    ("text", "lemma", "key"),
    [
        ("Chadian rebels", "rebel", "tcd-rebels"),
        ("Some 300 Chadian rebels", "rebel", "tcd-rebels"),
        ("Ivory Coast rebels", "rebel", "civ-rebels"),
        ("Darfur rebels", "rebel", "sdn-rebels"),
        ("rebels in Darfur", "rebel", "sdn-rebels"),
        ("Ugandan militiamen", "militiaman", "uga-rebels"),
        ("two Swedish soldiers", "soldier", "swe-military"),
        ("Japanese-led forces", "force", "jpn-military"),
        ("the army of Chad", "army", "tcd-military"),
        ("Peruvian police", "police", "per-police"),
        ("Danish army bulldozers", "bulldozer", "dnk-military"),
        ("Nepal's parliament", "parliament", "npl-legislature"),
        ("the Chilean senate", "senate", "chl-legislature"),
        ("Bolivian opposition parties", "party", "bol-opposition"),
        ("opposition leaders", "leader", "ken-opposition"),
        ("150 Tunisians", "tunisian", "tun-civilians"),
        ("military spokesman", "spokesman", "ken-military"),
    ],
)
def test_resolve_owners_explicit_country_beats_the_document(text: str, lemma: str, key: str) -> None:
    actor = resolve_actor(_m(text, "NP", lemma), ELSEWHERE)
    assert actor is not None and actor.key == key


def test_resolve_owners_rebels_keep_nationality_and_mention() -> None:
    actor = resolve_actor(_m("Chadian rebels", "NP", "rebel"), ELSEWHERE)
    assert actor is not None
    assert (actor.label, actor.sector, actor.country, actor.aliases) == (
        "Rebels (Chad)",
        "REB",
        "TCD",
        ("Chadian rebels",),
    )


def test_resolve_owners_main_group_of_the_same_country_wins() -> None:
    text = "Al-Shabaab fighters raided a town. Al-Shabaab said Somali militants held it."
    groups = [Mention("Al-Shabaab", 0, 10, "ORG"), Mention("Al-Shabaab", 35, 45, "ORG")]
    ctx = build_context(text, "SOM", groups)
    actor = resolve_actor(_m("Somali militants", "NP", "militant"), ctx)
    assert actor is not None and actor.key == "al-shabaab"


@pytest.mark.parametrize(
    ("text", "label", "key"),
    [
        ("Gulf Cooperation Council ministers", "NP", "gcc"),
        ("the Security Council", "ORG", "un-security-council"),
        ("Asia-Pacific Economic Cooperation (APEC) summit", "ORG", "apec"),
        ("PRC", "GPE", "chn"),
        ("Nairobi", "GPE", "ken-government"),
        ("Lima", "GPE", "per-government"),
        ("Forces for the Defence of Democracy", "ORG", "fdd"),
    ],
)
def test_resolve_owners_organisations_and_capitals(text: str, label: str, key: str) -> None:
    actor = resolve_actor(_m(text, label), ELSEWHERE)
    assert actor is not None and actor.key == key


def test_resolve_owners_unknown_organisation_named_in_modifiers() -> None:
    actor = resolve_actor(_m("Harbour Workers Federation officials", "NP", "official"), ELSEWHERE)
    assert actor is not None and (actor.label, actor.kind) == ("Harbour Workers Federation", "organization")


def test_resolve_owners_capitalised_name_with_function_words_is_an_organisation() -> None:
    actor = resolve_actor(_m("Front for the Renewal of Lakeland", "NP", "front"), ELSEWHERE)
    assert actor is not None and actor.label == "Front for the Renewal of Lakeland"


@pytest.mark.parametrize(
    ("text", "key"),
    [("pressure groups", None), ("two charity groups", None), ("military equipment", None)],
)
def test_resolve_owners_non_armed_groups_and_things(text: str, key: str | None) -> None:
    actor = resolve_actor(_m(text), ELSEWHERE)
    assert (actor.key if actor else None) == key


def test_resolve_owners_ethnicity_is_no_nationality() -> None:
    actor = resolve_actor(_m("ethnic Greek guerrillas", "NP", "guerrilla"), ELSEWHERE)
    assert actor is not None and actor.country != "GRC"


def test_resolve_owners_role_word_reads_the_of_phrase() -> None:
    text = "Leaders of the Kenyan opposition coalition met on Monday."
    ctx = ActorContext(country="UGA", text=text)
    actor = resolve_actor(Mention("Leaders", 0, 7, "NP", "leader"), ctx)
    assert actor is not None and actor.key == "ken-opposition"


CROATS = "The Croat separatists rejected the plan. Later their forces left the hills."
ARAKAN = "The Arakan Army said its members ambushed a convoy. The army said its men withdrew."


@pytest.mark.parametrize(
    ("text", "country", "first", "phrase", "lemma", "is_first"),
    [
        (CROATS, "BIH", Mention("The Croat separatists", 0, 21, "NORP"), "their forces", "force", True),
        # a group's own members are the group
        (ARAKAN, "MMR", Mention("The Arakan Army", 0, 15, "ORG"), "its members", "member", True),
        # "its" points to the nearest subject before it: the army's men are not the Arakan Army's
        (ARAKAN, "MMR", Mention("The Arakan Army", 0, 15, "ORG"), "its men", "man", False),
    ],
)  # fmt: skip
def test_resolve_owners_possessive_pronoun_takes_the_antecedent(
    text: str, country: str, first: Mention, phrase: str, lemma: str, is_first: bool
) -> None:
    ctx = build_context(text, country, [first])
    start = text.index(phrase)
    actor = resolve_actor(Mention(phrase, start, start + len(phrase), "NP", lemma), ctx)
    assert (actor is not None and actor.key == ctx.history[0][1].key) is is_first


@pytest.mark.parametrize(
    ("text", "name", "sector", "country"),
    [
        ("Former Nepalese prime minister Hari Lal", "Hari Lal", "GOV", "NPL"),
        ("Arab League Secretary-General Sami Nasser", "Sami Nasser", "IGO", None),
        ("Chilean Defence Secretary Ana King", "Ana King", "GOV", "CHL"),
        ("Archbishop Paul Ndlovu", "Paul Ndlovu", None, None),
        ("President Omar Hassan al-Mahdi", "Omar Hassan al-Mahdi", "GOV", None),
    ],
)
def test_resolve_owners_person_names_drop_titles(
    text: str, name: str, sector: str | None, country: str | None
) -> None:
    actor = resolve_actor(_m(text, "PERSON"), ActorContext())
    assert actor is not None and (actor.label, actor.sector, actor.country) == (name, sector, country)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Some 800,000 Kurds", "Kurds"),
        ("a group of Moroccan diplomats", "Moroccan diplomats"),
        ("Tens of thousands of students", "students"),
        ("Up to 40 villagers", "villagers"),
        ("soldiers", "soldiers"),
    ],
)
def test_resolve_owners_strip_quantity(text: str, expected: str) -> None:
    assert strip_quantity(text.removeprefix("a ")) == expected


def test_resolve_owners_clean_name_mends_parentheses() -> None:
    assert clean_name("Ummah Party (Nation") == "Ummah Party"
    assert clean_name("Union of Farmers (UF)") == "Union of Farmers (UF)"


@pytest.mark.parametrize(
    ("text", "label", "kind"),
    [
        ("Kenya's capital Nairobi", "Nairobi", "city"),
        ("the southern regional capital Juba", "Juba", "city"),
        ("the Iraqi city of Mosul", "Mosul", "city"),
        ("the western province of Herat", "Herat", "province"),
        ("neighbouring Uganda", "Uganda", "country"),
        ("the occupied West Bank", "West Bank", "region"),
        ("Gaza Strip", "Gaza Strip", "region"),
        ("Nairobi airport", "Nairobi", "city"),
        ("Samarra", "Samarra", "city"),
    ],
)
def test_resolve_owners_place_phrases(text: str, label: str, kind: str) -> None:
    place = link_place(text, PlaceContext("KEN"))
    assert place is not None and (place.label, place.kind) == (label, kind)


def test_resolve_owners_anaphoric_city_is_the_last_city() -> None:
    nairobi = link_place("Nairobi")
    assert link_place("this Kenyan city", PlaceContext("KEN", nairobi)) == nairobi
    assert unlinked_place("this Kenyan city", "KEN") is None


@pytest.mark.parametrize("text", ["Palestinian administrators", "Somali traders", "regional central bank"])
def test_resolve_owners_people_are_no_places(text: str) -> None:
    assert link_place(text, PlaceContext("KEN")) is None
    assert unlinked_place(text, "KEN") is None


@pytest.mark.parametrize(
    ("text", "label", "key"),
    [
        ("the Bolivian Supreme Court", "ORG", "bol-judiciary"),
        ("Kenya's high court", "NP", "ken-judiciary"),
        ("Members of the Guild of Harbour Pilots", "NP", "guild-of-harbour-pilots"),
        ("members of the Taliban", "NP", "taliban"),
        ("the U.N.", "ORG", "united-nations"),
        ("Second Regional Peace Forum", "ORG", "second-regional-peace-forum"),
        ("Ummah Party (Nation", "ORG", "ummah-party"),
    ],
)
def test_resolve_owners_courts_of_phrases_and_names(text: str, label: str, key: str) -> None:
    actor = resolve_actor(_m(text, label), ELSEWHERE)
    assert actor is not None and actor.key == key


def test_resolve_owners_titled_name_tagged_org_is_a_person() -> None:
    actor = resolve_actor(_m("Vice-President Amina Odhiambo", "ORG"), ELSEWHERE)
    assert actor is not None and (actor.label, actor.kind, actor.sector) == (
        "Amina Odhiambo",
        "person",
        "GOV",
    )
    company = resolve_actor(_m("General Dynamics", "ORG"), ELSEWHERE)
    assert company is not None and company.kind == "organization"


def test_resolve_owners_allied_militias_are_not_the_main_group() -> None:
    text = "Al-Shabaab fighters raided a town. Al-Shabaab said it would return."
    groups = [Mention("Al-Shabaab", 0, 10, "ORG"), Mention("Al-Shabaab", 35, 45, "ORG")]
    ctx = build_context(text, "SOM", groups)
    allied = resolve_actor(_m("allied clan militias", "NP", "militia"), ctx)
    assert allied is not None and allied.key == "unidentified-armed-group-som"
    assert resolve_actor(_m("the militants", "NP", "militant"), ctx).key == "al-shabaab"  # type: ignore[union-attr]


def test_resolve_owners_unidentified_fallback_does_not_become_the_main_group() -> None:
    text = "Gunmen attacked a convoy. Later gunmen fled. Boko Haram claimed the attack."
    roles = [Mention("Gunmen", 0, 6, "NP", "gunman"), Mention("gunmen", 32, 38, "NP", "gunman")]
    ctx = build_context(text, "NGA", [Mention("Boko Haram", 50, 60, "ORG")], roles)
    assert ctx.main_group is not None and ctx.main_group.key == "boko-haram"


def test_resolve_owners_role_mention_hides_the_entity_it_starts_with() -> None:
    text = "Angry Norwegian farmers said they would block roads."
    entities = [Mention("Angry Norwegian", 0, 15, "ORG")]
    roles = [Mention("Angry Norwegian farmers", 0, 23, "NP", "farmer")]
    ctx = build_context(text, "NOR", entities, roles)
    assert [actor.key for _, actor in ctx.history] == ["nor-civilians"]


@pytest.mark.parametrize(
    ("text", "label"),
    [("Christian east Beirut", "Beirut"), ("mostly Kurdish northern Kirkuk", "Kirkuk")],
)
def test_resolve_owners_place_after_adjectives(text: str, label: str) -> None:
    place = link_place(text, PlaceContext("LBN"))
    assert place is not None and place.label == label


def test_resolve_owners_acronym_defined_in_the_text_names_the_same_actor() -> None:
    text = "The Lakeland Farmers Federation (LFF) called a strike. Later the LFF said it would talk."
    entities = [Mention("The Lakeland Farmers Federation", 0, 31, "ORG"), Mention("LFF", 33, 36, "ORG")]
    ctx = build_context(text, "KEN", entities)
    later = text.index("LFF said")
    actor = resolve_actor(Mention("the LFF", later - 4, later + 3, "ORG"), ctx)
    assert actor is not None
    assert (actor.key, actor.aliases) == ("lakeland-farmers-federation", ("LFF",))
    known = build_context("The Asia-Pacific Economic Cooperation (APEC) met.", None, [])
    assert known.acronyms == {}  # acronyms of the alias table stay with their table entry


@pytest.mark.parametrize(
    ("text", "sector", "country"),
    [
        ("Amina Diallo, a member of the Malian parliament, began a hunger strike.", "LEG", "MLI"),
        ("Tomas Berg, the U.N. Secretary-General, arrived.", "IGO", None),
        ("Lena Okafor, a resident of Kano, said the road was shut.", "CVL", "NGA"),
        ("Omar Ali, the leader. Then, they left.", None, None),
    ],
)
def test_resolve_owners_person_appositive_gives_country_and_sector(
    text: str, sector: str | None, country: str | None
) -> None:
    name = text.split(",")[0]
    actor = resolve_actor(Mention(name, 0, len(name), "PERSON"), ActorContext(country="KEN", text=text))
    assert actor is not None and (actor.label, actor.sector, actor.country) == (name, sector, country)


def test_resolve_owners_ambiguous_town_prefers_the_document_country() -> None:
    from kg.resolve.modifiers import place_country

    assert place_country("Tripoli", prefer="LBN") == "LBN"
    assert place_country("Tripoli") == "LBY"  # the larger city
    assert place_country("Kano") == "NGA"  # the only province of that name
