"""Word lists the speaker rules read: roles, titles, honorifics, bodies, pronouns, first names."""

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

ANON_HEADS = {"official", "officials", "spokesperson", "spokesman", "spokeswoman", "source", "sources",
              "aide", "aides", "adviser", "advisers", "advisor", "diplomat", "diplomats", "insider", "insiders"}
# people who ask: a question is theirs, never the person in focus ('a reporter asked' is not the president)
# roles one person holds in an exchange
ONE_OF_A_KIND = {"moderator", "host", "interviewer", "presenter", "anchor", "podcaster"}
# reporters, journalists, correspondents: an unnamed one is "Reporter"
NEWS_ASKERS = {"reporter", "reporters", "journalist", "journalists", "correspondent", "questioner"}
QUESTIONER_HEADS = ONE_OF_A_KIND | NEWS_ASKERS | {f"{w}s" for w in ONE_OF_A_KIND}  # 'the interviewers asked'
# a person introduced with one of these roles asks the questions of an interview
INTERVIEWERS = ONE_OF_A_KIND | {w for w in NEWS_ASKERS if not w.endswith("s") and w != "questioner"} | {"editor"}
DETERMINERS = {"a", "an", "the", "one", "two", "three", "four", "five", "several", "multiple", "many", "some", "another", "his", "her", "their"}
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "sir", "dame", "lord", "lady", "dr", "dr.",
              # abbreviated ranks and offices before a name ("Gen. Dan Caine", "Sen. Susan Collins", "Maj-Gen Moyo")
              "gen.", "lt.", "col.", "maj.", "sgt.", "adm.", "capt.", "rep.", "sen.", "gov.", "rev.", "prof.", "maj-gen",
              "lt-gen", "brig-gen", "lt-col", "brig.", "professor", "judge", "justice", "justices",
              "ayatollah", "shri", "smt.", "shrimati"}  # a cleric's rank; Indian honorifics ("Shri Nadda")
HONORIFICS |= {w.rstrip(".") for w in HONORIFICS}  # written with or without the full stop
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NOT_IN_NAMES = HONORIFICS | set(WEEKDAYS)  # 'on Tuesday Mrs May said' names May
# the office an abbreviated title before a name stands for ("Gov. Andrew Cuomo" is "the governor")
TITLE_ABBREVIATIONS = {"gov.": "governor", "sen.": "senator", "rep.": "representative", "gen.": "general",
                       "adm.": "admiral", "col.": "colonel", "lt.": "lieutenant", "maj.": "major", "capt.": "captain",
                       "sgt.": "sergeant", "prof.": "professor", "pres.": "president", "amb.": "ambassador"}
# lower-case words inside a name ("Bill de Blasio", "Rodrigo de la Garza", "Ursula von der Leyen")
PARTICLES = {"de", "da", "di", "del", "della", "dos", "van", "von", "zu", "der", "le", "la", "du", "al", "el", "bin", "ter", "ten"}
PARTICLE_RE = "|".join(sorted(PARTICLES))
# (and kinship: "his daughter Veronica" is a woman whatever her first name's counts say)
FEMALE_CUES = {"mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "madam", "queen", "princess", "daughter", "wife",
               "mother", "sister", "widow", "granddaughter", "niece", "aunt", "grandmother"}
MALE_CUES = {"mr", "mr.", "sir", "lord", "king", "prince", "son", "husband", "father", "brother", "widower", "grandson",
             "nephew", "uncle", "grandfather"}
# A short list of common female first names: used only to tell "she" from "he".
FEMALE_FIRST_NAMES = {
    "alice", "alicia", "angela", "ann", "anne", "annalena", "bridget", "caroline", "catherine", "christine",
    "claire", "diane", "elizabeth", "ellen", "emily", "emma", "giorgia", "hillary", "jacinda", "jane", "janet",
    "jennifer", "jill", "julia", "karoline", "kamala", "kaja", "kemi", "kristen", "kristi", "laura", "linda",
    "lisa", "liz", "margaret", "maria", "marine", "mary", "melania", "mette", "michelle", "nancy", "nicola",
    "nikki", "olena", "priti", "rachel", "sanna", "sarah", "susan", "suella", "susie", "theresa", "tulsi",
    "ursula", "yvette", "kristalina", "marjorie", "elise", "amy", "angela", "chrystia", "mélanie", "melanie"}


