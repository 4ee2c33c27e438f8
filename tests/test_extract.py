"""One focused test per extraction rule, on short sentences written for the test."""

import datetime as dt
from pathlib import Path

import pytest

from tracker.actors import ActorAliases
from tracker.extraction.read import Article, read_article
from tracker.extraction.extract import extract_statements

ROOT = Path(__file__).resolve().parent.parent
DAY = dt.date(2025, 8, 20)  # a Wednesday


@pytest.fixture(scope="module")
def nlp():
    from tracker.extraction.extract import load_nlp

    return load_nlp()


@pytest.fixture
def run(nlp):
    def _run(text, day=DAY, **kw):
        return extract_statements(Article("t.txt", text, day, "https://x", "X", "argument"), nlp=nlp, **kw)
    return _run


def one(found, needle):
    hits = [s for s in found if needle in s.text]
    assert hits, [(s.speaker, s.text) for s in found]
    return hits[0]


# ---------------------------------------------------------------- direct quote shapes

def test_name_said_colon_quote(run):
    s = one(run('Jane Doe said: "We will build the bridge next year."'), "build the bridge")
    assert (s.speaker, s.kind, s.text) == ("Jane Doe", "direct", "We will build the bridge next year.")


def test_words_read_out_are_the_readers(run):
    found = run('The Elections Centre announced the result.\n\n"Today, the country is in crisis," one officer read out.')
    assert one(found, "in crisis").speaker == "Officer"


def test_quote_comma_name_said(run):
    s = one(run('Jane Doe spoke in town. "The bridge is safe for now," Doe said.'), "bridge is safe")
    assert (s.speaker, s.text) == ("Jane Doe", "The bridge is safe for now")


def test_quote_comma_said_name(run):
    s = one(run('"The bridge is safe for now," said Jane Doe.'), "bridge is safe")
    assert s.speaker == "Jane Doe"


def test_name_responded_colon(run):
    s = one(run('Asked about the delay, John Roe responded: "We never promised a date."'), "never promised")
    assert s.speaker == "John Roe"


def test_name_told_reporters(run):
    s = one(run('"Nothing is ruled out at this stage," John Roe told reporters.'), "Nothing is ruled out")
    assert s.speaker == "John Roe"


def test_split_quote_joined(run):
    found = run('"We tried our best," John Roe said, "and we will try again."')
    s = one(found, "We tried")
    assert s.text == "We tried our best and we will try again."
    assert len([f for f in found if f.kind == "direct"]) == 1


def test_quote_continued_in_next_sentence(run):
    s = one(run('"We tried our best," John Roe said. "We will try again next year."'), "We tried")
    assert s.text == "We tried our best We will try again next year."


def test_straight_and_curly_quotes(run):
    found = run("Jane Doe said: “Taxes will fall.” John Roe said: \"Taxes will rise.\"")
    assert one(found, "fall").speaker == "Jane Doe"
    assert one(found, "rise").speaker == "John Roe"


def test_multi_paragraph_quote(run):
    text = 'John Roe said: "We will not give up on this project.\n\n"It matters too much to the town."'
    s = one(run(text), "give up")
    assert "matters too much" in s.text


def test_offsets_point_at_text(run):
    text = 'Jane Doe said: "We will build the bridge next year."'
    s = one(run(text), "bridge")
    assert text[s.start:s.end] == s.text


# ---------------------------------------------------------------- reported speech

@pytest.mark.parametrize("sentence, content", [
    ("Jane Doe said that the bridge would reopen in spring.", "the bridge would reopen in spring"),
    ("Jane Doe said the bridge would reopen in spring.", "the bridge would reopen in spring"),
    ("Jane Doe vowed to cut waiting lists by half.", "to cut waiting lists by half"),
    ("Jane Doe confirmed that the talks had collapsed.", "the talks had collapsed"),
    ("Jane Doe made it clear that she would not resign.", "she would not resign"),
    ("Jane Doe insisted that the money was safe.", "the money was safe"),
    ("Jane Doe warned that prices could rise.", "prices could rise"),
    ("Jane Doe argued that the rules were unfair.", "the rules were unfair"),
    ("Jane Doe claimed that turnout had doubled.", "turnout had doubled"),
    ("Jane Doe denied that she had met the donor.", "denied that she had met the donor"),  # the denial stays
    ("Jane Doe promised to publish the report.", "to publish the report"),
    ("Jane Doe pledged to keep the hospital open.", "to keep the hospital open"),
])
def test_reported_speech_verbs(run, sentence, content):
    s = one(run(sentence), content)
    assert (s.speaker, s.kind) == ("Jane Doe", "reported")
    assert s.text.startswith(content)


def test_reported_clause_containing_quote_is_direct_not_reported(run):
    found = run('Jane Doe said: "The bridge will reopen."')
    assert [f.kind for f in found] == ["direct"]


# ---------------------------------------------------------------- descriptions

@pytest.mark.parametrize("sentence, phrase", [
    ("Jane Doe appeared open to the idea of a new tax.", "appeared open to the idea"),
    ("Jane Doe left the door open to a second vote.", "left the door open to a second vote"),
    ("Jane Doe is still pushing for a second vote.", "is still pushing for a second vote"),
    ("Jane Doe opposed the plan.", "opposed the plan"),
    ("Jane Doe came out against the merger.", "came out against the merger"),
    ("Jane Doe doubled down on her plan to cut taxes.", "doubled down on her plan to cut taxes"),
    ("Jane Doe stopped short of endorsing the plan.", "stopped short of endorsing the plan"),
    ("Jane Doe has repeatedly called for a ceasefire.", "has repeatedly called for a ceasefire"),
    ("Jane Doe backed away from the plan.", "backed away from the plan"),
    ("Jane Doe dropped her opposition to the plan.", "dropped her opposition to the plan"),
    ("Jane Doe softened her stance on tariffs.", "softened her stance on tariffs"),
    ("Jane Doe kept the door open to talks.", "kept the door open to talks"),
    ("Jane Doe hinted at a tax cut.", "hinted at a tax cut"),
])
def test_description(run, sentence, phrase):
    s = one(run(sentence), phrase)
    assert (s.speaker, s.kind) == ("Jane Doe", "description")


def test_present_tense_description_gets_article_date(run):
    s = one(run("Jane Doe spoke on Monday. Jane Doe is still pushing for a second vote."), "pushing")
    assert s.date == DAY


# ---------------------------------------------------------------- speakers

def test_title_resolves_to_last_named_holder(run):
    found = run("Prime Minister Jane Doe met President John Roe on Monday. "
                "The prime minister said the meeting had gone well. The president said the talks were useful.")
    assert one(found, "meeting had gone well").speaker == "Jane Doe"
    assert one(found, "talks were useful").speaker == "John Roe"


def test_pronoun_resolves_by_gender(run):
    found = run("Mrs Jane Doe met Mr John Roe in Paris. She said the deal was close. He said nothing was agreed.")
    assert one(found, "deal was close").speaker == "Jane Doe"
    assert one(found, "nothing was agreed").speaker == "John Roe"


def test_pronoun_prefers_recent_subject(run):
    found = run("John Roe hosted Peter Smith at his office. Asked about the budget, he said it was balanced.")
    assert one(found, "it was balanced").speaker == "John Roe"


def test_surname_maps_to_full_name(run):
    found = run("John Roe arrived late. Roe said the vote would be delayed.")
    assert one(found, "vote would be delayed").speaker == "John Roe"


def test_anonymous_source_is_a_role(run):
    found = run("A senior official said the plan had been shelved. A White House official confirmed that "
                "talks would resume.")
    assert one(found, "plan had been shelved").speaker == "Senior official"
    assert one(found, "talks would resume").speaker == "White House official"


def test_spokesperson(run):
    s = one(run('"The meeting was productive," a Downing Street spokesperson said.'), "productive")
    assert s.speaker == "Downing Street spokesperson"


def test_interviewer_question_goes_to_interviewer(run):
    found = run('Host Mary Poe put it to him: "Will you raise taxes?"\n\n"No, I will not," John Roe replied.')
    assert one(found, "Will you raise taxes").speaker == "Mary Poe"
    assert one(found, "I will not").speaker == "John Roe"


def test_question_content_is_not_a_claim(run):
    found = run("A reporter asked whether John Roe would promise to cut taxes.")
    assert not [f for f in found if f.speaker == "John Roe"]


def test_embedded_post(run):
    text = ("John Roe spoke on Monday.\n"
            "BREAKING: The bridge is closed:\n"
            "REPORTER: \"Is it safe?\"\n"
            "ROE: \"It is perfectly safe.\"\n"
            "pic.twitter.com/abc— Jane Doe (@janedoe) August 19, 2025\n")
    found = run(text)
    assert one(found, "perfectly safe").speaker == "John Roe"
    assert one(found, "Is it safe").speaker == "Reporter"
    assert one(found, "bridge is closed").speaker == "Jane Doe"
    assert one(found, "perfectly safe").date == dt.date(2025, 8, 19)


def test_name_in_apposition_is_the_speaker(run):
    s = one(run("Spain's prime minister, Pedro Sanchez, said he would back the deal without any enthusiasm."), "back the deal")
    assert s.speaker == "Pedro Sanchez"


def test_name_particles_are_kept(run):
    found = run('BRASILIA - President Luiz Inacio Lula da Silva said on Thursday that Brazil would first try to negotiate. '
                '"If that fails, we will do the same," Lula said in an interview.')
    assert one(found, "do the same").speaker == "Luiz Inacio Lula da Silva"


def test_bare_surname_takes_the_full_name_named_later(run):
    found = run('The prime minister thanked his family. "We will win," Albanese said.\n\n'
                'Anthony Albanese has taken the stage in Sydney.')
    assert one(found, "We will win").speaker == "Anthony Albanese"


def test_a_body_is_never_he(run):
    text = ('John Smith spoke to reporters. Downing Street refused to comment on the plan. '
            '"The plan is dead," he said.')
    assert one(run(text), "The plan is dead").speaker == "John Smith"


def test_post_on_x_ends_the_sentence(run):
    text = ('Jan Nowak conceded on Monday in a post on X. "Congratulations to the winner," he wrote.')
    found = run(text)
    assert one(found, "Congratulations").speaker == "Jan Nowak"
    assert not any(f.text.startswith("in a post") for f in found)


def test_aliases_applied(run, tmp_path):
    csv = tmp_path / "aliases.csv"
    csv.write_text("alias,canonical\nJane Doe,Jane Q. Doe\n", encoding="utf-8")
    s = one(run("Jane Doe said the bridge would reopen.", aliases=ActorAliases.from_csv(csv)), "bridge")
    assert s.speaker == "Jane Q. Doe"


# ---------------------------------------------------------------- dates (article date: Wed 2025-08-20)

@pytest.mark.parametrize("cue, expected, precision", [
    ("on Tuesday", dt.date(2025, 8, 19), "day"),
    ("on Wednesday", dt.date(2025, 8, 20), "day"),
    ("on Monday morning", dt.date(2025, 8, 18), "day"),
    ("yesterday", dt.date(2025, 8, 19), "day"),
    ("today", dt.date(2025, 8, 20), "day"),
    ("on Aug. 18", dt.date(2025, 8, 18), "day"),
    ("on August 18", dt.date(2025, 8, 18), "day"),
    ("in March", dt.date(2025, 3, 1), "month"),
    ("last week", dt.date(2025, 8, 1), "month"),
    ("earlier this month", dt.date(2025, 8, 1), "month"),
    ("earlier in the week", dt.date(2025, 8, 1), "month"),
    ("two days ago", dt.date(2025, 8, 18), "day"),
    ("in 2023", dt.date(2023, 1, 1), "year"),
])
def test_date_cues(run, cue, expected, precision):
    s = one(run(f"Jane Doe said {cue} that the bridge would reopen."), "bridge")
    assert (s.date, s.date_precision) == (expected, precision)


def test_day_earlier_is_relative_to_event(run):
    found = run("Jane Doe said on Tuesday that taxes would not rise, "
                "a position she had left open only a day earlier.")
    assert one(found, "taxes would not rise").date == dt.date(2025, 8, 19)
    assert one(found, "left open").date == dt.date(2025, 8, 18)


def test_no_cue_inherits_last_event_date(run):
    found = run("Jane Doe said on Monday that taxes would fall.\n\nShe added that spending would rise.")
    assert one(found, "spending would rise").date == dt.date(2025, 8, 18)


def test_no_cue_at_all_uses_article_date(run):
    assert one(run("Jane Doe said that taxes would fall."), "taxes").date == DAY


def test_future_weekday_in_content_is_not_the_statement_date(run):
    found = run("Jane Doe said yesterday that the new rules would start on Friday.")
    assert one(found, "new rules").date == dt.date(2025, 8, 19)


def test_a_date_something_lies_ahead_of_is_not_the_statement_date(run):
    """`Labour trails ahead of the August 8 election`: a day to come, so the quote after it keeps the article's
    day; `edged ahead of the Tories in Sunday's election` is no such day."""
    found = run("OSLO - Labour trails the opposition ahead of the August 8 election.\n\n"
                'Jane Doe was unimpressed. "We will now get a weakened government," she told the news agency NTB.')
    assert one(found, "weakened government").date == DAY
    from tracker.extraction.dates import find_cues

    assert [c.kind for c in find_cues("Labour edged ahead of the Tories in Sunday's election.", [])] == ["weekday"]


def test_a_day_booked_ahead_is_not_the_statement_date(run):
    """`announced a cabinet meeting for Monday`: the Monday to come, not the Monday gone, so what she says after it
    keeps the article's day; `after Monday's speech` and `halted for Friday prayers` still name a day gone."""
    found = run("ROME - Jane Doe hit back hard. She branded the ruling \"prejudiced\" and announced a cabinet meeting for "
                "Monday.\n\n\"We will meet to approve new rules,\" Doe said.")
    assert one(found, "approve new rules").date == DAY
    from tracker.extraction.dates import find_cues

    assert [c.kind for c in find_cues("She was praised after Monday's speech.", [])] == ["weekday"]
    assert [c.kind for c in find_cues("She announced a meeting for Monday.", [])] == []
    assert [c.kind for c in find_cues("The hearing was halted for Friday prayers.", [])] == ["weekday"]


# ---------------------------------------------------------------- seed article

def test_seed_article(nlp):
    art = read_article(ROOT / "seeds" / "000_670f619b6cb97f13.txt", date="2025-08-20",
                       url="https://www.rightnewsdigest.com/trump-assures-no-us-boots-on-ground-to-enforce-a-peace-deal-in-ukraine")
    found = extract_statements(art, nlp=nlp, aliases=ActorAliases.from_csv(ROOT / "data" / "actors.csv"))
    assurance = one(found, "You have my assurance, and I")
    assert (assurance.speaker, assurance.kind, assurance.date) == ("Donald Trump", "direct", dt.date(2025, 8, 19))
    open_idea = one(found, "appeared possibly open to the idea")
    assert (open_idea.speaker, open_idea.kind, open_idea.date) == ("Donald Trump", "description",
                                                                   dt.date(2025, 8, 18))
    official = one(found, "ruled out deploying US ground forces")
    assert (official.speaker, official.kind) == ("White House official", "reported")
    downing = one(found, "Coalition of the Willing planning teams")
    assert downing.speaker == "Downing Street spokesperson"
    question = one(found, "What kind of assurances")
    assert question.speaker != "Donald Trump"
    post = [f for f in found if f.text.strip(' ."') == "You have my assurance"]
    assert post and post[0].speaker == "Donald Trump"
    assert all(f.url == art.url for f in found)
    # the writer sets the earlier openness against the refusal: the link detect turns into a reported shift
    assert found[open_idea.contrasts].text.startswith("he will not send American troops")


# ---------------------------------------------------------------- positions the writer contrasts

def test_despite_links_a_description_to_the_same_speakers_statement(run):
    found = run("Jane Doe said that she would not raise taxes, despite having appeared open to the idea last week.")
    desc = one(found, "appeared open to the idea")
    assert desc.kind == "description" and found[desc.contrasts].text == "she would not raise taxes"


def test_although_before_the_description_also_links(run):
    found = run("Jane Doe said that the plant will close, although she had appeared reluctant to shut it in May.")
    assert found[one(found, "appeared reluctant").contrasts].text == "the plant will close"


def test_a_concession_made_at_the_same_time_links_nothing(run):
    found = run("Jane Doe said on Monday that the delay had been a mistake, though she defended the decision.")
    assert one(found, "defended the decision").contrasts is None


def test_no_link_without_a_contrast_word(run):
    found = run("Jane Doe said that she would not raise taxes and appeared open to cutting them next year.")
    assert one(found, "appeared open").contrasts is None


def test_no_link_to_another_speakers_statement(run):
    found = run("Jane Doe said that taxes will rise, despite John Smith having appeared open to a freeze.")
    assert all(f.contrasts is None for f in found)


def test_reported_shift_links_the_sentence_to_the_speakers_earlier_statement(run):
    text = ('Jane Doe on Wednesday reversed course on the bridge toll, telling reporters that drivers would pay '
            'nothing.\n\nOn May 3 she had said: "The toll is here to stay and it will not be cut."')
    found = run(text)
    earlier = one(found, "The toll is here to stay")
    later = one(found, "drivers would pay nothing")
    assert earlier.date < later.date and found[later.contrasts] is earlier


def test_a_word_or_two_quoted_inside_the_writers_sentence_is_no_statement(run):
    found = run('Jane Doe said the plan was "offensive" and full of "falsehoods". The talks were "very tense".')
    assert not any(f.kind == "direct" for f in found)


def test_an_attribution_set_off_by_commas_reports_the_clause_around_it(run):
    found = run("Jane Doe was unmoved on Friday. The new figures, she said, showed the plan had failed.")
    assert one(found, "The new figures").speaker == "Jane Doe"
    assert one(found, "The new figures").text == "The new figures showed the plan had failed"


@pytest.mark.parametrize("verb", ["is expected to announce", "will announce", "is due to announce"])
def test_what_someone_is_yet_to_say_is_no_statement(run, verb):
    assert run(f"Premier Jane Doe {verb} fresh support measures for the property market.") == []


@pytest.mark.parametrize("text", [
    # negated
    'Jane Doe said on Wednesday that she will not back down on the bridge toll.\n\n'
    'On May 3 she had said: "The toll is here to stay and it will not be cut."',
    # asked whether one is coming
    'On May 3 Jane Doe said: "The toll is here to stay and it will not be cut."\n\n'
    'Asked on Wednesday whether another climbdown was coming, she replied that drivers would see.',
    # a shift, but the only other statement carries no date of its own: it may well be the new position
    'Jane Doe on Friday reversed course on the tax cut.\n\nOn Thursday Jane Doe met union leaders in Leeds. '
    'She said the change would raise $18bn a year.',
])
def test_a_shift_cue_links_nothing_without_a_dated_earlier_position(run, text):
    assert all(f.contrasts is None for f in run(text))


@pytest.mark.parametrize("text, kind", [
    ("Jane Doe said that the bridge would be built next year.", "person"),
    ("A senior official said that the bridge would be built next year.", "anonymous"),
    ("Jane Doe spoke first. The Ministry of Transport said that the bridge would be built next year.", "organisation"),
])
def test_speaker_kind(run, text, kind):
    assert one(run(text), "bridge would be built").speaker_kind == kind


def test_a_look_back_dates_its_own_paragraph_only(run):
    text = ('Jane Doe said on Tuesday that the toll would go.\n\n'
            'As recently as May 7, she told MPs: "The toll stays."\n\n'
            'John Smith said that the decision came too late.')
    found = run(text)
    assert one(found, "The toll stays").date == dt.date(2025, 5, 7)
    assert one(found, "came too late").date == dt.date(2025, 8, 19)  # back on Tuesday, the story's day


def test_reactions_after_the_lede_names_sundays_election_are_dated_that_night(run):
    text = ("The Social Democrats edged ahead of the conservatives in Sunday's national election, but both candidates "
            "laid claim to the chancellery.\n\nJohn Roe was greeted with chants at his party's headquarters. \"People "
            "wanted a change of government,\" he told supporters.")
    assert one(run(text), "a change of government").date == dt.date(2025, 8, 17)  # the Sunday, not the Wednesday


def test_a_day_in_the_past_perfect_looks_back_and_the_paragraphs_after_stay_on_the_story_day(run):
    text = ('Prime Minister John Roe came into the chamber on Tuesday afternoon to face Jane Doe.\n\n'
            'That was not how it looked any more. The broadcaster had reported on Monday night that the minister was '
            'sent an email in May 2015.\n\nMs Doe reminded him of what he had said. "We now know that is not true," '
            'she said.\n\nMr Roe said the minister had his confidence.')
    found = run(text, day=dt.date(2025, 8, 21))
    assert one(found, "had his confidence").date == dt.date(2025, 8, 19)  # Tuesday, not the Monday looked back to


@pytest.mark.xfail(strict=True, reason="known miss of the date chooser: a reply 'within hours' of an event the "
                                       "article dates a day earlier takes the story's day (tracker train-extraction)")
def test_a_day_earlier_stays_the_frame_for_what_follows(run):
    text = ('Jane Doe said on Tuesday that the toll would go.\n\n'
            'The dispute began a day earlier, when John Smith published a letter.\n\n'
            'Jane Doe replied within hours, saying that the letter was wrong.')
    assert one(run(text), "the letter was wrong").date == dt.date(2025, 8, 18)


def test_announcing_a_known_thing_is_an_act_not_a_statement(run):
    found = run("Jane Doe announced the decision in a letter posted on X. John Smith announced 25 per cent tariffs "
                "on steel.")
    assert not any("the decision" in f.text for f in found)
    assert one(found, "25 per cent tariffs").speaker == "John Smith"


def test_explaining_signalling_or_confirming_a_known_thing_is_an_act(run):
    found = run("The minister explained her decision on Monday. The governor had signalled the response weeks ago. "
                "The Senate confirms Jeff Sessions next week. John Smith explained that the plan had failed.")
    assert not any(w in f.text for f in found for w in ("her decision", "the response", "Jeff Sessions"))
    assert one(found, "the plan had failed").speaker == "John Smith"


def test_a_role_is_not_registered_as_a_name(run):
    text = ('Peter Dutton spoke in Brisbane.\n\n'
            '"We did not do well enough," the Opposition Leader said.')
    assert one(run(text), "did not do well").speaker == "Peter Dutton"


def test_a_body_keeps_its_of_phrase(run):
    found = run("The Federation of German Industries (BDI) said that the deal would hurt exporters.")
    s = one(found, "hurt exporters")
    assert (s.speaker, s.speaker_kind) == ("Federation of German Industries", "organisation")


def test_an_answer_keeps_the_question_it_replies_to(run):
    text = ('Jane Doe was asked whether she would raise taxes. "No. Not this year," she said. '
            '"We will look again in the spring," she added.\n\n'
            'John Smith said that the budget was fair.')
    found = run(text)
    assert one(found, "Not this year").context == "whether she would raise taxes"
    assert one(found, "look again in the spring").context == "whether she would raise taxes"
    assert one(found, "budget was fair").context == ""


def test_a_quoted_question_is_the_context_of_the_reply_not_of_the_asker(run):
    text = ('"Would you send troops?" the host asked Jane Doe.\n\n'
            '"No," Jane Doe said.')
    found = run(text)
    assert one(found, "Would you send troops").context == ""
    assert one(found, "No").context == "Would you send troops?"


def test_transcript_lines_are_the_labelled_speakers_words(run):
    text = ('Secretary of State Marco Rubio appeared on Sunday. Excerpts follow.\n\n'
            'BREAKING: talks resume next week.\n\n'
            'MARGARET BRENNAN: Is a ceasefire now off the table?\n\n'
            'SECRETARY RUBIO: No, it is not off the table, and we keep working on it.\n\n'
            'He went on to argue that both sides would have to give.')
    found = run(text)
    question = one(found, "off the table?")
    answer = one(found, "it is not off the table")
    assert (question.speaker, answer.speaker) == ("Margaret Brennan", "Marco Rubio")
    assert answer.context == "Is a ceasefire now off the table?" and answer.date == dt.date(2025, 8, 17)
    assert one(found, "both sides would have to give").speaker == "Marco Rubio"
    assert not any("talks resume" in f.text for f in found)


@pytest.mark.parametrize("rank", ["Gen.", "Maj-Gen", "Lt-Gen"])
def test_an_abbreviated_rank_is_not_part_of_the_name(run, rank):
    found = run(f'{rank} Dan Caine told reporters that the damage was severe. "It will take time," Caine said.')
    assert {f.speaker for f in found} == {"Dan Caine"}


@pytest.mark.parametrize("text, needle, kind", [
    # participle and longer descriptions
    ('The Tory hopeful went further, describing the Chancellor as "acting like a compulsive liar".', "compulsive liar",
     "description"),
    ("Health Secretary Wes Streeting described some of Musk's criticisms as misjudged and misinformed.", "misjudged",
     "description"),
    # a quote of a word or two standing as its own sentence
    ('Jane Doe was asked whether she would run. "It\'s possible," she answered.', "It's possible", "direct"),
    ('The MPs were angry. "Resign!" shouted John Smith.', "Resign!", "direct"),
])
def test_kind_of_statement(run, text, needle, kind):
    assert one(run(text), needle).kind == kind


def test_the_host_who_asks_is_the_host_introduced_earlier(run):
    text = ('Meet the Press host Kristen Welker spoke to Donald Trump on Sunday.\n\n'
            'Turning to the economy, the host wanted to know: "When does it become the Trump economy?"')
    assert one(run(text), "Trump economy?").speaker == "Kristen Welker"


def test_two_attributed_quotes_with_narration_between_are_two_statements(run):
    text = ('"This kind of spat is not good for both sides," Jan Nowak said, and he expressed regret that the '
            'argument had played out in public. "We are thankful and sorry for this," he said.')
    found = run(text)
    assert one(found, "spat is not good").text == "This kind of spat is not good for both sides"
    assert one(found, "thankful and sorry").speaker == "Jan Nowak"


def test_a_split_quote_is_one_statement(run):
    found = run('"We will not back down," Jan Nowak said, "and we will win this fight."')
    assert [f.text for f in found if f.kind == "direct"] == ["We will not back down and we will win this fight."]


@pytest.mark.parametrize("text, needle", [
    ("Jane Doe refused on Friday to apologise for the remarks.", "apologise for the remarks"),
    ("Jane Doe expressed regret that the argument had played out in public.", "expressed regret"),
    ("Jane Doe mocked the slow pace of the change.", "mocked the slow pace"),
    ("Jane Doe struck a far harder note on the transatlantic relationship.", "struck a far harder note"),
    ("Jane Doe had played down the split.", "played down the split"),
    ("Jane Doe pushed back against critics of the plan.", "pushed back against critics"),
])
def test_more_stance_descriptions(run, text, needle):
    s = one(run(text), needle)
    assert (s.kind, s.speaker) == ("description", "Jane Doe")


def test_the_spokesperson_is_the_one_introduced_earlier(run):
    text = ('Jan Nowak spoke to the president on Sunday, a Downing Street spokesperson said.\n\n'
            '"They agreed to meet soon," the spokesperson added.')
    s = one(run(text), "agreed to meet soon")
    assert (s.speaker, s.speaker_kind) == ("Downing Street spokesperson", "anonymous")


def test_someone_of_the_prime_minister_is_not_the_prime_minister(run):
    text = ('Prime Minister Jan Nowak named Anna Kowalska foreign secretary on Monday.\n\n'
            'In the afternoon, the prime minister\'s press secretary told reporters that the move was overdue. '
            '"Government ministers must speak with one voice," the press secretary said.')
    found = run(text)
    assert one(found, "the move was overdue").speaker == "Prime minister's press secretary"
    assert one(found, "speak with one voice").speaker == "Prime minister's press secretary"


def test_another_speakers_look_back_is_not_inherited(run):
    text = ('The ministry said on Tuesday that it was waiting for clearer statements.\n\n'
            'John Smith, in comments published on Sunday, warned that the deal would be damaged.\n\n'
            'His spokesman was more guarded. "We need to wait," Jan Nowak said.')
    found = run(text)
    assert one(found, "deal would be damaged").date == dt.date(2025, 8, 17)
    assert one(found, "We need to wait").date == dt.date(2025, 8, 19)  # the story's day, not Smith's Sunday


def test_a_question_is_never_the_position_a_shift_departs_from(run):
    text = ('On May 3 Jane Doe asked the committee: "Is the toll here to stay?"\n\n'
            'Jane Doe on Wednesday reversed course on the bridge toll, telling reporters that drivers would pay nothing.')
    assert all(f.contrasts is None for f in run(text))


def test_declining_to_say_is_never_the_position_a_shift_departs_from(run):
    text = ('On May 3 Jane Doe declined to say whether the toll would stay.\n\n'
            'On May 5 Jane Doe said the toll would stay for years.\n\n'
            'Jane Doe on Wednesday reversed course on the bridge toll, telling reporters that drivers would pay nothing.')
    found = run(text)
    earlier = [found[f.contrasts].text for f in found if f.contrasts is not None]
    assert earlier and all("stay for years" in t for t in earlier), [(f.speaker, f.text) for f in found]


@pytest.mark.parametrize("sentence, content", [
    ("Jane Doe asked the attorney general to investigate the deal.", "the attorney general to investigate the deal"),
    ("Jane Doe called on supporters to take to the streets.", "supporters to take to the streets"),
    ("Jane Doe invited the company to work with the government.", "the company to work with the government"),
])
def test_a_request_is_a_reported_statement(run, sentence, content):
    s = one(run(sentence), "to ")
    assert (s.kind, s.speaker) == ("reported", "Jane Doe") and content in s.text


@pytest.mark.parametrize("text, asker", [
    ('Asked whether the government would order crews back to work, Eleni Papadaki said "all options" were open.',
     "Reporter"),
    ("Jane Doe was asked whether she would resign. She said she would not.", "Reporter"),
    ("Pressed on why voters should trust her now, Jane Doe said she had kept her word.", "Reporter"),
    ("Jane Doe spoke to the BBC's John Roe on Sunday. Asked whether she would resign, she said she would not.",
     "John Roe"),
])
def test_a_question_put_to_someone_is_the_askers_statement(run, text, asker):
    found = run(text)
    question = one(found, "whether") if "whether" in text else one(found, "why voters")
    assert (question.speaker, question.kind) == (asker, "reported"), [(s.speaker, s.text) for s in found]
    assert all(s.speaker in ("Jane Doe", "Eleni Papadaki") for s in found if s is not question)


def test_a_question_by_no_one_named_is_no_statement(run):
    text = 'One reporter asked about the vote. Another asked whether she would resign. "No," Jane Doe said.'
    assert not [s for s in run(text) if "whether" in s.text]


@pytest.mark.parametrize("text", [
    "The Histadrut labour federation called off its strike after Jane Doe spoke.",
    "Jane Doe's office announced the defence minister's removal on Sunday evening.",
    "Jane Doe called the press conference at city hall after the vote.",
])
def test_an_act_is_no_statement(run, text):
    assert not [s for s in run(text) if s.kind == "reported"]


def test_calling_a_thing_something_is_a_statement(run):
    assert one(run('John Smith called the strike "destructive".'), "destructive").speaker == "John Smith"


def test_a_question_is_not_a_request(run):
    """The question is the asker's statement, as the gold writes it, never a request for 'him whether …'."""
    [s] = [s for s in run("Jane Doe asked him whether he would resign.") if s.kind == "reported"]
    assert (s.speaker, s.text) == ("Jane Doe", "whether he would resign")


@pytest.mark.parametrize("text, stance", [
    ("Jane Doe sided with Israel on Wednesday over the explosion.", "sided with Israel"),
    ("Jane Doe blamed White House aides for the breakdown of talks.", "blamed White House aides for the breakdown"),
    ("John Roe took McCarthy's side in the dispute.", "took McCarthy's side"),
    ("The Democrats rallied to her after the firing.", "rallied to her"),
    ("The Speaker scolded members on all sides.", "scolded members"),
    ("John Roe hit out at the regulator on Monday.", "hit out at the regulator"),
    ("Opposition leader Jane Doe gave the delay a guarded welcome on Monday.", "gave the delay a guarded welcome"),
    ("John Roe dropped his objection by the evening.", "dropped his objection"),
    ("Prime Minister John Roe put his plan to overhaul the courts on hold on Monday.", "put his plan"),
    ("John Roe brushed aside the suggestion that he should resign.", "brushed aside the suggestion"),
    ("Jane Doe brushed off criticism that her plan lacked detail.", "brushed off criticism"),
    ("The party stood firmly behind its leader on Tuesday.", "stood firmly behind its leader"),
    ("Opposition leader Jane Doe demanded the Prime Minister's resignation.", "demanded the Prime Minister's resignation"),
    ("The ruling party reacted angrily on Tuesday to his comments.", "reacted angrily"),
    ("Speaker John Roe backed him on the night.", "backed him"),
])
def test_more_stance_verbs_are_descriptions(run, text, stance):
    assert one(run(text), stance).kind == "description"


def test_a_description_stops_before_a_past_participle_after_a_comma(run):
    s = one(run("Jane Doe has conceded defeat, flanked by her family at a hotel in the city."), "conceded defeat")
    assert s.text == "conceded defeat"


@pytest.mark.parametrize("text, stance", [
    ("Jane Doe reversed course as well, less than a day after defending the cut on television.",
     "reversed course as well"),
    ("John Roe backed down on the levy on Monday, hours after insisting it would stay.", "backed down on the levy on Monday"),
    ("Jane Doe walked back her remark, two days after making it.", "walked back her remark"),
])
def test_a_description_stops_before_a_time_clause_after_a_comma(run, text, stance):
    assert one(run(text), stance.split()[0]).text == stance


@pytest.mark.parametrize("text", [
    '"People come here for the bread," said Jean Doe, who has run the shop since 1998, "and they stay because we '
    'know their names."',
    '"People come here for the bread," said Jean Doe, the baker, "and they stay because we know their names."',
])
def test_a_quote_resumed_after_an_attribution_with_an_apposition_is_one_statement(run, text):
    s = one(run(text), "People come here")
    assert s.speaker == "Jean Doe" and s.text.endswith("we know their names.")


def test_a_lower_case_quote_governed_by_the_attribution_is_not_the_rest_of_the_sentence(run):
    found = run('"Stay home tonight," Jane Doe said in a post, where she also urged people to "stay peaceful."')
    assert one(found, "Stay home").text == "Stay home tonight"


@pytest.mark.parametrize("text, stance", [
    ("Jane Doe urged citizens to stay calm.", "urged citizens to stay calm"),
    ("Jane Doe accused John Roe of having stifled the opposition.", "accused John Roe of having stifled the opposition"),
    ("Jane Doe threatened new tariffs unless the border was closed.", "threatened new tariffs unless the border was closed"),
    ("Jim Mattis warned against softness towards rival powers.", "warned against softness towards rival powers"),
])
def test_urging_accusing_and_threatening_someone_are_descriptions(run, text, stance):
    s = one(run(text), stance.split()[0])
    assert (s.kind, s.text) == ("description", stance)


@pytest.mark.parametrize("text, stance", [
    ("Christopher Luxon is unconvinced.", "is unconvinced"),
    ("Outside the chamber Jane Doe was unrepentant.", "was unrepentant"),
    ("John Roe was far more sceptical.", "was far more sceptical"),
    ("Jane Doe welcomes the news.", "welcomes the news"),
    ("John Roe did not dispute the account.", "did not dispute the account"),
    ("Asked about the report, spokesman John Roe was noncommittal.", "was noncommittal"),
    ("The Bloc leader John Roe would not budge.", "would not budge"),
])
def test_a_stance_in_one_adjective_or_verb_is_a_description(run, text, stance):
    s = one(run(text), stance.split()[-1])
    assert (s.kind, s.text) == ("description", stance)


def test_a_with_clause_holding_a_report_is_cut_from_the_description_and_is_its_own_statement(run):
    found = run("The Pentagon on Friday rejected Beijing's account of the balloon, with its press secretary insisting "
                "the craft was built for surveillance.")
    assert one(found, "rejected").text == "rejected Beijing's account of the balloon"
    assert one(found, "built for surveillance").kind == "reported"


