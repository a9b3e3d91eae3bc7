"""A made-up negotiation story in the style of wire copy, with its claims built by hand: a party refuses a
partial deal in April and May (two outlets, then a third in June), accepts one in August; a mediator
suspends its role and resumes it two days later; a wire story is carried by three outlets; one article
says two things on one matter; a spokeswoman speaks for her group. Names, places and quotes are invented."""

from __future__ import annotations

from storyledger.records import AnnotatedArticle, Stance
from tests.link.records import article, claim

FRONT, VELMORA, OSTMARK = "Tarsen Front", "Velmora", "Ostmark"
SPOKESWOMAN = "Lena Harrow"
THINGS = {FRONT: "group", VELMORA: "place", OSTMARK: "place"}


def _doc(text: str, day: str, outlet: str, people: dict[str, list[str]] | None = None) -> AnnotatedArticle:
    return article(text, day, outlet, people, {k: v for k, v in THINGS.items() if k in text})


def corpus() -> dict[str, AnnotatedArticle]:
    docs: dict[str, AnnotatedArticle] = {}
    apr = _doc(f"The {FRONT} on Thursday rejected a partial prisoner exchange proposed by mediators, saying only a "
               f"complete agreement would end the fighting in the northern hills of {OSTMARK}.", "2025-04-03",
               "Harbour Wire")
    claim(apr, FRONT, "a partial prisoner exchange", Stance.REFUSED)
    docs["apr"] = apr
    may = _doc(f"Commanders of the {FRONT} again ruled out accepting a partial prisoner exchange on Monday, "
               "insisting that every detainee be freed at once.", "2025-05-12", "Daily Meridian")
    claim(may, FRONT, "accepting a partial prisoner exchange", Stance.RULED_OUT)
    docs["may"] = may
    jun = _doc(f"{SPOKESWOMAN}, spokeswoman for the {FRONT}, said the group turned down a phased prisoner exchange "
               "because it left hundreds of detainees behind.", "2025-06-20", "Northern Ledger",
               {SPOKESWOMAN: [f"spokeswoman for the {FRONT}"]})
    claim(jun, SPOKESWOMAN, "a phased prisoner exchange", Stance.REFUSED)
    docs["jun"] = jun
    aug = _doc(f"The {FRONT} accepted a partial prisoner exchange on Thursday, in a reversal that mediators said "
               "could open the way to wider talks. The group also said it would keep its fighters in the hills "
               "until a ceasefire is signed.", "2025-08-14", "Harbour Wire")
    claim(aug, FRONT, "accepted a partial prisoner exchange", Stance.COMMITTED)
    claim(aug, FRONT, "keep its fighters in the hills", Stance.COMMITTED, condition="until a ceasefire is signed")
    docs["aug"] = aug
    wire = (f"{VELMORA} suspended its role as mediator between {OSTMARK} and the {FRONT} on Tuesday, accusing both "
            "sides of negotiating in bad faith after a convoy was shelled near the border crossing, officials in "
            "the capital told reporters during a briefing that lasted less than ten minutes.")
    for key, outlet, tail in (("sep", "Harbour Wire", ""), ("sep_copy", "Valley Times", " Editing by the desk."),
                              ("sep_copy2", "Coastal Post", " Reporting by staff.")):
        art = _doc(wire + tail, "2025-09-02", outlet)
        claim(art, VELMORA, "suspended its role as mediator", Stance.COMMITTED)
        docs[key] = art
    resume = _doc(f"{VELMORA} resumed its role as mediator on Thursday, two days after suspending it, and invited "
                  f"both delegations to new talks.", "2025-09-04", "Daily Meridian")
    claim(resume, VELMORA, "resumed its role as mediator", Stance.COMMITTED)
    docs["resume"] = resume
    one_article = _doc(f"{OSTMARK} ruled out a ceasefire in the hills this week. Later, officials said {OSTMARK} "
                       "would consider a ceasefire in the hills if the convoys were let through.", "2025-09-10",
                       "Valley Times")
    claim(one_article, OSTMARK, "a ceasefire in the hills", Stance.RULED_OUT)
    claim(one_article, OSTMARK, "consider a ceasefire in the hills", Stance.CONSIDERING,
          condition="if the convoys were let through")
    docs["one_article"] = one_article
    oct_ = _doc(f"{OSTMARK} agreed to a ceasefire in the northern hills on Saturday after the convoys reached "
                "the border towns.", "2025-10-04", "Coastal Post")
    claim(oct_, OSTMARK, "agreed to a ceasefire in the northern hills", Stance.COMMITTED)
    docs["oct"] = oct_
    return docs