# Korean and Chinese family names, written before the given name in news copy
FAMILY_NAMES_FIRST = frozenset("kim lee park choi jung jeong kang cho yoon jang lim han seo shin kwon hwang ahn yoo hong "
                               "moon baek wang zhang liu chen yang huang zhao zhou xu zhu guo luo gao xi ma".split())
SURE_SHARE = 0.99  # a first name this many of whose bearers share one sex is no guess an article's pronoun overrules


@lru_cache(maxsize=1)
def _first_names() -> dict[str, tuple[str, float]]:
    path = Path(__file__).with_name("first_names.tsv")  # data/external/first_names/build.py writes it
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines())
    return {name: (sex, float(share)) for name, sex, share in rows}


def _first(name: str) -> str:
    words = name.split()
    first = words[0].lower() if len(words) > 1 else ""
    return unicodedata.normalize("NFKD", first).encode("ascii", "ignore").decode()  # "Siobhán" -> "siobhan"


def cue_sex(words) -> str:
    """'f', 'm' or '' for the title, honorific or kin words written with a name ('mrs.', 'lord', 'mother')."""
    words = set(words)
    return "f" if words & FEMALE_CUES else "m" if words & MALE_CUES else ""


def first_name_gender(name: str) -> str:
    """'f', 'm' or '' for a full name's first word: FEMALE_FIRST_NAMES, then the US Social Security first-name
    counts (a name kept only where 95 % of its bearers share one sex, so Kim or Jean stay unknown)."""
    words = name.split()
    if len(words) > 1 and words[0].lower() in FEMALE_FIRST_NAMES:
        return "f"
    return _counted(name)[0]


def first_name_sure(name: str) -> bool:
    """Whether the counts leave little doubt about the first name's sex (Peter, Mary; not Jess, Sam or Alex)."""
    return _counted(name)[1] >= SURE_SHARE


def _counted(name: str) -> tuple[str, float]:
    """The counts' (sex, share) for the first name; a compound one ('Yves-François', 'Jean-Pierre') by its first
    part the counts know. An East Asian family name written first ('Park Mi-young', 'Ma Zhaoxu') is no first name,
    whatever US counts say of it."""
    first = _first(name)
    if first in FAMILY_NAMES_FIRST:
        return "", 0.0
    for part in [first, *first.split("-")] if "-" in first else [first]:
        if part in _first_names():
            return _first_names()[part]
    return "", 0.0


TITLE_WORDS = (
    "president|vice president|prime minister|chancellor|secretary|minister|senator|representative|"
    "governor|speaker|mayor|leader|chairman|chairwoman|chairperson|chair|spokesman|spokeswoman|spokesperson|host|"
    "anchor|press secretary|king|queen|pope|general|ambassador|commissioner|president-elect|mp|premier|"
    "foreign secretary|home secretary|chancellor of the exchequer|attorney general|first minister|treasurer|"
    "taoiseach|tánaiste|lawmaker|congressman|congresswoman|councillor|councilor|councilmember|supervisor|"
    "assemblymember|assemblyman|assemblywoman|alderman|alderwoman|chief executive|chief minister|"
    "presenter|interviewer|moderator|podcaster|whip|majority leader|minority leader|house speaker|td|mep|msp|mla|"
    "mpp|director|undersecretary|under-secretary|adviser|advisor|"
    "superintendent|detective superintendent|chief superintendent|inspector|chief inspector|detective|sergeant|"
    "chief constable|constable"
)
TITLE_SET = set(TITLE_WORDS.split("|")) | {"prime", "vice", "foreign", "home", "press", "president-elect",
                                          "former", "us", "u.s.", "british", "french", "german", "chief", "executive",
                                          "state", "regional", "provincial", "federal", "deputy", "prosecutor",
                                          "lawyer", "attorney"}
