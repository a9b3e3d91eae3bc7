"""Component: quotes (direct, partial, indirect) with speaker and cue.

Two readings of the same paragraph are joined: the quote marks (quote_marks) and the reporting
cues in the parse, as learned from PolNeAR train (quote_model) or, where that gives no content or
is not shipped, as ruled (quote_cues). A cue's content is its clause, widened to whole quoted stretches
it touches and to a quote that resumes right after it ("“A,” he said, “B.”"). Quoted paragraphs
with no cue of their own continue the previous speaker; scare quotes with no cue are not quotes.
Content spans follow the PolNeAR convention: they include the quote marks and a leading "that".
Nothing crosses a paragraph except a quote the writer carries into the next one.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc, Token

from storyledger.annotate import extensions  # noqa: F401
from storyledger.annotate.quotes.cue_model import (
    in_quote_flags,
    learned_cues,
    load_model,
)
from storyledger.annotate.quotes.cues import (
    CUE_LEMMAS,
    SAYING,
    CueParse,
    cue_of,
    misread_report,
    used_as_report,
)
from storyledger.annotate.quotes.discourse import Discourse
from storyledger.annotate.quotes.marks import Quoted, paragraphs, quoted_in
from storyledger.annotate.quotes.speaker_model import SpeakerModel, choose
from storyledger.annotate.quotes.speaker_model import load_model as load_speaker_model
from storyledger.annotate.quotes.speakers import SpeakerResolver
from storyledger.annotate.quotes.transcript import signed_by, transcript_lines
from storyledger.records import EntityType, Quote, QuoteKind, Span, SpeakerRef

_TRIM = " \t,;:—–-.\u00a0"
FLOAT_REACH = 3
_LOWER_AFTER = re.compile(r"[\s\u00a0]*[a-z]")
_FINITE = {"VBD", "VBZ", "VBP"}
_GLUED_CUE = re.compile(r"([A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*)*) (?:also )?(said|added|told \w+|wrote|continued|explained|"
                        r"insisted|warned|replied|declared)\s*:\s*$")  # paragraphs back a cue-less quote paragraph may look for its speaker


class Paragraphs:
    def __init__(self, text: str) -> None:
        self.spans = paragraphs(text)
        self.starts = [s for s, _ in self.spans]

    def index(self, char: int) -> int:
        return max(0, bisect_right(self.starts, char) - 1)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM and not (text[end - 1] == "." and end - start > 1):
        end -= 1
    while end > start and text[end - 1] in " \t,;:—–-":
        end -= 1
    return start, end


def _widen(start: int, end: int, quoted: list[Quoted]) -> tuple[int, int]:
    for q in quoted:
        if q.start < end and start < q.end:
            start, end = min(start, q.start), max(end, q.end)
    return start, end


def _kind(content: list[tuple[int, int]], quoted: list[Quoted]) -> QuoteKind:
    size = sum(e - s for s, e in content)
    inside = sum(max(0, min(e, q.end) - max(s, q.start)) for s, e in content for q in quoted)
    if size and inside >= 0.8 * size:
        return QuoteKind.DIRECT
    return QuoteKind.PARTIAL if inside else QuoteKind.INDIRECT


def _cue_span(text: str, cue: Token) -> Span:
    toks = [cue] + [c for c in cue.children if c.dep_ == "prt" or (cue.lower_ == "according" and c.lower_ == "to")]
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t) for t in toks)
    return Span(start, end, text[start:end])


def _in_quote(char: int, quoted: list[Quoted]) -> bool:
    return any(q.inner[0] <= char < q.inner[1] for q in quoted)


def find_quotes(doc: Doc, speakers: SpeakerModel | None = None) -> list[Quote]:
    """The article's quotes; ``speakers`` (the learned speaker choice) picks each cue's speaker among
    the noun phrases of its sentence, the rules' pick being one of its signals."""
    text = doc.text  # Doc.text joins every token: read it once
    paras = Paragraphs(text)
    quoted_by_para = [quoted_in(text, lo, hi) for lo, hi in paras.spans]
    entities = {e.id: e for e in doc._.sl_entities or []}
    mentions = list(doc._.sl_mentions or [])
    discourse = Discourse(doc, entities, mentions, [(q.start, q.end) for qs in quoted_by_para for q in qs])
    resolver = SpeakerResolver(doc, entities, mentions, discourse)
    found: list[tuple[int, Quote]] = []  # (paragraph, quote)
    covered: list[set[int]] = [set() for _ in paras.spans]  # quoted stretches used, by start
    previous: SpeakerRef | None = None
    resume: list[tuple[int, int, int]] = []  # (found index, paragraph, end of the cue clause)
    model = load_model()
    learned = learned_cues(doc, model, in_quote_flags(doc, [q.inner for qs in quoted_by_para for q in qs])) \
        if model is not None else {}
    for token in doc:
        if token.is_space or token.is_punct or not paras.spans:
            continue
        p = paras.index(token.idx)
        lo, hi = paras.spans[p]
        quoted = quoted_by_para[p]
        if _in_quote(token.idx, quoted):
            continue
        # The learned reading first (it wins on held-out train articles), the rules where it has no content.
        guess = learned.get(token.i)
        parsed: CueParse | None = misread_report(token) or (
            guess if guess is not None and guess.content else cue_of(token) or guess)
        if parsed is not None and not parsed.content:
            parsed = _quote_before(parsed, quoted, text)
        if token.lemma_.lower() in SAYING and token.tag_ in _FINITE:
            parsed = _trailer(token, parsed, quoted, text, lo) or parsed
        if parsed is None or not used_as_report(token):
            continue
        owner = next((c for c in token.children if c.dep_ == "poss"), None) if token.pos_ == "NOUN" else None
        if owner is not None and owner.lower_ not in ("its", "their", "his", "her", "our", "my", "your"):
            parsed.speaker = owner  # "Politifact seized on Trump's claim that ...": the claim is Trump's
        toks = [t for t in parsed.content if lo <= t.idx < hi and not t.is_space]
        if token.tag_ == "VBG" and token.i > 0 and doc[token.i - 1].text == "," and any(t.i > token.i for t in toks) \
                and any(t.i < token.i and misread_report(t) is not None for t in toks):
            toks = [t for t in toks if t.i > token.i]  # "X insisted A, saying B": A is the first report's
        if not toks:
            continue
        start, end = _trim(text, toks[0].idx, toks[-1].idx + len(toks[-1]))
        if end <= start:
            continue
        start, end = _widen(start, end, quoted)
        content = [(start, end)]
        for s, _ in content:
            covered[p].update(q.start for q in quoted if q.start < end and s < q.end)
        in_content = {t.i for t in parsed.content}
        clause = [t for t in token.subtree if t.i not in in_content and not t.is_punct and not t.is_space
                  and lo <= t.idx < hi and not _in_quote(t.idx, quoted)]
        clause_end = max(t.idx + len(t) for t in clause) if clause else token.idx + len(token)
        if start < token.idx:
            resume.append((len(found), p, clause_end))
        head = _in_paragraph(doc, parsed.speaker, token, lo, hi)
        speaker = resolver.resolve(head, lo, hi, previous) if head is not None else None
        if speaker is not None:
            previous = speaker
        found.append((p, Quote(id="", kind=_kind(content, quoted), speaker=speaker, cue=_cue_span(text, token),
                               content=[Span(s, e, text[s:e]) for s, e in content])))
    _resume(text, found, resume, quoted_by_para, covered)
    if speakers is not None:  # before floating quotes take their speaker from the quote before them
        _learned_speakers(doc, [q for _, q in found], speakers, paras, quoted_by_para, resolver)
    transcript = _transcript(text, paras, resolver)
    for p, _ in transcript:  # a labelled line is its speaker's, whatever quote marks wrap it
        covered[p].update(q.start for q in quoted_by_para[p])
    found.extend(_colon_and_floating(doc, paras, quoted_by_para, covered, found, resolver))
    found.extend(transcript)
    found.sort(key=lambda pq: pq[1].content[0].start)
    quotes = []
    for i, (_, q) in enumerate(_outermost(doc, found), 1):
        q.id = f"q{i}"
        quotes.append(q)
    resolver.settle(quotes, lambda char: paras.spans[paras.index(char)])
    # A pronoun or title the speakers resolved here replaces the entities' reading of the same words.
    kept = [m for m in doc._.sl_mentions or [] if (m.start, m.end) not in resolver.replaced]
    doc._.sl_mentions = sorted(kept + resolver.added, key=lambda m: (m.start, m.end))
    return quotes


