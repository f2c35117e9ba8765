"""Write a synthetic corpus of any size, for benchmarks and scale tests.

The documents are composed from structure and a small vocabulary, not copied
from any real statement: coalition statements with numbered operative
paragraphs, a web page with menu debris, a hard-wrapped meeting report with
membership counts and meeting ordinals, a joint statement of states with
repeated paragraphs, and a page of two open letters with signatory lists in
both layouts (name and country run together on one line; name and country on
separate lines). Scale 1 writes five files of about the seeds' size; scale
1,000 writes 5,000.

Each file depends only on ``seed`` and its own index, so the same call writes
the same bytes on every machine and Python version.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     files = write_synthetic_corpus(tmp, scale=1)
...     again = write_synthetic_corpus(tmp + "/again", scale=1)
...     same = [a.read_bytes() == b.read_bytes() for a, b in zip(files, again)]
...     first_line = files[0].read_text(encoding="utf-8").splitlines()[0]
>>> len(files), all(same)
(5, True)
>>> first_line.startswith("Joint Statement from the ")
True
"""

from __future__ import annotations

import random
from pathlib import Path

__all__ = ["write_synthetic_corpus", "DOCUMENT_KINDS"]

#: One file of each kind per unit of scale, in this order.
DOCUMENT_KINDS = ("coalition", "webpage", "report", "states", "letters")

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
_NUMBER_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
)

# Countries a signatory may state, weighted so one dominates as in real letters.
_SIGNATORY_COUNTRIES = (
    ("South Korea", 46), ("United States of America", 16), ("United Kingdom", 10), ("Japan", 7),
    ("Canada", 4), ("Philippines", 3), ("Australia", 3), ("Germany", 2), ("France", 2),
    ("Netherlands", 2), ("Mongolia", 1), ("Czech Republic", 1), ("Belgium", 1), ("Norway", 1),
)
# States that found, host or issue.
_STATES = (
    "South Korea", "the Republic of Korea", "Japan", "the United States", "the United Kingdom", "Mongolia",
    "Australia", "Canada", "Germany", "France", "the Netherlands", "Albania", "Czechia", "Poland",
    "Lithuania", "Italy", "Norway", "New Zealand",
)
_CITIES = (
    ("Seoul", "Korea"), ("Tokyo", "Japan"), ("Ulaanbaatar", "Mongolia"), ("London", "United Kingdom"),
    ("Washington", "United States"), ("Prague", "Czech Republic"), ("Berlin", "Germany"),
    ("Canberra", "Australia"), ("Ottawa", "Canada"), ("Brussels", "Belgium"), ("Jakarta", "Indonesia"),
    ("Warsaw", "Poland"), ("Vilnius", "Lithuania"), ("Rome", "Italy"),
)

_COALITION_SCOPE = ("International", "Global", "Asia-Pacific", "Transatlantic", "Inter-Regional")
_COALITION_MEMBERS = ("Parliamentarians’", "Legislators’", "Lawmakers’", "Parliamentary")
_COALITION_BODY = ("Coalition", "Alliance", "Network", "Forum", "Caucus", "Union")
_COALITION_CAUSE = (
    "North Korean Refugees", "North Korean Refugees and Human Rights", "Human Rights in North Korea",
    "Justice in North Korea", "Freedom in the DPRK", "North Korean Human Rights",
)

_ORG_HEAD = (
    "Alliance", "Centre", "Center", "Committee", "Council", "Foundation", "Institute", "Initiative",
    "Network", "Association", "League", "Union", "Watch", "Project", "Forum", "Fund",
)
_ORG_CAUSE = (
    "North Korean Human Rights", "Refugee Rights", "Transitional Justice", "Abductees’ Families",
    "Democracy in Korea", "Freedom of Information", "Unification Studies", "Victims of Detention",
    "Women’s Rights in Asia", "Children of the Border", "Religious Freedom", "Labour Rights",
    "Human Dignity", "Truth and Memory", "Civic Education", "Legal Aid to Defectors",
)
_ORG_ADJ = (
    "Open", "Bright", "Free", "New", "Northern", "Eastern", "Citizens’", "Hanbit", "Saebyeok", "Haneul",
    "Unity", "Lantern", "Crossing", "Bridge", "Harbour", "Beacon", "Compass", "Horizon",
)
_ORG_NOUN = (
    "Rights Centre", "Border Initiative", "Voices Network", "Memory Project", "Solidarity", "Watch",
    "Media Group", "Legal Clinic", "Research Institute", "Relief Society", "Partners", "Action",
)

