"""Places found beyond a trigger's own prepositions, and the text of place and actor mentions.

Triggers are placed by hand (the first token whose text equals the trigger word), so these tables test
role finding independently of the trigger lexicon. Sentences are written for these tests.
"""

from __future__ import annotations

import pytest
from roles_support import frame_at
from spacy.language import Language

from kg.extract import extract_frames
from kg.extract.placenames import reference_point
from kg.extract.triggers import TriggerMatch as Trig

# sentence, trigger word, class, places
PLACE_TABLE = [
    # the place sits inside the phrase of the trigger's own non-place preposition ("in a shootout")
    ("Gunmen killed two guards in a shootout in northern Mali.", "killed", "Killing", ["northern Mali"]),
    ("Jets killed ten villagers in a raid on a hamlet in the eastern province of Kunar.", "killed",
     "Killing", ["Kunar"]),
    ("A reporter was killed in a truck bomb blast near the main square of Mosul.", "killed", "Killing",
     ["Mosul"]),
    # a compound preposition parsed as two words
    ("Two policemen were shot dead outside of the northern city of Kirkuk.", "shot", "Killing", ["Kirkuk"]),
    ("Forty soldiers were flown out of the besieged town of Kidal on Monday.", "flown", "Withdrawal",
     ["Kidal"]),
    # an event noun that is the (counted) object of its verb takes the verb's phrases
    ("Artillery units fired dozens of rockets at positions in Idlib.", "rockets", "Shelling", ["Idlib"]),
    ("Insurgents exploded a series of bombs in the capital Kabul.", "exploded", "Bombing", ["Kabul"]),
    ("Volunteers handed blankets to the Red Cross in Kerman, Iran.", "handed", "Aid", ["Kerman"]),
    # a participle modifying a role: where the party operates
    ("Militias operating in Ituri were disarmed last month.", "disarmed", "Retreat", ["Ituri"]),
    # the place an event noun's clause acts on
    ("The unions called a general strike that paralysed Lagos.", "strike", "Protest", ["Lagos"]),
    ("The explosion rocked central Beirut on Monday.", "explosion", "Bombing", ["central Beirut"]),
    # a town visited is where the visit was (its host, the target, too)
    ("The president visited Beledweyne on Sunday.", "visited", "Consult", ["Beledweyne"]),
    ("The minister visited Bol, the capital of Lac province, on Wednesday.", "visited", "Consult", ["Bol"]),
    # inside an object's phrase
    ("Gunmen killed a village chief and five of his relatives in Gasseliki, a hamlet near the town.",
     "killed", "Killing", ["Gasseliki"]),
    ("The rebels demanded a ceasefire with the army units in eastern Congo.", "demanded", "Request",
     ["eastern Congo"]),
    # a title or a possessor before a proper name is not part of the place's text
    ("Protesters rallied in the capital Nairobi on Tuesday.", "rallied", "Protest", ["Nairobi"]),
    ("Students protested at a university in Kenya's capital Nairobi.", "protested", "Protest", ["Nairobi"]),
    ('Pilgrims gathered in the holy city of Karbala".', "gathered", "Protest", ["Karbala"]),
    # a name the parser made a compound of the direction after it is the place, not the reference point
    ("Gunmen attacked two checkpoints in Nawa district west of the city on Friday.", "attacked", "Assault",
     ["Nawa district"]),
    # a "while" clause with its own subject tells another event, not this one's scene
    ("Drones struck a power plant in the Sumy region overnight, while artillery killed two people in the "
     "town of Nikopol.", "struck", "AirStrike", ["Sumy region"]),
    # any word for a settlement introduces its name
    ("Soldiers shot five prospectors near the oasis of Tarbou on Wednesday.", "shot", "Killing", ["Tarbou"]),
    # ... through an apposition, or a verb's clause hanging from the object
    ("Demonstrators denounced as a crime the army's crackdown on students in Harare.", "denounced", "Accuse",
     ["Harare"]),
    ("The envoy demanded the parties to the dispute in Darfur to accept talks.", "demanded", "Request",
     ["Darfur"]),
    # a governing clause's place phrase sets the scene when it comes first, but a saying after the event
    # tells where it was said
    ("In Kandahar, the Taliban claimed they had attacked two checkpoints.", "attacked", "Assault",
     ["Kandahar"]),
    ("Rebels burned thirty houses in the village, a local chief told reporters in Beni.", "burned",
     "Assault", ["village"]),
    ("Soldiers shot dead two raiders when they came back to the village, the governor said in Kananga.",
     "shot", "Killing", []),
    # a named island the coordinated verb's act happened on, finer than the department it lies in
    ("Jihadists killed three fishermen and abducted two women on Kofia island in Cameroon's Logone-et-Chari "
     "department.", "killed", "Killing", ["Kofia island"]),
    # people named by the place they live in, as a possessor, beside an unnamed refuge
    ("Rebels burned the village of Kanyo. Most of Kanyo's 800 inhabitants have fled to the forest.", "fled",
     "Displacement", ["Kanyo", "forest"]),
    ("Gunmen burned the town of Kawlin. Most of the town's inhabitants had fled to nearby villages.", "fled",
     "Displacement", ["town", "nearby villages"]),
    # the talks a meeting is held for set its scene
    ("The two envoys met for talks in Istanbul last week.", "met", "Negotiation", ["Istanbul"]),
    # the country an agent belongs to, as a last resort, but not when a role names a place
    ("Sudan's army and the rebels agreed to a ceasefire.", "agreed", "Agree", ["Sudan"]),
    ("Kenya's foreign minister visited Ethiopia on Monday.", "visited", "Consult", ["Ethiopia"]),
    # a chain of place nouns down to the place it names, at any depth
    ("Raiders burned homes in the border villages of the eastern district of Paktika.", "burned", "Assault",
     ["Paktika"]),
    ("Militias shelled the frontline trenches of the northern sector of the Marib governorate.", "shelled",
     "Shelling", ["Marib governorate"]),
    # a part of a place stands for the place ("the centre of", "parts of"), but "part of the deal" does not
    ("A car bomb exploded in the centre of Aden on Sunday.", "exploded", "Bombing", ["Aden"]),
    ("Rebel units seized the western half of Tombouctou.", "seized", "Capture", ["Tombouctou"]),
    ("Clashes broke out in the heart of the old city of Sanaa.", "Clashes", "ArmedClash", ["Sanaa"]),
    ("The army withdrew as part of the deal.", "withdrew", "Withdrawal", []),
    # people flee to a name whatever the model tagged it; aid sent to an organisation goes to no place
    ("Thousands of people have fled to Baga Sola since the start of the month.", "fled", "Displacement",
     ["Baga Sola"]),
    ("The government sent aid to the Red Cross.", "sent", "Aid", []),
    # administrative and settlement words of many countries name the place after "of"
    ("Guerrillas set fire to two houses in the hamlet of Versalles.", "set", "Assault", ["Versalles"]),
    ("Gunmen raided a school in the woreda of Gida Ayana.", "raided", "Assault", ["Gida Ayana"]),
    # people counted or named in the plural surrender; they are not the place that does
    ("Eleven Naxalites surrendered to police in Dantewada district.", "surrendered", "Surrender",
     ["Dantewada district"]),
    # moves out of a place take the "from" phrase as their place, whatever their class
    ("Medics evacuated the wounded from Bakhmut overnight.", "evacuated", "Aid", ["Bakhmut"]),
    ("Divers rescued the crew from a ferry off Lampedusa.", "rescued", "Aid", ["ferry", "Lampedusa"]),
    ("Soldiers rescued 12 hostages from a farm near Kaduna.", "rescued", "Aid", ["farm", "Kaduna"]),
    ("Militiamen freed 40 detainees from a jail in the village of Kabeya, in Kasai's Luiza territory.",
     "freed", "PrisonerRelease", ["jail", "Kabeya"]),
    # a relative clause saying what happened at the place it hangs from ("where", "whose <subject>")
    ("The elders of Chora, where rebels burned a school last week, fled to the capital.", "burned",
     "Assault", ["Chora"]),
    ("Militia fighters looted Kalehe, whose residents fled on foot.", "fled", "Displacement", ["Kalehe"]),
    ("The envoy described a process where both sides withdraw their troops.", "withdraw", "Withdrawal", []),
    # a road is where the places it runs between are
    ("Fighters ambushed a military convoy on the road between Madaya and Singu.", "ambushed", "Assault",
     ["Madaya", "Singu"]),
    ("A roadside bomb killed four officers on the road between Milimani and Baure.", "killed", "Killing",
     ["Milimani", "Baure"]),
    # people named by where they live: their home, when the event names no place of its own
    ("Hundreds of residents of Haditha protested on Monday against power cuts.", "protested", "Protest",
     ["Haditha"]),
    ("Residents of Kidal fled to Algeria.", "fled", "Displacement", ["Algeria"]),
    ("Hundreds of residents of Kiwanja, in Congo's Rutshuru territory, marched on Friday.", "marched",
     "Protest", ["Kiwanja"]),
    # nothing spatial: no place
    ("The president of Sudan agreed to hold talks.", "agreed", "Agree", []),
    # the talks an act concludes set its scene ("after"/"following" phrases are otherwise skipped)
    ("Qatar and Bahrain agreed to reopen embassies after talks in Riyadh.", "agreed", "Agree", ["Riyadh"]),
    ("The factions signed a truce following a summit in Addis Ababa.", "signed", "Support",
     ["Addis Ababa"]),
    ("Mali and Niger agreed to a truce after heavy fighting in Gao.", "agreed", "Agree", []),
    ("The rebels withdrew after a battle in Kidal.", "withdrew", "Withdrawal", []),
    ("Police detained the mayor after a meeting in Herat.", "detained", "Arrest", []),
    # a governing clause's province gives way to a place further down its phrases; a district is finer
    # than the state or province it lies in
    ("In the western province of Farah, a bomb hit a minibus in the Bala Buluk district on Monday.",
     "bomb", "Bombing", ["Bala Buluk district"]),
    ("In the western province of Farah, a bomb hit a minibus in the town of Anardara on Monday.",
     "bomb", "Bombing", ["Anardara"]),
    ("In the state of Odisha, police arrested two couriers in Malkangiri district.", "arrested", "Arrest",
     ["Malkangiri district"]),
    ("In the state of Odisha, police arrested two couriers.", "arrested", "Arrest", ["Odisha"]),
    # a name given a place noun in apposition is a place whatever the model tagged it
    ("Rebels shot dead a trader in Bilogai, the main town of the district, on Monday.", "shot", "Killing",
     ["Bilogai"]),
    # the place of a clause saying what was going on at the time
    ("Two soldiers were abducted while patrolling near the hamlet of Puerto Toledo.", "abducted",
     "Abduction", ["Puerto Toledo"]),
    ("Two soldiers were abducted while the convoy waited.", "abducted", "Abduction", []),
    # ... also with "when" as the clause's adverb, and no event in it
    ("A woman was killed when a shell fell on her house in the village of Kamianka.", "killed", "Killing",
     ["Kamianka"]),
    # a participle after an act that is no event of its own: that act's scene, down its phrases
    ("Gunmen burst into a wedding in the village of Tabankort, killing five guests.", "killing",
     "Killing", ["Tabankort"]),
    ("A car bomb went off outside a bank in the town of Baidoa, wounding six people.", "wounding",
     "Assault", ["Baidoa"]),
    ("Gunmen burst into a wedding, killing five guests.", "killing", "Killing", []),
    # a place in a group's name is none of its acts' places
    ("Al-Qaeda in the Arabian Peninsula attacked a checkpoint in the Wadi Omran area on Tuesday.",
     "attacked", "Assault", ["Wadi Omran area"]),
    ("Al-Qaeda in the Arabian Peninsula attacked a checkpoint on Tuesday.", "attacked", "Assault", []),
    # ... spelt otherwise than the actor table, or followed by its acronym in brackets
    ("Al Qaeda in the Arabian Peninsula attacked a checkpoint on Tuesday.", "attacked", "Assault", []),
    ("The Islamic State in West Africa Province (ISWAP) attacked a base on Tuesday.", "attacked",
     "Assault", []),
    ("Rebels in Tigray (TPLF) attacked a base on Tuesday.", "attacked", "Assault", ["Tigray"]),  # an
    # acronym that does not run from the name's first letter to the place's
    # a coordinated act of force's object says where, before the province
    ("Gunmen killed four villagers and abducted 20 people near Nyanzale in North Kivu province.",
     "killed", "Killing", ["Nyanzale"]),
    # a relative clause telling what happened in the event
    ("The raid followed an ambush in which gunmen killed two guards near the town of Hit.", "ambush",
     "Assault", ["Hit"]),
    # a front or state heading an organisation's name is no place
    ("Police arrested a member of the National Liberation Front of Tripura in Agartala.", "arrested",
     "Arrest", ["Agartala"]),
    # ... nor a force, army or party the model tagged as an organisation
    ("The rebels and their allies in the People's Defence Force seized dozens of army outposts.", "seized",
     "Capture", ["dozens of army outposts"]),
    # members of a group are people, whatever the model tagged the group's name
    ("On Sunday soldiers arrested 14 suspected members of Los Chapitos.", "arrested", "Arrest", []),
    # "there" on the trigger's object is where it happened too (resolved to the town named before)
    ("Residents of Fraguas, a hamlet near the mines, said a drone dropped explosives on a house there on "
     "Monday.", "dropped", "AirStrike", ["there"]),
    # a site named across a common noun ("the Kutupalong refugee camp"), kept beside the town it is in
    ("Gunmen shot dead a community leader in the Kutupalong refugee camp in Ukhia on Saturday.", "shot",
     "Killing", ["Kutupalong refugee camp"]),
    # a town the text locates by a larger place, parsed as such
    ("Gunmen abducted the mayor of Danderesso, a rural commune near Sikasso, on Tuesday.", "abducted",
     "Abduction", ["Danderesso", "Sikasso"]),
    # a direction word on a role or object: the name it is measured from, not an anaphor ("the city")
    ("Militants opened fire on a checkpoint south of Bir Gandus on Tuesday.", "opened", "ArmedClash",
     ["checkpoint", "Bir Gandus"]),
    ("Militants opened fire on a checkpoint south of the city on Tuesday.", "opened", "ArmedClash",
     ["checkpoint"]),
    # the weapon or craft an act came from holds where it hit
    ("Soldiers fired rockets from helicopters on the village of Kalama on Friday.", "fired", "Shelling",
     ["Kalama"]),
    ("A gang dropped explosives from drones on the hamlet of Las Palmas on Sunday.", "dropped",
     "AirStrike", ["Las Palmas"]),
    # a relative pronoun object stands for the name it relates to
    ("The army advanced from Kadugli, which it recaptured from the rebels in May.", "recaptured",
     "Capture", ["Kadugli"]),
    ("Rebels shelled Mapokoni, which they have besieged since March.", "besieged", "Siege", ["Mapokoni"]),
    # ... or the name its noun is in apposition to, also with "that" parsed as an adverb
    ("Troops repelled an attack near Verbove, a village that Ukrainian forces retook last September.",
     "retook", "Capture", ["Verbove"]),
    ("Ukrainian troops repelled an attack near Robotyne, a village that Kyiv's forces retook last August, "
     "the military said.", "retook", "Capture", ["Robotyne"]),
    # a name parsed as the modifier of the direction that locates it: the name, for the verb and its conjunct
    ("The paramilitaries overran the village of Umm Sayala west of the city and abducted 20 men.", "overran",
     "Capture", ["Umm Sayala"]),
    ("Gunmen overran the village of Wad Ajab west of the town and abducted 12 farmers.", "abducted",
     "Abduction", ["Wad Ajab"]),
    # a relative clause of place on a place noun in apposition to a name ("Djibo, the ..., where")
    ("Thousands fled to Djibo, the provincial capital, where aid agencies said they had begun distributing "
     "food.", "distributing", "Aid", ["Djibo"]),
    # the control a fight is for is where it was fought
    ("Army troops and rebels fought for control of Akobo County in Jonglei state on Tuesday.", "fought",
     "ArmedClash", ["Akobo County", "Jonglei"]),
    # a place phrase the parser hung on a time phrase of the trigger ("in Tillaberi" on "a.m.")
    ("Police imposed a curfew from 9 p.m. to 5 a.m. in Jos on Monday.", "imposed", "Coerce", ["Jos"]),
    ("Soldiers were sent to Bunia on Tuesday morning.", "sent", "Deployment", ["Bunia"]),  # guard
    ("Troops clashed with the rebels the following day near Kalangala and killed four of them.", "clashed",
     "ArmedClash", ["Kalangala"]),  # ("near" on "day")
    # "on" the rim of a place, for any class (not only acts of force)
    ("Two battalions were deployed on the outskirts of Goma on Friday.", "deployed", "Deployment", ["Goma"]),
    ("About 900 families have fled towards camps on the edge of Bossangoa town, aid agencies said.", "fled",
     "Displacement", ["camps", "Bossangoa town"]),
    ("The ministers agreed on a plan for the border.", "agreed", "Cooperate", []),  # guard: no rim
    # down a noun coordinated with "and" ("his son" of "a member of X and his son"), not a source the parser
    # coordinated without it ("three children, medics in the ... capital said")
    ("A roadside bomb killed a member of a local peace committee and his son in the Mamund area in August.",
     "killed", "Killing", ["Mamund area"]),
    ("The army shelled districts of Kadugli on Tuesday, killing eight people including three children, "
     "medics in the South Kordofan capital said.", "killing", "Killing", []),
    # "beside" is spatial, and the phrase under its object names the place
    ("Insurgents planted a bomb beside a road in Bannang Sata district on Friday.", "planted", "Bombing",
     ["road", "Bannang Sata district"]),
    # the place a verb of arrival it is coordinated with takes
    ("Soldiers reached the village of Kamsar on Monday and arrested 12 suspects.", "arrested", "Arrest",
     ["Kamsar"]),
    ("Troops reached an agreement with the elders and detained six men.", "detained", "Arrest", []),  # guard
    # people who fled a named home left it, wherever they went; others act where the text says
    ("Most residents of Niono fled to Segou, the regional capital, after the attack.", "fled", "Displacement",
     ["Niono", "Segou"]),
    ("Residents of Niono protested in Segou on Monday.", "protested", "Protest", ["Segou"]),  # guard
    # where people left for
    ("Many families have since left for Kousseri, the departmental capital.", "left", "Displacement",
     ["Kousseri"]),
    ("Some 2,000 people fled Damasak for Maiduguri last week.", "fled", "Displacement",
     ["Damasak", "Maiduguri"]),
    ("Thousands of villagers fled for their lives on Sunday.", "fled", "Displacement", []),  # guard
]  # fmt: skip


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "word", "cls", "places"), PLACE_TABLE, ids=[r[0][:40] for r in PLACE_TABLE]
)
def test_roles_places_beyond_own_prepositions(
    nlp: Language, sentence: str, word: str, cls: str, places: list[str]
) -> None:
    frame = frame_at(nlp(sentence), word, cls)
    assert [m.text for m in frame.places] == places
    for m in frame.places:
        assert sentence[m.start : m.end] == m.text