def test_urging_that_something_happen_is_reported(run):
    s = one(run("Jane Doe urged that the vote be delayed."), "the vote be delayed")
    assert (s.kind, s.text) == ("reported", "the vote be delayed")
    s = one(run("Jim Mattis warned that the alliance would suffer."), "alliance would suffer")
    assert (s.kind, s.text) == ("reported", "the alliance would suffer")


def test_a_report_inside_a_while_clause_is_its_own_statement(run):
    found = run("Jane Doe conceded the vote, telling supporters that she accepted the result while urging them "
                "not to give up the fight.")
    assert one(found, "she accepted the result").text == "she accepted the result"


def test_indicated_reports_what_was_indicated(run):
    s = one(run("Jane Doe indicated that any change would have to wait for the budget."), "would have to wait")
    assert (s.kind, s.speaker) == ("reported", "Jane Doe")


def test_none_as_a_subject_says_nobody_said_it(run):
    assert not run("None of the 27 governments has signalled that it will try to block the deal.")


def test_everyone_as_a_subject_names_no_speaker(run):
    assert not [s for s in run("Not everyone welcomed the move.") if s.kind == "description"]


def test_pleaded_with_x_to_is_a_request(run):
    s = one(run("Jane Doe pleaded with residents of the coast to get out of the storm's path."), "residents")
    assert (s.kind, s.speaker) == ("reported", "Jane Doe")


def test_a_body_as_subject_is_never_the_person_last_named(run):
    text = ('President Jan Nowak called for calm.\n\n'
            'The headquarters representing the families of the hostages condemned the firing, calling it a blow to '
            'the talks. The Movement for Quality Government asked the attorney general to investigate.')
    found = run(text)
    assert one(found, "condemned the firing").speaker == "Headquarters"
    assert one(found, "attorney general to investigate").speaker == "Movement for Quality Government"


def test_an_outlet_label_in_a_transcript_asks_its_own_question(run):
    text = ('Premier Jane Doe took questions on Monday.\n\n'
            'CTV News: "Can you be specific about those mistakes?"\n\n'
            'Doe: "I think you know what they are."')
    found = run(text)
    assert one(found, "be specific").speaker == "CTV News"
    assert one(found, "you know what they are").speaker == "Jane Doe"


_SINCE = ('Ana Ruiz took questions for an hour, her first news conference since the cabinet shelved the bill on Saturday.\n\n'
          '"I will not resign over this," Ruiz said.\n\n'
          'She said the bill would return in the autumn.')

# the day of a statement, in the shapes the date rules read: (text, a phrase of the statement, its day)
LIVE_BLOG = ('Rolling coverage of the vote. All times BST. Tuesday 19 August, continuing into Wednesday 20 August.\n\n'
             '10.05 BST\nJane Roe opened the debate. "We will win this," she said.\n\n'
             '18.30 BST\nJohn Smith said the party would vote against the bill.\n\n'
             '23.50 BST\nRoe told peers: "The time has come to give way."\n\n'
             '00.40 BST\nThe bill has passed. "It is a great day," Roe said.\n\n'
             '08.15 BST\nSmith told the BBC that the fight was not over.')
# newest first; the header of the entry where the day turns names it
LIVE_BLOG_NEWEST = ('Live updates from the vote. Latest entries at the top.\n\n'
                    '09.15, Wednesday 20 August\nSmith told the BBC that the fight was not over.\n\n'
                    '00.40\nThe bill has passed. "It is a great day," Roe said.\n\n'
                    '23.50\nRoe told peers: "The time has come to give way."\n\n'
                    '18.30\nJohn Smith said the party would vote against the bill.')
DATE_CASES = {
    'a_date_of_that_year_is_in_the_year_named_before': (
        'In September 2010 the chancellor Jane Roe backed a deal to keep the plants open. "This means that we need '
        'them as a bridge," she said on September 6 of that year.', 'bridge', dt.date(2010, 9, 6)),
    'a_day_after_a_year_the_paragraph_wrote_is_in_that_year': (
        'Campaigning in May 2018, Jane Roe went further. "Rates are the root of all evil," Roe said in a speech on '
        'May 11. Three days later she said she would take charge of policy.', 'root of all evil', dt.date(2018, 5, 11)),
    'a_day_after_a_year_three_days_later_counts_from_it': (
        'Campaigning in May 2018, Jane Roe went further. "Rates are the root of all evil," Roe said in a speech on '
        'May 11. Three days later she said she would take charge of policy.', 'take charge', dt.date(2018, 5, 14)),
    'less_than_a_day_later_is_no_day_later': (
        'Jane Doe spoke on Saturday.\n\nLess than a day later, Doe backed down. "I regret it," she said.',
        'I regret it', dt.date(2025, 8, 16)),
    'a_day_under_a_year_heading_is_in_that_year': (
        '2021: checks arrive\n\nThe rules took effect on 1 January 2021.\n\nBy April his account had changed. In an '
        'interview broadcast on 20 April, Jane Roe said the checks had always been meant to be light.',
        'always been meant', dt.date(2021, 4, 20)),
    'a_day_after_a_year_its_paragraph_writes_is_in_that_year': (
        'The row ended abruptly in the spring of 2012. On May 6, Jane Roe said she backed the plan.',
        'backed the plan', dt.date(2012, 5, 6)),
    'a_year_in_a_relative_clause_gives_a_later_day_no_year': (
        'Ruritania, which declared independence in 1991, reacted within a day. On Aug. 19 its cabinet said the deal '
        'was void.', 'the deal was void', dt.date(2025, 8, 19)),
    'a_year_naming_a_thing_gives_a_later_day_no_year': (
        'Jane Roe said the plan would go further than the party\'s 2019 platform. "It was a list," she told reporters '
        'on April 7.', 'It was a list', dt.date(2025, 4, 7)),
    'eight_days_later_counts_on_in_the_year_it_counts_from': (
        'The promise took its best-known form on June 15, 2009, when Jane Roe addressed doctors.\n\nEight days later, '
        'at a news conference, she gave a narrower reading. "The government will not make you change plans," she '
        'said on June 23.', 'will not make you', dt.date(2009, 6, 23)),
    'a_day_in_a_later_paragraph_than_the_year_is_not_in_it': (
        'In May 2018 Jane Roe backed the plan.\n\n"It is dead," Roe said on May 11.', 'It is dead',
        dt.date(2025, 5, 11)),
    'a_newest_first_live_blog_entry_before_midnight_is_the_day_before_the_one_a_header_names': (
        LIVE_BLOG_NEWEST.replace('Wednesday 20 August', 'Tuesday 19 August'), 'give way', DAY - dt.timedelta(2)),
    'a_newest_first_live_blog_entry_before_midnight_is_the_day_before_the_newest': (
        LIVE_BLOG_NEWEST.replace(', Wednesday 20 August', ''), 'give way', DAY - dt.timedelta(1)),
    'at_a_weekdays_press_conference_is_that_day': (
        'Jane Doe spoke on Wednesday.\n\nAt Tuesday\'s press conference, John Roe said he had "never" suspected the '
        'reporter.', 'suspected the reporter', dt.date(2025, 8, 19)),
    'ahead_of_a_weekdays_vote_is_not_that_day': (
        'Ahead of Friday\'s vote, Jane Doe said on Wednesday that the plan was dead.', 'plan was dead',
        dt.date(2025, 8, 20)),
    'the_previous_weekday_counts_back_from_the_day_named_last': (
        'Jane Doe spoke on Sunday.\n\nThat evening she reversed course. Only the previous Wednesday, she had written '
        'that the plan was a trap.', 'plan was a trap', DAY - dt.timedelta(7)),
    'the_same_day_is_the_day_named_last': (
        'The party met on Tuesday.\n\nThe first crack came on Monday, when MP John Roe told reporters he had signed the '
        'letter.\n\nThe same day, Environment Minister Jane Doe said she still supported the leader.',
        'still supported the leader', DAY - dt.timedelta(2)),
    'hours_later_is_the_day_named_last': (
        'The party met on Tuesday.\n\nThe first crack came on Monday, when MP John Roe told reporters he had signed the '
        'letter.\n\nHours later, Environment Minister Jane Doe said she still supported the leader.',
        'still supported the leader', DAY - dt.timedelta(2)),
    'a_day_someone_is_due_to_act_on_sets_no_day_far_down_the_clause': (
        'John Roe was due to speak to the Irish premier by phone on Saturday, and a reporter asked whether he would '
        'lift the ban. "We will see," he said.', 'We will see', DAY),
    'a_live_blog_entry_before_midnight_is_on_the_first_day_its_opening_names': (LIVE_BLOG, 'give way', DAY - dt.timedelta(1)),
    'a_live_blog_entry_after_the_clock_runs_back_is_on_the_next_day': (
        LIVE_BLOG.replace('Tuesday 19 August, continuing into Wednesday 20 August', 'Wednesday 20 August'), 'great day',
        DAY + dt.timedelta(1)),
    'a_live_blog_entry_the_morning_after_is_on_the_next_day': (
        LIVE_BLOG.replace('Tuesday 19 August, continuing into Wednesday 20 August.', ''), 'fight was not over',
        DAY + dt.timedelta(1)),
    'the_today_programme_names_no_day': (
        'Jane Roe spoke on Monday. She told BBC Radio 4\'s Today programme: "We will not give way."',
        'will not give way', DAY - dt.timedelta(2)),
    'a_programme_called_today_names_no_day_without_the_word_programme': (
        'Jane Roe spoke on Monday. She went on RTÉ Radio 1\'s Today with John Hale: "We will not give way."',
        'will not give way', DAY - dt.timedelta(2)),
    'nor_does_today_capitalised_inside_a_sentence': (
        'Jane Roe spoke on Monday. John Hale, presenting Today, asked her about the plan. "We will not give way," '
        'she said.', 'will not give way', DAY - dt.timedelta(2)),
    'a_day_after_dates_what_is_said_in_its_own_clause_a_day_before_the_day_named': (
        'Jane Roe said on Monday that she had been upset, a day after John Hale told MPs that the minister looked '
        '"absolutely miserable".', 'absolutely miserable', DAY - dt.timedelta(3)),
    'two_days_after_opening_a_sentence_dates_nothing_said_after_its_comma': (
        'Jane Roe spoke on Monday.\n\nTwo days after the vote, John Hale said the plan was dead.', 'plan was dead',
        DAY - dt.timedelta(2)),
    'a_day_after_closing_a_sentence_dates_nothing_said_before_it': (
        'Jane Roe said on Monday that the plan was dead, a day after the vote.', 'plan was dead', DAY - dt.timedelta(2)),
    'a_day_named_in_a_transcript_line_is_the_speakers_words_not_the_narrations': (
        'Jane Roe faced MPs in the Commons, and John Smith asked the first question.\n\n'
        'SMITH: When the penny dropped for the minister on Monday, she should have come to this House.\n\n'
        'ROE: I am sorry for the mistakes that were made.\n\n'
        'Tom Brown was unimpressed. "The country has nothing to show for it," he said.',
        'nothing to show', DAY),
    'a_possessive_weekday_names_an_event_not_a_date': (
        'The council on Sunday called an emergency session.\n\n'
        'Jane Doe said that Friday\'s veto had left the council unable to act.\n\n'
        'John Smith said that the world must take the threat very seriously.',
        'take the threat', dt.date(2025, 8, 17)),
    'a_day_after_since_is_when_something_began_not_when_anyone_spoke': (_SINCE, 'not resign', DAY),
    'nor_does_it_date_the_paragraphs_after_it': (_SINCE, 'return in the autumn', DAY),
}


def test_the_day_after_set_against_a_named_day_names_no_new_day(nlp):
    """The rules' day, which the cue rule sets: the date chooser weighs it against the news frame, and where
    a quote follows narration in its paragraph that choice sits at the chooser's margin (a refit on one
    article fewer moves about three dev decisions: bench/experiments/date_chooser.py --drop-one)."""
    from tracker.extraction.extract import extract_with_candidates

    text = ('Ana Ruiz said on Wednesday that she was staying.\n\n'
            'The clash came at the committee hearing on Monday, the day after the vote was postponed. '
            '"She has lost the room," Tom Hale said.')
    found, _ = extract_with_candidates(Article("t.txt", text, DAY, "https://x", "X", "argument"), nlp=nlp, dates=None)
    assert one(found, 'lost the room').date == dt.date(2025, 8, 18)


def test_a_description_holding_a_reported_clause_takes_the_day_its_own_words_name(nlp):
    """The rules' day: 'claimed victory on Tuesday for …' also reads as a reported clause ('victory on Tuesday …'),
    whose words are its own act, not another statement's content."""
    from tracker.extraction.extract import extract_with_candidates

    text = "The opposition had claimed victory on Tuesday for its candidate, John Roe."
    found, _ = extract_with_candidates(Article("t.txt", text, DAY, "https://x", "X", "argument"), nlp=nlp, dates=None)
    assert one(found, "claimed victory").date == DAY - dt.timedelta(1)


@pytest.mark.parametrize("text, phrase, day", DATE_CASES.values(), ids=DATE_CASES.keys())
def test_date_cases(run, text, phrase, day):
    assert one(run(text), phrase).date == day


def test_an_answer_is_given_the_day_only_its_question_names(run):
    text = ('Governor John Roe spoke at the summit on Friday, defending his record.\n\n'
            'At a forum in Ohio years ago, he was asked about the plan. "Would you back the plan?" the host Jane Doe '
            'asked him on Aug. 12, 2008.\n\n'
            '"No, I would not," Roe answered.')
    found = run(text)
    assert one(found, "No, I would not").date == one(found, "back the plan").date == dt.date(2008, 8, 12)


def test_a_question_is_put_the_day_it_is_answered(run):
    text = ('Press secretary Ana Ruiz said on Wednesday that the minister had not committed to the plan.\n\n'
            'Standing beside the king on Tuesday evening, Interior Minister John Hale had talked up the plan. '
            '"It is final," Hale said.\n\n'
            'Tom Watt of the Daily Star took the first question. "Is the plan dead?" he asked.\n\n'
            '"No, it is not," Ruiz replied.')
    found = run(text)
    assert one(found, "No, it is not").date == one(found, "Is the plan dead").date == DAY


# who says it, in the shapes the rules read: (text, a phrase of the statement, its speaker)
_NOTED_AND_ASKED = (
    "Spokesman Tom Vale said on Monday that the country expressed its condolences.\n\nReporters pressed Vale on it "
    "at once. One noted that the United States had also joined a moment of silence at the UN and asked: \"Does the "
    "department view that as appropriate?\"\n\n\"We have been clear,\" Vale said.")


def test_a_content_clause_ends_before_its_reporter_goes_on_to_ask(run):
    assert one(run(_NOTED_AND_ASKED), 'moment of silence').text.endswith('at the UN')


