"""Document-level reference with the real model (sentences written for these tests): named pairs ("the two
sides"), told-again event nouns, harm as a use of force's own, units with their own name, affiliations,
police officers, protesters, descriptors, the verbs an event noun happens under, and event classes from
the doer. Places are in ``test_resolve_towns.py``."""

from __future__ import annotations

import datetime as dt

import pytest
from document_support import PUBLISHED, document_events, one_event
from spacy.language import Language


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Fighters of the Nawasi brigade and the rival 302 Brigade clashed in Zawiya overnight. On Friday "
         "the two groups agreed to a ceasefire.", "agreed", {"nawasi-brigade", "302-brigade"}),
        ("Armenia and Azerbaijan swapped prisoners on Monday. Delegations from the two countries held talks "
         "in Vienna last month.", "held talks", {"arm", "aze"}),
        ("The army and the rebels fought in Kalemie. Both sides accused each other of breaking the truce.",
         "accused", {"cod-military", "unidentified-armed-group-cod"}),
    ],
)  # fmt: skip
def test_resolve_anaphora_named_pair_takes_the_coordinated_actors(
    nlp: Language, text: str, trigger: str, expected: set[str]
) -> None:
    event = one_event(document_events(nlp, text), trigger)
    assert {a.key for a in event.agents} == expected


def test_resolve_anaphora_indefinite_two_groups_are_new(nlp: Language) -> None:
    events = document_events(
        nlp, "The army and the rebels fought in Kalemie. Two groups attacked Moba on Monday."
    )
    assert {a.key for a in one_event(events, "attacked").agents} == {"unidentified-armed-group-cod"}


def test_resolve_anaphora_pair_is_never_a_single_actor(nlp: Language) -> None:
    text = (
        "Fighters of the Nawasi brigade and the rival 302 Brigade clashed in Zawiya overnight. The UN "
        "mission said it was ready to host talks. On Friday the two groups agreed to a ceasefire."
    )
    agreed = one_event(document_events(nlp, text), "agreed")
    assert "united-nations" not in {a.key for a in agreed.agents}


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        # the noun adds nothing of its own: the event already told (its setting came from its clause)
        ("Rebels attacked Kawlin on Monday. Hundreds of residents have fled the town since the attack.",
         {"attacked", "fled"}, "attack"),
        # told again with only the claimant as the light verb's subject
        ("Gunmen shot dead nine men near Kalat on Thursday. The separatist group said it had carried out "
         "the attack.", {"shot dead"}, "attack"),
    ],
)  # fmt: skip
def test_resolve_anaphora_event_noun_told_again_is_no_new_event(
    nlp: Language, text: str, kept: set[str], dropped: str
) -> None:
    triggers = {e.frame.trigger.text for e in document_events(nlp, text)}
    assert kept <= triggers and dropped not in triggers


def test_resolve_anaphora_date_on_a_commented_event_is_the_comments(nlp: Language) -> None:
    text = "Gunmen attacked a market in Bol on Sunday. The governor condemned the attack on Monday."
    events = document_events(nlp, text)
    assert [e.frame.trigger.text for e in events] == ["attacked", "condemned"]
    sunday, monday = (PUBLISHED - dt.timedelta(days=d) for d in (5, 4))  # before Friday 14 March
    assert [e.time.start if e.time else None for e in events] == [sunday, monday]  # the comment's date


def test_resolve_anaphora_a_time_of_day_does_not_make_a_retold_event_new(nlp: Language) -> None:
    text = (
        "Jihadists overran an army base near Djibo on Sunday.\n\nThe assault began before dawn with a "
        "car bomb at the main gate, a survivor said."
    )
    assert "assault" not in {e.frame.trigger.text for e in document_events(nlp, text)}


@pytest.mark.parametrize(
    ("length", "retold"),
    [("the gunfight lasted about 40 minutes", True), ("the gunfight resumed on Thursday", False)],
)
def test_resolve_anaphora_a_stretch_of_hours_does_not_make_a_retold_event_new(
    nlp: Language, length: str, retold: bool
) -> None:
    text = f"Gunmen attacked a police post in Loi Sam on Tuesday. Policemen returned fire and {length}."
    triggers = [e.frame.trigger.text for e in document_events(nlp, text)]
    assert triggers[:2] == ["attacked", "returned fire"] and ("gunfight" not in triggers) == retold