# sentence, (trigger word, class) of two events, the places both end with
SHARED_SETTING_TABLE = [
    # "fighting" hangs from "attacked": it takes the attack's place, Bama (the town, not the state it is
    # in), not Borno alone from the attack's prepositional phrase
    ("Militants attacked the town of Bama in Borno state, and fighting went on all night.",
     (("attacked", "Assault"), ("fighting", "ArmedClash")), "Bama"),
    # "killing" hangs from "bombed": the agent's possessor (South Sudan) is no place of the killing
    ("South Sudan's air force bombed the town of Nasir on Sunday, killing at least 12 people.",
     (("bombed", "Bombing"), ("killing", "Killing")), "Nasir"),
    # an event done during another takes its place
    ("The president condemned the killings during a visit to Bol on Monday.",
     (("condemned", "Accuse"), ("visit", "Consult")), "Bol"),
    # "collaborating" hangs from "arrested" through a preposition, which passes no setting on: the
    # governing clause's own place phrase is used
    ("In Kano, police arrested a trader for collaborating with the rebels.",
     (("arrested", "Arrest"), ("collaborating", "Cooperate")), "Kano"),
    # a place named only as a reference point ("south-west of Mosul") gives way to the "when" clause's
    ("Two soldiers were killed on Monday when a roadside bomb struck their vehicle near the village of Tal "
     "Abta in Nineveh province, south-west of Mosul, a source said.",
     (("killed", "Killing"), ("struck", "Bombing")), "Tal Abta"),
    # an event noun that killed went off where the killing was
    ("A roadside bomb killed two soldiers in Kikuku on Monday.", (("bomb", "Bombing"), ("killed", "Killing")),
     "Kikuku"),
    # ... also when the parser hung the verb on the noun as a participle ("strike [that was] killed") or
    # as a relative clause, and when it wounded
    ("An air strike killed at least nine people in Wadi Korom on Friday, residents said.",
     (("strike", "AirStrike"), ("killed", "Killing")), "Wadi Korom"),
    ("Militants claimed a roadside bomb that wounded four soldiers near the town of Gellab on Tuesday.",
     (("bomb", "Bombing"), ("wounded", "Assault")), "Gellab"),
    # a trailing "when" clause the parser hangs on a gapped participle tells of the first verb too
    ("Three soldiers were killed and five wounded when a roadside bomb exploded beside their patrol near "
     "the village of La Gabarra on Wednesday, the army said.",
     (("killed", "Killing"), ("exploded", "Bombing")), "La Gabarra"),
]  # fmt: skip


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "pair", "place"), SHARED_SETTING_TABLE, ids=[r[0][:40] for r in SHARED_SETTING_TABLE]
)
def test_roles_events_of_one_clause_share_their_setting(
    nlp: Language, sentence: str, pair: tuple[tuple[str, str], ...], place: str
) -> None:
    doc = nlp(sentence)
    tokens = [(next(t for t in doc if t.text == word), cls) for word, cls in pair]
    frames = extract_frames(doc, "t", triggers=[Trig(t.i, t.i + 1, t.i, c) for t, c in tokens])
    assert [[m.text for m in f.places] for f in frames] == [[place], [place]]