SPEAKER_CASES = {
    'a_partys_leader_as_a_subject_is_in_focus_for_the_he_after': (
        "Stormont row\n\nBELFAST - DUP leader Sir Jeffrey Donald said on Tuesday the party would return.\n\nThe "
        "announcement marks a climbdown. The party withdrew its First Minister, Paul Givens, on February 3, 2022, and its "
        "leader spent the following months insisting the arrangements had to go. On April 4, 2022, he told party "
        "colleagues: \"The protocol must be replaced.\"", 'The protocol must be replaced', 'Jeffrey Donald'),
    'the_top_government_spokesman_is_the_chief_cabinet_secretary': (
        "Papers row\n\nTOKYO - Chief Cabinet Secretary Yoshi Sugano met reporters on Monday. Former official Kei Maeda "
        "said the papers were real.\n\nThe top government spokesman said the priority was to establish whether the "
        "ministry holds the papers.", 'the priority was to establish', 'Yoshi Sugano'),
    'a_persons_record_as_a_subject_puts_them_in_focus': (
        "Sketch row\n\nBOSTON - Former House Speaker Newt Gingr said on Wednesday the quip showed the rival had no core."
        "\n\nThe quip stung because Romnell's record gives it some bite. In an October 1994 Senate debate, he said: \"I "
        "believe that abortion should be safe and legal in this country.\"", 'abortion should be safe', 'Romnell'),
    'a_role_met_unnamed_then_as_a_subject_again_is_still_that_role': (  # once stopped the extraction
        "Court row\n\nThe Supreme Court heard the plea on Monday. \"You are aware of your powers,\" the Chief Justice "
        "said.\n\nThe Chief Justice pressed him on the party leader's case. \"What action have you taken?\" he asked.",
        'What action have you taken', 'Chief Justice'),
    'a_quote_after_a_content_clause_without_that_is_the_sayers': (
        "Vote row\n\nCANBERRA - Foreign Minister Penny Wang spoke on Wednesday.\n\nShe said Australia would still have "
        "liked the text to name the group: \"We would have preferred that the resolution names them.\"",
        'We would have preferred', 'Penny Wang'),
    'a_colon_dateline_is_no_speaker': (
        "Ruling party disowns remark\n\nNEW DELHI: Kavya Ranade, the ruling party's MP from Mandi, on Wednesday withdrew her "
        "call for the old laws.\n\nIn a video, she said she had to remember that she was now a party worker.",
        'she had to remember', 'Kavya Ranade'),
    'a_house_the_ner_took_for_a_person_in_a_role_is_not_a_second_person': (
        "Ruling party disowns remark\n\nKavya Ranade takes back remark after party says she spoke only for herself\n"
        "Kavya Ranade, the Bharatiya Janata Party's Lok Sabha member from Mandi, on Wednesday withdrew her call for the "
        "return of the three farm laws repealed in 2021, hours after her party publicly disowned the remark and said she "
        "had no authority to speak for it.\nIn a video posted on X, the actor-turned-politician said she had to remember "
        "that she was now a party worker.", 'she had to remember', 'Kavya Ranade'),
    'initials_the_article_spells_out_are_that_body': (
        "Greeting row\n\nMANILA - The DFA on Tuesday recast the president's message to Taipei.\n\n\"The message was his "
        "way of thanking them,\" the DFA said in a statement.\n\nOfficials at the Department of Foreign Affairs declined "
        "to say more.", 'The message was his way', 'Department of Foreign Affairs'),
    'the_opposition_is_a_speaker_not_the_person_in_focus': (
        "Rollout row\n\nCANBERRA - Prime Minister Dale Ferris said the rollout was going well.\n\nThe opposition said "
        "the plan had failed.", 'the plan had failed', 'Opposition'),
    'the_opposition_asking_him_is_the_asker': (
        "Rollout row\n\nCANBERRA - In March, Mr Ferris declared the rollout was \"not a race\". When the Opposition "
        "asked him in Parliament on June 1 whether it remained his view that vaccinating people was \"not a race\", he "
        "said the advice had changed.", 'whether it remained his view', 'Opposition'),
    'a_question_answered_to_reporters_is_a_reporters_not_the_earlier_hosts': (
        "Rollout row\n\nPrime Minister Dale Ferris spoke to radio host Jase Hawkin on Thursday.\n\nHAWKIN: Will you say "
        "sorry?\n\nFERRIS: We are working hard.\n\nBut asked why the government would not simply say sorry, he told "
        "reporters that no country had got its response right.", 'why the government would not', 'Reporter'),
    'a_transcript_label_with_an_office_before_the_surname_is_that_person': (
        "Papers row\n\nTOKYO - Chief Cabinet Secretary Dale Ferris met reporters on Monday.\n\nREPORTER: Will you "
        "look at the papers again?\n\nCHIEF CABINET SECRETARY FERRIS: We have no plans to do so.",
        'We have no plans', 'Dale Ferris'),
    'a_surname_that_is_also_a_people_opens_a_sentence_as_that_person': (
        "Plates row\n\nTORONTO - Minister Lisa Thorne defended the plates on Tuesday. NDP critic Jenna French asked "
        "about them.\n\n\"We have tested them,\" Thorne said.\n\nFrench was unmoved. \"My eyes are pretty standard,\" "
        "she said.", 'My eyes are pretty', 'Jenna French'),
    'a_name_then_an_apposition_without_an_article_then_the_verb': (
        "Tax row\n\nTOKYO - Prime Minister Dale Ferris said on Monday he would not raise the tax.\n\n\"We clearly "
        "oppose it,\" Maria Lopeza, head of the business lobby, said in a statement.", 'We clearly oppose',
        'Maria Lopeza'),
    'one_word_the_ner_took_for_a_place_with_a_who_clause_is_a_person': (
        "Papers row\n\nTOKYO - Former official Kihei Maekawo said on Monday the papers were real.\n\nKirana, who leads "
        "the main opposition party, responded sharply later that day. \"The government is hiding something,\" she "
        "said.", 'The government is hiding', 'Kirana'),
    'committee_members_asking_are_the_askers_not_the_one_in_focus': (
        "Broadcaster row\n\nDUBLIN - Minister Cara Martell appeared before the committee on Wednesday.\n\nAsked by "
        "committee members how she had not foreseen the question, she said that had been impossible to predict.",
        'how she had not foreseen', 'Committee members'),
    'a_name_after_a_title_and_its_portfolio_speaks': (
        "Labour rules\n\nCHENNAI - The bill passed on Friday.\n\nThe next day, Leader of the Opposition Tomas K. "
        "Valeri pointed out that the government had opposed such rules before.", 'had opposed such rules',
        'Tomas K. Valeri'),
    'a_name_after_a_title_and_its_portfolio_is_in_focus_after_it': (
        "Labour rules\n\nCHENNAI - Industries Minister Tom Vale told the House that the hours would stay the same."
        "\n\nThe next day, Leader of the Opposition Tomas K. Valeri pointed out that the government had opposed such "
        "rules before. \"Even its allies have opposed the bill,\" the LPA general secretary said.",
        'Even its allies', 'Tomas K. Valeri'),
    'a_name_the_ner_ran_into_a_portfolio_speaks_without_it': (
        "Trade row\n\nISLAMABAD - The cabinet met on Friday.\n\nMinister for Science and Technology Nawab Qadri "
        "told Dawn after his press conference that the prime minister had signed it.", 'had signed it', 'Nawab Qadri'),
    'a_portfolio_is_no_given_name_of_the_adviser_after_it': (
        "Trade row\n\nISLAMABAD - The cabinet met on Friday.\n\nThe same day, Adviser to the PM on Commerce Abdul "
        "Tomas Valeri said imports would resume.", 'imports would resume', 'Abdul Tomas Valeri'),
    'a_portfolio_written_in_capitals_is_no_pronoun': (
        "Jobs bill\n\nBENGALURU - The bill was put on hold on Wednesday.\n\nIT and BT Minister Priyam Kharode told "
        "reporters that his department had not been consulted.", 'had not been consulted', 'Priyam Kharode'),
    'a_name_after_a_company_and_its_officers_title_speaks_next': (
        "Jobs bill\n\nBENGALURU - The bill was put on hold on Wednesday.\n\nBiocon founder Jane Roe, writing "
        "online, said: \"We need skilled talent.\" Former Infosys CFO Mohandas Pai was far blunter. \"This bill "
        "should be junked,\" he posted.", 'should be junked', 'Mohandas Pai'),
    'a_minister_after_the_first_part_of_a_portfolio_speaks_next': (
        "Jobs bill\n\nBENGALURU - The bill was put on hold on Wednesday. Tom Vale said it was a mistake.\n\nIT and "
        "BT Minister Priyam Kharode told reporters that his department had not been consulted. \"The bill has been "
        "brought in by the labour department,\" he said.", 'brought in by the labour', 'Priyam Kharode'),
    'a_countrys_ministry_is_its_own_body_not_one_named_before': (
        "Recognition deal\n\nBRUSSELS - Tom Vale said recognition would only follow once the Freedom Front had "
        "lost power.\n\nIn Ramallah, the Palestinian foreign ministry welcomed the announcement.",
        'welcomed the announcement', 'Palestinian foreign ministry'),
    'one_who_rose_and_asked_puts_the_question_after_the_colon': (
        "Syria vote\n\nLONDON - Tom Vale spoke earlier on Thursday.\n\nJohn Roe said: \"This is the legacy of the "
        "war.\"\n\nVale rose on a point of order and asked the prime minister: \"Will he confirm it?\"",
        'Will he confirm it', 'Tom Vale'),
    'a_title_abbreviation_does_not_end_the_sentence_before_a_quote': (
        "Town hall\n\nFORT WAYNE - John Doe called the position \"absolutely wrong.\" That evening, host Jane Roe put "
        "it to Sen. Tom Vale directly: \"Is the plan wrong?\"", 'Is the plan wrong', 'Jane Roe'),
    'a_described_subject_named_by_first_name_is_that_person': (
        "Forum\n\nBRISBANE - Host John Roe opened the forum on Wednesday.\n\nMidway through the forum, a mother "
        "named Catherine stood to ask about the scheme. \"We are grateful for the funds, but what will you do?\" "
        "\n\nLater Catherine Doe said it was a poor choice of words.", 'grateful for the funds', 'Catherine Doe'),
    'a_party_in_brackets_after_a_name_is_not_who_speaks_next': (
        "Recognition deal\n\nBRUSSELS - The coalition struck a deal on Tuesday.\n\nForeign Minister Tomas Valeri "
        "(Les Verts), who had pushed for it all summer, announced the outcome online. \"The state will be "
        "recognised at the UN session!\"", 'recognised at the UN session', 'Tomas Valeri'),
    'her_press_office_is_the_press_office_of_the_one_she_is': (
        "Fee dropped\n\nBEIRUT - Prime Minister Tom Vale met ministers on Thursday.\n\nHis press office said the "
        "measure would bring in $200 million.", 'bring in $200 million', "Tom Vale's press office"),
    'a_name_the_parser_hung_on_a_place_after_a_title_is_the_title_holder': (
        "Climate talks\n\nDUBAI - The president of the UN climate summit in Dubai, Tom Vale, insisted on Monday that "
        "he believes in climate science.", 'believes in climate science', 'Tom Vale'),
    'a_name_the_parser_hung_on_a_place_after_a_correspondent_is_the_correspondent': (
        "Court ruling\n\nBANGKOK - The court removed the prime minister. Al Jazeera's correspondent in Bangkok, Tom "
        "Vale, said the outcome was a big surprise.", 'big surprise', 'Tom Vale'),
    'a_share_of_a_group_is_the_group_speaking': (
        "Budget row\n\nDUBLIN - The minister spoke on Monday.\n\nPrivately, a number of Labour ministers complained "
        "that the comments were out of proportion.", 'out of proportion', 'Labour ministers'),
    'a_programme_named_live_after_its_host_is_its_host': (
        "Health row\n\nDUBLIN - The row began on Monday night, when Tom Vale appeared on RTE's Jane Roe Live.\n\n"
        "Asked by Roe why it had happened, he said the advice had come as a surprise.",
        'why it had happened', 'Jane Roe'),
    'the_one_host_asks_only_the_guests_the_article_puts_with_her': (
        "Health row\n\nDUBLIN - On Monday night Tom Vale told the presenter, Jane Roe, that the advice had come as a "
        "surprise.\n\nThe department's briefing on Tuesday was calm, and the talk turned to "
        "the long winter ahead and the hospital figures for the week. Staff handed out papers on the new rules, and "
        "the questions ran for an hour before the end. Outside, a small crowd waited in the rain for news.\n\nAt the briefing, Dr Ann Lee, the health chief, was asked "
        "whether the air had been cleared.", 'air had been cleared', 'Reporter'),
    'a_name_never_ends_on_a_particle_the_ner_stopped_at': (
        "Resignation\n\nBRUSSELS - On Tuesday Mr Hogan sent Commission President Ursula von der Leyen a report.\n\n"
        'Mr Hogan quit on Wednesday. "It was a distraction," he said. Ms von der Leyen replied: "He has resigned."',
        'He has resigned', 'Ursula von der Leyen'),
    'a_particle_surname_is_the_full_name_of_one_met_outside_quotes': (
        "Schools\n\nNEW YORK - The school system went dark after Mayor Bill de Blasio changed course.\n\n"
        "De Blasio argued all week that a shutdown would strand the children of nurses.\n\n"
        '"I am now calling on Mayor de Blasio to close the schools," union president George Gresham said.',
        'strand the children', 'Bill de Blasio'),
    'a_time_of_day_names_no_ones_government': (
        "Post chief\n\nSYDNEY - Australia Post chief Jane Roe was stood aside. Australia watched as Australia's "
        "ministers spoke, and by evening government insiders were calling her answers weak.\n\n"
        "In a statement, the government said the inquiry would take four weeks.", 'take four weeks',
        'Australian government'),
    'the_country_named_first_and_most_is_home': (
        "Border\n\nHELSINKI - Finland will close its border with Russia, the government announced on Tuesday. Russia "
        "denied it. Finland said Russia had let people through. Finland waited, and Finland's ministers met.",
        'Finland will close its border', 'Finnish government'),
    'shot_back_that_reports_what_was_said': (
        "Budget\n\nACCRA - Majority Leader Tom Vale shot back that the budget had given the country hope.",
        'given the country hope', 'Tom Vale'),
    'who_used_a_programme_to_insist_is_the_one_insisting': (
        "Welfare row\n\nLONDON - Tom Vale, who quit on Friday, used BBC One's John Roe Show to insist he had gone "
        "because of fairness.", 'because of fairness', 'Tom Vale'),
    'a_programme_named_after_its_host_is_no_speaker_and_its_host_asks': (
        "Welfare row\n\nLONDON - Tom Vale, who quit on Friday, used BBC One's John Roe Show to insist he had gone "
        "because of fairness.\n\nAsked whether he had anything to say to his deputy, Ann Lee said she had apologised.",
        'anything to say to his deputy', 'John Roe'),
    'the_one_whose_patience_ran_out_is_he_in_the_quote_after': (
        "Hearing\n\nLONDON - John Roe pressed Tom Vale on Wednesday. Vale said there had been no such policy.\n\n"
        'Mr Roe\'s patience eventually ran out. "Why can\'t you just answer this question?" he said.',
        'just answer this question', 'John Roe'),
    'a_time_of_day_before_an_unnamed_source_is_no_part_of_it': (
        "Post row\n\nCANBERRA - Jane Doe faced the Senate on Thursday.\n\nBy question time the premier had turned "
        'on her, and by evening government insiders were calling her answer a "suicide note".', 'suicide note',
        'Government insider'),
    'a_paper_that_quoted_him_as_saying_gives_his_words': (
        "Row\n\nBERLIN - Tom Vale met Anna Roe on Monday.\n\nThe Daily Courier quoted him as calling his position "
        '"untenable" and saying: "I will not be fired by a chancellor."', 'not be fired', 'Tom Vale'),
    'said_its_president_then_a_name_is_that_name': (
        "Industry reacts\n\nBERLIN - Markus Jerger of the small-business lobby spoke first on Monday. The industry "
        'federation was next.\n\n"Industry expects all parties to act," said its president, Siegfried Russwurm.',
        'all parties to act', 'Siegfried Russwurm'),
    'the_owner_of_a_formula_a_sentence_is_about_is_he_in_its_quote': (
        "Positions\n\nMIAMI - Tom Vale answered on Monday. John Roe attacked the plan.\n\nVale's current formula "
        'splits the difference: "We are not going to hand out cards," he said.', 'hand out cards', 'Tom Vale'),
    'a_quote_after_a_colon_is_never_from_a_subject_inside_the_quote_before': (
        'Count night\n\nLONDON - Jane Doe held her seat. "Politics has changed," the Labour leader said. "Politics '
        'is not going back into the box." Then the demand: "The prime minister must go."', 'must go', 'Jane Doe'),
    'who_after_a_comma_is_the_person_noun_right_before_it': (
        "Coalition deal\n\nBERLIN - Details first emerged late Sunday from party sources, who said the figure would "
        "include relatives.", 'would include relatives', 'Party source'),
    'a_bare_government_is_that_of_the_country_the_article_is_about': (
        "Japan weighs new rules\n\nTOKYO - Japanese lawmakers argued on Friday over the plan, and Japan's opposition "
        "vowed to block it in the Japanese Diet.\n\nThe government said the rules would take effect in April.",
        'take effect in April', 'Japanese government'),
    'a_bare_government_is_another_countrys_where_the_article_names_only_that_one': (
        "Japan weighs new rules\n\nTOKYO - Japanese lawmakers argued on Friday over the plan, and Japan's opposition "
        "vowed to block it. The Chinese government protested.\n\nThe government said the rules were hostile.",
        'rules were hostile', 'Chinese government'),
    'a_bare_government_with_no_country_ahead_of_the_others_is_no_ones_in_particular': (
        "Talks stall\n\nGENEVA - Japanese and Chinese envoys met on Friday; Japan and China disagreed.\n\n"
        "The government said the talks would resume.", 'talks would resume', 'Government'),
    'a_bare_office_word_is_the_office_named_before_with_whose_it_is': (
        "Premier Tom Vale said he would not meet the envoy. The Freedonian embassy in Carrow called the remark rude."
        "\n\nThe embassy also said no request for a meeting had come from either capital.", 'no request for a meeting',
        'Freedonian embassy'),
    'a_committee_named_in_a_compound_speaks_as_that_committee': (
        "Lawmakers adopted an ethics committee report on Friday that found Dana Wren had shared her password.\n\n"
        "The committee said she had let unauthorised people use her account.", 'let unauthorised people',
        'Ethics committee'),
    'it_after_a_ministry_the_parser_took_for_a_name_is_that_ministry': (
        "Freedonia urged its citizens on Friday to stay away from Ruritania.\n\nIn a notice posted online, the "
        "Freedonian foreign ministry told its nationals to \"refrain from travelling for the time being\". It said "
        "the premier's remarks had \"seriously worsened the atmosphere\".", 'seriously worsened',
        'Freedonian foreign ministry'),
    'a_party_word_opening_a_body_name_stays_in_it': (
        "Tom Vale wrote to the newspaper on Monday.\n\nLabour Against Antisemitism said the letter was offensive.",
        'letter was offensive', 'Labour Against Antisemitism'),
    'a_name_after_words_that_describe_the_person_is_the_speaker': (
        "Finance Minister Mira Okonjo defended the app on Tuesday.\n\nHer party colleague K.C. Venugopal said the app "
        "was a snooping tool.", 'snooping tool', 'K.C. Venugopal'),
    'the_owner_of_a_question_asks_it': (
        "Washington, 12 October 2021\n\nHost Mara Quell interviewed Senator Tom Vale on Sunday.\n\nQuell's question "
        "was direct: \"Why should voters trust you now?\"", 'trust you now', 'Mara Quell'),
    'a_country_s_office_is_named_by_the_country_s_adjective': (
        "Peru's foreign ministry said the ambassador had been recalled for talks. It added that the visit was off.",
        'visit was off', 'Peruvian foreign ministry'),
    'a_name_of_compounds_on_compounds_keeps_its_first_word': (
        "Rights groups reacted on Friday.\n\nHuman Rights Watch said the arrest was a critical step for "
        "accountability.", 'critical step', 'Human Rights Watch'),
    'her_office_is_the_office_of_whoever_she_is': (
        "Finance Minister Mira Okonjo answered questions on grain prices on Tuesday.\n\nHer office said on Thursday "
        "that she had been misquoted.", 'been misquoted', "Mira Okonjo's office"),
    'people_around_something_keep_what_they_are_around': (
        "The finance minister, Tom Vale, withdrew the levy on Thursday.\n\nOrganisers of the protests, who had "
        "marched for a week, claimed victory but said their wider grievances remained.", 'grievances remained',
        'Organisers of the protests'),
    'the_name_a_described_speaker_gave_for_herself_is_the_speaker': (
        "Parish council chair Anita Roe said the council had campaigned for the station for twenty years.\n\nA young "
        "mother waiting at the bus stop, who gave her name only as Kerry, said the station would let her take a job. "
        "\"Right now it's two buses each way,\" she said.", 'two buses each way', 'Kerry'),
    'the_name_a_cleft_puts_first_is_the_subject': (
        "Dean Ian Hale and provost Omar Qadir took questions on Monday.\n\nJo Pike of the Post asked what would happen "
        "to students. Hale said every student would finish.\n\nSam Lowe of Radio Carrow followed up: \"Finish here, or "
        "somewhere else?\"\n\nIt was Qadir who answered. \"Here. We will keep teaching until the last cohort has "
        "graduated,\" he said.", 'keep teaching', 'Omar Qadir'),
    'an_honorific_tells_two_people_of_one_surname_apart': (
        "Owen Brand, 19, died at his family home in January.\n\nThe doctor who assessed him told the inquest his "
        "observations had been normal.\n\nThe coroner allowed Owen's mother, Carys Brand, to ask questions. \"He was "
        "shaking. Did you think he was putting it on?\" Mrs. Brand asked.", 'putting it on', 'Carys Brand'),
    'a_name_the_parser_hung_on_the_place_of_the_subjects_title_is_the_subject': (
        "Opposition critic Tom Hale spoke to reporters. \"It shows a deep lack of judgment,\" he told reporters.\n\n"
        "Poland's envoy to Japan, Vadym Koval, added weight to the criticism on Monday evening. \"You have to be careful "
        "what you say,\" he told the programme.", 'careful what you say', 'Vadym Koval'),
    'the_owner_of_a_position_a_clause_is_about_is_in_focus': (
        "LONDON - For Tom Hale, the ruling was convenient. Heathrow said it would appeal. \"We will win,\" a "
        "spokesperson for the airport said.\n\nThe ruling closes a story in which Hale's own position has wandered "
        "a long way.\n\nAs mayor, he was among the fiercest opponents. In 2012 he told reporters that supporters of "
        "a third runway had it wrong.", 'supporters of a third runway', 'Tom Hale'),
    'a_that_clause_the_parser_hung_on_the_call_it_was_said_on': (
        "The spokesman, Dmitri Volkov, told journalists on a conference call that the coverage was biased.",
        'coverage was biased', 'Dmitri Volkov'),
    'told_a_named_programme_that_reports_what_was_said': (
        "Tom Hale told the BBC's Today programme that voters were angry.", 'voters were angry', 'Tom Hale'),
    'a_surname_the_tagger_took_for_a_people_is_who_he_is_next': (
        "Tom Hale thanked Mara Lind and her family for their service.\n\n\"We do not need to beg,\" Albanese said."
        "\n\n\"Voters have chosen optimism,\" he told the crowd.", 'chosen optimism', 'Albanese'),
    'a_description_the_role_lists_lack_before_a_name_after_said': (
        "Jane Doe spoke first.\n\n\"It is clearly a coup,\" said the left-wing legislator Ruth Lane.",
        'clearly a coup', 'Ruth Lane'),
    'a_lawyer_named_after_said_is_the_speaker_not_the_last_person_in_focus': (
        "Jane Doe spoke first.\n\n\"It is a disgrace,\" said the lawyer Mark Bell.", 'a disgrace', 'Mark Bell'),
    'undersecretary_is_a_title_not_a_name': (
        "On Sunday, Presidential Communications Undersecretary Jane Castro signalled that the city would act. "
        "\"Our officers are ready,\" she said.", 'officers are ready', 'Jane Castro'),
    'justices_before_names_is_no_part_of_them': (
        "Justices Clarence Roe and Samuel Doe wrote separately. \"The ruling goes too far,\" Roe wrote.",
        'goes too far', 'Clarence Roe'),
    'a_hyphenated_given_name_the_tokenizer_split_is_whole': (
        "Not everyone in the government got the message. Prime Minister Kim Duck-soo told reporters the same day that "
        "the plan stood. \"Nothing has changed in the original frame,\" Kim said.", 'Nothing has changed', 'Kim Duck-soo'),
    'the_owner_of_an_apology_as_subject_is_in_focus': (
        "Rep. Ilhan Noor posted on Sunday night that the bill was \"a gift to donors.\" Chelsea Roe also weighed in, "
        "tweeting: \"We should expect all officials to choose their words with care.\"\n\nNoor's apology arrived "
        "Monday afternoon. \"The criticism is fair,\" she wrote.", 'criticism is fair', 'Ilhan Noor'),
    'a_party_before_an_office_is_no_person_in_focus': (
        "Taoiseach Leo Varadkar came to face Fianna Fáil leader Micheál Martin.\n\nMr Martin reminded the Taoiseach of "
        "what he had said.\n\nThe Fianna Fáil leader told the House that he had taken a call from Sgt McCabe. Sgt "
        "McCabe, he said, was adamant that the issue was never raised.", 'was adamant', 'Micheál Martin'),
    'a_pronouns_attribution_set_off_inside_a_clause_is_not_that_clauses_subject': (
        "President John Roe spoke to donors on Tuesday.\n\n\"Worry about the budget,\" he said. Finance minister "
        "Tom Hale, he added, \"did a good job\" in Brussels.", 'did a good job', 'John Roe'),
    'what_an_interviewer_put_to_someone_in_a_when_clause_is_the_interviewers': (
        "Speaking to the Observer's John Roe on Friday, Jane Doe described the levels.\n\nWhen Roe put it to her that "
        "she had bypassed the council to embarrass its chief, Doe laughed. \"I have never met her,\" she said.",
        'bypassed the council', 'John Roe'),
    'a_pronoun_no_one_named_fits_is_the_one_described_and_named_later': (
        "A baker who watched the water rise on Saturday described the panic.\n\n\"It reached the ovens in two "
        "minutes,\" she said.\n\nHer neighbour, John Hart, said he had rung the council.\n\nThe baker, Jane Roe, has "
        "run the shop since 1990.", 'reached the ovens', 'Jane Roe'),
    'someone_described_does_not_take_a_pronoun_a_named_person_fits': (
        "Finance minister John Roe announced the new currency on Tuesday.\n\nA teacher asked whether pensions "
        "would be paid in it. \"Not yet,\" he said.", 'Not yet', 'John Roe'),
    'a_bare_role_that_spoke_is_the_person_later_named_in_that_role': (
        "A shopkeeper who watched the water rise described scenes of panic.\n\n\"It was grim from start to "
        "finish,\" the shopkeeper said.\n\nThe shopkeeper, Jane Roe, runs a newsagent.", 'grim from start',
        'Jane Roe'),
    'someone_described_by_a_noun_no_suffix_marks_is_the_one_later_named_as_the_noun': (
        "A senior consultant at the city hospital has accused managers of hiding staff shortages.\n\n\"We are "
        "short every night,\" she told the health board.\n\nThe consultant, Dr Jane Roe, has worked there for years.",
        'short every night', 'Jane Roe'),
    'an_article_opening_on_someone_unnamed_names_them_next_in_that_role': (
        "The veteran senator had heard enough. \"We need water, not excuses,\" he said.\n\nSenator John Roe, who has "
        "served for twenty years, will vote against the bill. The bill's sponsor, Senator Jane Doe, defended it.",
        'not excuses', 'John Roe'),
    'a_party_member_written_before_a_name_is_no_part_of_it': (
        "Earlier, Conservative Mark Hollis said the plan had failed.", 'plan had failed', 'Mark Hollis'),
    'letters_after_a_name_are_no_part_of_it': (
        "Counsel assisting, John Roe QC, said the fees had been charged for years.", 'fees had been charged',
        'John Roe'),
    'a_quoted_nickname_is_the_first_name_the_person_goes_by': (
        "Anthony \"Jack\" Roe, the group executive, said the report had been changed.", 'report had been changed',
        'Jack Roe'),
    'an_honorific_with_its_full_stop_after_a_quote_is_the_named_person': (
        "Jane David and Ruby Hale spoke.\n\nRuby Hale disagreed. \"No, I did not say that,\" Ms. David replied.",
        'did not say that', 'Jane David'),
    'an_honorific_with_its_full_stop_and_an_apposition_after_a_quote': (
        "Jane David and Ruby Hale spoke.\n\nRuby Hale disagreed. \"No, I did not say that,\" Ms. David, the former "
        "minister, replied.", 'did not say that', 'Jane David'),
    'a_name_modifying_a_role_after_the_is_the_one_given_that_title': (
        "Prime Minister John Roe faced Fianna Fáil leader Max Hale on Tuesday.\n\nThe Fianna Fáil leader said "
        "that he had taken a call from the whistleblower.", 'taken a call', 'Max Hale'),
    'a_name_the_parser_cut_from_its_hyphenated_title_is_the_subject': (
        "Party vice-president John Roe has acknowledged that some members of his party were involved in the riots.",
        'some members of his party', 'John Roe'),
    'a_participle_after_a_noun_content_clause_is_the_main_subjects': (
        "The Kremlin on Thursday brushed aside Germany's finding that John Roe was poisoned with a nerve agent, "
        "telling reporters on its daily conference call that there was no reason to blame the Russian state.",
        'no reason to blame', 'Kremlin'),
    'said_that_another_did_something_and_asked_is_still_the_one_who_said': (
        "Prime Minister John Roe spoke on Monday.\n\nShadow attorney-general Max Hale said Mr Roe led \"a party of "
        "the extreme right\" and asked: \"How hard is it for John Roe to actually condemn the view?\"",
        'How hard is it', 'Max Hale'),
    'a_pronoun_after_a_sentence_whose_subject_has_no_known_gender_is_that_subject': (
        "The moderator, Jane Doe, put the question to the leaders.\n\nThe moderator also asked Max Hale why he "
        "had allowed it. Green Leader Annamie Paul seized on the moment. \"He is no feminist,\" she said.",
        'no feminist', 'Annamie Paul'),
    'a_pronoun_after_a_sentence_whose_subject_a_first_name_only_guessed_otherwise_is_that_subject': (
        "Erin Toole and Max Hale debated on Thursday.\n\nBy Friday Hale said he had been \"taken back\" by the "
        "question. Toole went further on social media. \"I reject the premise,\" he wrote on Twitter.",
        'reject the premise', 'Erin Toole'),
    'saying_it_again_after_a_quote_is_an_attribution': (
        "Jane Doe took questions from host John Roe on Friday.\n\n\"But you hear it. It must be true,\" Roe "
        "persisted.", 'It must be true', 'John Roe'),
    'a_pronoun_set_in_after_a_subject_of_its_own_sentence_is_not_that_subject': (
        "Prime Minister Jane Doe said on Tuesday that the island was not for sale.\n\nSpeaking to a broadcaster, Doe "
        "pointed to the island's own leader. Its premier Mute Egede, she said, \"has been very clear\" about it.",
        'has been very clear', 'Jane Doe'),
    'a_party_owned_by_its_country_is_the_party_by_its_own_name': (
        "Britain's opposition Labour Party pledged on Thursday to bring back the ban.", 'bring back the ban',
        'Labour Party'),
    'a_ministry_owned_by_its_country_keeps_the_country': (
        "Russia's Foreign Ministry said on Monday it would respond.", 'it would respond', "Russia's Foreign Ministry"),
    'a_name_the_parser_hung_off_its_title_is_the_subject_a_pronoun_then_takes': (
        "Party leader John Roe spoke to the channel on Monday.\n\nBy Tuesday the party was demanding that Mr Roe "
        "apologise. Former Punjab chief minister Amarinder Dhillon hit back in a statement that day, accusing the "
        "leadership of trying to distort Mr Roe's words. \"How can you blame someone for this?\" he asked.",
        'How can you blame', 'Amarinder Dhillon'),
    'a_quote_right_after_asking_is_the_askers_own_words': (
        "Moderator Jane Doe put the question to John Roe.\n\nDoe came back at him more than once, asking \"why "
        "the discriminatory laws and your support for it sir?\" He would not budge.", 'your support for it',
        'Jane Doe'),
    'a_short_reply_before_came_the_answer_is_the_witnesss': (
        "Former minister Jane Roe testified before the committee on Wednesday.\n\nAnn Lee asked about the waiver. "
        "\"Can you tell us why you resigned?\" she asked. \"I cannot,\" came the answer.", 'I cannot', 'Jane Roe'),
    'one_asking_after_reporters_pressed_is_a_reporter': (
        "Spokesman John Roe faced reporters on Wednesday.\n\nReporters pressed him on the seating. One asked "
        "whether the summit would go ahead. Roe said he did not know.", 'summit would go ahead', 'Reporter'),
    'a_compound_first_name_tells_the_gender_and_makes_a_person_of_what_the_ner_took_for_a_body': (
        "Jane Doe, the evening's moderator, put the leadership question to Yves-François Blanchet on the stage of "
        "the Canadian Museum of History in Gatineau, Que. \"You deny it,\" she said.\n\nBlanchet bristled. \"The "
        "question seems to imply the answer you want,\" he replied.", 'imply the answer', 'Yves-François Blanchet'),
    'a_known_surname_as_a_passive_subject_is_in_focus_for_the_pronoun_after': (
        "Host Laura Roe interviewed John Hale and Rachel Reeves on Sunday.\n\nRoe pressed Hale on the rules for "
        "benefit claimants.\n\nReeves was asked whether her party would reverse the changes, and turned the question "
        "back on the government.\n\n\"They have been in power now for 13 years,\" she said.", 'in power now',
        'Rachel Reeves'),
    'a_quote_after_someone_cut_in_before_a_colon_is_theirs': (
        "Jane Roe was interviewed by host Nick Ferrari.\n\n\"No, I mean, sorry,\" Roe began, before Ferrari cut in: "
        "\"How much will they cost?\"", 'How much will they cost', 'Nick Ferrari'),
    'a_reply_paragraph_after_the_hosts_question_is_the_guests': (
        "Jane Roe's attempt to launch the pledge unravelled live on air on Tuesday.\n\nShe had been booked on the "
        "breakfast show, presented by Nick Ferrari, to sell the plan. The first question was about funding. \"Where "
        "will the money come from?\" the presenter asked.\n\n\"The money will come from reversing some of the tax "
        "cuts.\"\n\nThe trouble started when the host moved on to the price tag. \"So how much would it cost?\" he "
        "asked.\n\n\"Well, we believe it will be about three hundred thousand pounds.\"", 'three hundred thousand',
        'Jane Roe'),
    'a_post_by_someone_is_theirs': (
        "A post on the social network Loop by footballer John Roe criticised his manager on Sunday.\n\n\"Loyalty goes "
        "one way,\" the post read.", 'criticised his manager', 'John Roe'),
    'a_statement_by_a_body_is_the_bodys': (
        "A statement by the Ministry of Defence said the drills would continue.", 'drills would continue',
        'Ministry of Defence'),
    'a_live_blog_time_stamp_with_its_time_zone_is_no_speaker': (
        "5.40pm GMT – John Roe, the shadow chancellor, says the claim does not stand up.\n\n6.02pm GMT – Jane Doe, the "
        "party leader, has dismissed the whole package as \"a standstill non-event\".", 'dismissed the whole package',
        'Jane Doe'),
    'a_hyphenated_title_is_the_titled_persons': (
        "Director-General of Health Jane Doe apologised on Thursday.\n\n\"Why does no one resign?\" host John Roe "
        "asked.\n\n\"I am not part of the government,\" the director-general responded.", 'not part of the government',
        'Jane Doe'),
    'he_is_never_a_plural_subject_of_the_words_before': (
        "John Roe took questions on Thursday.\n\nOfficials were still \"establishing the detail\", he said.",
        'establishing the detail', 'John Roe'),
    'adding_after_he_said_is_the_one_who_said_it': (
        "A Downing Street spokesperson took questions.\n\nOfficials were still \"establishing the detail\", he said, "
        "adding that No 10 would \"update if appropriate\".", 'update if appropriate', 'Downing Street spokesperson'),
    'a_portfolio_joined_by_and_is_one_ministers_title': (
        "Alberta Environment and Protected Areas Minister Jane Doe wrote on Sunday that the remark was unfair.",
        'the remark was unfair', 'Jane Doe'),
    'a_hyphenated_surname_the_parser_split_opening_a_sentence_is_its_subject': (
        "Union chairman John Bar-David threatened a strike on Monday.\n\nPrime Minister Max Poe spoke in the evening. "
        "\"I am taking a timeout,\" he said.\n\nBar-David quickly stood down his members. \"The strike will end,\" he "
        "said.", 'The strike will end', 'John Bar-David'),
    'a_title_of_a_portfolio_before_a_name_the_ner_missed_is_that_person': (
        "Director-General of Health Ashley Roe apologised on Thursday for the lapse.", 'apologised on Thursday',
        'Ashley Roe'),
    'the_post_is_the_words_of_whoever_posted_it': (
        "The official account of Harbury Rovers Football Club mocked its rivals on Saturday.\n\nThe post, which "
        "showed the empty away end, read: \"Thanks for coming. Plenty of room next season.\"", 'Plenty of room',
        'Harbury Rovers Football Club'),
    'a_lower_case_rank_before_the_name_after_a_quote': (
        "Rescue teams searched on Tuesday.\n\n\"We have recovered two boats,\" coastguard commander John Roe said.",
        'two boats', 'John Roe'),
    'a_job_written_as_a_false_title_is_not_part_of_the_name': (
        "Striker John Roe said on Monday that two clubs had made offers.", 'two clubs had made offers', 'John Roe'),
    'a_parliamentary_record_label_with_a_constituency_and_a_party': (
        "From the official report of Thursday's questions.\n\nMr John Roe (Northfield) (Lab): Will the minister publish "
        "the figures?\n\nThe Minister for Housing (Ms Jane Doe): I will.", 'publish the figures', 'John Roe'),
    'a_question_someone_was_asked_by_a_named_person_is_that_persons': (
        "Mayor Jane Doe faced the press on Monday.\n\nDoe was asked by reporter John Roe whether the water had "
        "been tested.\n\n\"No,\" she said.", 'water had been tested', 'John Roe'),
    'a_role_leading_into_the_asker_s_name': (
        "Jane Doe, asked by the broadcaster John Roe how the chancellor was, said: \"She is fine.\"",
        'how the chancellor was', 'John Roe'),
    'an_asker_after_a_hyphenated_title': (
        "John Hale called in to a morning show early on Wednesday. Asked by co-host Tom Baker what he made of it, he "
        "said: \"I like her much better.\"", 'what he made of it', 'Tom Baker'),
    'a_questioner_before_an_asking_verb_the_parse_joined_to_a_clause_about_a_thing': (
        "President Jane Roe held a press conference in Paris on Monday.\n\nThe first sharp exchange came when a "
        "reporter raised the army's role in the region after the war, and asked how the government expected to "
        "restore security in the east. Roe offered to look at the past.", 'how the government expected', 'Reporter'),
    'an_asker_named_after_a_role_and_a_comma': (
        "Ann Lee was pressed by the presenter, Kay Burley, on what a Labour government would do.",
        'what a Labour government would do', 'Kay Burley'),
    'another_after_an_unnamed_reporters_question_is_another_reporter': (
        "Jane Doe held a press conference on Monday.\n\nOne reporter asked how many passengers were stranded. About "
        "900, she said.\n\nAnother wanted to know whether the airline would pay hotel bills.", 'pay hotel bills',
        'Reporter'),
    'a_titled_name_joined_to_the_subject_is_a_subject_too': (
        "Mayor Ann Lee and Fire Chief Jane Doe briefed reporters on Tuesday.\n\nLee said residents should stay "
        "inside. \"The smoke is unpleasant,\" she said.\n\nDoe stepped to the microphone. \"We have one worker we "
        "cannot reach,\" she said.", 'cannot reach', 'Jane Doe'),
    'a_label_after_a_live_blog_time_stamp_is_the_speaker': (
        "Live: the budget hearing\n\n15:20 Finance minister John Roe is taking questions from Jane Doe, a committee "
        "member.\n\n15:27 Doe: \"The allowance only starts above 40 kilometres.\"\n\n15:28 Roe says some families "
        "will be worse off.", 'allowance only starts', 'Jane Doe'),
    'one_who_has_yet_to_respond_is_not_the_speaker': (
        "Jane Doe chaired the hearing. John Roe, the minister, answered.\n\nAnn Lee steps in before Roe can respond: "
        "\"Each party has seven minutes.\"", 'seven minutes', 'Ann Lee'),
    'an_unnamed_diplomat_based_somewhere_is_no_one_in_focus': (
        "General John Roe said on Sunday his forces had retaken the city.\n\n\"There is still fighting,\" a Western "
        "diplomat based in Port Sudan said.", 'still fighting', 'Western diplomat based in Port Sudan'),
    'a_count_of_bankers_is_an_unnamed_group_not_the_one_in_focus': (
        "\"We have not received any offer,\" chief executive John Roe told reporters on Wednesday.\n\nHowever, three "
        "bankers said a rival had made a preliminary approach.", 'preliminary approach', 'Bankers'),
    'she_who_replies_is_the_one_the_last_words_were_said_to': (
        "Jane Doe met Ann Lee on Tuesday.\n\n\"You have failed,\" Doe told Lee. She replied: \"I have not.\"",
        'I have not', 'Ann Lee'),
    'she_who_shoots_back_is_the_one_the_last_words_were_said_to': (
        "Jane Doe met Ann Lee on Tuesday.\n\n\"You have failed,\" Doe told Lee. \"I have not,\" she shot back.",
        'I have not', 'Ann Lee'),
    'he_who_replies_right_after_someones_words_is_someone_else': (
        "Presenter Kim Lee interviewed Treasurer John Roe on Thursday.\n\n\"But nothing has changed,\" Lee said. "
        "\"No, that has changed,\" he replied.", 'that has changed', 'John Roe'),
    'she_who_replies_after_being_asked_again_is_the_one_asked': (
        "Ann Lee wrote about the minister on Sunday. Spokeswoman Mao Lin briefed reporters on Monday.\n\n\"I have "
        "nothing to add,\" Mao said.\n\nShe was asked again whether the minister was ill. \"I have no information,\" "
        "she replied.", 'no information', 'Mao Lin'),
    'a_she_after_the_one_the_paragraph_named_as_that_she_is_hers': (
        "Ann Lee said on Monday the talks had stalled.\n\nA reporter reminded the spokeswoman, Jane Doe, that she "
        "had said nothing the day before. \"We are deeply concerned,\" she replied.", 'deeply concerned', 'Jane Doe'),
    'a_he_after_the_one_the_paragraph_named_as_he_came_out_is_his': (
        "Tom Brown called for the minister to go on Monday.\n\nReporters caught up with John Roe as he came out "
        "of an event. Asked whether he would resign, he said: \"Hell no.\"", 'Hell no', 'John Roe'),
    'it_after_the_body_word_a_paragraph_made_its_subject_is_that_body': (
        "Acme Corp was sued on Thursday. Minister John Roe said the case was clear.\n\nThe company has rejected "
        "the accusations. \"We stand by our staff,\" it said in a statement.", 'stand by our staff', 'Acme Corp'),
    'the_nationality_and_title_a_paragraph_opens_with_is_the_he_of_its_quote': (
        "French President Jean Roe hosted Russian President Ivan Petrov on Monday.\n\n\"We had a frank exchange,\" "
        "Mr Roe said.\n\nThe Russian president defended his decision. \"We could not refuse her,\" he said.",
        'could not refuse', 'Ivan Petrov'),
    'a_dash_and_a_name_under_a_quote_sign_it': (
        "Jane Doe met John Roe on Tuesday.\n\n\"It went badly.\" — John Roe", 'went badly', 'John Roe'),
    'an_owners_verdict_before_a_colon_is_theirs': (
        "Jane Doe met John Roe on Tuesday.\n\nRoe's verdict: \"It went well.\"", 'went well', 'John Roe'),
    'a_name_and_an_age_after_the_quote_is_the_speaker': (
        "Jane Doe met John Roe on Tuesday.\n\n\"It went badly,\" Roe, 54, said.", 'went badly', 'John Roe'),
    'a_name_an_age_and_what_they_do_after_the_quote_is_the_speaker': (
        "Jane Doe met John Roe on Tuesday.\n\n\"It went badly,\" Ann Lee, 61, a retired teacher, said.", 'went badly',
        'Ann Lee'),
    'an_owners_role_and_a_name_after_the_quote_is_that_name': (
        "Jane Doe met John Roe on Tuesday.\n\n\"It went badly,\" Roe's deputy, Ann Lee, said.", 'went badly',
        'Ann Lee'),
    'an_unnamed_source_after_the_quote_is_the_source': (
        "Jane Doe met John Roe on Tuesday.\n\n\"It went badly,\" said a source close to Roe.", 'went badly',
        'Source close to Roe'),
    'one_person_familiar_with_the_talks_is_no_one_in_focus': (
        "Jane Doe met John Roe on Tuesday.\n\n\"It went badly,\" said one person familiar with the talks.",
        'went badly', 'Person familiar with the talks'),
    'a_question_a_colon_introduced_is_not_the_replys': (
        "Jane Doe faced questions from MPs on Wednesday.\n\nLabour's John Roe asked: \"Will the minister apologise?\" "
        "Doe replied that she had nothing to apologise for.", 'minister apologise', 'John Roe'),
    'the_presenter_is_the_one_who_asked_in_the_transcript': (
        "Jane Doe went on John Roe's breakfast programme on Tuesday.\n\nJOHN ROE: How much will it cost?\n\n"
        "JANE DOE: About eighty million.\n\nThe presenter was not satisfied. \"Eighty million? How do you get to "
        "that figure?\" he asked.", 'get to that figure', 'John Roe'),
    'a_named_police_force_is_a_body_and_the_force_is_it': (
        "The Metropolitan Police confirmed the inquiry on Tuesday. Craig Williams apologised.\n\nThe Metropolitan "
        "Police said on Thursday that it had agreed to divide the work. The force said five officers were under "
        "investigation.", 'five officers', 'Metropolitan Police'),
    'a_named_police_force_speaking_is_no_person_in_focus': (
        "Craig Williams apologised on Tuesday.\n\nThe Metropolitan Police said on Thursday that it had agreed to "
        "divide the work.", 'divide the work', 'Metropolitan Police'),
    'she_after_a_man_with_an_unmistakable_first_name_is_the_woman_named_before': (
        "Mary Smith spoke on Tuesday.\n\nPeter Brown arrived. She said he was late.", 'he was late', 'Mary Smith'),
    'a_bare_question_after_the_follow_up_came_is_a_reporters': (
        "Senator John Roe admitted his mistake on Monday. \"I am human,\" Roe told reporters.\n\nThe follow-up was "
        "inevitable. \"Do you know what the figures are?\"", 'figures are', 'Reporter'),
    'a_question_turned_back_on_the_hosts_is_still_the_speakers': (
        "Senator John Roe spoke to the hosts on Monday. \"Can you tell me the state does not know?\" he asked.\n\n"
        "He then turned the question back on his hosts. \"So why don't I hear sharp condemnation?\"",
        'sharp condemnation', 'John Roe'),
    'a_bare_question_after_a_reporter_shouted_one_is_the_reporters': (
        "President John Roe took questions in the lobby.\n\n\"We will build,\" Roe said.\n\nOne reporter shouted a "
        "question about his strategist. \"Do you still have confidence in him?\"", 'still have confidence', 'Reporter'),
    'a_bare_question_after_another_asked_is_a_reporters': (
        "President John Roe took questions in the lobby.\n\n\"We will build,\" Roe said.\n\nAnother asked the question "
        "that had dogged him since he spoke of \"many sides\" on Saturday. \"Why did you wait so long?\"",
        'wait so long', 'Reporter'),
    'a_bare_question_from_the_floor_is_a_reporters': (
        "President John Roe took questions in the lobby. Reuters' Jane Doe said the event was unplanned.\n\n"
        "The first question came from the floor, and it concerned the council. \"Why are the chiefs leaving?\"",
        'chiefs leaving', 'Reporter'),
    'he_is_the_man_whose_first_name_the_counts_call_a_womans_when_no_man_was_named': (
        "DUBLIN - Prime Minister Enda Roe gave a rare interview on Thursday.\n\nThe interview produced one piece of "
        "news.\n\nHe said the referendum was about tolerance.", 'about tolerance', 'Enda Roe'),
    'a_bare_question_after_an_exchange_is_the_askers_again': (
        "Senator John Doe was interviewed on Sunday.\n\nJane Roe began with the prison plan.\n\n\"How many will it "
        "hold?\" she asked.\n\n\"It will hold the number there is now,\" Doe said.\n\n\"And what is that number?\"\n\n"
        "\"If you go and look, it is not complex.\"", 'what is that number', 'Jane Roe'),
    'a_bare_answer_after_the_askers_second_question_is_the_one_asked': (
        "Senator John Doe was interviewed on Sunday.\n\nJane Roe began with the prison plan.\n\n\"How many will it "
        "hold?\" she asked.\n\n\"It will hold the number there is now,\" Doe said.\n\n\"And what is that number?\"\n\n"
        "\"If you go and look, it is not complex.\"", 'not complex', 'John Doe'),
    'a_question_labelled_with_an_outlet_is_its_reporter_named_earlier': (
        "WASHINGTON - The press secretary took questions on Monday.\n\nJohn Doe of The Daily Courier went first, "
        "and Mary Roe of CBS News followed.\n\nQ (DC): Will the president resign?\n\nMS. SMITH: No.\n\n"
        "Q (CBS): Why not?", 'resign', 'John Doe'),
    'a_question_labelled_with_an_outlet_begins_a_longer_name': (
        "WASHINGTON - The press secretary took questions on Monday.\n\nJohn Doe of The Daily Courier went first, "
        "and Mary Roe of CBS News followed.\n\nQ (DC): Will the president resign?\n\nMS. SMITH: No.\n\n"
        "Q (CBS): Why not?", 'Why not', 'Mary Roe'),
    'a_question_labelled_with_an_outlet_no_one_was_placed_at_is_a_reporter': (
        "WASHINGTON - The press secretary took questions on Monday.\n\nQ (NBC): Will the president resign?\n\n"
        "MS. SMITH: No.", 'resign', 'Reporter'),
    'a_that_clause_before_a_quote_is_not_its_speaker': (
        "Senator John Doe would not let it go. \"It is a basic question,\" he said, and pointed out that "
        "Smith's name was in records anyone could read: \"It is all public.\"", 'all public', 'John Doe'),
    'a_spokesman_unnamed_in_the_lede_is_the_one_named_spokesman_later': (
        "Ruritania's government spokesman said on Monday that the talks had failed.\n\nPrime Minister John Roe "
        "frowned but said nothing. Tom Green, his spokesman, closed the session.\n\n\"We will try again,\" Green said.",
        'the talks had failed', 'Tom Green'),
    'a_spokesman_introduced_as_a_spokesman_stays_unnamed': (
        "A government spokesman said on Monday that the talks had failed.\n\nPrime Minister John Roe "
        "frowned but said nothing. Tom Green, his spokesman, closed the session.\n\n\"We will try again,\" Green said.",
        'the talks had failed', 'Government spokesman'),
    'a_hyphenated_surname_the_ner_calls_a_body_is_still_her': (
        "Minister Tom Green apologised on Monday to the broadcaster Ann Castle-Wood.\n\nPrime Minister Jane Roe said "
        "he had done the right thing.\n\nCastle-Wood, a radio presenter, played the episode down. \"No one was upset "
        "by it,\" she wrote on Monday.", 'No one was upset', 'Ann Castle-Wood'),
    'a_second_reported_clause_does_not_take_the_pronoun': (
        "Mayor Jane Roe dismissed her deputy, John Doe, on Monday.\n\nThe mayor said she had offered a budget deal, "
        "but that Doe had refused to sign it. \"I can no longer work with him,\" she said.\n\n"
        "President Tom Brown sacked his minister, Paul Green.\n\nThe president said he had proposed a plan, but that "
        "Green had shown no will to carry it out. \"I am no longer willing to accept this,\" he said.",
        'no longer willing to accept', 'Tom Brown'),
    'a_subject_set_off_by_commas_is_not_the_speaker': (
        "Governor Jane Roe spoke to reporters on Monday.\n\nOn her rival, John Doe, Roe said the senator "
        "\"has no plan at all\".", 'no plan at all', 'Jane Roe'),
    'the_anchor_is_the_one_introduced_as_interviewer': (
        "The interviewer, Maria Lopez, the editor of Channel Five, kept returning to the budget.\n\n"
        "\"Will you cut the deficit, yes or no?\" the anchor asked.\n\n\"We will halve it,\" Senator John Roe said.",
        'cut the deficit', 'Maria Lopez'),
    'cut_in_attributes_the_quote': (
        "Senator John Roe spoke to the host, Maria Lopez, for an hour.\n\n\"We will halve the deficit,\" Roe said."
        "\n\n\"You are avoiding the question,\" Lopez cut in.", 'avoiding the question', 'Maria Lopez'),
    'a_reflexive_after_a_titled_name_gives_her_gender': (
        "LONDON - Finance Minister Oyelaran Rao found herself under fire on Thursday over her remarks.\n\n"
        "Priya Nair, an opposition MP, asked why prices had risen. \"Why are prices going up?\" Nair said.\n\n"
        "Rao replied that supply had fallen.\n\nShe then listed the measures. \"We have cut import duties "
        "twice,\" she said.", 'cut import duties', 'Oyelaran Rao'),
    'his_conclusion_is_his': (
        "Senator John Roe wrote to colleagues on Monday.\n\nHis conclusion followed: \"I will vote for the "
        "bill.\"", 'vote for the bill', 'John Roe'),
    'his_answer_is_the_answer_of_the_man_in_focus': (
        "Senator Jane Roe said she would decide by the end of the year.\n\nHer main rival, Senator John Doe, was "
        "asked the same question an hour later. His answer was short: \"I am ready, and the party knows it.\"",
        'I am ready', 'John Doe'),
    'said_then_a_lower_case_role_then_the_name_attributes_the_quote': (
        "The court upheld the result on Monday.\n\n\"We accept the decision, but the process was unfair,\" said "
        "opposition candidate Lydia Nyambura.", 'process was unfair', 'Lydia Nyambura'),
    'an_outlets_correspondent_is_its_reporter_not_the_outlet': (
        "Foreign Minister Jane Doe spoke at the State Department. A reporter for Al Jazeera suggested that Delhi "
        "risked sanctions. Doe pointed to Europe.\n\nAl Jazeera's correspondent also pressed her on the war itself: "
        "\"Why not condemn the invasion?\"", 'condemn the invasion', 'Reporter'),
    'a_transcript_label_with_an_accented_capital': (
        "The exchange is from Thursday's town hall with Marcus Bélanger, leader of the Labour Party, moderated by "
        "Jasmine Cho.\n\nJASMINE CHO: Our next question is about fuel.\n\nMARCUS BÉLANGER: I will rebate the fuel "
        "tax for small carriers.", 'rebate the fuel tax', 'Marcus Bélanger'),
    'a_hyphenated_given_name_keeps_its_hyphen': (
        "South Korea's land minister, Choi Young-soo, said on Thursday that the plan would work.", 'plan would work',
        'Choi Young-soo'),
    'a_surname_takes_the_full_name_the_article_wrote_where_the_parse_missed_it': (
        "Foreign ministers Elif Demir of Turkey and Beatriz Carvalho of Brazil spoke to reporters in Ankara on "
        "Friday.\n\nAsked by a Brazilian reporter whether both parties had agreed to attend, Carvalho said: \"We "
        "have had a positive signal from each.\"", 'positive signal', 'Beatriz Carvalho'),
    'the_company_among_two_bodies_is_the_one_named_like_a_firm': (
        "Union leader Siddharth Rao said on Thursday that 12,000 workers at Bharat Motors' Chennai plant would go on "
        "strike.\n\nThe company said it had offered a 9% raise, the highest in the industry.", 'offered a 9% raise',
        'Bharat Motors'),
    'a_that_clause_the_parser_hung_on_the_statement_is_what_was_said': (
        "Jane Doe said later in a statement that the duties would take effect on Friday.", 'duties would take effect',
        'Jane Doe'),
    'a_name_opening_a_long_sentence_is_the_subject_the_parser_lost': (
        "Parliament approved a rail law on Monday.\n\nYasmin Abdel-Rahman, the lawmaker who chairs the transport "
        "committee and whose father, former transport minister Mahmoud Abdel-Rahman, first proposed a similar reform "
        "in the 1990s, said the law would finally bring the trains into this century.", 'bring the trains',
        'Yasmin Abdel-Rahman'),
    'she_after_a_role_whose_gender_the_article_never_gave_is_that_role': (
        "The police chief told a parliamentary committee on Wednesday that officers had been suspended. "
        "\"No officer is above the law,\" she said.", 'above the law', 'Police chief'),
    'a_parenthetical_attribution_keeps_a_scare_quote_in_its_clause': (
        "Governor Ana Ruiz spoke on Thursday. The security plan, she said, had been \"designed with the federal "
        "government.\"", 'security plan had been', 'Ana Ruiz'),
    'a_pronoun_after_a_role_met_first_in_a_reported_clause_is_that_role': (
        "The police chief told a parliamentary committee on Wednesday that officers had been suspended. "
        "\"No officer is above the law,\" he said.", 'above the law', 'Police chief'),
    'a_name_runs_on_over_its_particles_when_the_ner_cuts_it': (  # the NER: 'Ursula von' | 'Leyen' (a place)
        "STRASBOURG - European Commission President Ursula von der Leyen told the European Parliament on Tuesday "
        "that she would withdraw the proposal.", 'withdraw the proposal', 'Ursula von der Leyen'),
    'number_10_is_downing_street': (
        "Prime Minister Boris Johnson faces a vote tonight.\n\nNumber 10 said the prime minister welcomed the "
        "ballot as a chance to move on.", 'welcomed the ballot', 'Downing Street'),
    'an_office_that_starts_with_lord_is_no_peer': (
        "The Lords debated the bill on Monday.\n\nThe Lord Chancellor, Shabana Mahmood, rose late. "
        "The Lord Chancellor said the bill would pass.", 'bill would pass', 'Shabana Mahmood'),
    'a_peer_is_named_by_the_title_with_its_place': (
        "The Lords debated the bill on Monday.\n\nLord Anderson of Ipswich, the crossbench peer, rose late. "
        "Anderson said he would withdraw his amendment.", 'withdraw his amendment', 'Lord Anderson of Ipswich'),
    'a_first_and_last_name_the_ner_took_for_a_body_is_a_person': (
        "Turkish President Recep Tayyip Erdogan used a joint news conference with Chancellor Olaf Scholz on Friday "
        "to criticise Israel.\n\nScholz spoke first and addressed the dispute. \"We have very different views on "
        "the conflict,\" he said.", 'very different views', 'Olaf Scholz'),
    'director_before_a_name_is_a_title': (
        "Officials briefed reporters on Thursday. FBI Director Christopher Wray warned that \"this threat is not "
        "going away.\"", 'threat is not going away', 'Christopher Wray'),
    'a_reflexive_gives_a_subject_her_gender_and_the_pronoun_after_her_name_is_hers': (
        "WASHINGTON - Sarah Huckabee Sanders, the press secretary, declined on Thursday to comment.\n\n"
        "The refusal came hours after the president's daughter and senior adviser, Ivanka Trump, distanced herself "
        "from the insult. Asked whether she considered the media the enemy of the people, she answered: "
        "\"No, I do not.\"", 'No, I do not', 'Ivanka Trump'),
    'called_out_after_a_quote_attributes_it': (
        "Sarah Sanders took questions on Thursday. \"We are not the enemy,\" Jim Acosta said.\n\n"
        "\"Tell that to the families in Annapolis!\" another reporter called out, a reference to the shooting.",
        'families in Annapolis', 'Reporter'),
    'a_first_and_last_name_the_ner_missed_is_a_person_whose_surname_speaks_later': (
        "Emmanuel Macron held a joint press conference with Theresa May on Thursday. Britain will spend more at "
        "Calais and other crossing points.\n\n"
        "May, answering the same question, said she accepted that the country would leave the single market.",
        'leave the single market', 'Theresa May'),
    'a_surname_parsed_as_a_modal_verb_is_the_person_named_before': (
        "Emmanuel Macron held a joint press conference with Theresa May on Thursday.\n\n"
        "Macron praised the alliance at length. May said the partnership would outlast any vote.",
        'outlast any vote', 'Theresa May'),
    'a_shared_surname_is_the_one_of_them_who_was_ever_a_subject': (
        "The minister praised Mahatma Gandhi, the leader of the independence movement, in her speech.\n\n"
        "Rahul Gandhi held a press conference of his own at the same hour.\n\n"
        "Gandhi also said the commission's conduct of the polls had been biased.",
        'conduct of the polls', 'Rahul Gandhi'),
    'began_after_a_quote_attributes_it': (
        "Ana Ruiz took questions at party headquarters on Friday.\n\n"
        "\"My question is for the prime minister,\" began Maria Lopez. She asked whether the party "
        "would keep its candidate.",
        'My question is for', 'Maria Lopez'),
    'a_pronoun_after_a_paragraph_that_names_one_newcomer_is_the_newcomer': (
        "Jane Roe faced MPs in the Commons on Wednesday.\n\n"
        "The first question came from John Smith. \"Will the minister apologise?\" he asked.\n\n"
        "Then it was the turn of Tom Brown. He began with a joke. \"A book is being written about the minister,\" "
        "he said.",
        'A book is being written', 'Tom Brown'),
    'a_subject_pronoun_after_the_newcomer_in_her_sentence_keeps_its_chain': (
        "Jane Roe reversed course on Monday.\n\n"
        "On Sunday, in a BBC interview with Laura Kuenssberg, she had been asked directly: \"Are you committed to "
        "the cut?\" She replied: \"Yes, we have to have a competitive tax system.\"",
        'competitive tax system', 'Jane Roe'),
    'a_pronoun_subject_before_the_newcomer_keeps_its_chain': (
        "Jane Roe faced MPs in the Commons on Wednesday.\n\n"
        "The first question came from John Smith. \"Will the minister apologise?\" he asked.\n\n"
        "Later he was asked whether he considered Tom Brown a rival. \"It's possible,\" he answered.",
        "It's possible", 'John Smith'),
    'put_it_to_her_that_reports_the_clause_put': (
        "Ana Ruiz visited a hospital in Leeds on Monday.\n\n"
        "Reporters put it to her that the new rules had been rushed through. She did not answer.",
        'new rules had been rushed', 'Reporter'),
    'the_interviewer_is_the_one_the_paragraph_named_as_faced': (
        "Nadia Osei and her deputy, Tom Birch, defended the budget all week.\n\n"
        "In the evening she faced Martin Cole on Channel 4. The interviewer told her that the figures did not add up. "
        "\"You promised no new borrowing, and now there is borrowing,\" he said.",
        'figures did not add up', 'Martin Cole'),
    'a_bare_reply_to_a_prosecutors_question_is_the_witness': (
        "Prosecutor Elena Marsh questioned the site manager, Owen Pryce, for most of the afternoon.\n\n"
        "\"Who signed the safety log that morning?\" Marsh asked.\n\n"
        "\"Nobody did. The log was left in the van.\"",
        'left in the van', 'Owen Pryce'),
    'a_pronoun_reply_after_a_lawyers_follow_up_is_the_witness': (
        "Defence lawyer Nadia Haddad cross-examined the nurse, Fiona Baird, on Monday.\n\n"
        "\"Did you see the chart?\" Haddad asked.\n\n\"Not until noon,\" Baird said.\n\n"
        "\"So you gave the dose without reading it?\"\n\n"
        "\"I gave what the doctor told me to give,\" she replied.",
        'what the doctor told me', 'Fiona Baird'),
    'a_bare_reply_after_a_member_asked_a_named_minister_is_the_ministers': (
        "Opposition MP Rawiri Tane asked the Minister of Health, Grace Liddell, on Tuesday whether the new "
        "clinics had opened on time.\n\n\"Did a single clinic open on the promised day?\" Tane asked.\n\n"
        "\"Nine of the twelve opened on the day, and the rest within a week.\"",
        'Nine of the twelve', 'Grace Liddell'),
    'a_title_the_ner_read_into_a_name_is_a_title_and_the_name_a_person': (
        "Party leader Aoife Byrne declined on Monday to say what former TD Declan Moran had been accused of.\n\n"
        "Moran, the Cork North TD who chaired the committee, quit the party on Saturday, blaming what he called a "
        "\"deeply unfair\" process.",
        'deeply unfair', 'Declan Moran'),
    'td_before_a_name_is_a_title': (
        "Mayor Jane Doe met TD Brian Stanley on Monday. Later, Stanley said the deal was a betrayal.",
        'betrayal', 'Brian Stanley'),
    'a_bare_quote_after_someone_new_asks_is_the_last_speakers_reply': (
        "MP Julien Lefevre held a public meeting on Wednesday. \"Long careers keep the right to leave at sixty,\" "
        "Lefevre said.\n\nA younger man in the front row asked whether his generation would see a pension at "
        "all.\n\n\"You will, if we make changes now.\"",
        'You will', 'Julien Lefevre'),
    'a_moderator_label_is_the_person_the_article_says_was_the_moderator': (
        "The exchange took place at Wednesday's panel. The moderator was Rania Haddad; the panellist was Water "
        "Minister Sami Khoury.\n\nMODERATOR: Minister, how much water is lost to leaks?\n\n"
        "KHOURY: About forty percent.",
        'lost to leaks', 'Rania Haddad'),
    'a_participle_after_a_reported_clause_is_the_sayers': (
        "Karoline Leavitt spoke first.\n\nScott Bessent, for his part, used the briefing to say that Washington "
        "was \"very close on India\" in its trade talks, while suggesting that China would be dealt with separately.",
        'dealt with separately', 'Scott Bessent'),
    'a_surname_two_people_share_is_the_one_met_first': (
        "MANILA - Vice President Sara Duterte has resigned as education secretary.\n\n"
        "Duterte, 46, the daughter of former president Rodrigo Duterte, handed in her resignation on Wednesday.\n\n"
        "Duterte faced cameras later in the day. \"I have given my 30-day notice,\" she said.",
        '30-day notice', 'Sara Duterte'),
    'she_after_a_woman_named_in_the_paragraph_is_her_not_a_man_whose_gender_was_guessed': (
        "Virginia Governor Ralph Northam spoke on Saturday.\n\n"
        "When a reporter asked whether he could still dance, Northam looked around the room before his wife, "
        "Pam Northam, spoke up. \"Inappropriate circumstances,\" she said.",
        'Inappropriate', 'Pam Northam'),
    'a_bare_quote_paragraph_goes_on_from_the_last_speaker_not_the_last_name': (
        '"We cannot plan an economy around the weather," Governor Arvind Rao said on Friday.\n\n'
        'Finance Minister Sunita Kulkarni is due to present the budget on Feb. 1, and analysts expect her '
        'to cut the deficit target.\n\n"Food inflation remains the single largest risk to our outlook."',
        'largest risk', 'Arvind Rao'),
    'a_bare_quote_after_a_sentence_about_someone_new_is_theirs': (
        'Company chairman Felipe Urrutia said on Monday the offer was final.  Union president Marisol '
        'Ramirez was in no mood for compromise.\n\n"Five percent is an insult to our members."',
        'insult', 'Marisol Ramirez'),
    'an_office_opening_the_article_is_the_holder_the_next_paragraph_introduces': (
        "A Home Office minister said on Monday that households could take on more hours.\n\n"
        "Rachel Maclean, the safeguarding minister, was doing the morning broadcast round.",
        'more hours', 'Rachel Maclean'),
    'an_unnamed_official_opening_the_article_stays_unnamed': (
        "A senior official said on Monday that the talks had stalled.\n\n"
        "Rachel Maclean, the safeguarding minister, was doing the morning broadcast round.",
        'talks had stalled', 'Senior official'),
    'an_acronym_is_the_body_named_earlier_with_those_initials': (
        "The Democratic Alliance and the Economic Freedom Fighters went to court. Helen Zille spoke on Thursday.\n\n"
        "The EFF welcomed the reversal but called for the minister's resignation.",
        'welcomed the reversal', 'Economic Freedom Fighters'),
    'the_party_is_the_one_body_this_paragraph_made_its_subject': (
        "The Democratic Alliance, the second-largest party in the coalition, opposed the budget. The Economic "
        "Freedom Fighters went to court.\n\nThe EFF welcomed the reversal. \"The Treasury remains "
        "obsessed with its fiscal anchor,\" the party said.",
        'fiscal anchor', 'Economic Freedom Fighters'),
    'the_companys_chairman_is_not_the_prime_minister_in_focus_but_the_chairman_named_later': (
        "Prime Minister Scott Morrison apologised on Tuesday for his claim, hours after the company's chairman said "
        "no such complaint had been made.\n\n"
        "By the afternoon, News Corp executive chairman Michael Miller had rejected the claim outright.",
        'no such complaint', 'Michael Miller'),
    'his_spokesperson_named_in_apposition_after_a_quote_speaks': (
        "President Cyril Ramaphosa signed the law on Thursday. \"Expropriation is an essential mechanism,\" his "
        "spokesperson, Vincent Magwenya, said in a statement.",
        'essential mechanism', 'Vincent Magwenya'),
    'the_statement_of_a_body_whose_name_ends_in_a_title': (
        "Sara Duterte resigned. The Office of the Vice President, in a statement issued on Wednesday, said it would "
        "not give interviews. \"We understand that most are curious,\" the statement said.",
        'most are curious', 'Office of the Vice President'),
    'a_name_before_a_verb_the_parser_read_as_a_noun_is_the_subject': (
        "Midday - Majority Whip Tom Emmer takes the nomination.\n\n"
        "Afternoon - Donald Trump moves against the nominee on Truth Social. \"He is not one of them,\" he writes.",
        'not one of them', 'Donald Trump'),
    'a_pronoun_reply_after_someone_is_asked_whether_is_theirs': (
        "Donald Trump attacked the nominee on Truth Social. Majority Whip Tom Emmer withdrew.\n\n"
        "Evening - Donald Trump thanks his supporters. Reporters ask Emmer whether the post decided his fate. "
        "\"I made my decision based on my relationship with the conference,\" he replies.",
        'I made my decision', 'Tom Emmer'),
    'a_title_as_transcript_label_is_who_holds_it': (
        "Prime Minister Scott Morrison called a press conference on Tuesday.\n\n"
        "ANDREW CLENNELL: Doesn't it look like you have lost control?\n\n"
        "PRIME MINISTER: I will let you editorialise as you like.",
        'editorialise', 'Scott Morrison'),
    'said_one_diplomat_after_a_quote_is_that_unnamed_diplomat': (
        "Talks went on all week.\n\n\"It is better a text than no text at all,\" said one EU diplomat, who called "
        "the talks difficult.",
        'better a text', 'EU diplomat'),
    'said_a_spokesman_for_a_body_after_a_quote_is_that_spokesman': (
        "Talks went on all week.\n\n\"We will not comment on leaks,\" said a spokesman for the Foreign Office.",
        'comment on leaks', 'Foreign Office spokesman'),
    'the_governor_is_the_one_introduced_as_gov': (
        "The feud between New York Gov. Andrew Cuomo and New York City Mayor Bill de Blasio flared again.\n\n"
        "De Blasio unveiled the plan. \"We can see that light,\" the mayor said.\n\n"
        "\"It's a statewide system,\" the governor said.",
        'statewide system', 'Andrew Cuomo'),
    'she_after_a_spokeswoman_is_the_spokeswoman_not_the_woman_before': (
        "\"The job was impossible,\" says Green MP Caroline Lucas.\n\n"
        "In Brussels, a spokeswoman for the European Commission says the president watched the news. "
        "\"He liked working with her,\" she tells reporters.",
        'liked working', 'European Commission spokeswoman'),
    'the_spokesperson_is_the_spokesperson_for_someone_met_before': (
        "Rachel Reeves was seen crying in the Commons on Wednesday.\n\n"
        "Afterwards a spokesperson for Reeves declined to explain what had happened. \"It's a personal "
        "matter,\" the spokesperson said.",
        'personal matter', "Rachel Reeves's spokesperson"),
    'an_unnamed_official_named_later_as_the_official_is_that_person': (
        "A senior Russian official said the plan was unacceptable.\n\n"
        "The official, Sergei Ryabkov, added that Moscow would not budge.",
        'unacceptable', 'Sergei Ryabkov'),
    'an_unnamed_official_stays_unnamed_when_no_one_is_given_the_role': (
        "A senior Russian official said the plan was unacceptable. Sergei Ryabkov, a deputy minister, "
        "disagreed.\n\nThe official said Moscow would not budge.",
        'unacceptable', 'Senior Russian official'),
    'a_role_opening_the_article_is_the_titled_person_the_next_paragraph_introduces': (
        "India's top diplomat on Thursday rejected the claims, telling reporters that the report was false.\n\n"
        "Foreign Secretary Vikram Misri was answering a question at a briefing in New Delhi.",
        'report was false', 'Vikram Misri'),
    'an_unnamed_source_opening_the_article_stays_unnamed': (
        "A senior US official said the talks had stalled.\n\nPresident Donald Trump said he was hopeful.",
        'talks had stalled', 'Senior US official'),
    'a_role_that_is_not_the_person_in_focus_is_the_one_the_paragraph_names_next': (
        'Opposition leader Carlos Benitez on Monday called the reform "reckless".\n\n"We will not let a handful '
        'of bosses hold the economy hostage," the transport minister said. Ana Ruiz, who took office in May, '
        'added that the bill would be put to a vote.', 'handful of bosses', 'Ana Ruiz'),
    'a_role_the_person_in_focus_may_hold_stays_theirs': (
        'Carlos Benitez visited the port on Monday.\n\n"We will not let the bosses win," the transport minister '
        'said. Ana Ruiz, a union leader, disagreed.', 'bosses win', 'Carlos Benitez'),
    'the_statement_is_the_statement_of_whoever_is_in_focus': (
        'Kenya Airways rejected the demands. The Statement said the terms were "non-negotiable" for the airline.',
        'non-negotiable', 'Kenya Airways'),
    'his_spokesman_is_the_spokesman_of_the_man_in_focus': (
        "Former vice president John Roe declared his candidacy on Tuesday.\n\nPresident Mark Smith has not said "
        "whether he will run again. Asked about it, his spokesman said the president was focused on governing.",
        'focused on governing', "Mark Smith's spokesman"),
    'his_spokesman_stays_unnamed_when_another_man_was_named_since': (
        "Mark Smith stayed away and sent his foreign minister, John Roe, in his place. His spokesman said the "
        "summit had been a success.", 'had been a success', 'Spokesman'),
    'a_spokeswoman_for_a_title_is_the_spokeswoman_of_who_holds_it': (
        "Prime Minister Jane Doe will not attend the summit.\n\nA spokeswoman for the prime minister said the "
        "decision had been taken for diary reasons.", 'diary reasons', "Jane Doe's spokeswoman"),
    'the_union_is_the_union_the_article_named': (
        'The Cabin Crew Union, which represents 6,000 staff, met on Tuesday. Its secretary, John Roe, was not '
        'available.\n\n"This is a cynical attack on our members," the union said in a statement.',
        'cynical attack', 'Cabin Crew Union'),
    'titles_and_honorifics_are_not_part_of_a_name': (
        'Professor Kim Hye-jin of Seoul National University said cash alone would never fix the birth rate.',
        'never fix', 'Kim Hye-jin'),
    'an_abbreviated_honorific_after_said_is_part_of_the_attribution': (
        '"The industrial model is under pressure from every direction," said Dr. Lena Hoffmann, an economist '
        'at the Kiel Institute.', 'industrial model', 'Lena Hoffmann'),
    'a_long_title_before_a_name_is_part_of_the_attribution': (
        '"We cannot plan an economy around the weather," Reserve Bank of India Governor Arvind Raghunathan said '
        'on Friday.', 'around the weather', 'Arvind Raghunathan'),
    'replied_that_reports_what_was_said': (
        'Asked by opposition MP John Roe whether the credit would be extended, the minister, Jane Doe, replied '
        'that no decision had been taken.', 'no decision had been taken', 'Jane Doe'),
    'a_question_from_a_titled_name_is_that_persons': (
        'The prime minister answered a question from Labour backbencher Jane Doe, who asked him "what he will do '
        'for pensioners in towns like mine?"', 'pensioners in towns', 'Jane Doe'),
    'a_lone_surname_opening_a_live_blog_entry_that_says_something_is_a_person': (
        'Afternoon - John Roe tells cabinet there will be no new policies.\n\n9.53pm - Tugendhat confirms he is '
        'running. Writing in the Telegraph, he says: "Now I hope to answer the call once again."',
        'answer the call', 'Tugendhat'),
    'who_was_ejected_after_telling_someone_said_it': (
        'Willie Jackson was ejected after telling David Seymour: "You should be ashamed of yourself."',
        'ashamed of yourself', 'Willie Jackson'),
    'a_quote_the_parser_reads_as_a_subject_is_not_the_speaker': (
        'On Saturday Jane Doe told reporters it had gone well, and later wrote on X: "Thanks for dinner last '
        'night. I look forward to the work."', 'Thanks for dinner', 'Jane Doe'),
    'a_tribunal_is_a_body_that_he_never_refers_to': (
        'John Roe spoke in the debate. The Waitangi Tribunal described the bill as a breach of the Treaty.\n\n'
        'Outside the chamber Roe was unrepentant. "I have a duty to relay that," he said.',
        'duty to relay', 'John Roe'),
    'a_possessive_role_is_the_person_the_paragraph_introduces_next': (
        "Jane Doe frames it as a matter of equality.\n\nHer coalition partner is unconvinced. Prime Minister John "
        "Roe missed the vote, but on Thursday he said the bill would not pass.", 'is unconvinced', 'John Roe'),
    'a_role_in_apposition_is_a_title_of_the_name': (
        "Nigeria's senate president, Ibrahim Danladi, adjourned the session on Thursday. Jane Doe, a first-term "
        'lawmaker, walked out.\n\n"We will return next week," the senate president said.', 'return next week',
        'Ibrahim Danladi'),
    'they_after_a_body_is_the_body': (
        'Downing Street said the plan was dead. They added that talks would continue.', 'talks would continue',
        'Downing Street'),
    'it_added_after_a_body_is_the_body': (
        'The Black Caucus, which had already urged him to go, said in a statement on Friday that he must resign. '
        'It added: "Changing his public story casts further doubt on his ability to regain that trust."',
        'Changing his public story', 'Black Caucus'),
    'it_said_is_the_named_body_not_a_lower_case_one': (
        'The Ministry of Defence described the operation, carried out by the army, navy and air force, as '
        'measured. It said military installations had been left alone.', 'installations had been left alone',
        'Ministry of Defence'),
    'a_name_read_off_an_attribution_is_who_he_refers_to_never_the_platform': (
        '"We have found an agreement," Frans Timmermans, the vice-president, wrote on Twitter. "We will work now '
        'on it." He said the Commission would follow up swiftly.', 'follow up swiftly', 'Frans Timmermans'),
    'a_titled_name_with_a_colon_in_a_live_blog_entry_labels_the_quote': (
        'Judge Jane Doe asked the defence to be brief.\n\n16:12 - Defence lawyer Rodrigo de la Garza: "My client '
        'has never signed a single contract."', 'never signed', 'Rodrigo de la Garza'),
    'a_surname_with_particles_is_the_full_name_met_before': (
        'Defence lawyer Rodrigo de la Garza: "My client has never signed a contract."\n\n16:45 - De la Garza '
        'rose again, arguing the seal could have been added later.', 'seal could have been added', 'Rodrigo de la Garza'),
    'a_prosecutor_is_a_title_not_part_of_the_name': (
        'Prosecutor Itzel Ramirez said the documents bear the seal.', 'bear the seal', 'Itzel Ramirez'),
    'he_after_an_unnamed_role_is_the_role': (
        'The defence minister said on Tuesday that Turkey would not allow a new corridor. He said operations would '
        'continue until the last threat is removed.', 'operations would continue', 'Defence minister'),
    'a_capitalised_title_in_apposition_is_a_title_of_the_name': (
        "Japan's Minister of Agriculture, Satoshi Kimura, announced a release of rice on Friday.\n\nHanako Ishii, "
        "who leads the consumers' federation, said families had paid the price.\n\nLater, the minister told "
        "reporters that prices would fall by the summer.", 'prices would fall', 'Satoshi Kimura'),
    'a_cooperative_is_a_body_not_the_person_in_focus': (
        'Satoshi Kimura announced a release of rice on Friday.\n\nThe JA Zen-Noh cooperative said it would take '
        'weeks for the rice to reach the shelves.', 'take weeks', 'JA Zen-Noh cooperative'),
    'the_company_is_the_one_body_just_named_even_without_the_word': (
        'Canada Post laid the responsibility squarely on the union. "This is a work stoppage," the company said in '
        'comments to Global News.', 'work stoppage', 'Canada Post'),
    'the_company_is_no_one_when_two_bodies_were_just_named': (
        'Deutsche Bahn and Lufthansa blamed the union. "This is a work stoppage," the company said.', 'work stoppage',
        'Company'),
    'a_leaders_spokesman_is_not_the_leader_and_is_the_spokesman_named_next': (
        "MOSCOW - President Vladimir Putin's spokesman on Friday rejected accusations that the Kremlin had a hand "
        "in the crash.\n\nThe spokesman, Dmitry Peskov, told journalists that the coverage was biased.",
        'rejected accusations', 'Dmitry Peskov'),
    'a_leaders_spokesman_who_is_never_named_stays_the_leaders_spokesman': (
        "President Vladimir Putin's spokesman on Friday rejected accusations that the Kremlin had a hand in the "
        "crash.", 'rejected accusations', "Vladimir Putin's spokesman"),
    'a_known_name_the_parser_made_the_root_is_the_subject_a_pronoun_refers_to': (
        "Labor's Anthony Albanese and Christopher Pyne were on the radio on Wednesday.\n\n\"One Nation never ceases to "
        "entertain,\" Pyne said.\n\nAlbanese, who earlier in the segment had only "
        "traded greetings, opened by taking aim at his sparring partner. He said he was surprised that Pyne was "
        "\"letting One Nation off\".", 'surprised that Pyne', 'Anthony Albanese'),
    'he_then_asked_after_the_answer_is_the_one_who_answered': (
        'Chancellor John Roe met the Turkish president on Friday.\n\n"Are you driving relations to dangerous levels?" '
        'the reporter asked.\n\n"We have not decided," Roe said. He then asked whether the journalists had read the '
        'report.', 'read the report', 'John Roe'),
    'a_quote_the_person_had_written_is_theirs': (
        'At the news conference, a spokesperson called on the Post, and John Roe of the Post read out a post by the '
        'president, Jane Doe.\n\n"Not fair to the taxpayer," Doe had written.', 'Not fair to the taxpayer', 'Jane Doe'),
    'a_known_surname_the_parser_gave_no_verb_is_the_subject': (
        'Joe Pike, a reporter for ITV News, spoke to Boris Johnson on Monday.\n\nJohnson looked away.\n\nPike later '
        'posted the footage on Twitter. "The PM grabbed my phone and put it in his pocket," he wrote.',
        'grabbed my phone', 'Joe Pike'),
    'one_word_the_ner_took_for_a_person_in_an_object_is_no_one': (
        "John Roe's campaign stop was supposed to showcase his central promise on Brexit. Instead the prime minister "
        "spent the interview avoiding a photograph.\n\n\"I'll study it later,\" the prime minister said.",
        'study it later', 'John Roe'),
    'the_host_is_not_a_person_named_inside_a_clause_of_the_question': (
        'Jane Doe and John Roe were on the radio on Wednesday.\n\nThe host then turned to Doe, reminding her that '
        'Labor\'s Sam Dastyari had been forced out of the Senate, and asked what she made of the affair. "It does raise '
        'some serious questions," the host said.', 'some serious questions', 'Host'),
    'they_after_two_people_named_together_is_the_two_not_one_of_them': (
        'Jane Doe and John Roe met on Monday. They said talks would continue.', 'talks would continue',
        'Jane Doe and John Roe'),
    'a_name_then_an_apposition_then_the_verb_is_an_attribution': (
        '"We have found an agreement with Germany," Frans Timmermans, the Commission\'s executive vice-president '
        'in charge of the Green Deal, wrote on Twitter.', 'agreement with Germany', 'Frans Timmermans'),
    'a_name_then_a_relative_clause_then_the_verb_is_an_attribution': (
        'John Roe spoke first.\n\n"A one-day strike costs 100 million euros," Jane Doe, an economist at the IW '
        'institute in Cologne, said on Tuesday.', 'one-day strike', 'Jane Doe'),
    'a_count_of_unnamed_sources_is_not_part_of_their_name': (
        "Multiple Republican sources said the deal was dead.",
        'deal was dead', 'Republican source'),
    'a_one_word_name_that_says_something_is_a_person_later_titles_refer_to': (
        "Lula said Brazil would retaliate. The Brazilian leader added that talks were still possible.",
        'talks were still possible', 'Lula'),
    'an_unnamed_source_named_after_the_quote_is_resolved': (
        'Before the meeting an EU diplomat had warned that the outcome was far from certain. "A deal is '
        'on the table, but it needs the sign-off," the diplomat told reporters.',
        'deal is on the table', 'EU diplomat'),
    'he_after_a_spokesman_is_the_spokesman_not_the_minister': (
        "Jan Nowak spoke to the president by phone.\n\nThe minister's official spokesman later "
        'described the call. "It was a very warm call," he said.',
        'very warm call', "Minister's official spokesman"),
    'a_statement_of_a_body_is_the_body': (
        'Jan Nowak was named foreign secretary. "The King has been pleased to approve the appointment," '
        'a Downing Street statement said.',
        'pleased to approve', 'Downing Street'),
    'allies_of_someone_are_not_that_person': (
        'Allies of Anna Kowalska, who wrote the plan, insisted that she and the leader were united.',
        'were united', 'Allies of Anna Kowalska'),
    'a_titled_name_in_the_possessive_is_a_person': (
        "Chancellor Jan Nowak's Social Democrats fell to their worst result.\n\nNowak conceded defeat "
        "at the party's headquarters.",
        'conceded defeat', 'Jan Nowak'),
    'a_title_subject_with_a_name_in_apposition_is_that_name': (
        'The Treasurer, Jan Nowak, told the broadcaster on Saturday that voters had rejected the plan.',
        'voters had rejected', 'Jan Nowak'),
    'he_after_a_title_subject_is_the_title_holder': (
        'Prime Minister Jan Nowak called a vote on Monday. President Piotr Zielinski congratulated the '
        'winner.\n\nIn the evening, the prime minister confirmed he would stay. He said he was ready to '
        'work with the president.',
        'ready to work', 'Jan Nowak'),
    'a_definite_title_binds_to_the_person_in_focus_for_later': (
        'Jan Nowak told parliament on Wednesday that he wanted more pensioners to qualify.\n\nThe prime '
        'minister chose to make the announcement in answer to a friendly question.\n\nChancellor Anna '
        'Kowalska limited the payment last July. As recently as May 7 the prime minister told MPs: "The '
        'number one job of this government was to put our finances back in order."',
        'number one job', 'Jan Nowak'),
    'a_quoted_speaker_is_in_focus_for_the_he_that_follows': (
        'Jan Nowak won the seat. The independent Piotr Zielinski came second.\n\nNowak opened his '
        'speech by addressing the leader: "This is for the town."\n\nHe went on: "I want to tell the '
        'leader that the plates have shifted tonight."',
        'plates have shifted', 'Jan Nowak'),
    'she_falls_back_to_someone_of_unknown_gender_not_the_pronoun': (
        'Spokesperson Lin Bao spoke on Tuesday. She said that the sanctions were unlawful.',
        'sanctions were unlawful', 'Lin Bao'),
    'an_irish_title_is_a_title': (
        'Taoiseach Leo Varadkar said on Wednesday that he would step down.',
        'step down', 'Leo Varadkar'),
    'a_name_in_apposition_after_said_the_role_is_the_speaker': (
        'Jan Nowak refused to back down. "We all came here to get things done," said the second-ranking '
        'Republican, Rep. Piotr Zielinski, in a speech on Tuesday.',
        'get things done', 'Piotr Zielinski'),
    'a_title_inside_someone_elses_clause_does_not_bind_to_them': (
        'Earlier, party secretary Jan Nowak said that most parties had agreed. He told reporters that '
        'the make-up would become clear when the president made an announcement.\n\nLate on Friday, '
        'Piotr Zielinski won the vote by 283 to 44.\n\n"I intend to work with all members," the '
        'president said.',
        'work with all members', 'Piotr Zielinski'),
    'an_unnamed_role_named_in_the_next_sentence_is_that_person': (
        'President Jan Nowak warned on Sunday that the deal would be damaged.\n\nHis spokesman was more '
        'guarded. "We need to wait for clearer statements," Piotr Zielinski said.\n\nThe presidential '
        'spokesman suggested that the weapons might already be on their way.',
        'already be on their way', 'Piotr Zielinski'),
    'a_titled_subject_is_a_person_whatever_the_ner_says': (
        'BERLIN - The coalition broke apart on Wednesday night when Chancellor Jan Nowak dismissed his '
        'finance minister, Piotr Zielinski.\n\n"Too often, he has broken my trust," Nowak said.',
        'broken my trust', 'Jan Nowak'),
    'chief_executive_is_a_title': (
        'Hong Kong\'s Chief Executive Carrie Lam spoke on Tuesday. "I will not proceed," Lam said.',
        'not proceed', 'Carrie Lam'),
    'a_surname_with_a_particle_is_the_full_name': (
        'New York City Mayor Bill de Blasio spoke on Thursday.\n\nDe Blasio said the city would reopen.',
        'would reopen', 'Bill de Blasio'),
    'an_unnamed_spokesman_is_the_one_the_article_names_later': (
        'Moscow was pleased. "It is a success," the Kremlin spokesman said.\n\n'
        'Later the Kremlin spokesman, Dmitry Peskov, was asked about the summit.',
        'a success', 'Dmitry Peskov'),
    'a_journalist_who_calls_out_a_question_asks_it': (
        'Liz Truss took questions. A journalist called out: "Will you apologise?"',
        'apologise', 'Reporter'),
    'a_body_called_by_the_last_words_of_its_name_is_the_body_named_in_full': (
        'The UN Security Council met on Tuesday. The members of the Security Council "expressed deep '
        'concern at the violence," the statement said.',
        'deep concern', 'UN Security Council'),
    'a_title_after_a_place_or_party_is_not_part_of_the_name': (
        'Green MP Caroline Lucas said the vote "was a farce".',
        'was a farce', 'Caroline Lucas'),
    'an_acronym_is_the_body_whose_initials_it_spells': (
        'The Bank of Japan ended negative rates on Tuesday. In a statement, the BOJ said it would keep '
        'buying bonds.',
        'keep buying bonds', 'Bank of Japan'),
    # neither name is in the short hand list; the first-name counts make one a woman, the other a man
    'a_first_name_tells_she_from_he_when_no_title_does': (
        'Brenda Okafor met Dennis Hale on Monday. Hale left without a word. "It is over," she said.',
        'It is over', 'Brenda Okafor'),
    'she_once_resolved_tells_a_later_he_apart': (
        'Anchor Nomvula Sithole opened the interview with water boss Pieter Botha. "What do you say to '
        'them?" she asked. "I say I am sorry," he said.',
        'I am sorry', 'Pieter Botha'),
    'a_name_the_ner_takes_for_a_place_in_apposition_is_a_person': (
        'The head of the regulator, Siobhán Kilbride, faced questions on Monday. Presenter Declan Moran '
        'put it to her that she had known for two years. "We moved quickly," she said.',
        'We moved quickly', 'Siobhán Kilbride'),
    'the_subject_of_a_passive_verb_is_in_focus_for_the_next_he': (
        '"I never had the password," bank clerk Yuki Tanabe told the court on Friday. Prosecutor Hideo '
        'Matsumura was not convinced. "Then how did your login appear at 2 a.m.?" he asked.',
        'how did your login appear', 'Hideo Matsumura'),
    'a_transcript_label_may_be_a_hyphenated_surname': (
        'Host Rafael Moreno: Why did you vote against the bill?\n\nSenator Chiamaka Eze-Navarro: Because '
        'it gives the cities nothing.\n\nMoreno: Your leader called it a betrayal.\n\nEze-Navarro: I '
        'represent Murcia, not the party office.',
        'I represent Murcia', 'Chiamaka Eze-Navarro'),
    'it_said_after_a_quote_is_the_body_in_focus': (
        'The Canadian High Commission said separately that some of its diplomats had received threats. '
        '"Our consulates in India are open," it said.',
        'consulates in India are open', 'Canadian High Commission'),
    'a_place_and_a_title_before_an_unregistered_name_are_not_the_name': (
        'Ruaraka MP TJ Kajwang said he would vote yes because the deputy saw office as a reward.',
        'would vote yes', 'TJ Kajwang'),
    'a_pronoun_takes_this_paragraphs_subject_of_unknown_gender_over_an_earlier_womans': (
        '"I was at home until eleven," replied the witness, Lene Frisk.\n\nJudge Birgitte Holm intervened. '
        '"Is there a question here that you have not already asked?" she said.',
        'not already asked', 'Birgitte Holm'),
    'a_person_and_a_role_are_not_a_named_group': (
        'Jane Doe and her aides said the bill would pass.',
        'the bill would pass', 'Jane Doe'),
    'q_dot_and_a_dot_label_an_interview_excerpt': (
        'Editor Isabelle Fournier interviewed Monique Favre on Thursday.\n\nQ. Do you still believe the franc is '
        'overvalued?\n\nA. Less than it was a year ago.',
        'Less than it was', 'Monique Favre'),
    'an_unlabelled_line_right_after_a_transcript_line_goes_on_with_its_speaker': (
        'Harbour Commissioner Frank Delgado took questions on Tuesday.\n\nREPORTER: Why did the union pull its '
        'members off cranes 4 and 7?\n\nDELGADO: You would have to ask the union.\nWhat I can tell you is that '
        'the cranes passed the same inspection.',
        'passed the same inspection', 'Frank Delgado'),
    'a_reply_by_pronoun_right_after_a_question_is_the_one_asked_not_the_asker': (
        'Laura Solis and Gabriela Vargas, the two candidates, met on Sunday.\n\nVargas turned to her rival. "Can you name '
        'one owner who will pay?" she asked.\n\n"I can name forty-one," she replied.',
        'I can name forty-one', 'Laura Solis'),
    'what_someone_is_before_their_name_is_not_part_of_it': (
        'Mayor Tom Reid held a town hall on Monday. Pensioner Beverley Hunt stood up. "How is a pensioner '
        'supposed to find an extra fifty pounds?" she asked.',
        'supposed to find', 'Beverley Hunt'),
    'a_questioner_named_in_apposition_asks_by_name': (
        'Ivan Horvat and Tomislav Babic debated on Wednesday.\n\nThe moderator, Marko Kovacevic, opened with the '
        'waste crisis. "Where exactly will the rubbish go next January?" he asked.',
        'rubbish go next January', 'Marko Kovacevic'),
    'a_one_of_a_kind_role_label_is_the_person_with_that_title': (
        'Water minister Sami Khoury met moderator Rania Haddad on Wednesday.\n\nMODERATOR: Minister, how much water '
        'is lost?\n\nKHOURY: About forty percent.',
        'how much water', 'Rania Haddad'),
    'shot_back_attributes_a_quote': (
        'Prosecutor Faith Wambui asked the witness, contractor Joseph Kiprono, how much he had paid. "Do you '
        'expect me to remember every envelope?" Kiprono shot back.',
        'remember every envelope', 'Joseph Kiprono'),
    'a_subject_the_ner_takes_for_a_body_is_a_person_when_its_first_word_is_a_first_name': (
        'Candidate Daniel Whitaker held a town hall on Thursday.\n\nRetired teacher Rosa Benally stood up. '
        '"Why should we believe you?" she asked.',
        'Why should we believe you', 'Rosa Benally'),
    'a_name_the_ner_took_for_a_body_is_a_person_with_a_title_in_apposition': (
        'Rigathi Kamau, the Kenyan ambassador, chaired the meeting. '  # the NER takes this name for a body
        '"This vote was procedural in nature," he said.',
        "procedural in nature", "Rigathi Kamau"),
    'they_after_an_unnamed_source_is_that_source': (
        'The minister\'s spokesperson told reporters: "We reject that comparison." A Treasury source was '
        'more combative. "Tough problems need tough answers," they said.',
        "tough answers", "Treasury source"),
    'the_company_is_not_the_body_called_a_union': (
        "The Nordic Transport Workers union called the strike on Monday. Baltic Ferries had offered a 4% rise. "
        "On Wednesday the company said the union's demands were unaffordable.",
        "demands were unaffordable", "Baltic Ferries"),
    'the_corporation_is_the_body_that_was_the_subject': (
        "Talks with Canada Post ended without a deal, Global News reported. Canada Post laid "
        "the blame on the union. The state corporation said that customers would face delays.",
        "customers would face delays", "Canada Post"),
    'a_surname_the_tagger_took_for_a_common_noun_is_the_person_named': (
        'Donald Trump and his running mate Mike Pence toured Ohio. Trump spoke first.\n\n'
        'Pence took the line to a summit in Washington. "They are not a basket of anything," he said.',
        "basket of anything", "Mike Pence"),
    'an_unnamed_person_after_a_quote_is_someone_new_not_the_person_in_focus': (
        'Donald Trump spoke at a rally in Asheville. "Do I look deplorable?" one supporter, a working mother, '
        'asked the crowd.',
        "look deplorable", "Supporter"),
    # "Jess" is mostly a man's name in the US first-name counts; the article's "she" says otherwise
    'she_is_this_paragraphs_subject_whose_first_name_only_guessed_a_man': (
        'Tracy Brabin rose first. "Will he apologise?" she asked.\n\n'
        'Jess Phillips, the Labour MP, accused Downing Street of choosing its words. '
        '"It has clearly been tested and workshopped," she said.',
        "tested and workshopped", "Jess Phillips"),
    'someones_answer_is_theirs': (
        'Joe Biden and Kevin McCarthy met on Monday. Biden\'s answer came in a speech on Friday: '
        '"I will not let anyone use the full faith and credit of the United States as a bargaining chip."',
        "bargaining chip", "Joe Biden"),
    'a_present_tense_post_after_a_quote_attributes_it': (
        'Midday - Nancy Mace turns to X. She writes that the speaker "has not kept his word on how the House '
        'would operate." "Today I\'m voting against most of my party," she posts.',
        "voting against most", "Nancy Mace"),
    # a question the writer reports is the asker's statement, as the gold writes it
    # a definite role that opens the article is the person a later relative clause describes with its words
    'a_role_opening_the_article_is_who_a_later_relative_clause_describes': (
        "The defence minister, speaking in Ankara on Tuesday, said Turkey would not allow new corridors.\n\n"
        "The remarks came a day after the rebels accused Turkish drones of striking a water station.\n\n"
        "Mehmet Yildiz, who has held the defence portfolio since 2023, also said the jets were on track.",
        "not allow new corridors", "Mehmet Yildiz"),
    'a_role_opening_the_article_is_who_a_later_relative_clause_names_with_its_head': (
        "The governor of Jalisco said on Thursday that the state would deploy more police.\n\n"
        "Patricia Gomez, who became Jalisco's first female governor in December, also said cameras would follow.",
        "deploy more police", "Patricia Gomez"),
    # a name the NER took for a body, set off by commas after a role, is that person ("the minister" later)
    'a_name_after_a_role_and_a_comma_is_a_person_with_that_role': (
        "Opposition MP Thandiwe Mokoena asked the minister of water and sanitation, Busisiwe Mahlangu, when "
        'the towns would have water again.\n\n"By the end of August," the minister replied.',
        "By the end of August", "Busisiwe Mahlangu"),
    'a_statement_from_a_body_after_the_quote_is_the_bodys': (
        'Jane Doe voted in Kibra.\n\n"We have received reports of missing forms," says a statement from the '
        "Elections Observation Group, a coalition of civil society bodies.",
        "missing forms", "Elections Observation Group"),
    'a_bodys_own_name_with_a_generic_head_is_not_the_body_named_before': (
        "Jane Doe spoke at the Kibra Youth Centre on Monday.\n\nThe Elections Observation Group said the count "
        "had been orderly.",
        "count had been orderly", "Elections Observation Group"),
    # the body that was the subject issued "the statement", not a body named inside its apposition
    'the_statement_is_the_subject_bodys_not_a_body_in_its_apposition': (
        "Jane Doe stayed silent.\n\nThe Kasumi Club, the press club of reporters assigned to the Foreign "
        'Ministry, responded with a written statement. "We would like you to respond," the statement said.',
        "like you to respond", "Kasumi Club"),
    # with no person as the main subject, the subject of a "when" clause is the one in focus
    'a_when_clause_subject_is_in_focus_when_the_main_subject_is_a_thing': (
        'Prime Minister John Doe paused the bill on Monday. "We must not have a civil war," Doe said.\n\n'
        "The crisis began on Saturday night, when Richard Roe, a senior member of his party, went on "
        'television to urge a halt. "We need a change," he said.',
        "need a change", "Richard Roe"),
    'pointed_out_that_reports_a_clause': (
        "Jane Doe gave an interview.\n\nAsked about the ordinance, Doe pointed out that the case was before "
        "the court.",
        "case was before the court", "Jane Doe"),
    # a two-word surname is the one full name that ends with it
    'a_two_word_surname_is_the_full_name_that_ends_with_it': (
        "Mexico's Senate approved President Andrés Manuel López Obrador's overhaul of the judiciary.\n\n"
        "López Obrador welcomed the result on Wednesday. He said the plan would end impunity.",
        "end impunity", "Andrés Manuel López Obrador"),
    # a name without its middle word is the one person named in full with the same first and last words
    'a_name_without_its_middle_word_is_the_person_named_in_full': (
        "Former deputy chief minister Ramesh Kumar Verma broke his silence on Sunday.\n\n"
        "Ramesh Verma said the alliance had run its course.",
        "the alliance had run its course", "Ramesh Kumar Verma"),
    'a_name_given_in_full_later_is_the_person_met_without_the_middle_word': (
        "Ramesh Verma said the alliance had run its course.\n\n"
        "The remarks by Ramesh Kumar Verma, a former deputy chief minister, drew no reply.",
        "the alliance had run its course", "Ramesh Kumar Verma"),
    # a surname opening with a particle, met again without the given name, is that person however the NER cut it
    'a_surname_opening_with_a_particle_is_the_person_named_in_full': (
        "The minister met the commissioner, Anna van der Berg, and the Italian envoy, Maria Rossi.\n\n"
        'At a press conference, van der Berg was asked whether the funds had been released. "No," she replied.',
        "No", "Anna van der Berg"),
    # a nickname in quotes inside a name that is no given name: the person is the formal name, and the nickname
    # alone names them
    'a_nickname_inside_a_name_names_the_person_alone': (
        'The order came from President Budi "Budiwi" Santoso after the talks, a minister said.\n\n'
        'Budiwi defended the ban on Friday.', "defended the ban", "Budi Santoso"),
    'a_given_name_in_quotes_inside_a_name_is_the_name_they_go_by': (
        'The chairman said Anthony "Jack" Roe would stay.\n\nRoe defended the ban on Friday.', "defended the ban",
        "Jack Roe"),
    # a first name alone, which the NER took for a body, is the one person named in full with it
    'a_first_name_alone_is_the_one_person_named_in_full_with_it': (
        'President Jair Roe picked his son, Congressman Eduardo Roe, for the post in July.\n\n'
        'Eduardo\'s own pitch for the job did not help. "I fried hamburgers in Colorado," he said.', "hamburgers",
        "Eduardo Roe"),
    # a hyphenated name whose last part the tagger took for a noun is still the name among a verb's subjects
    'a_hyphenated_name_tagged_a_noun_is_the_subject_after_its_title': (
        'President Jane Roe spoke on Monday.\n\nOn Aug. 2, senior presidential secretary for social affairs Ahn '
        'Sang-hoon told reporters the president wanted a public debate.', "wanted a public debate", "Ahn Sang-hoon"),
    # surnames the NER left off a name, after two given names, belong to it
    'surnames_the_ner_left_off_belong_to_the_name': (
        "The decisive vote came from Miguel Ángel Yunes Márquez of the conservative National Action Party. "
        "Last week he had pledged to vote against the reform.",
        "vote against the reform", "Miguel Ángel Yunes Márquez"),
    'the_and_a_plural_capitalised_name_is_a_party_not_the_person_in_focus': (
        "Chancellor Jane Doe said the deal was done.\n\nThe Greens gave the agreement a cautious welcome.",
        "cautious welcome", "Greens"),
    'a_hyphenated_surname_split_by_the_parser_is_one_name': (
        "National Security Minister Itamar Ben-Gvir threatened to quit on Monday.\n\n"
        "Ben-Gvir dropped his objection by the evening, after John Roe promised a national guard.",
        "dropped his objection", "Itamar Ben-Gvir"),
    # a parse that makes the name its root still names the sentence's subject, for the "he" that follows
    'a_name_the_parser_made_the_root_is_the_subject': (
        "French President Emmanuel Macron said the text was a success.\n\nBritish Prime Minister Rishi Sunak, "
        'reporting to the House of Commons on Monday, aimed squarely at the Kremlin. "But one did not," he told MPs.',
        "one did not", "Rishi Sunak"),
    # a clause with its own subject after a comma is that subject's statement, not part of a description
    'a_while_clause_with_its_own_subject_is_its_own_statement': (
        "Jane Doe spoke on the radio on Monday.\n\nMinister Paschal Donohoe questioned how Doe could not have "
        'known, while Taoiseach Simon Harris said there were now "more questions than answers".',
        "more questions than answers", "Simon Harris"),
    # "…, asking: "…?"" is the subject's own question, not one put to them by a reporter
    'a_question_after_asking_is_the_subjects_own': (
        "Angela Rayner was scathing.\n\nAnneliese Dodds had written to the prime minister on Sunday asking: "
        '"Were you made aware of the allegations?"',
        "made aware of the allegations", "Anneliese Dodds"),
    'a_reported_question_is_the_askers': (
        "Government spokeswoman Eleni Papadaki spoke in Athens on Monday.\n\n"
        "Maria Georgiou of Kathimerini asked whether the minister had met the seamen's union. "
        '"Not yet," the spokeswoman said.',
        "met the seamen's union", "Maria Georgiou"),
    'a_reporter_following_up_asks_the_question': (
        "Chief executive Harriet Coleman said on Wednesday the company would pay no dividend.\n\n"
        "When a reporter followed up, asking whether she would also give up her own bonus, she replied that "
        "the board had not discussed it.",
        "give up her own bonus", "Reporter"),
    'an_outlet_named_with_the_asks_not_the_person_in_focus': (
        "Kremlin spokesman Dmitry Peskov spoke to reporters on Friday.\n\n"
        "When The Associated Press asked whether the Kremlin had received confirmation that he was dead, "
        "Peskov referred to earlier remarks.",
        "received confirmation", "Associated Press"),
    'a_known_surname_the_parser_hung_off_an_opening_phrase_is_the_subject': (
        "Imran Khan said in April that Washington had engineered his removal.\n\nSpokesman Ned Price took questions on "
        "Wednesday. Khan, who lost a vote, spent months blaming Washington.\n\nLater in the briefing Price stressed "
        "that the view of Pakistan had not shifted. \"We value our cooperation with Pakistan.\"", "We value our",
        "Ned Price"),
    'it_after_the_crown_corporation_is_the_body_that_phrase_named': (
        "Postal workers went on strike on Friday after talks with Canada Post ended.\n\nCanada Post laid the blame on the "
        "union. \"This is a stoppage,\" the company said in comments a spokesperson gave to Global News.\n\nThe Crown "
        "corporation confirmed that customers would face delays. It said some post offices would close.",
        "post offices would close", "Canada Post"),
    'the_same_diplomat_is_the_one_met_already': (
        "The embassy answered quickly. Its second secretary, John Roe, told reporters on Monday that relations were "
        "poor. \"We have seen no facts,\" he said.\n\nBy Tuesday the same diplomat was openly mocking the minister. "
        "\"It is immature language,\" he told the radio.", "immature language", "John Roe"),
    'the_subject_of_an_opening_when_clause_is_the_he_of_its_main_clause': (
        "Minister Tony Abbott spoke on Monday. The ambassador, Peter Hale, mocked him later that day. \"It is "
        "immature,\" he said.\n\nWhen Mr Abbott faced the press on Tuesday, he was asked whether he regretted the "
        "comment. He did not repeat it. \"I am determined,\" he said.", "I am determined", "Tony Abbott"),
    'the_same_reporter_is_a_reporter_not_the_one_in_focus': (
        "Spokeswoman Hua Chunying held the briefing on Monday.\n\nA reporter asked whether China would respond. \"We "
        "will,\" Hua said.\n\nThe same reporter then asked whether she could confirm that Seoul would summon the "
        "ambassador. Hua said she was not aware of it.", "summon the ambassador", "Reporter"),
    'whoever_swears_him_in_is_not_the_he_of_the_main_clause': (
        "Mike Johnson was elected speaker on Wednesday.\n\nAfter Hal Rogers swears him in, he asks the House: \"Shall "
        "we get to work?\"", "get to work", "Mike Johnson"),
    'someone_who_asked_for_anonymity_is_an_unnamed_source_in_focus': (
        "Liberal MP Nathaniel Erskine-Smith said the leader had to listen.\n\nOne Ontario Liberal MP, who asked for "
        "anonymity to speak candidly, played down the size of the revolt. \"This is not 40 or 50 MPs,\" the MP said.",
        "40 or 50", "Ontario Liberal MP"),
    'a_reporter_who_gives_name_and_outlet_in_a_q_line_is_that_reporter': (
        "Spokesperson Jane Doe gave the weekly briefing on Thursday.\n\nQ: Sir, this is Rishabh Rao from Times Now. Are "
        "there plans to cut staff?\n\nDoe: Yes, we have told them.", "plans to cut staff", "Rishabh Rao"),
    'a_reporter_who_gives_only_an_outlet_in_a_q_line_stays_a_reporter': (
        "Spokesperson Jane Doe gave the weekly briefing on Thursday.\n\nQ: I'm from La Vanguardia. Are there plans to "
        "cut staff?\n\nDoe: Yes, we have told them.", "plans to cut staff", "Reporter"),
    'an_outlet_label_is_the_outlet_when_two_of_its_people_asked': (
        "President John Roe spoke to the Daily Courier's political editor Jane Doe and its editor, Sam Poe, on "
        "Tuesday.\n\nCOURIER: Will you resign?\n\nRoe: No.", "Will you resign", "Daily Courier"),
    'an_outlet_label_written_like_a_name_is_the_outlet_the_article_named': (
        "Three journalists from The Clarion met Governor John Roe on Friday.\n\nThe Clarion: Why now?\n\nJohn Roe: "
        "Because it is time.", "Why now", "The Clarion"),
    'a_label_of_initials_is_the_earlier_label_they_are_the_initials_of': (
        "Three journalists from The Clarion met Governor John Roe on Friday.\n\nThe Clarion: Why now?\n\nJohn Roe: "
        "Because it is time.\n\nTC: And after that?\n\nJR: We will see.", "And after that", "The Clarion"),
    'a_label_of_initials_is_the_person_they_are_the_initials_of': (
        "Three journalists from The Clarion met Governor John Roe on Friday.\n\nThe Clarion: Why now?\n\nJohn Roe: "
        "Because it is time.\n\nTC: And after that?\n\nJR: We will see.", "We will see", "John Roe"),
    'a_question_the_interviewers_asked_is_not_the_one_interviewed': (
        "Governor John Roe took questions from two reporters on Friday.\n\nWhen the interviewers asked whether the "
        "plan was dead, he replied: \"Not at all.\"", "whether the plan was dead", "Interviewer"),
    'a_title_replying_after_a_reported_question_is_not_the_asker': (
        "For years, John Roe's answer on the levy kept changing, a new memoir argues.\n\nIn 2010 he faced the radio "
        "host Jane Doe at a year-end news conference. Doe asked whether the levy was fair.\n\n\"My feelings about "
        "this are evolving,\" the president replied.", "My feelings", "John Roe"),
    'a_first_person_paragraph_after_a_transcript_turn_goes_on_with_its_speaker': (
        "Speaker Nancy Roe joined the anchor Judy Doe on Tuesday.\n\nJUDY DOE: Where do things stand?\n\nNANCY ROE: "
        "Well, we all have agreed that we need an agreement.\n\nWe are making some progress. We are exchanging paper."
        "\n\nDOE: Are you closer?", "making some progress", "Nancy Roe"),
    'a_surname_after_an_arabic_article_names_the_full_name': (
        "CAIRO - President Abdel Fattah al-Sisi met Somalia's president on Sunday.\n\n\"Do not try Egypt,\" Sisi said.",
        "Do not try Egypt", "Abdel Fattah al-Sisi"),
    'a_clerics_rank_is_no_part_of_the_name': (
        "In Tehran, Ayatollah Ali Khamenei spoke on state TV. \"There will be no disruption,\" Khamenei said.",
        "no disruption", "Ali Khamenei"),
    'a_name_a_verb_addresses_before_a_colon_is_no_label': (
        "LONDON - John Roe left the government on Monday.\n\nIn his letter, Mr Roe set out the principle. \"It is "
        "wrong,\" he wrote. He also assured Mr Blair: \"You will continue to have my support.\"", "my support",
        "John Roe"),
    'who_after_a_role_in_apposition_to_a_name_is_the_named_person': (
        "Michael Cohen testified on Wednesday.\n\nThe sharpest exchanges came with Rep. Jim Jordan of Ohio, the "
        "committee's top Republican, who argued that Cohen had lied to the committee.", "lied to the committee",
        "Jim Jordan"),
    'a_name_the_parser_hung_on_the_seat_is_the_members': (
        "Nigel Farage said Remain had edged it.\n\nAt the count in south London, the Labour MP for Tooting, "
        "Rosena Allin-Khan, said Remain would win her seat comfortably.", "win her seat", "Rosena Allin-Khan"),
    'the_congresswoman_is_the_representative_named_before': (
        'Rep. Alexandria Ocasio-Cortez of New York questioned Michael Cohen. "Did the president provide inflated '
        'assets?" she asked.\n\n"Yes," Cohen responded.\n\n"Who else knows that the president did this?" the '
        'congresswoman went on.', "Who else knows", "Alexandria Ocasio-Cortez"),
    'a_title_that_fits_no_one_after_a_question_is_the_one_asked_not_the_asker': (
        "Boris Johnson endured a difficult session on Wednesday.\n\nJohnson opened by brushing off a call to quit from "
        'MP Wendy Chamberlain. "Will the Prime Minister agree it is time for him to resign?" she asked.\n\nThe prime '
        'minister replied that "we must wait for the outcome of the inquiry".', "outcome of the inquiry", "Boris Johnson"),
    'an_attribution_set_off_after_an_opening_phrase_reports_the_whole_sentence': (
        "Mayor Jane Doe spoke on Monday.\n\nAt council meetings, she said, the budget is always the last item.",
        "budget is always the last item", "Jane Doe"),
    'someone_a_question_asks_about_is_not_the_he_that_answers': (
        "Prime Minister Rishi Sunak faced questions again on Friday.\n\nAt the summit on June 13, he was asked whether his "
        "aide had sat in on key meetings. He declined to answer. \"You will know that there is an inquiry,\" he said.",
        "there is an inquiry", "Rishi Sunak"),
    'describing_a_long_phrase_as_something_is_a_description': (
        "Union talks resumed on Tuesday.\n\nMayor Jane Doe described the talks with the drivers' union since Tuesday "
        "as difficult.", "as difficult", "Jane Doe"),
    'a_bare_quote_after_a_question_put_to_you_is_the_reply': (
        "Prime Minister John Carver faced reporters on Wednesday.\n\nMaria Olsen of Channel 4 put it to him directly. "
        "\"Did you never think about resigning?\" she asked.\n\n\"I feel it is my job to get on and deliver.\"",
        "get on and deliver", "John Carver"),
    'a_bare_quote_after_a_question_to_you_and_a_sentence_more_is_the_reply': (
        "Prime Minister John Carver faced reporters on Wednesday.\n\nMaria Olsen of Channel 4 put it to him directly. "
        "\"Did you never think about resigning?\" she asked. \"A poll says most voters think you should.\"\n\n"
        "\"I feel it is my job to get on and deliver.\"", "get on and deliver", "John Carver"),
    'a_title_of_office_after_an_interviewers_question_is_not_the_interviewer': (
        "Mary Kent interviewed John Roe on Sunday.\n\n\"Will you cut taxes?\" Kent asked.\n\n\"We will see,\" the "
        "chancellor replied.", "We will see", "John Roe"),
    'who_after_a_name_of_an_outlet_is_the_person_not_the_outlet': (
        "Mayor John Roe faced reporters on Monday.\n\nThe water question came from Anil Mehta of Zee News, who asked in "
        "Hindi whether the plant would close.", "plant would close", "Anil Mehta"),
    'a_question_a_reporter_wanted_to_know_is_the_reporters_not_the_claim_inside_it': (
        "Mayor Jane Doe faced reporters on Monday.\n\nAnother reporter wanted to know why she had told residents that "
        "the water was safe. \"I trusted the tests,\" she said.", "water was safe", "Reporter"),
    'a_lower_case_title_with_a_countrys_initials_before_a_name': (
        'Conservative Leader Pierre Roe said the cut came too late.\n\n"Even Jane Doe wants to close the '
        'borders," former U.S. president John Smith wrote on social media.', "close the borders", "John Smith"),
    'a_name_with_its_place_and_an_apposition_after_a_quote': (
        'Sen. Susan Doe of Maine said she was surprised.\n\n"I do not know yet," Sen. John Roe of South '
        'Carolina, also a senior member of the committee, told CNN.', "do not know yet", "John Roe"),
    'the_host_is_the_podcaster_the_article_named': (
        'The American podcaster Lex Roe interviewed President Jane Doe in Kyiv. "I would like to do this '
        'interview in Ukrainian," she told Roe.\n\nThe sharpest exchange came when Roe argued that peace required '
        'taking the enemy seriously. "If you think a leader is completely crazy, it is hard to agree with him," '
        'the host said.', "completely crazy", "Lex Roe"),
    'she_is_a_subject_of_unknown_gender_over_a_woman_only_mentioned': (
        "Senator John Roe faced the host, Dana Bash, on Sunday.\n\nBash opened with the label that has dogged "
        "the ticket since Jim Doe, weeks before Kamala Harris picked him as her running mate, called them "
        '"weird".\n\n"I want to move on to something that has been called weird," she said.', "move on to something",
        "Dana Bash"),
    'a_party_acronym_in_a_lower_case_title_after_a_quote': (
        "Premier John Roe said on Monday the law would go.\n\nThe opposition was unimpressed. \"It is too late to "
        "take a victory lap,\" interim NDP leader Peter Tabuns said in a statement.", 'victory lap', 'Peter Tabuns'),
    'her_rivals_speak_for_themselves_not_as_her': (
        "Jane Roe has spent the week insisting that dropping a savings plan within a day of announcing it proves she "
        "is decisive, while her rivals argue it shows the opposite.\n\nThe foreign secretary said she would not "
        "change course.", 'shows the opposite', "Jane Roe's rivals"),
    'officials_in_what_she_said_do_not_take_her_next_quote': (
        "Finance Minister Jane Roe spoke on Tuesday.\n\nSpeaking to reporters on Thursday, Roe confirmed that MPs "
        "had been briefed before the announcement, and said officials had warned ministers of legal risks if the "
        "government talked about its plans. She traced her own alarm to late 2023, when she saw the forecast cost. "
        "\"That number blew my mind.\"", 'blew my mind', 'Jane Roe'),
    'a_party_spokeswoman_is_of_the_party_of_the_leader_named_last': (
        "Conservative Leader John Roe opened his campaign on Monday.\n\nLater that day a party spokeswoman pointed "
        "to the platform and said the ban in question was the old one.", 'the old one', 'Conservative Party spokeswoman'),
    'the_party_with_no_party_named_is_the_party_of_the_leader_named_last': (
        "The Conservative deputy leader, Jane Roe, said in a statement that the minister was rewriting history.\n\n"
        "On Friday the party said the minister could not be trusted on the tax.", 'could not be trusted',
        'Conservative Party'),
    'his_daughter_is_never_he': (
        "Former President John Roe was flown out on Tuesday.\n\nHis daughter Veronica posted clips of the arrest "
        "online. \"I did nothing wrong,\" he said in one of them.", 'nothing wrong', 'John Roe'),
    'he_asked_then_he_said_is_the_same_man_not_someone_asked': (
        "Former President John Roe was flown out on Tuesday. His lawyer, Tom Green, told reporters that his client "
        "had been stripped of his rights.\n\nIn video clips posted online, Roe was seen demanding an explanation "
        "from officials.\n\n\"What is the law that I broke?\" he asked.\n\n\"Show me now the legal basis for my "
        "being here,\" he said.", 'legal basis', 'John Roe'),
    'a_name_the_ner_took_for_a_nationality_is_a_person_and_his_possessive_no_part_of_it': (
        "Frans Timmermans' Green-Labour alliance is projected second.\n\nIn Amsterdam, Timmermans congratulated "
        "Wilders, drawing boos, and then struck a defiant note. \"We will defend the rule of law,\" the former "
        "European commissioner said.", 'rule of law', 'Frans Timmermans'),
    'prompting_someone_to_ask_makes_them_the_asker': (
        "Presenter John Roe interviewed Jane Doe, the party leader, on Monday.\n\nAfter a further pause she offered a "
        "figure of 2.7bn for the whole programme, prompting Roe to ask: \"Five hundred thousand homes, 2.7 billion, "
        "what are they made of, plywood?\"", 'plywood', 'John Roe'),
    'a_name_with_a_digit_is_a_thing_not_who_he_is': (
        "John Roe spoke on Sunday.\n\nThe platform would repeal the ban on some 1,500 models, among them the Ruger "
        "Mini-14 used in 1989. \"We are going to maintain the ban,\" he said.", 'maintain the ban', 'John Roe'),
    'given_names_the_tagger_ran_into_an_assembly_complete_the_surname': (
        "Tarn Vell writes to the premier\n\nCARROW, May 2 - Opposition leader in the Grand Moot Tarn Oskel Vell on "
        "Friday wrote to the premier. The Grand Moot was adjourned.\n\n\"It was a slip of the tongue,\" Mr. Vell "
        "wrote.", 'slip of the tongue', 'Tarn Oskel Vell'),
    'a_hyphenated_title_before_the_name_after_a_quote': (
        "Tom Vale spoke on Monday.\n\n\"He won. He is our president.\"\n\n\"You are calling him a bigot?\" co-host "
        "Mara Quell asked.", 'calling him a bigot', 'Mara Quell'),
    'one_of_the_reporters_named_before_asks_a_quoted_question': (
        "Spokesman Tom Vale held a briefing on Wednesday.\n\nReporters turned to the inquiry. When one asked whether "
        "Vale \"trusted the army investigating itself,\" he answered: \"The army has the means to do it.\"",
        'trusted the army', 'Reporter'),
    'his_words_to_someone_before_a_colon_are_his': (
        "Tom Vale told the chamber: \"The government may adjourn.\" His parting words to the government benches: "
        "\"Shame on you.\"", 'Shame on you', 'Tom Vale'),
    'she_after_a_person_who_said_something_is_that_person': (
        "Mara Quell said she would vote yes.\n\nThe most prominent critic has been Jane Roe, the former candidate, who "
        "said on Monday that she would not support it. \"It will be a hard sell,\" she told the radio.",
        'hard sell', 'Jane Roe'),
    'one_of_them_after_reporters_asks_a_quoted_question': (
        "Tom Vale came out carrying mugs for the reporters who had waited all day. When one of them asked, \"Will you "
        "answer my question now?\", Mr Vale replied: \"I am here to offer you tea.\"", 'answer my question', 'Reporter'),
    'one_of_the_journalists_asks_a_quoted_question': (
        "Tom Vale met the press on Monday. When one of the journalists asked, \"Will you resign?\", Vale replied: "
        "\"No.\"", 'Will you resign', 'Reporter'),
    'her_first_words_were_about_something_before_a_colon_are_hers': (
        "Jane Roe rose to speak after the vote. Her first words were about the mood in the chamber: \"We are grateful "
        "that a new day is beginning.\"", 'new day is beginning', 'Jane Roe'),
    'the_interviewers_first_question_was_blunt_before_a_colon_is_theirs': (
        "Tom Vale sat down with Mara Quell on Sunday.\n\nQuell's first question was blunt: \"Did you know the victim?\" "
        "Vale replied: \"I don't believe that I ever met her.\"", 'know the victim', 'Mara Quell'),
    'a_named_subjects_clause_before_a_colon_gives_the_quote_not_the_name_after_it': (
        "Tom Vale sat down with Mara Quell on Sunday.\n\nThen Quell came to the Commons row: \"So you called that "
        "humbug?\" Vale first objected.", 'called that humbug', 'Mara Quell'),
    'a_post_set_out_as_its_own_paragraph_after_posted_is_the_posters': (
        "Leaders reacted on Monday.\n\nThe sharpest came from Paris. The French prime minister, Tom Vale, posted on "
        "X:\n\nIt is a dark day when free peoples resign themselves to submission.", 'a dark day', 'Tom Vale'),
    'a_question_the_speaker_put_to_the_house_is_theirs': (
        "Tom Vale rose in the Commons on Monday to explain his resignation. \"I cannot support a war,\" he said.\n\n"
        "Then came the question at the heart of his case, which he put to the House and did not need to answer. "
        "\"Why is it now so urgent that we should act?\"", 'so urgent', 'Tom Vale'),
    'one_who_noted_something_and_asked_after_reporters_pressed_is_a_reporter': (
        _NOTED_AND_ASKED, 'view that as appropriate', 'Reporter'),
    'the_friend_is_the_friend_of_someone_introduced_before': (
        "Tom Vale resigned on Monday. Mara Quell said it was overdue.\n\nA friend of Vale put it in similar terms. "
        "\"He overstepped the mark,\" the friend said.", 'overstepped the mark', 'Friend of Tom Vale'),
}


