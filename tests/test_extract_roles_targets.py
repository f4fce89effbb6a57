"""Targets found in a trigger's complement when the clause itself names none.

Triggers are placed by hand (the first token whose text equals the trigger word), so these tables test
role finding independently of the trigger lexicon. Sentences are written for these tests.
"""

from __future__ import annotations

import pytest
from roles_support import frame_at
from spacy.language import Language

from kg.extract import extract_frames

# sentence, trigger word, class, agents, targets
TARGET_TABLE = [
    # the subject of a demand's "that" clause is who is asked
    ("The union demanded that the government raise wages.", "demanded", "Request", ["union"], ["government"]),
    # ... but a thing asked for is no target
    ("The union demanded that wages be raised.", "demanded", "Request", ["union"], []),
    # whom a demand is made of
    ("The opposition sought guarantees from the electoral commission.", "sought", "Request", ["opposition"],
     ["electoral commission"]),
    # the partner of an offered or agreed act, on its verb or on its object
    ("Kenya offered to send police officers to Haiti.", "offered", "Agree", ["Kenya"], ["Haiti"]),
    ("The government offered to return the land to the farmers.", "offered", "Agree", ["government"],
     ["farmers"]),
    ("Donors agreed to provide emergency loans for Malawi and Zambia.", "agreed", "Agree", ["Donors"],
     ["Malawi", "Zambia"]),
    # a threat's target is whom the threatened act would hit, not the threatener's own forces
    ("The junta threatened to cut diplomatic ties with Ghana.", "threatened", "Threaten", ["junta"],
     ["Ghana"]),
    ("The army threatened to send troops to the border.", "threatened", "Threaten", ["army"], []),
    # whom a threat's condition names is threatened ("... unless X does"), not a pronoun or a passive
    ("Truckers threatened to block the ports unless the ministry cuts fuel taxes.", "threatened",
     "Threaten", ["Truckers"], ["ministry"]),
    ("Ankara threatened to halt the talks if Athens sends warships.", "threatened", "Threaten",
     ["Ankara"], ["Athens"]),
    ("The miners threatened to strike if they are not paid.", "threatened", "Threaten", ["miners"], []),
    # a threat's addressee after "to", a place whose nation is named, a named place behind a place noun,
    # the nation of a thing the threatened act is aimed at
    ("Chile issued an ultimatum to the miners.", "ultimatum", "Threaten", ["Chile"], ["miners"]),
    ("Ankara threatened to bomb Syrian villages.", "threatened", "Threaten", ["Ankara"], ["Syrian villages"]),
    ("Serbia threatened to cut off power to the province of Kosovo.", "threatened", "Threaten", ["Serbia"],
     ["Kosovo"]),
    ("Paris threatened to impose duties against Italian wine.", "threatened", "Threaten", ["Paris"],
     ["Italian"]),
    # the author of a demanded act is who is asked, a capital too
    ("The senate demanded a public apology by Madrid.", "demanded", "Request", ["senate"], ["Madrid"]),
    # the partner or the party named in a demanded act ("a truce with X", "the removal of X")
    ("The rebels demanded talks with the regional governors.", "demanded", "Request", ["rebels"],
     ["regional governors"]),
    ("Students demanded the dismissal of the governor.", "demanded", "Request", ["Students"], ["governor"]),
    ("Students demanded the dismissal of fees.", "demanded", "Request", ["Students"], []),
    ("The militia demanded the release of its fighters.", "demanded", "Request", ["militia"], []),
    # whoever made an object event is a party to the act done to it
    ("Police broke up a march organized by the teachers.", "broke", "Coerce", ["Police"],
     ["march", "teachers"]),
    # whom a sanction takes something from: the recipient or partner of what is withdrawn
    ("Norway froze development aid to Uganda.", "froze", "Sanction", ["Norway"],
     ["development aid", "Uganda"]),
    ("Peru announced a suspension of trade with Bolivia.", "suspension", "Sanction", ["Peru"],
     ["trade", "Bolivia"]),
    ("The army suspended patrols for a week.", "suspended", "Sanction", ["army"], ["patrols"]),
    # whom a cooperative act gives something to, on its object; parties between whom one mediates
    ("Kenya shared intelligence with Somalia.", "shared", "Cooperate", ["Kenya"], ["Somalia"]),
    ("The bishops launched a mediation effort between the army and the rebels.", "launched", "Negotiation",
     ["bishops"], ["army", "rebels"]),
    ("Kenya shared intelligence on Monday.", "shared", "Cooperate", ["Kenya"], []),
    # whom an object comes from is a party: the author of a rejected call, the owner of seized weapons
    ("The rebels rejected a call by the bishops for a truce.", "rejected", "Reject", ["rebels"],
     ["call", "bishops"]),
    ("Police confiscated weapons from the militia.", "confiscated", "Coerce", ["Police"],
     ["weapons", "militia"]),
    # ... but a mover's "from" is a place, or nothing when it names people
    ("Refugees fled from the rebels.", "fled", "Displacement", ["Refugees"], []),
    # the "against" phrase of the light verb of a hostile event noun
    ("Students staged rallies in Nairobi against the new tax.", "rallies", "Protest", ["Students"],
     ["new tax"]),
    # a protest's aim, read from its purpose clause or an "in protest of" phrase
    ("Miners began a hunger strike on Monday to protest against Zambia's new mining law.", "strike",
     "Protest", ["Miners"], ["Zambia", "Zambia's new mining law"]),
    ("The students continued their boycott to demand the resignation of the governor.", "boycott",
     "Protest", ["students"], ["resignation of the governor", "governor"]),
    ("Refugees are continuing a hunger strike in protest of the government's refusal to house them.",
     "strike", "Protest", ["Refugees"], ["government", "government's refusal"]),
    ("Workers stayed home to protest at the closure of the mine.", "stayed", "Protest", ["Workers"],
     ["closure"]),
    # a blocked road is no party, so the protest's aim is still read: "in defiance of X", "from X"
    ("Drivers blocked the highway in defiance of the governor.", "blocked", "Protest", ["Drivers"],
     ["highway", "governor"]),
    ("Villagers marched to demand compensation from the provincial government.", "marched", "Protest",
     ["Villagers"], ["compensation", "provincial government"]),
    # ... but the protesters' own demands are no target
    ("Drivers blocked the highway to press their demands.", "blocked", "Protest", ["Drivers"], ["highway"]),
    # a reporting clause misparsed under a demand is no demanded clause
    ("The union demanded a pay rise, officials said.", "demanded", "Request", ["union"], []),
    # what is fired is the means; whom it is fired at is the target ("at" a party, not a site)
    ("Soldiers fired live rounds at protesters outside the palace.", "fired", "Assault", ["Soldiers"],
     ["protesters"]),
    ("The militia fired mortars at the airport.", "fired", "Shelling", ["militia"], []),
    ("Riot police fired tear gas at students in Kisumu.", "gas", "Coerce", ["Riot police"], ["students"]),
    ("Students staged a rally at the university.", "rally", "Protest", ["Students"], []),
    # a gang, cartel, faction or clan is a party ("exchanged fire with the gang")
    ("Police clashed with the gang near the market.", "clashed", "ArmedClash", ["Police"], ["gang"]),
    ("Soldiers clashed with a rival faction on Tuesday.", "clashed", "ArmedClash", ["Soldiers"],
     ["rival faction"]),
    # ... and so are those named for what they do ("the kidnappers", "the assailants", "local vigilantes")
    ("Troops clashed with the kidnappers near the forest.", "clashed", "ArmedClash", ["Troops"],
     ["kidnappers"]),
    ("Police clashed with the assailants on Friday.", "clashed", "ArmedClash", ["Police"], ["assailants"]),
    ("Soldiers clashed with local vigilantes in the market.", "clashed", "ArmedClash", ["Soldiers"],
     ["local vigilantes"]),
]  # fmt: skip


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "word", "cls", "agents", "targets"), TARGET_TABLE, ids=[r[0][:40] for r in TARGET_TABLE]
)
def test_roles_targets_from_the_complement(
    nlp: Language, sentence: str, word: str, cls: str, agents: list[str], targets: list[str]
) -> None:
    frame = frame_at(nlp(sentence), word, cls)
    assert [m.text for m in frame.agents] == agents
    assert [m.text for m in frame.targets] == targets


