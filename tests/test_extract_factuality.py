"""Negation, modality, attribution and quantities of hand-placed triggers.

Sentences are written for these tests."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract import extract_frames
from kg.extract.factuality import quoted_ranges
from kg.extract.quantities import parse_number
from kg.extract.triggers import TriggerMatch as Trig
from kg.model import EventFrame


def frame_at(doc: Doc, word: str, event_class: str) -> EventFrame:
    tok = next(t for t in doc if t.text == word)
    (frame,) = extract_frames(doc, triggers=[Trig(tok.i, tok.i + 1, tok.i, event_class)])
    return frame


# sentence, trigger word, class, negated, hypothetical, reported_by text (or None)
FACTUALITY_TABLE = [
    ("The rebels did not attack the convoy.", "attack", "Assault", True, False, None),
    ("Troops never shelled the town, the ministry said.", "shelled", "Shelling", True, False, "ministry"),
    ("The government denied that its jets bombed the village.", "bombed", "Bombing", True, False,
     "government"),
    ("The army failed to retake the town.", "retake", "Capture", True, False, None),
    # deliveries a blockade cuts off do not happen
    ("Soldiers closed the roads, cutting off food deliveries to the camps.", "deliveries", "Aid", True, False,
     None),
    # a party that is none: "no" on the subject or the object
    ("No federal troops had been sent to the region.", "sent", "Deployment", True, False, None),
    ("The army sent no reinforcements to the town.", "sent", "Deployment", True, False, None),
    ("No fewer than 20 people were killed.", "killed", "Killing", False, False, None),
    ("The army said none of its soldiers had been killed.", "killed", "Killing", True, False, "army"),
    ("Neither side attacked the town.", "attacked", "Assault", True, False, None),
    ("The militia could seize the bridge within days.", "seize", "Capture", False, True, None),
    ("If talks collapse, the army may launch an offensive.", "offensive", "Assault", False, True, None),
    ("The group threatened to attack the capital.", "attack", "Assault", False, True, None),
    ("The group threatened to attack the capital.", "threatened", "Threaten", False, False, None),
    ("Commanders plan to withdraw their troops from the border.", "withdraw", "Withdrawal", False, True,
     None),
    ("NATO will deploy 4,000 troops to Poland.", "deploy", "Deployment", False, False, None),
    ("Troops launched an operation to retake the town.", "retake", "Capture", False, True, None),
    ("The alliance is ready to deploy troops to the border.", "deploy", "Deployment", False, True, None),
    # people an unreal act would take in flee only there; those an act took in fled
    ("Thailand is ready to receive people fleeing the fighting.", "fleeing", "Displacement", False, True,
     None),
    ("Thailand received thousands of people fleeing the fighting.", "fleeing", "Displacement", False, False,
     None),
    ("The rebels denied the charge and accused the army of shelling.", "accused", "Accuse", False, False,
     None),
    ("The EU called for a ceasefire in the region.", "ceasefire", "Ceasefire", False, True, None),
    ("A police spokesman said gunmen killed three villagers.", "killed", "Killing", False, False,
     "police spokesman"),
    ("“We have taken the airport,” a rebel commander told Reuters.", "taken", "Capture", False, False,
     "rebel commander"),
    ('"The city has been captured," said a military source.', "captured", "Capture", False, False,
     "military source"),
    ("According to local officials, militants burned the market.", "burned", "Assault", False, False,
     "local officials"),
    ("“The soldiers abandoned the base ,“ a local official told AFP on Monday.", "abandoned", "Withdrawal",
     False, False, "local official"),
    ("The insurgents claimed they had captured the governor's compound.", "captured", "Capture", False,
     False, "insurgents"),
    # "without" negates what it takes; an accusation, a charge or an arrest only alleges its reason
    ("The garrison pulled out of the town without a fight.", "fight", "ArmedClash", True, False, None),
    ("The minister accused the militia of attacking the villages.", "attacking", "Assault", False, True,
     None),
    ("Rwanda was accused of backing the rebels.", "backing", "Support", False, True, None),
    ("Police arrested a trader for collaborating with the rebels.", "collaborating", "Cooperate", False,
     True, None),
    ("The guards fought off the attackers for an hour.", "fought", "ArmedClash", False, False, None),
    # a third party denying a charge does not deny that it was made; the accused denying it does
    ("Kenya accused Uganda of arming the rebels, a charge Kampala denies.", "accused", "Accuse", False,
     False, None),
    ("The army denied that it accused the rebels.", "accused", "Accuse", True, False, "army"),
    # acts planned: "planning" read as a compound of the noun, a passive of planning
    ("The man confessed to planning attacks on pilgrims.", "attacks", "Assault", False, True, None),
    ("An attack on the base was being prepared.", "attack", "Assault", False, True, None),
    ("Militants staged attacks on the base.", "attacks", "Assault", False, False, None),
    # a time clause of a modal verb is as unreal as the verb; of a real one, as real
    ("They feared the fighters would return once the troops left.", "left", "Withdrawal", False, True, None),
    ("The rebels withdrew when the army arrived.", "arrived", "Deployment", False, False, None),
    # what an intended act comes after or answers happened; an open one did not
    ("Qatar and Bahrain agreed to reopen embassies after talks in Riyadh.", "talks", "Negotiation", False,
     False, None),
    ("The North threatened to respond with force to the joint drills.", "drills", "Cooperate", False, False,
     None),
    ("The North threatened to respond with force to any drills.", "drills", "Cooperate", False, True, None),
    # a that-clause of a demand envisages its act; a reported one tells it
    ("The council demanded that the army withdraw from the town.", "withdraw", "Withdrawal", False, True,
     None),
    ("Damascus demanded that Israeli forces withdraw.", "withdraw", "Withdrawal", False, True, None),
    ("The governor demanded that more troops be sent to the area.", "sent", "Deployment", False, True, None),
    ("Officials said more troops were sent to the area.", "sent", "Deployment", False, False, "Officials"),
    ("The council said that the army withdrew from the town.", "withdrew", "Withdrawal", False, False,
     "council"),
    # an event noun said to begin only later; one told as begun
    ("Officials said talks would begin next week.", "talks", "Negotiation", False, True, "Officials"),
    ("Mediation by the elders is expected to resume next month.", "Mediation", "Negotiation", False, True,
     None),
    ("Talks are due to start in Doha on Monday.", "Talks", "Negotiation", False, True, None),
    ("Talks began in Doha on Monday.", "Talks", "Negotiation", False, False, None),
    # what talks are held on is their subject, not an event; a proposed act is envisaged, a long-threatened
    # one that was mounted is not
    ("Mediators held talks with both delegations in Cairo on Sunday on a six-week truce and the release of "
     "hostages.", "release",
     "PrisonerRelease", False, True, None),
    ("The two sides held talks on a ceasefire in Geneva.", "ceasefire", "Ceasefire", False, True, None),
    ("The envoy rejected a proposed truce.", "truce", "Ceasefire", True, True, None),
    ("The army mounted its long-threatened offensive on Monday.", "offensive", "Assault", False, False, None),
    # an event noun whose onset is negated did not happen; an act so far not done may be later
    ("Talks with the rebels have not begun.", "Talks", "Negotiation", True, False, None),
    ("The factions have yet to agree on a truce.", "agree", "Agree", False, True, None),
    # an inability is a negation, reaching through the adjective
    ("The agency said it had not been able to deliver food to the camp.", "deliver", "Aid", True, False,
     "agency"),
    ("The convoy was unable to deliver food to the camp.", "deliver", "Aid", True, False, None),
    ("The convoy was able to deliver food to the camp.", "deliver", "Aid", False, False, None),
    # what people are held on suspicion of, or a group is notorious for, is alleged or a record
    ("Police detained six men on suspicion of supporting the rebels.", "supporting", "Support", False, True,
     None),
    ("The group is notorious for kidnappings and extortion.", "kidnappings", "Abduction", False, True, None),
    # what a charge says is alleged, also with "of" read onto the accused ("the army and its allies")
    ("The rebels accused the army and its militia allies of firing on the village.", "firing", "Assault",
     False, True, "rebels"),
    # a causative verb's bare complement is as real as the causing
    ("The rebels said they wanted to let civilians leave the town.", "leave", "Displacement", False, True,
     "rebels"),
    ("The army let residents flee the town on Monday.", "flee", "Displacement", False, False, None),
    ("The army did not let residents leave the town.", "leave", "Displacement", True, False, None),
]  # fmt: skip


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "word", "cls", "negated", "hypothetical", "reporter"),
    FACTUALITY_TABLE,
    ids=[f"{row[1]}:{row[0][:36]}" for row in FACTUALITY_TABLE],
)
def test_factuality_from_parse(
    nlp: Language, sentence: str, word: str, cls: str, negated: bool, hypothetical: bool, reporter: str | None
) -> None:
    frame = frame_at(nlp(sentence), word, cls)
    assert frame.negated is negated
    assert frame.hypothetical is hypothetical
    assert (frame.reported_by.text if frame.reported_by else None) == reporter
    if frame.reported_by is not None:
        assert sentence[frame.reported_by.start : frame.reported_by.end] == reporter


# sentence, trigger word, class, expected (kind, value, qualifier)
QUANTITY_TABLE = [
    ("At least 40 civilians were killed in the bombing.", "killed", "Killing",
     [("fatalities", 40, "at_least")]),
    ("More than 2,000 troops were deployed to the border.", "deployed", "Deployment",
     [("troops", 2000, "at_least")]),
    ("Nearly 1.5 million people have fled the fighting.", "fled", "Displacement",
     [("displaced", 1_500_000, "about")]),
    ("The rebels released twelve prisoners.", "released", "PrisonerRelease", [("prisoners", 12, "exact")]),
    ("Dozens of protesters were arrested.", "arrested", "Arrest", [("prisoners", 24, "at_least")]),
    ("Up to 300 soldiers were wounded.", "wounded", "Assault", [("injuries", 300, "up_to")]),
    ("Militants seized 12 of the 34 districts.", "seized", "Capture", []),
    ("Gunmen killed a dozen villagers.", "killed", "Killing", [("fatalities", 12, "exact")]),
    ("Some 40 fighters were captured near the river.", "captured", "Capture", [("prisoners", 40, "about")]),
    ("The blast killed five soldiers and wounded 14 others.", "wounded", "Assault",
     [("injuries", 14, "exact")]),
    ("Artillery fire hit a market, killing at least 12 people.", "killing", "Killing",
     [("fatalities", 12, "at_least")]),
]  # fmt: skip


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "word", "cls", "expected"), QUANTITY_TABLE, ids=[row[0][:36] for row in QUANTITY_TABLE]
)
def test_factuality_quantities_from_parse(
    nlp: Language, sentence: str, word: str, cls: str, expected: list[tuple[str, int, str]]
) -> None:
    frame = frame_at(nlp(sentence), word, cls)
    assert [(q.kind, q.value, q.qualifier) for q in frame.quantities] == expected
    for q in frame.quantities:
        assert q.text in sentence


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["3,000"], 3000),
        (["1.5", "million"], 1_500_000),
        (["twelve"], 12),
        (["two", "dozen"], 24),
        (["twenty-five"], 25),
        (["hundreds"], 200),
        (["a", "dozen"], 12),
        (["two", "hundred", "thousand"], 200_000),
        (["360,000"], 360_000),
        (["several"], None),
        ([], None),
    ],
)
def test_factuality_parse_number(words: list[str], value: int | None) -> None:
    assert parse_number(words) == value


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('He said "they left" and went.', ["they left"]),
        ("“Kandahar is ours”said a fighter.", ["Kandahar is ours"]),
        ("“We are afraid, “he added.", ["We are afraid, "]),
        ("The spokesman: “the city fell", ["the city fell"]),
        ("No quotes here.", []),
    ],
)
def test_factuality_quoted_ranges(text: str, quoted: list[str]) -> None:
    doc = spacy.blank("en")(text)
    ranges = quoted_ranges(doc[:])
    assert [text[a + 1 : b] for a, b in ranges] == quoted


VOCAB = spacy.blank("en").vocab


@pytest.mark.parametrize(
    ("aux", "negated", "hypothetical"),
    [
        (["will", "not"], True, False),
        (["might"], False, True),
        (["did", "n't"], True, False),
        ([], False, False),
    ],
)
def test_factuality_auxiliaries_on_built_doc(aux: list[str], negated: bool, hypothetical: bool) -> None:
    """Parse-independent: auxiliaries and ``neg`` dependents of the trigger decide the mood."""
    words = ["They", *aux, "attack", "the", "base", "."]
    verb = 1 + len(aux)
    deps = ["nsubj", *["neg" if a in ("not", "n't") else "aux" for a in aux], "ROOT", "det", "dobj", "punct"]
    heads = [verb, *[verb] * len(aux), verb, verb + 2, verb, verb]
    pos = ["PRON", *["PART" if a in ("not", "n't") else "AUX" for a in aux], "VERB", "DET", "NOUN", "PUNCT"]
    tags = ["PRP", *["RB" if a in ("not", "n't") else "MD" for a in aux], "VB", "DT", "NN", "."]
    lemmas = ["they", *aux, "attack", "the", "base", "."]
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    (frame,) = extract_frames(doc, triggers=[Trig(verb, verb + 1, verb, "Assault")])
    assert (frame.negated, frame.hypothetical) == (negated, hypothetical)
    assert [m.text for m in frame.agents] == ["They"] and frame.agents[0].label == "PRON"
    assert [m.text for m in frame.targets] == ["base"]


def test_factuality_inverted_quote_attribution_on_built_doc() -> None:
    """'"..." said a spokesman' where the parser made the speaker an object: still the reporter."""
    words = ["“", "Herat", "fell", "”", "said", "a", "spokesman", "."]
    heads = [4, 2, 4, 4, 4, 6, 4, 4]
    deps = ["punct", "nsubj", "ccomp", "punct", "ROOT", "det", "dobj", "punct"]
    pos = ["PUNCT", "PROPN", "VERB", "PUNCT", "VERB", "DET", "NOUN", "PUNCT"]
    tags = ["``", "NNP", "VBD", "''", "VBD", "DT", "NN", "."]
    lemmas = ["“", "Herat", "fall", "”", "say", "a", "spokesman", "."]
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    (frame,) = extract_frames(doc, triggers=[Trig(2, 3, 2, "Capture")])
    assert frame.reported_by is not None and frame.reported_by.text == "spokesman"
    assert frame.reported_by.lemma == "spokesman"