_FIRST = (
    "Anna", "Benedikt", "Carmen", "Daniel", "Eun-ji", "Farida", "Gareth", "Hyun-woo", "Ingrid", "Jae-sung",
    "Kenji", "Lucia", "Marek", "Nadia", "Oren", "Priya", "Quentin", "Rosa", "Soo-min", "Tomas",
    "Ulrike", "Viktor", "Wen", "Yuki",
)
_LAST = (
    "Andersen", "Bae", "Castell", "Dvorak", "Eriksen", "Fontaine", "Grady", "Han", "Ishikawa", "Jovanovic",
    "Kowalczyk", "Lindqvist", "Moreau", "Nakamura", "Oyelaran", "Park", "Quiroga", "Rahman", "Seo",
    "Takeda", "Ulloa", "Varga", "Whitcombe", "Yoon",
)
_HONORIFIC = ("", "", "", ", Ph.D.", ", Lord", ", Baroness", ", Dr.", ", MP")
_ROLES = (
    "Former UN Special Rapporteur on the situation of human rights in {country}",
    "Member of Parliament for {city} and Co-chair of the {group}",
    "Professor of International Law at the University of {city}",
    "Former member of the {group} & adviser to the {body}",
    "Independent expert on transitional justice, {city}",
    "Former Chairperson of the {body}",
)
_ROLE_COUNTRIES = ("Cambodia", "Myanmar", "Eritrea", "Belarus", "Iran", "Burundi")
_ROLE_CITIES = ("Leeds", "Geneva", "Toronto", "Osaka", "Busan", "Oslo", "Leiden", "Adelaide")
_ROLE_GROUPS = ("All-Party Parliamentary Group on North Korea", "Commission of Inquiry", "Human Rights Caucus")
_ROLE_BODIES = ("UN Committee on the Rights of the Child", "Human Rights Committee", "Council of Europe")

