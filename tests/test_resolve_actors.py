"""Actor resolution: aliases, descriptors, demonyms, metonyms, persons, pronouns (hand-built mentions)."""

from __future__ import annotations

import pytest

from kg.model import Mention
from kg.resolve.actors import ActorContext, antecedent_of, country_actor, resolve_actor
from kg.resolve.docactors import build_context


def _m(text: str, label: str = "NP", lemma: str = "", start: int = 500) -> Mention:
    return Mention(text, start, start + len(text), label, lemma or text.split()[-1].lower())


def _context(text: str, country: str | None, entities: list[tuple[str, str]]) -> ActorContext:
    mentions = [Mention(t, text.index(t), text.index(t) + len(t), label) for t, label in entities]
    return build_context(text, country, mentions)


AFGHAN_TEXT = "Taliban fighters entered Herat. The Taliban said Afghan forces fled. Kabul stayed calm."
AFGHAN = _context(AFGHAN_TEXT, "AFG", [("Taliban", "ORG"), ("The Taliban", "ORG"), ("Afghan", "NORP")])


@pytest.mark.parametrize(
    ("text", "label", "key"),
    [
        ("the Taliban", "ORG", "taliban"),
        ("Taliban", "NORP", "taliban"),
        ("the Taliban's", "ORG", "taliban"),
        ("Taleban", "ORG", "taliban"),
        ("al-Shabaab", "ORG", "al-shabaab"),
        ("Al-Shabab", "ORG", "al-shabaab"),
        ("the Houthis", "NORP", "houthis"),
        ("11 Maoists", "NP", "cpi-maoist"),
        ("six suspected Maoist rebels", "NP", "cpi-maoist"),
        ("Ansar Allah", "ORG", "houthis"),
        ("ISIS", "ORG", "islamic-state"),
        ("the Islamic State group", "ORG", "islamic-state"),
        ("IS", "ORG", "islamic-state"),
        ("Boko Haram", "ORG", "boko-haram"),
        ("JNIM", "ORG", "jnim"),
        ("M23", "ORG", "m23"),
        ("the Wagner Group", "ORG", "wagner"),
        ("Hamas", "ORG", "hamas"),
        ("Hezbollah", "ORG", "hezbollah"),
        ("the ELN", "ORG", "eln"),
        ("FARC dissidents", "NP", "farc-dissidents"),
        ("the Arakan Army", "ORG", "arakan-army"),
        ("the RSF", "ORG", "rsf"),
        ("the Rapid Support Forces", "ORG", "rsf"),
        ("the UN", "ORG", "united-nations"),
        ("the EU", "ORG", "european-union"),
        ("NATO", "ORG", "nato"),
        ("the African Union", "ORG", "african-union"),
        ("the ICRC", "ORG", "icrc"),
    ],
)
def test_actors_aliases(text: str, label: str, key: str) -> None:
    actor = resolve_actor(_m(text, label), AFGHAN)
    assert actor is not None and actor.key == key


@pytest.mark.parametrize(
    ("text", "sector"),
    [("Taliban", "REB"), ("Wagner", "PMC"), ("UN", "IGO"), ("ICRC", "NGO"), ("AFP", "MED")],
)
def test_actors_sectors(text: str, sector: str) -> None:
    actor = resolve_actor(_m(text, "ORG"), ActorContext())
    assert actor is not None and actor.sector == sector


def test_actors_short_aliases_are_case_sensitive() -> None:
    assert resolve_actor(_m("is", "NP"), ActorContext()) is None
    assert resolve_actor(_m("Aa", "NP"), ActorContext()) is None
    assert resolve_actor(_m("a car", "NP"), ActorContext()) is None  # not "CAR", the country
    car = resolve_actor(_m("CAR", "GPE"), ActorContext())
    assert car is not None and car.key == "caf"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Islamic State-linked insurgents", "unidentified-armed-group-afg"),  # the insurgents, not IS
        ("Rwandan-backed M23 rebels", "m23"),
        ("the al-Qaeda-linked group JNIM", "jnim"),
    ],
)
def test_actors_affiliation_names_another_group(text: str, key: str) -> None:
    actor = resolve_actor(_m(text, "NORP"), ActorContext(country="AFG"))
    assert actor is not None and actor.key == key


