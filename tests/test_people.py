"""A surname written alone takes the full name other documents give it (tracker/extraction/people.py); who held
an office on a day (tracker/extraction/holders.py)."""

import datetime as dt
from dataclasses import dataclass

from tracker.extraction.holders import offices_held, office_rows
from tracker.extraction.people import complete_surnames, is_full_name, middle_dropped, named_in_full, surname_owners


@dataclass
class Said:
    speaker: str
    speaker_kind: str = "person"


def said(speaker, kind="person"):
    return Said(speaker, kind)


def test_a_full_name_is_words_of_a_name_not_a_title_or_party():
    assert is_full_name("Adaeze Okonkwo") and is_full_name("Ursula von der Leyen")
    assert not is_full_name("Conservative MP") and not is_full_name("Foreign Secretary")
    assert not is_full_name("Okonkwo") and not is_full_name("the Okonkwo campaign")


def test_a_surname_belongs_to_the_full_name_most_documents_give_it():
    owners = surname_owners({"Adaeze Okonkwo": 9, "Chidi Okonkwo": 1, "Mara Lind": 4, "Tom Lind": 3, "Ivo Brandt": 2})
    assert owners["Okonkwo"] == "Adaeze Okonkwo"
    assert "Lind" not in owners  # two people share it: neither owns it
    assert "Brandt" not in owners  # named in too few documents to be someone the reader knows


def test_complete_surnames_reads_the_batch_and_the_known_names():
    batch = [[said("Adaeze Okonkwo")], [said("Adaeze Okonkwo")], [said("Okonkwo"), said("Lind"), said("Okonkwo", "organisation")]]
    out = complete_surnames(batch)
    assert [s.speaker for s in out[2]] == ["Okonkwo", "Lind", "Okonkwo"]  # two documents are not yet enough
    out = complete_surnames(batch, {"Adaeze Okonkwo": 1, "Mara Lind": 5})
    assert [s.speaker for s in out[2]] == ["Adaeze Okonkwo", "Mara Lind", "Okonkwo"]  # never a body's name
    assert [s.speaker for s in batch[2]] == ["Okonkwo", "Lind", "Okonkwo"]  # the input is left as it was


def test_ingest_gives_a_lone_surname_the_full_name_the_store_holds(store, tmp_path):
    from tracker.actors import ActorAliases
    from tracker.ingest import content_key, ingest_files
    from tracker.types import Statement

    store.insert_statements([Statement(f"s{i}", "Adaeze Okonkwo", f"2025-01-0{i + 1}", "day", f"Statement {i}.",
                                       source=f"https://example.org/{i}",
                                       content_key=content_key("Adaeze Okonkwo", f"2025-01-0{i + 1}", f"Statement {i}."))
                             for i in range(3)])
    article = tmp_path / "a.txt"
    article.write_text("Okonkwo rejected the budget on Tuesday.\n\n\"We will not vote for this budget,\" Okonkwo "
                       "told reporters in the capital.\n", encoding="utf-8")
    summary = ingest_files(store, [str(article)], ActorAliases(), rejects_dir=tmp_path / "rejects",
                           log=lambda m: None, article_meta={"date": "2025-03-05"})
    assert summary.ingested >= 1
    quoted = store.statements().query("text == 'We will not vote for this budget'")
    assert list(quoted["actor"]) == ["Adaeze Okonkwo"]


def test_a_two_word_name_is_a_longer_one_without_its_middle_words_only():
    assert middle_dropped("Sushil Modi", "Sushil Kumar Modi")
    assert middle_dropped("Kamala Harris", "Kamala D. Harris")
    assert not middle_dropped("Mr Modi", "Mr Sushil Modi")  # a title is not a first name
    assert not middle_dropped("Narendra Modi", "Sushil Kumar Modi")
    assert not middle_dropped("Sushil Modi", "Sushil Modi")
    assert not middle_dropped("Sushil Kumar Modi", "Sushil Kumar Das Modi")  # two words only


def test_the_minister_is_no_head_of_government_but_the_prime_minister_is():
    from tracker.extraction.lexicon import title_matches

    assert title_matches("minister", "foreign minister") and title_matches("prime minister", "british prime minister")
    assert not title_matches("minister", "prime minister") and not title_matches("minister", "chief minister")
    assert not title_matches("minister", "scottish first minister")


def test_a_surname_is_the_one_person_the_article_names_in_full_with_it():
    text = ("Cameron spoke first. Later David Cameron left. Tom Barrow and Jane Barrow voted. Ms Ellis agreed, as did "
            "Sir Peter Dunne. Paul Douglas said so.")
    # two Barrows share a surname; 'Douglas' is a first name too
    assert named_in_full(text) == {"Cameron": "David Cameron", "Dunne": "Peter Dunne"}


def test_offices_held_are_those_of_the_articles_day():
    held = offices_held(dt.date(2019, 1, 3))
    assert held("Donald Trump").split(" | ")[-1] == "president"
    assert "us president" in held("Donald Trump").split(" | ")
    assert "turkish president" in held("Tayyip Erdoğan").split(" | ")  # a name the holder goes by, accents or not
    assert held("Trump") == held("Ivanka Trump") == held("Barack Obama") == ""  # one word, another person, out of office
    assert offices_held(dt.date(2013, 1, 3))("Barack Obama") != "" and offices_held(None)("Barack Obama") == ""


def test_every_office_holder_row_is_a_term_with_a_start_before_its_end():
    rows = office_rows()
    assert len(rows) > 50
    assert all(end is None or start < end for _, _, _, start, end in rows)


def test_a_country_is_not_the_title_of_its_president():
    from tracker.extraction.lexicon import title_matches

    assert title_matches("president", "mexico's president") and title_matches("president", "president of mexico")
    assert not title_matches("mexico", "mexico's president")  # 'urged Mexico to …' names no one
