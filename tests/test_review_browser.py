"""The review queue in a real headless Chromium (Selenium + the Debian chromedriver): a keyboard-only
review of a small queue against the real server, hostile statements shown as text, no CSP violation."""

import os
import shutil

import pytest

from conftest import HOSTILE
from test_review import JUDGE, add_candidates

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
CHROMEDRIVER = shutil.which("chromedriver")


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    missing = [name for name, found in (("chromium", CHROMIUM), ("chromedriver", CHROMEDRIVER)) if not found]
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.options import Options
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        missing.append("the selenium package (pip install -e '.[test]')")
    if missing:
        reason = (f"{' and '.join(missing)} not installed (.ci/run installs the Debian packages 'chromium' and "
                  "'chromium-driver' when it can)")
        print(f"SKIP: {reason}")
        pytest.skip(reason)
    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must not look for downloads
    options = Options()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1200,1400", f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    d = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    d.set_page_load_timeout(30)
    yield d
    d.quit()


def test_keyboard_only_review_of_a_queue(driver, flagged_store, tmp_path):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    from tracker.review.app import create_app
    from tracker.review.server import running

    store = add_candidates(flagged_store)
    wait = WebDriverWait(driver, 20)

    def keys(*sequence):
        ActionChains(driver).send_keys(*sequence).perform()

    def pair():
        field = lambda name: driver.find_element(By.NAME, name).get_attribute("value")  # noqa: E731
        return field("earlier"), field("later")

    def press_and_wait(key, text):
        before = driver.current_url
        keys(key)
        wait.until(lambda d: d.current_url != before and text in d.page_source)

    app = create_app(store.path, judge=lambda: JUDGE, allowed_hosts=["127.0.0.1"])
    with running(app) as base:
        driver.get(base + "/")
        assert driver.title == "Review queue — tracker"
        body = driver.find_element(By.TAG_NAME, "body").text
        assert HOSTILE[0] in body and "<img src=x onerror=alert(1)>" in body  # shown as text

        press_and_wait("o", "Reviewer")  # open the first item
        assert pair() == ("h1", "h2")
        assert driver.find_element(By.CSS_SELECTOR, "#earlier blockquote").text == "I support it. " + HOSTILE[0]
        assert driver.find_element(By.CSS_SELECTOR, "#later blockquote").text.endswith(HOSTILE[2])
        assert driver.find_elements(By.CSS_SELECTOR, "#earlier .source a") == []  # javascript: is no link
        assert HOSTILE[3] in driver.find_element(By.CSS_SELECTOR, "#later .source").text
        assert driver.execute_script("return document.title") == "Hostile Person — review — tracker"
        keys("?")
        assert driver.find_element(By.ID, "keys").is_displayed()
        keys("?")

        keys("r")  # the name field: type, leave it with Esc, then dismiss with d
        assert driver.switch_to.active_element.get_attribute("id") == "reviewer"
        keys("Ada", Keys.ESCAPE)
        press_and_wait("d", "Saved: no_flip on h1 → h2, by Ada.")
        assert pair() == ("o1", "o2")

        press_and_wait("s", "item 2 of")  # skip: nothing stored
        assert pair() == ("t1", "t2")
        keys("n", "reversed within a day", Keys.ESCAPE)
        press_and_wait("f", "Saved: full_flop on t1 → t2, by Ada.")
        assert pair() == ("t0", "t1") and "Would you send troops?" in driver.page_source
        press_and_wait("h", "Saved: half_flip on t0 → t1, by Ada.")
        driver.save_screenshot(str(tmp_path / "review.png"))
        keys("q")
        wait.until(lambda d: d.title == "Review queue — tracker")

        try:
            driver.switch_to.alert
            raise AssertionError("a hostile script opened an alert")
        except NoAlertPresentException:
            pass
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        assert errors == []  # a blocked inline script or style would be a CSP error here

    got = store.reviews()[["earlier_id", "later_id", "verdict", "reviewer", "note"]].values.tolist()
    assert got == [["h1", "h2", "no_flip", "Ada", ""], ["t1", "t2", "full_flop", "Ada", "reversed within a day"],
                   ["t0", "t1", "half_flip", "Ada", ""]]
    assert store.changes(review="confirmed")["later_id"].tolist() == ["t1", "t2"]
    shutil.copy(tmp_path / "review.png", tmp_path.parent / "review-screenshot.png")