@pytest.mark.parametrize(
    ("text", "label", "key"),
    [
        # a known group's name ending a longer name is another group's, named in full
        ("Fighters of the Karen National Liberation Army", "Karen National Liberation Army",
         "karen-national-liberation-army"),
        ("the West Papua National Liberation Army", "West Papua National Liberation Army",
         "west-papua-national-liberation-army"),
        # ... but not after a possessor, a hedge, an acronym or a hyphenated qualifier
        ("Colombia's National Liberation Army", "National Liberation Army (Colombia)", "eln"),
        ("Suspected Allied Democratic Forces rebels", None, "adf"),
        ("UN World Food Programme", None, "wfp"),
    ],
)  # fmt: skip
def test_actors_a_name_inside_a_longer_name_is_not_that_group(text: str, label: str | None, key: str) -> None:
    actor = resolve_actor(_m(text, "ORG"), ActorContext())
    assert actor is not None and actor.key == key
    if label is not None:
        assert actor.label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # a long unknown name after "of" is read whole (nine words), not cut at its eighth
        ("Fighters of the Popular Front for the Rebirth of Central Africa",
         "Popular Front for the Rebirth of Central Africa"),
        # an English word the gazetteer also lists as a town says no country ("the Union" is no US town)
        ("Fighters of the Union", "Fighters of the Union"),
        ("soldiers of Chad", "Military of Chad"),
    ],
)  # fmt: skip
def test_actors_names_after_of(text: str, label: str) -> None:
    actor = resolve_actor(_m(text, "NP"), ActorContext())
    assert actor is not None and actor.label == label


@pytest.mark.parametrize("text", ["Lusa news agency", "Radio Okapi", "Tolo News", "Al Arabiya television"])
def test_actors_unknown_media_are_media_and_no_antecedents(text: str) -> None:
    sentence = f"Fighters occupied the village, an official told {text}. They burned houses."
    ctx = _context(sentence, "MOZ", [("Fighters", "NP"), (text, "ORG")])
    media = resolve_actor(Mention(text, sentence.index(text), sentence.index(text) + len(text), "ORG"), ctx)
    assert media is not None and media.sector == "MED"
    start = sentence.index("They")
    they = resolve_actor(Mention("They", start, start + 4, "PRON", "they"), ctx)
    assert they is not None and they.sector == "REB"


@pytest.mark.parametrize(
    ("text", "lemma", "key"),
    [
        ("insurgents", "insurgent", "taliban"),
        ("the insurgents", "insurgent", "taliban"),
        ("the mujahideen", "mujahideen", "taliban"),
        ("the militants", "militant", "taliban"),
        ("rebels", "rebel", "taliban"),
        ("jihadists", "jihadist", "taliban"),
        ("fighters", "fighter", "taliban"),
        ("the paramilitaries", "paramilitary", "taliban"),
        ("an insurgent spokesman", "spokesman", "taliban"),
        ("government forces", "force", "afg-military"),
        ("Afghan troops", "troop", "afg-military"),
        ("demoralized Afghan troops", "troop", "afg-military"),
        ("the army", "army", "afg-military"),
        ("an army patrol", "patrol", "afg-military"),
        ("army units", "unit", "afg-military"),
        ("a mobile police unit", "unit", "afg-police"),
        ("security forces", "force", "afg-military"),
        ("the armed forces", "force", "afg-military"),
        ("soldiers", "soldier", "afg-military"),
        ("the military", "military", "afg-military"),
        ("the Afghan air force", "force", "afg-military"),
        ("the government", "government", "afg-government"),
        ("the Interior Ministry", "ministry", "afg-government"),
        ("the authorities", "authority", "afg-government"),
        ("civilians", "civilian", "afg-civilians"),
        ("residents", "resident", "afg-civilians"),
        ("a resident", "resident", "afg-civilians"),
        ("people", "people", "afg-civilians"),
        ("foreign troops", "troop", "foreign-forces"),
        ("British troops", "troop", "gbr-military"),
        ("the British government", "government", "gbr-government"),
        ("Ukrainian soldiers", "soldier", "ukr-military"),
        ("US forces", "force", "usa-military"),
        # police are the state's police (ACLED "Police Forces of X", sector COP); military police are army
        ("the police", "police", "afg-police"),
        ("riot police", "police", "afg-police"),
        ("two policemen", "policeman", "afg-police"),
        ("a police checkpoint", "checkpoint", "afg-police"),
        ("Kenyan police officers", "officer", "ken-police"),
        ("the gendarmerie", "gendarmerie", "afg-police"),
        ("military police", "police", "afg-military"),
        ("border guards", "guard", "afg-military"),
        # personnel named as armed: the state's forces (not "medical personnel": below)
        ("several dozen junta personnel", "personnel", "afg-military"),
        ("three paramilitary personnel", "personnel", "afg-military"),
    ],
)
def test_actors_descriptors_follow_document_context(text: str, lemma: str, key: str) -> None:
    actor = resolve_actor(_m(text, "NP", lemma), AFGHAN)
    assert actor is not None and actor.key == key