@pytest.mark.parametrize(
    ("ranking", "retold"),
    [
        # a ranking's time is its range, not a new day of the raids
        ("the raids were the deadliest in the district this year", True),
        # a day of its own makes it news
        ("the raids resumed on Thursday", False),
    ],
)
def test_resolve_anaphora_a_ranking_of_an_event_told_before_is_no_new_event(
    nlp: Language, ranking: str, retold: bool
) -> None:
    text = f"Gunmen raided two villages near Gusau on Monday. A police spokesman said {ranking}."
    triggers = [e.frame.trigger.text for e in document_events(nlp, text)]
    assert triggers[0] == "raided" and ("raids" not in triggers) == retold


@pytest.mark.parametrize(
    "ranking",
    ["It was the second attack on the region's ports this week.",
     "It was the deadliest attack in the province in more than a year."],
)  # fmt: skip
def test_resolve_anaphora_it_was_the_nth_attack_retells_the_last(nlp: Language, ranking: str) -> None:
    """What was just told, ranked with "it was", is told again, whatever place or time the ranking has."""
    text = f"Russian drones struck port facilities in Odesa on Friday. {ranking}"
    assert [e.frame.trigger.text for e in document_events(nlp, text)] == ["drones struck"]


def test_resolve_anaphora_verb_retold_by_its_event_noun_subject_lends_its_place(nlp: Language) -> None:
    text = (
        "Army drones struck a gathering of rebel commanders in the Kidal region on Saturday, killing eight "
        "people. The strike hit the hamlet of In-Tebezas, a local official said."
    )
    events = document_events(nlp, text)
    assert [e.frame.trigger.text for e in events] == ["drones struck", "killing"]
    assert [m.text for m in events[0].frame.places] == ["Kidal region", "In-Tebezas"]


def test_resolve_anaphora_new_attack_with_its_own_setting_stays(nlp: Language) -> None:
    text = "Rebels attacked Kawlin on Monday. Residents called the attack on Moba on Wednesday the worst."
    assert "attack" in {e.frame.trigger.text for e in document_events(nlp, text)}


def test_resolve_anaphora_wounding_is_the_harm_of_the_strike(nlp: Language) -> None:
    events = document_events(
        nlp, "A roadside bomb hit an army truck near Turbat on Tuesday, wounding four soldiers."
    )
    assert [e.frame.trigger.text for e in events] == ["hit"]
    injuries = [q.value for q in events[0].frame.quantities if q.kind == "injuries"]
    assert injuries == [4]


@pytest.mark.parametrize(
    ("text", "triggers", "injuries"),
    [
        # a wounding told beside another use of force of its sentence is that event's harm
        ("Ten soldiers were killed and 13 wounded when jihadists ambushed their patrol near Tinkari on "
         "Sunday.", ["killed", "ambushed"], [13]),
        ("Insurgents detonated a bomb beside a road in Pattani on Saturday as a ranger patrol drove past, "
         "wounding four rangers.", ["detonated"], [4]),
        ("A bomb blast at a mosque in Pul-e-Khumri killed four worshippers and wounded nine.",
         ["blast", "killed"], [9]),
        # ... but told alone it is the event
        ("Gunmen wounded five people in Kaduna on Monday.", ["wounded"], [5]),
    ],
)  # fmt: skip
def test_resolve_anaphora_wounding_beside_a_use_of_force_is_its_harm(
    nlp: Language, text: str, triggers: list[str], injuries: list[int]
) -> None:
    events = document_events(nlp, text)
    assert [e.frame.trigger.text for e in events] == triggers
    assert [q.value for e in events for q in e.frame.quantities if q.kind == "injuries"] == injuries


@pytest.mark.parametrize(
    ("text", "triggers"),
    [
        # the roads a siege cuts are the siege's, no blockade of their own
        ("The rebels have besieged Kadugli since January, cutting the main road to El Obeid.", ["besieged"]),
        # ... but cutting them apart from a siege is a blockade
        ("The rebels cut the main road to El Obeid on Monday.", ["cut"]),
    ],
)
def test_resolve_anaphora_siege_cutting_roads_is_one_event(
    nlp: Language, text: str, triggers: list[str]
) -> None:
    assert [e.frame.trigger.text for e in document_events(nlp, text)] == triggers


@pytest.mark.parametrize(
    ("text", "triggers", "injuries"),
    [
        # an injury told in the passive with no doer is harm of the last use of force before it
        ("Rebels attacked a police post in Gao on Monday. Three officers were wounded.", ["attacked"], [3]),
        ("Troops clashed with gunmen near Dori on Friday. Two soldiers were injured in the firefight.",
         ["clashed"], [2]),
        # ... but one with a doer of its own is an event, and so is one with no use of force before it
        ("Rebels attacked a police post in Gao on Monday. A soldier was wounded by a sniper on Tuesday.",
         ["attacked", "wounded"], []),
        ("Three officers were wounded in Gao on Monday.", ["wounded"], [3]),
    ],
)  # fmt: skip
def test_resolve_anaphora_injured_without_a_doer_are_the_harm_of_the_last_attack(
    nlp: Language, text: str, triggers: list[str], injuries: list[int]
) -> None:
    events = document_events(nlp, text)
    assert [e.frame.trigger.text for e in events] == triggers
    assert [q.value for q in events[0].frame.quantities if q.kind == "injuries"] == injuries