# last words of a firm's name: "the company" among several bodies named is the one named like a firm
FIRM_WORDS = {"motors", "inc", "inc.", "ltd", "ltd.", "corp", "corp.", "corporation", "plc", "group", "holdings",
              "airlines", "airways", "energy", "industries", "technologies", "pharma", "pharmaceuticals", "foods",
              "bank", "telecom", "systems", "llc", "co", "co.", "ag", "sa", "gmbh", "limited", "enterprises"}
# who runs for an office, written before a name like a title ("opposition candidate Lydia Nyambura")
CANDIDACY = {"candidate", "nominee", "challenger", "incumbent"}
# a seat that stands for the office in it: "Number 10 said" is Downing Street
SEATS = {"number 10": "Downing Street", "number ten": "Downing Street", "no 10": "Downing Street",
         "no. 10": "Downing Street"}
# last words that make a capitalised subject a body, not a person
ORG_HEADS = {"street", "house", "office", "ministry", "presidency", "department", "party", "government", "commission",
             "council", "bank", "kremlin", "pentagon", "treasury", "parliament", "congress", "senate", "court", "agency",
             "administration", "cabinet", "committee", "union", "federation", "association", "group", "company",
             "palace", "forces", "force", "media", "news", "rally", "parties", "headquarters", "movement",
             "coalition", "campaign", "institute", "foundation", "organisation", "organization", "alliance",
             "board", "army", "military", "ministries", "embassy", "secretariat", "tribunal", "authority", "caucus", "cooperative", "league", "chamber", "centre", "center",
             "network", "consortium", "bloc", "police"}
PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
# people who speak for someone else ("the prime minister's press secretary", "the president's lawyer")
AGENT_HEADS = {"secretary", "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "aide", "lawyer",
               "attorney", "envoy", "ambassador", "chief", "deputy", "director", "counsel", "representative", "office"}
# what a body issues: "a Downing Street statement said" is Downing Street
DOCUMENT_HEADS = {"statement", "readout", "release", "communique", "communiqué", "letter", "filing", "memo", "post",
                  "tweet", "message", "email"}
# words someone gave, whose owner speaks them: "His answer was short: \"…\"", "Omar's apology arrived Monday. \"…,\" she
# wrote"
REPLIES = {"answer", "reply", "response", "retort", "conclusion", "verdict", "apology", "explanation", "admission",
           "denial", "clarification", "rebuttal", "question", "version", "speech"}  # "Roe's version of events …"
# a person's position as what a sentence is about ('Johnson's own position has wandered …'): they are in focus
STANCE_NOUNS = {"position", "stance", "view", "views", "thinking", "line", "u-turn", "reversal", "retreat", "climbdown",
                "formula", "approach", "argument", "message", "pitch", "patience", "temper", "mood", "frustration", "record"}
# what a compound that starts with a name ends in ('Trump-era', 'Labour-led', 'American-style'): no part of the name
COMPOUND_HEADS = re.compile(r"\w+ed|run|held|era|style|like|friendly|language|type|esque|ish")
# bodies that speak in a joint subject ("the armed forces and the national police") without being ORG_HEADS
GROUP_BODIES = {"police", "gendarmerie", "unions", "governments", "parties", "ministries"}
# people around someone: "allies of Rachel Reeves" speak for themselves, not for her
_CIRCLE_PLURALS = {"allies", "aides", "friends", "supporters", "associates", "critics", "opponents", "rivals",
                   "detractors", "backers", "organisers", "organizers", "confidants"}
# one or several people around someone ('a friend of Fallon', 'allies of Rachel Reeves'): they speak for themselves
GROUP_HEADS = _CIRCLE_PLURALS | {"ally", "friend", "supporter", "associate", "critic", "opponent", "rival",
                                 "detractor", "backer", "organiser", "organizer", "confidant"}
