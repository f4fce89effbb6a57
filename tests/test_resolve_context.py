"""Document context in resolution (hand-built frames, own sentences): state organs without a country,
plural pronouns over coordinated actors, pronouns across relative clauses, attacked places, and which
mentions vote for the document's country."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.model import Document, Event, EventFrame, Mention
from kg.resolve import resolve_document
from kg.resolve.actors import ActorContext, resolve_actor
from kg.resolve.docactors import build_context
from kg.resolve.dominance import dominant_country


def _m(text: str, snippet: str, label: str = "NP", lemma: str = "", nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(snippet, start + 1)
    return Mention(snippet, start, start + len(snippet), label, lemma or snippet.split()[-1].lower())


def _resolve(
    text: str,
    cls: str,
    trigger: str,
    agents: tuple[tuple[str, str], ...] = (),
    targets: tuple[tuple[str, str], ...] = (),
    places: tuple[str, ...] = (),
    entities: tuple[tuple[str, str], ...] = (),
) -> Event:
    """One frame over a one-document text; mentions are (snippet, label) found in the text."""
    frame = EventFrame(
        "d",
        text,
        0,
        _m(text, trigger, "VERB"),
        cls,
        agents=tuple(_m(text, s, label) for s, label in agents),
        targets=tuple(_m(text, s, label) for s, label in targets),
        places=tuple(_m(text, s, "GPE") for s in places),
    )
    ents = [_m(text, s, label) for s, label in entities]
    [event] = resolve_document(Document("d", text, dt.date(2024, 5, 3)), [frame], ents)
    return event


# --- 1. state organs whose country no text names -----------------------------------------------------
@pytest.mark.parametrize(
    ("text", "agent", "key", "sector"),
    [
        ("Government forces retook the district this Friday, the Pentagon said.", "Government forces",
         "military-country-unknown", "MIL"),
        ("The army retook the pass at dawn.", "army", "military-country-unknown", "MIL"),
        ("Soldiers burned the market overnight.", "Soldiers", "military-country-unknown", "MIL"),
        ("The authorities closed the border crossing.", "authorities", "government-country-unknown", "GOV"),
        ("The junta arrested the editor.", "junta", "government-country-unknown", "GOV"),
    ],
)  # fmt: skip
def test_resolve_context_state_organ_without_country_is_kept(
    text: str, agent: str, key: str, sector: str
) -> None:
    event = _resolve(text, "Capture", text.split()[2], agents=((agent, "NP"),))
    assert [(a.key, a.sector, a.country) for a in event.agents] == [(key, sector, None)]


@pytest.mark.parametrize(
    ("text", "place", "key"),
    [
        ("Government forces retook the district near Kandahar on Friday.", "Kandahar", "afg-military"),
        ("The army shelled villages around Kidal.", "Kidal", "mli-military"),
        ("Police detained dozens of students in Mandalay.", "Mandalay", "mmr-police"),
    ],
)
def test_resolve_context_state_organ_takes_the_country_of_the_place(text: str, place: str, key: str) -> None:
    agent = text.split()[0] if text.split()[0] != "The" else text.split()[1]
    agent = "Government forces" if agent == "Government" else agent
    event = _resolve(text, "Assault", text.split()[2], agents=((agent, "NP"),), places=(place,),
                     entities=((place, "GPE"),))  # fmt: skip
    assert [a.key for a in event.agents] == [key]


def test_resolve_context_possessive_of_a_stateless_army_is_that_army() -> None:
    text = "The army said its soldiers had retaken the airport."
    event = _resolve(text, "Capture", "retaken", agents=(("army", "NP"), ("its soldiers", "NP")))
    assert {a.key for a in event.agents} == {"military-country-unknown"}


def test_resolve_context_common_nouns_are_no_town_names() -> None:
    """ "the airport" is no place called Airport (a US town), so it gives the army no country."""
    text = "The army retook the airport on Friday."
    event = _resolve(text, "Capture", "retook", agents=(("army", "NP"),), places=("airport",))
    assert [a.country for a in event.agents] == [None]
    assert all(p.geonames_id is None for p in event.places)


# --- 2. pronouns -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "entities", "expected"),
    [
        ("The United States and United Kingdom announced on Friday that they would send 3,000 soldiers.",
         (("United States", "GPE"), ("United Kingdom", "GPE")), {"usa", "gbr"}),
        ("Kenya, Uganda and Tanzania said they would send troops.",
         (("Kenya", "GPE"), ("Uganda", "GPE"), ("Tanzania", "GPE")), {"ken", "uga", "tza"}),
        ("Hamas and Islamic Jihad said they had fired the rockets.",
         (("Hamas", "ORG"), ("Islamic Jihad", "ORG")), {"hamas", "islamic-jihad"}),
        ("The Houthis as well as the Islamic State said they would fight on.",
         (("Houthis", "NORP"), ("Islamic State", "ORG")), {"houthis", "islamic-state"}),
        # a single group named after the coordination is nearer
        ("Kenya and Uganda met after al-Shabaab said they would attack.",
         (("Kenya", "GPE"), ("Uganda", "GPE"), ("al-Shabaab", "ORG")), {"al-shabaab"}),
        # cities coordinate places, not actors: "they" is the group
        ("Hamas fighters left Gaza and Rafah after they were bombed.",
         (("Hamas", "ORG"), ("Gaza", "GPE"), ("Rafah", "GPE")), {"hamas"}),
    ],
)  # fmt: skip
def test_resolve_context_plural_pronoun_takes_coordinated_actors(
    text: str, entities: tuple[tuple[str, str], ...], expected: set[str]
) -> None:
    event = _resolve(text, "Deployment", text.split()[-3], agents=(("they", "PRON"),), entities=entities)
    assert {a.key for a in event.agents} == expected
    named = {t for k, t in event.extra if k == "antecedent_agent"}
    assert named and all(t in text for t in named)


def test_resolve_context_coordinated_pronoun_notes_every_member() -> None:
    text = "Kenya and Uganda said they would send troops."
    event = _resolve(text, "Deployment", "send", agents=(("they", "PRON"),),
                     entities=(("Kenya", "GPE"), ("Uganda", "GPE")))  # fmt: skip
    assert sorted(t for k, t in event.extra if k == "antecedent_agent") == ["Kenya", "Uganda"]


ARMY_RSF = (("army", "NP"), ("RSF", "ORG"))


@pytest.mark.parametrize(
    ("text", "pronoun", "entities", "expected"),
    [
        ("The army, which has been fighting the RSF, said its soldiers had retaken the airport.",
         "its soldiers", ARMY_RSF, "sdn-military"),
        ("The army, which has been fighting the RSF, said it had retaken the airport.", "it", ARMY_RSF,
         "sdn-military"),
        ("Hamas, which fought the army, said it would keep fighting.", "it",
         (("Hamas", "ORG"), ("army", "NP")), "hamas"),
        # the object of a restrictive relative clause is skipped as well
        ("Sanctions hit the Houthis who control Sanaa for its support of the raids.", "its",
         (("Houthis", "NORP"), ("Sanaa", "ORG")), "houthis"),
        # inside the relative clause itself the nearer actor still wins
        ("The army attacked the RSF, which said it would retaliate.", "it", ARMY_RSF, "rsf"),
        # no relative clause: the most recent actor
        ("The army fought the RSF and it retreated.", "it", ARMY_RSF, "rsf"),
    ],
)  # fmt: skip
def test_resolve_context_relative_clause_object_is_no_antecedent(
    text: str, pronoun: str, entities: tuple[tuple[str, str], ...], expected: str
) -> None:
    label = "PRON" if pronoun in ("it", "its") else "NP"
    event = _resolve(text, "Capture", text.split()[-2], agents=((pronoun, label),), entities=entities)
    assert [a.key for a in event.agents] == [expected]


def test_resolve_context_coordinations_in_build_context() -> None:
    text = "Iran and Iraq signed a deal. Kabul and Herat were calm."
    ents = [_m(text, s, "GPE") for s in ("Iran", "Iraq", "Kabul", "Herat")]
    ctx = build_context(text, None, ents)
    assert [[a.key for a, _ in run] for _, _, run in ctx.coordinated] == [["irn", "irq"]]
    they = _m(text, "were", "PRON")
    assert resolve_actor(Mention("they", they.start, they.start + 4, "PRON"), ctx) is not None
    assert resolve_actor(Mention("they", 0, 0, "PRON"), ActorContext()) is None


# --- 3. an attacked place is the event's place ------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "cls", "trigger", "target", "place_country", "targets"),
    [
        ("Houthi rebels attacked Abu Dhabi with drones.", "Assault", "attacked", "Abu Dhabi", "ARE", []),
        ("Rebels shelled Kharkiv overnight.", "Shelling", "shelled", "Kharkiv", "UKR", []),
        ("Militants stormed Mogadishu at dawn.", "Assault", "stormed", "Mogadishu", "SOM", []),
        # a country attacked is a target (the state), a capital in a non-violent event its government
        ("Russia invaded Ukraine in February.", "Assault", "invaded", "Ukraine", None, ["ukr"]),
        ("Ottawa criticised Beijing on Monday.", "Accuse", "criticised", "Beijing", None,
         ["chn-government"]),
    ],
)  # fmt: skip
def test_resolve_context_attacked_place_is_the_place(
    text: str, cls: str, trigger: str, target: str, place_country: str | None, targets: list[str]
) -> None:
    event = _resolve(text, cls, trigger, targets=((target, "GPE"),), entities=((target, "GPE"),))
    assert [a.key for a in event.targets] == targets
    if place_country is not None:
        assert [(p.label, p.country) for p in event.places] == [(target, place_country)]
        assert ("target_place", target) in event.extra


# --- 4. votes for the document's country -------------------------------------------------------------
def _ents(text: str, *items: tuple[str, str]) -> list[Mention]:
    return [_m(text, s, label) for s, label in items]


@pytest.mark.parametrize(
    ("text", "items", "expected"),
    [
        # a people whose name a Mozambican town shares does not vote
        ("Ibo elders in Enugu accused the Nigerian police.", (("Ibo", "GPE"), ("Enugu", "GPE")), "NGA"),
        ("Ibo elders met. Ibo leaders spoke.", (("Ibo", "GPE"), ("Ibo", "GPE")), None),
        # a name the document also tags as a people (NORP) does not vote as a place
        ("The Masai herders met in Nakuru. Masai leaders spoke.", (("Masai", "NORP"), ("Nakuru", "GPE"),
         ("Masai", "GPE")), "KEN"),
        # anti-/pro- modifiers are stances, not places
        ("An anti-Syria writer was shot in Lebanon. The anti-Syria camp and the pro-Syria camp met.",
         (("Syria", "GPE"), ("Lebanon", "GPE"), ("Syria", "GPE"), ("Syria", "GPE")), "LBN"),
        # a province of one country outweighs a namesake town abroad; a big city its small namesakes
        ("Fighting in Kandahar.", (("Kandahar", "GPE"),), "AFG"),
        ("Clashes in Aleppo.", (("Aleppo", "GPE"),), "SYR"),
    ],
)  # fmt: skip
def test_resolve_context_dominant_country_votes(
    text: str, items: tuple[tuple[str, str], ...], expected: str | None
) -> None:
    mentions = [_m(text, s, label, nth=sum(1 for t, _ in items[:i] if t == s)) for i, (s, label) in
                enumerate(items)]  # fmt: skip
    assert dominant_country(mentions, text) == expected


def test_resolve_context_people_names_no_owner() -> None:
    ctx = ActorContext(country="NGA", text="Yesterday the Ibo elders met.")
    actor = resolve_actor(Mention("the Ibo elders", 10, 24, "NP", "elder"), ctx)
    assert actor is not None and actor.country == "NGA"


# --- pronouns: agents of the pronoun's sentence, object pronouns, chains -------------------------------
def _frames(
    text: str, specs: list[tuple[str, str, tuple[str, ...], tuple[str, ...]]], entities: list[Mention]
) -> dict[str, Event]:
    """Several frames over one text: (class, trigger, agent snippets, target snippets); a snippet may be
    "snippet#n" for its n-th occurrence; pronouns are labelled PRON, entities keep their label."""

    labels = {e.text: e.label for e in entities}

    def mention(item: str) -> Mention:
        snippet, _, nth = item.partition("#")
        label = "PRON" if snippet.lower() in ("he", "him", "they", "them", "it", "themselves") else "NP"
        return _m(text, snippet, labels.get(snippet, label), nth=int(nth or 0))

    frames = [
        EventFrame("d", text, 0, _m(text, trigger, "VERB"), cls,
                   agents=tuple(mention(a) for a in agents), targets=tuple(mention(t) for t in targets))
        for cls, trigger, agents, targets in specs
    ]  # fmt: skip
    events = resolve_document(Document("d", text, dt.date(2024, 5, 3)), frames, entities)
    return {e.frame.trigger.text: e for e in events}


def test_resolve_context_object_pronoun_is_not_its_events_agent() -> None:
    text = "President Amara Diallo refused to meet King Idris in Kano, saying he would welcome him in Abuja."
    ents = [_m(text, "President Amara Diallo", "PERSON"), _m(text, "King Idris", "PERSON")]
    events = _frames(
        text,
        [("Reject", "refused", ("President Amara Diallo",), ("King Idris",)),
         ("Consult", "welcome", ("he",), ("him",))],
        ents,
    )  # fmt: skip
    welcome = events["welcome"]
    assert [a.label for a in welcome.agents] == ["Amara Diallo"]
    assert [a.label for a in welcome.targets] == ["Idris"]


def test_resolve_context_reflexive_and_subject_pronouns_prefer_the_sentence_agent() -> None:
    text = "Two Kurdish suicide bombers killed 12 people as well as themselves when they blew themselves up."
    events = _frames(
        text,
        [("Killing", "killed", ("Two Kurdish suicide bombers",), ("12 people", "themselves")),
         ("Bombing", "blew", ("they",), ("themselves#1",))],
        [_m(text, "Kurdish", "NORP")],
    )  # fmt: skip
    bombers = {a.key for a in events["killed"].agents}
    assert {a.key for a in events["blew"].agents} == bombers
    assert bombers <= {a.key for a in events["killed"].targets}
    assert ("antecedent_agent", "Two Kurdish suicide bombers") in events["blew"].extra


def test_resolve_context_pronoun_chain_keeps_the_subject() -> None:
    """The second "they" is the first one, the rebels, not the coordinated hostages just before it."""
    text = (
        "The Tuareg rebels said they will free Governor Ali Musa and ten members of his staff, whom they "
        "had seized in March."
    )
    ents = [_m(text, "Governor Ali Musa", "PERSON"), _m(text, "Tuareg", "NORP")]
    events = _frames(
        text,
        [("Retreat", "free", ("they",), ("Governor Ali Musa", "ten members of his staff")),
         ("Abduction", "seized", ("they#1",), ())],
        ents,
    )  # fmt: skip
    rebels = events["free"].agents
    assert [a.label for a in rebels] == ["Tuareg"]
    assert events["seized"].agents == rebels


# --- the main armed group's home country ---------------------------------------------------------------
def test_resolve_context_main_group_country_without_places() -> None:
    """No place names a country: "the army" fighting the RSF is Sudan's."""
    text = "The army said the RSF had shelled the market."
    event = _resolve(text, "Shelling", "shelled", agents=(("RSF", "ORG"),), targets=(("army", "NP"),),
                     entities=(("RSF", "ORG"),))  # fmt: skip
    assert [a.key for a in event.targets] == ["sdn-military"]