@pytest.mark.parametrize("text, needle, speaker", SPEAKER_CASES.values(), ids=SPEAKER_CASES.keys())
def test_speaker(run, text, needle, speaker):
    assert one(run(text), needle).speaker == speaker


@pytest.mark.parametrize("text, name", [("Prime Minister Han Duck-soo told reporters.", "Han Duck-soo"),
                                         ("Joe Biden-backed candidates won.", "Joe Biden"),
                                         ("The Jane Doe-era rules stayed.", "Jane Doe")])
def test_a_name_runs_on_over_a_hyphen_into_a_given_name_not_into_a_compound(nlp, text, name):
    """The tagger's entity stops at the hyphen in each: `-soo` is the rest of a Korean given name, `-backed` and
    `-era` make a compound that starts with the name."""
    from spacy.tokens import Span

    from tracker.extraction.names import extend_name

    doc = nlp(text)
    start = next(t.i for t in doc if t.text == name.split()[0])
    doc.ents = [Span(doc, start, start + 2, label="PERSON")]
    assert extend_name(doc.ents[0]).text == name


def test_a_known_surname_the_ner_took_for_a_place_is_a_subject_as_a_passive_subject_too(nlp):
    from tracker.extraction.discourse import Discourse
    from tracker.extraction.speakers import register_people

    state = Discourse()
    state.register("Jagmeet Singh", "", 0, True)
    doc = nlp("Singh, also speaking after midnight, was put on the defensive by reporters.")
    assert doc[0].ent_type_ == "GPE"  # the shape this covers: the NER's place, the parser's passive subject
    register_people(doc, 100, state, lambda offset: False)
    assert (100, True) in state.people["Jagmeet Singh"].mentions


