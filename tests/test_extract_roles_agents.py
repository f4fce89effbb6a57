"""Agents of event nouns and of clauses whose subject is not the plain ``nsubj`` of the trigger.

Triggers are placed by hand (the first token whose text equals the trigger word), so these tables test
role finding independently of the trigger lexicon. Sentences are written for these tests.
"""

from __future__ import annotations

import pytest
import spacy
from roles_support import frame_at
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract import extract_frames
from kg.extract.triggers import TriggerMatch as Trig

# sentence, trigger word, class, agents, targets
AGENT_TABLE = [
    # a direction opening the sentence, misread as a second subject, is not who did it
    ("Further west, in Huila department, suspected FARC dissidents kidnapped a town councillor.", "kidnapped",
     "Abduction", ["suspected FARC dissidents"], ["town councillor"]),
    # a quantified subject: its people ("Most of the villagers"), not an aside ("..., many of them on foot")
    ("Most of the villagers fled to the hills on Sunday.", "fled", "Displacement", ["Most of the villagers"],
     []),
    ("Some 4,000 families fled Babanusa, aid workers said, many of them on foot.", "fled", "Displacement",
     ["Some 4,000 families"], []),
    # a present participle on a noun is done by that noun: "sending 1,200 residents fleeing"
    ("Rebels seized the village on Sunday, sending some 1,200 residents fleeing to Bouar.", "fleeing",
     "Displacement", ["some 1,200 residents"], []),
    ("Police fired tear gas at hundreds of miners protesting against the eviction.", "protesting", "Protest",
     ["miners"], ["eviction"]),
    # a doer noun the model tags an adjective names who did it, but "military" only after its owner
    ("In April, a junta air strike on a ceremony in the village killed 160 people.", "strike", "AirStrike",
     ["junta"], ["ceremony"]),
    ("The ministry announced military aid to the islands.", "aid", "Aid", ["ministry"], []),
    # light and aspect verbs: the event noun is the object, the agent is the verb's subject
    ("The junta issued an ultimatum to the rebels.", "ultimatum", "Threaten", ["junta"], []),
    ("The teachers' union organized a general strike in Accra.", "strike", "Protest",
     ["teachers' union"], []),
    ("The opposition began a hunger strike on Monday.", "strike", "Protest", ["opposition"], []),
    ("Prosecutors launched an investigation into the killings.", "investigation", "Accuse",
     ["Prosecutors"], []),
    ("The two governments renewed negotiations on the border dispute.", "negotiations", "Negotiation",
     ["two governments"], []),
    ("The rebels halted negotiations with the government.", "negotiations", "Negotiation", ["rebels"],
     ["government"]),
    # ... but not a verb the event noun is only the subject of, nor a phrase on another noun
    ("The envoys signed a deal before the aid is released.", "aid", "Aid", [], []),
    ("The militia imposed a blackout on the withdrawal.", "withdrawal", "Withdrawal", [], []),
    # ... also when the object counts the event nouns
    ("Navy ships fired dozens of missiles at the port.", "missiles", "Shelling", ["Navy ships"], []),
    # verbs of taking part: the subject takes part in the event noun of the verb's phrase
    ("The foreign minister arrived in Dakar on an official visit.", "visit", "Consult",
     ["foreign minister"], []),
    ("Nurses throughout Kenya went on strike.", "strike", "Protest", ["Nurses throughout Kenya"], []),
    ("Border troops remained on high alert.", "alert", "Mobilize", ["Border troops"], []),
    # a bare "in" noun is the purpose of the subject's act, wherever the phrase hangs
    ("Teachers boycotted classes in protest against the pay cut.", "protest", "Protest", ["Teachers"],
     ["pay cut"]),
    ("The army fired rockets at the camp in retaliation.", "retaliation", "Assault", ["army"], []),
    # ... but not the victim of a passive or a verb of suffering
    ("Three men were arrested in protest.", "protest", "Protest", [], []),
    ("Two soldiers died in fighting near the border.", "fighting", "ArmedClash", [], []),
    ("Residents stayed indoors during the fighting.", "fighting", "ArmedClash", [], []),
    ("Two civilians were killed in an ambush.", "ambush", "Assault", [], []),
    ("Five soldiers died in an ambush near the border.", "ambush", "Assault", [], []),
    # "engaged in"/"involved in": a passive whose subject takes part
    ("Militia units were engaged in looting in the border town of Kaya.", "looting", "Assault",
     ["Militia units"], []),
    ("Rebels were involved in clashes near Goma.", "clashes", "ArmedClash", ["Rebels"], []),
    # a participle on the object of a light verb: the issuer demands
    ("The armed group issued a statement demanding the release of its commander.", "demanding", "Request",
     ["armed group"], []),
    # a passive whose subject still does the act: demobilizing, a stative "opposed"
    ("The guerrillas were disarmed last year.", "disarmed", "Retreat", ["guerrillas"], []),
    ("The villagers were disarmed by the army.", "disarmed", "Retreat", ["army"], ["villagers"]),
    ("The party is opposed to foreign mediation.", "opposed", "Reject", ["party"], []),
    # summoning someone to protest: the summoner protests
    ("The minister summoned the envoy to protest against the raid.", "protest", "Protest", ["minister"],
     ["raid"]),
    # a gerund after "of"/"for" under a passive is done by the passive subject ("accused of attacking")
    ("The gang was accused of looting the depot.", "looting", "Assault", ["gang"], ["depot"]),
    ("Four miners were jailed for blocking the road.", "blocking", "Protest", ["Four miners"], ["road"]),
    # ... and under an adjective by the copula's subject
    ("The two parties are guilty of breaking the truce.", "breaking", "Reject", ["two parties"], ["truce"]),
    # the parties to an agreement held the talks it concludes, not those a detention follows
    ("Qatar and Bahrain agreed to reopen embassies after talks in Riyadh.", "talks", "Negotiation",
     ["Qatar", "Bahrain"], []),
    ("Police detained the mayor after talks in Herat.", "talks", "Negotiation", [], []),
    # ... but a passive subject is no doer of a gerund after another preposition
    ("The town was taken after shelling the outskirts.", "shelling", "Shelling", [], []),
    # a common noun before an event noun can name its doer; an adjective only after its owner's name
    ("A gang attack on the bus left five dead.", "attack", "Assault", ["gang"], ["bus"]),
    ("The army offensive began in March.", "offensive", "ArmedClash", ["army"], []),
    ("A Myanmar military air strike hit the village.", "strike", "AirStrike", ["military"], []),
    ("The envoy discussed military aid for Mozambique.", "aid", "Aid", [], ["Mozambique"]),
    # a clause misread as a participle on the subject's phrase: the subject, not the phrase's noun
    ("Armed men on motorbikes killed at least 17 civilians in the village of Kolongo on Tuesday, officials "
     "said.", "killed", "Killing", ["Armed men"], ["at least 17 civilians"]),
    # a date the parser made a modifier of the subject is no part of it
    ("On Tuesday security forces detained a dozen men.", "detained", "Arrest", ["security forces"],
     ["dozen men"]),
    # ... or left as the object of the opening preposition: the subject, not a target
    ("On Friday rebels attacked an army post near Goma.", "attacked", "Assault", ["rebels"], ["army post"]),
    # a reported "it" is the sayer the sentence introduces; a known sayer's "it" is left to resolution
    ("An alliance of ethnic armed groups said on Wednesday it had seized Kunlong, a town on the Salween.",
     "seized", "Capture", ["alliance of ethnic armed groups"], []),
    ("The army said on Wednesday it had seized Kunlong.", "seized", "Capture", ["it"], []),
    # "believed to belong to" read as the main verb: its subject did the act
    ("Gunmen believed to belong to the Patriotic Movement for Central Africa ambushed a convoy on Friday.",
     "ambushed", "Assault", ["Gunmen"], ["convoy"]),
    ("The assailants, believed to belong to the group JNIM, also burned the market in Tongomayel.", "burned",
     "Assault", ["assailants"], ["market"]),
    # a weapon's operator, also when the parser made the operator a second subject
    ("Drones launched by the paramilitary Rapid Support Forces struck a fuel depot in Kosti on Monday.",
     "struck", "AirStrike", ["Rapid Support Forces"], []),
    ("The protest was peaceful. Last month gunmen abducted a member of the city council outside his "
     "home; his family says he is still missing.", "abducted", "Abduction", ["gunmen"],
     ["member of the city council"]),
    # an event noun's participle says who did it ("carried out by"), not who brokered it
    ("An attack carried out by militants killed five soldiers.", "attack", "Assault", ["militants"], []),
    ("A convoy broke a siege imposed by jihadists.", "siege", "Siege", ["jihadists"], []),
    ("A ceasefire brokered by Qatar took effect.", "ceasefire", "Ceasefire", [], []),
    # a participle the parser made a second complement of the saying is done by the clause before it
    ("KINSHASA — Fighters of the Mobondo militia attacked the village of Bisiala in Kwamouth territory, "
     "Mai-Ndombe province, on Monday, killing seven farmers, a local civil society leader said.", "killing",
     "Killing", ["Fighters of the Mobondo militia"], ["seven farmers"]),
    # the verb of a sentence the parser rooted in its subject noun (after a relative clause) is the noun's
    ("The rebels, who control much of the north, threatened on Monday to attack the capital.", "threatened",
     "Threaten", ["rebels"], []),
]  # fmt: skip


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "word", "cls", "agents", "targets"), AGENT_TABLE, ids=[r[0][:40] for r in AGENT_TABLE]
)
def test_roles_agents_of_light_verbs_participation_and_passives(
    nlp: Language, sentence: str, word: str, cls: str, agents: list[str], targets: list[str]
) -> None:
    frame = frame_at(nlp(sentence), word, cls)
    assert [m.text for m in frame.agents] == agents
    assert [m.text for m in frame.targets] == targets


