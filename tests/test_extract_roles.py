"""Roles (agent, target, place, time) of hand-placed triggers, on real parses and on hand-built Docs.

Triggers are placed by hand (the first token whose text equals the trigger word) so these tables test
role finding independently of the trigger lexicon. Sentences are written for these tests.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract import extract_frames
from kg.extract.triggers import TriggerMatch as Trig
from kg.model import EventFrame


def frame_at(doc: Doc, word: str, event_class: str) -> EventFrame:
    tok = next(t for t in doc if t.text == word)
    frames = extract_frames(doc, "t", triggers=[Trig(tok.i, tok.i + 1, tok.i, event_class)])
    assert len(frames) == 1
    return frames[0]


def texts(mentions: tuple) -> list[str]:
    return [m.text for m in mentions]


# sentence, trigger word, class, agents, targets, places, times (text, governing preposition)
ROLE_TABLE = [
    ("Rebel fighters seized the town of Kidal on Sunday.", "seized", "Capture",
     ["Rebel fighters"], [], ["Kidal"], [("Sunday", "on")]),
    ("Government troops recaptured Palmyra from Islamic State militants in March 2016.", "recaptured",
     "Capture", ["Government troops"], ["Islamic State militants"], ["Palmyra"], [("March 2016", "in")]),
    ("Militants attacked a police checkpoint near Peshawar on Tuesday.", "attacked", "Assault",
     ["Militants"], ["police checkpoint"], ["Peshawar"], [("Tuesday", "on")]),
    ("Police arrested the opposition leader in Minsk.", "arrested", "Arrest",
     ["Police"], ["opposition leader"], ["Minsk"], []),
    ("The convoy was ambushed by Al-Shabaab fighters outside Mogadishu.", "ambushed", "Assault",
     ["Al-Shabaab fighters"], ["convoy"], ["Mogadishu"], []),
    ("Syrian troops and allied militias captured Saraqeb and Kafranbel.", "captured", "Capture",
     ["Syrian troops", "allied militias"], [], ["Saraqeb", "Kafranbel"], []),
    ("The rebels continued to advance and took the airport.", "took", "Capture",
     ["rebels"], [], ["airport"], []),
    ("Fighting between Houthi rebels and government forces intensified around Marib.", "Fighting",
     "ArmedClash", ["Houthi rebels", "government forces"], [], ["Marib"], []),
    ("The arrest of the journalist by security services sparked protests.", "arrest", "Arrest",
     ["security services"], ["journalist"], [], []),
    ("Ethiopian forces withdrew from Mekelle on Monday.", "withdrew", "Withdrawal",
     ["Ethiopian forces"], [], ["Mekelle"], [("Monday", "on")]),
    ("Government forces have besieged the city since May.", "besieged", "Siege",
     ["Government forces"], [], ["city"], [("May", "since")]),
    ("The militia, which seized the port last year, now controls the coast.", "seized", "Capture",
     ["militia"], [], ["port"], [("last year", "")]),
    ("Gunmen abducted 30 students from a boarding school in Kaduna.", "abducted", "Abduction",
     ["Gunmen"], ["30 students"], ["boarding school", "Kaduna"], []),
    ("The army and the rebels clashed in the Nuba Mountains.", "clashed", "ArmedClash",
     ["army", "rebels"], [], ["Nuba Mountains"], []),
    ("An Israeli airstrike on Gaza City killed a senior commander.", "airstrike", "AirStrike",
     ["Israeli"], [], ["Gaza City"], []),
    ("Insurgents launched an offensive against army positions in Helmand.", "offensive", "Assault",
     ["Insurgents"], ["army positions"], ["Helmand"], []),
    ("The Taliban offensive on Kabul resumed on Friday.", "offensive", "Assault",
     ["Taliban"], [], ["Kabul"], [("Friday", "on")]),
    ("Rebels captured Goma, a city near the Rwandan border, in November 2012.", "captured", "Capture",
     ["Rebels"], [], ["Goma"], [("November 2012", "in")]),
    ("Air strikes on rebel positions killed dozens of fighters.", "strikes", "AirStrike",
     [], ["rebel positions"], [], []),
    ("US airstrikes hit the outskirts of Raqqa.", "airstrikes", "AirStrike", ["US"], [], [], []),
    ("The Kabul attack killed nine people.", "attack", "Assault", [], [], ["Kabul"], []),
    # how long the fighting lasted is no time of the fall
    ("Tal Afar fell to the militants after a week of fighting.", "fell", "Capture",
     ["militants"], [], ["Tal Afar"], []),
    # a named place attacked is the target and the place; aid sent to a town: recipient and destination
    ("Houthi fighters attacked Jizan with drones.", "attacked", "Assault",
     ["Houthi fighters"], ["Jizan"], ["Jizan"], []),
    ("The World Food Programme delivered 200 tonnes of flour to Kassala.", "delivered", "Aid",
     ["World Food Programme"], ["Kassala"], ["Kassala"], []),
    # places named inside other roles: "of" after a place noun, "on" after an attack, "from" for movers
    ("Rebels shelled the outskirts of Bentiu.", "shelled", "Shelling", ["Rebels"], [], ["Bentiu"], []),
    ("Soldiers repelled an attack on Kaya.", "repelled", "ArmedClash",
     ["Soldiers"], ["attack"], ["Kaya"], []),
    ("The two sides signed a truce in Doha on Tuesday.", "signed", "Agree",
     ["two sides"], [], ["Doha"], [("Tuesday", "on")]),
    ("Gunmen killed four farmers in the northern department of Cauca.", "killed", "Killing",
     ["Gunmen"], ["four farmers"], ["Cauca"], []),
    ("France evacuated dozens of its nationals from Niamey.", "evacuated", "Evacuation",
     ["France"], ["dozens of its nationals"], ["Niamey"], []),
    # "X clashed with Y": Y is the other side, a target (ACLED's second actor); "between X and Y": both agents
    ("Troops clashed with the insurgents near Kamituga.", "clashed", "ArmedClash",
     ["Troops"], ["insurgents"], ["Kamituga"], []),
    ("Fighting between the army and the RSF spread to Omdurman.", "Fighting", "ArmedClash",
     ["army", "RSF"], [], ["Omdurman"], []),
    ("Clashes with the army erupted in Omdurman.", "Clashes", "ArmedClash", ["army"], [], ["Omdurman"], []),
    # subjects shared across a misparsed conjunct of a passive report, and into "before ...ing"
    ("The militia said two of its commanders were killed and blamed the army.", "blamed", "Accuse",
     ["militia"], ["army"], [], []),
    # ... and of an active report whose subject is no party: the reporter accuses
    ("The RSF said the raids hit homes and accused the army of targeting civilians.", "accused", "Accuse",
     ["RSF"], ["army"], [], []),
    # ... but a party that did the reported act does the next one too
    ("Police said gunmen attacked the village and demanded a ransom.", "demanded", "Request", ["gunmen"],
     [], [], []),
    ("The gunmen looted the market before withdrawing.", "withdrawing", "Withdrawal", ["gunmen"], [], [], []),
    # an object-taking governor controls the infinitive; "promise" keeps its subject
    ("The shelling forced thousands of villagers to flee.", "flee", "Displacement",
     ["thousands of villagers"], [], [], []),
    ("The envoy urged the army to withdraw its troops.", "withdraw", "Withdrawal",
     ["army"], [], [], []),  # the withdrawn troops are the theme, not a target
    ("The militia threatened the villagers to burn the market.", "burn", "Assault",
     ["militia"], ["market"], [], []),
    # the possessor of the object is a party too (without its "'s")
    ("A US envoy praised Kenya's offer of police officers.", "praised", "Support",
     ["US envoy"], ["Kenya"], [], []),
    ("Russian forces shelled the army's positions near Izium.", "shelled", "Shelling",
     ["Russian forces"], ["army", "army's positions"], ["Izium"], []),
    # a light verb's subject beats a possessive pronoun; "staged" (lemmatised "stag") is a light verb
    ("Opposition diplomats held their first meeting with the envoy.", "meeting", "Consult",
     ["Opposition diplomats"], ["envoy"], [], []),
    ("Students staged demonstrations on Friday.", "demonstrations", "Protest",
     ["Students"], [], [], [("Friday", "on")]),
    # a place noun named by a proper-noun modifier; a date hanging from a duration
    ("The offensive began in the Hiran region.", "offensive", "ArmedClash", [], [], ["Hiran region"], []),
    ("Commandos recaptured two checkpoints east of the city.", "recaptured", "Capture",
     ["Commandos"], [], ["two checkpoints", "city"], []),
    ("Militias seized dozens of villages around Kismayo.", "seized", "Capture",
     ["Militias"], [], ["dozens of villages", "Kismayo"], []),
    ("Tribal fighters clashed with the militia for a second day on Monday.", "clashed", "ArmedClash",
     ["Tribal fighters"], ["militia"], [], [("a second day", "for"), ("Monday", "on")]),
    # an intransitive verb misread as a passive participle: "by boat" is the means, the noun the mover
    ("Hundreds of families fled by boat across the lake.", "fled", "Displacement",
     ["Hundreds of families"], [], ["lake"], []),
    # ... and a clause read as a participle with its own object: the noun is its subject, not its victim
    ("Armed bandits kidnapped at least 40 people, most of them women, from villages near Tsafe.", "kidnapped",
     "Abduction", ["Armed bandits"], ["at least 40 people"], ["Tsafe"], []),
    # a truce is made with a partner; a date the parser hung on an argument is still the event's
    ("The rebels signed a truce with the army in July.", "signed", "Ceasefire",
     ["rebels"], ["army"], [], [("July", "in")]),
    ("The militia agreed to a truce with the army on Monday.", "agreed", "Ceasefire",
     ["militia"], ["army"], [], [("Monday", "on")]),
]  # fmt: skip


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "word", "cls", "agents", "targets", "places", "times"),
    ROLE_TABLE,
    ids=[row[0][:40] for row in ROLE_TABLE],
)
def test_roles_from_parse(
    nlp: Language,
    sentence: str,
    word: str,
    cls: str,
    agents: list[str],
    targets: list[str],
    places: list[str],
    times: list[tuple[str, str]],
) -> None:
    frame = frame_at(nlp(sentence), word, cls)
    assert texts(frame.agents) == agents
    assert texts(frame.targets) == targets
    assert texts(frame.places) == places
    assert [(m.text, m.lemma) for m in frame.times] == times
    assert all(m.label == "DATE" for m in frame.times)


@pytest.mark.model
def test_roles_mention_offsets_point_into_text(nlp: Language) -> None:
    doc = nlp("Overnight, the rebels shelled Donetsk and Horlivka, officials said.")
    frame = frame_at(doc, "shelled", "Shelling")
    for m in (*frame.agents, *frame.places, frame.trigger):
        assert doc.text[m.start : m.end] == m.text
    assert frame.sentence == doc.text[frame.sentence_start : frame.sentence_start + len(frame.sentence)]


@pytest.mark.model
def test_roles_subjectless_clause_inherits_previous_agent(nlp: Language) -> None:
    doc = nlp("The insurgents stormed Kunduz on Sunday.\n\nBy evening, captured the police headquarters.")
    stormed = next(t for t in doc if t.text == "stormed")
    captured = next(t for t in doc if t.text == "captured")
    frames = extract_frames(
        doc,
        triggers=[
            Trig(captured.i, captured.i + 1, captured.i, "Capture"),
            Trig(stormed.i, stormed.i + 1, stormed.i, "Assault"),
        ],
    )
    assert [f.trigger.text for f in frames] == ["stormed", "captured"]
    assert texts(frames[1].agents) == ["insurgents"]
    assert frames[1].agent_inherited and not frames[0].agent_inherited


# --- parse-independent rules on hand-built Docs ---------------------------------------------------


VOCAB = spacy.blank("en").vocab  # lexical attributes (lower_, like_num) need a language's vocab


def built(*columns: list) -> Doc:
    """A parsed Doc from columns: words, heads, deps, pos, tags, lemmas, IOB entities."""
    words, heads, deps, pos, tags, lemmas, ents = columns
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas, ents=ents)


def test_roles_coordinated_places_and_time_on_built_doc() -> None:
    doc = built(
        ["Rebels", "took", "Herat", "and", "Ghazni", "on", "Friday", "."],
        [1, 1, 1, 2, 2, 1, 5, 1],
        ["nsubj", "ROOT", "dobj", "cc", "conj", "prep", "pobj", "punct"],
        ["NOUN", "VERB", "PROPN", "CCONJ", "PROPN", "ADP", "PROPN", "PUNCT"],
        ["NNS", "VBD", "NNP", "CC", "NNP", "IN", "NNP", "."],
        ["rebel", "take", "Herat", "and", "Ghazni", "on", "Friday", "."],
        ["O", "O", "B-GPE", "O", "B-GPE", "O", "B-DATE", "O"],
    )
    (frame,) = extract_frames(doc, triggers=[Trig(1, 2, 1, "Capture")])
    assert texts(frame.agents) == ["Rebels"]
    assert texts(frame.places) == ["Herat", "Ghazni"]
    assert frame.targets == ()
    assert [(m.text, m.lemma, m.start) for m in frame.times] == [("Friday", "on", doc[6].idx)]


def test_roles_deployment_destination_hung_on_the_forces_phrase_on_built_doc() -> None:
    """ "sent a unit of the 9th Brigade to Ubari" with "to Ubari" parsed under "Brigade": still where the
    unit was sent; for a class that moves no forces the stray phrase is not its place."""
    doc = built(
        ["Libya", "sent", "a", "unit", "of", "the", "9th", "Brigade", "to", "Ubari", "."],
        [1, 1, 3, 1, 3, 7, 7, 4, 7, 8, 1],
        ["nsubj", "ROOT", "det", "dobj", "prep", "det", "amod", "pobj", "prep", "pobj", "punct"],
        ["PROPN", "VERB", "DET", "NOUN", "ADP", "DET", "ADJ", "PROPN", "ADP", "PROPN", "PUNCT"],
        ["NNP", "VBD", "DT", "NN", "IN", "DT", "JJ", "NNP", "IN", "NNP", "."],
        ["Libya", "send", "a", "unit", "of", "the", "9th", "Brigade", "to", "Ubari", "."],
        ["B-GPE", "O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "B-GPE", "O"],
    )
    (frame,) = extract_frames(doc, triggers=[Trig(1, 2, 1, "Deployment")])
    assert texts(frame.places) == ["Ubari"]
    (frame,) = extract_frames(doc, triggers=[Trig(1, 2, 1, "Consult")])
    assert texts(frame.places) == []


def test_roles_passive_subject_is_target_and_by_phrase_is_agent() -> None:
    doc = built(
        ["Civilians", "were", "killed", "by", "militias", "in", "Gao", "."],
        [2, 2, 2, 2, 3, 2, 5, 2],
        ["nsubjpass", "auxpass", "ROOT", "agent", "pobj", "prep", "pobj", "punct"],
        ["NOUN", "AUX", "VERB", "ADP", "NOUN", "ADP", "PROPN", "PUNCT"],
        ["NNS", "VBD", "VBN", "IN", "NNS", "IN", "NNP", "."],
        ["civilian", "be", "kill", "by", "militia", "in", "Gao", "."],
        ["O", "O", "O", "O", "O", "O", "B-GPE", "O"],
    )
    (frame,) = extract_frames(doc, triggers=[Trig(2, 3, 2, "Killing")])
    assert texts(frame.agents) == ["militias"]
    assert texts(frame.targets) == ["Civilians"]
    assert texts(frame.places) == ["Gao"]
    assert frame.targets[0].label == "NP" and frame.targets[0].lemma == "civilian"


def test_roles_nominal_of_object_is_place_and_articles_are_dropped() -> None:
    doc = built(
        ["the", "fall", "of", "the", "town", "of", "Kidal"],
        [1, 1, 1, 4, 2, 4, 5],
        ["det", "ROOT", "prep", "det", "pobj", "prep", "pobj"],
        ["DET", "NOUN", "ADP", "DET", "NOUN", "ADP", "PROPN"],
        ["DT", "NN", "IN", "DT", "NN", "IN", "NNP"],
        ["the", "fall", "of", "the", "town", "of", "Kidal"],
        ["O", "O", "O", "O", "O", "O", "B-GPE"],
    )
    (frame,) = extract_frames(doc, triggers=[Trig(1, 2, 1, "Capture")])
    assert texts(frame.places) == ["Kidal"]
    assert frame.places[0].label == "GPE"


def test_roles_one_frame_per_head_keeps_longest_trigger_sorted() -> None:
    doc = built(
        ["Troops", "took", "control", "of", "Kabul", "and", "attacked", "."],
        [1, 1, 1, 1, 3, 1, 1, 1],
        ["nsubj", "ROOT", "dobj", "prep", "pobj", "cc", "conj", "punct"],
        ["NOUN", "VERB", "NOUN", "ADP", "PROPN", "CCONJ", "VERB", "PUNCT"],
        ["NNS", "VBD", "NN", "IN", "NNP", "CC", "VBD", "."],
        ["troop", "take", "control", "of", "Kabul", "and", "attack", "."],
        ["O", "O", "O", "O", "B-GPE", "O", "O", "O"],
    )
    frames = extract_frames(
        doc, triggers=[Trig(6, 7, 6, "Assault"), Trig(1, 2, 1, "Capture"), Trig(1, 4, 1, "Capture")]
    )
    assert [f.trigger.text for f in frames] == ["took control of", "attacked"]
    assert texts(frames[0].places) == ["Kabul"]
    assert texts(frames[1].agents) == ["Troops"]  # shared subject of the coordinated verb


@pytest.mark.model
def test_roles_any_token_any_class_gives_consistent_mentions(nlp: Language) -> None:
    """Robustness: a trigger on every token, classes cycling through the ontology, never breaks offsets."""
    from kg.namespaces import EVENT_CLASSES

    doc = nlp("\n\n".join(row[0] for row in ROLE_TABLE) + " “It fell ,“ he said. 'No,' said a spokesman.")
    classes = sorted(EVENT_CLASSES)
    triggers = [Trig(t.i, t.i + 1, t.i, classes[t.i % len(classes)]) for t in doc if not t.is_space]
    frames = extract_frames(doc, triggers=triggers)
    assert len(frames) == len(triggers)  # hand-placed triggers: one frame each
    for frame in frames:
        assert doc.text[frame.sentence_start :].startswith(frame.sentence)
        mentions = [frame.trigger, *frame.agents, *frame.targets, *frame.places, *frame.times]
        mentions += [frame.reported_by] if frame.reported_by else []
        for m in mentions:
            assert m.text and m.text == m.text.strip() and doc.text[m.start : m.end] == m.text
        inside = [frame.trigger, *frame.targets, *frame.places, *frame.times]
        inside += [] if frame.agent_inherited else list(frame.agents)
        inside += [frame.reported_by] if frame.reported_by else []
        for m in inside:
            assert frame.sentence_start <= m.start and m.end <= frame.sentence_start + len(frame.sentence)


@pytest.mark.model
def test_roles_frames_survive_doc_serialisation(nlp: Language) -> None:
    """``doc._.event_frames`` round-trips through Doc.to_bytes (what nlp.pipe(n_process>1) does)."""
    doc = nlp("Rebel fighters seized the town of Kidal on Sunday, a spokesman said.")
    tok = next(t for t in doc if t.text == "seized")
    frames = extract_frames(doc, triggers=[Trig(tok.i, tok.i + 1, tok.i, "Capture")])
    doc._.event_frames = frames
    copy = Doc(doc.vocab).from_bytes(doc.to_bytes())
    assert copy._.event_frames == frames
    assert isinstance(copy._.event_frames[0].agents, tuple) and copy._.event_frames[0].reported_by is not None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a definite event noun with nothing of its own names an event already told
        ("Gunmen killed five villagers in Gao on Monday. The governor condemned the killings.",
         ["Killing", "Accuse"]),
        # ... and an act a condemnation names as known is what is condemned, even with a place of its own
        ("The governor condemned the killings.", ["Accuse"]),
        ("Gunmen killed five villagers on Monday. The governor condemned the attack on Gao.",
         ["Killing", "Accuse"]),
        # ... but not one told as new, or named as known by another verb with a place of its own
        ("Gunmen killed five villagers on Monday. The governor condemned an attack on Gao.",
         ["Killing", "Accuse", "Assault"]),
        ("Gunmen killed five villagers on Monday. Residents described the attack on Gao.",
         ["Killing", "Assault"]),
        # ... a day named as the possessor identifies the event told
        ("Gunmen overran a base in Galcad on Sunday. Ten soldiers were killed in Sunday's attack.",
         ["Capture", "Killing"]),
        # ... a place named before is no place of its own
        ("Gunmen killed five villagers in Gao on Monday. The governor condemned the killings in Gao.",
         ["Killing", "Accuse"]),
        # ... nor is the date of the clause it sits in, but one of its own clause is
        ("Gunmen attacked Gao on Monday. Families fled the town on Tuesday as the fighting drew closer.",
         ["Assault", "Displacement"]),
        ("Gunmen attacked Gao on Monday. The fighting resumed on Tuesday.", ["Assault", "ArmedClash"]),
        # the doers an attack told before is named by, telling how it went, retell it
        ("Gunmen attacked a checkpoint near Mopti on Monday. The attackers arrived at dawn and opened fire "
         "on the guards.", ["Assault"]),
        # ... but not an act with a new place, nor after a killing alone, nor an act "also" done
        ("Gunmen attacked a checkpoint near Mopti on Monday. The attackers then set fire to a clinic in "
         "the village of Sofara.", ["Assault", "Assault"]),
        ("Gunmen killed nine villagers in Sofara on Monday. The attackers set fire to the market.",
         ["Killing", "Assault"]),
        ("Gunmen attacked a checkpoint near Mopti on Monday. The attackers also burned a truck.",
         ["Assault", "Assault"]),
    ],
)  # fmt: skip
def test_roles_anaphoric_event_nouns_are_not_new_events(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert [f.event_class for f in extract_frames(nlp(text))] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word", "places"),
    [
        # an event noun inside another event's clause happened where that event did
        ("The rebels took Kidal after weeks of fighting.", "fighting", ["Kidal"]),
        ("Gunmen attacked Baidoa on Monday, and fighting went on until dawn.", "fighting", ["Baidoa"]),
        # an event without a place takes the place of its "when" clause
        ("Six soldiers were killed when their truck was ambushed near Gao.", "killed", ["Gao"]),
        # no event to take a place from: none
        ("Fighting went on until dawn.", "Fighting", []),
    ],
)  # fmt: skip
def test_roles_setting_from_the_clause_around(nlp: Language, text: str, word: str, places: list[str]) -> None:
    frames = [f for f in extract_frames(nlp(text)) if f.trigger.text == word]
    assert len(frames) == 1 and texts(frames[0].places) == places


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "agents", "places"),
    [
        ("Herat fell to the insurgents on Friday.", ["insurgents"], ["Herat"]),
        ("Kunduz, where fighting raged for days, fell to the Taliban.", ["Taliban"], ["Kunduz"]),
        ("The town fell to the rebels.", ["rebels"], ["town"]),
    ],
)
def test_roles_fall_to_as_one_trigger_keeps_the_taker_as_agent(
    nlp: Language, sentence: str, agents: list[str], places: list[str]
) -> None:
    """ "fell to" matched as one two-word trigger: the object of its "to" is the taker, the subject the
    place taken (not an agent acting on a target)."""
    doc = nlp(sentence)
    fell = next(t for t in doc if t.text == "fell")
    (frame,) = extract_frames(doc, "t", triggers=[Trig(fell.i, fell.i + 2, fell.i, "Capture")])
    assert (texts(frame.agents), texts(frame.targets), texts(frame.places)) == (agents, [], places)


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "cls", "targets", "places"),
    [
        # a state sanctioned, accused or threatened is a target, not where the event happened
        ("West African states imposed sanctions on Niger.", "Sanction", ["Niger"], []),
        ("The European Union suspended budget support to Mali.", "Sanction", ["budget support", "Mali"], []),
        ("Kenya accused Uganda on Monday.", "Accuse", ["Uganda"], []),
        # ... while a place force is used on is both
        ("Houthi fighters attacked Jizan on Monday.", "Assault", ["Jizan"], ["Jizan"]),
        # drones doing it make it an air strike, whose object is where it struck
        ("Houthi drones attacked Jizan on Monday.", "AirStrike", [], ["Jizan"]),
    ],
)
def test_roles_named_state_is_target_and_place_only_under_force(
    nlp: Language, sentence: str, cls: str, targets: list[str], places: list[str]
) -> None:
    (frame,) = nlp(sentence)._.event_frames
    assert (frame.event_class, texts(frame.targets), texts(frame.places)) == (cls, targets, places)


@pytest.mark.model
def test_roles_event_noun_after_an_event_of_its_category_shares_its_agent(nlp: Language) -> None:
    """ "captured by X after a siege": X besieged the town; "an air strike ... that killed": whoever
    carried the strike out killed."""
    frames = nlp(
        "The town of Hpakant was captured by the rebels on Saturday after a month-long siege."
    )._.event_frames
    assert [(f.event_class, texts(f.agents), texts(f.places)) for f in frames] == [
        ("Capture", ["rebels"], ["Hpakant"]),
        ("Siege", ["rebels"], ["Hpakant"]),
    ]
    frames = nlp("The army carried out an air strike near Jilib that killed three commanders.")._.event_frames
    assert [texts(f.agents) for f in frames] == [["army"], ["army"]]


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "word", "cls", "times"),
    [
        # a date the parser hung on an apposition of the target
        ("Gunmen abducted 11 people, four of them women, from Ldamang overnight on Monday.", "abducted",
         "Abduction", [("Monday", "on")]),
        # a date coordinated with a part of the day
        ("Russian forces shelled Kherson overnight and on Wednesday.", "shelled", "Shelling",
         [("Wednesday", "on")]),
        # ... or deeper down the place phrases of that apposition
        ("Troops killed six fighters, two of them women, in a forest near the village of Gudra in Bijapur "
         "district on Sunday, police said.", "killed", "Killing", [("Sunday", "on")]),
        # ... or on a participle modifying an argument
        ("Gunmen ambushed a convoy of lorries carrying flour to Parachinar near the village of Sadda on "
         "Friday, officials said.", "ambushed", "Assault", [("Friday", "on")]),
        ("The militants ambushed a convoy of tankers escorted by soldiers about 30 km north of the town on "
         "Monday, according to a monitor.", "ambushed", "Assault", [("Monday", "on")]),
        # a coordinated verb's date before that of the reporting clause
        ("Gunmen killed four farmers and abducted nine people near Beni at the weekend, a rights group said "
         "on Monday.", "killed", "Killing", [("the weekend", "at")]),
        # ... or deeper down the coordinated verb's place phrases
        ("Armed men killed nine people and abducted six children in the villages of Ukuna and Pilual in "
         "Ethiopia's Gambella region on Saturday, regional officials said.", "killed", "Killing",
         [("Saturday", "on")]),
        # a date the parser hung on the trigger's own preposition
        ("Somali troops and clan fighters recaptured the village of Moqokori, in the Hiraan region, from "
         "al-Shabaab on Saturday, the regional administration said.", "recaptured", "Capture",
         [("Saturday", "on")]),
        # a date the parser made a modifier of the subject
        ("On Tuesday security forces detained at least a dozen men from the village.", "detained", "Arrest",
         [("Tuesday", "on")]),
        ("On Friday rebels attacked an army post near Goma.", "attacked", "Assault", [("Friday", "on")]),
        # ... or a compound of the subject with no preposition
        ("The protest was peaceful. Last month gunmen abducted a member of the city council outside his "
         "home; his family says he is still missing.", "abducted", "Abduction", [("Last month", "")]),
        # a clause misread as a participle takes the date of the clause its subject governs
        ("Armed men on motorbikes killed at least 17 civilians in the village of Kolongo, in central Mali's "
         "Segou region, on Tuesday, a local official said.", "killed", "Killing", [("Tuesday", "on")]),
        # a date hung between the reporting verb and the reported clause's subject is the saying's, the
        # clause's only when it has none of its own
        ("The army said on Thursday it had repelled an attack on the town of El Fau on Wednesday.",
         "repelled", "ArmedClash", [("Wednesday", "on")]),
        ("The army said on Thursday it had repelled an attack on the town of El Fau.", "repelled",
         "ArmedClash", [("Thursday", "on")]),
        # ... also when the parser hung the clause's own date on its object
        ("South Sudan's army said on Wednesday it had recaptured Pieri, a town in Jonglei state's Uror "
         "county, from SPLA-IO rebels on Tuesday after two days of fighting.", "recaptured", "Capture",
         [("Tuesday", "on")]),
        # a length of time an activity lasted is no date of the event
        ("The army said it had recaptured Pieri on Tuesday after two days of fighting.", "recaptured",
         "Capture", [("Tuesday", "on")]),
        ("Troops retook the town after a week of clashes.", "retook", "Capture", []),
        # a distance between two events dates neither by itself
        ("The strike came a day after rebels overran a police post.", "overran", "Capture", []),
    ],
)  # fmt: skip
def test_roles_times_hung_on_appositions_and_parts_of_the_day(
    nlp: Language, sentence: str, word: str, cls: str, times: list[tuple[str, str]]
) -> None:
    frame = frame_at(nlp(sentence), word, cls)
    assert [(m.text, m.lemma) for m in frame.times if m.text != "overnight"] == times


@pytest.mark.model
def test_roles_a_killing_takes_time_and_doer_of_the_use_of_force_it_happened_with(nlp: Language) -> None:
    text = "At least three farmers were killed when Taliban fighters opened fire on a crowd on Tuesday."
    doc = nlp(text)
    killed = next(f for f in extract_frames(doc) if f.event_class == "Killing")
    assert [m.text for m in killed.times] == ["Tuesday"]
    assert [m.text for m in killed.agents] == ["Taliban fighters"]
    # "after" tells where, not when
    doc = nlp("Two soldiers were killed after rebels attacked a base on Tuesday.")
    assert next(f for f in extract_frames(doc) if f.event_class == "Killing").times == ()


@pytest.mark.model
def test_roles_killing_and_the_event_it_happened_in_share_setting_and_doer(nlp: Language) -> None:
    frames = extract_frames(nlp("Israeli forces killed three men during a raid on Qabatiya on Wednesday."))
    killing, raid = (next(f for f in frames if f.event_class == c) for c in ("Killing", "Assault"))
    assert [m.text for m in raid.agents] == [m.text for m in killing.agents] == ["Israeli forces"]
    assert [m.text for m in killing.times] == [m.text for m in raid.times] == ["Wednesday"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word", "cls", "agents", "times"),
    [
        # a dateline's city and day are no role or time of the story's events
        ("TRIPOLI, May 3 — Militias clashed in Gharyan on Tuesday, killing four people, the council said.",
         "killing", "Killing", ["Militias"], ["Tuesday"]),
        ("HERAT, Afghanistan, May 3 — Insurgents attacked a checkpoint on Tuesday.", "attacked", "Assault",
         ["Insurgents"], ["Tuesday"]),
        # a city in capitals with its country; the subject parsed in apposition to the city
        ("GAO, Mali — Gunmen attacked a convoy on Tuesday.", "attacked", "Assault", ["Gunmen"], ["Tuesday"]),
        ("GOMA — Fighters of the Kata militia attacked a camp on Tuesday.", "attacked", "Assault",
         ["Fighters of the Kata militia"], ["Tuesday"]),
        # a long dateline: a country of three words and an abbreviated month; a nine-word name whole
        ("BANGUI, Central African Republic, Feb. 14 — Fighters of the Popular Front for the Rebirth of "
         "Central Africa took control of the town on Saturday.", "took", "Capture",
         ["Fighters of the Popular Front for the Rebirth of Central Africa"], ["Saturday"]),
        ("PORT-AU-PRINCE, Haiti, April 9 — Gang members raided the village of Furcy on Monday.", "raided",
         "Assault", ["Gang members"], ["Monday"]),
        # the subject parsed as a conjunct of the dateline's date
        ("GIMBI, Ethiopia, Dec 7 — Fighters of the Oromo Liberation Army (OLA) abducted 17 bus passengers on "
         "Monday, officials said.", "abducted", "Abduction", ["Fighters of the Oromo Liberation Army"],
         ["Monday"]),
        # an opening event the parser hung on the city, its date on the saying before the sayer
        ("GONDAR, Ethiopia, May 3 — A drone strike killed at least nine people at a bus station in Dabat, a "
         "town in the zone, on Friday, two residents said.", "killed", "Killing", ["drone strike"],
         ["Friday"]),
        # ... also when the saying has a date of its own after it
        ("ASOSA, Ethiopia, January 14 — Armed men killed at least 30 people in an attack on Dangur, a "
         "village in the Bulen district of the Metekel zone, on Tuesday, the rights commission said on "
         "Thursday.",
         "killed", "Killing", ["Armed men"], ["Tuesday"]),
        # a hyphen is no dateline's dash
        ("The RSF announced a three-day ceasefire on Monday.", "announced", "Ceasefire", ["RSF"],
         ["Monday"]),
    ],
)  # fmt: skip
def test_roles_dateline_is_no_role_or_time(
    nlp: Language, text: str, word: str, cls: str, agents: list[str], times: list[str]
) -> None:
    frame = frame_at(nlp(text), word, cls)
    assert texts(frame.agents) == agents
    assert texts(frame.times) == times


# sentence, trigger word, class, the times found away from the trigger's own phrases
TIME_TABLE = [
    # a date the parser hung down an object's appositions
    ("The military sent 200 extra troops to Kenyam, the regency seat, the following day.", "sent",
     "Deployment", ["the following day"]),
    # an event noun's own participle holds its time
    ("The convoy broke a siege imposed by jihadists since June.", "siege", "Siege", ["June"]),
    # ... and so does a relative clause of onset on it
    ("The capital has seen protests that began in March 2022 over fuel prices.", "protests", "Protest",
     ["March 2022"]),
    # ... also when the parser hung that clause on the side the fighting was with
    ("Rebels seized a hilltop west of the city on Sunday after clashes with government forces that began "
     "on Friday.", "clashes", "ArmedClash", ["Friday"]),
    # ... not a clause the side did something in
    ("Rebels seized a hilltop on Sunday after clashes with government forces that arrived on Friday.",
     "clashes", "ArmedClash", ["Sunday"]),
    # an adjective participle the parser read as a verb ("surrounding" a clause) holds no time of its own
    ("Syrian warplanes struck the town of Ariha and surrounding villages on Wednesday, killing at least "
     "nine civilians.", "struck", "AirStrike", ["Wednesday"]),
    # the opening noun the parser hung on the dateline's city holds the time of the event below it
    ("GENEINA, Sudan, May 9 — Armed men backed by the paramilitary Rapid Support Forces stormed the "
     "Jebel district of Kereinik, the main town of the area, on Tuesday, killing dozens of residents, "
     "witnesses said.", "stormed", "Assault", ["Tuesday"]),
    # a date hung at the end of the place phrases of the verb an event noun is the object of
    ("The Israeli army carried out a drone strike on a car near the village of Kfar Kila in south Lebanon's "
     "Marjayoun district on Tuesday, killing two Hezbollah members, a Lebanese security source said.",
     "strike", "AirStrike", ["Tuesday"]),
    # the time of a "when" clause that tells no event of its own
    ("Soldiers shot dead four of the militiamen when they returned to the village the next morning.",
     "shot", "Killing", ["the next morning"]),
    # a relative clause on a date tells what happened then
    ("The road has been closed since July, when militants blew up a bridge near Titao.", "blew",
     "Bombing", ["July"]),
    ("The town has been calm since March 3, when the rebels withdrew.", "withdrew", "Withdrawal",
     ["March 3"]),
    # ... wherever the parser hangs the clause (here on the saying after it)
    ("Some 600 people have fled their farms since Sunday, when fighting broke out between two armed "
     "groups, the ombudsman said on Thursday.", "fighting", "ArmedClash", ["Sunday"]),
    # ... not a clause on another noun
    ("The road has been closed since the day militants blew up a bridge.", "blew", "Bombing", []),
    # a weekday naming an occasion the event happened during or at
    ("A grenade exploded outside a mosque in Mazar-i-Sharif during Friday prayers.", "exploded",
     "Bombing", ["Friday"]),
    ("Gunmen opened fire on worshippers at Sunday mass in Owo.", "opened", "ArmedClash", ["Sunday"]),
    ("Gunmen opened fire on worshippers at a church in Owo.", "opened", "ArmedClash", []),
]  # fmt: skip


@pytest.mark.model
@pytest.mark.parametrize(("text", "word", "cls", "times"), TIME_TABLE, ids=[r[0][:40] for r in TIME_TABLE])
def test_roles_times_hung_away_from_the_trigger(
    nlp: Language, text: str, word: str, cls: str, times: list[str]
) -> None:
    """Dates down appositions, on an event noun's own clauses, of "when" clauses and clauses on a date,
    and weekdays of occasions."""
    assert texts(frame_at(nlp(text), word, cls).times) == times


@pytest.mark.model
def test_roles_present_participle_event_on_the_object_lends_its_time(nlp: Language) -> None:
    """ "struck fighters fleeing the area on Tuesday": the fleeing is an event of its own, found by the
    lexicon, and still says when the strike happened (not the time of the clause coordinated before)."""
    doc = nlp(
        "The army said its troops had repelled an assault by the same group on a police post in nearby Dori "
        "on Monday night, and that a helicopter gunship struck fighters fleeing the area on Tuesday."
    )
    frames = {f.trigger.text: f for f in doc._.event_frames}
    assert frames["fleeing"].event_class == "Displacement"  # an event of its own
    assert texts(frames["struck"].times) == ["Tuesday"]


@pytest.mark.model
def test_roles_dateline_cache_survives_doc_serialisation(nlp: Language) -> None:
    """What the dateline test keeps on the Doc serialises with it (nlp.pipe(n_process>1) does so)."""
    doc = nlp("KABUL, May 3 — Insurgents attacked a checkpoint on Tuesday.")
    frames = extract_frames(doc)
    copy = Doc(doc.vocab).from_bytes(doc.to_bytes())
    assert [f.event_class for f in extract_frames(copy)] == [f.event_class for f in frames] == ["Assault"]
    assert texts(frames[0].agents) == ["Insurgents"]


@pytest.mark.model
def test_roles_event_frames_read_back_from_a_live_doc(nlp: Language) -> None:
    """A live Doc gives back the frames set on it (a fresh list each time), and what was set last."""
    doc = nlp("Rebel fighters seized the town of Kidal on Sunday.")
    frames = doc._.event_frames
    assert frames and frames == doc._.event_frames and frames is not doc._.event_frames
    assert frames == Doc(doc.vocab).from_bytes(doc.to_bytes())._.event_frames
    doc._.event_frames = frames[:0]
    assert doc._.event_frames == []