def test_resolve_context_main_group_country_outvotes_a_neighbour() -> None:
    """Refugees crossing into Chad do not make a story about the RSF a story about Chad."""
    text = "The RSF seized the base at El Fasher. Thousands fled into Chad. The army said it would retake it."
    ents = [_m(text, "RSF", "ORG"), _m(text, "El Fasher", "GPE"), _m(text, "Chad", "GPE")]
    group = ents[0]
    country = dominant_country(ents, text, "SDN")
    assert country == "SDN" and dominant_country(ents, text) == "TCD"
    event = _resolve(text, "Capture", "seized", agents=(("RSF", "ORG"),), targets=(("army", "NP"),),
                     entities=((group.text, "ORG"), ("El Fasher", "GPE"), ("Chad", "GPE")))  # fmt: skip
    assert [a.key for a in event.targets] == ["sdn-military"]


def test_resolve_context_demonym_rebels_are_no_named_group() -> None:
    """ "Burundian militiamen" name no group, so they do not add Burundi's vote."""
    text = "A camp of Congolese refugees was attacked by Burundian militiamen, killing 40 people."
    event = _resolve(
        text,
        "Killing",
        "killing",
        agents=(("Burundian militiamen", "NP"),),
        targets=(("40 people", "NP"),),
        entities=(("Congolese", "NORP"), ("Burundian", "NORP")),
    )
    assert [a.country for a in event.targets] == ["COD"]


