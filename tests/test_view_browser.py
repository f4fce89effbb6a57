"""The HTML view in a real headless Chromium, with the network cut off."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_view import HOSTILE, SAMPLE, make_event, parse_page, sample_graph

from kg.view import write_view

pytestmark = pytest.mark.browser

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _chromium() -> str | None:
    path = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
    return path if Path(path).is_file() or shutil.which(path) else None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = _chromium()
    required = os.environ.get("KG_REQUIRE_BROWSER") == "1"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if required:
            pytest.fail("KG_REQUIRE_BROWSER=1 but playwright is not installed")
        pytest.skip("playwright is not installed")
    if executable is None:
        if required:
            pytest.fail("KG_REQUIRE_BROWSER=1 but no Chromium found; set KG_CHROMIUM")
        pytest.skip("no Chromium at /usr/bin/chromium (set KG_CHROMIUM)")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Session:
    """A page with the network cut off that records requests, console errors and dialogs."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.blocked: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.page.route("**/*", self._route)
        self.page.on("requestfailed", lambda r: self.failed.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.goto(path.as_uri())
        self.page.wait_for_function("document.body.getAttribute('data-ready') === '1'", timeout=60_000)

    def _route(self, route: Any) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def drawn(self) -> tuple[int, int]:
        return tuple(
            self.page.evaluate("[kgNetwork.body.nodeIndices.length, kgNetwork.body.edgeIndices.length]")
        )  # type: ignore[return-value]

    def assert_clean(self) -> None:
        assert self.blocked == [] and self.failed == [], "the page tried to use the network"
        assert self.errors == [], self.errors
        assert self.dialogs == []


@pytest.mark.parametrize("view", ["events", "actors"])
def test_view_browser_draws_every_node_offline(browser: Any, tmp_path: Path, view: str) -> None:
    out = write_view(sample_graph(), tmp_path / f"{view}.html", view=view)
    _, data = parse_page(out.read_text("utf-8"))
    session = Session(browser, out)
    assert session.page.evaluate("typeof vis") != "undefined"
    assert session.drawn() == (len(data["nodes"]), len(data["edges"]))
    canvas = session.page.locator("#kg-network canvas")
    assert canvas.bounding_box()["width"] > 500  # type: ignore[index]
    session.page.screenshot(path=str(tmp_path / f"{view}.png"))
    assert (tmp_path / f"{view}.png").stat().st_size > 10_000
    session.assert_clean()
    session.page.close()


def test_view_browser_filters_change_visible_nodes(browser: Any, tmp_path: Path) -> None:
    out = write_view(sample_graph(), tmp_path / "events.html")
    _, data = parse_page(out.read_text("utf-8"))
    session = Session(browser, out)
    page = session.page
    all_nodes, _ = session.drawn()
    # category: untick Assault -> only the negotiation and the arrest remain
    page.locator("input.kg-cat[value='Assault']").uncheck()
    shown = page.evaluate("kgNetwork.body.nodeIndices.map(id => kgNetwork.body.nodes[id].options.label)")
    events = sorted(label for label in shown if " · " in label)
    assert events == ["Arrest · 2021-07-30", "Negotiation · 2021-08-12"]
    assert session.drawn()[0] < all_nodes
    page.click("#kg-cat-all")
    assert session.drawn()[0] == all_nodes
    # actor: only events with the air force
    page.fill("#kg-actor", "air for")
    shown = page.evaluate("kgNetwork.body.nodeIndices.map(id => kgNetwork.body.nodes[id].options.label)")
    assert sorted(label for label in shown if " · " in label) == ["AirStrike · 2021-08-10"]
    page.fill("#kg-actor", "")
    # date range: 2021-08-11 .. 2021-08-12
    page.fill("#kg-from", "2021-08-11")
    page.fill("#kg-to", "2021-08-12")
    page.locator("#kg-to").dispatch_event("change")
    shown = page.evaluate("kgNetwork.body.nodeIndices.map(id => kgNetwork.body.nodes[id].options.label)")
    expected = sorted(
        f"{e.event_class} · {e.time.start}"
        for e in SAMPLE
        if e.time and "2021-08-11" <= str(e.time.start) <= "2021-08-12"
    )
    assert sorted(label for label in shown if " · " in label) == expected
    page.click("#kg-reset")
    assert session.drawn() == (len(data["nodes"]), len(data["edges"]))
    session.assert_clean()
    page.close()


def test_view_browser_hostile_text_does_not_run(browser: Any, tmp_path: Path) -> None:
    events = [make_event("Capture", HOSTILE, "Kandahar", "2021-08-13", sentence=HOSTILE)]
    out = write_view(sample_graph(events), tmp_path / "hostile.html", title=HOSTILE)
    session = Session(browser, out)
    page = session.page
    # hover every node so each tooltip is built and shown
    points = page.evaluate("""Object.values(kgNetwork.getPositions()).map(p => kgNetwork.canvasToDOM(p))""")
    box = page.locator("#kg-network").bounding_box()
    tooltip = ""
    for point in points:
        page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
        page.wait_for_timeout(400)
        tooltip += page.evaluate(
            "Array.from(document.querySelectorAll('.vis-tooltip')).map(t => t.textContent).join(' ')"
        )
    assert "<img src=x" in tooltip  # shown as text
    page.click("#kg-network", position={"x": box["width"] / 2, "y": box["height"] / 2})
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.title() == HOSTILE
    session.assert_clean()
    page.close()


def test_view_browser_actors_filter_by_category(browser: Any, tmp_path: Path) -> None:
    from kg.namespaces import EVENT_CLASSES

    out = write_view(sample_graph(), tmp_path / "actors.html", view="actors")
    session = Session(browser, out)
    page = session.page
    page.locator("input.kg-cat[value='Assault']").uncheck()
    shown = page.evaluate(
        """kgNetwork.body.edgeIndices.map(id => {
             const e = kgNetwork.body.edges[id];
             return [e.from.options.label, e.to.options.label].join(" @ ");
           })"""
    )
    expected = {
        f"{actor.label} @ {place.label}"
        for event in SAMPLE
        if EVENT_CLASSES[event.event_class] != "Assault"
        for actor in event.agents + event.targets
        for place in event.places
    }
    assert sorted(shown) == sorted(expected)
    labels = page.evaluate("kgNetwork.body.nodeIndices.map(id => kgNetwork.body.nodes[id].options.label)")
    assert sorted(labels) == sorted({part for pair in expected for part in pair.split(" @ ")})
    session.assert_clean()
    page.close()


@pytest.mark.model
def test_view_browser_seed_article_page(browser: Any, nlp: Any, seed_path: Path, tmp_path: Path) -> None:
    import datetime as dt

    from kg.pipeline import build

    result = build([str(seed_path)], tmp_path, date=dt.date(2021, 8, 13), nlp=nlp)
    assert result.html_path is not None and result.events > 0
    _, data = parse_page(result.html_path.read_text("utf-8"))
    session = Session(browser, result.html_path)
    assert session.drawn() == (len(data["nodes"]), len(data["edges"]))
    session.page.fill("#kg-actor", "Taliban")
    shown, _ = session.drawn()
    assert 0 < shown < len(data["nodes"])
    session.page.screenshot(path=str(tmp_path / "seed.png"))
    session.assert_clean()
    session.page.close()