# Theme vocabulary: each theme with clauses that follow "to" and noun phrases.
_THEMES = {
    "abductions": (
        ("return every person taken in the abductions of foreign nationals and disclose the fate of each abductee",
         "account for the abduction of citizens of {state} and of other countries"),
        ("the abduction of foreign nationals, including citizens of {state}",
         "the continued silence over the fate of the abductees and their families"),
    ),
    "refugees": (
        ("protect North Korean refugees who reach its territory and halt every forced repatriation",
         "respect the principle of non-refoulement towards those who flee across the border"),
        ("the forced repatriation of refugees and asylum seekers from China",
         "the punishment awaiting refugees who are sent back"),
    ),
    "camps": (
        ("close the political prison camps and release all political prisoners",
         "open every place of detention to independent monitors"),
        ("conditions in the political prison camps and other places of detention",
         "arbitrary detention without trial"),
    ),
    "torture": (
        ("end torture and public executions and declare a moratorium on the death penalty",
         "abolish the death penalty for acts of expression"),
        ("the use of torture during interrogation", "public executions and the death penalty"),
    ),
    "crimes": (
        ("act on the finding of the Commission of Inquiry that crimes against humanity have been committed",
         "keep the report of the Commission of Inquiry before the Security Council"),
        ("crimes against humanity documented by the Commission of Inquiry",
         "systematic and widespread violations that amount to crimes against humanity"),
    ),
    "accountability": (
        ("refer the situation in the DPRK to the International Criminal Court",
         "pursue accountability for those most responsible, through the International Criminal Court if need be"),
        ("impunity for those most responsible", "the lack of accountability before the International Criminal Court"),
    ),
    "information": (
        ("lift the barriers on access to information and let ordinary citizens use the internet",
         "allow foreign broadcasts and open access to the internet"),
        ("the denial of access to information", "the punishment of citizens caught with foreign media or internet devices"),
    ),
    "cyber": (
        ("stop the cyberattacks and cybercrime that pay for its weapons programmes",
         "deter cyberattacks on banks and cryptocurrency exchanges"),
        ("state-sponsored cyberattacks and the theft of cryptocurrency", "cybercrime directed at financial institutions"),
    ),
    "women": (
        ("protect women and children from sexual violence and trafficking",
         "end trafficking in women and girls along the northern border"),
        ("sexual violence against women in detention", "the trafficking of women and children"),
    ),
    "food": (
        ("let humanitarian aid and food assistance reach those in need without discrimination",
         "admit monitors so that food aid reaches the most vulnerable"),
        ("chronic food shortages and the diversion of humanitarian aid", "discrimination in the distribution of food"),
    ),
    "labour": (
        ("end forced labour, including the dispatch of workers abroad",
         "abolish the mobilisation of children for forced labour"),
        ("forced labour in mines and on farms", "forced labour by workers sent overseas"),
    ),
    "covid": (
        ("ensure that measures against COVID-19 respect the right to life",
         "lift the border closures imposed in the name of COVID-19"),
        ("shoot-on-sight orders issued during the COVID-19 pandemic", "isolation justified by COVID-19"),
    ),
    "china": (
        ("press the government of China to stop arresting those who cross the border",
         "urge China to grant the UN refugee agency access to the border region"),
        ("the role of China in returning escapees", "arrests carried out by the authorities of China"),
    ),
    "talks": (
        ("place human rights on the agenda of the Six-Party Talks",
         "raise the abductions and the camps in any renewed Six-Party Talks"),
        ("the exclusion of human rights from the Six-Party Talks", "the stalled dialogue of the Six-Party Talks"),
    ),
    "security": (
        ("recognise the link between abuses at home and weapons of mass destruction",
         "cut the revenue that funds weapons of mass destruction and ballistic missiles"),
        ("the diversion of resources to weapons of mass destruction", "nuclear tests and ballistic missile launches"),
    ),
    "movement": (
        ("guarantee freedom of movement, including the right to leave one’s own country",
         "end the shooting of people who try to cross the border"),
        ("restrictions on freedom of movement inside the country", "the denial of the right to leave"),
    ),
    "expression": (
        ("respect freedom of expression, of thought and of religion",
         "stop persecuting Christians and other believers for their religion"),
        ("the persecution of religion and belief", "the absence of any freedom of expression"),
    ),
}
_THEME_KEYS = tuple(_THEMES)

_ADDRESSEES = (
    "the government of North Korea", "the DPRK authorities", "the government of the People’s Republic of China",
    "all States", "the international community", "the UN Security Council", "the UN Human Rights Council",
    "the European Union", "the governments of {state} and {state2}", "the national legislatures of member countries",
    "the UN General Assembly", "the Office of the High Commissioner for Human Rights",
)
_TO_VERBS = ("Urges", "Calls upon", "Requests", "Encourages", "Strongly urges", "Appeals to", "Demands that")
_NOUN_VERBS = ("Condemns", "Strongly condemns", "Deplores", "Expresses its deep concern at", "Expresses alarm at")
_PREAMBLE_VERBS = ("Recalling", "Noting with concern", "Reaffirming", "Bearing in mind", "Welcoming")
_PREAMBLE_NOUNS = (
    "the annual resolutions of the General Assembly on the human rights situation in the DPRK",
    "the report of the Commission of Inquiry and its recommendations",
    "the work of successive Special Rapporteurs on the situation of human rights in the DPRK",
    "its commitment to the Universal Declaration of Human Rights and the international covenants",
    "the testimony of survivors heard at its previous meetings",
    "the field-based structure of the High Commissioner in Seoul",
)
_PROSE = (
    "Survivors who reached safety describe {noun} and {noun2}.",
    "We remain alarmed by {noun}; repeated appeals have changed nothing.",
    "{State} and its partners have raised {noun} at the United Nations on several occasions.",
    "No lasting settlement on the peninsula is possible while {noun} goes unaddressed.",
    "The evidence gathered since {year} points to {noun}, neither isolated nor accidental.",
    "Independent researchers have documented {noun} in every year since {year}.",
    "Delegations that visited the border region in {year} recorded {noun}.",
    "Our members have heard first-hand accounts of {noun} and of {noun2}.",
    "We therefore ask {addressee} to {clause}.",
    "It is time for {addressee} to {clause}.",
    "Governments in the region have a particular duty to {clause}.",
    # Sentences without theme terms, so that theme terms are about as dense as in real statements.
    "The meeting heard reports from the delegation of {State} and thanked its hosts for their hospitality.",
    "Members agreed to meet again next year and to report on the progress made in their own parliaments.",
    "Our work rests on the conviction that the dignity of every person deserves protection wherever that person lives.",
    "We speak across party lines and national borders, and our members hold a wide range of views on other questions.",
    "Progress has been slow, but the attention of parliaments and civil society has grown in every year since {year}.",
    "We will keep sharing what we learn with colleagues in other legislatures and will invite witnesses to testify.",
    "Statements of this kind matter because they show that the situation has not been forgotten.",
)
_DEBRIS_TOP = ("Search Website", "Home", "About Our Group", "What We Do", "Members", "Contact Us", "Newsroom")
_DEBRIS_BOTTOM = (
    "Share This", "Social Media", "Subscribe to Blog", "Recent Posts", "Site Search",
    "Enter your email address to receive our newsletter.",
)


