"""Place linking against the offline gazetteer (pure Python, no model)."""

from __future__ import annotations

import pytest

from kg.model import Mention
from kg.resolve.dominance import dominant_country
from kg.resolve.places import PlaceContext, link_place, unlinked_place

AFG = PlaceContext("AFG")


@pytest.mark.parametrize(
    ("text", "geonames_id"),
    [
        ("Kandahar", 1138336),
        ("Kabul", 1138958),
        ("Herat", 1140026),
        ("Ghazni", 1141269),
        ("Lashkar Gah", 1134720),
        ("Kunduz", 1135689),
        ("Mazar-i-Sharif", 1133616),
        ("Mazar-e Sharif", 1133616),
        ("Qala-i-Naw", 1129867),
        ("Doha", 290030),
        ("Afghanistan", 1149361),
        ("Afghanistan’s", 1149361),
        ("the city of Kandahar", 1138336),
        ("Kandahar city", 1138336),
    ],
)
def test_places_seed_names_link_to_geonames(text: str, geonames_id: int) -> None:
    place = link_place(text, AFG)
    assert place is not None
    assert place.geonames_id == geonames_id
    assert place.key == f"geonames-{geonames_id}"


@pytest.mark.parametrize("text", ["Kandahar", "Lashkar Gah", "Qala-i-Naw", "Doha"])
def test_places_cities_have_coordinates_and_country(text: str) -> None:
    place = link_place(text, AFG)
    assert place is not None and place.kind == "city"
    assert place.lat is not None and place.lon is not None
    assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180
    assert place.country is not None and len(place.country) == 3


@pytest.mark.parametrize(
    ("text", "label", "seat"),
    [
        ("Helmand province", "Helmand", "Lashkar Gah"),
        ("the Helmand region", "Helmand", "Lashkar Gah"),
        ("Helmand", "Helmand", "Lashkar Gah"),
        ("Badghis province", "Badghis", "Qala-i-Naw"),
        ("the province of Herat", "Herat", "Herat"),
    ],
)
def test_places_provinces(text: str, label: str, seat: str) -> None:
    place = link_place(text, AFG)
    seat_place = link_place(seat, AFG)
    assert place is not None and seat_place is not None
    assert place.kind == "province"
    assert place.label == label
    assert place.country == "AFG"
    assert (place.lat, place.lon) == (seat_place.lat, seat_place.lon)  # representative point: the seat


@pytest.mark.parametrize(
    ("text", "label", "country"),
    [
        ("Afghanistan's north-eastern Badakhshan province", "Badakhshan", "AFG"),
        ("Niger's Dosso region", "Dosso", "NER"),
        ("Sudan's Darfur", "Darfur", "SDN"),
    ],
)
def test_places_a_country_possessor_names_the_country_of_the_place(
    text: str, label: str, country: str
) -> None:
    place = link_place(text, PlaceContext(country="MLI"))  # the document's country does not override it
    assert place is not None and (place.label, place.country) == (label, country)


def test_places_capitalised_words_dropped_before_a_name_never_lead_abroad() -> None:
    # an unlisted village, not Bal'a in the West Bank
    assert link_place("the village of Dehqanan Bala", AFG) is None
    beirut = link_place("Christian east Beirut", PlaceContext("LBN"))
    assert beirut is not None and beirut.label == "Beirut"


def test_places_province_word_beats_same_named_city() -> None:
    city, province = link_place("Kandahar", AFG), link_place("Kandahar province", AFG)
    assert city is not None and province is not None
    assert (city.kind, province.kind) == ("city", "province")
    assert city.key != province.key


def test_places_city_gets_its_province_as_admin1() -> None:
    place = link_place("Lashkar Gah", AFG)
    assert place is not None and place.admin1 == "Helmand"


@pytest.mark.parametrize(
    ("text", "country", "label", "seat"),
    [
        # Ukraine's oblasts and Russia's border oblasts by the English names news gives them
        ("the Zhytomyr region", "UKR", "Zhytomyr Oblast", "Zhytomyr"),
        ("Dnipropetrovsk region", "UKR", "Dnipropetrovsk Oblast", "Dnipro"),
        ("Belgorod region", "RUS", "Belgorod Oblast", "Belgorod"),
        # Sudan's states, with their seats and other spellings
        ("North Darfur", "SDN", "North Darfur", "El Fasher"),
        ("Al Jazirah state", "SDN", "Gezira", "Wad Madani"),
    ],
)
def test_places_provinces_by_their_english_names(text: str, country: str, label: str, seat: str) -> None:
    ctx = PlaceContext(country)
    place, city = link_place(text, ctx), link_place(seat, ctx)
    assert place is not None and city is not None
    assert (place.kind, place.label, place.country) == ("province", label, country)
    assert (place.lat, place.lon) == (city.lat, city.lon) and city.admin1 == label