STAFF = {"office", "campaign", "team", "press office"}  # who speaks for a person as a body of their own: "her office"
PROGRAMME_ENDS = {"show", "live", "tonight"}  # a programme named after its host ('Claire Byrne Live'), not a speaker
# the time that heads a live blog entry ('22:25', '9:07 a.m.'): no part of a name that follows it
CLOCK_TIME = r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\b\.?)?"
# took back words, not walked somewhere ("walked back onto the floor")
WALKED_BACK = r"(?:walked|walks|walking) back\b(?! (?:onto|into|to|in|out|toward|towards|through|across|down|up)\b)"
# stance phrases about an actor, read as descriptions (reported.find_descriptions)
DESCRIPTION_PATTERNS = [
    r"appear(?:s|ed)? (?:\w+ )?(?:open|willing|ready|reluctant|keen|to)\b",
    r"(?:left|leave|leaves|leaving) (?:the door |it |\w+ )?open\b",
    r"(?:(?:is|was|are|were|has been|have been) )?(?:still )?(?:pushing|pressing|lobbying) for\b",
    r"refus(?:ed|es|e|ing) (?:on \w+ (?:(?:morning|afternoon|evening|night) )?)?to\b",  # "on Thursday night"
    # "ruled out a tax rise", "did not rule out sending troops": the negation is part of the position
    r"(?:(?:did|does|do|has|have|had|would|will|was|were|is|are) not |(?:did|does|do|has|have|would|wo)n['’]t )?"
    r"rul(?:e|es|ed|ing) (?:\w+ )?out\b",
    r"declin(?:ed|es|e|ing) (?:on \w+ (?:(?:morning|afternoon|evening|night) )?)?to\b",
    r"put (?:\w+ ){0,2}(?:distance|at the heart|pressure)\b",
    r"paint(?:ed|s)? an? \w+", r"(?:threw|throws|throw) (?:his|her|their) (?:weight|support) behind\b",
    r"voic(?:ed|es) \w+", r"singl(?:ed|es) out\b",
    r"(?:took|takes|take) aim at\b",
    r"describ(?:ed|es|ing) (?:[\w'’,-]+ ){0,12}?as\b",
    r"struck an? (?:\w+ ){1,2}(?:note|tone)\b",
    r"(?:played|plays|playing) down\b",
    r"push(?:ed|es|ing)? back (?:against|on)\b",
    r"gave (?:[\w'’-]+ ){0,3}an? (?:\w+ )?(?:reception|welcome)\b",
    r"distanced (?:himself|herself|themselves)\b",
    r"(?:dismissed|praised|critici[sz]ed|condemned|defended|welcomed|rejected|questioned|congratulated) \w+",
    r"(?:dismiss|prais|critici[sz]|condemn|reject)ing \w+",
    r"(?:stood|stands) by\b|(?:stood|stands|standing) (?:firmly |squarely )?behind\b|brush(?:ed|es|ing) (?:aside|off)\b",
    r"react(?:ed|s|ing) (?:angrily|furiously|sharply|coolly|cautiously|warmly)\b|(?:would|will|did) not budge\b",
    r"conceded defeat\b",
    r"offered (?:\w+ )?(?:support|optimism|praise|criticism)\b",
    r"express(?:ed|es|ing) (?:\w+ )?(?:regret|concern|support|confidence|doubt|hope|frustration|disappointment|"
    r"opposition|scepticism|skepticism)\b",
    r"(?:mocked|mocking|sidestepped|sidestepping) \w+",
    r"demanded (?:an? |the )?(?:[\w'’-]+ ){0,3}?(?:apology|contrition|resignation|explanation|answers)\b",
    r"echo(?:ed|es|ing) (?:that|this|the|his|her|their) (?:assessment|view|call|warning|sentiment|criticism)\b",
    # plain positions for or against something
    r"(?:backed|opposed|endorsed|supported|disputed|heralded|denounced) (?:the|a|an|his|her|their|its|"
    r"any|plans?|calls?|proposals?|him|her|them|[A-Z]\w+['’]s)\b",
    r"hint(?:ed|s|ing) at\b",
    r"(?:came|comes|coming) out (?:against|in favou?r of|in support of)\b|doubl(?:ed|es|ing) down on\b|"
    r"stopp?(?:ed|s|ing)? short of\b|(?:has |have |had )?(?:repeatedly |again )?call(?:ed|s|ing) for\b",
    r"(?:is |are |was |were )?demanding\b|apologi[sz](?:ed|es|ing)\b|claim(?:ed|s|ing) victory\b",
    r"denie[sd] (?:wrongdoing|any wrongdoing|the (?:claim|claims|allegation|allegations|report|reports))\b",
    r"kept (?:the door|it) open\b",
    r"sid(?:ed|es|ing) with\b|(?:took|takes|taking) (?:[\w'’-]+ )?side\b|rall(?:ied|ies|ying) (?:to|behind)\b|"
    r"blam(?:ed|es|ing) (?!that\b)(?:[\w'’-]+ ){1,6}for\b|(?:hit|hits|lashed|lashes) out at\b|"
    r"(?:slammed|blasted|rebuked|scolded|chided) \w+",
    r"welcomes \w+|(?:did not|didn't|does not|doesn't) dispute\b|warn(?:ed|s|ing) (?:of|against|about)\b",
    # a stance in one adjective: "was unmoved", "is unconvinced", "was far more sceptical", "was defiant"
    r"(?:is|was|were|are|remained|remains) (?:(?:still|far|much|even|more|less|all the more|clearly|openly) ){0,2}"
    r"(?:unmoved|unrepentant|unconvinced|unapologetic|defiant|sceptical|skeptical|adamant|undeterred|unswayed|"
    r"noncommittal|non-committal)\b",
    r"urg(?:ed|es|ing) (?!that\b)(?:[\w'’-]+ ){1,5}to\b|urg(?:ed|es|ing) (?:an?|the|more|greater|caution|restraint)\b|"
    r"accus(?:ed|es|ing) (?!that\b)(?:[\w'’-]+ ){1,6}of\b|threaten(?:ed|s|ing) (?!that\b)(?:to|the|a|an|new|more)\b",
    # a change of position, in the writer's words
    r"back(?:ed|s|ing) away from\b|soften(?:ed|s|ing) (?:his|her|their|its) (?:stance|position|tone|line)\b|"
    r"harden(?:ed|s|ing) (?:his|her|their|its) (?:stance|position|tone|line)\b|"
    r"dropp(?:ed|ing)? (?:his|her|their|its) (?:opposition|objections?|resistance|support)\b",
    r"put (?:[\w'’-]+ ){1,8}on hold\b",
    r"revers(?:ed|es|ing) (?:course|(?:his|her|their|its) (?:position|stance|decision))\b",
    r"(?:backed|backs|backing) down on\b",
    WALKED_BACK,
    r"backtrack(?:ed|s|ing)? on\b",
    r"(?:performed|made|executed) an? (?:\w+ )?u-?turn\b",
    r"(?:changed|changes|changing) (?:his|her|their|its) (?:position|mind|stance|tune)\b",
]

