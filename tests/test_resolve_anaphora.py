"""Document-level reference with the real model (sentences written for these tests): named pairs ("the two
sides"), told-again event nouns, wounding as a use of force's harm, towns introduced by apposition, units
with their own name, affiliations, police officers, protesters, and the clauses an event noun happens in."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from kg.model import Document, Event
from kg.pipeline import events_from_doc

PUBLISHED = dt.date(2025, 3, 14)  # a Friday


def _events(nlp: Language, text: str) -> list[Event]:
    return events_from_doc(Document("t", text, PUBLISHED), nlp(text))


def _one(events: list[Event], trigger: str) -> Event:
    found = [e for e in events if e.frame.trigger.text == trigger]
    assert len(found) == 1, [e.frame.trigger.text for e in events]
    return found[0]


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
    event = _one(_events(nlp, text), trigger)
    assert {a.key for a in event.agents} == expected


def test_resolve_anaphora_indefinite_two_groups_are_new(nlp: Language) -> None:
    events = _events(nlp, "The army and the rebels fought in Kalemie. Two groups attacked Moba on Monday.")
    assert {a.key for a in _one(events, "attacked").agents} == {"unidentified-armed-group-cod"}


def test_resolve_anaphora_pair_is_never_a_single_actor(nlp: Language) -> None:
    text = (
        "Fighters of the Nawasi brigade and the rival 302 Brigade clashed in Zawiya overnight. The UN "
        "mission said it was ready to host talks. On Friday the two groups agreed to a ceasefire."
    )
    agreed = _one(_events(nlp, text), "agreed")
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
    triggers = {e.frame.trigger.text for e in _events(nlp, text)}
    assert kept <= triggers and dropped not in triggers


def test_resolve_anaphora_new_attack_with_its_own_setting_stays(nlp: Language) -> None:
    text = "Rebels attacked Kawlin on Monday. Residents called the attack on Moba on Wednesday the worst."
    assert "attack" in {e.frame.trigger.text for e in _events(nlp, text)}


def test_resolve_anaphora_wounding_is_the_harm_of_the_strike(nlp: Language) -> None:
    events = _events(nlp, "A roadside bomb hit an army truck near Turbat on Tuesday, wounding four soldiers.")
    assert [e.frame.trigger.text for e in events] == ["hit"]
    injuries = [q.value for q in events[0].frame.quantities if q.kind == "injuries"]
    assert injuries == [4]


def test_resolve_anaphora_killing_participle_stays_its_own_event(nlp: Language) -> None:
    events = _events(nlp, "A roadside bomb hit an army truck near Turbat on Tuesday, killing four soldiers.")
    assert {e.frame.trigger.text for e in events} == {"hit", "killing"}


def test_resolve_anaphora_town_introduced_by_apposition_is_the_town(nlp: Language) -> None:
    text = (
        "Government troops attacked rebel positions in Ngarbuh, a village in the Northwest region, on "
        "Monday. Government forces later retook two hamlets east of the village."
    )
    retook = _one(_events(nlp, text), "retook")
    assert "Ngarbuh" in {p.label for p in retook.places}


def test_resolve_anaphora_occurrence_verb_gives_the_noun_its_parties_and_place(nlp: Language) -> None:
    text = "Clashes broke out on Saturday between the army and fighters of the SPLA-IO in Nasir."
    clash = _one(_events(nlp, text), "Clashes")
    assert len(clash.agents) == 2 and [p.label for p in clash.places] == ["Nasir"]
    assert clash.time is not None and clash.time.start == dt.date(2025, 3, 8)


def test_resolve_anaphora_affiliation_is_not_the_main_group(nlp: Language) -> None:
    text = (
        "Fighters of the al-Qaeda-linked JNIM group burned trucks near Kayes on Wednesday. The attackers "
        "also abducted three drivers."
    )
    events = _events(nlp, text)
    assert {a.key for a in _one(events, "abducted").agents} == {"jnim"}


def test_resolve_anaphora_officers_in_a_police_story_are_police(nlp: Language) -> None:
    text = (
        "Kenyan police fired tear gas at hundreds of students in Nakuru on Tuesday as they marched to the "
        "county offices. Officers arrested 20 people."
    )
    events = _events(nlp, text)
    assert {a.key for a in _one(events, "arrested").agents} == {"ken-police"}
    assert {a.key for a in _one(events, "marched").agents} == {"ken-civilians"}


def test_resolve_anaphora_officers_in_an_army_story_stay_military(nlp: Language) -> None:
    events = _events(nlp, "Ugandan soldiers raided a camp near Arua. Officers arrested 20 people.")
    assert {a.key for a in _one(events, "arrested").agents} == {"uga-military"}


@pytest.mark.parametrize(
    "text",
    [
        "Thousands have fled Mosul and surrounding villages since May.",
        "Police freed the jailed activist on Monday.",
    ],
)
def test_resolve_anaphora_describing_participles_are_no_events(nlp: Language, text: str) -> None:
    assert {e.frame.trigger.text for e in _events(nlp, text)} <= {"fled", "freed"}


def test_resolve_anaphora_envisaged_event_lends_no_date(nlp: Language) -> None:
    text = (
        "The government ordered the expulsion of two diplomats on Thursday, accusing their country of "
        "sheltering the rebels."
    )
    accusing = _one(_events(nlp, text), "accusing")
    assert accusing.time is not None and accusing.time.start <= PUBLISHED


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        # a phrase of the verb the trigger is coordinated with under one subject
        ("Gunmen stopped a minibus on the road near Mastung on Thursday and shot dead six men.",
         "shot dead", "Mastung"),
        ("Police arrested two smugglers and seized 40 rifles during a raid in the town of Culiacan.",
         "arrested", "Culiacan"),
        # "the X region of Y" is the X region
        ("Ukrainian drones hit a fuel depot in the Belgorod region of Russia on Tuesday.", "hit", "Belgorod"),
        # the object of "flee" that names no known actor is where people fled from
        ("More than 5,000 people have fled Tombura since Monday.", "fled", "Tombura"),
    ],
)  # fmt: skip
def test_resolve_anaphora_places_from_the_clause_around_the_trigger(
    nlp: Language, text: str, trigger: str, place: str
) -> None:
    event = _one(_events(nlp, text), trigger)
    assert any(place in p.label for p in event.places), [p.label for p in event.places]


def test_resolve_anaphora_conjunct_with_its_own_subject_keeps_its_own_setting(nlp: Language) -> None:
    text = "Rebels attacked army posts in Kidal on Monday, and 3,000 residents fled the region."
    fled = _one(_events(nlp, text), "fled")
    assert "Kidal" not in {p.label for p in fled.places}


def test_resolve_anaphora_fleeing_a_known_group_keeps_it_as_target(nlp: Language) -> None:
    fled = _one(_events(nlp, "Thousands of villagers fled Boko Haram last week."), "fled")
    assert {a.key for a in fled.targets} == {"boko-haram"} and not fled.places


def test_resolve_anaphora_the_territory_is_the_place_told_before(nlp: Language) -> None:
    text = "Aid trucks entered Gaza on Monday. Israel said it would allow more trucks into the territory."
    allow = _one(_events(nlp, text), "would allow")
    assert [p.label for p in allow.places] == ["Gaza"]


def test_resolve_anaphora_suspect_is_the_suspected_group(nlp: Language) -> None:
    text = (
        "Soldiers arrested three suspected al-Shabaab members near Kismayo on Friday. A fourth suspect blew "
        "himself up at the checkpoint."
    )
    blew = _one(_events(nlp, text), "blew")
    assert {a.key for a in blew.agents} == {"al-shabaab"} and not blew.targets


def test_resolve_anaphora_a_title_is_no_described_actor(nlp: Language) -> None:
    text = "Soldiers detained State Counsellor Daw Khin in Yangon and declared a state of emergency."
    declared = _one(_events(nlp, text), "declared a state of emergency")
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
    assert _one(_events(nlp, text), trigger).event_class == cls


def test_resolve_anaphora_role_never_starts_inside_the_trigger(nlp: Language) -> None:
    event = _one(_events(nlp, "Gunmen shot dead nine men near Kalat."), "shot dead")
    assert [m.text for m in event.frame.targets] == ["nine men"]


def test_resolve_anaphora_both_towns_are_the_towns_named_together(nlp: Language) -> None:
    text = (
        "Rebels took control of Kalehe, a town north of Bukavu, and the lakeside port of Minova on Tuesday. "
        "Government troops pulled out of both towns without a fight."
    )
    events = _events(nlp, text)
    took = _one(events, "took control of")
    assert {p.label for p in took.places} >= {"Kalehe", "Minova"}
    assert took.time is not None and took.time.start == dt.date(2025, 3, 11)
    pulled = next(e for e in events if e.event_class == "Withdrawal")
    assert {p.label for p in pulled.places} == {p.label for p in took.places}
    assert ("place_rule", "the places the text named together before") in pulled.extra


def test_resolve_anaphora_two_towns_without_the_are_new(nlp: Language) -> None:
    text = "Rebels took Kalehe and Minova on Tuesday. Troops later recaptured two towns in the south."
    recaptured = _one(_events(nlp, text), "recaptured")
    assert not {"Kalehe", "Minova"} & {p.label for p in recaptured.places}


def test_resolve_anaphora_definite_description_notes_who_first_named_the_actor(nlp: Language) -> None:
    text = (
        "Armed bandits kidnapped 40 people from villages near Tsafe on Sunday night.\n\n"
        "The gunmen arrived on motorcycles and shot dead two men."
    )
    events = _events(nlp, text)
    shot = _one(events, "shot dead")
    assert {a.key for a in shot.agents} == {a.key for a in _one(events, "kidnapped").agents}
    assert ("antecedent_agent", "Armed bandits") in shot.extra


def test_resolve_anaphora_meeting_for_a_round_of_talks_is_one_negotiation(nlp: Language) -> None:
    text = (
        "Armenia and Azerbaijan clashed in May. Officials from both sides met in Vienna for a round of talks."
    )
    events = _events(nlp, text)
    talks = [e for e in events if e.event_class in ("Negotiation", "Consult")]
    assert len(talks) == 1 and talks[0].event_class == "Negotiation"
    assert {a.key for a in talks[0].agents} == {"arm", "aze"}


def test_resolve_anaphora_days_of_clashes_before_a_capture_stay_an_event(nlp: Language) -> None:
    text = "The rebels captured Kosti on Wednesday after two days of clashes with the army."
    assert {e.event_class for e in _events(nlp, text)} == {"Capture", "ArmedClash"}


def test_resolve_anaphora_a_small_area_stands_inside_its_town(nlp: Language) -> None:
    text = "An air strike hit a tent in the Mawasi area of Khan Younis on Wednesday."
    strike = _one(_events(nlp, text), "hit")
    assert [p.label for p in strike.places] == ["Khan Yunis"]  # GeoNames spells it so


def test_resolve_anaphora_state_organs_are_also_called_by_their_demonym(nlp: Language) -> None:
    events = _events(nlp, "Kenyan police arrested 20 protesters in Nakuru.")
    police = _one(events, "arrested").agents[0]
    assert police.key == "ken-police" and "Kenyan police" in police.aliases


def test_resolve_anaphora_harm_without_a_class_of_its_own_is_the_attack(nlp: Language) -> None:
    events = _events(nlp, "Militants attacked the village of Gumsuri on Monday, burning 50 homes.")
    assert [e.frame.trigger.text for e in events] == ["attacked"]


def test_resolve_anaphora_the_town_after_the_capital_of(nlp: Language) -> None:
    text = (
        "Insurgents raided the district capital of Quissanga on Friday. Medical charity MSF said it had "
        "evacuated its staff from the town."
    )
    evacuated = _one(_events(nlp, text), "evacuated")
    assert [p.label for p in evacuated.places] == ["Quissanga"]


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        # the town, not the province it is said to be in
        ("Separatists abducted three teachers from a school in Ndop, in Cameroon's North-West region, on "
         "Friday.", "abducted", "Ndop"),
        ("Two farmers working in fields near Phubala, in Manipur's Bishnupur district, were shot dead on "
         "Sunday.", "shot dead", "Phubala"),
        ("Jets bombed Kyauk Ni Maw, a village on Ramree island, on Saturday.", "bombed", "Kyauk Ni Maw"),
        # a direction's reference point is no place of the event
        ("Troops arrested four suspects in the Hawija district, west of Kirkuk, on Thursday.", "arrested",
         "Hawija"),
        # with no town, the province stays
        ("Police arrested 15 suspected members of the gang in Bandundu Province on Sunday.", "arrested",
         "Bandundu"),
    ],
)  # fmt: skip
def test_resolve_anaphora_the_town_rather_than_its_province(
    nlp: Language, text: str, trigger: str, place: str
) -> None:
    event = _one(_events(nlp, text), trigger)
    assert [p.label for p in event.places if place in p.label], [p.label for p in event.places]
    assert not any(
        "region" in p.label or "district" in p.label.lower() for p in event.places if place not in p.label
    )


def test_resolve_anaphora_a_country_named_with_its_town_is_kept(nlp: Language) -> None:
    text = "Islamist militants attacked the coastal town of Palma in northern Mozambique on Wednesday."
    attacked = _one(_events(nlp, text), "attacked")
    assert "MOZ" in {p.country for p in attacked.places}


def test_resolve_anaphora_truce_that_held_and_fighting_between_parties_in_a_district(nlp: Language) -> None:
    text = (
        "A ceasefire between rival armed groups appeared to hold in Tripoli on Thursday. Fighting broke out "
        "on Tuesday in the Abu Salim district between the Nawasi force and the 302 Brigade."
    )
    events = _events(nlp, text)
    assert [p.label for p in _one(events, "ceasefire").places] == ["Tripoli"]
    assert {a.key for a in _one(events, "Fighting").agents} == {"nawasi-force", "302-brigade"}


def test_resolve_anaphora_a_place_inside_another_is_the_town_told_after(nlp: Language) -> None:
    text = (
        "Gunmen abducted 40 pupils from a school in Kuriga, in Nigeria's Kaduna state, on Thursday. Soldiers "
        "were deployed to the area to search for the children."
    )
    deployed = _one(_events(nlp, text), "deployed")
    assert [p.label for p in deployed.places] == ["Kuriga"]


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        # "the village" is the last place called a village (or a commune), not the last city
        ("Jihadists have blockaded Kouakourou, a fishing village on the Niger river, since last week. The "
         "army sent reinforcements to Djenne on Saturday and its aircraft struck positions around the "
         "village.", "struck", "Kouakourou"),
        ("Gunmen killed 11 civilians in Tondikiwindi, a rural commune in Niger's Tillaberi region, on "
         "Sunday. They also torched granaries in the village.", "torched", "Tondikiwindi"),
        # "the X area of Y state": the area is the more specific
        ("At least 27 people were killed by gunmen in the Bokkos area of Plateau state on Saturday.",
         "killed", "Bokkos"),
        # what an air strike hits by a name that is no known actor is a place, one per name
        ("The air force bombed Lankien and Waat in Jonglei state on Wednesday.", "bombed", "Waat"),
    ],
)  # fmt: skip
def test_resolve_anaphora_named_kinds_and_unlisted_targets_of_strikes(
    nlp: Language, text: str, trigger: str, place: str
) -> None:
    event = _one(_events(nlp, text), trigger)
    assert place in [p.label for p in event.places], [p.label for p in event.places]
