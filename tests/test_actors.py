from tracker.actors import ActorAliases


def test_aliases_and_titles_map_to_one_actor(tmp_path):
    path = tmp_path / "actors.csv"
    path.write_text("alias,canonical\nTrump,Donald Trump\nDonald J. Trump,Donald Trump\n")
    aliases = ActorAliases.from_csv(path)
    names = ["President Trump", "Donald J. Trump", "Trump", "  trump ", "Donald Trump", "Former President Trump"]
    assert {aliases.canonical(n) for n in names} == {"Donald Trump"}
    assert aliases.canonical("Keir  Starmer") == "Keir Starmer"  # unknown names pass through, normalised