# verbs whose one-word subject is a person ("Lula said", "Tugendhat confirms")
SAYING = {"say", "tell", "add", "write", "warn", "insist", "argue", "reply", "respond", "announce", "declare",
          "ask", "press", "quiz", "confirm", "claim", "vow", "pledge", "promise", "admit", "deny", "urge"}
# words that do not name anyone, though the tagger may take a capitalised one for a pronoun
PRONOUN_WORDS = {"i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us", "them", "this", "that", "these",
                 "those", "who", "whom", "which", "what", "one", "someone", "anyone", "everyone", "nobody", "none",
                 "something", "anything", "everything", "nothing", "somebody", "anybody", "everybody", "each", "all",
                 "both", "either", "neither", "some", "many", "few", "most", "several", "others", "another"}
# offices someone holds ('the transport minister'), not 'the 81-year-old'
ROLE_NOUNS = {"minister", "secretary", "chairman", "chairwoman", "chairperson", "chair", "governor", "executive", "head",
              "chief", "director", "leader", "president", "mayor", "ambassador", "envoy", "commissioner", "chancellor",
              "lawmaker", "senator", "general", "founder", "ceo", "economist", "negotiator", "prosecutor", "judge"}
# what a person is, written before their name like a title but no office ("Caller Thabo Molefe", "Retired teacher
# Rosa Benally", "Striker Luca Bernardi", "lawyer Jane Roe"): not part of the name
DESCRIPTORS = {"caller", "callers", "pensioner", "retired", "teacher", "farmer", "student", "nurse", "doctor",
               "activist", "analyst", "resident", "voter", "candidate", "candidates", "veteran", "contractor",
               "witness", "campaigner", "businessman", "businesswoman", "entrepreneur", "driver", "worker", "lawyer",
               "attorney", "barrister", "solicitor", "coach", "striker", "sprinter", "goalkeeper", "midfielder",
               "defender", "athlete", "swimmer", "runner", "cyclist", "boxer", "player", "singer", "actor", "actress",
               "author", "novelist", "writer", "artist", "musician", "rapper", "comedian", "chef", "designer",
               "architect", "scientist", "researcher", "historian", "professor", "lecturer", "pastor", "priest",
               "rabbi", "imam", "shopkeeper", "landlord"}