def test_actors_main_group_is_the_most_frequent_armed_group() -> None:
    text = "Houthi rebels hit Marib. The Houthis said al-Qaeda lost. The Houthis advanced."
    ctx = _context(text, "YEM", [("Houthi rebels", "NORP"), ("The Houthis", "NORP"), ("al-Qaeda", "ORG")])
    assert ctx.main_group is not None and ctx.main_group.key == "houthis"
    actor = resolve_actor(_m("the rebels", "NP", "rebel"), ctx)
    assert actor is not None and actor.key == "houthis"
    army = resolve_actor(_m("the army", "NP", "army"), ctx)
    assert army is not None and (army.key, army.country, army.sector) == ("yem-military", "YEM", "MIL")


def test_actors_descriptor_without_named_group_is_unidentified() -> None:
    ctx = build_context("Gunmen attacked a village.", "NGA", [])
    actor = resolve_actor(_m("Gunmen", "NP", "gunman"), ctx)
    assert actor is not None and actor.sector == "REB"
    assert (actor.key, actor.label) == ("unidentified-armed-group-nga", "Unidentified armed group (Nigeria)")


@pytest.mark.parametrize("text", ["Armed men", "armed men", "Armed youths", "the abductors", "their captors"])
def test_actors_armed_people_are_an_armed_group_not_civilians(text: str) -> None:
    ctx = build_context(f"{text} attacked a village.", "COD", [])
    actor = resolve_actor(_m(text, "NP", text.split()[-1].lower()), ctx)
    assert actor is not None and (actor.key, actor.sector) == ("unidentified-armed-group-cod", "REB")


@pytest.mark.parametrize(("text", "key"), [("Suspected al-Qaeda", "al-qaeda"), ("Alleged Houthi", "houthis")])
def test_actors_hedged_group_tagged_as_a_person_is_the_group(text: str, key: str) -> None:
    actor = resolve_actor(_m(text, "PERSON", text.split()[-1].lower()), build_context("x", "YEM", []))
    assert actor is not None and (actor.key, actor.kind) == (key, "group")


def test_actors_state_labels() -> None:
    assert country_actor("AFG", "military").label == "Military of Afghanistan"
    assert country_actor("AFG", "government").label == "Government of Afghanistan"
    assert country_actor("USA", "government").label == "Government of the United States"
    assert country_actor("AFG", "civilians").sector == "CVL"
    police = country_actor("KEN", "police")
    assert (police.key, police.label, police.sector) == ("ken-police", "Police of Kenya", "COP")
    assert country_actor("GBR").kind == "country"


@pytest.mark.parametrize(
    ("text", "label", "key", "sector"),
    [
        ("the Pentagon", "ORG", "usa-military", "MIL"),
        ("The White House", "ORG", "usa-government", "GOV"),
        ("Washington", "GPE", "usa-government", "GOV"),
        ("the Kremlin", "ORG", "rus-government", "GOV"),
        ("Downing Street", "FAC", "gbr-government", "GOV"),
        ("the United States", "GPE", "usa", "GOV"),
        ("Britain", "GPE", "gbr", "GOV"),
        ("British", "NORP", "gbr", "GOV"),
        ("the Ukrainians", "NORP", "ukr-civilians", "CVL"),
        ("Afghans", "NORP", "afg-civilians", "CVL"),
    ],
)
def test_actors_metonyms_and_demonyms(text: str, label: str, key: str, sector: str) -> None:
    actor = resolve_actor(_m(text, label), AFGHAN)
    assert actor is not None and (actor.key, actor.sector) == (key, sector)


@pytest.mark.parametrize(
    ("text", "name", "sector", "country"),
    [
        ("Afghan President Ashraf Ghani", "Ashraf Ghani", "GOV", "AFG"),
        ("President Ashraf Ghani", "Ashraf Ghani", "GOV", "AFG"),
        ("Ashraf Ghani", "Ashraf Ghani", "GOV", "AFG"),
        ("Ukrainian Defence Minister Oleksii Vorontsov", "Oleksii Vorontsov", "GOV", "UKR"),
        ("General Amina Farouk", "Amina Farouk", "MIL", None),
        ("Police Commissioner Otieno Wekesa", "Otieno Wekesa", "COP", None),
        ("Mr Tobias Lind", "Tobias Lind", None, None),
    ],
)
def test_actors_persons_strip_roles(text: str, name: str, sector: str | None, country: str | None) -> None:
    actor = resolve_actor(_m(text, "PERSON"), ActorContext())
    assert actor is not None
    assert (actor.label, actor.kind, actor.sector, actor.country) == (name, "person", sector, country)
    assert actor.key == name.lower().replace(" ", "-")