_RESERVED_ACRONYMS = {"USA", "UK", "US", "EU", "UN", "ROK", "DPRK", "PRK", "KOR", "JPN", "GBR", "CAN", "AUS"}


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _number_word(n: int) -> str:
    return _NUMBER_WORDS[n] if n < len(_NUMBER_WORDS) else str(n)


def _acronym(name: str) -> str:
    skip = {"for", "in", "and", "the", "of", "to"}
    return "".join(word[0] for word in name.replace("-", " ").split() if word.lower() not in skip and word[0].isalpha())


class _Writer:
    """Compose one document from a seeded random source."""

    def __init__(self, rng: random.Random, pools: "_Pools"):
        self.rng, self.pools = rng, pools
        self.year = rng.randint(2004, 2025)
        self.month = rng.randint(1, 12)
        self.day = rng.randint(1, 28)
        self.coalition = rng.choice(pools.coalitions)
        # A coalition meets once a year from its founding in 2003; documents about one
        # meeting agree on its date and place, as real statements mostly do.
        self.meeting = self.year - 2002
        self.month, self.day = self.coalition.meeting_dates[self.meeting]

    # dates ---------------------------------------------------------------
    def date_abbrev(self) -> str:
        return f"{_MONTHS[self.month - 1][:3]} {self.day}, {self.year}"

    def date_long_us(self) -> str:
        return f"{_MONTHS[self.month - 1]} {self.day}, {self.year}"

    def date_long_uk(self) -> str:
        return f"{self.day} {_MONTHS[self.month - 1]} {self.year}"

    def date_slashed(self) -> str:
        return f"{self.year}/{self.month:02d}/{self.day:02d}"

    # phrases -------------------------------------------------------------
    def state(self) -> str:
        return self.rng.choice(_STATES)

    def _fill(self, template: str) -> str:
        states = self.rng.sample(_STATES, 2)
        return template.format(state=states[0], state2=states[1], State=states[0][:1].upper() + states[0][1:])

    def addressee(self) -> str:
        return self._fill(self.rng.choice(_ADDRESSEES))

    def clause(self, theme: str | None = None) -> str:
        return self._fill(self.rng.choice(_THEMES[theme or self.rng.choice(_THEME_KEYS)][0]))

    def noun(self, theme: str | None = None) -> str:
        return self._fill(self.rng.choice(_THEMES[theme or self.rng.choice(_THEME_KEYS)][1]))

    def sentence(self) -> str:
        template = self.rng.choice(_PROSE)
        states = self.rng.sample(_STATES, 1)
        return template.format(
            noun=self.noun(), noun2=self.noun(), addressee=self.addressee(), clause=self.clause(),
            State=states[0][:1].upper() + states[0][1:], year=self.rng.randint(2003, self.year),
        )

    def prose(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def operative(self, n: int, last: bool) -> str:
        end = "." if last else self.rng.choice(("; and", ";", ";"))
        kind = self.rng.random()
        if kind < 0.55:
            verb = self.rng.choice(_TO_VERBS)
            # "Demands that X close ..." takes the bare verb; the others take "to close ...".
            link = "" if verb.endswith("that") else "to "
            body = f"{verb} {self.addressee()} {link}{self.clause()}"
        elif kind < 0.85:
            body = f"{self.rng.choice(_NOUN_VERBS)} {self.noun()}, and urges {self.addressee()} to {self.clause()}"
        else:
            body = f"Supports efforts by {self.addressee()} to {self.clause()}"
        if self.rng.random() < 0.6:
            body += f", and further to {self.clause()}"
        if self.rng.random() < 0.7:
            body += f", in view of {self.noun()} and {self.noun()}"
        return f"{n}. {body}{end}"

    def preamble(self) -> str:
        return f"{self.rng.choice(_PREAMBLE_VERBS)} {self.rng.choice(_PREAMBLE_NOUNS)}, and deploring {self.noun()},"

    def founders(self) -> list[str]:
        """The coalition's founding states; now and then one source adds a state the others leave out."""
        founders = list(self.coalition.founders)
        if self.rng.random() < 0.1:
            founders.append(next(s for s in _STATES[2:] if s not in founders))
        return founders

    def founding(self) -> str:
        c = self.coalition
        founders = self.founders()
        listed = ", ".join(founders[:-1]) + f" and {founders[-1]}"
        return (
            f"In {_MONTHS[c.founding_month - 1]} 2003, {_number_word(len(founders))} founding countries ({listed}) "
            f"and {c.founding_members} of their legislators established the {c.name}."
        )


class _Coalition:
    """A coalition and the facts every document about it shares: founders, growth, meetings."""

    def __init__(self, name: str, rng: random.Random):
        self.name, self.acronym = name, _acronym(name)
        self.founders = rng.sample(_STATES[2:], rng.randint(4, 7))
        self.founding_month = rng.randint(1, 12)
        self.founding_members = rng.randint(20, 60)
        self.yearly_members = rng.randint(4, 12)
        self.places = [rng.choice(_CITIES) for _ in range(40)]
        self.meeting_dates = [(rng.randint(1, 12), rng.randint(3, 28)) for _ in range(40)]

    def members_in(self, year: int) -> tuple[int, int]:
        """Members and their countries in ``year``: steady growth from the founding."""
        years = year - 2003
        return self.founding_members + self.yearly_members * years, len(self.founders) + 2 * years


class _Signatory:
    def __init__(self, name: str, country: str, acronym: str | None, lower_variant: bool):
        self.name, self.country, self.acronym, self.lower_variant = name, country, acronym, lower_variant

    def written(self, rng: random.Random) -> str:
        """The name as one letter writes it: sometimes without its acronym, sometimes in lower case."""
        if self.acronym and rng.random() < 0.9:
            return f"{self.name} ({self.acronym})"
        if self.lower_variant and rng.random() < 0.5:
            head, _, tail = self.name.rpartition(" ")
            return f"{head} {tail.lower()}" if head else self.name
        return self.name


class _Pools:
    """Organisations, people and coalitions drawn once per seed, so names recur across documents."""

    def __init__(self, seed: int):
        rng = random.Random(f"nkhr-synthetic-pools:{seed}")
        self.coalitions = [
            _Coalition(f"{rng.choice(_COALITION_SCOPE)} {rng.choice(_COALITION_MEMBERS)} "
                       f"{rng.choice(_COALITION_BODY)} for {rng.choice(_COALITION_CAUSE)}", rng)
            for _ in range(12)
        ]
        countries = [c for c, _ in _SIGNATORY_COUNTRIES]
        weights = [w for _, w in _SIGNATORY_COUNTRIES]
        names: set[str] = set()
        self.organisations: list[_Signatory] = []
        while len(self.organisations) < 240:
            shape = rng.random()
            if shape < 0.45:
                name = f"{rng.choice(_ORG_HEAD)} for {rng.choice(_ORG_CAUSE)}"
            elif shape < 0.8:
                name = f"{rng.choice(_ORG_ADJ)} {rng.choice(_ORG_NOUN)}"
            else:
                name = f"{rng.choice(_ORG_CAUSE)} {rng.choice(_ORG_HEAD)}"
            if name in names:
                continue
            names.add(name)
            country = "" if rng.random() < 0.03 else rng.choices(countries, weights)[0]
            acronym = _acronym(name) if rng.random() < 0.4 else None
            if acronym in _RESERVED_ACRONYMS:  # an acronym that reads as a country would make the list ambiguous
                acronym = None
            self.organisations.append(_Signatory(name, country, acronym, lower_variant=rng.random() < 0.1))
        people: set[str] = set()
        self.individuals: list[tuple[str, str]] = []
        while len(self.individuals) < 60:
            name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
            if name in people:
                continue
            people.add(name)
            role = rng.choice(_ROLES).format(
                country=rng.choice(_ROLE_COUNTRIES), city=rng.choice(_ROLE_CITIES),
                group=rng.choice(_ROLE_GROUPS), body=rng.choice(_ROLE_BODIES),
            )
            self.individuals.append((name + rng.choice(_HONORIFIC), role))


# --- the five kinds of document ---------------------------------------------------------------


def _coalition_statement(w: _Writer) -> str:
    rng, c = w.rng, w.coalition
    event = rng.choice(("General Meeting", "General Meeting", "Conference"))
    title = f"Joint Statement from the {_ordinal(w.meeting)} {event} of the {c.name} ({c.acronym})"
    city, _ = c.places[w.meeting]
    parts = [title, f"{w.date_abbrev()} | News", title]
    parts.append(
        f"Adopted by the legislators taking part in the {_ordinal(w.meeting)} General Meeting of the {c.acronym} "
        f"in {city} on {w.date_long_uk()}."
    )
    parts.append(f"The {c.name}:")
    parts += [w.preamble() for _ in range(rng.randint(3, 5))]
    count = rng.randint(8, 11)
    paragraphs = [w.operative(i, i == count) for i in range(1, count + 1)]
    if rng.random() < 0.15:
        repeat = rng.randrange(count)
        paragraphs.insert(repeat + 1, paragraphs[repeat])
    parts += paragraphs
    text = "\n\n".join(parts) + "\n\n"
    return text + "Share This"


def _webpage_statement(w: _Writer) -> str:
    rng, c = w.rng, w.coalition
    city, _ = c.places[w.meeting]
    menu = "\n\n".join(rng.sample(_DEBRIS_TOP, 5))
    founders = w.founders()
    listed = ", ".join(founders[:-1]) + f" and {founders[-1]}"
    parts = [
        menu + "\n\n",
        f"Joint Statement by {c.acronym}*\n*{c.name}",
        f"{_ordinal(w.meeting)} General Meeting, {city}, {w.date_long_us()}",
        w.prose(3),
        f"Legislators of {listed} formed the {c.name} ({c.acronym}) in 2003 to defend the rights of "
        f"North Korean refugees and of the people of North Korea.",
        w.prose(5),
        w.prose(4),
        f"We, the {c.name}, commit ourselves across party and national lines to the following.",
    ]
    count = rng.randint(5, 6)
    numbered = []
    for i in range(1, count + 1):
        numbered.append(f"    {i}. We urge {w.addressee()} to {w.clause()}. {w.prose(2)}")
    parts.append("\n".join(numbered))
    return "\n\n".join(parts)


def _wrap(text: str, width: int) -> str:
    """Hard-wrap text the way some pages are pasted: short lines, no blank lines."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return "\n".join(lines)


def _meeting_report(w: _Writer) -> str:
    rng, c = w.rng, w.coalition
    members, countries = c.members_in(w.year)
    city, country = c.places[w.meeting]
    # Now and then the page's introduction names another host than the statement does.
    host = country if rng.random() < 0.85 else rng.choice(_CITIES)[1]
    history = []
    for n in range(2, min(w.meeting, 5)):
        place = c.places[n][rng.randint(0, 1)]  # the city or its country
        history.append(f"The {_ordinal(n)} General Meeting of {c.acronym} was held in {place} in {2002 + n}.")
    month = _MONTHS[w.month - 1]
    first, last = max(1, w.day - 2), w.day
    body = [
        f"A delegation of {rng.randint(5, 30)} parliamentarians attended the {_ordinal(w.meeting)} annual meeting of "
        f"the {c.name} ({c.acronym}). Representatives numbered {members} and came from {countries} different "
        f"countries at this year's meeting, which was held in {host}.",
        f"Joint Statement issued on {w.date_long_uk()} by {_ordinal(w.meeting)} General Meeting of the {c.name}",
        w.prose(4),
        w.founding() + " " + " ".join(history),
        f"As of today, {c.acronym} consists of {members} members from {countries} different countries, "
        f"a promising increase from the original {c.founding_members} members.",
        f"From the {_ordinal(first)} to the {_ordinal(last)} of {month} {w.year}, the {_ordinal(w.meeting)} General "
        f"Meeting of {c.acronym} was held in {city}, {country}.",
        w.prose(5),
        w.prose(5),
        w.prose(4),
        f"On {w.date_long_us()}, the {c.name} adopted the following resolutions:",
    ]
    text = "\n".join(_wrap(p, rng.randint(58, 72)) for p in body) + "\nResolutions:"
    if rng.random() < 0.7:  # the rest of the reports carry their resolutions; some end at the heading
        text += "\n" + "\n".join(w.operative(i, i == 4) for i in range(1, 5))
    return text


def _states_statement(w: _Writer) -> str:
    rng = w.rng
    issuers = rng.sample(_STATES[1:], rng.randint(3, 5))
    listed = ", ".join(issuers[:-1]) + f", and {issuers[-1]}"
    title = f"Joint Statement by {listed} on the Human Rights Situation in the Democratic People’s Republic of Korea (DPRK)"
    paragraphs = [w.prose(rng.randint(4, 6)) for _ in range(rng.randint(7, 9))]
    repeated = paragraphs[1 : 1 + rng.randint(2, 4)] if rng.random() < 0.6 else []
    return "\n".join([title, w.date_slashed(), *paragraphs, *repeated])


def _signatory_block(w: _Writer, orgs: list[_Signatory], people: list[tuple[str, str]], run_together: bool) -> str:
    rng = w.rng
    if run_together:
        groups = [f"{o.written(rng)}{o.country or ' '}" for o in orgs]
        persons = [f"{name}{role}" for name, role in people]
        return "Groups\n\n" + "\n".join(groups) + "\n\nIndividuals\n\n" + "\n".join(persons) + "\n"
    groups = [f"{o.written(rng)}\n{o.country}\n\n\n" if o.country else f"{o.written(rng)}\n\n\n\n" for o in orgs]
    persons = [f"{name}\n{role}" for name, role in people]
    return "Groups\n" + "\n".join(groups) + "\n\nIndividuals\n" + "\n".join(persons) + "\n"


def _letter(w: _Writer, body: str, orgs, people, run_together: bool, addressed: bool) -> str:
    rng = w.rng
    countries = {o.country for o in orgs if o.country}
    noun = rng.choice(("non-governmental organizations, coalitions, and concerned individuals",
                       "organizations and individuals", "civil society groups and experts"))
    stated_countries = len(countries) + rng.choice((0, 0, 0, 1, 2))
    topic = rng.choice(("the resolution on the situation of human rights in North Korea",
                        "the review of human rights in the DPRK", "the renewal of the Special Rapporteur’s mandate"))
    head = [w.date_long_us()]
    if addressed:
        name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
        head.append(f"{name}\nHigh Representative for Foreign Affairs\n{rng.choice(_CITIES)[0]}")
    head.append(f"  Joint open letter to the {body} concerning {topic}")
    recommendations = []
    for i, (label, theme) in enumerate(rng.sample(_LETTER_HEADINGS, rng.randint(5, 7)), start=1):
        clause = w.clause(theme)
        recommendations.append(f"{i}.      {label}: {clause[:1].upper()}{clause[1:]};")
    parts = head + [
        "Your Excellency,",
        f"We are writing on behalf of {len(orgs) + len(people)} {noun} from {stated_countries} different countries "
        f"worldwide to urge the {body} to {w.clause()}.",
        *(w.prose(rng.randint(3, 5)) for _ in range(rng.randint(9, 12))),
        f"We urge the inclusion of the following recommendations in {topic}:",
        "\n".join(recommendations),
        w.prose(3),
        w.prose(4),
        "Sincerely,",
        _signatory_block(w, orgs, people, run_together),
    ]
    return "\n\n".join(parts)


_LETTER_HEADINGS = (
    ("Political prisoners", "camps"), ("Sexual violence", "women"), ("Right to food", "food"),
    ("Liberty of movement", "movement"), ("International abductions", "abductions"), ("COVID-19 measures", "covid"),
    ("Accountability", "accountability"), ("Access to information", "information"), ("Forced labour", "labour"),
    ("Refugees", "refugees"), ("Death penalty", "torture"),
)


def _open_letters(w: _Writer) -> str:
    rng = w.rng
    orgs = rng.sample(w.pools.organisations, rng.randint(30, 40))
    orgs.sort(key=lambda o: o.name.lower())
    people = rng.sample(w.pools.individuals, rng.randint(3, 6))
    bodies = rng.sample(("UN General Assembly", "EU High Representative", "UN Human Rights Council",
                         "UN Security Council", "Council of Europe"), 2)
    header = [
        f"Joint open letters to the {bodies[0]} and the {bodies[1]} about human rights in North Korea",
        f"{w.date_abbrev()} | News",
        "This image has an empty alt attribute; its file name is statement-banner.jpg",
    ]
    first = _letter(w, bodies[0], orgs, people, run_together=True, addressed=False)
    second_orgs = orgs if rng.random() < 0.7 else sorted(rng.sample(orgs, len(orgs) - 2), key=lambda o: o.name.lower())
    second = _letter(w, bodies[1], second_orgs, people, run_together=False, addressed=True)
    footer = "\n\n".join(rng.sample(_DEBRIS_BOTTOM, 4))
    return "\n\n".join(header) + "\n\n" + first + "\n===================================\n" + second + "\n" + footer


_COMPOSERS = {
    "coalition": _coalition_statement,
    "webpage": _webpage_statement,
    "report": _meeting_report,
    "states": _states_statement,
    "letters": _open_letters,
}


def compose_document(index: int, seed: int = 0) -> str:
    """Return the text of synthetic document number ``index`` (its kind cycles through DOCUMENT_KINDS).

    >>> compose_document(3) == compose_document(3)
    True
    >>> compose_document(3) == compose_document(3, seed=1)
    False
    """
    kind = DOCUMENT_KINDS[index % len(DOCUMENT_KINDS)]
    rng = random.Random(f"nkhr-synthetic:{seed}:{index}")
    return _COMPOSERS[kind](_Writer(rng, _pools(seed)))


_POOL_CACHE: dict[int, _Pools] = {}


def _pools(seed: int) -> _Pools:
    if seed not in _POOL_CACHE:
        _POOL_CACHE[seed] = _Pools(seed)
    return _POOL_CACHE[seed]


def write_synthetic_corpus(directory: str | Path, scale: int, seed: int = 0) -> list[Path]:
    """Write ``5 * scale`` synthetic statements into ``directory`` and return their paths.

    Files are named ``NNNNN_<kind>.txt`` and written as UTF-8 with ``\\n`` line
    endings, so the bytes depend only on ``scale`` and ``seed``.
    """
    if scale < 1:
        raise ValueError(f"scale must be a positive integer, found {scale!r}")
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(scale * len(DOCUMENT_KINDS)):
        path = directory / f"{index:05d}_{DOCUMENT_KINDS[index % len(DOCUMENT_KINDS)]}.txt"
        path.write_text(compose_document(index, seed), encoding="utf-8", newline="\n")
        paths.append(path)
    return paths
