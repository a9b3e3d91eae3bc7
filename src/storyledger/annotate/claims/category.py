"""PLOVER category of a claim's predicate, from a lemma lexicon (data/plover_lexicon.tsv).

No public model codes PLOVER and runs offline, and the categories are largely signalled by the verb
or its object noun ("impose sanctions", "send troops"), so a lexicon read off the parse does it.
The lexicon rows come from the PLOVER manual's definitions and the CAMEO code descriptions mapped
through CAMEO2PLOVER (ontology folder). Rules from the same documents sit on top: future or intended
cooperation (CONSULT, SUPPORT, COOPERATE, AID, CONCEDE) is AGREE; speech acts about an action (urge,
refuse, threaten) take their own category, as does a "must" put on another party (REQUEST); ending or
easing something turns its category around (lifting a curfew concedes, cutting aid sanctions); a
refused cooperation is REJECT and a punitive act made conditional ("if", "unless") a THREAT.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from spacy.tokens import Token

from storyledger.annotate.claims.stance import negated
from storyledger.records import Stance

_INTENT_AGREE = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"}  # CAMEO 03x: intent to ...
# A promised or planned coercive act is a threat of it (PLOVER THREATEN: "warn of, or say one will ...");
# MOBILIZE stays: a plan to deploy troops is coded as the mobilisation itself.
_INTENT_THREATEN = {"COERCE", "SANCTION", "ASSAULT"}
_INTENT = {Stance.COMMITTED, Stance.WILLING, Stance.PREPARING}
_OBJECT_DEPS = {"dobj", "pobj", "attr", "nsubjpass", "oprd", "dative"}
_COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
# Ending or easing something turns its category around (CAMEO 08x yield, 16x reduce relations): easing a
# restriction is a concession, lifting a blockade or sanctions a retreat, cutting aid or talks a sanction.
_END = {"lift", "ease", "relax", "shorten", "loosen", "cancel", "remove", "end", "halt", "suspend", "stop",
        "call_off", "reduce", "cut", "break", "sever", "drop", "scrap", "abolish", "revoke", "prohibit",
        "postpone", "freeze", "curtail", "terminate", "discontinue", "withdraw", "cease"}
_RETREAT_OBJECTS = {"blockade", "siege", "sanction", "embargo", "boycott"}  # CAMEO 085, 0872: RETREAT
_PASSAGE = {"road", "street", "highway", "bridge", "traffic", "transport", "railway", "entrance", "access",
            "route", "roadway", "junction", "crossing", "port", "border", "rail", "airport", "motorway"}
_ACCESS = {"inspector", "observer", "monitor", "peacekeeper", "delivery", "aid", "worker", "mission"}
_JOINT_MILITARY = {"exercise", "maneuver", "manoeuvre", "war_game", "drill"}


@lru_cache(maxsize=1)
def lexicon() -> dict[tuple[str, str], str]:
    """(lemma, kind) -> category; kind is verb, noun or light (a light verb's category may be empty)."""
    table: dict[tuple[str, str], str] = {}
    text = files("storyledger.data").joinpath("plover_lexicon.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, kind, *rest = line.split("\t")
        table[(lemma, kind)] = rest[0].strip() if rest else ""
    return table


def _lemma(token: Token) -> str:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and any(c.dep_ in ("prt", "prep") and c.lower_ == "out" for c in token.children):
        if lemma in ("rule", "turn"):
            return "reject"
        if lemma in ("pull", "move", "ship"):
            return "withdraw"
        if lemma in ("force", "drive", "kick", "throw"):
            return "expel"
        if lemma == "carry":
            return "carry"
    if lemma == "call" and any(c.dep_ in ("prep", "prt") and c.lower_ in ("for", "on") for c in token.children):
        return "call_for"
    if lemma == "work" and any(c.lower_ == "together" for c in token.children):
        return "cooperate"
    if lemma == "crack" and any(c.dep_ == "prt" and c.lower_ == "down" for c in token.children):
        return "crack"
    if lemma == "call" and any(c.dep_ == "prt" and c.lower_ == "off" for c in token.children):
        return "call_off"
    return lemma


def _noun_category(token: Token) -> str | None:
    """A noun's category, two-word names first ("martial law", "war games"); a peacekeeping force aids."""
    table = lexicon()
    lemma = token.lemma_.lower()
    for c in token.children:
        if c.dep_ in ("amod", "compound") and c.i < token.i:
            cat = table.get((f"{c.lemma_.lower()}_{lemma}", "noun"))
            if cat:
                return cat
    cat = table.get((lemma, "noun")) or table.get((token.lower_, "noun"))
    if cat == "MOBILIZE" and any(c.dep_ in ("amod", "compound") and table.get((c.lemma_.lower(), "noun")) == "AID"
                                 for c in token.children):
        return "AID"  # CAMEO 074: peacekeeping troops are military protection, not mobilisation
    if cat == "MOBILIZE" and any(c.dep_ == "prep" and c.lower_ == "of" and any(
            g.dep_ == "pobj" and _noun_category(g) == "AID" for g in c.children) for c in token.children):
        return "AID"  # "the deployment of peacekeepers"
    return cat


def _objects(token: Token) -> list[Token]:
    """The nouns a verb acts on: direct objects and the objects of its prepositions."""
    out = []
    for c in token.children:
        if c.dep_ in ("dobj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN"):
            out.append(c)
        elif c.dep_ == "prep":
            out.extend(g for g in c.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN"))
    return out


def _turned(lemma: str, obj: Token, cat: str) -> str | None:
    """The category of ending, easing or banning something of category ``cat`` (see _END)."""
    noun = obj.lemma_.lower()
    if lemma in ("prohibit", "ban", "prevent", "disperse", "break") and cat == "PROTEST":
        return "COERCE"  # stopping others' protest is repression (CAMEO 175, COERCE restrict)
    if lemma in ("cancel", "postpone") and cat == "CONSULT":
        return "REJECT"  # PLOVER: cancelled meetings are REJECT
    if cat == "MOBILIZE":
        return "RETREAT"  # withdrawing or standing down forces (CAMEO 087x)
    if cat in ("COERCE", "SANCTION", "THREATEN", "PROTEST"):
        return "RETREAT" if noun in _RETREAT_OBJECTS else "CONCEDE"
    if cat == "ASSAULT":
        return "RETREAT"  # ending fighting (CAMEO 087 de-escalate)
    if cat in _COOPERATIVE:
        return "SANCTION"
    return None


def _joint(token: Token) -> bool:
    """Whether a verb's subject is several parties or the act is called joint."""
    subj = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(t.dep_ == "conj" for s in subj for t in s.subtree) or any(
        t.lower_ in ("joint", "jointly", "together") for t in token.subtree)


def _object_category(token: Token) -> str | None:
    """The category of the first categorised noun among the token's objects (two levels deep); a passive
    subject only when no object has one ("forces were engaged in ethnic cleansing": the cleansing)."""
    for subjects in (False, True):
        frontier = [token]
        for _ in range(3):
            nxt = []
            for t in frontier:
                for c in t.children:
                    if (c.dep_ == "nsubjpass") != subjects and t.i == token.i:
                        continue
                    if c.dep_ in _OBJECT_DEPS or c.dep_ in ("prep", "conj", "compound", "xcomp", "acl"):
                        if c.pos_ in ("NOUN", "PROPN"):
                            cat = _noun_category(c)
                            if cat and c.dep_ != "compound":
                                return cat
                        nxt.append(c)
            frontier = nxt
    return None


def word_category(token: Token) -> str | None:
    """The category the word itself carries: a verb, a noun, or a light verb through its object."""
    table = lexicon()
    lemma = _lemma(token)
    if token.pos_ in ("NOUN", "PROPN"):
        return _noun_category(token)
    if lemma in _END or lemma in ("ban", "prevent", "disperse", "accept", "meet", "violate", "reject"):
        for obj in _objects(token):
            noun = obj.lemma_.lower()
            cat = _noun_category(obj)
            if lemma in ("accept", "meet") and noun in ("demand", "request", "condition"):
                return "REJECT" if negated(token) else "CONCEDE"  # CAMEO 083 accede to demands
            if lemma == "violate" and ({noun} | {c.lemma_.lower() for c in obj.children if c.dep_ == "compound"}) & {
                    "ceasefire", "cease-fire", "truce"}:
                return "ASSAULT"  # CAMEO 196 violate ceasefire
            if lemma in _END or lemma in ("ban", "prevent", "disperse"):
                turned = _turned(lemma, obj, cat) if cat else None
                if turned:
                    return turned
    if lemma in ("allow", "permit", "receive", "admit", "accept") and any(
            o.lemma_.lower() in _ACCESS or _noun_category(o) == "AID" for o in _objects(token)):
        return "RETREAT"  # letting inspectors, peacekeepers or aid in (CAMEO 086x)
    if lemma == "block":
        objs = _objects(token)
        if not objs or any(o.lemma_.lower() in _PASSAGE for o in objs):
            return "PROTEST"  # CAMEO 144 obstruct passage
        return "COERCE"
    if (lemma, "light") in table:
        cat = _object_category(token) or table[(lemma, "light")] or None
        if cat in ("MOBILIZE", "AID") and lemma in ("use", "employ"):
            return "ASSAULT"  # using force or weapons (CAMEO 190, 195)
        if cat == "PROTEST" and lemma in ("lodge", "file", "issue"):
            return "ACCUSE"  # a lodged protest is a diplomatic one (PLOVER ACCUSE disapprove)
        if cat == "MOBILIZE" and _joint(token) and any(
                t.lemma_.lower() in _JOINT_MILITARY or _noun_category(t) == "MOBILIZE" and t.lemma_.lower() == "game"
                for t in token.subtree):
            return "COOPERATE"  # joint manoeuvres (PLOVER MOBILIZE: joint operations are COOPERATE)
        return cat
    cat = table.get((lemma, "verb"))
    if lemma == "return" and not any(c.dep_ == "dobj" for c in token.children):
        cat = None  # "returned to Geneva" is travel; "returned the prisoners" a retreat
    if cat == "PROTEST" and any(c.dep_ == "ccomp" for c in token.children):
        return "ACCUSE"  # "protested that ...": a verbal protest (PLOVER ACCUSE disapprove)
    if cat == "PROTEST" and any(c.dep_ == "dobj" for c in token.children):
        cat = None  # "demonstrated the shared goal" is not a demonstration
    if cat:
        return cat
    if token.pos_ in ("VERB", "AUX", "ADJ"):
        return _object_category(token)
    return None


_SPEECH_ACTS = {"AGREE", "REQUEST", "REJECT", "THREATEN", "ACCUSE", "SUPPORT"}


def _must(chain: list[Token]) -> bool:
    """A "must" put on someone other than the speaker ("the US must be ready to mediate")."""
    for t in chain:
        if any(c.dep_ == "aux" and c.lower_ == "must" for c in t.children):
            subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            return subj is None or subj.lower_ not in ("i", "we")
    return False


def _conditional(chain: list[Token]) -> bool:
    """Whether the predicate hangs on an "if" or "unless" clause."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
               for t in chain for c in t.children)


def categorise(chain: list[Token], stance: Stance, lexical: bool = True) -> str:
    """Category for a predicate chain, outermost word first ("pledged" -> "commit" -> ...).

    A speech act in the chain (agree, urge, refuse, threaten) is the event PLOVER codes; otherwise
    the innermost action decides, and intended cooperation becomes AGREE. With nothing to go on the
    stance decides (willing -> AGREE) unless it came from a bare modal ("would"). "" when nothing fits."""
    for token in chain[:-1]:
        cat = word_category(token)
        if cat == "REJECT" and stance not in (Stance.RULED_OUT, Stance.REFUSED):
            continue  # "would not rule out sending troops" is about the troops
        if cat in _SPEECH_ACTS:
            return cat
    inner = ""
    for token in reversed(chain):
        inner = word_category(token) or ""
        if inner:
            break
    if (stance == Stance.DEMANDED or _must(chain)) and inner not in _SPEECH_ACTS:
        return "REQUEST"  # "Iraq must cooperate": a demand on Iraq (CAMEO 10x)
    if inner in _COOPERATIVE and stance in (Stance.RULED_OUT, Stance.REFUSED):
        return "REJECT"  # "will not accept refugees" (CAMEO 12x decline to ...)
    if inner in _INTENT_AGREE and stance in (Stance.COMMITTED, Stance.WILLING) and not any(
            t.lemma_.lower() == "decide" for t in chain) and not (len(chain) == 1 and chain[0].tag_ == "VBD"):
        # a decision taken, or a past act ("accepted the demands"), is the act itself
        return "AGREE"
    if inner in _INTENT_THREATEN and _conditional(chain):
        return "THREATEN"  # "may halt mediation if ...": a punitive act made conditional is a threat
    if inner in _INTENT_THREATEN and stance in _INTENT:
        return "THREATEN"
    if not inner and (lexical or stance != Stance.COMMITTED):
        return {Stance.DEMANDED: "REQUEST", Stance.REFUSED: "REJECT", Stance.RULED_OUT: "REJECT",
                Stance.WILLING: "AGREE", Stance.COMMITTED: "AGREE"}.get(stance, "")
    return inner