def _outermost(doc: Doc, found: list[tuple[int, Quote]]) -> list[tuple[int, Quote]]:
    """Drop a quote whose content lies inside another's ("She said Trump favors a “strongman approach”"
    holds "favors" → "a strongman approach"): PolNeAR annotates the outer attribution only (6 of 2,192
    dev attributions nest; of our nested readings 46 of 284 matched). A trailing participle cue ("He
    told the BBC he was “pleased”, saying this would “reassure ...”") starts an attribution of its own:
    the outer one stops before it."""
    text = doc.text  # Doc.text joins every token: read it once
    for _, inner in found:
        cue = _participle_cue(doc, inner)
        if cue is None:
            continue
        for _, outer in found:
            if outer is inner or not outer.content or outer.content[0].start >= cue.idx:
                continue
            if any(s.start < cue.idx < s.end for s in outer.content):
                _cut_before(text, outer, cue.idx)
                inner.speaker = outer.speaker or inner.speaker  # the participle's subject is the outer speaker
    for _, inner in found:
        joined = _joined_report(doc, text, inner)
        if joined is None:
            continue
        joint, verb = joined
        for _, outer in found:
            if outer is inner or not outer.content or outer.content[0].start >= joint or outer.cue is None:
                continue
            if not any(s.start < joint < s.end for s in outer.content):
                continue
            # "X said that she thinks A but said B" is one report of X's (PolNeAR joins them); "X announced A
            # and said B" (the second verb joined to the first) is two, as is another speaker's report.
            coordinated = verb.dep_ == "conj" and outer.cue.start <= verb.head.idx < outer.cue.end
            if not coordinated and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) \
                    and _same_speaker(inner, outer):
                continue
            _cut_before(text, outer, joint)
    bounds = [(q.content[0].start, max(s.end for s in q.content)) for _, q in found]
    keep = []
    for i, (s, e) in enumerate(bounds):
        if not any(j != i and os <= s and e <= oe and (os, oe) != (s, e) for j, (os, oe) in enumerate(bounds)):
            keep.append(found[i])
    return keep