def test_roles_participle_parsed_as_subject_stands_for_its_own_subject() -> None:
    """A misparse seen with small models: "Monitors working in Gaza demanded access", where the participle
    is the verb's subject and the noun the participle's subject; the agent is the noun."""
    words = ["Monitors", "working", "in", "Gaza", "demanded", "access", "."]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[1, 4, 1, 2, 4, 4, 4],
        deps=["nsubj", "nsubj", "prep", "pobj", "ROOT", "dobj", "punct"],
        pos=["NOUN", "VERB", "ADP", "PROPN", "VERB", "NOUN", "PUNCT"],
        tags=["NNS", "VBG", "IN", "NNP", "VBD", "NN", "."],
        lemmas=["monitor", "work", "in", "Gaza", "demand", "access", "."],
        ents=["O", "O", "O", "B-GPE", "O", "O", "O"],
    )
    (frame,) = extract_frames(doc, triggers=[Trig(4, 5, 4, "Request")])
    assert [m.text for m in frame.agents] == ["Monitors"]
    assert [m.text for m in frame.places] == ["Gaza"]  # where the monitors work


def test_roles_descriptor_parsed_with_a_name_in_apposition_stands_for_the_name() -> None:
    """A misparse seen in context: "The paramilitary Rapid Support Forces (RSF) struck ...", with the
    adjective read as the subject and the name as its apposition; the agent is the name."""
    words = ["The", "paramilitary", "Rapid", "Support", "Forces", "struck", "the", "camp", "."]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[1, 5, 4, 4, 1, 5, 7, 5, 5],
        deps=["det", "nsubj", "compound", "compound", "appos", "ROOT", "det", "dobj", "punct"],
        pos=["DET", "NOUN", "PROPN", "PROPN", "PROPN", "VERB", "DET", "NOUN", "PUNCT"],
        tags=["DT", "NN", "NNP", "NNP", "NNPS", "VBD", "DT", "NN", "."],
        lemmas=["the", "paramilitary", "Rapid", "Support", "Forces", "strike", "the", "camp", "."],
        ents=["O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O"],
    )
    (frame,) = extract_frames(doc, triggers=[Trig(5, 6, 5, "Assault")])
    assert [m.text for m in frame.agents] == ["Rapid Support Forces"]
    assert [m.text for m in frame.targets] == ["camp"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "agents"),
    [
        ("An Israeli drone strike on a car killed two people.", ["Israeli"]),
        ("A Myanmar military air strike on the village killed 12 people.", ["military"]),
        ("A roadside bombing killed five soldiers.", ["roadside bombing"]),  # no doer known: the event
    ],
)  # fmt: skip
def test_roles_killing_by_an_event_is_by_that_event_s_doer(
    nlp: Language, sentence: str, agents: list[str]
) -> None:
    frames = extract_frames(nlp(sentence))
    killing = next(f for f in frames if f.event_class == "Killing")
    assert len(frames) == 2
    assert [m.text for m in killing.agents] == agents