@pytest.mark.parametrize("short", ["Le Roe", "Marine Roe"])
def test_a_name_that_ends_or_drops_the_middle_of_a_known_full_name_is_that_person(short):
    from tracker.extraction.discourse import Discourse

    state = Discourse()
    state.register("Marine Le Roe" if short == "Le Roe" else "Marine Anne Roe", "", 0, True)
    assert state.register(short, "", 50, True) is next(iter(state.people.values())) and len(state.people) == 1


@pytest.mark.parametrize("name, sex", [("Jean-Pierre Roe", "m"), ("Anne-Marie Roe", "f"), ("Yves-Marc Roe", "m")])
def test_a_compound_first_name_has_the_sex_of_its_first_part_the_counts_know(name, sex):
    from tracker.extraction.lexicon import first_name_gender

    assert first_name_gender(name) == sex


@pytest.mark.parametrize("name", ["Park Geun-hye", "Ma Zhaoxu", "Gao Feng"])
def test_an_east_asian_family_name_written_first_gives_no_sex(name):
    """US first-name counts call Park a man's name and Ma a woman's; written first, they are family names."""
    from tracker.extraction.lexicon import first_name_gender

    assert first_name_gender(name) == ""


def test_she_can_be_a_woman_whose_family_name_comes_first(run):
    """Park Geun-hye is the subject last named; "she" is her, not the senator named before her."""
    found = run("Senator Mary Collins attacked the labour plan on Monday. President Park Geun-hye rejected the "
                'criticism at a news conference in Seoul. "We will not retreat from these reforms," she said.')
    assert [s.speaker for s in found if s.text.startswith("We will not retreat")] == ["Park Geun-hye"]