_JOINING = ("but", "and", "while", "whereas", "though", "although")


def _same_speaker(a: Quote, b: Quote) -> bool:
    if a.speaker is None or b.speaker is None:
        return True
    if a.speaker.entity_id is not None and a.speaker.entity_id == b.speaker.entity_id:
        return True
    return a.speaker.start < b.speaker.end and b.speaker.start < a.speaker.end


def _joined_report(doc: Doc, text: str, quote: Quote) -> tuple[int, Token] | None:
    """Where a report joined to the sentence before it starts, and its verb ("Putney told CNN that A,
    but he said B"; "Merrill says X promised A and said B"): the parse hangs it inside the first
    report's content, but it is an attribution of its own, and the first one stops before it."""
    if quote.cue is None or not quote.content:
        return None
    cue = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    if cue is None or cue.root.tag_ not in _FINITE or cue.root.lemma_.lower() not in SAYING:
        return None
    for at in sorted({quote.cue.start, quote.speaker.start if quote.speaker else quote.cue.start}):
        lo = max(0, at - 20)
        before = text[lo:at].rstrip(" ,\u00a0")
        for word in _JOINING:
            if before.lower().endswith(" " + word) and at <= quote.content[0].start:
                return lo + len(before) - len(word), cue.root
    return None


def _participle_cue(doc: Doc, quote: Quote) -> Token | None:
    if quote.cue is None or not quote.content or quote.content[0].start < quote.cue.end:
        return None
    span = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    if span is None:
        return None
    cue = span[0]
    if cue.tag_ != "VBG" or any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return None
    return cue if doc.text[:cue.idx].rstrip().endswith(",") else None