def test_resolve_context_event_place_in_the_document_country_wins() -> None:
    """A town that has a larger namesake abroad ("Palma") does not move the victims abroad when the
    event's other place is in the document's country."""
    text = "Insurgents attacked the town of Palma in northern Mozambique, killing 30 people."
    event = _resolve(
        text,
        "Killing",
        "killing",
        agents=(("Insurgents", "NP"),),
        targets=(("30 people", "NP"),),
        places=("Palma", "northern Mozambique"),
        entities=(("Mozambique", "GPE"),),
    )
    assert [a.key for a in event.targets] == ["moz-civilians"]


# --- coordinated nationalities sharing one head -------------------------------------------------------
@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("U.S. and Russian negotiators", {"usa-government", "rus-government"}),
        ("French and Egyptian warships", {"fra-military", "egy-military"}),
        ("the Kenyan, Ugandan and Tanzanian troops", {"ken-military", "uga-military", "tza-military"}),
        ("US and British forces", {"usa-military", "gbr-military"}),
        # no shared head of nationalities: one actor
        ("Hamas and Islamic Jihad fighters", None),
        ("security and defence forces", None),
    ],
)  # fmt: skip
def test_resolve_context_coordinated_nationalities_name_one_actor_each(
    phrase: str, expected: set[str] | None
) -> None:
    text = f"On Monday {phrase} said they had met."
    event = _resolve(text, "Consult", "met", agents=((phrase, "NP"),))
    keys = {a.key for a in event.agents}
    if expected is None:
        assert len(keys) <= 1
    else:
        assert keys == expected
        they = _resolve(text, "Consult", "met", agents=(("they", "PRON"),), entities=((phrase, "NP"),))
        assert {a.key for a in they.agents} == expected