# sentence, trigger word, class, agents, targets
ACTOR_TABLE = [
    # an actor noun keeps the phrase saying whose it is, where it comes from, and (agents) where it is
    ("The president of Sudan agreed to hold talks.", "agreed", "Agree", ["president of Sudan"], []),
    ("Supporters of the jailed cleric blocked roads in the capital.", "blocked", "Protest",
     ["Supporters of the jailed cleric"], ["roads"]),
    ("Activists from the banned Freedom Party staged rallies on Sunday.", "rallies", "Protest",
     ["Activists from the banned Freedom Party"], []),
    ("Some 300 miners affiliated with the National Mineworkers Union stopped work.", "stopped", "Protest",
     ["Some 300 miners affiliated with the National Mineworkers Union"], ["work"]),
    ("Demonstrators in Harare blocked a highway.", "blocked", "Protest", ["Demonstrators in Harare"],
     ["highway"]),
    # ... but an object's "in" phrase says where the event happened, and a place noun is no actor
    ("Police arrested the opposition leader in Minsk.", "arrested", "Arrest", ["Police"],
     ["opposition leader"]),
    ("Students protested at a university in Kenya's capital Nairobi.", "protested", "Protest", ["Students"],
     ["university"]),
    # a capitalised plural opening a paragraph after a headline (read as a name) keeps its phrase too
    ("Rebels kill nine near Bossangoa\n\nFighters from the 3R armed group attacked two villages.", "attacked",
     "Assault", ["Fighters from the 3R armed group"], ["two villages"]),
    # an active past conjunct of a passive is done by the passive's subject; a passive participle is not
    ("Government soldiers were sent to the area and clashed with the rebels.", "clashed", "ArmedClash",
     ["Government soldiers"], ["rebels"]),
    # the one accused of, or arrested for, an act did it
    ("The rebels accused the junta of killing 14 civilians.", "killing", "Killing", ["junta"],
     ["14 civilians"]),
    ("Police arrested three men for attacking a bus.", "attacking", "Assault", ["three men"], ["bus"]),
    ("Police detained four youths for burning a police station.", "burning", "Assault", ["four youths"],
     ["police station"]),
    # who surrenders, and to whom; a town that surrenders is the place, the side it surrenders to the agent
    ("Eleven Naxalites surrendered to police in Dantewada district.", "surrendered", "Surrender",
     ["Eleven Naxalites"], ["police"]),
    ("Kandahar surrendered to the Taliban on Friday.", "surrendered", "Surrender", ["Taliban"], []),
]  # fmt: skip


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "word", "cls", "agents", "targets"), ACTOR_TABLE, ids=[r[0][:40] for r in ACTOR_TABLE]
)
def test_roles_actor_mentions_keep_identifying_modifiers(
    nlp: Language, sentence: str, word: str, cls: str, agents: list[str], targets: list[str]
) -> None:
    frame = frame_at(nlp(sentence), word, cls)
    assert [m.text for m in frame.agents] == agents
    assert [m.text for m in frame.targets] == targets


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "name", "expected"),
    [
        ("The camp lies south-west of Mosul.", "Mosul", True),
        ("The camp lies north of Gao.", "Gao", True),
        ("The camp lies 40 km from Gao.", "Gao", True),
        ("The camp lies near Gao.", "Gao", False),
        ("The refugees came from Gao.", "Gao", False),
        ("The outskirts of Gao were shelled.", "Gao", False),
    ],
)
def test_placenames_reference_point(nlp: Language, sentence: str, name: str, expected: bool) -> None:
    doc = nlp(sentence)
    assert reference_point(next(t for t in doc if t.text == name)) is expected


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        # the clause the killing happened in sets its scene ...
        ("Two soldiers were killed when rebels shelled the town of Kidal.", ["Kidal"]),
        # ... but a "while" clause with a subject of its own tells another event
        ("Two soldiers were killed on Friday, while rebels shelled the town of Kidal.", []),
    ],
)
def test_roles_a_while_clause_with_its_own_subject_lends_no_setting(
    nlp: Language, sentence: str, place: list[str]
) -> None:
    doc = nlp(sentence)
    tokens = [
        (next(t for t in doc if t.text == w), c) for w, c in (("killed", "Killing"), ("shelled", "Shelling"))
    ]
    frames = extract_frames(doc, "t", triggers=[Trig(t.i, t.i + 1, t.i, c) for t, c in tokens])
    assert [[m.text for m in f.places] for f in frames] == [place, ["Kidal"]]