def _cut_before(text: str, quote: Quote, at: int) -> None:
    spans = []
    for span in quote.content:
        if span.start >= at:
            continue
        start, end = _trim(text, span.start, min(span.end, at))
        if end > start:
            spans.append(Span(start, end, text[start:end]))
    if spans:
        quote.content[:] = spans


def _trailer(cue: Token, parsed: CueParse | None, quoted: list[Quoted], text: str, lo: int) -> CueParse | None:
    """"“A,” Tulsa police Chief Jordan said Monday." / "“A!” X shouted to the crowd." / "“A,” said X.":
    a finite reporting verb that follows a quote closed by , ? or ! with no finite verb between (the
    tagger takes too many names for verbs to ask for nouns only) speaks that quote, whatever the parse made of it (it often hangs the verb inside the quote and
    gives it a subject from there). The speaker is the noun phrase between, else the one after."""
    doc = cue.doc
    if cue.tag_ not in _FINITE:
        return None
    before = [q for q in quoted if q.closed and q.end <= cue.idx]
    if not before:
        return None
    q = before[-1]
    if text[q.start + 1:q.end - 1].rstrip(" \u00a0'’‘")[-1:] not in (",", "?", "!"):
        return None  # '“A,” he said' and '“... 'outreach,' ” he said' (a quote closing inside it)
    gap = doc[cue.i:cue.i] if not text[q.end:cue.idx].strip() else doc.char_span(q.end, cue.idx, alignment_mode="contract")
    if gap is None or len(gap) > 20 or any(t.tag_ in _FINITE | {"MD"} or t.text in "\"“”" for t in gap):
        return None
    words = [t for t in gap if not t.is_punct and not t.is_space]
    if words:
        heads = [t for t in words if t.pos_ in ("PROPN", "NOUN", "PRON") and not (gap.start <= t.head.i < gap.end
                                                                                 and t.head.pos_ in ("PROPN", "NOUN"))]
        speaker = heads[0] if heads else None
    else:
        after = [t for t in doc[cue.i + 1:min(len(doc), cue.i + 15)]]
        stop = next((k for k, t in enumerate(after) if t.is_punct or t.is_space), len(after))
        phrase = {t.i for t in after[:stop]}
        nominal = [t for t in after[:stop] if t.pos_ in ("PROPN", "NOUN", "PRON") and t.head.i not in phrase]
        speaker = nominal[0] if nominal else (parsed.speaker if parsed is not None else None)
    if speaker is None or not (lo <= speaker.idx):
        return None
    opening = doc.char_span(q.start, q.end, alignment_mode="expand")
    if opening is None:
        return None
    clause = any(t.tag_ in _FINITE | {"MD"} for t in opening)
    if opening.start > 0 and (doc[opening.start - 1].pos_ == "ADP" or doc[opening.start - 1].tag_ == "POS") \
            and not clause:
        return None  # 'in an interview on CBS's “Face the Nation,” Ryan said ...': a title, not what is said
    # 'Mills "got an immunity agreement," Jordan said': the words before the quote in its sentence are
    # said too, unless a report of their own comes first ('Pence said on "Fox News Sunday," ...').
    lead = [t for t in doc[max(opening.sent.start, doc.char_span(lo, q.start, alignment_mode="expand").start
                               if q.start > lo else opening.start):opening.start] if not t.is_space]
    if any(t.lemma_.lower() in SAYING and t.tag_ in _FINITE for t in lead) or any(t.text in "\"“”" for t in lead):
        return None
    stops = [k for k, t in enumerate(lead) if t.text in (".", "?", "!")]
    if stops:  # the parser ran two sentences together: "He doesn't think so. ''I don't judge,'' he said."
        lead = lead[stops[-1] + 1:]
    if lead and lead[-1].pos_ in ("ADP", "SCONJ") and any(t.tag_ in _FINITE | {"MD"} for t in lead) and clause:
        lead = []  # 'Up to 30 countries have been involved, with "different countries are ...," X said': narration
    return CueParse(cue, speaker, lead + list(opening), False)