# --- pronouns inside phrases ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "cls", "trigger", "target", "expected", "antecedent"),
    [
        # a quantity of a pronoun is the pronoun's antecedent
        ("Kenyan troops fought al-Shabaab near Garissa, killing five of them.", "Killing", "killing",
         "five of them", "al-shabaab", "al-Shabaab"),
        # a violent act on a possession hits its owner
        ("Eight Kenyan policemen died when their truck was blown up near Garissa.", "Bombing", "blown up",
         "their truck", "ken-police", "Eight Kenyan policemen"),
        ("Seven Kenyan farmers whose bus was ambushed near Garissa survived.", "Assault", "ambushed",
         "whose bus", "ken-civilians", "Seven Kenyan farmers"),
    ],
)  # fmt: skip
def test_resolve_context_pronoun_inside_a_target_phrase(
    text: str, cls: str, trigger: str, target: str, expected: str, antecedent: str
) -> None:
    first = text.split(" fought ")[0] if " fought " in text else antecedent
    ents = [(first, "NP"), ("al-Shabaab", "ORG")] if "al-Shabaab" in text else [(first, "NP")]
    event = _resolve(text, cls, trigger, targets=((target, "NP"),), entities=tuple(ents))
    assert [a.key for a in event.targets] == [expected]
    assert ("antecedent_target", antecedent) in event.extra


