"""Synthetic news: hand-built AnnotatedArticle records over a made-up vocabulary, in many stories,
with entities and claims, so 10,000 articles take seconds to make instead of hours of parsing."""

from __future__ import annotations

import random
from datetime import date, timedelta

from storyledger.records import (
    ActorRef, AnnotatedArticle, Article, Claim, DateSource, Entity, EntityType, Mention, Polarity, Span, Stance,
)

_SYLLABLES = "ka lo mi ner sa tor vel dun pra lis gor ben tam rik sol fen dar mo zu qua pe ri".split()
_STANCES = [Stance.COMMITTED, Stance.PREPARING, Stance.WILLING, Stance.RULED_OUT, Stance.DEMANDED]


class SyntheticNews:
    """Articles in many stories: each story has its own topic words and actors, on a shared
    background vocabulary; some articles are syndicated copies of earlier ones."""

    def __init__(self, seed: int = 7, stories: int = 400, vocabulary: int = 6000) -> None:
        self.rng = random.Random(seed)
        words = {self._word() for _ in range(vocabulary * 2)}
        self.vocab = sorted(words)[:vocabulary]
        self.stories = [
            (self.rng.sample(self.vocab, 12), [self._name() for _ in range(4)]) for _ in range(stories)
        ]
        self.start = date(2024, 1, 1)
        self.made: list[str] = []
        self.n = 0

    def _word(self) -> str:
        return "".join(self.rng.choice(_SYLLABLES) for _ in range(self.rng.randint(2, 4)))

    def _name(self) -> str:
        return f"{self._word().title()} {self._word().title()}"

    def article(self) -> AnnotatedArticle:
        self.n += 1
        rng = self.rng
        if self.made and rng.random() < 0.05:  # a syndicated copy with a different last sentence
            text = self.made[rng.randrange(len(self.made))].rsplit(".", 2)[0] + f". Copy {self.n}."
        else:
            topic, people = self.stories[rng.randrange(len(self.stories))]
            sentences = []
            for i in range(14):
                ws = [rng.choice(topic) if rng.random() < 0.3 else rng.choice(self.vocab) for _ in range(18)]
                if i % 3 == 0:
                    ws.insert(0, people[i % len(people)])
                sentence = " ".join(ws)
                sentences.append(sentence[0].upper() + sentence[1:] + ".")  # str.capitalize() would lower the names
            text = " ".join(sentences)
        self.made.append(text)
        day = self.start + timedelta(days=self.n // 20)
        art = Article(source=f"synthetic:{self.n}", text=text, title=" ".join(text.split()[:8]), published=day,
                      published_source=DateSource.USER, outlet=f"Outlet {self.n % 17}")
        entities: list[Entity] = []
        mentions: list[Mention] = []
        claims: list[Claim] = []
        for person in sorted({m for m in _names_in(text)}):
            eid = f"e{len(entities) + 1}"
            entities.append(Entity(eid, person, EntityType.PERSON, [person]))
            at = text.find(person)
            mentions.append(Mention(eid, at, at + len(person), person))
            end = text.find(".", at) + 1 or len(text)
            claims.append(Claim(
                f"c{len(claims) + 1}", ActorRef(person, at, at + len(person), [eid]),
                " ".join(text[at + len(person):end].split()[:5]), "AGREE", rng.choice(_STANCES),
                Polarity.AFFIRMED, Span(at, end),
            ))
        return AnnotatedArticle(art, entities, mentions, [], claims[:4], [])


def _names_in(text: str) -> list[str]:
    ws = text.split()
    return [f"{a} {b}" for a, b in zip(ws, ws[1:]) if a[:1].isupper() and b[:1].isupper() and not b.endswith(".")]
