"""Component: claims (commitments and positions) with stance, condition and time.

Read off the one parse the pipeline made: every clause whose predicate carries a stance cue
("is preparing to", "pledged", "ruled out", "urged") or a PLOVER category becomes a claim. The actor
is the clause's subject, never the reporting clause around it ("..., Downing Street has said"):
that, or the speaker of an enclosing quote, goes to reported_by.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from storyledger.annotate import extensions  # noqa: F401
from storyledger.annotate.claims.actor import REPORTING, ActorResolver
from storyledger.annotate.claims.category import categorise
from storyledger.annotate.claims.condition import (
    dependency_in,
    find_condition,
    is_condition_clause,
)
from storyledger.annotate.claims.stance import (
    DEMAND,
    PLAN_NOUNS,
    lemma,
    lexical_cue,
    read,
)
from storyledger.records import ActorRef, Claim, Span, Stance, TimeRef

_HEAD_DEPS = {"ROOT", "ccomp", "conj", "parataxis", "advcl", "pcomp"}
_COPULAS = {"be", "become", "remain", "seem", "appear", "feel", "look", "stand"}
_TARGET_PREPS = {"to", "for", "on", "against", "with", "at", "into", "towards", "toward"}
_PLAN_MAKERS = {"draw", "make", "unveil", "announce", "finalise", "finalize", "step", "work", "have", "develop",
                "lay", "present", "outline", "prepare", "agree", "draft", "submit", "put"}
MAX_SENTENCE_TOKENS = 200  # a "sentence" longer than this is a parse of a list or a table, not prose


def predicate_chain(head: Token) -> list[Token]:
    """From a clause's head down to its action: "is preparing" -> "deploy"; "is willing" -> "help";
    "drawing up plans" -> "send"; "called on" -> "sanctions"."""
    chain = [head]
    seen = {head.i}
    token = head
    while True:
        nxt = None
        kids = list(token.children)
        nxt = next((c for c in kids if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX", "ADJ")), None)
        if nxt is None and token.lemma_.lower() in _COPULAS:
            nxt = next((c for c in kids if c.dep_ == "acomp" and c.pos_ == "ADJ"), None)
        if nxt is None and token.lemma_.lower() in _PLAN_MAKERS:
            plan = next((c for c in kids if c.dep_ in ("dobj", "nsubjpass") and c.lower_ in PLAN_NOUNS), None)
            if plan is not None:
                act = next((c for c in plan.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"), None)
                chain.append(plan)
                nxt = act
        if nxt is None and lemma(token) in DEMAND | {"rule_out", "discuss", "consider", "reject", "refuse"}:
            nxt = next((c for c in kids if c.dep_ in ("ccomp",) and c.pos_ in ("VERB", "AUX")), None)
            if nxt is None:
                nxt = next((c for c in kids if c.dep_ == "dobj" and c.pos_ in ("NOUN", "VERB")), None)
            if nxt is None:
                for prep in (c for c in kids if c.dep_ in ("prep", "prt") and c.lower_ in ("for", "on")):
                    nxt = next((c for c in prep.children if c.dep_ == "pobj"), None) or nxt
        if nxt is None or nxt.i in seen:
            return chain
        chain.append(nxt)
        seen.add(nxt.i)
        token = nxt


def _is_reporting(token: Token) -> bool:
    return token.lemma_.lower() in REPORTING and any(
        c.dep_ in ("ccomp", "parataxis") or (c.dep_ == "dobj" and c.pos_ == "VERB") for c in token.children)


def _reporter(head: Token) -> Token | None:
    """The subject of the reporting verb this clause is the content of ("Downing Street has said")."""
    t = head
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if _position_clause(t):
        return next((c for c in t.head.children if c.dep_ == "poss"), None)
    if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in REPORTING:
        verb = t.head
    elif t.dep_ == "ROOT":
        verb = next((c for c in t.children if c.dep_ in ("parataxis", "advcl") and c.lemma_.lower() in REPORTING
                     and not any(g.dep_ == "ccomp" for g in c.children)), None)
        if verb is None:
            return None
    else:
        return None
    return _subject(verb)


def _subject(verb: Token) -> Token | None:
    t = verb
    if verb.dep_ == "conj" and verb.lemma_.lower() in REPORTING and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        # "... as the US president admitted X but stressed that Y": the subject of the nearer report.
        root = verb
        while root.head.i != root.i:
            root = root.head
        earlier = [w for w in root.subtree if w.i < verb.i and w.lemma_.lower() in REPORTING
                   and any(c.dep_ == "nsubj" for c in w.children)]
        if earlier:
            t = earlier[-1]
    for _ in range(4):
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
        if subj is not None:
            return subj
        if t.dep_ in ("conj", "xcomp") and t.head.i != t.i:
            t = t.head
        else:
            return None
    return None


POSITION_NOUNS = {"position", "view", "belief", "pledge", "promise", "commitment", "demand", "plan", "hope",
                  "insistence", "stance", "policy", "intention", "assurance", "guarantee", "warning"}


def _position_clause(t: Token) -> bool:
    """"it was his position that Parliament would have a say": a clause stating a held position."""
    return (t.dep_ in ("relcl", "acl", "ccomp") and t.head.lemma_.lower() in POSITION_NOUNS
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children))


# Passives that state a party's own part without naming an agent ("30 countries have been involved").
PARTICIPATION = {"involve", "engage"}


def _reduced_passive(t: Token) -> bool:
    """"a meeting attended by more than 30 leaders": the agent acts on the noun the participle modifies."""
    return t.dep_ == "acl" and t.tag_ == "VBN" and any(c.dep_ == "agent" for c in t.children)


def _clause_heads(sent: SpacySpan, skip: set[int]) -> list[Token]:
    heads = []
    for t in sent:
        if t.i not in skip and t.pos_ in ("VERB", "AUX") and _position_clause(t):
            heads.append(t)
            continue
        if t.i not in skip and _reduced_passive(t):
            heads.append(t)
            continue
        if t.i in skip or t.pos_ not in ("VERB", "AUX") or t.dep_ not in _HEAD_DEPS:
            continue
        if t.pos_ == "AUX" and not any(c.dep_ in ("acomp", "attr", "xcomp") for c in t.children):
            continue
        if t.dep_ == "advcl" and (is_condition_clause(t) or any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)):
            continue
        if t.dep_ == "pcomp" and t.lemma_.lower() not in REPORTING:
            continue
        if _is_reporting(t) or (t.lemma_.lower() in REPORTING and t.dep_ in ("ROOT", "parataxis")
                                and any(c.dep_ == "nsubj" for c in t.children)
                                and not any(c.dep_ in ("dobj", "xcomp") for c in t.children)):
            continue
        heads.append(t)
    return heads


def _same_line(tokens: list[Token], anchor: Token) -> list[Token]:
    """Only the tokens in the anchor's paragraph: the parser sometimes runs a sentence across a line
    break (a caption or a dateline glued to the first paragraph)."""
    breaks = [t.i for t in tokens if "\n" in t.text_with_ws[len(t.text):] or ("\n" in t.text and t.is_space)]
    lo = max((b for b in breaks if b < anchor.i), default=-1)
    hi = min((b for b in breaks if b >= anchor.i), default=10**9)
    return [t for t in tokens if lo < t.i <= hi and not t.is_space]


def _span_of(doc: Doc, tokens: list[Token]) -> Span:
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return Span(start, end, doc[tokens[0].i: tokens[-1].i + 1].text)  # not doc.text: it rebuilds the text


def _action(chain: list[Token], drop: set[int], passive_subj: Token | None) -> str:
    """The action as written: the innermost predicate's phrase, without condition or subject."""
    content = chain[-1]
    agent = {t.i for c in content.children if c.dep_ == "agent" for t in c.subtree}
    toks = [t for t in content.subtree if t.i not in drop and t.i not in agent]
    if content.pos_ in ("VERB", "AUX") and (content.dep_ != "ccomp" or len(chain) == 1):
        subj = {t.i for c in content.children if c.dep_ in ("nsubj", "nsubjpass", "expl") for t in c.subtree}
        toks = [t for t in toks if t.i not in subj and not (t.i < content.i and t.dep_ in ("aux", "auxpass", "mark"))]
    else:
        toks = [t for t in toks if not (t.dep_ == "mark" and t.lower_ == "that")]
    while toks and (toks[-1].is_punct or toks[-1].is_space) and toks[-1].lower_ not in (")", "”", '"'):
        toks.pop()
    toks = _same_line(toks, content)
    words: list[str] = []
    prev = None
    for t in toks:
        if prev is not None and t.i != prev + 1 and words:
            words.append(" ")
        words.append(t.text_with_ws)
        prev = t.i
    text = "".join(words).strip().strip(",;:—–-").strip()
    if passive_subj is not None:
        own = {t.i for t in content.subtree}
        subj_toks = _same_line([t for t in passive_subj.subtree if t.i not in own], passive_subj)
        text = f"{content.lemma_} {''.join(t.text_with_ws for t in subj_toks)}".strip().rstrip(",;:")
    return " ".join(text.split())


