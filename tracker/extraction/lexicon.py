"""Word lists the speaker rules read: roles, titles, honorifics, bodies, pronouns."""

ANON_HEADS = {"official", "officials", "spokesperson", "spokesman", "spokeswoman", "source", "sources",
              "aide", "aides", "adviser", "advisers", "advisor", "diplomat", "diplomats", "insider", "insiders"}
# people who ask: a question is theirs, never the person in focus ('a reporter asked' is not the president)
QUESTIONER_HEADS = {"reporter", "reporters", "journalist", "journalists", "interviewer", "host", "moderator", "anchor",
                    "correspondent", "questioner"}
DETERMINERS = {"a", "an", "the", "one", "two", "three", "four", "five", "several", "multiple", "many", "some", "another",
               "his", "her", "their"}
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "sir", "dame", "lord", "lady", "dr", "dr.",
              # abbreviated ranks and offices written before a name ("Gen. Dan Caine", "Sen. Susan Collins")
              "gen.", "lt.", "col.", "maj.", "sgt.", "adm.", "capt.", "rep.", "sen.", "gov.", "rev.", "prof."}
HONORIFICS |= {w.rstrip(".") for w in HONORIFICS}  # written with or without the full stop
FEMALE_CUES = {"mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "madam", "queen", "princess"}
MALE_CUES = {"mr", "mr.", "sir", "lord", "king", "prince"}
# A short list of common female first names: used only to tell "she" from "he".
FEMALE_FIRST_NAMES = {
    "alice", "alicia", "angela", "ann", "anne", "annalena", "bridget", "caroline", "catherine", "christine",
    "claire", "diane", "elizabeth", "ellen", "emily", "emma", "giorgia", "hillary", "jacinda", "jane", "janet",
    "jennifer", "jill", "julia", "karoline", "kamala", "kaja", "kemi", "kristen", "kristi", "laura", "linda",
    "lisa", "liz", "margaret", "maria", "marine", "mary", "melania", "mette", "michelle", "nancy", "nicola",
    "nikki", "olena", "priti", "rachel", "sanna", "sarah", "susan", "suella", "susie", "theresa", "tulsi",
    "ursula", "yvette", "kristalina", "marjorie", "elise", "amy", "angela", "chrystia", "mélanie", "melanie",
}
TITLE_WORDS = (
    "president|vice president|prime minister|chancellor|secretary|minister|senator|representative|"
    "governor|speaker|mayor|leader|chairman|chairwoman|chair|spokesman|spokeswoman|spokesperson|host|"
    "anchor|press secretary|king|queen|pope|general|ambassador|commissioner|president-elect|mp|premier|"
    "foreign secretary|home secretary|chancellor of the exchequer|attorney general|first minister|treasurer|"
    "taoiseach|tánaiste|lawmaker|congressman|congresswoman|councillor|councilor|chief executive|chief minister"
)
TITLE_SET = set(TITLE_WORDS.split("|")) | {"prime", "vice", "foreign", "home", "press", "president-elect",
                                          "former", "us", "u.s.", "british", "french", "german", "chief", "executive"}
# last words that make a capitalised subject a body, not a person
ORG_HEADS = {"street", "house", "office", "ministry", "department", "party", "government", "commission", "council",
             "bank", "kremlin", "pentagon", "treasury", "parliament", "congress", "senate", "court", "agency",
             "administration", "cabinet", "committee", "union", "federation", "association", "group", "company",
             "palace", "forces", "force", "media", "news", "rally", "parties", "headquarters", "movement",
             "coalition", "campaign", "institute", "foundation", "organisation", "organization", "alliance",
             "board", "army", "military", "ministries", "embassy", "secretariat"}
PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
# people who speak for someone else ("the prime minister's press secretary", "the president's lawyer")
AGENT_HEADS = {"secretary", "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "aide", "lawyer",
               "attorney", "envoy", "ambassador", "chief", "deputy", "director", "counsel", "representative", "office"}
# what a body issues: "a Downing Street statement said" is Downing Street
DOCUMENT_HEADS = {"statement", "readout", "release", "communique", "communiqué", "letter", "filing", "memo"}
# people around someone: "allies of Rachel Reeves" speak for themselves, not for her
GROUP_HEADS = {"allies", "ally", "aides", "friends", "supporters", "associates", "critics", "opponents"}
