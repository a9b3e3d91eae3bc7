"""The closed word classes that signal a position in English: the verbs, adjectives, nouns and modals
that commit, plan, offer, weigh, demand, refuse or back something, and the verbs that only report.

Hand-listed because they are small, closed and well described (FactBank's source-introducing predicates,
the modality cues of the commitment literature, the guide's own examples); which of the positions they
introduce an analyst keeps is learned (scorer.py), not listed here.
"""

from __future__ import annotations

REPORTING = {"say", "tell", "add", "state", "announce", "claim", "report", "insist", "stress", "note", "explain",
             "confirm", "argue", "write", "understand", "believe", "think", "suggest", "acknowledge", "admit",
             "indicate", "reveal", "declare", "emphasise", "emphasize", "reiterate", "maintain", "assert",
             "tweet", "warn", "signal", "predict", "concede", "testify", "told", "hint", "recall", "observe",
             "reply", "respond", "answer", "continue", "contend", "remark", "comment", "caution", "know", "feel",
             "mention", "disclose", "specify"}
# Verbs whose content is the subject's belief or guess about the world, not a position it takes.
BELIEF = {"think", "believe", "expect", "guess", "suppose", "assume", "predict", "fear", "suspect", "doubt",
          "hope", "wonder", "imagine", "reckon", "estimate", "speculate", "project", "forecast"}
# Predicates that happen to their subject rather than being done by it: "X will win / lose / face / cost"
# predicts an outcome; with no stance word above it, no one takes a position.
HAPPENINGS = {"win", "lose", "face", "suffer", "struggle", "fail", "succeed", "cost", "receive", "benefit", "die",
              "survive", "seem", "happen", "become", "trail", "prevail", "collapse", "rise", "fall", "weigh"}
COPULAS = {"be", "become", "remain", "seem", "appear", "feel", "look", "stand"}

COMMIT = {"pledge", "promise", "vow", "commit", "agree", "undertake", "guarantee", "decide", "resolve",
          "threaten", "swear", "insist_on", "determine", "set", "go", "schedule", "due", "intend", "vote",
          "offer", "accept", "acquiesce", "propose", "plan", "mean", "opt", "choose", "elect", "volunteer", "aim"}
PREPARE = {"prepare", "draw", "gear", "work", "organise", "organize", "arrange", "finalise", "finalize", "ready",
           "begin", "start"}
PLAN_NOUNS = {"plan", "plans", "preparation", "preparations", "proposal", "proposals", "option", "options",
              "intention", "bid", "effort", "efforts"}
PLAN_MAKERS = {"draw", "make", "unveil", "announce", "finalise", "finalize", "step", "work", "have", "develop",
               "lay", "present", "outline", "prepare", "agree", "draft", "submit", "put"}
WILLING = {"willing", "ready", "prepared", "open", "able", "happy", "eager", "keen", "want", "seek", "glad",
           "inclined", "poised"}
CONSIDER = {"consider", "weigh", "discuss", "explore", "mull", "examine", "study", "review", "debate",
            "contemplate", "evaluate", "assess", "ponder", "entertain", "eye", "float", "toy"}
DEMAND = {"urge", "demand", "ask", "press", "push", "pressure", "request", "appeal", "implore", "call_for",
          "order", "instruct", "require", "encourage", "beg", "plead", "exhort", "invite", "challenge", "advise",
          "recommend", "direct", "petition", "lobby", "insist", "command", "tell", "warn", "implore", "charge"}
# Demand verbs whose direct object can be what is demanded ("demanded his resignation", "urged restraint");
# the others need a clause ("asked X to", "challenged X to"): "asked Trump about ..." demands nothing.
OBJECT_DEMANDS = {"urge", "demand", "request", "call_for", "order", "require", "recommend", "seek"}
CLAUSE_DEMANDS = {"urge", "demand", "request", "recommend", "require", "ask", "insist", "order", "direct", "petition",
                  "propose", "suggest"}
# What refusing or declining to do is no position on a matter: saying something ("declined to comment").
SPEECH_ACTIONS = {"comment", "speculate", "answer", "say", "discuss", "elaborate", "confirm", "respond", "disclose",
                  "reveal", "name", "identify", "specify", "detail", "address", "explain", "talk", "divulge", "give"}
REFUSE = {"refuse", "reject", "decline", "rebuff", "veto", "spurn", "withhold", "dismiss", "block", "rule_out"}
SUPPORT = {"support", "back", "endorse", "favor", "favour", "embrace", "champion", "advocate", "welcome", "applaud",
           "praise", "defend", "hail"}
OPPOSE = {"oppose", "condemn", "criticize", "criticise", "denounce", "decry", "deplore", "resist", "object",
          "protest", "slam", "blast", "disapprove", "lament"}
# What one denies or disputes rather than refuses: "rejected the allegation" takes no position on an action.
STATEMENTS = {"allegation", "claim", "charge", "accusation", "criticism", "notion", "suggestion", "report",
              "characterization", "characterisation", "comparison", "premise", "assertion", "account", "story",
              "rumor", "rumour", "speculation", "premise", "description", "label", "comment", "remark"}
DEONTIC = {"have", "need", "ought"}  # "had to show flexibility", "need to see this developing"
STRONG_MODALS = {"will", "shall", "'ll", "’ll", "wo", "would", "'d", "’d"}
WEAK_MODALS = {"may", "might", "could", "can", "ca"}
MUST_MODALS = {"must", "should", "ought"}
NEGATORS = {"not", "n't", "never", "no", "neither", "nor"}
HEDGES = {"necessarily", "perhaps", "maybe", "possibly", "probably", "likely", "reportedly", "allegedly"}

# Stance words that are themselves a statement: a time on them dates the statement, not the action.
STATEMENT_CUES = DEMAND | {"pledge", "promise", "vow", "threaten", "swear", "agree", "announce", "propose", "offer",
                           "insist_on", "guarantee", "commit"}
# Position nouns: what their possessor holds ("his plan to", "her refusal to", "their support for").
NOUN_STANCE = {
    "plan": "committed", "proposal": "committed", "pledge": "committed", "promise": "committed",
    "vow": "committed", "commitment": "committed", "decision": "committed", "intention": "committed",
    "intent": "committed", "offer": "willing", "willingness": "willing", "readiness": "willing",
    "call": "demanded", "demand": "demanded", "request": "demanded", "insistence": "demanded",
    "refusal": "refused", "rejection": "refused", "veto": "refused",
    "support": "reported", "endorsement": "reported", "backing": "reported", "opposition": "reported",
    "push": "demanded", "threat": "committed", "bid": "preparing", "preparation": "preparing",
}
NEGATIVE_NOUNS = {"opposition"}
POSITION_NOUNS = {"position", "view", "belief", "pledge", "promise", "commitment", "demand", "plan", "hope",
                  "insistence", "stance", "policy", "intention", "assurance", "guarantee", "warning"}
# Nouns that stand for people or parties although they are common nouns ("the prime minister").
ROLE_NOUNS = {"president", "minister", "leader", "chancellor", "secretary", "spokesperson", "spokesman",
              "spokeswoman", "king", "queen", "pope", "premier", "governor", "mayor", "general", "chief",
              "ambassador", "envoy", "official", "senator", "commissioner", "director", "head", "candidate",
              "nominee", "speaker", "chairman", "chairwoman", "chair", "frontrunner", "front-runner", "congressman",
              "congresswoman", "representative", "judge", "attorney", "prosecutor", "businessman", "mogul",
              "billionaire", "campaign", "administration", "government", "ministry", "department", "party",
              "committee", "council", "court", "company", "firm", "group", "coalition", "alliance", "union"}
