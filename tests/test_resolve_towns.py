"""Where an event happened, with the real model (sentences written for these tests): the clause around
the trigger, the town rather than its province, towns the gazetteer lacks, and "the town", "the village",
"the area", "both towns" resolved from what the text named before."""

from __future__ import annotations

import datetime as dt

import pytest
from document_support import document_events, one_event
from spacy.language import Language


@pytest.mark.parametrize(
    ("text", "trigger", "places"),
    [
        # a town introduced by an apposition or a title is "the town" even when the gazetteer lacks it
        ("Government troops attacked rebel positions in Ngarbuh, a village in the Northwest region, on "
         "Monday. Government forces later retook two hamlets east of the village.", "retook", ["Ngarbuh"]),
        ("Insurgents raided the district capital of Quissanga on Friday. Medical charity MSF said it had "
         "evacuated its staff from the town.", "evacuated", ["Quissanga"]),
        # a place said to lie inside another is the town "the area" points back to
        ("Gunmen abducted 40 pupils from a school in Kuriga, in Nigeria's Kaduna state, on Thursday. "
         "Soldiers were deployed to the area to search for the children.", "deployed", ["Kuriga"]),
        # a name said to lie in a named district is a town, though no event happened there
        ("Police detained 12 people suspected of links to the rebels in Bwera, Kasese district, on "
         "Wednesday. On Thursday police imposed a night curfew on the town.", "imposed", ["Bwera"]),
        # "the town's market" is in the town told before
        ("Peacekeepers deployed to Kaga-Bandoro on Monday after militias clashed in the town's market.",
         "clashed", ["Kaga-Bandoro"]),
        # where forces are sent, though the parser hangs the "to" phrase on the forces' phrase
        ("The ministry said it had sent a unit of the 9th Brigade, which is based in Sabha, to Ubari on "
         "Monday.", "sent", ["Ubari"]),
        # a name before the people it qualifies is no town "the area" points back to
        ("Gunmen killed nine villagers near Ukuna on Saturday. Federal police were deployed to the area the "
         "next day.", "deployed", ["Ukuna"]),
        # "from X to the city": the city is another than the one left
        ("Clashes broke out in Sabha on Sunday. The army sent a convoy of reinforcements from Brak to the "
         "city on Monday.", "sent", ["Sabha"]),
        # "the territory" is the place told before
        ("Aid trucks entered Gaza on Monday. Israel said it would allow more trucks into the territory.",
         "would allow", ["Gaza"]),
        # a named part of a town is a place, inside its town (GeoNames spells it Khan Yunis); with only a
        # part-of-town word it is never linked to a town of that name elsewhere
        ("An air strike hit a tent in the Mawasi area of Khan Younis on Wednesday.", "hit",
         ["Mawasi", "Khan Yunis"]),
        ("Gunmen killed five people in the Tierra Blanca neighbourhood of Culiacan on Sunday.", "killed",
         ["Tierra Blanca", "Culiacan"]),
        # "the same area", "the commune", "the district": the last place so called, or the last province
        ("Congolese soldiers clashed with rebels near the town of Minova on Monday. Drones struck a truck "
         "in the same area on Tuesday.", "struck", ["Minova"]),
        ("Gunmen attacked the town of Liancourt on Wednesday. Thousands of residents fled the commune.",
         "fled", ["Liancourt"]),
        ("Rebels ambushed a convoy in Helmand province on Monday. The army sent a battalion to the district.",
         "sent", ["Helmand"]),
        # ... also in a phrase the parser hung on the people acted on
        ("In the Adamaoua region, kidnappings have surged. Police arrested 14 suspected kidnappers in the "
         "region last month.", "arrested", ["Adamaoua"]),
        # "the municipality" is the last town, not the department named after it ("Arauca department")
        ("Rebels clashed with troops in rural areas of Tame, in Colombia's Arauca department, on Monday. The "
         "army sent 600 more troops to the municipality on Wednesday.", "sent", ["Tame"]),
        # a village the gazetteer lacks, stormed by name, and the killing told with it
        ("Jihadists stormed the village of Ségué-Iré in Mali's Mopti region on Saturday, killing 14 "
         "civilians.", "killing", ["Segue-Ire"]),
        # an event's unlisted one-word place is a town "the area" may point back to
        ("Militants overran an army checkpoint near Garsaale on Sunday. The militants pulled out of the "
         "area the following day.", "pulled out", ["Garsaale"]),
        # a definite place noun with lower-case modifiers points back too, but not "the nearby town"
        ("Government forces repelled an attack on Taiz on Sunday. The Houthis have besieged the "
         "government-held city since 2015.", "besieged", ["Taiz"]),
        ("Rebels attacked a village near Goma on Monday. They burned a school in the nearby town.",
         "burned", []),
        # "the district" is the last one the text called a district, not the province named after it
        ("Jihadists attacked an army post in Chimtal district of Afghanistan's Balkh province on Thursday. "
         "Jets struck the insurgents' hideouts in the district on Friday.", "struck", ["Chimtal"]),
        # "the island" is the last place called an island, never another town
        ("Boko Haram fighters stormed an army post on the island of Kofia on Tuesday. Hundreds of people "
         "have fled the island since the attack.", "fled", ["Kofia"]),
        ("Jihadists killed three fishermen on Kofia island on Monday. The army deployed troops from Blangoua "
         "to the island on Tuesday.", "deployed", ["Kofia island"]),
        # a town named only to say where another lies is not "the town"
        ("A car bomb exploded at a checkpoint on the outskirts of Afgooye, 30 km from Mogadishu, on Tuesday. "
         "Security forces later arrested three suspects in the town.", "arrested", ["Afgooye"]),
        # a town named again is the last town named there, whatever the model tags it this time ...
        ("Rebels seized the mining town of Sam Ouandja on Saturday. Troops withdrew towards Bria. "
         "Peacekeepers evacuated 40 aid workers from Sam Ouandja on Monday. Thousands of residents have "
         "fled the area.", "fled", ["Sam Ouandja"]),
        # ... and a town named only as where something was said is none
        ("Militiamen attacked a police post in the village of Tshikula on Sunday, the minister told "
         "reporters in Kananga. The army deployed reinforcements to the area on Tuesday.", "deployed",
         ["Tshikula"]),
        # a district named "X al-Y" is that district, not the city X the gazetteer reaches by dropping words
        ("A truce took effect in the besieged Tell al-Nasr district of the city of Hama on Wednesday. Troops "
         "have encircled the district since June.", "encircled", ["Tell al-Nasr"]),
        # "the department" is the last department named
        ("Rebels ambushed a patrol near Saravena in Colombia's Arauca department on Friday. The government "
         "sent 700 more troops to the department on Sunday.", "sent", ["Arauca"]),
        # a town said to lie in a region the gazetteer knows only as a city of that name
        ("JNIM fighters abducted a village chief near Niafunke, in Mali's Timbuktu region, on Friday.",
         "abducted", ["Niafunke"]),
        # a province the model tags only in part ("Maguindanao" of "Maguindanao del Sur province")
        ("Philippine troops killed four militants in Maguindanao del Sur province on Sunday. The military "
         "sent a battalion to the province.", "sent", ["Maguindanao del Sur"]),
        # "the state" is the last state named, not a district named after it
        ("Gunmen killed 12 farmers in Nigeria's Katsina state on Monday. The governor asked for more "
         "troops to be sent to the state.", "sent", ["Katsina"]),
        ("Rebels overran an army camp in Myanmar's Kayin State on Monday. Jets bombed two villages in "
         "Hpapun district on Tuesday. The rebels have seized dozens of outposts across the state since "
         "last year.", "seized", ["Kayin"]),
    ],
)  # fmt: skip
def test_resolve_towns_anaphoric_place_nouns(
    nlp: Language, text: str, trigger: str, places: list[str]
) -> None:
    assert [p.label for p in one_event(document_events(nlp, text), trigger).places] == places


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
        # "the village" is the last place called a village (or a commune), not the last city
        ("Jihadists have blockaded Kouakourou, a fishing village on the Niger river, since last week. The "
         "army sent reinforcements to Djenne on Saturday and its aircraft struck positions around the "
         "village.", "struck", "Kouakourou"),
        ("Gunmen killed 11 civilians in Tondikiwindi, a rural commune in Niger's Tillaberi region, on "
         "Sunday. They also torched granaries in the village.", "torched", "Tondikiwindi"),
        # "the X area of Y state": the area is the more specific
        ("At least 27 people were killed by gunmen in the Bokkos area of Plateau state on Saturday.",
         "killed", "Bokkos"),
        ("Rebels shot dead two miners in the Kelela area of Nduga regency on Sunday.", "shot dead", "Kelela"),
        # a market by another name: "the Mir Ali bazaar" is a site named by its town
        ("Hundreds of tribesmen staged a sit-in outside the Mir Ali bazaar on Monday.", "sit-in", "Mir Ali"),
        # what an air strike hits by a name that is no known actor is a place, one per name
        ("The air force bombed Lankien and Waat in Jonglei state on Wednesday.", "bombed", "Waat"),
    ],
)  # fmt: skip
def test_resolve_towns_places_from_the_clause_around_the_trigger(
    nlp: Language, text: str, trigger: str, place: str
) -> None:
    event = one_event(document_events(nlp, text), trigger)
    assert any(place in p.label for p in event.places), [p.label for p in event.places]