@pytest.mark.parametrize("phrase", ["(Alba)", "’s", ",", ""])
def test_a_subject_phrase_that_names_no_one_resolves_to_no_speaker(phrase):
    from tracker.extraction.discourse import Discourse
    from tracker.extraction.speakers import resolve_speaker

    assert resolve_speaker(phrase, 0, Discourse()) == ""


def test_what_a_question_asks_about_someone_is_no_description_of_them(run):
    found = run("Spokesman John Roe faced reporters on Wednesday.\n\nA reporter asked whether Max Hale had apologised "
                "to her. Roe said he did not know.")
    assert not [s for s in found if s.kind == "description"], [(s.speaker, s.text) for s in found]


def test_a_role_opening_the_article_when_the_only_name_is_quoted_stays_the_role(run):
    # the name inside the quote is known for surname lookup but never met in the narration
    found = run("The defence minister said on Monday the drills would go on. \"Max Poe knows why,\" he said.")
    assert one(found, "Max Poe knows why").speaker == "Defence minister"


def test_a_speaker_left_a_bare_pronoun_makes_no_statement(run):
    assert not [s for s in run('Jane Doe met John Roe on Monday. They said talks would continue.')
                if 'talks would continue' in s.text]


def test_a_question_someone_puts_to_reporters_is_theirs_and_what_it_asks_about_is_no_ones_position(run):
    found = run('Spokeswoman Jane Doe took questions. She had one for the reporters, asking whether they had condemned '
                'the sanctions too.')
    assert [(s.speaker, s.kind) for s in found if 'condemned the sanctions' in s.text] == [("Jane Doe", "reported")]


# ---------------------------------------------------------------- live-blog labels, titles, scoring

@pytest.mark.parametrize("label", ["9:07 a.m. - ", "19:40 - ", "Evening - ", "12.45pm – "])
def test_a_live_blog_time_label_is_not_part_of_the_speaker(run, label):
    found = run(f'Prime Minister Justin Trudeau faced a hard day.\n\n{label}Trudeau, silent all day, spoke at a '
                'fundraiser. He conceded it had not "been an easy day."')
    assert one(found, "easy day").speaker == "Justin Trudeau"


@pytest.mark.parametrize("subject", ["A spokesman for the palace", "Mara Quell and Tom Vale"])
def test_a_live_blog_entry_time_opening_the_sentence_is_not_part_of_the_speaker(run, subject):
    found = run(f'Live: the confidence vote\n\n22:25 {subject} confirmed that the meeting was off.')
    assert not one(found, "meeting was off").speaker[:1].isdigit()


@pytest.mark.parametrize("order", ["newest first", "oldest first"])
def test_a_live_blog_entrys_he_is_someone_that_entry_names_not_the_subject_of_another(run, order):
    entries = ["Catch up: what we know\n- Roe, in power since 2009, is under house arrest. His son Tom Roe Valent has "
               "been detained and accused of treason.",
               "Is General Tom Smith the next leader? In an interview with a newspaper, the commander was asked whether "
               "he saw himself as the new head of state.",
               'A video of a worried-looking Ali Roe is circulating online. Speaking in English, he says: "We will not '
               'give up."']  # in reading order; 'Ali' is a name the counts give no sure gender
    times = ["15:45", "13:40", "12:50"] if order == "newest first" else ["12:50", "13:40", "15:45"]
    found = run("Live: the coup\n\n" + "\n\n".join(f"{t}\n{e}" for t, e in zip(times, entries)))
    assert one(found, "not give up").speaker == "Ali Roe"


def test_a_live_blog_entrys_he_with_no_one_named_in_it_is_still_the_last_in_focus(run):
    found = run('Live: the vote\n\n14:05\nThe result is in.\n\n13:05\nThe minister, John Roe, arrived at the hall.'
                '\n\n12:05\n"We will go on," he said.')
    assert one(found, "go on").speaker == "John Roe"


def test_a_transcript_label_with_a_mc_surname_is_a_label(run):
    found = run('Presenter Dara McQuell interviewed Premier Tom Vale on Thursday night.\n\n'
                'McQUELL: Should there be an inquiry into it?\n\nVALE: I do not think an inquiry would serve a purpose.')
    assert one(found, "inquiry into it").speaker == "Dara McQuell"
    assert one(found, "serve a purpose").context == "Should there be an inquiry into it?"


def test_the_answers_of_a_q_and_a_are_the_subject_s_not_a_rival_named_last(run):
    found = run('CARROW - Premier Tom Vale has warned that the country is in trouble.\n\nIn an interview conducted by '
                'Mara Quell, Vale used his bluntest language yet. His main rival is expected to be Dana Wren.\n\n'
                'Q: Does the country need a new leader?\nA: It needs leaders who will deliver.')
    assert one(found, "new leader").speaker == "Mara Quell"
    assert one(found, "leaders who will deliver").speaker == "Tom Vale"


def test_the_scorer_counts_statements_the_gold_and_the_extractor_cut_differently():
    from types import SimpleNamespace as NS

    from tracker.extraction.evaluate import _Tally, match, with_contained

    def score(pred_texts, gold_texts):
        pred = [NS(text=t, speaker="Jane Doe", kind="direct", date=DAY, context="", speaker_kind="person",
                   contrasts=None) for t in pred_texts]
        gold = [NS(text=t, speaker="Jane Doe", kind="direct", date=DAY.isoformat(), context="", speaker_kind="",
                   shift_of="") for t in gold_texts]
        tally = _Tally()
        tally.add(pred, gold, with_contained(pred, gold, match(pred, gold)))
        r = tally.report()
        return r["all"]["recall"], r["all"]["precision"], r["spurious_per_article"]

    # two quotes the gold lists apart, joined into one statement: both found, one prediction matched
    assert score(["We will win. The polls are wrong."], ["We will win.", "The polls are wrong."]) == (1.0, 1.0, 0)
    # a statement the extractor cut in two: the second half is part of the gold one, not spurious
    assert score(["We will win.", "The polls are wrong."], ["We will win. The polls are wrong."]) == (1.0, 1.0, 0)
    # a short gold statement inside a long prediction is not found by it
    long = "Yes. " + "The committee will meet again next week to consider every amendment. " * 3
    assert score([long], ["Yes.", "The committee will meet again next week to consider every amendment."])[0] == 0.5


def test_a_date_is_scored_at_the_precision_the_gold_writes():
    from types import SimpleNamespace as NS

    from tracker.extraction.evaluate import _Tally, match

    def dates_right(precision, gold_date):
        pred = [NS(text="We will win the vote.", speaker="Jane Doe", kind="direct", date=dt.date(2019, 7, 1),
                   date_precision=precision, context="", speaker_kind="person", contrasts=None)]
        gold = [NS(text="We will win the vote.", speaker="Jane Doe", kind="direct", date=gold_date, context="",
                   speaker_kind="", shift_of="")]
        tally = _Tally()
        tally.add(pred, gold, match(pred, gold))
        return tally.report()["all"]["date_accuracy"]

    assert dates_right("month", "2019-07") == 1.0 and dates_right("year", "2019") == 1.0
    assert dates_right("day", "2019-07") == 0.0  # a day the article does not give
    assert dates_right("month", "2019-07-01") == 0.0 and dates_right("day", "2019-07-01") == 1.0


def test_the_issue_date_measure_counts_only_statements_the_gold_dates_to_a_day():
    from types import SimpleNamespace as NS

    from tracker.extraction.evaluate import _Tally, match

    texts = ["We will win the vote.", "The budget is balanced.", "Nobody will lose their job."]
    pred = [NS(text=t, speaker="Jane Doe", kind="direct", date=dt.date(2019, 7, 1), date_precision="day", context="",
               speaker_kind="person", contrasts=None) for t in texts]
    gold = [NS(text=t, speaker="Jane Doe", kind="direct", date=d, context="", speaker_kind="", shift_of="")
            for t, d in zip(texts, ["2019-07-01", "2019-07-02", "2019-07"])]
    tally = _Tally()
    tally.add(pred, gold, match(pred, gold))
    report = tally.report()["speech"]
    assert report["date_accuracy"] == round(1 / 3, 3)  # the month-only statement counts, and is wrong
    assert report["date_accuracy_day_fixed"] == 0.5  # … and is left out where the text fixes no day


def test_a_question_given_to_someone_who_answers_is_counted_apart():
    from types import SimpleNamespace as NS

    from tracker.extraction.evaluate import _Tally, match

    def statement(text, speaker, gold=False):
        extra = {"shift_of": "", "speaker_kind": ""} if gold else {"date_precision": "day", "contrasts": None,
                                                                   "speaker_kind": "person"}
        return NS(text=text, speaker=speaker, kind="direct", date="2019-07-01" if gold else dt.date(2019, 7, 1),
                  context="", **extra)

    gold = [statement("Will you resign?", "Ann Host", True), statement("Is the deal dead?", "Ann Host", True),
            statement("Are you sure?", "Ann Host", True), statement("No, I will not resign.", "Bob Guest", True)]
    pred = [statement("Will you resign?", "Bob Guest"),  # given to the one who answers
            statement("Is the deal dead?", "Presenter"),  # to an unnamed presenter: wrong, but not the answerer
            statement("Are you sure?", "Ann Host"), statement("No, I will not resign.", "Bob Guest")]
    tally = _Tally()
    tally.add(pred, gold, match(pred, gold))
    report = tally.report()
    assert report["questions_misattributed"] == 2 and report["questions_to_answerer"] == 1