def _target(chain: list[Token], resolver: ActorResolver, addressee: Token | None, drop: set[int]) -> tuple[str | None, str | None]:
    """The target: the addressee of a demand, else the first entity among the action's objects."""
    if addressee is not None:
        ref = resolver.resolve(addressee)
        if ref is not None:
            return ref.text, (ref.entity_ids[0] if ref.entity_ids else None)
    for token in reversed(chain[1:] or chain):
        for t in token.subtree:
            if t.i in drop or t.dep_ in ("compound", "amod", "poss", "nsubj") or t.pos_ != "PROPN":
                continue
            if t.dep_ in ("pobj", "dobj", "dative", "appos", "conj") or t.head.lower_ in _TARGET_PREPS:
                ids = resolver.ids_in(t.idx, t.idx + len(t))
                if ids:
                    span = t.doc[t.left_edge.i: t.i + 1] if t.dep_ != "conj" else t.doc[t.i:t.i + 1]
                    return span.text, ids[0]
    return None, None


def _when(sent: SpacySpan, chain: list[Token], times: list[TimeRef], drop: set[int], reporter_verb: Token | None,
          stance: Stance) -> TimeRef | None:
    # (Token.sent rescans the whole Doc in spaCy 3.8: the sentence is passed in instead.)

    def inside(tokens: set[int], t: TimeRef) -> bool:
        return any(tok.i in tokens for tok in sent if t.start <= tok.idx < t.end)

    # The action's own phrase and the adverbials of the chain's words; not the subject's or objects' times.
    own = {t.i for t in chain[-1].subtree if t.i not in drop}
    for token in chain:
        own |= {t.i for c in token.children if c.dep_ in ("prep", "npadvmod", "advmod", "tmod") for t in c.subtree}
    own -= drop
    for child in chain[0].children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            own -= {t.i for t in child.subtree}
    for tref in times:
        if inside(own, tref):
            return tref
    if reporter_verb is not None and stance == Stance.REPORTED:
        near = {t.i for c in reporter_verb.children if c.dep_ in ("prep", "npadvmod", "advmod") for t in c.subtree}
        for tref in times:
            if inside(near, tref):
                return tref
    return None