def test_resolve_context_possession_of_a_non_violent_event_is_no_target() -> None:
    text = "Eight Kenyan policemen said their truck was repaired."
    event = _resolve(text, "Aid", "repaired", targets=(("their truck", "NP"),),
                     entities=(("Eight Kenyan policemen", "NP"),))  # fmt: skip
    assert event.targets == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jihadists seize town in central Mali  Fighters seized the town on Sunday.", "MLI"),
        ("Talks in Kabul, Afghanistan and Doha ended.", "AFG"),
        ("Chad Smith said the talks ended.", None),  # a first name
        ("An anti-Syria camp protested.", None),
    ],
)
def test_resolve_context_country_named_in_text_when_no_entity_votes(text: str, expected: str | None) -> None:
    assert dominant_country([], text) == expected


def test_resolve_context_country_name_and_reporter_are_antecedents() -> None:
    """ "Ukraine said its forces ...": a country name can be an antecedent (a city cannot), and the
    reporting subject of the pronoun's clause beats an earlier agent of the sentence."""
    text = "The Kremlin said Russian troops had shelled Kharkiv, and Ukraine said its forces repelled them."
    ents = [_m(text, "Kremlin", "ORG"), _m(text, "Kharkiv", "GPE"), _m(text, "Ukraine", "GPE")]
    shelled = EventFrame("d", text, 0, _m(text, "shelled", "VERB"), "Shelling",
                         agents=(_m(text, "Russian troops"),), reported_by=ents[0])  # fmt: skip
    repelled = EventFrame("d", text, 0, _m(text, "repelled", "VERB"), "ArmedClash",
                          agents=(_m(text, "its forces"),), targets=(_m(text, "them", "PRON"),),
                          reported_by=ents[2])  # fmt: skip
    events = resolve_document(Document("d", text, dt.date(2024, 5, 3)), [shelled, repelled], ents)
    clash = next(e for e in events if e.event_class == "ArmedClash")
    assert [a.key for a in clash.agents] == ["ukr-military"]
    assert [a.key for a in clash.targets] == ["rus-military"]