def test_a_name_the_parser_set_beside_the_date_before_it_is_the_subject(nlp):
    """The tagger reads 'On 11 October, Ms Truss, by then …, was asked' with the name in apposition to the date; the
    parse is built by hand, as the made-up names this suite uses are parsed as the subject."""
    from spacy.tokens import Doc, Span

    from tracker.extraction.misparses import misplaced_subject

    words = ["On", "11", "October", ",", "Ms", "Lowe", ",", "by", "then", "chief", "secretary", ",", "was", "asked",
             "how", "she", "would", "vote", "."]
    heads = [13, 2, 0, 13, 5, 2, 13, 13, 7, 10, 7, 13, 13, 13, 17, 17, 17, 13, 13]
    deps = ["prep", "nummod", "pobj", "punct", "compound", "appos", "punct", "prep", "pcomp", "amod", "pobj", "punct",
            "auxpass", "ROOT", "advmod", "nsubj", "aux", "ccomp", "punct"]
    pos = ["ADP", "NUM", "PROPN", "PUNCT", "PROPN", "PROPN", "PUNCT", "ADP", "ADV", "ADJ", "NOUN", "PUNCT", "AUX", "VERB",
           "SCONJ", "PRON", "AUX", "VERB", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    doc.ents = [Span(doc, 1, 3, "DATE"), Span(doc, 4, 6, "PERSON")]
    assert misplaced_subject(doc.ents[1])
    parsed = nlp("On 11 October, Ms Lowe, by then chief secretary, was asked how she would vote.")
    assert not misplaced_subject(next(e for e in parsed.ents if e.label_ == "PERSON"))  # the subject as parsed


def test_speech_bucket_counts_direct_and_reported_and_spurious_statements_lower_speaker_precision():
    from types import SimpleNamespace as NS

    from tracker.extraction.evaluate import _Tally, match

    def statement(text, speaker, kind, gold=False):
        extra = {"shift_of": ""} if gold else {"date_precision": "day", "contrasts": None, "speaker_kind": "person"}
        return NS(text=text, speaker=speaker, kind=kind, date=dt.date(2019, 7, 1) if not gold else "2019-07-01",
                  context="", **({"speaker_kind": ""} if gold else {}), **extra)

    gold = [statement("We will win the vote.", "Jane Doe", "direct", True),
            statement("the plan would fail", "John Roe", "reported", True),
            statement("backed the plan", "Jane Doe", "description", True)]
    pred = [statement("We will win the vote.", "Jane Doe", "direct"),
            statement("the plan would fail", "Jane Doe", "reported"),  # wrong speaker
            statement("The weather was fine.", "Jane Doe", "direct"),  # spurious
            statement("backed the plan", "Jane Doe", "description")]
    tally = _Tally()
    tally.add(pred, gold, match(pred, gold))
    speech = tally.report()["speech"]
    assert (speech["gold"], speech["pred"], speech["matched"]) == (2, 3, 2)  # the description is left out
    assert speech["speaker_precision"] == 0.5 and speech["speaker_recall"] == 0.5
    assert speech["speaker_precision_with_spurious"] == round(1 / 3, 3)
    assert tally.report()["all"]["speaker_precision_with_spurious"] == 0.5


def test_the_error_report_names_missed_and_wrong_shift_links():
    from types import SimpleNamespace as NS

    from tracker.extraction.evaluate import _errors, match

    def stmt(text, contrasts=None, shift_of=""):
        return NS(text=text, speaker="Jane Doe", kind="reported", date=DAY, context="", speaker_kind="person",
                  contrasts=contrasts, shift_of=shift_of)

    gold = [stmt("taxes would rise"), stmt("taxes would stay where they are", shift_of="taxes would rise"),
            stmt("the budget was fair")]
    for g in gold:
        g.date = DAY.isoformat()
    right = [stmt("taxes would rise"), stmt("taxes would stay where they are", contrasts=0), stmt("the budget was fair")]
    wrong = [stmt("taxes would rise"), stmt("taxes would stay where they are"), stmt("the budget was fair", contrasts=0)]
    kinds = lambda pred: sorted(e["error"] for e in _errors(pred, gold, match(pred, gold)))
    assert kinds(right) == []
    assert kinds(wrong) == ["shift_missed", "shift_wrong"]


def test_unnamed_speakers_score_the_same_with_or_without_their_article():
    from tracker.extraction.speaker_forms import same_speaker as _same_speaker

    assert _same_speaker("NATO diplomat", "a NATO diplomat") and _same_speaker("Spokesman", "the spokesman")
    assert _same_speaker("NATO diplomat", "three NATO diplomats") and _same_speaker("Source", "sources")
    assert not _same_speaker("NATO diplomat", "EU diplomat") and not _same_speaker("Jane Doe", "Jane Does")
    assert _same_speaker("Journalist", "Reporter") and not _same_speaker("Journalist", "Editor")
    assert _same_speaker("Interviewer", "Host") and _same_speaker("the presenter", "Host")
    assert not _same_speaker("Interviewer", "Reporter") and not _same_speaker("BBC presenter", "Host")
    assert _same_speaker("Wyn Williams", "Sir Wyn Williams") and not _same_speaker("Wyn Williams", "Lord Williams")
    assert _same_speaker("Lord McDonald of Salford", "Lord McDonald") and not _same_speaker("Lord McDonald", "Lord Frost")
    assert _same_speaker("Conservatives", "Conservative Party") and _same_speaker("Labour", "Labour Party")
    assert not _same_speaker("Conservatives", "Conservative MPs") and not _same_speaker("Labour", "Liberal Party")
    assert _same_speaker("Jane Doe's spokesperson", "Spokesperson for Jane Doe")
    assert not _same_speaker("Jane Doe's spokesperson", "Spokesperson for John Roe")
    assert _same_speaker("Tayyip Erdogan", "Recep Tayyip Erdogan") and _same_speaker("Recep Tayyip Erdogan", "Tayyip Erdogan")
    assert not _same_speaker("Erdogan", "Recep Tayyip Erdogan") and not _same_speaker("Boris Johnson", "Friend of Boris Johnson")
    assert not _same_speaker("Security Service", "Federal Security Service")
    assert _same_speaker("Israeli foreign ministry", "Israel's foreign ministry")
    assert _same_speaker("Russia's Foreign Ministry", "Russian Foreign Ministry")
    assert not _same_speaker("Israeli foreign ministry", "Iranian foreign ministry")
    assert _same_speaker("Canadian government", "Government of Canada") and _same_speaker("UK government", "British government")
    assert not _same_speaker("Government", "Indian government") and not _same_speaker("Indian government", "Government of Canada")
    assert _same_speaker("Hillary Rodham Clinton", "Hillary Clinton") and not _same_speaker("Hillary Clinton", "Bill Clinton")
    assert not _same_speaker("Hillary Rodham Clinton", "Hillary Rodham") and not _same_speaker("Jane Doe", "Jane of Doe")
    assert _same_speaker("Jane Doe's office", "Doe's office") and _same_speaker("Jane Doe's campaign", "Doe campaign")
    assert not _same_speaker("Jane Doe's campaign", "Roe campaign") and not _same_speaker("Doe's office", "Doe's team")
    assert _same_speaker("ANC", "African National Congress") and _same_speaker("Department of Foreign Affairs", "DFA")
    assert not _same_speaker("ANC", "African Congress") and not _same_speaker("DFA", "Department of Fair Trade Affairs")


@pytest.mark.parametrize("named", [
    "Ivan Petrov, the ministry's spokesman, declined to comment.",  # another body's spokesman
    "Sergei Ivanov, a Kremlin spokesman, agreed. Later the Kremlin spokesman, Dmitry Peskov, spoke.",  # two of them
])
def test_an_unnamed_spokesman_is_named_only_by_one_person_in_that_very_role(run, named):
    found = run(f'"It is a success," the Kremlin spokesman said.\n\n{named}')
    assert one(found, "a success").speaker == "Kremlin spokesman"


# ---------------------------------------------------------------- questions put in other shapes (constructed)

QUESTION_SHAPES = [
    # an attribution that ends in a colon introduces the next quote, not the question before it
    ('A reporter asked Jane Doe: "Will you resign?" She replied: "No. I have work to do."',
     "Will you resign", "Reporter", "work to do", "Jane Doe"),
    # a question put to the sentence's subject ("Asked …, X said") is the asker's
    ('Asked "Will you quit?", Jane Doe said: "I am going nowhere."', "Will you quit", "Reporter", "going nowhere",
     "Jane Doe"),
    ('Asked by John Roe of the BBC: "Will you quit?" Jane Doe said: "I am going nowhere."', "Will you quit",
     "John Roe", "going nowhere", "Jane Doe"),
    # someone else became the subject between the question and an unattributed quote
    ('"Is this the end?" John Roe asked. Jane Doe smiled. "It is only the beginning."', "Is this the end",
     "John Roe", "only the beginning", "Jane Doe"),
    # transcript labels: a named person in title case, a role in brackets, Q and A
    ('Kristen Welker interviewed Jane Doe on Sunday.\n\nWelker: Will you run again in 2028?\n\n'
     'Doe: I have no plans to do that.', "run again", "Kristen Welker", "no plans", "Jane Doe"),
    ('JOHN ROE (HOST): Will you run again?\n\nJANE DOE: I have not decided.', "run again", "John Roe",
     "not decided", "Jane Doe"),
    ('Host John Roe spoke to Jane Doe.\n\nQ: Will you resign?\n\nA: No, I will not.', "Will you resign", "John Roe",
     "I will not", "Jane Doe"),
    ('Jane Doe spoke to the BBC.\n\nQUESTION: Do you support the ban?\n\nJANE DOE: I do.', "support the ban",
     "Reporter", "I do", "Jane Doe"),
    # a question put to someone in the passive, by an interviewer the sentence names; the one asked answers
    ('In a BBC interview with Laura Kuenssberg, Jane Doe had been asked directly: "Will you cut taxes?" She '
     'replied: "Yes, we have to."', "cut taxes", "Laura Kuenssberg", "have to", "Jane Doe"),
    ('Donald Trump was asked on NBC: "Would you accept the result?" He said: "If it is fair."', "accept the result",
     "Reporter", "If it is fair", "Donald Trump"),
    # the colon belongs to another verb: the first attribution is the question's
    ('"Would you accept the result?" Welker asked Trump, who replied: "If it is fair."', "accept the result",
     "Welker", "If it is fair", "Trump"),
    # a one-word name that presses someone is a person, so "she asked" is her
    ('Welker pressed him. "But would you accept the result?" she asked. "If it is fair," Trump replied.',
     "accept the result", "Welker", "If it is fair", "Trump"),
]


QUESTION_SHAPES += [
    # a question the parse did not hang on its asking verb: from the question word to the end of its clause
    ('Jane Doe took questions on Friday.\n\nAsked when the call had taken place, she said she would supply the date '
     'later.', "when the call had taken place", "Reporter", "supply the date later", "Jane Doe"),
    ('Jane Doe held a briefing on Friday.\n\nOne reporter asked what the minister made of the report. "It is a fair '
     'report," Doe said.', "what the minister made of the report", "Reporter", "It is a fair report", "Jane Doe"),
    ('Asked by reporters in Launceston, Tasmania, whether he had threatened Jakarta, Tom Vale said he had not.',
     "whether he had threatened Jakarta", "Reporter", "he had not", "Tom Vale"),
]


QUESTION_SHAPES += [
    # a printed Q&A labelled with initials and full stops ('L.W.:'), the asker named once before it
    ('Tom Vale sat down with Lally Weymouth in Athens on Wednesday.\n\nL.W.: How did your meeting go yesterday?\n\n'
     'T.V.: We talked about the need for liquidity.', "How did your meeting", "Lally Weymouth", "need for liquidity",
     "Tom Vale"),
    # 'Speaking to Ann Lee of The Telegraph' names the one who asks; 'X's version of events' puts X in focus
    ('Speaking on the phone this week to Debaashish Bhattacharya of The Telegraph, the former deputy said the split had '
     'been planned for years.\n\nOn Wednesday the chief minister won a confidence vote. "We are walking out," '
     'legislature party leader Ravi Nand told the House.\n\nTom Vale\'s version of events is rather different. '
     'Excerpts from the interview:\n\nQ: Why did the alliance really break down?\n\nA: Not at all what they say.',
     "Why did the alliance", "Debaashish Bhattacharya", "Not at all what", "Tom Vale"),
    # an unattributed quote right after a question the writer reports is the reply of the one asked
    ('Spokeswoman Sanne de Vries held a briefing on Friday.\n\nJournalist Lotte Bakker asked why the garage had '
     'not been closed in February. "Minor cracks do not close a building."', "why the garage", "Lotte Bakker",
     "Minor cracks", "Sanne de Vries"),
    # Q/A labels after an intro naming a journalist: the journalist asks, the other person answers
    ('Jane Doe heads the restoration agency. She spoke to journalist John Roe in Kyiv.\n\nQ: How many bridges '
     'have been rebuilt?\n\nA: Forty-one, and more are coming.', "How many bridges", "John Roe", "Forty-one",
     "Jane Doe"),
    # a host the NER took for an organisation ("host Wanjiku Kamau") is a person, and her label is hers
    ('On Monday host Wanjiku Kamau spoke to Hassan Abdi Farah, chairman of the owners association.\n\nKAMAU: '
     'Your members are threatening to strike. Is that still the plan?\n\nFARAH: Unless the government talks '
     'to us, yes.', "Is that still the plan", "Wanjiku Kamau", "Unless the government", "Hassan Abdi Farah"),
    # the sentence before a quoted question says a reporter put it
    ('Jane Doe took questions on Saturday. Another reporter pressed her on her change of story. "Governor, how do '
     'you expect people to believe you?"\n\n"I tell the truth," Doe answered.', "how do you expect", "Reporter",
     "I tell the truth", "Jane Doe"),
    # a reporter who asked one leader and then turned to the other with a colon asks the quoted question
    ('Jane Doe and John Roe held a joint press conference. One journalist asked Roe why he wanted banks left out '
     'of the deal, and then turned to the prime minister: "What are you going to do about it?"\n\n"We will keep '
     'talking," Doe said.', "What are you going to do", "Reporter", "keep talking", "Jane Doe"),
    # 'A:' stays whoever the first 'A:' line was, not a person the narration names between the lines
    ('Jane Doe hung up on host John Roe on Tuesday.\n\nQ: Will you run again?\n\nA: I might.\n\n'
     'The talk turned to President Richard Poe, whose budget passed last week.\n\nQ: Is the budget fair?\n\n'
     'A: It is a disaster.', "Is the budget fair", "John Roe", "It is a disaster", "Jane Doe"),
    # a quoted question introduced as one that someone fielded is an unnamed asker's, not theirs
    ('Jane Doe held a press conference on Friday.\n\nAmong the questions Doe fielded was one the day had made '
     'unavoidable: "What will you say now?"\n\n"I am glad he came," Doe said.', "What will you say now", "Reporter",
     "glad he came", "Jane Doe"),
    # parliamentary records: 'Senator SURNAME:' labels, and 'Mrs. Name (Seat):' / 'The Minister for X (Mr. Name):'
    ('Question Time in the Senate on Thursday between Senator Rebecca Hartley and Senator Paul Kingsford, the '
     'minister.\n\nSenator HARTLEY: Minister, how many applications have been paid?\n\nSenator KINGSFORD: Just over '
     '4,100 have been approved.', "how many applications", "Rebecca Hartley", "Just over 4,100", "Paul Kingsford"),
    ('Extract from the official report of Housing Questions, Monday.\n\nMrs. Joanna Pratt (Northfield): What will the '
     'minister do to make landlords fix damp?\n\nThe Minister for Housing (Mr. David Ashworth): From April, landlords '
     'will have a legal duty to act within fourteen days.', "make landlords fix damp", "Joanna Pratt",
     "legal duty to act", "David Ashworth"),
    # 'Spokesperson:' / 'Question:' labels in title case: the spokesperson the opening names, and a reporter
    ('Highlights of the noon briefing by Camille Duret, spokesperson for the relief office, in Geneva.\n\n'
     'Question: Can you say who is escorting the convoy?\n\nSpokesperson: The convoy has no military escort.',
     "who is escorting", "Reporter", "no military escort", "Camille Duret"),
    # a role label with the outlet in brackets ('JOURNALIST (Rhein-Zeitung):'); a police rank is a title
    ('Detective Superintendent Grainne Kavanagh briefed reporters on Sunday.\n\nJOURNALIST (Rhein-Zeitung): Was the '
     'man known to police?\n\nKAVANAGH: I cannot go into his history.', "known to police", "Journalist",
     "go into his history", "Grainne Kavanagh"),
    # "the question came from X:"
    ('The president took questions on Wednesday. The first question came from John Roe, a correspondent for '
     'Reforma: "Who negotiated this deal?" Jane Doe said: "The water commission did."', "Who negotiated",
     "John Roe", "water commission", "Jane Doe"),
    # '"…," came the reply' is the one asked, not the one who asked
    ('Foreign Minister John Doe held his news conference on Tuesday. "Next question, please," Doe said.\n\n'
     'Richard Roe of Kyodo News asked whether the silence could affect the talks. "Ask someone else," came '
     'the reply.', "silence could affect", "Richard Roe", "Ask someone else", "John Doe"),
    ('Foreign Minister John Doe held his news conference on Tuesday. "Talks go on," Doe said.\n\n'
     'A reporter asked: "Will you answer?" "No," came the reply.', "Will you answer", "Reporter", "No", "John Doe"),
    # a question put to someone by title ("Secretary, …?"): the bare quote that follows is the reply
    ('Transport secretary Jane Doe met reporters on Sunday.\n\n"Secretary, what caused the failure?" asked John '
     'Roe of El Universal.\n\n"A transformer that should have been replaced."', "what caused the failure",
     "John Roe", "A transformer", "Jane Doe"),
    # "X followed up" asks; a name in apposition to a title noun is that person, so "the mayor said" is hers
    ("Galway's mayor, Siobhán Kelly, faced reporters on Wednesday.\n\n\"Mayor, did you vote for it?\" asked "
     'Aoife Brennan of the Tribune.\n\n"I did, and I would do it again," the mayor said.', "did you vote",
     "Aoife Brennan", "would do it again", "Siobhán Kelly"),
    ('Interior minister Jens Hartmann appeared before reporters on Friday.\n\n"Were your officers ordered to '
     'use pepper spray?" Markus Vogt followed up.\n\n"After. I have seen the footage," he said.',
     "pepper spray", "Markus Vogt", "seen the footage", "Jens Hartmann"),
    # a question and its answer side by side are two turns, not one statement
    ('Mayor Siobhán Kelly faced reporters.\n\nAoife Brennan of the Tribune followed up: "Can you give parents '
     'a date?" "Not today. I won\'t give a date I can\'t keep," she said.', "give parents a date",
     "Aoife Brennan", "Not today", "Siobhán Kelly"),
    # a second MP asks in reported speech; the "he said" that follows is the one who answered before, not him
    ('MP George Ochieng asked the cabinet secretary, Joseph Kiprono, why fertiliser had not arrived. "The bags '
     'were delivered on time," Kiprono said.\n\nMP Paul Maina then asked whether the ministry would audit the '
     'depots. "An audit began on Monday," he said.', "audit the depots", "Paul Maina", "An audit began",
     "Joseph Kiprono"),
    # a "Q (name, outlet):" label is the named journalist's question
    ('The transcript of Wednesday\'s press conference by chief executive Jane Doe follows.\n\n'
     'Q (John Roe, Chubu Shimbun): Will the plant close?\n\nDOE: No decision has been made.',
     "Will the plant close", "John Roe", "No decision", "Jane Doe"),
    # an editor who conducted the interview asks the "Q." lines
    ('The following is an excerpt of an interview that John Roe, economics editor of the Daily Ledger, conducted '
     'on Thursday with Jane Doe, a former central banker.\n\nQ. Do you still believe the franc is overvalued?\n\nA. Less than it was.',
     "franc is overvalued", "John Roe", "Less than it was", "Jane Doe"),
    # 'She said:' after a man's question is the woman he asked, not him
    ('Jane Doe spoke to the BBC on Tuesday.\n\nThe BBC\'s John Roe asked Doe: "Will you resign?" She said: "No."',
     "Will you resign", "John Roe", "No", "Jane Doe"),
    # a paragraph that is only a question put to "you", after the article named who interviewed, is theirs; the
    # paragraph after it is the reply
    ('Jane Doe was on the radio on Tuesday, interviewed by John Roe.\n\n"Will you resign?"\n\n"No. I have work to '
     'do."', "Will you resign", "John Roe", "work to do", "Jane Doe"),
    # an unnamed presenter asks as 'Presenter', never as the one asked
    ('Jane Doe spoke to Channel 4 on Tuesday.\n\nThe presenter asked her: "Will you resign?" Doe answered: "Of '
     'course not."', "Will you resign", "Presenter", "Of course not", "Jane Doe"),
    # a paragraph that opens with a question put to "you" and answered at once is no one's but an asker's
    ('Jane Doe spoke to the BBC on Tuesday.\n\n"Do you accept the result?" "Yes," she said.', "accept the result",
     "Reporter", "Yes", "Jane Doe"),
    # 'Q:' / 'A:' lines after the article said who interviewed whom: the interviewer asks, the other answers
    ('Jane Doe was interviewed by John Roe on Tuesday. This is a transcript.\n\nQ: Will you resign?\n\nA: No.',
     "Will you resign", "John Roe", "No", "Jane Doe"),
    ('Jane Doe retired on Friday. She answered questions from the Gazette\'s John Roe.\n\nQ: Will you coach?\n\n'
     'A: Not this year.', "Will you coach", "John Roe", "Not this year", "Jane Doe"),
    # questions printed without labels after 'X sent questions to Y': Y, the one other person named, answers
    ('John Roe sent questions by email to the chef Jane Doe.\n\nYour restaurant closed last year. Will you reopen '
     'it?\n\nYes. I have signed a new lease.', "Will you reopen", "John Roe", "signed a new lease", "Jane Doe"),
    ('John Roe put questions by email to Jane Doe, the new mayor.\n\nQ: Will fares rise?\n\nA: Not while I am '
     'mayor.', "Will fares rise", "John Roe", "while I am mayor", "Jane Doe"),
    ('Jane Doe spoke to the Herald\'s John Roe on Sunday.\n\nQ: Will you resign?\n\nA: No, I will not.',
     "Will you resign", "John Roe", "I will not", "Jane Doe"),
    # 'Q.' / 'A.' in a court transcript: the counsel the article names asks, the witness answers
    ('The exchange is from the trial transcript. Ms Jane Doe appears for the plaintiff; the witness is John Roe.\n\n'
     'Q. Did you sign the sheet?\n\nA. I signed the whole folder.', "sign the sheet", "Jane Doe", "whole folder",
     "John Roe"),
    # a transcript that labels its questions with the outlet: that outlet's reporter the article named
    ('The Northport Ledger\'s health reporter, John Roe, spoke to Jane Doe, the new health chief.\n\nLEDGER: Waiting '
     'lists are growing. Will you hire more nurses?\n\nDOE: Yes, two hundred this year.', "hire more nurses",
     "John Roe", "two hundred this year", "Jane Doe"),
    # a question the one who answers "was asked" is put to them: an unnamed reporter's, the agent's, or the
    # interviewer's the article named; so is one after an opening 'Asked:'
    ('Finance minister Jane Doe faced reporters on Tuesday.\n\n"Will you resign?" she was asked.\n\n"No. I have a '
     'job to do," Doe replied.', "Will you resign", "Reporter", "job to do", "Jane Doe"),
    ('Mayor Jane Doe took questions on Thursday.\n\n"What do you say to families who lost their homes?" Doe was '
     'asked. "I say we will rebuild," she answered.', "lost their homes", "Reporter", "we will rebuild", "Jane Doe"),
    ('Jane Doe faced reporters on Tuesday.\n\n"Will you resign?" Doe was asked by the BBC\'s John Roe.\n\n"No," '
     'she said.', "Will you resign", "John Roe", "No", "Jane Doe"),
    ('Jane Doe was interviewed by John Roe on Tuesday.\n\n"Will you resign?" she was asked.\n\n"No," she said.',
     "Will you resign", "John Roe", "No", "Jane Doe"),
    ('Chancellor Jane Doe appeared on Sky News on Wednesday.\n\nAsked: "Would you rule out a wealth tax?", Doe '
     'said: "I am not going to write the budget on your programme."', "wealth tax", "Reporter", "write the budget",
     "Jane Doe"),
    # 'He also asked whether …' right after an unnamed reporter's quoted question is that reporter's (once someone
    # else is quoted, 'He then asked' is theirs: SPEAKER_CASES)
    ('Chancellor Jane Doe met the Turkish president on Friday.\n\n"Are you driving relations to dangerous levels?" '
     'the reporter asked. He also asked whether Germany would sell 40 jets.\n\n"We have not decided," Doe said.',
     "sell 40 jets", "Reporter", "not decided", "Jane Doe"),
    # an outlet that asks ('BBC Radio West Midlands asked him') is no one the reply's 'He' can be
    ('Jane Roe campaigned in Grimsby on Monday.\n\nRoe\'s answers elsewhere were just as scripted. In a separate '
     'interview, BBC Radio West Midlands asked her: "What are you getting them for Christmas?" She replied: "I\'m '
     'going to get it done."', "for Christmas", "BBC Radio West Midlands", "get it done", "Jane Roe"),
    # 'one of the hosts' asks as that unnamed role; 'another' alone names no one (see the test below)
    ('Jane Doe and John Roe were on the radio on Wednesday.\n\nStarting with Doe, one of the hosts asked whether '
     'she had ever heard a stranger excuse.\n\n"Never," Doe said.', "stranger excuse", "Host", "Never", "Jane Doe"),
    ('Jane Doe took questions on Friday. One of the reporters asked whether the deal was dead.\n\n"It is not," Doe '
     'said.', "deal was dead", "Reporter", "It is not", "Jane Doe"),
    # a role in apposition before a hyphenated name the NER took for a body ('land minister, Choi Young-soo,') is
    # that person's title, so 'the minister said' after a question is them, not the asker
    ('South Korea\'s land minister, Choi Young-soo, defended the plan on Thursday.\n\n"Why should buyers believe '
     'prices will fall?" asked Jim Doe of KBS.\n\n"Because this time we are building," the minister said.',
     "prices will fall", "Jim Doe", "we are building", "Choi Young-soo"),
    # words that address someone by their title are put to them, never theirs (here 'Pike pulled' is misparsed,
    # so the man in focus would otherwise take them)
    ('Boris Doe, the prime minister, met Jim Pike, a reporter for a television channel, at a market on Monday.\n\n'
     '"Have you seen the photo?" Pike asked as the interview began.\n\n"I have been told about it," Doe said.\n\n'
     'Doe kept his eyes elsewhere and turned to his lines on spending. Pike pulled him back. "I am talking about '
     'this patient, prime minister. How do you feel?"\n\n"I will look at it later," Doe said.', "this patient",
     "Jim Pike", "look at it later", "Boris Doe"),
    # 'X said again that …' after a quoted question reports X's own words; it does not attribute the question
    ('Jane Doe, the presenter, put the papers to him. "Did you doubt the plan?" she asked.\n\n"No," the minister '
     'replied.\n\nDoe came back to the point. "The papers record your doubts. Do you deny that?" John Roe said again '
     'that he had not seen the papers.', "Do you deny that", "Jane Doe", "had not seen the papers", "John Roe"),
]


@pytest.mark.parametrize("words, put_to_her", [
    ("I am talking about this patient, prime minister. How do you feel?", True),
    ("Thank you, Mrs Doe. Next question.", True),
    ("Prime Minister, will you resign?", True),
    ("As the prime minister said, we will win.", False),  # about her, not to her
    ("Thank you, Mr Speaker. The bill will pass.", False),  # to someone else
    ("The prime minister is right.", False),
    ("Mr. President, with respect, you are wrong.", False),  # she is no president
])
def test_words_that_address_someone_are_put_to_them(words, put_to_her):
    from tracker.extraction.answers import addressed

    assert addressed(words, "Jane Doe", "british prime minister") == put_to_her


@pytest.mark.parametrize("text, question, asker, answer, answerer", QUESTION_SHAPES)
def test_a_question_stays_the_askers_and_the_answer_keeps_it(run, text, question, asker, answer, answerer):
    found = run(text)
    q, a = one(found, question), one(found, answer)
    assert q is not a, "the question was joined to its answer"
    assert (q.speaker, a.speaker) == (asker, answerer)
    assert question in a.context


def test_narration_between_two_quotes_of_one_speaker_keeps_them_apart(run):
    found = run('"It is over," John Roe said. He looked tired. "We lost the vote and we know it."')
    assert one(found, "It is over") is not one(found, "lost the vote")
    assert one(found, "lost the vote").speaker == "John Roe"
    joined = run('"It is over," John Roe said. "We lost the vote and we know it."')
    assert one(joined, "It is over") is one(joined, "lost the vote")


def test_an_unattributed_quote_with_no_one_in_focus_is_left_out(run):
    assert not run('"We will be back stronger than ever before."')


def test_a_label_that_names_no_one_the_article_knows_is_no_transcript_line(run):
    assert not run("Note: this story was updated with the minister's reply.")
    assert not run("A: an answer from someone the article never named.")


def test_a_year_dates_only_what_was_said_then(run):
    assert one(run("In 2023, Jane Doe said taxes would rise."), "taxes").date == dt.date(2023, 1, 1)
    assert one(run("Jane Doe, who became leader in 2017, said taxes would rise."), "taxes").date == DAY
    found = run("In 2007 she resigned abruptly, and Jane Doe said she had decided to go now.")
    assert one(found, "decided to go").date == DAY
    assert one(run("Jane Doe said in 2030 that taxes would rise."), "taxes").date == DAY  # ahead: no date


def test_a_count_is_no_speaker_but_number_10_is(run):
    assert not run("Four of the nine members backed a cut in rates.")
    assert one(run("No 10 refused to give ground on the figures."), "refused to give ground").speaker == "Downing Street"


def test_what_a_body_usually_does_is_no_position_taken(run):
    assert not run("Downing Street usually plays down rows between ministers, and routinely declines to comment.")
    assert run("Downing Street played down the row on Monday.")


def test_a_passive_position_names_no_speaker(run):
    assert not run("The plan was backed by most of the cabinet.")


def test_his_spokesman_is_the_one_mans_spokesman_the_article_named(run):
    found = run('Mr. John Roe was asked about the plan. "It is not my job to comment," his spokesman said.')
    assert one(found, "not my job").speaker == "John Roe's spokesman"
    two = run('John Roe, the minister, met Mr. Max Poe, his deputy. "No comment," his spokesman said.')
    assert one(two, "No comment").speaker == "Spokesman"  # two men named: whose spokesman is not guessed


@pytest.mark.parametrize("sentence, content", [
    ("Taxes will rise, Jane Doe said.", "Taxes will rise"),
    ("The deal is off, a senior official said on Monday.", "The deal is off"),
    ("Taxes will rise, according to Jane Doe.", "Taxes will rise"),
    ("Jane Doe made clear that taxes would rise.", "taxes would rise"),
    ("Jane Doe maintained that taxes would rise.", "taxes would rise"),
])
def test_reported_speech_in_other_shapes(run, sentence, content):
    assert one(run(sentence), content).text == content


@pytest.mark.parametrize("sentence", [
    "Mainstream parties maintain a firewall against the far right.",  # maintain: keep, not say
    "Speaking to a gathering of leaders, the minister recalled meeting a patient.",  # not a clause said
    "An official confirmed that the talks had failed, according to CNN.",  # CNN reported what the official said
])
def test_look_alikes_of_reported_speech_are_not_statements(run, sentence):
    found = run(sentence)
    assert not [s for s in found if s.text.startswith(("Mainstream", "against", "Speaking"))]
    assert "CNN" not in [s.speaker for s in found]


@pytest.mark.parametrize("text, needle, speaker", [
    ("The Bank of England cut rates on Thursday. In its statement, the central bank said future cuts would be "
     "gradual.", "future cuts", "Bank of England"),
    ("Members of the GDL union walked out. The union said the strike would last six days.", "six days", "GDL"),
    ("Deutsche Bahn, the state-owned railway company, made an offer. The company said it was fair.", "fair",
     "Deutsche Bahn"),
    # two bodies could be meant: no guess
    ("Deutsche Bahn, the railway company, and Siemens, the engineering company, met. The company said it was "
     "fair.", "fair", "Company"),
])
def test_the_company_is_the_one_company_the_article_named(run, text, needle, speaker):
    s = one(run(text), needle)
    assert (s.speaker, s.speaker_kind) == (speaker, "organisation")


def test_a_weekday_before_the_name_without_a_comma_leaves_the_speaker_alone(run):
    s = one(run("On Monday Keir Starmer said he would cut taxes."), "cut taxes")
    assert (s.speaker, s.date, s.text) == ("Keir Starmer", dt.date(2025, 8, 18), "he would cut taxes")


def test_a_month_opening_the_sentence_dates_it(run):
    assert one(run("In March Keir Starmer said he would cut taxes."), "cut taxes").date == dt.date(2025, 3, 1)


@pytest.mark.parametrize("text, later, earlier", [
    ('Jane Doe said on Tuesday that she no longer supports the bridge. In March she said: "We will build this '
     'bridge."', "no longer supports", "We will build"),
    ("On Monday Keir Starmer said he would cut taxes. On Wednesday he reversed course, saying taxes would stay.",
     "taxes would stay", "cut taxes"),
    *[(f"On Monday Keir Starmer said taxes were a burden. On Wednesday he {shift}, saying taxes would stay.",
       "taxes would stay", "were a burden") for shift in ("reversed himself", "backed away from the pledge",
                                                         "abandoned the pledge", "withdrew the remarks")],
])
def test_a_shift_the_writer_reports_links_to_the_earlier_position(run, text, later, earlier):
    found = run(text)
    assert found[found.index(one(found, later))].contrasts == found.index(one(found, earlier))


@pytest.mark.parametrize("text, recalled", [
    ('On May 3 Jane Doe said: "The toll is here to stay."\n\nOn Friday Jane Doe reversed course on the toll, '
     'abandoning a position she had defended for a year.', "defended for a year"),
    ('Six weeks after telling drivers they could no longer count on free crossings, Mayor Jane Doe has '
     'backtracked.\n\nOn January 9 Mayor Jane Doe had said: "The toll is here to stay."', "no longer count"),
])
def test_the_position_a_shift_sentence_recalls_is_no_later_end_of_it(run, text, recalled):
    assert one(run(text), recalled).contrasts is None


def test_a_shift_links_to_the_statement_whose_words_it_quotes_even_on_the_same_day(run):
    text = ('Jane Doe on Tuesday night walked back a remark that appeared to call her rivals "cowards", insisting '
            'that she had meant their campaign.\n\nSpeaking at noon on Tuesday, Doe had said: "They are cowards, '
            'every one of them." Hours later she said: "My words were about a campaign, not about people."')
    found = run(text)
    assert found[one(found, "walked back").contrasts] is one(found, "They are cowards")


@pytest.mark.parametrize("text", [
    'Jane Doe said on Friday she regrets warning that the city risked "chaos". On May 3 she had said: "This '
    'city risks chaos if the plan goes ahead."',
    'Jane Doe apologised on Friday for saying that the city risked chaos. On May 3 she had said: "This city '
    'risks chaos if the plan goes ahead."',
])
def test_taking_back_ones_own_words_is_a_reported_shift(run, text):
    found = run(text)
    assert {found[s.contrasts].text for s in found if s.contrasts is not None} == {
        "This city risks chaos if the plan goes ahead."}


def test_no_longer_about_a_thing_is_no_shift_of_anyone(run):
    assert all(s.contrasts is None for s in run("On Monday the engineer said the bridge was safe. The bridge is no "
                                                 "longer safe, the engineer said on Tuesday."))


@pytest.mark.parametrize("sentence, speaker", [
    # people familiar with something are an unnamed source
    ("People familiar with the talks said the president was frustrated.", "People familiar with the talks"),
    ("A person familiar with the matter said the deal was close.", "Person familiar with the matter"),
    ("A source close to the minister said the deal was close.", "Source close to the minister"),
    # a spokesperson for someone keeps whose
    ("A spokesperson for the Foreign Office said the talks would continue.", "Foreign Office spokesperson"),
    ("A spokeswoman for the Ministry of Defence said the talks would continue.", "Ministry of Defence spokeswoman"),
    ("A spokesman for Chancellor Olaf Scholz said the talks would continue.", "Olaf Scholz's spokesman"),
])
def test_an_unnamed_source_is_named_by_its_role(run, sentence, speaker):
    s = one(run(sentence), sentence.split(" said ")[1][:12])
    assert (s.speaker, s.speaker_kind) == (speaker, "anonymous")


def test_a_quoted_word_inside_reported_speech_keeps_its_closing_mark(run):
    text = 'Jane Doe called the deal "a disaster".'
    s = one(run(text), "the deal")
    assert s.text == text[s.start:s.end] == 'the deal "a disaster"'


def test_the_parse_comma_after_a_lead_time_phrase_never_reaches_a_statement(run):
    text = "On Monday Keir Starmer's plan collapsed, according to Jane Doe."
    s = one(run(text), "plan collapsed")
    assert "," not in s.text and s.text == text[s.start:s.end]


@pytest.mark.parametrize("sentence, phrase", [
    ("Jane Doe ruled out a tax rise.", "ruled out a tax rise"),
    ("Jane Doe did not rule out sending troops.", "did not rule out sending troops"),
    ("Jane Doe has not ruled out a tax rise.", "has not ruled out a tax rise"),
])
def test_ruling_out_keeps_its_words_and_its_negation(run, sentence, phrase):
    """'ruled out X' read as a report of 'X' would say the opposite of what was said."""
    found = run(sentence)
    assert [(s.kind, s.text) for s in found] == [("description", phrase)]


@pytest.mark.parametrize("sentence, text", [
    ("Jane Doe denied that she had misled parliament.", "denied that she had misled parliament"),
    ("Jane Doe did not deny that she had misled parliament.", "did not deny that she had misled parliament"),
    ("Jane Doe would not confirm that she had misled parliament.", "would not confirm that she had misled parliament"),
])
def test_a_denial_keeps_its_verb(run, sentence, text):
    """'denied that X' or 'would not confirm that X' reported as 'X' would say what was not said."""
    assert one(run(sentence), "misled parliament").text == text


def test_a_vote_is_an_act_not_a_statement(run):
    assert not run("Jane Doe voted against the bill.")


def test_a_name_in_apposition_between_quote_and_verb_is_the_speaker(run):
    s = one(run('"We will not back down," the prime minister, Keir Starmer, said.'), "back down")
    assert s.speaker == "Keir Starmer"


def test_bare_quote_paragraphs_of_an_interview_take_turns(run):
    found = run('NBC host Kristen Welker spoke to Donald Trump.\n\n"Would you accept the result?"\n\n'
                '"If it is fair, of course."\n\n"And if it is not?"\n\n"Then we will see."')
    assert [s.speaker for s in found] == ["Kristen Welker", "Donald Trump", "Kristen Welker", "Donald Trump"]


def test_a_question_asked_for_effect_keeps_its_speaker_for_the_next_quote(run):
    found = run('Jane Doe asked: "Who will pay for this?"\n\n"Not the taxpayers, that is for sure."')
    assert one(found, "Not the taxpayers").speaker == "Jane Doe"


def test_a_reporter_who_asks_again_in_a_bare_paragraph_is_still_the_reporter(run):
    found = run('"Will you resign?" a reporter asked Jane Doe. "No, I will not," she said.\n\n"Not even next year?"\n\n'
                '"Not even then."')
    assert [s.speaker for s in found] == ["Reporter", "Jane Doe", "Reporter", "Jane Doe"]


@pytest.mark.parametrize("text, needle, speaker", [
    ('The European Commission and Germany said on Tuesday that they had settled the dispute.', "settled the dispute",
     "European Commission and Germany"),
    ('The army and the national police issued a joint statement. "Any act against the constitution is a crime," '
     'they said.', "Any act against", "Army and national police"),
    ('Marta Ruiz and Tom Hale said the bill would pass.', "the bill would pass", "Marta Ruiz and Tom Hale"),
])
def test_a_subject_of_names_or_bodies_joined_by_and_speaks_as_one_group(run, text, needle, speaker):
    assert one(run(text), needle).speaker == speaker


def test_quotations_in_single_quotes_are_quotes_and_apostrophes_are_not(run):
    found = run("Sophie Marchand said: 'We will stay out. That's the message.' The minister's aide "
                "told France Inter he was 'open to dialogue' but would not reopen the question. "
                "'The law has been voted,' he added.")
    assert one(found, "We will stay out").text == "We will stay out. That's the message."
    assert one(found, "We will stay out").speaker == "Sophie Marchand"
    assert one(found, "The law has been voted").kind == "direct"


@pytest.mark.parametrize("text, needle, said", [
    ('Jane Doe said: "I told them \'no\' twice."', "I told them", "I told them 'no' twice."),  # nested: as written
    ("Jane Doe said the plan would rest on 'security guarantees' from allies.", "security guarantees",
     "the plan would rest on 'security guarantees' from allies"),  # the writer's marks, though read as double
])
def test_a_statement_keeps_the_single_quotes_its_writer_used(run, text, needle, said):
    assert one(run(text), needle).text == said


def test_a_second_that_clause_is_a_claim_of_its_own(run):
    found = run("Claus Weselsky told ARD that he was willing to compromise but that the railway had to move first.")
    assert [s.text for s in found if s.kind == "reported"] == ["he was willing to compromise",
                                                               "the railway had to move first"]


def test_a_report_inside_a_question_pressed_on_someone_is_part_of_the_question(run):
    found = run("John Roe took questions on Friday. A reporter pressed him on why the notice had said the launch was "
                "not confirmed. Roe said he had the warning at 7:42.")
    assert [(s.speaker, s.text) for s in found][:1] == [("Reporter", "why the notice had said the launch was not "
                                                                     "confirmed")]


@pytest.mark.parametrize("sentence, content", [
    ("John Roe insisted the same day that the pause was not about politics.", "the pause was not about politics"),
    ("John Roe told the same programme he had spoken to the director by phone.",
     "he had spoken to the director by phone"),
    ("John Roe accepted that trust had become an issue in the campaign.", "trust had become an issue in the campaign"),
    ("John Roe jokes that he is already looking forward to a call about it.",
     "he is already looking forward to a call about it"),
    ("John Roe said that trust had become an issue.", "trust had become an issue"),
])
def test_a_content_clause_the_parser_misread_is_still_what_was_said(run, sentence, content):
    assert [s.text for s in run(sentence) if s.kind == "reported"] == [content]


def test_a_parenthetical_he_is_never_the_one_the_clause_is_about(run):
    found = run('Max Poe warned on Monday. John Roe turned it around: Poe, he said, is "afraid of us".')
    assert not [s for s in found if s.speaker == "Max Poe" and "afraid" in s.text]
    assert [s.text for s in run("Jane Doe spoke. The plan, she said, would fail.")] == ["The plan would fail"]
    assert [s.text for s in run("Jane Doe spoke.\n\nThe plan, she said, would fail.")] == ["The plan would fail"]


def test_a_second_that_clause_the_parser_joined_to_the_verb_is_a_claim_of_its_own(run):
    found = run("Pressed on the plant, John Roe said it did, but that ministers would rather see a private buyer.")
    assert [s.text for s in found if s.kind == "reported"] == ["it did", "ministers would rather see a private buyer"]


def test_that_as_a_pronoun_does_not_split_a_claim(run):
    found = run("Jane Doe said the deal was off and that was that.")
    assert [s.text for s in found if s.kind == "reported"] == ["the deal was off and that was that"]


@pytest.mark.parametrize("text, needle, speaker", [
    ('Health minister Kwabena Mensah said the outbreak was "under control". A second reporter was not convinced. '
     '"Why were the first cases hidden for nine days?" she asked.', "hidden for nine days", "Reporter"),
    ("Athletics chief Mary Chebet faced questions on Wednesday. \"How can anyone trust a medal now?\" one journalist "
     "asked.", "trust a medal", "Reporter"),
    ('The ministry spokeswoman, Hua Chunying, took questions on Thursday. The AFP correspondent put it this way: '
     '"Will China condemn the attack?"', "condemn the attack", "Reporter"),
])
def test_a_question_after_an_unnamed_reporter_is_the_reporters(run, text, needle, speaker):
    assert one(run(text), needle).speaker == speaker


def test_a_question_put_to_a_guest_by_a_host_is_the_hosts(run):
    found = run('Tourism minister Giulia Ferraresi appeared on Prima Serata on Friday. "Isn\'t five euros just a '
                'ticket to a theme park?" host Lucia Bernardi put it to her. "It keeps the city alive," Ferraresi said.')
    assert one(found, "ticket to a theme park").speaker == "Lucia Bernardi"
    assert one(found, "keeps the city alive").context.startswith("Isn't five euros")


@pytest.mark.parametrize("dateline", ["CLIVE, Iowa - ", "JEDDAH, Saudi Arabia - ", "LONDON (Reuters) - "])
def test_a_dateline_with_a_state_country_or_agency_is_not_part_of_the_lede(run, dateline):
    found = run(dateline + 'Donald Trump and his running mate Mike Pence toured the state on Monday. '
                '"We will win Iowa," Trump said.')
    assert one(found, "We will win Iowa").speaker == "Donald Trump"


@pytest.mark.parametrize("day, president", [(dt.date(2019, 1, 3), "Donald Trump"), (dt.date(2013, 1, 3), "Barack Obama")])
def test_the_president_is_who_held_the_office_that_day_though_the_article_never_gives_the_title(run, day, president):
    found = run("Senator Jane Roe attacked the character of Donald Trump in an opinion piece, and Barack Obama's "
                "old aides cheered her on.\n\n\"Here we go again, but so fast!\" the president wrote.", day=day)
    assert one(found, "Here we go again").speaker == president


def test_the_us_president_is_not_the_president_the_article_titles(run):
    found = run("China's foreign ministry denounced Joe Biden for lumping President Xi Jinping together with "
                "dictators.\n\nMr Biden had been talking to donors.\n\n\"I'm serious,\" the president said.",
                day=dt.date(2023, 6, 21))
    assert one(found, "I'm serious").speaker == "Joe Biden"


def test_a_title_put_to_the_one_who_held_it_that_day_is_no_word_of_theirs(run):
    found = run("Boris Johnson visited a fish market on Monday.\n\nReporter Joe Pike showed him a photo. \"Have you seen "
                "the photo?\" Pike asked.\n\n\"I have been told about it,\" Johnson said.\n\nJohnson kept his eyes "
                "elsewhere. Pike pulled him back. \"I'm talking about this boy, prime minister.\"", day=dt.date(2019, 12, 9))
    assert one(found, "this boy").speaker == "Joe Pike"


def test_a_city_in_any_case_before_its_agency_is_a_dateline(run):
    found = run("Kinloch (AFP) - Gambia's president-elect Tom Barrow said Saturday that the outgoing leader had no "
                "authority to annul the result, a day after he reversed his concession.")
    assert one(found, "no authority to annul").speaker == "Tom Barrow"


def test_a_quote_with_an_attribution_of_its_own_after_a_full_stop_is_a_statement_of_its_own(run):
    """'X replied: "Yes." He went on: "…"': two attributions, two statements ('"A," X said, "B"' stays one)."""
    found = run('Asked whether Leave had won, the co-founder Tom Vale replied: "Yes." He went on: "There are lots of '
                'results to come in." Later he added: "It looks good," he said, "for us."')
    assert [s.text for s in found if s.kind == "direct"] == ["Yes.", "There are lots of results to come in.",
                                                             "It looks good for us."]


def test_a_section_label_a_headline_and_crossheads_are_no_statements(run):
    found = run("Covid-19\nVale tells parliament he 'never said a bad word' about Lee as the row goes on\n"
                "Tom Vale told parliament on Thursday that he had praised Dr Ann Lee.\n"
                "Moscow denies orchestrating arrivals\n"
                "Russia rejected the claims.")
    assert [s.text for s in found if s.kind == "reported"] == ["he had praised Dr Ann Lee"]


def test_a_word_the_tagger_took_for_a_name_in_lower_case_is_no_one(run):
    found = run('Labour leader Ed Miliband asked the prime minister to confirm that he would not use the royal '
                'prerogative.\n\nCameron, looking shaken, replied: "I can give that assurance." He went on: "I strongly '
                'believe in respecting the will of this House."')
    assert "shaken" not in {s.speaker for s in found}


def test_a_surname_met_before_the_full_name_is_the_person_named_in_full_further_down(run):
    """A live blog with its newest entries first names someone by surname long before it gives the full name."""
    found = run('Opposition leader Tom Reyes asked the premier to confirm that he would not use emergency powers.\n\n'
                'Holloway, looking shaken, replied: "I can give that assurance." He went on: "I believe in respecting '
                'the will of this House."\n\nEarlier in the day Mark Holloway had defended the plan in a speech.')
    assert one(found, "respecting the will").speaker == "Mark Holloway"


@pytest.mark.parametrize("dateline", ["LONDON, June 18 - ", "TOKYO, Oct. 12, 2025 - ", "NEW DELHI, Dec 4 (Reuters) - ",
                                      "LONDON -- ", "LIVERPOOL, 22 September - ", "PARIS, 3 March 2024 - ",
                                      "OAKLAND, Calif., July 24 -- "])
def test_a_dateline_with_a_day_is_not_part_of_the_lede(run, dateline):
    """The day a dateline gives does not run into the name after it, which the tagger then misses."""
    found = run(dateline + "Keir Starmer was repeatedly asked on Tuesday whether he would have served in a Jeremy "
                'Corbyn cabinet. "It was a pure hypothetical," Starmer said.')
    assert one(found, "pure hypothetical").speaker == "Keir Starmer"
    found = run(dateline + "Jane Doe has said she understands why voters are angry about the gifts, but denied that "
                "she had broken the rules.")
    assert one(found, "voters are angry").speaker == "Jane Doe"


@pytest.mark.parametrize("attribution, speaker", [
    ("press secretary Karine Jean-Pierre says of the president", "Karine Jean-Pierre"),
    ("foreign minister Sergei Lavrov told reporters", "Sergei Lavrov"),
])
def test_a_lower_case_title_and_a_name_after_a_quote_attribute_it(run, attribution, speaker):
    found = run(f'Matt Gaetz spoke first. "The urgent challenges facing our nation will not wait," {attribution}.')
    assert one(found, "urgent challenges").speaker == speaker


def test_a_thing_as_an_indefinite_subject_is_no_unnamed_speaker(run):
    found = run('Marco Rubio appeared on Sunday. A settlement, he said, "would demand concessions from both sides".')
    assert all(s.speaker != "Settlement" for s in found)


def test_a_date_in_a_relative_clause_about_the_speaker_is_not_when_they_spoke(run):
    found = run("Samuel Kiplagat, who was appointed Inspector General in January, told journalists on Tuesday "
                "that the inquiry would be independent.\n\nJane Doe, who took office in March, said the "
                "inquiry was welcome.\n\nJohn Roe, who spoke to reporters on Monday, said it was too late.")
    assert one(found, "would be independent").date == dt.date(2025, 8, 19)
    assert one(found, "inquiry was welcome").date == dt.date(2025, 8, 19)
    assert one(found, "too late").date == dt.date(2025, 8, 18)  # a clause that says when he spoke still dates it


def test_a_day_named_in_a_transcript_line_is_not_the_day_it_was_said(run):
    found = run("Jane Doe spoke to a reporter on Tuesday.\n\nQ: Why did the board stop buying francs in May?\n\n"
                "A: Because it had to.")
    assert one(found, "stop buying francs").date == one(found, "Because it had to").date == dt.date(2025, 8, 19)


def test_a_live_blog_entry_label_is_a_time_on_the_blogs_own_day(run):
    found = run("Overnight - Jane Doe said on Monday night that she would force a vote.\n\n"
                "Midday - John Roe told reporters that he would vote against her.")
    assert one(found, "force a vote").date == dt.date(2025, 8, 18)
    assert one(found, "vote against her").date == DAY

def test_reminding_someone_that_reports_a_claim_and_reminding_of_a_thing_does_not(run):
    found = run("Appearing on Sunday, Senator John Doe was confronted with the figures. Jane Roe reminded him that "
                "rents had climbed by nine per cent.\n\nLater Tom Green reminded her of her record in the House.")
    reported = [(s.speaker, s.text) for s in found if s.kind == "reported"]
    assert reported == [("Jane Roe", "rents had climbed by nine per cent")]


def test_a_question_pressed_on_or_over_is_the_askers(run):
    found = run("Senator Jane Roe pressed the general on why the plan had failed.\n\n"
                "The host, John Doe, challenged him over whether the troops would stay.")
    asked = {s.text: s.speaker for s in found if s.kind == "reported"}
    assert asked == {"why the plan had failed": "Jane Roe", "whether the troops would stay": "John Doe"}


def test_a_refusal_on_a_weekday_night_is_a_description(run):
    found = run("DUBLIN - John Roe refused on Thursday night to say whether he was one of three witnesses.")
    assert [(s.speaker, s.kind) for s in found] == [("John Roe", "description")]


def test_an_opening_asked_clause_is_no_question_of_the_one_who_answers(run):
    # the tagger reads "Asked" here as a past tense; it is a participle: the question is an unnamed reporter's
    found = run("Asked how the government had made such a mess of Irish Water, Enda Kenny said it was hard.")
    assert [(s.speaker, s.text) for s in found] == [("Reporter", "how the government had made such a mess of Irish Water"),
                                                    ("Enda Kenny", "it was hard")]


def test_conceding_a_thing_reports_nothing_and_conceding_that_reports_the_clause(run):
    found = run("John Roe conceded some ground on Monday.\n\nJane Doe conceded that the plan had failed.")
    assert [(s.speaker, s.text) for s in found if s.kind == "reported"] == [("Jane Doe", "the plan had failed")]


_UNLABELLED = ("SINGAPORE - Prime Minister John Roe spoke {who} on Thursday.\n\n"
               "Is the trade deal done, do you think?\n\nI think that is a done deal.\n\n"
               "What will you tell the president?\n\nWe will talk about trade.\n\nWill you go again next year?\n\nYes.")


def test_an_interview_printed_without_labels_takes_turns(run):
    found = run(_UNLABELLED.format(who="in an interview with CNBC's Mary Tan"))
    assert [(s.speaker, s.text) for s in found if s.kind == "direct"] == [
        ("Mary Tan", "Is the trade deal done, do you think?"), ("John Roe", "I think that is a done deal."),
        ("Mary Tan", "What will you tell the president?"), ("John Roe", "We will talk about trade."),
        ("Mary Tan", "Will you go again next year?"), ("John Roe", "Yes.")]


def test_unlabelled_questions_with_no_interviewer_named_are_no_ones(run):
    found = run(_UNLABELLED.format(who="on a television channel"))
    assert [s for s in found if s.kind == "direct"] == []


@pytest.mark.parametrize("when, day", [
    ("last Wednesday", dt.date(2025, 8, 13)),  # the paper is Wednesday's: a week ago
    ("on Wednesday last week", dt.date(2025, 8, 13)),
    ("on Monday last week", dt.date(2025, 8, 11)),
    ("on Wednesday", dt.date(2025, 8, 20)),
])
def test_a_weekday_last_week_is_in_the_week_before(run, when, day):
    found = run(f"Jane Roe said {when} that taxes would rise.", day=dt.date(2025, 8, 20))
    assert one(found, "taxes would rise").date == day


def test_asking_for_anonymity_puts_no_question(run):
    found = run("Liberal MP Nathaniel Erskine-Smith said the leader had to listen.\n\nOne Ontario Liberal MP, who asked "
                "for anonymity to speak candidly, played down the size of the revolt. \"This is not 40 or 50 MPs,\" the "
                "MP said.")
    assert one(found, "40 or 50").context == ""


def test_the_owner_of_a_reply_that_is_the_subject_is_in_focus(nlp):
    from tracker.extraction.discourse import Discourse
    from tracker.extraction.speakers import register_people

    state = Discourse()
    state.register("Keir Starmer", "", 0, True)
    doc = nlp("Starmer's handwritten reply was warm but did not argue.")
    assert doc[0].dep_ == "poss" and doc[0].pos_ != "PROPN"  # the shape this covers: a surname the tagger took for a noun
    register_people(doc, 100, state, lambda offset: False)
    assert (100, True) in state.people["Keir Starmer"].mentions


def test_a_name_in_a_second_reported_clause_is_no_subject_in_focus(nlp):
    from tracker.extraction.discourse import Discourse
    from tracker.extraction.speakers import register_people

    state = Discourse()
    state.register("Olaf Scholz", "", 0, True)
    doc = nlp("The spokesman said the chancellery had summoned the envoy on Wednesday morning, and that Scholz expected "
              "Abbas to recognise the singularity of the Holocaust.")
    register_people(doc, 100, state, lambda offset: False)
    at = 100 + doc.text.index("Scholz")
    assert (at, True) not in state.people["Olaf Scholz"].mentions


def test_a_subject_in_a_state_before_a_colon_speaks_the_quote(run, nlp):
    # 'was unconvinced' parses here as a passive; its subject (the name in apposition) still says the words
    line = 'The presenter, Jo Roe, was unconvinced: "You have not repeated them at all."'
    assert next(t for t in nlp(line) if t.text == "presenter").dep_ == "nsubjpass"  # the shape this covers
    found = run('Doe stands by her figures\n\nLater Jane Doe was on the radio. "I know my figures," she insisted.\n\n'
                + line)
    assert one(found, "repeated them at all").speaker == "Jo Roe"


def test_a_bare_reply_after_a_hosts_words_put_to_you_is_the_guests(run):
    found = run('Doe stands by her figures\n\nJane Doe was on the radio on Tuesday. "Where will the money come from?" '
                'the presenter, Jo Roe, asked.\n\n"From tax cuts," Doe said.\n\nThe presenter, Jo Roe, was unconvinced: '
                '"You have not repeated them at all."\n\n"Well, I can repeat them now."')
    assert one(found, "repeated them at all").speaker == "Jo Roe"
    assert one(found, "repeat them now").speaker == "Jane Doe"


def test_a_verb_the_parser_hung_on_its_subject_still_has_that_subject(run, nlp):
    line = ("The agency's interviewer, who is never seen on camera, opened by asking how he responded to the "
            "charge.")
    doc = nlp(line)
    assert doc[3].dep_ == "ROOT" and doc[3].text == "interviewer"  # the shape this covers: a sentence with a noun root
    found = run("Sam Roe spoke to a news agency on Tuesday. " + line)
    assert one(found, "how he responded").speaker == "Interviewer"


@pytest.mark.parametrize("text, needle, day", [
    # a day less than half a year ahead, in a sentence that says it was said then: last year's
    ('Jane Roe defended the levy on Friday.\n\nOn August 16, five days before polling day, Roe told voters: "There '
     'will be no levy."', "no levy", dt.date(2024, 8, 16)),
    ("Jane Roe defended the levy on Friday.\n\nJohn Doe had been as firm. \"We have ruled it out,\" he said on "
     "August 12.", "ruled it out", dt.date(2024, 8, 12)),
    # an abbreviated month does not end the sentence that holds the quote
    ('Jane Roe defended the levy on Friday.\n\nWhen the party voted against it, she said on Sept. 25: "A motion '
     'does not dictate policy."', "does not dictate", dt.date(2024, 9, 25)),
])
def test_a_day_said_months_ago_dates_its_statement(run, text, needle, day):
    assert one(run(text, day=dt.date(2025, 2, 25)), needle).date == day


def test_a_quote_takes_the_day_of_the_act_it_belongs_to(run):
    # 'Roe reversed course on Oct. 11, writing …: "…"': the day in her own description of that sentence is the quote's
    found = run('Premier Jane Roe took questions on Monday.\n\nIn a livestream on April 29, she had offered her view: '
                '"Neutrality is the only answer."\n\nWhen those comments resurfaced, Jane Roe reversed course on Oct. 11, '
                'writing on Twitter that she now condemned the invasion outright: "My opinion of this matter has '
                'drastically evolved since that time."', day=dt.date(2022, 11, 28))
    assert one(found, "drastically evolved").date == dt.date(2022, 10, 11)


def test_a_near_day_that_looks_ahead_dates_nothing(run):
    found = run('Jane Roe spoke on Tuesday.\n\nShe said the vote on August 12 would pass. "We have the numbers," '
                'she added.', day=dt.date(2025, 2, 25))
    assert one(found, "the numbers").date == dt.date(2025, 2, 25)


@pytest.mark.parametrize("text, needle, day", [
    # 'he said then', 'wrote at the time': the time named last, at its own precision
    ('Jane Roe cut the targets on Thursday.\n\nWhen John Doe unveiled the plan in November 2022, Roe wrote at the time: '
     '"We are setting higher targets."', "higher targets", "2022-11"),
    ('Jane Roe cut the targets on Thursday.\n\nAs recently as April, in Halifax, Roe was still defending them. "It is '
     'a responsible approach," she said then.', "responsible approach", "2025-04"),
    # a day after the month is that day, not the month
    ('Jane Roe cut the targets on Thursday.\n\nAs recently as May 7, she told MPs: "The targets stay."', "targets stay",
     "2025-05-07"),
])
def test_then_is_the_time_named_last(run, text, needle, day):
    s = one(run(text, day=dt.date(2025, 10, 24)), needle)
    assert s.date.isoformat()[:len(day)] == day and (len(day) == 10 or s.date_precision == "month")


@pytest.mark.parametrize("title", ["Supervisor", "Assemblymember", "Alderwoman", "Councilmember"])
def test_local_office_titles_are_no_part_of_the_name(run, title):
    found = run(f'Governor Jane Doe spoke on Thursday.\n\n{title} Joel Roe posted on Friday: "I disagree with the '
                'governor."')
    assert one(found, "I disagree").speaker == "Joel Roe"


@pytest.mark.parametrize("verb", ["agreed", "confirmed", "conceded"])
def test_agreeing_and_confirming_attribute_a_quote(run, verb):
    found = run("Former chief executive Jane Roe gave evidence on Friday.\n\nCounsel John Doe asked whether that had "
                f"meant a lost decade.\n\n\"It may well have done,\" she {verb}.")
    assert one(found, "may well have done").speaker == "Jane Roe"


def test_a_surname_the_tagger_took_for_an_adjective_is_the_subject(run, nlp):
    line = 'Mahuta, as host, opened the press conference. "I am pleased to be here," she said.'
    assert nlp(line)[0].pos_ == "ADJ"  # the shape this covers
    found = run("Foreign Minister Penny Wong met her counterpart, Nanaia Mahuta, in Wellington.\n\n" + line)
    assert one(found, "pleased to be here").speaker == "Nanaia Mahuta"


@pytest.mark.parametrize("subject, speaker", [
    ("The Italian Red Cross, which runs the centre,", "Italian Red Cross"),  # a body by its capitalised name
    ("The Alaska Republican", "Jane Roe"),  # a party member is a person, the one in focus
])
def test_a_capitalised_body_after_the_is_no_person_in_focus(run, subject, speaker):
    found = run(f"Senator Jane Roe visited the island on Sunday.\n\n{subject} said 1,500 people were still there.")
    assert one(found, "still there").speaker == speaker


def test_the_subject_of_a_subordinate_clause_made_the_root_is_no_main_subject(nlp):
    from tracker.extraction.names import main_clause

    doc = nlp('Bash opened that part of the interview with the label that has dogged the Republican ticket since Walz, '
              'weeks before Kamala Harris picked him as her running mate, called Trump and Vance "just weird".')
    harris = next(t for t in doc if t.text == "Harris")
    assert harris.head.dep_ == "ROOT" and any(c.lower_ == "before" for c in harris.head.children)  # the shape
    assert not main_clause(harris)
    assert main_clause(doc[0])  # 'Bash', whose verb the parser hung under the misread root, still is

def test_after_a_guest_turns_a_question_back_a_bare_question_is_the_hosts_again(run):
    found = run('Minister Jane Doe went on the morning programme with John Roe. "It has been a hard week," Roe began. '
                '"Just tell me: why did you drop the case?"\n\n'
                '"I was only looking to have my costs covered," she replied.\n\n'
                'Then she turned the question on her interviewer. "Would you want people to know your business?" '
                'she asked.\n\n"This was information from the court papers?"\n\n'
                '"We are at a very early stage here," she said.')
    assert one(found, "information from the court papers").speaker == "John Roe"
    assert one(found, "very early stage").speaker == "Jane Doe"


@pytest.mark.parametrize("sentence, kept", [
    ("The interview was recorded at the palace on Thursday and broadcast on BBC Two on Saturday night.", ["Thursday"]),
    ("The interview, recorded in Downing Street and broadcast on Monday, drew complaints.", ["Monday"]),  # no day recorded
])
def test_the_day_a_recorded_interview_went_out_is_no_day_it_was_said(sentence, kept):
    from tracker.extraction.dates import find_cues

    assert [c.match.group(0) for c in find_cues(sentence, [])] == kept


def test_a_pronoun_opening_the_paragraph_after_someone_of_unknown_gender_spoke_is_them(run):
    found = run('Spokeswoman Joyce Mogtari thanked voters. "This is a clear mandate," she said.\n\n'
                'Jean Mensa, the commission chair, announced the result. "I hereby declare the winner," Mensa said.\n\n'
                'She said the remaining ballots could not change the outcome.')
    assert one(found, "remaining ballots").speaker == "Jean Mensa"


def test_a_pronoun_after_the_answer_stays_with_the_woman_asking(run):
    found = run('Jane Roe asked about the defeats. "Are you confident?" she asked.\n\n'
                '"It was a successful year," Modi replied.\n\n'
                'She pressed him: "Don\'t you consider this a loss?"')
    assert one(found, "consider this a loss").speaker == "Jane Roe"


def test_whoever_hosted_is_the_presenter_the_article_names_later(run):
    found = run("Fiona Bruce hosted the two-hour special in Sheffield.\n\nThe Liberal Democrat leader Jo Swinson faced "
                'the audience.\n\nBruce then read out her record. "You voted for the bedroom tax," the presenter said.')
    assert one(found, "bedroom tax").speaker == "Fiona Bruce"


def test_a_weekday_the_tagger_ran_into_a_name_is_no_part_of_it(run):
    found = run("Theresa May stunned Westminster on Tuesday.\n\nIn her statement on Tuesday Mrs May addressed the "
                'about-turn. "I have concluded that we need an election," she said.')
    assert one(found, "need an election").speaker == "Theresa May"


@pytest.mark.parametrize("before, speaker", [
    ("By Monday, reporters wanted to talk about Warsaw instead.", "Reporter"),  # one of the reporters
    ("By Monday, the talk was all of Warsaw.", "Joe Biden"),  # no one 'one' can be one of: as if unattributed
])
def test_one_asking_after_reporters_is_a_reporter(run, before, speaker):
    found = run(f'Joe Biden returned to the White House on Monday.\n\n{before} "Do you regret saying that?" one asked.')
    assert one(found, "regret saying").speaker == speaker


def test_a_person_the_tagger_took_for_a_body_is_no_body_the_group_can_be(run, nlp):
    line = "By the weekend, the Canadian Jewish Congress had pointed out that Hunka had served in a Nazi unit."
    assert any(e.text == "Hunka" and e.label_ == "ORG" for e in nlp(line).ents)  # the shape this covers
    found = run(f"Speaker Anthony Rota praised Yaroslav Hunka on Friday.\n\n{line} On Sunday the Jewish human rights "
                'group called the ovation "shocking".')
    assert one(found, "shocking").speaker == "Canadian Jewish Congress"


def test_a_live_blog_time_the_tagger_ran_into_a_name_is_no_part_of_it(run, nlp):
    entry = '20:30 Lai has declared victory. "I want to thank the people," he told the press.'
    assert nlp(entry).ents[0].text.startswith("20:30")  # the shape this covers
    found = run('08:00 Vice President Lai Ching-te voted. "This is democracy," Lai told reporters.\n\n20:05 Ko Wen-je '
                f'addressed a crowd. "We have proven it," he said.\n\n{entry}')
    assert one(found, "thank the people").speaker == "Lai Ching-te"


@pytest.mark.parametrize("office, actor", [("Ecuador's presidency", "Ecuadorian presidency"),
                                           ("Spain's foreign ministry", "Spanish foreign ministry")])
def test_a_countrys_office_as_the_subject_is_the_it_that_speaks_next(run, office, actor):
    found = run('Mexican Foreign Secretary Alicia Bárcena condemned the raid on Friday.\n\n'
                f'{office} was unrepentant. "We are not going to allow any criminal to stay free," it said in a statement.')
    assert one(found, "any criminal").speaker == actor  # the country's office, by the country's adjective


def test_a_weekday_as_early_as_looks_ahead_and_names_no_day_said():
    from tracker.extraction.dates import find_cues

    assert find_cues("Kishida said he would meet Sakamoto, as early as Monday, to explain the plan.", []) == []
    assert find_cues("He intended to sit down with Sakamoto as early as Monday.", []) == []
    assert [c.match.group(0) for c in find_cues("He met Sakamoto on Monday.", [])] == ["Monday"]


def test_allies_of_a_titled_person_in_apposition_are_her_allies_not_her(run):
    found = run("Allies of the former prime minister, Oksana Levchenko, said on Thursday that the charges against her "
                "were politically motivated.")
    assert one(found, "politically motivated").speaker.startswith("Allies of")  # not Levchenko herself


def test_a_country_s_office_takes_the_country_s_adjective_and_nothing_else_does():
    from tracker.extraction.lexicon import body_name

    assert body_name("China's foreign ministry") == "Chinese foreign ministry"
    assert body_name("Israel’s military") == "Israeli military"
    assert body_name("the Netherlands's government") == "Dutch government"
    assert body_name("China's ambassador") == "China's ambassador"  # a person, not an office
    assert body_name("Jordan's office") == "Jordan's office"  # a surname as much as a country
    assert body_name("Chinese foreign ministry") == "Chinese foreign ministry"


def test_a_name_after_describing_words_keeps_a_particle_among_them():
    from tracker.extraction.names import name_at_end

    assert name_at_end("Her party colleague K.C. Venugopal") == "K.C. Venugopal"
    assert name_at_end("Charles de Gaulle Jr") == "Charles de Gaulle Jr"  # 'de' is part of the name
    assert name_at_end("Ursula von der Leyen") == "Ursula von der Leyen"  # one word after the particles


@pytest.mark.parametrize("sentence, kept", [
    ("Later that day Ann Lee told reporters what the minister had conveyed.", False),
    ("Ann Lee then tried to explain why the fund had been closed.", False),
    ("Ann Lee said what mattered most was the fund.", True),  # a free relative as the subject: a claim
    ("Ann Lee would not say why the fund had been closed.", True),  # a refusal to say is a position of its own
    ('The vote, which Ann Lee said she was "fairly sure" of winning, is on Friday.', True),  # a relative clause
])
def test_a_question_word_clause_names_what_was_said_about_not_what_was_said(run, sentence, kept):
    found = [s for s in run(sentence) if s.speaker == "Ann Lee"]
    assert bool(found) == kept, [(s.kind, s.text) for s in found]


@pytest.mark.parametrize("sentence, kept", [
    ("The operation, which the ministry called Operation Northern Gate, began at dawn.", False),
    ("Ann Lee offered what she called hard truths about the fund.", False),
    ('Ann Lee praised what she called a "brave" decision.', True),  # her own word, in quote marks
])
def test_what_someone_called_a_thing_is_a_name_unless_the_words_are_quoted(run, sentence, kept):
    found = [s for s in run(sentence) if "truths" in s.text or "Gate" in s.text or "brave" in s.text]
    assert bool(found) == kept, [(s.kind, s.text) for s in found]


def test_words_after_a_verb_whose_quote_came_first_are_no_second_statement(run):
    found = run('"The fund is still under review," another official confirmed, also on condition of anonymity.\n\n'
                '"It is a breach of trust," the official told the news agency dpa a few days later.')
    assert [s.kind for s in found] == ["direct", "direct"], [(s.kind, s.text) for s in found]


@pytest.mark.parametrize("sentence", [
    "Asked by a reporter whether that meant the ministry was refusing to pay the fund, Ann Lee said it would decide.",
    "Pressed on why she had changed her mind on the fund, Ann Lee said the deal was good.",
])
def test_a_position_named_in_a_question_put_to_someone_is_not_theirs(run, sentence):
    found = run(sentence)
    assert not [s for s in found if s.kind == "description"], [(s.kind, s.text) for s in found]


def test_walking_back_somewhere_is_no_shift(run):
    found = run("As Ann Lee walked back onto the floor for the final vote, the fund bill was dead.")
    assert not [s for s in found if "walked back" in s.text], [(s.kind, s.text) for s in found]
    assert [s.kind for s in run("Ann Lee walked back her remarks about the fund.")] == ["description"]


def test_according_to_a_source_of_a_sentence_with_its_own_speaker_gives_the_words_to_that_speaker(run):
    found = run('According to those in the room, Ann Lee told colleagues: "We will win the fund vote."')
    assert [(s.speaker, s.kind) for s in found] == [("Ann Lee", "direct")], [(s.speaker, s.text) for s in found]


def test_another_mp_is_not_the_mp_named_before(run):
    found = run("Caucus row\n\nOTTAWA - Toronto MP Nathan Erskin, who spoke during the meeting, said the leader needed to "
                "respond.\n\nAnother MP told reporters the deadline had come as a surprise.")
    speaker = one(found, "the deadline had come").speaker
    assert speaker != "Nathan Erskin" and speaker.endswith("MP"), speaker


def test_according_to_a_source_a_clause_that_opens_a_transcript_is_no_statement(run):
    found = run("Ann Lee spoke to reporters on Monday.\n\nAccording to an account published by the broadcaster, the "
                "exchange went as follows:\n\nQ: What did you mean?\n\nMS. LEE: That is not what I said.")
    assert [(s.speaker, s.text) for s in found] == [("Reporter", "What did you mean?"),
                                                    ("Ann Lee", "That is not what I said.")], found


def test_according_to_results_names_no_speaker(run):
    found = run("Ann Lee spoke to supporters. According to preliminary official results, the Greens won 25% of the vote.")
    assert not [s for s in found if "Greens" in s.text], [(s.speaker, s.text) for s in found]


@pytest.mark.parametrize("sentence", [
    "By the time she left the lectern, Ann Lee had not yet called the family of the victim.",
    "Ann Lee called Merkel on Friday.",
])
def test_a_call_that_phones_someone_is_no_statement(run, sentence):
    assert not run(sentence), [(s.kind, s.text) for s in run(sentence)]


@pytest.mark.parametrize("sentence, said", [
    ("Ann Lee called Putin a war criminal.", "Putin a war criminal"),
    ("Ann Lee would not stop calling Putin a dictator.", "Putin a dictator"),  # the parse makes 'a dictator' apposed
])
def test_calling_someone_something_is_still_a_statement(run, sentence, said):
    assert [s.text for s in run(sentence)] == [said]


def test_calling_someone_something_in_quote_marks_the_parse_hung_elsewhere_is_still_a_statement(run):
    found = run('Ann Lee was responding to comedian Ben Cole, who had called Puerto Rico "a floating island of rubbish" in '
                'his set at the rally on Sunday.')
    assert [s.speaker for s in found] == ["Ben Cole"], [(s.speaker, s.text) for s in found]


def test_a_reported_clause_the_parse_ended_inside_a_quote_runs_to_its_closing_mark(run):
    found = run('Ann Lee spoke to reporters. She said it would be "really important all of us push back against '
                'the fund cuts, and continue our support for the hospitals."')
    assert [s.text for s in found] == ['it would be "really important all of us push back against the fund cuts, and '
                                       'continue our support for the hospitals."'], [s.text for s in found]


def test_of_two_subjects_the_parse_gives_a_verb_the_one_right_before_it_speaks(run):
    found = run("Ann Lee led the party. Ben Cole was prime minister.\n\nThe country voted to remain, while the union as a "
                "whole voted to leave. On the morning after the EU referendum, in June 2016, Lee said at the palace: "
                '"A second vote is now highly likely."')
    assert [s.speaker for s in found] == ["Ann Lee"], [(s.speaker, s.text) for s in found]


def test_a_party_word_before_a_title_and_a_name_is_no_part_of_the_name(run):
    found = run('Ann Lee spoke on Wednesday.\n\nThe Conservative MP Conor Hopes asked: "What was the point of that?"')
    assert [s.speaker for s in found] == ["Conor Hopes"], [(s.speaker, s.text) for s in found]


def test_the_party_after_a_lower_case_word_is_named_by_its_name(run):
    found = run("The opposition Democratic Party said the fund cuts did not go far enough.")
    assert [s.speaker for s in found] == ["Democratic Party"], [(s.speaker, s.text) for s in found]


def test_a_relative_clause_on_a_thing_before_a_quote_names_no_speaker(run):
    found = run("Prime Minister Christopher Lee defended his minister in Parliament, as Labour leader Chris Cole used the "
                "first question to raise the fund row.\n\nCole opened with the routine primary question the opposition "
                'uses to range widely: "Does he stand by all his Government\'s statements and actions?"')
    assert [(s.speaker, s.text[-8:]) for s in found if s.kind == "direct"] == [("Chris Cole", "actions?")], \
        [(s.speaker, s.text) for s in found]


def test_a_speech_verb_in_a_relative_clause_on_a_thing_still_speaks(run):
    found = run('Ben Cole wrote to the council. The letter followed a post on Monday in which Ann Lee demanded: '
                '"Leave the fund alone."')
    assert [s.speaker for s in found if s.kind == "direct"] == ["Ann Lee"], [(s.speaker, s.text) for s in found]


def test_an_html_live_blogs_entries_take_the_day_their_time_headings_give(nlp, tmp_path):
    from tests.test_articles import ENTRIES, _blog

    path = tmp_path / "live.html"
    path.write_text(_blog(ENTRIES), encoding="utf-8")
    found = extract_statements(read_article(path, date="2025-03-02"), nlp=nlp)
    assert one(found, "count had been fair").date == dt.date(2025, 3, 2)
    assert one(found, "respect whatever the chamber decided").date == dt.date(2025, 3, 1)


@pytest.mark.parametrize("lead, day", [
    ("The governor opened Thursday's news conference by apologising to the state.", dt.date(2025, 8, 14)),
    ("The governor spoke ahead of Friday's meeting with the mayor, apologising to the state.", dt.date(2025, 8, 18)),
    ("The governor was the guest on Thursday's Morning Edition programme, apologising to the state.", dt.date(2025, 8, 14)),
    ("At Thursday's Senate Finance Committee hearing the governor apologised to the state.", dt.date(2025, 8, 14)),
    ("The governor spoke after Thursday's vote, apologising to the state.", dt.date(2025, 8, 18)),
])
def test_a_weekdays_news_conference_is_when_its_remarks_were_said(run, lead, day):
    """`opened Thursday's news conference`, `Thursday's Morning Edition programme`, `at Thursday's Senate Finance
    Committee hearing` name the day of the remarks that follow, a few words of name between the day and the event;
    a meeting still ahead (`ahead of Friday's meeting`) or an event that is no saying (`Thursday's vote`) does not."""
    found = run("Governor faces inquiry\n\nTRENTON - Four days on, the inquiry is widening. " + lead +
                '\n\n"I am embarrassed and humiliated by the conduct of my team," Jane Doe said.', day=dt.date(2025, 8, 18))
    assert one(found, "embarrassed and humiliated").date == day


@pytest.mark.parametrize("lede", ["The Narendra Modi government won the vote", "The Joe Biden administration won the vote"])
def test_the_head_of_a_named_government_is_the_prime_minister_or_president_after_it(run, lede):
    """`the Narendra Modi government` names its head: `the Prime Minister said` later is Modi, not the other
    person in focus, whatever the NER took the name for."""
    head = "Prime Minister" if "government" in lede else "President"
    found = run(f"Vote night\n\nNEW DELHI - {lede}, but opposition leader Rahul Gandhi stole the show with a long speech."
                f'\n\n"Some people are in a rush. What is your hurry?" the {head} said.')
    assert one(found, "in a rush").speaker == ("Narendra Modi" if "Modi" in lede else "Joe Biden")


def test_an_unnamed_role_in_a_relative_clause_does_not_take_the_focus(run):
    """`McConnell leaned on the distinction his spokesman had drawn. "…," he said`: the spokesman only describes
    the distinction; "he" is still McConnell."""
    found = run("Vote row\n\nWASHINGTON - A McConnell spokesman, David Popp, said the senator was being consistent.\n\n"
                "On Friday night Mitch McConnell leaned on the same distinction his spokesman had drawn.\n\n"
                '"We kept our promise," he said.')
    assert one(found, "kept our promise").speaker == "Mitch McConnell"


@pytest.mark.parametrize("sentence, speaker, pronoun", [
    ("In Shibuya, Kenichi Ishii, 53, said he backed the decision.", "Kenichi Ishii", "he"),
    ("A 60-year-old housewife who gave only her surname, Kumazawa, said the rise would have to come.", "Kumazawa", "she"),
])
def test_a_vox_pop_name_the_parser_hung_elsewhere_is_the_subject(run, sentence, speaker, pronoun):
    """A name set after the place a sentence opens with, or given as `her surname, Kumazawa,`, is who speaks, not
    the official named before; the parser leaves the verb without a subject or makes the name an apposition."""
    found = run("Tax row\n\nTOKYO - On Monday, Masahiko Komura, vice president of the party, said the tax would be "
                f'delayed.\n\nShoppers were split. {sentence} "It is necessary for the finances," {pronoun} said.')
    assert one(found, "necessary for the finances").speaker == speaker
    assert [s.speaker for s in found if "Komura" not in s.speaker and s.speaker != speaker] == []


@pytest.mark.parametrize("name", ["Dominic LeBlanc", "Mitch McConnell", "Ron DeSantis"])
def test_a_surname_with_a_capital_inside_owns_the_answer_that_follows(run, name):
    """`LeBlanc's answer on Sunday was …. He said …`: a surname like LeBlanc or McConnell is a capitalised name
    like any other, so the one whose answer it is comes into focus."""
    surname = name.split()[-1]
    found = run(f"Inquiry row\n\nOTTAWA - {name} has defended the rapporteur.\n\n"
                '"He has a fake job," Pierre Poilievre said of the rapporteur on Thursday.\n\n'
                f"{surname}'s answer on Sunday was that the argument should be about substance. He said the focus "
                "ought to be on the work done.")
    assert one(found, "focus ought to be").speaker == name


def test_the_agent_of_an_interview_is_the_presenter_who_asks_later(run):
    """`was interviewed by Nick Ferrari` names who puts the questions: `The presenter cut in …: "…?"` is his."""
    found = run("LBC row\n\nLONDON - Diane Abbott was interviewed by Nick Ferrari on LBC about police numbers.\n\n"
                'The presenter cut in with a shorter version of the question: "How much will they cost?"')
    assert one(found, "How much will they cost").speaker == "Nick Ferrari"


def test_her_email_is_hers(run):
    """`Her email … read: "…"`: an email's words are its writer's, as a statement's or a letter's are."""
    found = run("Bridge row\n\nTRENTON - The governor said he had fired his deputy chief of staff, Bridget Anne Kelly. "
                'Her email to a Christie appointee, David Wildstein, read: "Time for some traffic problems in Fort Lee."')
    assert one(found, "traffic problems").speaker == "Bridget Anne Kelly"


def test_a_us_party_and_state_tag_is_no_speaker(run):
    """`Steny Hoyer, D-Md., said` and `Jim Jordan, R-Ohio, a close Trump ally,`: the tag is neither a name nor
    the end of one, and the statements keep it as written."""
    found = run("Vote row\n\nWASHINGTON - Representative Jim Jordan, R-Ohio, a close Trump ally, left the meeting "
                'satisfied. "The vote was overwhelming," he said.\n\n"What a sad day it is," House Majority Leader '
                "Steny Hoyer, D-Md., said in a statement.\n\nSen. Lisa Murkowski, R-Alaska, said the bill would fail.")
    assert [(s.speaker, s.text) for s in found] == [("Jim Jordan", "The vote was overwhelming"),
                                                    ("Steny Hoyer", "What a sad day it is"),
                                                    ("Lisa Murkowski", "the bill would fail")]


def test_an_adviser_is_a_title_before_a_name(run):
    """`Deputy National Security Adviser Ben Rhodes laid the blame …`: the speaker is Ben Rhodes, not
    `Adviser Ben Rhodes`."""
    found = run("UN row\n\nWASHINGTON - At the White House, Deputy National Security Adviser Ben Rhodes laid the blame on "
                'settlement policy. "We could not in good conscience veto this resolution," he said.')
    assert one(found, "good conscience").speaker == "Ben Rhodes"


def test_several_unnamed_sources_are_never_he(run):
    """`Several sources close to the government have told CBC …` then `Ford's voice broke … "…," he said`: a
    plural source is "they", never "he"."""
    found = run("Row\n\nTORONTO - Doug Ford apologised on Thursday.\n\nSeveral sources close to the government have told "
                "CBC News the measures were drawn up amid panic.\n\nOn Thursday, Ford's voice broke several times and "
                'he paused to drink water. "There are no easy choices left," he said.')
    assert one(found, "no easy choices").speaker == "Doug Ford"


def test_a_second_speaker_after_while_reports_on_their_own(run):
    """`Simon Hoare said Mr Dowden was "not to blame", while Andrew Bowie said he was "really sorry"`: two
    statements, each with its speaker, not one of Hoare's that runs on over Bowie's."""
    found = run('Row\n\nLONDON - Oliver Dowden quit.\n\nSimon Hoare said Mr Dowden was "not to blame" for the losses, '
                'while Andrew Bowie said he was "really sorry" to see him go.')
    assert one(found, "not to blame").speaker == "Simon Hoare" and "Bowie" not in one(found, "not to blame").text
    assert one(found, "really sorry").speaker == "Andrew Bowie"


def test_a_german_particle_joins_the_surname(run):
    """`Mr zu Hohenberg dismissed the claims`: `zu` is part of the name as `von` is, so he is the subject the
    next paragraph's "he" goes back to, not the professor named before him."""
    found = run("Thesis row\n\nBERLIN - Karl-Heinz zu Hohenberg resigned on Tuesday.\n\nThe affair began on February "
                "16th, when the Rheinische Post printed passages that Andreas Weber-Lang, a law professor in Bremen, had "
                'found. Mr zu Hohenberg dismissed the claims as "absurd".\n\nOn Friday he told reporters that he was '
                '"extremely sorry".')
    assert one(found, "extremely sorry").speaker == "Karl-Heinz zu Hohenberg"


def test_a_name_in_brackets_after_a_party_is_the_party(run):
    """`The Social Liberals (Radikale Venstre) walked out`: the bracketed words are the party's own name, so the
    "he" two sentences on is the man named before them."""
    found = run("Coalition\n\nCOPENHAGEN - Liberal leader Jakob Holm becomes defence minister.\n\nThe centre-left "
                "Social Liberals (Radikale Venstre) walked out of the talks earlier that day.\n\nIn October he told a news "
                "conference that Venstre would not go into government with the Social Democrats.")
    assert one(found, "would not go into government").speaker == "Jakob Holm"


def test_what_someone_concluded_is_reported_speech(run):
    """`He also concluded that Mr Roe had denied …`: the conclusion is the adviser's statement; the denial it
    reports is not Roe's own words."""
    found = run('Code breach\n\nLONDON - Sir Peter Lane sent a letter to No 10. "I consider the code broken," Sir Peter '
                "wrote. He also concluded that Mr Roe had publicly denied being under investigation.")
    assert one(found, "publicly denied").speaker == "Peter Lane"


@pytest.mark.parametrize("who", ["former President Jane Roe", "acting Chief Justice Jane Roe", "lawyer Jane Roe",
                                 "attorney Jane Roe", "party chairperson Jane Roe"])
def test_a_lower_case_job_or_time_before_a_name_after_a_quote(run, who):
    """`"…," former President Jane Roe said`, `"…," lawyer Jane Roe said`: the name after the quote is its
    speaker, whatever lower-case words stand before it."""
    found = run(f'Ruling\n\nSEOUL - The court ruled on Friday.\n\n"We will appeal the decision at once," {who} said.')
    assert one(found, "appeal the decision").speaker == "Jane Roe"


def test_a_name_a_sentence_opens_with_as_its_topic_is_in_focus(run):
    """`For Lykke-Jensen the day marked a U-turn. … he told a news conference`: he is Lykke-Jensen, not the
    minister who was the last subject before."""
    found = run("Coalition\n\nCOPENHAGEN - Denmark has a new government.\n\nLiberal leader Jakob Lykke-Jensen becomes "
                "defence minister, while former prime minister Lars Holm takes over the foreign ministry. Nicolai Berg "
                "stays on as finance minister.\n\nFor Lykke-Jensen the day marked a spectacular U-turn. On the day the "
                "election was called in October, he told a news conference that his party would not go into government "
                "with the Social Democrats.")
    assert one(found, "would not go into government").speaker == "Jakob Lykke-Jensen"


def test_the_owner_of_a_line_named_by_title_is_in_focus(run):
    """`The prime minister's own line has shifted too. … he told MPs`: he is the prime minister, not the minister
    who was the subject of the paragraph before."""
    found = run("Row\n\nLONDON - Prime Minister John Roe defended his handling of the affair on Monday. Tom Lee was "
                'sacked.\n\nOn 21 January Lee changed his account. "I chose to settle the matter," he said.\n\n'
                "The prime minister's own line has shifted too. On 18 January he told MPs that Mr Lee had "
                '"already addressed the matter in full".')
    assert one(found, "already addressed").speaker == "John Roe"


def test_what_is_done_to_the_subject_is_no_description_of_them(run):
    """`Questioned in the Bundestag on Monday, he again denied cheating`: being questioned is no position of his;
    `Having criticised the plan, he …` still is."""
    found = run("Row\n\nBERLIN - John Roe resigned.\n\nQuestioned in the Bundestag on Monday, he again denied cheating. "
                "Having criticised the plan, he backed the deal.")
    assert [s.text for s in found if s.kind == "description"] == ["criticised the plan", "backed the deal"]


def test_a_position_someone_else_reports_does_not_take_the_focus(run):
    """`Sen. Tim Kaine said that Trump's position threatened the system. "…," he said`: he is Kaine; the owner of
    a position is in focus only where no one else is saying it."""
    found = run("Row\n\nOHIO - Donald Trump spoke on Thursday.\n\nClinton's running mate, Sen. Tim Kaine, said on "
                "\"Today\" that Trump's position threatened the system itself. \"We should not have someone run for "
                "president who is going to pull the pillar down,\" he said.")
    assert one(found, "pull the pillar down").speaker == "Tim Kaine"


def test_a_crosshead_over_a_quote_is_no_statement(run):
    """`Roe: 'Not a joking matter'` between paragraphs is the editor's heading over a quote the text gives in full:
    one statement, Roe's, not a second one given to whoever spoke before the heading."""
    found = run("Row\n\nOHIO - Tom Lee spoke on Thursday. \"We will see,\" he said.\n\nRoe: 'Not a joking matter'\n\n"
                'President Jane Roe spoke at a rally. "That is not a joking matter," Roe said.')
    assert [(s.speaker, s.text) for s in found if "joking" in s.text] == [("Jane Roe", "That is not a joking matter")]


def test_a_speech_named_alone_puts_its_owner_in_focus(run):
    """`11:44 – Corbyn's speech. He thanks his rivals and says …`: he is Corbyn, not the rival named before."""
    found = run("Result\n\nLONDON - Jeremy Corbyn won the ballot. Andy Burnham is a distant second on 19%.\n\n"
                "11:44 – Corbyn's speech. He thanks his rivals and says the party has changed in three months.")
    assert one(found, "party has changed").speaker == "Jeremy Corbyn"


def test_a_surname_the_tagger_reads_as_a_modal_verb(run):
    """`May has spoken in Downing Street`: the tagger takes `May` for the modal verb; it is Theresa May, named in
    full before, and the "she" after it is hers, not the last woman named."""
    found = run("Vote\n\nLONDON - Theresa May won the vote on Wednesday, and Jane Roe lost her seat.\n\n"
                'May has spoken in Downing Street. "This has been a long and challenging day," she said.')
    assert one(found, "long and challenging").speaker == "Theresa May"


def test_the_side_a_named_speaker_speaks_for_is_no_topic(nlp):
    """`For Labour, Tom Watson wrote …` names the side Watson speaks for; `For Lykke-Jensen the day marked a
    U-turn` is what the sentence is about."""
    from tracker.extraction.misparses import sentence_topic

    side = nlp("For Labour, Tom Watson wrote that the Conservatives were split.")
    topic = nlp("For Lykke-Jensen the day marked a spectacular U-turn.")
    assert not sentence_topic(side[1:2]) and sentence_topic(topic[1:4])


def test_a_preposition_opening_the_sentence_is_no_title(nlp):
    """`For Lykke-Jensen the day …`: the capitalised `For` before the name is no title of his, as `Chancellor` is."""
    from tracker.extraction.names import titles_before

    assert titles_before(nlp("For Lykke-Jensen the day marked a U-turn."), 1) == ""
    assert titles_before(nlp("Chancellor Olaf Scholz spoke."), 1) == "chancellor"


def test_unnamed_sources_named_in_the_plural_with_words_after_them_are_never_he(run):
    text = ("John Doe reversed course on Thursday. Campaign officials with direct knowledge of the discussions said "
            "pressure from donors had pushed him to reconsider.\n\n"
            'Opening a speech in Atlanta, he said he had been "struggling with the problem."')
    assert one(run(text), "struggling").speaker == "John Doe"


def test_a_correspondent_in_the_news_does_not_put_the_questions(run):
    text = ("MOSCOW - The Kremlin on Friday dismissed calls to expel Russian reporters over the arrest of Wall Street "
            "Journal correspondent John Roe.\n\n"
            "Asked whether Russia would retaliate against American journalists, Kremlin spokesman Jane Doe said no.")
    assert one(run(text), "whether Russia").speaker == "Reporter"


def test_a_question_the_parse_made_a_relative_clause_is_still_the_question(run):
    found = run("Asked by moderator John Roe during the debate what role faith played in his views, Jim Doe said "
                "he accepted his church's teaching.")
    question = one(found, "what role")
    assert (question.speaker, question.text) == ("John Roe", "what role faith played in his views")


@pytest.mark.parametrize("text, asker", [
    ("Jane Doe, asked whether the strike was over, said it was not.", "Reporter"),
    ("Health Secretary Jane Doe, asked about the strike on Monday, defended the union.", "Reporter"),
    ("Jane Doe, the union's leader, asked whether the strike was over.", "Jane Doe"),
])
def test_asked_between_commas_after_a_name_is_a_question_put_to_them(run, text, asker):
    found = run(text)
    question = one(found, "strike")
    assert question.speaker == asker, [(s.speaker, s.text) for s in found]


def test_a_quote_after_asked_between_commas_is_the_answerers(run):
    found = run('Supervisor Jane Doe, asked for comment on Friday, said: "I disagree with the governor."')
    assert one(found, "I disagree").speaker == "Jane Doe"


def test_a_question_the_parse_hung_after_an_interview_is_still_the_question(run):
    found = run("Asked in an interview with CNN what proof the army had, Jane Doe pointed to the internet.")
    assert one(found, "what proof").text == "what proof the army had"


@pytest.mark.parametrize("text", [
    "Asked by a reporter who had covered the strike for years, Jane Doe said the union had won.",
    "Union leaders pressed her for the number of workers who had left the strike.",
])
def test_who_after_a_person_who_asked_is_relative_not_a_question(run, text):
    assert not [s for s in run(text) if s.text.startswith("who")]


def test_a_verb_read_as_an_adjective_leaves_its_name_the_one_who_acted(nlp):
    """'Vale reversed course.' parsed as one noun phrase, the name and the verb both modifying 'course' (as the
    parser reads 'Trump reversed course.'): the name is who acted, so the description is theirs."""
    from spacy.tokens import Doc

    from tracker.extraction.misparses import verb_read_as_adjective

    doc = Doc(nlp.vocab, words=["Vale", "reversed", "course", "."], heads=[2, 2, 2, 2],
              deps=["nmod", "amod", "ROOT", "punct"], pos=["PROPN", "VERB", "NOUN", "PUNCT"], tags=["NNP", "VBN", "NN", "."])
    assert verb_read_as_adjective(doc[1]).text == "Vale"
    assert verb_read_as_adjective(doc[2]) is None