def _quote_before(parsed: CueParse, quoted: list[Quoted], text: str) -> CueParse | None:
    """"“...” he said." parsed as two sentences, or with the quote hung off the verb as a stray dependent:
    the cue takes the quote that ends right before the rest of its clause."""
    clause = [t for t in parsed.cue.subtree if not t.is_punct and not t.is_space and not _in_quote(t.idx, quoted)]
    if not clause:
        return None
    start = min(t.idx for t in clause)
    for q in quoted:
        if q.end <= start and text[q.end:start].strip(" ,—–-\u00a0") == "":
            doc = parsed.cue.doc
            span = doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is None:
                return None
            return CueParse(parsed.cue, parsed.speaker, list(span), parsed.according_to)
    return None


def _in_paragraph(doc: Doc, subject: Token | None, cue: Token, lo: int, hi: int) -> Token | None:
    """The parser sometimes joins a paragraph to the line before it ("4:40 p.m. / Trump's manager says"),
    giving the cue a subject from the wrong paragraph: take the head of the words before the cue instead."""
    if subject is None or lo <= subject.idx < hi:
        return subject
    span = doc.char_span(lo, cue.idx, alignment_mode="contract")
    if span is None or not len(span):
        return None
    nominal = [t for t in span if t.pos_ in ("PROPN", "NOUN", "PRON") and (t.head.i >= span.end or t.head.i < span.start
                                                                          or t.head.i == cue.i or t.dep_ == "ROOT")]
    return nominal[-1] if nominal else None


def _transcript(text: str, paras: Paragraphs, resolver: SpeakerResolver) -> list[tuple[int, Quote]]:
    out = []
    for (ls, le), (cs, ce) in transcript_lines(text):
        named = resolver.mentions_in(ls, le)
        speaker = SpeakerRef(text[ls:le], ls, le, named[0].entity_id if named else None)
        out.append((paras.index(cs), Quote(id="", kind=QuoteKind.DIRECT, speaker=speaker, cue=None,
                                           content=[Span(cs, ce, text[cs:ce])])))
    return out


def _resume(text: str, found: list[tuple[int, Quote]], resume: list[tuple[int, int, int]],
            quoted_by_para: list[list[Quoted]], covered: list[set[int]]) -> None:
    """A quote taken up again right after its cue clause is the same quote: "“A,” he said. “B.”"."""
    for index, p, clause_end in resume:
        quote = found[index][1]
        for q in quoted_by_para[p]:
            if q.start < clause_end or q.start in covered[p]:
                continue
            gap = text[clause_end:q.start]
            if text[:q.start].rstrip().endswith(("’s", "'s")) and gap.strip(" \u00a0") in ("", "’s", "'s"):
                clause_end = q.end  # 'said on Fox News's “Fox and Friends.”': a title closes the clause
                continue
            if len(gap) <= 8 and gap.strip(" ,.:;\u00a0") in ("", "but", "and"):  # '“A,” he said, but “B.”'
                quote.content.append(Span(q.start, q.end, text[q.start:q.end]))
                covered[p].add(q.start)
                quote.kind = QuoteKind.DIRECT if quote.kind == QuoteKind.DIRECT else QuoteKind.PARTIAL
            break