def test_actors_person_title_read_from_preceding_text() -> None:
    text = "Said Syrian Foreign Minister Karim Haddad on Monday."
    start = text.index("Karim")
    actor = resolve_actor(Mention("Karim Haddad", start, start + 12, "PERSON"), ActorContext(text=text))
    assert actor is not None and (actor.country, actor.sector) == ("SYR", "GOV")


def test_actors_surname_refers_back_to_the_full_name() -> None:
    text = "Defence Minister Lena Okafor visited. Later Okafor said troops would stay."
    ctx = _context(text, "NGA", [("Lena Okafor", "PERSON")])
    start = text.rindex("Okafor")
    actor = resolve_actor(Mention("Okafor", start, start + 6, "PERSON"), ctx)
    assert actor is not None and actor.label == "Lena Okafor" and actor.sector == "GOV"


PRONOUN_TEXT = (
    "The Taliban took the town. President Ashraf Ghani spoke. They said it fell. He left. Its walls."
)


@pytest.mark.parametrize(
    ("pronoun", "occurrence", "key"),
    [("They", 0, "taliban"), ("He", 0, "ashraf-ghani"), ("it", 0, "taliban"), ("Its", 0, "taliban")],
)
def test_actors_pronouns_take_the_last_compatible_actor(pronoun: str, occurrence: int, key: str) -> None:
    ctx = _context(PRONOUN_TEXT, "AFG", [("The Taliban", "ORG"), ("Ashraf Ghani", "PERSON")])
    start = PRONOUN_TEXT.index(pronoun)
    actor = resolve_actor(Mention(pronoun, start, start + len(pronoun), "PRON", pronoun.lower()), ctx)
    assert actor is not None and actor.key == key


def test_actors_pronoun_chain_follows_text_order() -> None:
    text = "Hamas fired rockets. The army struck back. They hit a depot."
    ctx = _context(text, "ISR", [("Hamas", "ORG")])
    ctx.remember(text.index("The army"), country_actor("ISR", "military"))
    start = text.index("They")
    actor = resolve_actor(Mention("They", start, start + 4, "PRON", "they"), ctx)
    assert actor is not None and actor.key == "isr-military"
    before_army = resolve_actor(Mention("they", text.index("fired"), text.index("fired") + 4, "PRON"), ctx)
    assert before_army is not None and before_army.key == "hamas"


def test_actors_pronoun_without_antecedent_is_none() -> None:
    assert resolve_actor(_m("they", "PRON", "they", start=0), ActorContext()) is None


@pytest.mark.parametrize("text", ["a nearby military base", "the outskirts", "weapons", "Herat"])
def test_actors_non_actors_are_none(text: str) -> None:
    label = "GPE" if text == "Herat" else "NP"
    actor = resolve_actor(_m(text, label, text.split()[-1].lower()), AFGHAN)
    if text == "a nearby military base":  # a base stands for the forces holding it
        assert actor is not None and actor.key == "afg-military"
    else:
        assert actor is None


def test_actors_unknown_organisations_keep_their_name() -> None:
    actor = resolve_actor(_m("the Sahel Relief Council", "ORG"), ActorContext())
    assert actor is not None
    assert (actor.key, actor.label, actor.kind) == (
        "sahel-relief-council",
        "Sahel Relief Council",
        "organization",
    )


def test_actors_determiners_do_not_change_keys() -> None:
    keys = {resolve_actor(_m(t, "ORG"), AFGHAN).key for t in ("Taliban", "the Taliban", "The Taliban's")}  # type: ignore[union-attr]
    assert keys == {"taliban"}


