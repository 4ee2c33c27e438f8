"""The explicit-position reader's stance words (tracker/judge/polarity.py): families of words that take a
side on a proposition, and the negations that flip them. Hand-written, like features.CUES, and kept apart
so a reader can audit them.
"""

# Each family is (sign, firm): sign +1 for doing / backing the proposition, -1 for not doing / opposing it.
STANCE: dict[str, tuple[int, bool, str]] = {
    "emphatic": (-1, True,  # a refusal said emphatically: it strengthens a negation, never flips one
                 r"no way|under no circumstances|in no circumstances|over my dead body|absolutely not|not a chance|"
                 r"no chance|never ever|not in a million years|not on my watch|not going to happen|forget it|"
                 r"when pigs fly|that ship has sailed|count me out|dead duck"),
    "steady": (1, True,  # the same line held: their negation says nothing has moved
               r"(?:has|have)n['’]t (?:changed|moved)|(?:has|have) not (?:changed|moved)|nothing has changed|"
               r"not backing down|won['’]t budge|not budging|no brakes on|sticking (?:to|with)|holding the line|"
               r"remains?|still|no change|unchanged|on schedule|as (?:scheduled|promised)"),
    "exclude": (-1, True,  # negated, these become openness ("not ruling it out"): see _unit_position
                r"rul(?:e|es|ed|ing) (?:\w+ )?out|off the table|off the agenda|out of the question|not on the cards|"
                r"impossible"),
    "refuse": (-1, True,
               r"oppos(?:e|es|ed|ing)|"
               # "against" after a noun of action is its target, not a stance ("military action against the gangs")
               r"(?<!action )(?<!actions )(?<!strikes )(?<!strike )(?<!measures )(?<!sanctions )"
               r"(?<!crackdown )(?<!protection )(?<!operations )"
               r"(?<!offensive )(?<!charges )(?<!violence )(?<!attacks )against|reject(?:s|ed|ing)?|refus(?:e|es|ed|ing)|declin(?:e|es|ed|ing) to|"
               r"dismiss(?:es|ed|ing)?|disgrace(?:ful)?|outlaw(?:s|ed|ing)?|ruin(?:s|ed|ing)?|wreck(?:s|ed|ing)?|"
               r"object(?:s|ed|ing)? to|"
               r"scrap(?:s|ped|ping)?|shel(?:ve|ves|ved|ving)|halt(?:s|ed|ing)?|ditch(?:es|ed|ing)?|veto(?:es|ed|ing)?|"
               r"block(?:s|ed|ing)?|cancel(?:s|led|led|ing|ling)?|abandon(?:s|ed|ing)?|withdraw(?:s|n|ing)?|"
               r"pull(?:s|ed|ing)? (?:out|back)|paus(?:e|es|ed|ing)|suspend(?:s|ed|ing)?|drop(?:s|ped|ping)?|"
               r"stop(?:s|ped|ping)?|kill(?:s|ed|ing)?|binned|binning|bin (?:it|them|the plans?|this|that)|axe[sd]?|axing|abolish(?:es|ed|ing)?|"
               r"repeal(?:s|ed|ing)?|clos(?:e|es|ed|ing)(?! to)|shut(?:s|ting)?|"
               r"(?:a )?mistake|bad idea|wrong|(?:is|are|was) dead|dead in the water|indefensible|non-starter|disaster|"
               r"on ice|call(?:s|ed|ing)? off|pull(?:s|ed|ing)? the plug|scrap heap|no case for|exclud(?:e|es|ed|ing)|"
               r"i['’]m out|walk(?:s|ed)? away|turn(?:s|ed)? against|long grass|drawing board|"
               r"lift(?:s|ed|ing)?|remov(?:e|es|ed|ing)|overturn(?:s|ed|ing)?|revers(?:e|es|ed|ing)|los(?:e|es|ing)|lost|"
               r"sack(?:s|ed|ing)?|illegal|unlawful|mov(?:e|es|ed|ing) (?:\w+ )?(?:from|out of|away from)|ban(?:s|ned|ning)?|(?:is|are|was) off|"
               r"fight(?:s|ing)?(?! for)|fought(?! for)|terminat(?:e|es|ed|ing)|(?:is|are|was|were) over|walking away|"
               r"closure|tak(?:e|es|ing|en) away|took away|leav(?:e|es|ing)|"
               r"(?:go|goes|going|come|comes|coming) down|"
               # evaluations that condemn: "X is a waste of money" is against X
               r"waste of (?:money|time)|terrible|madness|nonsense|absurd|folly|reckless|makes? no sense|dangerous|"
               r"catastroph\w*|harmful|damaging|disastrous|costly|flop|gimmick|unfair|unaffordable|unworkable|cruel|"
               r"blight|shameful|cost (?:lives|jobs)|bad for"),
    "defer": (-1, False, r"postpon(?:e|es|ed|ing)|(?<!without )delay(?:s|ed|ing)?|put (?:\w+ )?on hold|on hold|"
                         r"push(?:es|ed|ing)? (?:[\w'’-]+ ){0,4}back"),
    "back": (1, True,
             r"support(?:s|ed|ing)?|back(?:s|ed|ing)?(?= (?:the|this|that|a|an|it|our|their|his|her|its|any|\w+ing)\b)|"
             r"endors(?:e|es|ed|ing)|champion(?:s|ed|ing)?|favou?r(?:s|ed|ing)?|in favou?r|approv(?:e|es|ed|ing)|"
             r"vot(?:e|es|ed|ing) for|agree(?:s|d)? (?:with|to)|pledg(?:e|es|ed|ing)|promis(?:e|es|ed|ing)|"
             r"guarantee(?:s|d)?|commit(?:s|ted|ment)?|will|['’]ll|shall|going to|ready to|plan(?:s|ned)? to|"
             r"intend(?:s|ed)? to|determined to|push(?:es|ed|ing)? ahead|press(?:es|ed|ing)? (?:on|ahead)|fight(?:s|ing)? for|go(?:es)? ahead|went ahead|go(?:ing)? ahead|green[- ]li(?:ght|t)(?:s|ed)?|"
             r"proceed(?:s|ed|ing)?|start(?:s|ed|ing)?|begin(?:s|ning)?|launch(?:es|ed|ing)?|must|need to|"
             r"resum(?:e|es|ed|ing)|restart(?:s|ed|ing)?|reopen(?:s|ed|ing)?|continu(?:e|es|ed|ing)|"
             r"keep(?:s|ing)?|kept|maintain(?:s|ed|ing)?|protect(?:s|ed|ing)?|preserv(?:e|es|ed|ing)|"
             r"hold(?:s|ing)?|held|uphold(?:s|ing)?|upheld|stay(?:s|ing|ed)?|in place|"
             r"welcom(?:e|es|ed|ing)|all for|happy to|keen to|want(?:s|ed)? to|want|allow(?:s|ed|ing)?|let|"
             r"certain to|convinced|should|yes|absolutely|definitely|certainly|good idea|right (?:thing|call)|"
             r"(?:i['’]m|we['’]re|i am|we are) for it|all in|count me in|supporter|like the idea|happening|"
             r"(?:is|are|it['’]s) on|blessing|signed|done deal|green light|"
             r"backing|behind|full steam ahead|on track|as planned|preparing to|vital|essential|long overdue|"
             r"the right|deliver(?:s|ed|ing)?|no-brainer|no brainer|valuable|beneficial|good for|best thing|great|"
             r"excellent|worth (?:it|doing)|makes sense"),
    "open": (1, False,
             r"may or may not|not (?:yet )?(?:settled|decided)|no decisions?(?: \w+)? yet|no decision has been (?:made|taken)|"
             r"nothing (?:is |has been )?(?:agreed|decided)|entertain(?:s|ed|ing)?|open[- ]minded|(?:an|a fully|an entirely) open mind|hing(?:e|es|ing) on|assuming|aim(?:s|ing)? (?:to|for)|contingent on|dependent on|"
             r"open to(?! (?:passengers|traffic|the public|visitors|applicants|customers|tourists)\b)|consider(?:s|ed|ing)?|look(?:ing)? at|explor(?:e|es|ed|ing)|discuss(?:es|ed|ing)?|might|"
             r"(?<!\bin )(?<!\bby )(?<!\bof )(?<!\buntil )(?<!\bfrom )(?<!\bnext )(?<!\blast )(?<!\bthis )may(?! \d)|"
             r"could|would|(?<=\w)['’]d|possibl[ey]|possibility|perhaps|maybe|willing|on the table|on the cards|not sure|unsure|"
             r"undecided|in two minds|doubts?|not convinced|less certain|not certain|hop(?:e|es|ing) to|"
             r"reconsider(?:s|ed|ing)?|review(?:ing)?|under review|weigh(?:s|ing)?|stud(?:y|ying)|"
             r"we['’]ll see|depends|if|unless|provided|(?:as|so) long as|only when|where(?! (?:it|they|we|he|she|you) (?:is|are|was|were)\b)|eventually|at some point|"
             r"in time|later|one day|phased?|probabl[ey]|likely|subject to|depend(?:s|ing)? on|permitting|"
             r"(?:money|funding|budgets?|finances|time) allows?|(?:do|doing) (?:our|my) best|best to|ambitions?|"
             r"aspirations?|what we can|look(?:ing)? to|try(?:ing)? to|hop(?:e|es|ed|ing)|broadly|largely|mostly|"
             r"with reservations|in (?:most|some) (?:cases|matters|areas)|nothing is (?:certain|guaranteed|settled)|"
             r"no guarantees?|under consideration|in principle|partly|partially|in part|get close to|"
             r"not (?:closing|close|shutting|shut) the door|door (?:is |remains |stays )?open"),
}
NEGATOR = r"not|cannot|never|nobody|no one|no(?!\s*[,.!])|nor|neither|nothing|no longer|none"