def _colon_and_floating(doc: Doc, paras: Paragraphs, quoted_by_para: list[list[Quoted]],
                        covered: list[set[int]], found: list[tuple[int, Quote]],
                        resolver: SpeakerResolver) -> list[tuple[int, Quote]]:
    """Quoted stretches no cue took: after "X added:" they are X's; a paragraph that opens with a
    quote continues the last speaker within reach (or, carried on, the next one)."""
    text = doc.text
    out: list[tuple[int, Quote]] = []
    by_para: dict[int, list[Quote]] = {}
    for p, q in found:
        by_para.setdefault(p, []).append(q)
    for p, quoted in enumerate(quoted_by_para):
        lo, hi = paras.spans[p]
        for q in quoted:
            if q.start in covered[p]:
                continue
            before = text[lo:q.start].rstrip()
            colon = before.endswith(":")
            opens_para = not before
            if not (colon or opens_para):
                continue
            if q.end - q.start < 12 or len(text[q.start:q.end].split()) < 3:
                continue
            if opens_para and _LOWER_AFTER.match(text, q.end, hi):
                continue  # '“American Skin (41 Shots)” was written by ...': a title the sentence goes on about
            source = None
            signed = signed_by(text, q.end, hi)
            if signed is not None:
                named = resolver.mentions_in(*signed)
                speaker = SpeakerRef(text[signed[0]:signed[1]], signed[0], signed[1], named[0].entity_id if named else None)
                out.append((p, Quote(id="", kind=QuoteKind.DIRECT, speaker=speaker, cue=None,
                                     content=[Span(q.start, q.end, text[q.start:q.end])])))
                continue
            if colon:
                source = next((x for x in reversed(by_para.get(p, [])) if x.cue and x.cue.start < q.start), None)
                if source is None:
                    source = _cue_before_colon(doc, q.start, lo, found, resolver)
                if source is None:
                    source = _named_before_colon(resolver, lo, len(before) + lo - 1)
            if source is None and opens_para and p > 0:
                # "He said: ¶ “...”": the paragraph before ends on a colon and its cue introduces this one.
                plo, phi = paras.spans[p - 1]
                lead = text[plo:phi].rstrip()
                if lead.endswith(":") and not quoted_by_para[p - 1]:
                    source = _cue_before_colon(doc, plo + len(lead) - 1, plo, found, resolver)
            if source is None and opens_para:
                for back in range(p, max(-1, p - FLOAT_REACH - 1), -1):
                    cands = [x for x in by_para.get(back, []) if x.speaker is not None and x.start < q.start]
                    if cands:
                        source = cands[-1]
                        break
                if source is None and not q.closed and p + 1 < len(paras.spans):
                    source = next((x for x in by_para.get(p + 1, []) if x.speaker is not None), None)
            if source is None or source.speaker is None:
                continue
            if colon and source.content and source.content[-1].end <= q.start and \
                    text[source.content[-1].end:q.start].strip(" :\u00a0") == "":
                source.content.append(Span(q.start, q.end, text[q.start:q.end]))
                source.kind = QuoteKind.DIRECT
                continue
            quote = Quote(id="", kind=QuoteKind.DIRECT, speaker=source.speaker, cue=source.cue if colon else None,
                          content=[Span(q.start, q.end, text[q.start:q.end])])
            out.append((p, quote))
            by_para.setdefault(p, []).append(quote)
    return out


def _named_before_colon(resolver: SpeakerResolver, lo: int, colon: int) -> Quote | None:
    """"... doesn't surprise pollster Daron Shaw: “...”": a person named right before the colon speaks."""
    named = [m for m in resolver.mentions_in(lo, colon) if m.end <= colon and resolver.text[m.end:colon].strip() == ""
             and resolver.entities[m.entity_id].type == EntityType.PERSON]
    if not named:
        return None
    m = named[-1]
    return Quote(id="", kind=QuoteKind.DIRECT, speaker=SpeakerRef(m.text, m.start, m.end, m.entity_id), cue=None,
                 content=[])