# a party member written before a name ("New Democrat Nathan Cullen", "Conservative Jane Doe"): not part of it
PARTY_MEMBERS = {"democrat", "democrats", "republican", "conservative", "liberal", "tory", "socialist", "labour"}
PARTY_NAMES = {w: "Conservative Party" if w == "tory" else "Democratic Party" if w.startswith("democrat")
               else f"{w.rstrip('s').capitalize()} Party" for w in PARTY_MEMBERS}  # the party a member's word names
# letters written after a name for a rank or a seat ("John Roe QC", "Jane Doe MP"): not part of it either
POST_NOMINALS = {"qc", "kc", "sc", "mp", "mep", "msp", "mla", "td", "obe", "mbe", "cbe", "kbe"}
# ranks of the forces and services, written before a name ('coastguard commander Rafael Ostrander')
RANKS = {"commander", "officer", "captain", "colonel", "lieutenant", "major", "admiral", "marshal", "brigadier",
         "commissioner", "chief", "warden", "firefighter", "paramedic"}
# generic words for a body the article has named ("the company" after "Deutsche Bahn, the railway company")
GENERIC_BODIES = {"company", "union", "party", "bank", "firm", "carrier", "airline", "railway", "operator", "regulator", "group",
                  "ministry", "department", "agency", "commission", "council", "corporation", "organisation",
                  "organization", "force"}  # "the force": a police force
# what a person does, written before a name the NER may take for an organisation ('host Wanjiku Kamau')
PERSON_ROLES = QUESTIONER_HEADS | {"minister", "spokesman", "spokeswoman", "spokesperson", "senator", "governor",
                                    "mayor", "lawmaker", "president", "chairman", "chairwoman", "chairperson", "economist", "analyst"}
# where words are posted, never who said them ("wrote on Twitter")
PLATFORMS = {"twitter", "x", "facebook", "instagram", "telegram", "tiktok", "youtube", "truth social", "threads",
             "bluesky", "whatsapp", "weibo", "linkedin"}

# words that open a phrase for someone the article has not named ('one supporter', 'three bankers')
SOMEONE_NEW = {"a", "an", "one", "another", "two", "three", "four", "five", "several", "multiple"}
# heads of an unnamed source that, as a sentence's subject, is in focus ("A Downing Street source was more combative.")
UNNAMED_SUBJECTS = {"source", "official", "spokesperson", "spokesman", "spokeswoman", "aide", "diplomat", "insider"}


# a time phrase a report may carry before its clause ('insisted the same day that …')
TIME_NOUNS = {"day", "morning", "afternoon", "evening", "night", "week", "weekend", "month", "year", "time"}
# who or what a report is told to, when not a person ('told the same programme he had …')
AUDIENCES = {"programme", "program", "show", "station", "radio", "newspaper", "paper", "broadcaster", "channel",
             "network", "audience", "crowd", "rally", "meeting", "conference", "committee", "hearing", "podcast"}
# nouns for a person that no suffix gives away ('a senior consultant', 'a tenant')
PERSON_NOUNS = {"consultant", "surgeon", "midwife", "patient", "tenant", "parent", "mother", "father", "widow",
                "wife", "husband", "son", "daughter", "pupil", "graduate", "delegate", "nominee", "employee",
                "colleague", "friend", "neighbour", "neighbor", "relative", "refugee", "migrant", "immigrant",
                "victim", "survivor", "assistant", "accountant", "attendant", "applicant", "claimant", "defendant",
                "plaintiff", "participant", "medic", "cleric", "monk", "nun", "bishop", "chaplain",
                "sergeant", "pilot", "clerk", "nanny", "expert", "specialist", "official", "diplomat", "aide"}