# a participle on the object that the parser made a clause with the object as its subject: sentence,
# trigger, class, targets, places, times
OBJECT_PARTICIPLE_TABLE = [
    ("A roadside bomb killed two police officers escorting a vaccination team in the Salarzai area of "
     "Pakistan's Bajaur district on Monday, police said.", "killed", "Killing", ["two police officers"],
     ["Salarzai area"], ["Monday"]),
    ("Gunmen shot dead three farmers tending their fields near Dogon Daji on Sunday.", "shot", "Killing",
     ["three farmers"], ["Dogon Daji"], ["Sunday"]),
]  # fmt: skip


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "word", "cls", "targets", "places", "times"),
    OBJECT_PARTICIPLE_TABLE,
    ids=[r[0][:40] for r in OBJECT_PARTICIPLE_TABLE],
)
def test_roles_object_read_as_a_participle_subject(
    nlp: Language, sentence: str, word: str, cls: str, targets: list[str], places: list[str], times: list[str]
) -> None:
    frame = frame_at(nlp(sentence), word, cls)
    assert [m.text for m in frame.targets] == targets
    assert [m.text for m in frame.places] == places
    assert [m.text for m in frame.times] == times


@pytest.mark.model
def test_roles_a_participle_after_a_comma_is_no_object(nlp: Language) -> None:
    frame = frame_at(nlp("Rebels killed the soldiers, leaving their bodies in Kikuku."), "killed", "Killing")
    assert [m.text for m in frame.targets] == ["soldiers"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Police blamed the attack on the Tuareg Liberation Front.",
        "Police blamed the attack on the checkpoint on the Tuareg Liberation Front.",
    ],
)
def test_roles_blaming_an_act_on_a_party_makes_the_party_the_target(nlp: Language, sentence: str) -> None:
    frames = {f.event_class: f for f in nlp(sentence)._.event_frames}
    party = "Tuareg Liberation Front"
    assert party in [m.text for m in frames["Accuse"].targets]
    # the act keeps its own target, if any, and never the party blamed
    assert party not in [m.text for cls, f in frames.items() if cls != "Accuse" for m in f.targets]


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "targets", "places"),
    [
        ("Soldiers repelled an assault by the group on their base at Gorom on Monday.", ["group"],
         ["their base", "Gorom"]),
        ("The army said it had repulsed a rebel attack on the town of Bria.", ["rebel"], ["Bria"]),
        # the attack's place is the clash's when it names none
        ("Its troops had repelled 46 assaults along the Kupiansk front over the past day.", [],
         ["Kupiansk front"]),
    ],
)  # fmt: skip
def test_roles_targets_who_repelled_an_attack_fought_the_attackers(
    nlp: Language, sentence: str, targets: list[str], places: list[str]
) -> None:
    frames = extract_frames(nlp(sentence))
    (clash,) = [f for f in frames if f.event_class == "ArmedClash"]
    assert [m.text for m in clash.targets] == targets
    assert [m.text for m in clash.places] == places
    assert any(f.event_class == "Assault" for f in frames)  # the attack stays an event of its own