@pytest.mark.model
def test_roles_finite_verb_misparsed_on_a_person_noun_is_the_person_s(nlp: Language) -> None:
    """The small model reads "called" as a clause on "president" here; the agent is the president, by name,
    not the possessor."""
    doc = nlp("Galmudug's president, Ahmed Abdi Karie, called on residents to return to Galcad.")
    (request,) = [f for f in extract_frames(doc) if f.event_class == "Request"]
    assert [m.text for m in request.agents] == ["Ahmed Abdi Karie"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "agents", "targets"),
    [
        # a clash after an act, "with" one party only: the act's doer fought that party
        ("Rebels took control of the town on Saturday after a brief battle with government troops.",
         ["Rebels"], ["government troops"]),
        # ... also after "two days of" it, and after it on a day ("the same day after clashes with")
        ("Iraqi forces recaptured the district on Sunday after two days of street fighting with Islamic "
         "State militants, a spokesman said.", ["Iraqi forces"], ["Islamic State militants"]),
        ("Government troops captured the village of Kafr Nubl the same day after clashes with rebels of "
         "the Free Army, a monitor said.", ["Government troops"], ["rebels of the Free Army"]),
        # ... and talks with a party, read as their target
        ("The Taliban freed 20 soldiers on Monday after talks with tribal elders in Lashkar Gah.",
         ["Taliban"], ["tribal elders"]),
        # ... not people who fled
        ("Residents fled the town after clashes with the army.", ["army"], []),
        # ... and with no party named: the doer of the act after it fought
        ("The army recaptured Pieri on Tuesday after two days of fighting.", ["army"], []),
        ("Officers freed nine hostages after a gunfight in a nearby forest.", ["Officers"], []),
        # ... not people it happened to, the victims of a passive, or an act days later
        ("Residents returned home after the fighting.", [], []),
        ("Two soldiers were killed after clashes.", [], []),
        ("Two days after the gunfight, 11 rebels surrendered to police.", [], []),
        ("Rebels captured Kandahar on Friday, officials said, handing them the city after weeks of fighting.",
         [], []),
        # the subject shared with a conjunct engages in it
        ("A joint team of police and soldiers tracked the kidnappers and engaged them in a gunfight.",
         ["joint team of police"], []),
    ],
)  # fmt: skip
def test_roles_agents_of_a_clash_after_an_act(
    nlp: Language, sentence: str, agents: list[str], targets: list[str]
) -> None:
    from kg.extract import extract_frames

    classes = ("ArmedClash", "Negotiation")
    (clash,) = [f for f in extract_frames(nlp(sentence)) if f.event_class in classes]
    assert [m.text for m in clash.agents] == agents
    assert [m.text for m in clash.targets] == targets