@pytest.mark.parametrize("phrase", ["110 schoolgirls", "dozens of pupils", "six miners", "the pilgrims"])
def test_resolve_context_more_civilian_nouns(phrase: str) -> None:
    text = f"Gunmen in Kano abducted {phrase} on Monday."
    event = _resolve(text, "Abduction", "abducted", targets=((phrase, "NP"),), places=("Kano",),
                     entities=(("Kano", "GPE"),))  # fmt: skip
    assert [a.key for a in event.targets] == ["nga-civilians"]


@pytest.mark.parametrize(
    ("text", "name", "label", "expected"),
    [
        ("Amina Farah, the United Nations relief coordinator, urged both sides to stop.", "Amina Farah",
         "GPE", ("person", "IGO")),
        ("Tom Abara, a senior army commander, said the bridge fell.", "Tom Abara", "NP", ("person", None)),
        # a place described by an appositive stays a place
        ("Kandahar, the Taliban's birthplace, fell on Friday.", "Kandahar", "GPE", None),
        # no appositive: no person
        ("Amina Farah urged both sides to stop.", "Amina Farah", "GPE", None),
    ],
)  # fmt: skip
def test_resolve_context_appositive_makes_a_person(
    text: str, name: str, label: str, expected: tuple[str, str | None] | None
) -> None:
    actor = resolve_actor(_m(text, name, label), ActorContext(text=text))
    if expected is None:
        assert actor is None or actor.kind != "person"
    else:
        assert actor is not None and actor.label == name
        assert (actor.kind, actor.sector if expected[1] else None) == expected


def test_resolve_context_counted_object_pronoun_is_not_its_own_agent() -> None:
    """ "detained 23 of them": the pronoun skips the clause's own agent and finds the protesters."""
    text = "Hundreds of Hamas supporters rallied in Gaza. Police detained 23 of them."
    event = _resolve(text, "Arrest", "detained", agents=(("Police", "NP"),), targets=(("23 of them", "NP"),),
                     entities=(("Hamas", "ORG"),))  # fmt: skip
    assert [a.sector for a in event.agents] == ["COP"]
    assert [a.key for a in event.targets] == ["hamas"]


@pytest.mark.parametrize(
    ("text", "agent", "key"),
    [
        ("Armed bandits kidnapped forty villagers near Tsafe in Nigeria.", "Armed bandits",
         "unidentified-armed-group-nga"),
        ("Assailants burned the market in Tongomayel, Burkina Faso.", "Assailants",
         "unidentified-armed-group-bfa"),
        ("The French contingent left Gao in Mali.", "French contingent", "fra-military"),
    ],
)  # fmt: skip
def test_resolve_context_bandits_assailants_and_contingents(text: str, agent: str, key: str) -> None:
    event = _resolve(text, "Assault", text.split()[2], agents=((agent, "NP"),))
    assert [a.key for a in event.agents] == [key]


def test_resolve_context_curated_english_name_links_abroad() -> None:
    """ "Hodeidah" is the English name of Al Hudaydah: it links in a story the United States dominates."""
    text = "The United States and Britain struck targets around Hodeidah, Washington said."
    states = (("United States", "GPE"), ("Britain", "GPE"))
    event = _resolve(text, "AirStrike", "struck", agents=states, places=("Hodeidah",),
                     entities=(("United States", "GPE"), ("Washington", "GPE")))  # fmt: skip
    assert [(p.label, p.country) for p in event.places] == [("Al Hudaydah", "YEM")]


def test_resolve_context_the_province_is_the_last_province_named() -> None:
    """ "the province" after a province of the document's country is that province; a province of
    another country ("Somali", Ethiopia's region, in a Somalia story) is not remembered."""
    text = "Burundi, which has soldiers in South Kivu in Congo, put its forces in the province on alert."
    event = _resolve(text, "Mobilize", "put", agents=(("Burundi", "GPE"),), places=("the province",),
                     entities=(("Burundi", "GPE"), ("South Kivu", "GPE"), ("Congo", "GPE")))  # fmt: skip
    assert [(p.label, p.country) for p in event.places] == [("South Kivu", "COD")]
    text = "The Somali government promised to restore order in the province, Somalia said."
    event = _resolve(text, "Agree", "promised", agents=(("Somali government", "NP"),),
                     places=("the province",), entities=(("Somali", "GPE"), ("Somalia", "GPE")))  # fmt: skip
    assert event.places == ()