def test_roles_opening_event_hung_on_the_dateline_shares_the_killings_setting(nlp: Language) -> None:
    text = (
        "KHARTOUM, Sudan, May 3 — Shelling by the paramilitary Rapid Support Forces killed six people in "
        "Omdurman on Tuesday, a medical source said."
    )
    frames = {f.trigger.text: f for f in nlp(text)._.event_frames}
    shelling, killing = frames["Shelling"], frames["killed"]
    assert [m.text for m in shelling.places] == [m.text for m in killing.places] == ["Omdurman"]
    assert [m.text for m in shelling.times] == ["Tuesday"]
    assert [m.text for m in shelling.agents] == [m.text for m in killing.agents]


@pytest.mark.model
def test_roles_a_group_the_actor_table_lists_is_no_place(nlp: Language) -> None:
    """A headline read with no object ("seizes" a modifier of "base"): the capture's subject is not taken
    for the place captured when it names a known group."""
    doc = nlp("Sudan's RSF seizes army base in Zalingei after weeks-long siege")
    frame = next(f for f in doc._.event_frames if f.trigger.text == "seizes")
    assert "RSF" not in [m.text for m in frame.places]
    assert [m.text for m in frame.agents] == ["Sudan's RSF"]


@pytest.mark.model
def test_roles_a_when_clause_lends_its_doer_where_its_place_is_found_too(nlp: Language) -> None:
    # the killing finds the ambush's place itself; the doer of the ambush is still the killers
    doc = nlp(
        "Seven soldiers were killed on Sunday when rebels ambushed an army patrol in a rural area of Tame."
    )
    killed = next(f for f in extract_frames(doc) if f.trigger.text == "killed")
    assert [m.text for m in killed.agents] == ["rebels"] and [m.text for m in killed.places] == ["Tame"]