@pytest.mark.model
def test_roles_agents_of_a_clash_a_saying_came_after_are_not_the_sayer(nlp: Language) -> None:
    """The parser hangs "after a gunfight" on the saying here: who said it did not fight; who repelled did."""
    from kg.extract import extract_frames

    doc = nlp(
        "Soldiers repelled the assailants, who had arrived on motorcycles at dawn, after a two-hour "
        "gunfight, the ministry said in a statement."
    )
    assert next(t for t in doc if t.text == "after").head.text == "said"  # the parse this test is about
    (gunfight,) = [f for f in extract_frames(doc) if f.trigger.text == "gunfight"]
    assert [m.text for m in gunfight.agents] == ["Soldiers"]


@pytest.mark.model
def test_roles_agents_relative_clause_with_two_objects_is_the_antecedents(nlp: Language) -> None:
    """ "X, whom Y identified as Z, did W", parsed as one relative clause of X with two objects and Y as
    its subject: X did it."""
    text = "The assailants, whom survivors identified as members of the militia, also set fire to shelters."
    frame = frame_at(nlp(text), "set", "Assault")
    assert [m.text for m in frame.agents] == ["assailants"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "verb", "noun", "inherits"),
    [
        # an act of force named in the "in" phrase of another (or of its object) is that one's doers'
        ("Bandits killed nine farmers in raids on three villages on Monday.", "killed", "raids", True),
        ("Soldiers killed two militants in clashes near Bama.", "killed", "clashes", True),
        # ... not an act of another kind ("detained ... in talks")
        ("Police detained two men in talks near Bama.", "detained", "talks", False),
    ],
)  # fmt: skip
def test_roles_force_named_within_another_takes_its_doers(
    nlp: Language, text: str, verb: str, noun: str, inherits: bool
) -> None:
    """``inherit_setting`` on the noun's frame stripped of agents: the governing act lends its doers."""
    import dataclasses

    from kg.extract.settings import inherit_setting

    doc = nlp(text)
    frames = {f.trigger.text: f for f in doc._.event_frames}
    at = {t.text: t.i for t in doc}
    bare = dataclasses.replace(frames[noun], agents=())
    got = inherit_setting(doc[at[noun]], bare, {at[verb]: frames[verb]})
    assert got.agents == (frames[verb].agents if inherits else ())