def test_resolve_anaphora_killing_participle_stays_its_own_event(nlp: Language) -> None:
    events = document_events(
        nlp, "A roadside bomb hit an army truck near Turbat on Tuesday, killing four soldiers."
    )
    assert {e.frame.trigger.text for e in events} == {"hit", "killing"}


def test_resolve_anaphora_occurrence_verb_gives_the_noun_its_parties_and_place(nlp: Language) -> None:
    text = "Clashes broke out on Saturday between the army and fighters of the SPLA-IO in Nasir."
    clash = one_event(document_events(nlp, text), "Clashes")
    assert len(clash.agents) == 2 and [p.label for p in clash.places] == ["Nasir"]
    assert clash.time is not None and clash.time.start == dt.date(2025, 3, 8)


def test_resolve_anaphora_affiliation_is_not_the_main_group(nlp: Language) -> None:
    text = (
        "Fighters of the al-Qaeda-linked JNIM group burned trucks near Kayes on Wednesday. The attackers "
        "also abducted three drivers."
    )
    events = document_events(nlp, text)
    assert {a.key for a in one_event(events, "abducted").agents} == {"jnim"}


def test_resolve_anaphora_officers_in_a_police_story_are_police(nlp: Language) -> None:
    text = (
        "Kenyan police fired tear gas at hundreds of students in Nakuru on Tuesday as they marched to the "
        "county offices. Officers arrested 20 people."
    )
    events = document_events(nlp, text)
    assert {a.key for a in one_event(events, "arrested").agents} == {"ken-police"}
    assert {a.key for a in one_event(events, "marched").agents} == {"ken-civilians"}


def test_resolve_anaphora_officers_in_an_army_story_stay_military(nlp: Language) -> None:
    events = document_events(nlp, "Ugandan soldiers raided a camp near Arua. Officers arrested 20 people.")
    assert {a.key for a in one_event(events, "arrested").agents} == {"uga-military"}


@pytest.mark.parametrize(
    "text",
    [
        "Thousands have fled Mosul and surrounding villages since May.",
        "Police freed the jailed activist on Monday.",
    ],
)
def test_resolve_anaphora_describing_participles_are_no_events(nlp: Language, text: str) -> None:
    assert {e.frame.trigger.text for e in document_events(nlp, text)} <= {"fled", "freed"}


def test_resolve_anaphora_envisaged_event_lends_no_date(nlp: Language) -> None:
    text = (
        "The government ordered the expulsion of two diplomats on Thursday, accusing their country of "
        "sheltering the rebels."
    )
    accusing = one_event(document_events(nlp, text), "accusing")
    assert accusing.time is not None and accusing.time.start <= PUBLISHED


def test_resolve_anaphora_suspect_is_the_suspected_group(nlp: Language) -> None:
    text = (
        "Soldiers arrested three suspected al-Shabaab members near Kismayo on Friday. A fourth suspect blew "
        "himself up at the checkpoint."
    )
    blew = one_event(document_events(nlp, text), "blew")
    assert {a.key for a in blew.agents} == {"al-shabaab"} and not blew.targets


def test_resolve_anaphora_a_title_is_no_described_actor(nlp: Language) -> None:
    text = "Soldiers detained State Counsellor Daw Khin in Yangon and declared a state of emergency."
    declared = one_event(document_events(nlp, text), "declared a state of emergency")
    assert not declared.targets


@pytest.mark.parametrize(
    ("text", "trigger", "cls"),
    [
        ("Israeli warplanes struck Tyre overnight.", "struck", "AirStrike"),
        ("Its drones hit an oil depot near Kursk.", "hit", "AirStrike"),
        ("Iran supplied drones to Russia.", "supplied", "Aid"),
        ("Police seized 30 rifles and two grenade launchers in Kano.", "seized", "Coerce"),
        ("Rebels seized the town of Bunagana.", "seized", "Capture"),
    ],
)
def test_resolve_anaphora_class_from_the_doer_or_what_is_seized(
    nlp: Language, text: str, trigger: str, cls: str
) -> None:
    assert one_event(document_events(nlp, text), trigger).event_class == cls