def test_resolve_towns_conjunct_with_its_own_subject_keeps_its_own_setting(nlp: Language) -> None:
    text = "Rebels attacked army posts in Kidal on Monday, and 3,000 residents fled the region."
    fled = one_event(document_events(nlp, text), "fled")
    assert "Kidal" not in {p.label for p in fled.places}


def test_resolve_towns_fleeing_a_known_group_keeps_it_as_target(nlp: Language) -> None:
    fled = one_event(document_events(nlp, "Thousands of villagers fled Boko Haram last week."), "fled")
    assert {a.key for a in fled.targets} == {"boko-haram"} and not fled.places


def test_resolve_towns_both_towns_are_the_towns_named_together(nlp: Language) -> None:
    text = (
        "Rebels took control of Kalehe, a town north of Bukavu, and the lakeside port of Minova on Tuesday. "
        "Government troops pulled out of both towns without a fight."
    )
    events = document_events(nlp, text)
    took = one_event(events, "took control of")
    assert {p.label for p in took.places} >= {"Kalehe", "Minova"}
    assert took.time is not None and took.time.start == dt.date(2025, 3, 11)
    pulled = next(e for e in events if e.event_class == "Withdrawal")
    assert {p.label for p in pulled.places} == {p.label for p in took.places}
    assert ("place_rule", "the places the text named together before") in pulled.extra


