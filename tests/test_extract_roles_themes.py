"""Themes and instruments are no targets; a nominal event's ``by`` phrase is its agent.

Triggers are placed by hand (the first token whose text equals the trigger word), so these tables test
role finding independently of the trigger lexicon. Sentences are written for these tests.
"""

from __future__ import annotations

import pytest
from roles_support import frame_at
from spacy.language import Language

from kg.extract import extract_frames
from kg.extract.triggers import TriggerMatch as Trig

# sentence, trigger word, class, agents, targets
THEME_TABLE = [
    # the forces a deployment or withdrawal moves are its theme, not a target
    ("Moldova deployed 1,500 troops to the eastern border.", "deployed", "Deployment", ["Moldova"], []),
    ("The ministry sent reinforcements to the southern districts.", "sent", "Deployment", ["ministry"], []),
    ("Paris said it would send 800 soldiers to Chad.", "send", "Deployment", ["it"], []),
    ("The Taliban sent several hundred fighters to Darayim district.", "sent", "Deployment", ["Taliban"], []),
    ("Ukraine withdrew its forces from Soledar.", "withdrew", "Withdrawal", ["Ukraine"], []),
    ("The navy moved two warships and a submarine to the strait.", "moved", "Deployment", ["navy"], []),
    # a passive with no "by" phrase: the moved forces stand for whoever sent them
    ("Dozens of police officers were deployed to the stadium.", "deployed", "Deployment",
     ["Dozens of police officers"], []),
    ("Troops were sent to the border by the junta.", "sent", "Deployment", ["junta"], []),
    # ... peacekeepers sent too (peacekeeping is Aid)
    ("African Union peacekeepers were deployed to the village on Monday.", "deployed", "Aid",
     ["African Union peacekeepers"], []),
    # ... but whom a show of force is aimed at is a target
    ("The junta deployed troops against the separatists.", "deployed", "Deployment", ["junta"],
     ["separatists"]),
    ("Norway mobilized reservists for a possible conflict against Russia.", "mobilized", "Mobilize",
     ["Norway"], ["Russia"]),
    # ... and a hostile act's object stays a target
    ("Militants attacked 40 soldiers near the dam.", "attacked", "Assault", ["Militants"], ["40 soldiers"]),
    # an instrument is never a target or an agent
    ("The junta threatened to crush the strike with force.", "threatened", "Threaten", ["junta"], []),
    ("Riot police used force to disperse the students.", "disperse", "Coerce", ["Riot police"],
     ["students"]),
    # a threat aimed at an event is aimed at whoever made it
    ("Manila threatened to respond with force to naval patrols by China and Vietnam.", "threatened",
     "Threaten", ["Manila"], ["China", "Vietnam"]),
    ("Tehran warned it would answer any strike by Israel.", "warned", "Threaten", ["Tehran"], ["Israel"]),
    ("Beijing threatened to retaliate against the tariffs imposed by Canada.", "threatened", "Threaten",
     ["Beijing"], ["Canada"]),
    # ... but a threat at a thing nobody is named for has no target
    ("The governor threatened to respond with force to the riots.", "threatened", "Threaten",
     ["governor"], []),
    # ... and a force that is a party is still one
    ("The junta threatened to cut ties with the African Union.", "threatened", "Threaten", ["junta"],
     ["African Union"]),
]  # fmt: skip


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "word", "cls", "agents", "targets"), THEME_TABLE, ids=[r[0][:40] for r in THEME_TABLE]
)
def test_roles_themes_and_instruments_are_no_targets(
    nlp: Language, sentence: str, word: str, cls: str, agents: list[str], targets: list[str]
) -> None:
    frame = frame_at(nlp(sentence), word, cls)
    assert [m.text for m in frame.agents] == agents
    assert [m.text for m in frame.targets] == targets


# sentence, trigger word, class, agents, targets: who made an event noun
BY_TABLE = [
    # a nominal event's "by" phrase, also one the parser hung on the verb after it, is its agent
    ("Ankara condemned joint exercises by Greece and France.", "exercises", "Cooperate", ["Greece", "France"],
     []),
    ("The shelling of Mariupol by Russian artillery units continued.", "shelling", "Shelling",
     ["Russian artillery units"], []),
    ("Reporters saw the bombing of a mosque by jets.", "bombing", "AirStrike", ["jets"], []),
    # ... and a hostile one's target hung on that agent; a bare means phrase is none
    ("Officials condemned the raid by soldiers on a clinic.", "raid", "Assault", ["soldiers"], ["clinic"]),
    ("A raid by gunmen on horseback killed nine herders.", "raid", "Assault", ["gunmen"], []),
    # whoever made the event a hostile act is aimed at is a target too
    ("Officials condemned the raid by soldiers on a clinic.", "condemned", "Accuse", ["Officials"],
     ["raid", "soldiers"]),
    # a subject naming an event stands for whoever made it ("an ambush by X killed ...")
    ("An ambush by the insurgents on the road killed six soldiers.", "killed", "Killing", ["insurgents"],
     ["six soldiers"]),
    # ... but an actor noun's possessor is no stand-in, and a subject without a by phrase stays
    ("The opposition condemned the raid by police.", "condemned", "Accuse", ["opposition"],
     ["raid", "police"]),
    ("A roadside bomb killed two police officers.", "killed", "Killing", ["roadside bomb"],
     ["two police officers"]),
]  # fmt: skip


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "word", "cls", "agents", "targets"), BY_TABLE, ids=[r[0][:40] for r in BY_TABLE]
)
def test_roles_event_noun_by_agents(
    nlp: Language, sentence: str, word: str, cls: str, agents: list[str], targets: list[str]
) -> None:
    frame = frame_at(nlp(sentence), word, cls)
    assert [m.text for m in frame.agents] == agents
    assert [m.text for m in frame.targets] == targets


@pytest.mark.model
def test_roles_moved_troops_still_counted(nlp: Language) -> None:
    doc = nlp("Moldova deployed 1,500 troops to the eastern border.")
    tok = next(t for t in doc if t.text == "deployed")
    (frame,) = extract_frames(doc, "t", triggers=[Trig(tok.i, tok.i + 1, tok.i, "Deployment")])
    assert [(q.kind, q.value) for q in frame.quantities] == [("troops", 1500)]