def test_places_a_bare_oblast_name_is_its_city() -> None:
    place = link_place("Kharkiv", PlaceContext("UKR"))
    assert place is not None and place.kind == "city" and place.admin1 == "Kharkiv Oblast"


@pytest.mark.parametrize(("country", "expected"), [("LBN", "LBN"), ("LBY", "LBY")])
def test_places_dominant_country_decides_ambiguous_names(country: str, expected: str) -> None:
    place = link_place("Tripoli", PlaceContext(country))
    assert place is not None and place.country == expected


def test_places_without_context_prefer_larger_population() -> None:
    libya, lebanon = link_place("Tripoli", PlaceContext("LBY")), link_place("Tripoli", PlaceContext("LBN"))
    chosen = link_place("Tripoli")
    assert libya is not None and lebanon is not None and chosen is not None
    assert chosen.key == libya.key  # the Libyan capital is far larger


@pytest.mark.parametrize(
    ("text", "kind", "country"),
    [
        ("Afghanistan", "country", "AFG"),
        ("the United States", "country", "USA"),
        ("Britain", "country", "GBR"),
    ],
)
def test_places_countries(text: str, kind: str, country: str) -> None:
    place = link_place(text, AFG)
    assert place is not None and (place.kind, place.country) == (kind, country)


def test_places_the_capital_is_the_dominant_countrys_capital() -> None:
    assert link_place("the capital", AFG) == link_place("Kabul", AFG)
    qatar = link_place("the capital", PlaceContext("QAT"))
    assert qatar is not None and qatar.geonames_id == 290030


def test_places_the_provincial_capital_is_the_seat_of_the_last_province() -> None:
    helmand = link_place("Helmand province", AFG)
    seat = link_place("the provincial capital", PlaceContext("AFG", None, helmand))
    assert seat is not None and seat == link_place("Lashkar Gah", AFG)
    assert link_place("the state capital", AFG) is None  # no province named before


def test_places_the_city_is_the_last_city() -> None:
    herat = link_place("Herat", AFG)
    assert link_place("the city", PlaceContext("AFG", herat)) == herat
    assert link_place("the city", AFG) is None
    assert link_place("the capital", PlaceContext(None)) is None


@pytest.mark.parametrize(
    "text", ["Xyzzyville", "the outskirts", "", "the", "North, South", "the East", "South"]
)
def test_places_unknown_names_are_none(text: str) -> None:
    assert link_place(text, AFG) is None


def _ents(*items: tuple[str, str]) -> list[Mention]:
    out, pos = [], 0
    for text, label in items:
        out.append(Mention(text, pos, pos + len(text), label))
        pos += len(text) + 10
    return out


@pytest.mark.parametrize(
    ("entities", "expected"),
    [
        (_ents(("Beirut", "GPE"), ("Tripoli", "GPE"), ("Lebanese", "NORP"), ("Israel", "GPE")), "LBN"),
        (_ents(("Benghazi", "GPE"), ("Tripoli", "GPE"), ("Libyan", "NORP"), ("Egypt", "GPE")), "LBY"),
        (_ents(("Kandahar", "GPE"), ("Afghan", "NORP"), ("Doha", "GPE"), ("Herat", "GPE")), "AFG"),
        (_ents(("Taliban", "ORG"), ("Ashraf Ghani", "PERSON")), None),
        # a name found in two countries ("Huila": Angola and Colombia) does not vote; a country does
        (_ents(("Huila", "GPE"), ("Colombia", "GPE")), "COL"),
        # an alternate spelling of a foreign city ("Boni" for Bonn) does not outvote the country named
        (_ents(("Boni", "GPE"), ("Mali", "GPE")), "MLI"),
    ],
)
def test_places_dominant_country(entities: list[Mention], expected: str | None) -> None:
    assert dominant_country(entities) == expected