def _times_in(sent: SpacySpan, times: list[TimeRef]) -> list[TimeRef]:
    return [t for t in times if sent.start_char <= t.start < sent.end_char]


def extract_claims(doc: Doc) -> list[Claim]:
    entities = {e.id: e for e in (doc._.sl_entities or [])}
    resolver = ActorResolver(doc, entities, list(doc._.sl_mentions or []), list(doc._.sl_quotes or []))
    times = list(doc._.sl_times or [])
    claims: list[Claim] = []
    nouns_of: list[tuple[set[str], Claim, int]] = []  # action nouns per claim, for later-sentence conditions
    for sent_no, sent in enumerate(doc.sents):
        if len(sent) > MAX_SENTENCE_TOKENS:
            continue
        sent_times = _times_in(sent, times)
        dependency = dependency_in(sent)
        skip = {t.i for c in sent if c.dep_ in ("advcl", "conj") and is_condition_clause(c) for t in c.subtree}
        made = 0
        for head in _clause_heads(sent, skip):
            claim = _claim(doc, sent, head, resolver, sent_times)
            if claim is None:
                continue
            claims.append(claim)
            made += 1
            chain_nouns = {t.lemma_.lower() for t in sent if t.pos_ == "NOUN" and t.lower_ in claim.action.lower()}
            nouns_of.append((chain_nouns, claim, sent_no))
        if dependency is not None:
            _attach_dependency(dependency, nouns_of, sent_no)
    for i, claim in enumerate(claims, 1):
        claim.id = f"c{i}"
    return claims