def test_actors_bare_troops_belong_to_the_state_named_earlier_in_the_sentence() -> None:
    text = "Kabul is tense. The Pentagon said 2,000 soldiers would fly out. Later soldiers guarded Herat."
    ctx = build_context(text, "AFG", [], [Mention("The Pentagon", text.index("The Pentagon"), 27, "ORG")])
    first = text.index("2,000 soldiers")
    second = text.index("soldiers guarded")
    us = resolve_actor(Mention("2,000 soldiers", first, first + 14, "NP", "soldier"), ctx)
    local = resolve_actor(Mention("soldiers", second, second + 8, "NP", "soldier"), ctx)
    assert us is not None and us.key == "usa-military"
    assert local is not None and local.key == "afg-military"


def test_actors_pronouns_skip_news_agencies_and_place_names() -> None:
    text = "The Taliban entered Kabul, a resident told AFP. They raised flags over Kabul."
    entities = [
        Mention("The Taliban", 0, 11, "ORG"),
        Mention("Kabul", text.index("Kabul"), text.index("Kabul") + 5, "GPE"),
        Mention("AFP", text.index("AFP"), text.index("AFP") + 3, "ORG"),
    ]
    ctx = build_context(text, "AFG", entities)
    start = text.index("They")
    actor = resolve_actor(Mention("They", start, start + 4, "PRON", "they"), ctx)
    assert actor is not None and actor.key == "taliban"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Russian missiles", "rus-military"),
        ("Turkish drones", "tur-military"),
        ("missiles", None),
        ("drones", None),
        ("rebel drones", None),
        # a state organ's weapons are the document's state's military
        ("army warplanes", "ukr-military"),
        ("Military jets", "ukr-military"),
        ("junta aircraft", "ukr-military"),
        ("government helicopters", "ukr-military"),
    ],
)
def test_actors_weapons_stand_for_the_named_state_only(text: str, key: str | None) -> None:
    actor = resolve_actor(_m(text), ActorContext(country="UKR"))
    assert (actor.key if actor else None) == key


def test_actors_state_organ_weapons_without_a_country_are_a_military() -> None:
    actor = resolve_actor(_m("army drones"), ActorContext(country=None))
    assert actor is not None and actor.sector == "MIL" and actor.country is None


def test_actors_pronoun_antecedent_keeps_its_text() -> None:
    text = "Fijian rebels seized parliament. They said they will free the hostages."
    ctx = _context(text, "FJI", [])
    rebels = Mention("Fijian rebels", 0, 13, "NP", "rebel")
    ctx.remember(0, resolve_actor(rebels, ctx) or country_actor("FJI"), rebels.text)
    they = Mention("They", text.index("They"), text.index("They") + 4, "PRON", "they")
    found = antecedent_of(they, ctx)
    assert found is not None and found[1] == "Fijian rebels"
    assert resolve_actor(they, ctx) == found[0]


def test_actors_police_without_a_country_stay_police() -> None:
    """A document that names no country keeps its police as police, and "their officers" after "Police"
    are the police's own men."""
    text = "Police said their officers shot two gunmen."
    ctx = build_context(text, None, [])
    police = resolve_actor(Mention("Police", 0, 6, "NP", "police"), ctx)
    assert police is not None and (police.key, police.sector) == ("police-country-unknown", "COP")
    ctx.remember(0, police, "Police")
    start = text.index("their officers")
    own = resolve_actor(Mention("their officers", start, start + 14, "NP", "officer"), ctx)
    assert own is not None and own.key == "police-country-unknown"


@pytest.mark.parametrize(
    ("text", "key", "sector"),
    [
        ("the CODECO militia", "codeco-militia", "REB"),  # a group the tables lack, named by its acronym
        ("the 3R rebels", "3r-rebels", "REB"),
        ("Islamist militants", "taliban", "REB"),  # a creed is no name: the document's main group
    ],
)
def test_actors_armed_group_named_by_an_unknown_acronym(text: str, key: str, sector: str) -> None:
    actor = resolve_actor(_m(text, "NP"), AFGHAN)
    assert actor is not None and (actor.key, actor.sector) == (key, sector)


def test_actors_fighters_from_a_group_are_its_own_but_not_a_countrys() -> None:
    group = resolve_actor(_m("Fighters from the 3R armed group", "NP"), ActorContext(country="CAF"))
    assert group is not None and group.label == "3R armed group" and group.sector == "REB"
    chadians = resolve_actor(_m("Fighters from Chad", "NP"), ActorContext(country="CAF"))
    assert chadians is None or chadians.kind != "country"


@pytest.mark.parametrize("text", ["medical personnel", "21 military and civilian personnel"])
def test_actors_personnel_unnamed_as_armed_stay_unresolved(text: str) -> None:
    assert resolve_actor(_m(text, "NP", "personnel"), AFGHAN) is None