def test_resolve_anaphora_role_never_starts_inside_the_trigger(nlp: Language) -> None:
    event = one_event(document_events(nlp, "Gunmen shot dead nine men near Kalat."), "shot dead")
    assert [m.text for m in event.frame.targets] == ["nine men"]


def test_resolve_anaphora_definite_description_notes_who_first_named_the_actor(nlp: Language) -> None:
    text = (
        "Armed bandits kidnapped 40 people from villages near Tsafe on Sunday night.\n\n"
        "The gunmen arrived on motorcycles and shot dead two men."
    )
    events = document_events(nlp, text)
    shot = one_event(events, "shot dead")
    assert {a.key for a in shot.agents} == {a.key for a in one_event(events, "kidnapped").agents}
    assert ("antecedent_agent", "Armed bandits") in shot.extra


def test_resolve_anaphora_meeting_for_a_round_of_talks_is_one_negotiation(nlp: Language) -> None:
    text = (
        "Armenia and Azerbaijan clashed in May. Officials from both sides met in Vienna for a round of talks."
    )
    events = document_events(nlp, text)
    talks = [e for e in events if e.event_class in ("Negotiation", "Consult")]
    assert len(talks) == 1 and talks[0].event_class == "Negotiation"
    assert {a.key for a in talks[0].agents} == {"arm", "aze"}


def test_resolve_anaphora_days_of_clashes_before_a_capture_stay_an_event(nlp: Language) -> None:
    text = "The rebels captured Kosti on Wednesday after two days of clashes with the army."
    assert {e.event_class for e in document_events(nlp, text)} == {"Capture", "ArmedClash"}


def test_resolve_anaphora_state_organs_are_also_called_by_their_demonym(nlp: Language) -> None:
    events = document_events(nlp, "Kenyan police arrested 20 protesters in Nakuru.")
    police = one_event(events, "arrested").agents[0]
    assert police.key == "ken-police" and "Kenyan police" in police.aliases


def test_resolve_anaphora_harm_without_a_class_of_its_own_is_the_attack(nlp: Language) -> None:
    events = document_events(nlp, "Militants attacked the village of Gumsuri on Monday, burning 50 homes.")
    assert [e.frame.trigger.text for e in events] == ["attacked"]


def test_resolve_anaphora_truce_that_held_and_fighting_between_parties_in_a_district(nlp: Language) -> None:
    text = (
        "A ceasefire between rival armed groups appeared to hold in Tripoli on Thursday. Fighting broke out "
        "on Tuesday in the Abu Salim district between the Nawasi force and the 302 Brigade."
    )
    events = document_events(nlp, text)
    assert [p.label for p in one_event(events, "ceasefire").places] == ["Tripoli"]
    assert {a.key for a in one_event(events, "Fighting").agents} == {"nawasi-force", "302-brigade"}


@pytest.mark.model
def test_resolve_anaphora_other_side_of_a_clash_is_a_subject_for_pronouns(nlp: Language) -> None:
    text = (
        "Fighters of the CODECO militia attacked a camp near Bunia on Sunday. Congolese soldiers exchanged "
        "fire with the militiamen as they withdrew towards the lake."
    )
    events = document_events(nlp, text)
    clash = one_event(events, "exchanged fire")
    assert [a.key for a in clash.agents] == ["cod-military"]
    militia = [a.key for a in clash.targets]
    assert len(militia) == 1 and militia != ["cod-military"]
    assert [a.key for a in one_event(events, "withdrew").agents] == militia


@pytest.mark.parametrize(
    ("text", "trigger", "agent"),
    [
        # civilians harmed in an earlier sentence are not who "they" are in the next act of force
        ("Armed men killed 17 civilians in the village of Kolongo in central Mali on Tuesday, a local "
         "official said. They also set fire to the village's granaries, he said.", "set fire to",
         "unidentified-armed-group-mli"),
        ("Armed men killed 17 civilians in the village of Kolongo in central Mali on Tuesday, a local "
         "official said.\n\nThey also set fire to the village's granaries, he said.", "set fire to",
         "unidentified-armed-group-mli"),
        # ... but a pronoun of their own sentence is theirs
        ("Gunmen killed 17 civilians in the village of Kolongo in central Mali on Tuesday. The villagers "
         "said they had attacked the gunmen with clubs.", "attacked", "mli-civilians"),
    ],
)  # fmt: skip
def test_resolve_anaphora_the_harmed_are_not_the_doers_of_the_next_harm(
    nlp: Language, text: str, trigger: str, agent: str
) -> None:
    event = one_event(document_events(nlp, text), trigger)
    assert [a.key for a in event.agents] == [agent]