def _attach_dependency(dependency, nouns_of, sent_no: int) -> None:
    """"Any force would need support from the US": the condition of the latest claim about a force."""
    subj, _, span = dependency
    for nouns, claim, at in reversed(nouns_of):
        if sent_no - at > 8:
            return
        if subj.lemma_.lower() in nouns or (subj.lower_ in ("it", "this", "that") and sent_no - at <= 1):
            if claim.condition is None:
                claim.condition = span
            return


def _claim(doc: Doc, sent: SpacySpan, head: Token, resolver: ActorResolver, times: list[TimeRef]) -> Claim | None:
    chain = predicate_chain(head)
    reading = read(chain)
    subj = _subject(head)
    passive_subj = None
    agent = next((c for t in chain for c in t.children if c.dep_ == "agent"), None)
    if subj is None and agent is not None and _reduced_passive(head):
        subj = head.head
    if subj is not None and (subj.dep_ == "nsubjpass" or subj.i == head.head.i) and agent is not None:
        passive_subj = subj
        subj = next((c for c in agent.children if c.dep_ == "pobj"), None)
    elif subj is not None and subj.dep_ == "nsubjpass" and head.lemma_.lower() not in PARTICIPATION:
        return None
    if subj is None:
        return None
    inner = [t for t in chain[-1].subtree if t.i != chain[-1].i]
    cond, drop = find_condition(chain, inner)
    reporter_tok = _reporter(head)
    reporter_verb = reporter_tok.head if reporter_tok is not None else None
    if cond is None and reporter_verb is not None:
        cond, drop = find_condition([reporter_verb])
    category = categorise(chain, reading.stance, lexical=reading.cue is not None and lexical_cue(reading.cue) is not None)
    if reading.stance == Stance.REPORTED and not category:
        return None
    actor = resolver.resolve(subj)
    if actor is None:
        return None
    addressee = None
    if reading.cue is not None and lemma(reading.cue) in DEMAND:
        addressee = next((c for c in reading.cue.children if c.dep_ in ("dobj", "dative")
                          and c.pos_ in ("PROPN", "NOUN", "PRON") and c.i != chain[-1].i), None)
    reported_by = None
    quote_id = None
    if reporter_tok is not None:
        reporter = resolver.resolve(reporter_tok)
        if reporter is not None:
            reported_by = _name(resolver, reporter)
    quote = resolver.quote_at(head.idx)
    if quote is not None and quote.speaker is not None:
        quote_id = quote.id
        speaker_entity = resolver.entities.get(quote.speaker.entity_id or "")
        reported_by = speaker_entity.name if speaker_entity else quote.speaker.text
    if reading.deontic and reporter_tok is not None and reported_by is not None:
        # "Trump stressed that Zelensky had to show flexibility": Trump demands it of Zelensky.
        addressee = subj
        actor = resolver.resolve(reporter_tok) or actor
        reported_by = None
    if reported_by is not None and _same(actor, reported_by, resolver):
        reported_by = None
    target, target_id = _target(chain, resolver, addressee, drop | {t.i for t in subj.subtree})
    evidence = _span_of(doc, _same_line(list(sent), head) or [head])
    action = _action(chain, drop, passive_subj)
    if not action:
        return None
    resolver.last_actor = actor
    return Claim(
        id="", actor=actor, action=action, category=category or "", stance=reading.stance,
        polarity=reading.polarity, evidence=evidence, target=target, target_entity_id=target_id,
        condition=cond, when=_when(sent, chain, times, drop, reporter_verb, reading.stance),
        reported_by=reported_by, quote_id=quote_id,
    )


def _name(resolver: ActorResolver, ref: ActorRef) -> str:
    if ref.entity_ids and ref.entity_ids[0] in resolver.entities:
        return resolver.entities[ref.entity_ids[0]].name
    return ref.text


def _same(actor: ActorRef, reported_by: str, resolver: ActorResolver) -> bool:
    names = {resolver.entities[i].name for i in actor.entity_ids if i in resolver.entities}
    return reported_by in names


@Language.component(
    "storyledger_claims",
    requires=["doc.sents", "doc._.sl_entities", "doc._.sl_mentions", "doc._.sl_quotes", "doc._.sl_times"],
    assigns=["doc._.sl_claims"],
)
def claims_component(doc: Doc) -> Doc:
    doc._.sl_claims = extract_claims(doc)
    return doc