def test_roles_affiliation_clause_parsed_with_the_subject_in_it_gives_the_subject() -> None:
    """A misparse seen after a headline and dateline: "Insurgents linked to the group raided the village,
    burning homes, officials said", with "linked" a clause under "raided" holding "Insurgents" as its
    subject; the raid and the burning are the insurgents', not the officials'."""
    words = ["Insurgents", "linked", "to", "the", "group", "raided", "the", "village", ",", "burning",
             "homes", ",", "officials", "said", "."]  # fmt: skip
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[1, 5, 1, 4, 2, 13, 7, 5, 5, 5, 9, 13, 13, 13, 13],
        deps=["nsubj", "advcl", "prep", "det", "pobj", "ccomp", "det", "dobj", "punct", "advcl", "dobj",
              "punct", "nsubj", "ROOT", "punct"],
        pos=["NOUN", "VERB", "ADP", "DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT", "VERB", "NOUN", "PUNCT",
             "NOUN", "VERB", "PUNCT"],
        tags=["NNS", "VBD", "IN", "DT", "NN", "VBD", "DT", "NN", ",", "VBG", "NNS", ",", "NNS", "VBD", "."],
        lemmas=["insurgent", "link", "to", "the", "group", "raid", "the", "village", ",", "burn", "home", ",",
                "official", "say", "."],
    )  # fmt: skip
    raid, burning = extract_frames(doc, triggers=[Trig(5, 6, 5, "Assault"), Trig(9, 10, 9, "Assault")])
    assert [m.text for m in raid.agents] == ["Insurgents"]
    assert [m.text for m in burning.agents] == ["Insurgents"]