def is_person_noun(word: str) -> bool:
    """'supporter', 'protester', 'historian', 'MP', 'nurse': a noun for a person, not 'a settlement' or 'a first
    draft'."""
    return word in ROLE_NOUNS | TITLE_SET | DESCRIPTORS | PERSON_NOUNS \
        or bool(re.search(r"(?:[^e]er|or|ist|ian|man|woman)$", word))


def is_role(role: str) -> bool:
    """'transport minister', 'chief executive': an office someone holds, not 'the 81-year-old' or 'the veteran'."""
    return bool(role) and role.split()[-1] in ROLE_NOUNS | TITLE_SET

# a question put to "you" ('Will you resign?', '"…, what do you admire …?" she asked. "A poll says …"'): the one
# asking questions others, and the one asked answers next
PUT_TO_YOU = re.compile(r"(?i)\byou(?:rs?|rself)?\b[^?]*\?")
# the last word of an outlet's name ("CTV News", "The Associated Press", "The Washington Post")
NEWS_WORDS = {"news", "radio", "tv", "television", "times", "post", "press", "journal", "herald", "telegraph",
              "guardian", "tribune", "gazette", "agency", "broadcaster", "newspaper"}


_SAME_OFFICE = {"congressman": "representative", "congresswoman": "representative",  # a US House member
                "top government spokesman": "chief cabinet secretary"}  # Japan's, as wires name the office
_HEADS = {"prime minister", "premier", "president", "chancellor", "pm", "taoiseach", "governor", "mayor"}


_HEAD_MINISTER = re.compile(r"\b(?:prime|chief|first) minister\b")


def title_matches(role: str, titles: str) -> bool:
    """Does a role phrase ('president', 'french leader') fit the titles a person was introduced with?"""
    if role in _SAME_OFFICE and title_matches(_SAME_OFFICE[role], titles):
        return True  # 'the congresswoman' <- 'Rep. Alexandria Ocasio-Cortez'
    if role in _HEADS and "head of government" in titles:
        return True  # 'the prime minister' <- 'the Narendra Modi government'
    for title in titles.split(" | "):
        if role == "president" and "vice president" in title or role == "minister" and _HEAD_MINISTER.search(title):
            continue  # 'the minister' is not the prime minister, the chief minister or the first minister
        if role and (title.endswith(role) or f" {role} " in f" {title} "):  # not 'mexico' in "mexico's president"
            return True
        words = role.split()
        if len(words) >= 2 and words[-1] in {"leader", "premier", "politician"} and words[0] in title.split():
            return True  # "the French leader" <- "French President Emmanuel Macron"
    return False


# a country's own body by its adjective: "China's foreign ministry" and "the Chinese foreign ministry" are one speaker
# (not Georgia or Jordan, which name US states and people too)
DEMONYMS = dict(pair.split(":") for pair in (
    "China:Chinese|Russia:Russian|Ukraine:Ukrainian|Israel:Israeli|Iran:Iranian|India:Indian|Pakistan:Pakistani|"
    "Japan:Japanese|Germany:German|France:French|Britain:British|Italy:Italian|Spain:Spanish|Poland:Polish|"
    "Turkey:Turkish|Canada:Canadian|Australia:Australian|Brazil:Brazilian|Mexico:Mexican|Egypt:Egyptian|"
    "Syria:Syrian|Iraq:Iraqi|Lebanon:Lebanese|Qatar:Qatari|Taiwan:Taiwanese|Greece:Greek|Palestine:Palestinian|"
    "Hungary:Hungarian|Sweden:Swedish|Norway:Norwegian|Finland:Finnish|Denmark:Danish|Ireland:Irish|"
    "Scotland:Scottish|Wales:Welsh|Kenya:Kenyan|Nigeria:Nigerian|Ethiopia:Ethiopian|Somalia:Somali|"
    "Afghanistan:Afghan|Bangladesh:Bangladeshi|Indonesia:Indonesian|Malaysia:Malaysian|Thailand:Thai|"
    "Vietnam:Vietnamese|Philippines:Philippine|Argentina:Argentine|Chile:Chilean|Colombia:Colombian|"
    "Venezuela:Venezuelan|Ecuador:Ecuadorian|Peru:Peruvian|Cuba:Cuban|Belgium:Belgian|Austria:Austrian|"
    "Switzerland:Swiss|Romania:Romanian|Serbia:Serbian|Belarus:Belarusian|Armenia:Armenian|"
    "Azerbaijan:Azerbaijani|Senegal:Senegalese|Ghana:Ghanaian|Myanmar:Myanmar|Sudan:Sudanese|Yemen:Yemeni|"
    "Libya:Libyan|Tunisia:Tunisian|Morocco:Moroccan|Algeria:Algerian|Estonia:Estonian|Latvia:Latvian|"
    "Lithuania:Lithuanian|Portugal:Portuguese|Netherlands:Dutch|Singapore:Singaporean|Sri Lanka:Sri Lankan"
).split("|"))
_COUNTRY_OWNS = re.compile(rf"^(?:the\s+)?(?P<country>{'|'.join(DEMONYMS)})['’]s\s+(?P<rest>(?:[a-z-]+\s+)*(?P<head>[a-z]+))$")