def test_places_dominant_country_then_links_tripoli() -> None:
    lebanon = dominant_country(_ents(("Beirut", "GPE"), ("Sidon", "GPE"), ("Tripoli", "GPE")))
    place = link_place("Tripoli", PlaceContext(lebanon))
    assert place is not None and place.country == "LBN"


@pytest.mark.parametrize(
    ("country", "lat_range", "lon_range"),
    [  # bounding boxes of the countries: the population centre must fall inside
        ("Afghanistan", (29.3, 38.5), (60.5, 75.0)),
        ("Yemen", (12.1, 19.0), (42.5, 54.6)),
        ("Fiji", (-21.0, -12.4), (177.0, 180.0)),
    ],
)
def test_places_countries_have_a_point_inside_them(
    country: str, lat_range: tuple[float, float], lon_range: tuple[float, float]
) -> None:
    place = link_place(country)
    assert place is not None and place.lat is not None and place.lon is not None
    assert lat_range[0] <= place.lat <= lat_range[1]
    assert lon_range[0] <= place.lon <= lon_range[1]


@pytest.mark.parametrize(
    ("text", "label", "kind"),
    [
        ("central Mali", "Mali", "country"),
        ("northern Helmand", "Helmand", "province"),
        ("eastern Ukraine", "Ukraine", "country"),
        ("North Korea", "North Korea", "country"),
        ("South Sudan", "South Sudan", "country"),
    ],
)
def test_places_direction_words_fall_back_to_the_named_place(text: str, label: str, kind: str) -> None:
    place = link_place(text, AFG)
    assert place is not None and (place.label, place.kind) == (label, kind)


@pytest.mark.parametrize(
    ("text", "country", "label", "kind"),
    [("the village of Gaskinde", "BFA", "Gaskinde", "city"), ("Wadi Zurq", "SDN", "Wadi Zurq", "site"),
     ("northern Qorshale", None, "Qorshale", "site"),
     # a part-of-town word is no part of the name
     ("the Mawasi area", "PSE", "Mawasi", "site"),
     # a country possessor is no part of the name, unless only a direction would be left
     ("Cameroon's Logone-et-Chari department", "CMR", "Logone-et-Chari", "province"),
     ("Cameroon's South-West", "CMR", "Cameroon's South-West", "site"),
     # a plural landform is a place's name, not people ("United Nations peacekeepers")
     ("the Hamrin mountains", "IRQ", "Hamrin mountains", "site"),
     ("the Golan heights", None, "Golan heights", "site")],
)  # fmt: skip
def test_places_unlisted_names_stay_as_unlinked_places(
    text: str, country: str | None, label: str, kind: str
) -> None:
    place = unlinked_place(text, country)
    assert place is not None and (place.label, place.kind) == (label, kind)
    assert place.geonames_id is None and place.lat is None and place.country is None
    assert place.key.endswith("unlinked") and (country or "unknown").lower() in place.key


@pytest.mark.parametrize(
    "text", ["the town", "the outskirts", "", "the north", "several villages", "United Nations peacekeepers"]
)
def test_places_common_nouns_are_no_unlinked_places(text: str) -> None:
    assert unlinked_place(text, "AFG") is None


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Congo", "COD"),  # the wire services' "Congo" is the DRC
        ("DR Congo", "COD"),
        ("Democratic Republic of Congo", "COD"),
        ("Republic of Congo", "COG"),
        ("Congo-Brazzaville", "COG"),
    ],
)
def test_places_congo_names(name: str, country: str) -> None:
    place = link_place(name)
    assert place is not None and (place.kind, place.country) == ("country", country)


def test_places_a_named_part_of_a_town_is_not_linked_to_a_town_elsewhere() -> None:
    assert link_place("the Tierra Blanca neighbourhood", PlaceContext("MEX")) is None
    bokkos = link_place("the Bokkos area", PlaceContext("NGA"))  # "area" may name the town's surroundings
    assert bokkos is not None and bokkos.label == "Bokkos"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("the North Darfur capital", "El Fasher"),
        ("North Darfur", "North Darfur"),
        ("the capital", "Khartoum"),
    ],
)
def test_places_the_capital_of_a_named_province_is_its_seat(text: str, label: str) -> None:
    place = link_place(text, PlaceContext("SDN"))
    assert place is not None and place.label == label