def _cue_before_colon(doc: Doc, at: int, lo: int, found: list[tuple[int, Quote]],
                      resolver: SpeakerResolver) -> Quote | None:
    """"He added: “...”" where the parse gave the verb no content: build the quote's speaker from
    the verb's subject."""
    glued = _GLUED_CUE.search(resolver.text, lo, at)
    if glued is not None:
        # The tokenizer glues 'added:"On' into one word: read the cue off the characters.
        named = resolver.mentions_in(glued.start(1), glued.end(1))
        if named:
            m = named[-1]
            speaker = SpeakerRef(m.text, m.start, m.end, m.entity_id)
            cue = Span(glued.start(2), glued.end(2), glued.group(2))
            return Quote(id="", kind=QuoteKind.DIRECT, speaker=speaker, cue=cue, content=[])
    span = doc.char_span(lo, at, alignment_mode="expand")
    if span is None:
        return None
    previous = found[-1][1].speaker if found else None
    for t in reversed(span):
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in CUE_LEMMAS | {"continue"}:
            subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
            if subj is None:
                return None
            speaker = resolver.resolve(subj, lo, at, previous)
            return Quote(id="", kind=QuoteKind.DIRECT, speaker=speaker, cue=_cue_span(resolver.text, t), content=[])
    return None


def speaker_context(doc: Doc, quote: Quote, paras: Paragraphs, quoted_by_para: list[list[Quoted]]
                    ) -> tuple[Token, Token | None, set[int]] | None:
    """What the learned speaker choice reads for one quote: its cue token, the rules' speaker head,
    and the tokens no speaker may come from (other paragraphs, quoted words). Words inside the
    content's span stay candidates: "Climate change, Mr. Obama says, is the greatest threat"."""
    if quote.cue is None:
        return None
    cue_span = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    if cue_span is None or not len(cue_span):
        return None
    cue = cue_span.root
    p = paras.index(cue.idx)
    lo, hi = paras.spans[p]
    quoted = quoted_by_para[p]
    rule = None
    if quote.speaker is not None:
        span = doc.char_span(quote.speaker.start, quote.speaker.end, alignment_mode="expand")
        rule = span.root if span is not None and len(span) else None
    excluded = {t.i for t in cue.sent if not lo <= t.idx < hi or _in_quote(t.idx, quoted)}
    return cue, rule, excluded


def _learned_speakers(doc: Doc, quotes: list[Quote], model: SpeakerModel, paras: Paragraphs,
                      quoted_by_para: list[list[Quoted]], resolver: SpeakerResolver) -> None:
    previous: SpeakerRef | None = None
    for quote in quotes:
        context = speaker_context(doc, quote, paras, quoted_by_para)
        if context is not None:
            cue, rule, excluded = context
            span = (quote.speaker.start, quote.speaker.end) if quote.speaker is not None else None
            head = choose(model, cue, rule, span, excluded)
            if head is None:
                quote.speaker = None
            elif rule is None or head.i != rule.i:
                lo, hi = paras.spans[paras.index(cue.idx)]
                quote.speaker = resolver.resolve(head, lo, hi, previous)
        previous = quote.speaker or previous


@Language.factory(
    "storyledger_quotes",
    default_config={"learned_speakers": True},
    requires=["doc.sents", "doc._.sl_entities", "doc._.sl_mentions"],
    assigns=["doc._.sl_quotes", "doc._.sl_mentions"],
)
def make_quotes(nlp: Language, name: str, learned_speakers: bool):
    """``learned_speakers=False`` keeps the rules' speakers (the training data of that model)."""
    def quotes_component(doc: Doc) -> Doc:
        doc._.sl_quotes = find_quotes(doc, load_speaker_model() if learned_speakers else None)
        return doc
    return quotes_component