def test_resolve_towns_two_towns_without_the_are_new(nlp: Language) -> None:
    text = "Rebels took Kalehe and Minova on Tuesday. Troops later recaptured two towns in the south."
    recaptured = one_event(document_events(nlp, text), "recaptured")
    assert not {"Kalehe", "Minova"} & {p.label for p in recaptured.places}


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
        # a town the text locates by a larger place, however the parser hung the phrase
        ("Gunmen abducted the mayor of Danderesso, a rural commune near Sikasso, on Tuesday.", "abducted",
         "Danderesso"),
        ("Militiamen fought for control of Lubarika, a village on the Ruzizi plain in South Kivu province, "
         "on Monday.", "fought", "Lubarika"),
        ("Rebels released six soldiers they had held in the rural area of Mesetas, in Colombia's Meta "
         "department, on Wednesday.", "released", "Mesetas"),
        # with no town, the province stays
        ("Police arrested 15 suspected members of the gang in Bandundu Province on Sunday.", "arrested",
         "Bandundu"),
    ],
)  # fmt: skip
def test_resolve_towns_the_town_rather_than_its_province(
    nlp: Language, text: str, trigger: str, place: str
) -> None:
    event = one_event(document_events(nlp, text), trigger)
    assert [p.label for p in event.places if place in p.label], [p.label for p in event.places]
    assert not any(
        "region" in p.label or "district" in p.label.lower() for p in event.places if place not in p.label
    )


def test_resolve_towns_a_country_named_with_its_town_is_kept(nlp: Language) -> None:
    text = "Islamist militants attacked the coastal town of Palma in northern Mozambique on Wednesday."
    attacked = one_event(document_events(nlp, text), "attacked")
    assert "MOZ" in {p.country for p in attacked.places}


@pytest.mark.model
def test_resolve_towns_participle_shares_the_towns_its_clause_hit(nlp: Language) -> None:
    text = "Government jets bombed Kodok and Wau Shilluk in Upper Nile state on Monday, killing 12 people."
    events = document_events(nlp, text)
    bombed = {p.label for p in one_event(events, "bombed").places}
    killing = {p.label for p in one_event(events, "killing").places}
    assert {"Kodok", "Wau Shilluk"} <= bombed
    assert killing == bombed


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "label", "names"),
    [
        # the article's spelling of a place GeoNames spells otherwise is kept with it
        ("The RSF besieged Babanusa on Monday. Residents said the town had been shelled for a week.",
         "Babanusah", ("Babanusa",)),
        # a name spelt as the label adds nothing, nor does another name the gazetteer lists ("Bombay")
        ("Police arrested four men in Mumbai on Monday.", "Mumbai", ()),
        ("Police arrested four men in Bombay on Monday.", "Mumbai", ()),
    ],
)  # fmt: skip
def test_resolve_towns_places_keep_the_articles_spelling(
    nlp: Language, text: str, label: str, names: tuple[str, ...]
) -> None:
    places = {p.label: p for e in document_events(nlp, text) for p in e.places}
    assert places[label].names == names