def body_name(phrase: str) -> str:
    """'China's foreign ministry' -> 'Chinese foreign ministry': a country's office by the country's adjective."""
    m = _COUNTRY_OWNS.match(phrase)
    if m is None or m.group("head") not in ORG_HEADS:
        return phrase
    return f"{DEMONYMS[m.group('country')]} {m.group('rest')}"


def role_name(phrase: str) -> str:
    """'a senior official' -> 'Senior official'; 'NATO officials' -> 'NATO official'; 'evening aides' -> 'Aide'."""
    words = phrase.split()
    while words and words[0].lower() in DETERMINERS | {"morning", "afternoon", "evening", "night", "tonight"}:
        words = words[1:]
    if not words:
        return phrase
    head_at = next((k - 1 for k, w in enumerate(words) if k and w.lower() in {"in", "at", "from", "of", "for", "with"}),
                   len(words) - 1)
    last = words[head_at]
    if last.lower() in ANON_HEADS and last.lower().endswith("s") and last.lower() != "sources" \
            and not last.lower().endswith("ss"):
        words[head_at] = last[:-1]
    elif last.lower() == "sources":
        words[head_at] = "source"
    out = body_name(" ".join(words))
    return out[0].upper() + out[1:]


def one_of_the_askers(subject: str, before: str) -> str:
    """'Reporters wanted to talk about Warsaw. "…?" one asked.': "one" of the reporters named before it."""
    plural = {w for w in NEWS_ASKERS if w.endswith("s")}
    return "Reporter" if subject in ("one", "another") and plural & set(re.findall(r"[a-z]+", before.lower())) else ""


# lemma -> how its content is found; "say"-type verbs take a clause, "vow"-type an infinitive.
REPORT_LEMMAS = {
    "say", "tell", "warn", "insist", "argue", "claim", "deny", "promise", "pledge", "vow", "confirm",
    "admit", "announce", "stress", "state", "declare", "urge", "accuse", "recall", "acknowledge",
    "note", "suggest", "list", "call", "assure", "concede", "reiterate", "predict", "threaten",
    "repeat", "explain", "add", "emphasise", "emphasize", "contend", "allege", "write", "post", "tweet",
    "indicate", "signal", "hint", "maintain", "assert", "reaffirm", "caution", "counter", "retort",
    "reply", "respond", "answer", "remark", "observe", "complain", "accept", "joke", "conclude",
}
# what one calls without saying anything: "called the press conference", "called a snap election"
CONVENED = {"conference", "election", "vote", "meeting", "referendum", "inquiry", "strike", "summit", "session",
            "briefing", "poll", "hearing", "debate", "recess", "halt", "truce", "ceasefire", "review"}
# "X said he will not ... - despite having appeared open to the idea a day earlier": the writer sets an
# earlier position against the current one
CONCESSIVES = ("despite", "although", "even though", "though", "contrary to", "in contrast to")
