"""End-to-end: the page in real headless Chromium over the API test database."""
from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser

TIMEOUT = 20


def _wait(driver: Any, condition: Any, message: str) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, TIMEOUT, poll_frequency=0.1).until(condition, message)


def _load(driver: Any, url: str) -> None:
    driver.get(url)
    _wait(driver, lambda d: d.execute_script("return document.body.dataset.ready === '1'"), "page never got ready")
    _settle(driver)


def _settle(driver: Any) -> None:
    """Wait until no API request is in flight (app.js keeps body[data-busy])."""
    _wait(driver, lambda d: d.execute_script("return document.body.dataset.busy === '0'"), "requests never settled")


def _css(driver: Any, selector: str) -> list[Any]:
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, selector)


def _no_alert(driver: Any) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018 - raises when no alert is open


def _severe_console(driver: Any) -> list[str]:
    """Console errors (script errors, CSP violations, failed loads)."""
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def _list_texts(driver: Any) -> list[str]:
    return driver.execute_script(
        "return [...document.querySelectorAll('#event-list li.event-item')].map(li => li.innerText)")


def test_web_page_filters_by_actor_and_highlights_evidence(browser, server, output_dir):
    driver = browser
    _load(driver, server + "/")
    driver.get_log("browser")  # start from a clean console
    # every panel drew from the API
    assert len(_css(driver, "#timeline g.day rect")) >= 5
    assert len(_css(driver, "#network g.node")) == 7
    assert len(_css(driver, "#map path.country")) > 100
    assert len(_css(driver, "#map circle.place")) == 3
    assert len(_list_texts(driver)) == 6
    assert _css(driver, "#stats")[0].text.startswith("5 篇文章")

    # filter by an actor, typed as a user would
    box = _css(driver, "#f-actor")[0]
    box.clear()
    box.send_keys("普京")
    _css(driver, "#f-apply")[0].click()
    _wait(driver, lambda d: len(_list_texts(d)) == 2, "the actor filter did not narrow the list to 2 events")
    _settle(driver)
    texts = _list_texts(driver)
    assert all("普京" in t for t in texts), texts
    assert len(_css(driver, "#network g.node")) == 3  # Putin, Witkoff and Ukraine: his ego network
    # open the Moscow visit
    visit = next(li for li in _css(driver, "#event-list li.event-item") if "威特科夫" in li.text)
    visit.click()
    _wait(driver, lambda d: _css(d, "#article-text .hl-evidence"), "no highlighted evidence")
    _settle(driver)
    evidence = "".join(e.text for e in _css(driver, "#article-text .hl-evidence"))
    assert evidence == "一位美国官员表示，美国特使威特科夫于12月2日前往俄罗斯首都莫斯科，与俄总统普京会面。"
    assert [e.text for e in _css(driver, "#article-text .hl-trigger")] == ["会面"]
    assert [e.text for e in _css(driver, "#article-text .hl-actor")] == ["威特科夫", "普京"]
    assert [e.text for e in _css(driver, "#article-text .hl-time")] == ["12月2日"]
    # the sentence outside the evidence is not highlighted
    assert "普京27日再次重申" not in evidence
    sources = _css(driver, "#detail .sources li")
    assert len(sources) == 1 and "美特使赴莫斯科与普京会面" in sources[0].text
    assert "一位美国官员" in _css(driver, "#detail .fields")[0].text
    assert _css(driver, "#detail .sources a")[0].get_attribute("href").startswith("https://example.org/")
    driver.execute_script("document.getElementById('detail-panel').scrollIntoView()")
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(str(output_dir / "page-filtered-event.png"))
    assert _severe_console(driver) == []
    _no_alert(driver)


def test_web_timeline_click_lists_that_day(browser, server):
    driver = browser
    _load(driver, server + "/")
    day = next(g for g in _css(driver, "#timeline g.day") if g.get_attribute("data-day") == "2025-11-30")
    day.find_elements("css selector", "rect")[0].click()
    _wait(driver, lambda d: len(_list_texts(d)) == 2, "the day click did not narrow the list")
    _settle(driver)
    assert all(t.startswith("2025-11-30") for t in _list_texts(driver))
    assert not _css(driver, "#day-chip")[0].get_attribute("hidden")


def test_web_english_toggle_switches_labels_and_names(browser, server, output_dir):
    driver = browser
    _load(driver, server + "/")
    assert _css(driver, "#timeline-panel h2 span")[0].text == "时间线"
    _css(driver, "#lang-toggle")[0].click()
    _wait(driver, lambda d: _css(d, "#timeline-panel h2 span")[0].text == "Timeline", "labels stayed Chinese")
    assert _css(driver, "#lang-toggle")[0].text == "中文"
    assert any("Steve Witkoff → Vladimir Putin" in t for t in _list_texts(driver))
    names = {n.text for n in _css(driver, "#network g.node text")}
    assert "Russia" in names and "俄罗斯" not in names
    driver.save_screenshot(str(output_dir / "page-english.png"))
    _css(driver, "#lang-toggle")[0].click()
    _wait(driver, lambda d: _css(d, "#timeline-panel h2 span")[0].text == "时间线", "labels stayed English")


def test_web_xss_article_renders_inert(browser, server, output_dir, records_module):
    driver = browser
    _load(driver, server + "/")
    driver.get_log("browser")
    item = next(li for li in _css(driver, "#event-list li.event-item") if "网络观察社" in li.text)
    assert records_module.XSS_IMG in item.text  # the markup is shown as text
    item.click()
    _wait(driver, lambda d: _css(d, "#article-text .hl-evidence"), "no highlighted evidence")
    _settle(driver)
    text = _css(driver, "#article-text")[0].text
    assert records_module.XSS_SCRIPT in text and records_module.XSS_LINK in text
    assert "javascript:alert('xss-bare')" in text
    title = _css(driver, "#detail .article-title")[0].text
    assert records_module.XSS_SCRIPT in title
    # nothing was parsed as HTML: no injected element, no javascript: link, no alert
    assert driver.execute_script("return document.querySelectorAll('img').length") == 0
    assert driver.execute_script("return document.querySelectorAll('#detail a, #detail b, #event-list b').length") == 0
    srcs = driver.execute_script("return [...document.scripts].map(s => s.getAttribute('src'))")
    assert all(s and s.startswith("/static/") for s in srcs), srcs
    hrefs = driver.execute_script("return [...document.querySelectorAll('a')].map(a => a.getAttribute('href'))")
    assert not [h for h in hrefs if h and "javascript" in h.lower()]
    _css(driver, "#lang-toggle")[0].click()  # English names carry markup too
    _wait(driver, lambda d: any("<b>Net Watch</b>" in n.text for n in _css(d, "#network g.node text")),
          "English actor name not shown as text")
    assert driver.execute_script("return document.querySelectorAll('b, img').length") == 0
    _css(driver, "#lang-toggle")[0].click()
    driver.save_screenshot(str(output_dir / "page-xss-article.png"))
    assert _severe_console(driver) == []
    _no_alert(driver)


def test_web_docs_render_offline(browser, server, output_dir):
    driver = browser
    driver.get(server + "/docs")
    _wait(driver, lambda d: _css(d, ".opblock-summary-path"), "Swagger UI did not render")
    paths = {e.text.replace("\u200b", "") for e in _css(driver, ".opblock-summary-path")}
    assert "/api/events" in paths and "/api/network" in paths
    driver.save_screenshot(str(output_dir / "docs.png"))
    assert [m for m in _severe_console(driver) if "Content Security Policy" in m] == []
