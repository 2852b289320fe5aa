"""People stage (the NER stage): personal names, their title chains and meeting roles.

    >>> doc = nlp("Tham dự và chủ trì Hội nghị có đồng chí Lâm Đức Xuân– Bí thư Đảng ủy, Chánh Văn phòng Tỉnh uỷ.")
    >>> p = doc._.people[0]
    >>> p.name, [doc.text[s:e] for s, e in p.titles], p.roles
    ('Lâm Đức Xuân', ['Bí thư Đảng ủy', 'Chánh Văn phòng Tỉnh ủy'], ['chair'])

A capitalised run of syllables is a name when a cue says so: "đồng chí",
"ông", "bà", a rank or a degree before it, a title after it ("Lâm Đức Xuân –
Bí thư ...") or before it ("PCT UBND tỉnh Hồ Quang Bửu") with a known surname.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from hoinghi import rules
from hoinghi.pipeline.nlp.facts import PersonFact, Span
from hoinghi.pipeline.nlp.stages.text import alternation, caseless, doc_text, lowered, sentences, trim_span
from hoinghi.pipeline.nlp.textmap import normalize

if not Doc.has_extension("people"):
    Doc.set_extension("people", default=None)

UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
LOWER = "a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
_SYLLABLE = rf"[{UPPER}][{LOWER}]*(?:[’'-][{UPPER}][{LOWER}]*)?"  # "H’Nhi", "Rcom H’Nơr", "Chen Wen-Hsiung"
# (?=[UPPER]) first lets the regex engine skip straight to capitals
_RUN = re.compile(rf"(?=[{UPPER}])(?<![\w.’'])(?:{_SYLLABLE})(?:[ ](?:{_SYLLABLE}))+(?![\w’'])")
_LOWER_TAIL = re.compile(rf" ([{LOWER}]{{2,7}})(?=,\s|\s[-–]\s)")
# "Ban Kinh tế - Xã hội", "Hội đồng Thi đua – Khen thưởng": a body's own dash
_DASH_BODY = re.compile(rf"[{UPPER}][{LOWER}]+ [{LOWER}]+ [-–] (?P<right>[{UPPER}][{LOWER}]+ [{LOWER}]+)")
# "Văn hóa, Thể thao và Truyền thông", "Lao động, Thương binh và Xã hội": a body's own comma
_COMMA_BODY = re.compile(rf"[{UPPER}][{LOWER}]+(?: [{LOWER}]+)?, [{UPPER}][{LOWER}]+(?: [{LOWER}]+)? và [{UPPER}][{LOWER}]+")
_GLUED = re.compile(rf" (?=[{LOWER}])")
_SEPARATOR = re.compile(r"[ ]*(?:[-–—:,(]|\s[-–—])[ ]*")
_SEGMENT_SPLIT = re.compile(r"[ ]*(?:[,;(+]|(?<=\S)[ ]*[-–—](?=\s|\w)|[ ]+kiêm[ ]+)[ ]*")


@dataclass(frozen=True)
class _RoleCue:
    role: str
    scope: str
    span: Span


def _norm(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(normalize(w).text for w in words))


class PeopleStage:
    """Finds people (``doc._.people``): names, titles in order, roles in the meeting."""

    def __init__(self, table: rules.RuleTable, *, max_name_syllables: int = 5) -> None:
        self.max_name_syllables = max_name_syllables
        self.surnames = frozenset(_norm(table.lexicon("surnames")))
        self.stops = frozenset(_norm(table.lexicon("name_stops")))
        self.leading = frozenset(_norm(table.lexicon("leading_cues")))
        self.not_names = frozenset(w.casefold() for w in _norm(table.lexicon("not_names")))
        cues = alternation(_norm(table.lexicon("person_cues")))
        ranks = alternation(_norm(table.lexicon("ranks")))
        degrees = alternation(_norm(table.lexicon("degrees")))
        self.rank_before = re.compile(rf"(?:^|[\s(,;:])({ranks})[ ]+$")
        self.cue_before = caseless(  # a caseless pattern runs on the lowered text
            rf"(?i)(?:^|[\s(,;:\-–])(?:{cues}|{degrees}|{ranks})[ ]*:?[ ]*(?:{degrees}[ ]*)*$"
        )
        self.degree_prefix = re.compile(rf"^(?:{degrees}[ ]*)+")
        heads = alternation(_norm(table.lexicon("title_heads")))
        self.title_head = re.compile(rf"(?i)^(?:Quyền\s+)?(?:{heads}|{ranks})(?=$|[\s.,;:)])")  # "Quyền Giám đốc"
        # "các Phó Chủ tịch UBND tỉnh: A, B" and "các Phó Chủ tịch UBND tỉnh A và B"
        self.list_title = caseless(rf"(?i)\bcác\s+(?P<t>(?:{heads})[^:;.,\n]{{0,60}}?)\s*:?\s*(?:(?:{degrees})\s*)*$")
        self.chain_stop = re.compile(rf" và (?![{UPPER}])| và (?=(?:{ranks}|{degrees}|{cues}|{heads})(?![{LOWER}]))")
        # the verbs that end a chain, whatever their case ("... tỉnh Báo cáo tổng kết"), on the lowered text;
        # "dự" of "dự thảo" is no verb
        self.chain_verb = caseless("(?i)" + "|".join(_stop_pattern(normalize(w).text) for w in table.lexicon("chain_stops")))
        self.affiliation = re.compile(alternation(_norm(table.lexicon("affiliation_heads"))) + r"(?=\s|$)")
        self.stop_exceptions = re.compile(alternation(table.lexicon("chain_stop_exceptions")))
        self.comma_bodies = caseless("(?i)" + alternation(table.lexicon("comma_bodies")))
        self.place_start = caseless(rf"(?i){alternation(_norm(table.lexicon('place_words')))}\s")
        self.place_before = caseless(rf"(?i)\b{alternation(_norm(table.lexicon('place_words')))}[ ]*$")
        self.household = caseless(rf"(?i)\b{alternation(table.lexicon('household_cues'))}[ ]+(?:ông|bà|anh|chị)[ ]+$")
        self.credit = re.compile(alternation(_norm(table.lexicon("credit_cues"))) + r"[^\n]{0,30}$"
                                 r"|(?:^|\n)[ ]*Theo[ ]+[A-ZĐ][^\n]{0,30}$")  # "Theo Báo Lào Cai" opening a line
        self.cue_word = caseless(rf"(?i)(?<![\w/])(?:{cues})[ ]*:?[ ]*(?!\w)|(?<![\w/])(?:{cues})[ ]*:?[ ]+")
        self.role_cues = [  # (role, scope, regex on the lowered text)
            (p.label.split(":")[0], p.label.split(":")[1], caseless(p.pattern)) for p in table.patterns if p.id.startswith("role_")
        ]

    def __call__(self, doc: Doc) -> Doc:
        text, low = doc_text(doc), lowered(doc)
        sents = sentences(doc)
        people: dict[str, PersonFact] = {}
        groups: list[list[Span]] = []  # mentions named one after another in one list
        listing: _Listing | None = None  # the list the last person was named in
        words = doc.user_data.get("hoinghi.words") or [(t.idx, t.idx + len(t), False) for t in doc]
        word_starts = [w[0] for w in words]
        candidates = self._candidates(text)
        prev_end = 0  # where the last candidate name ended
        for start, end in candidates:
            if text.count(" ", start, end) == 1 and _runs_on(text, words, word_starts, end):
                continue  # only for two syllables: underthesea also glues "Lương Đình Thái dự"
            name = text[start:end]
            key = name.casefold()
            intro = self.list_title.search(low, max(0, start - 80), start)
            if intro and (intro.start("t") < prev_end or (":" not in intro.group() and (
                    self.chain_verb.search(low, *intro.span("t")) or self.cue_word.search(low, *intro.span("t"))))):
                # "các Phó Chủ tịch A và B": B's title is the list's, not "Phó Chủ tịch A và"; with no colon the
                # title runs up to the name, without a verb or a cue ("các đại biểu HĐND đã bầu ông A")
                intro = None
            prev_end = end
            if intro:  # "các Phó Chủ tịch UBND tỉnh: A, B": the title goes to each name
                listing = _Listing(title=intro.span("t"), end=start)
            in_list = bool(intro) or (listing is not None and _LIST_GAP.fullmatch(text, listing.end, start) is not None)
            shared = [listing.title] if in_list and listing and listing.title else []
            person = people.get(key)
            verdict = None if person is not None or in_list else self._person_verdict(text, low, start, end)
            if verdict is False:
                continue  # decided before its titles are read
            own = self._titles_before(text, low, start) + self._titles_after(text, low, end, candidates)
            titles = shared + [t for t in own if t not in shared]
            if person is None:
                if not (in_list or verdict or (titles and name.split(" ")[0] in self.surnames)):
                    continue
                person = people[key] = PersonFact(name=name, name_span=(start, end),
                                                  rule="list" if in_list else "cue" if verdict else "titled")
            person.mentions.append((start, end))
            self._merge_titles(text, person, titles)
            if in_list and groups and not intro:
                groups[-1].append((start, end))
            else:
                groups.append([(start, end)])
            last_end = max([end, *(e for _, e in own)])
            listing = _Listing(title=listing.title if in_list and listing else None, end=last_end)
        facts = sorted(people.values(), key=lambda p: p.name_span[0])
        self._assign_roles(text, low, sents, facts, groups)
        doc._.people = facts
        return doc

    # -- names -------------------------------------------------------------
    def _candidates(self, text: str) -> list[Span]:
        out = []
        for m in _RUN.finditer(text):
            syllables = m.group().split(" ")
            pos = m.start()
            # drop leading syllables that open a title or a body ("Đại Lộc", "Ban Chấp")
            while syllables and (syllables[0] in self.leading or
                                 (syllables[0] in self.stops and syllables[0] not in self.surnames)):
                pos += len(syllables[0]) + 1
                syllables = syllables[1:]
            after_place = self.place_before.search(text[max(0, pos - 20):pos].lower()) is not None
            if syllables and (syllables[0] not in self.surnames or (after_place and len(syllables) >= 4)):
                # "xã Vạn Thắng Lê Văn A", and "xã Yên Lạc Đỗ Văn A" whose place opens like a surname
                later = next((i for i, syl in enumerate(syllables) if i >= 2 and syl in self.surnames), None)
                if later is not None and len(syllables) - later >= 2:
                    pos += sum(len(syl) + 1 for syl in syllables[:later])
                    syllables = syllables[later:]
            syllables = self._cut_at_dash(syllables)
            kept = syllables[:1]
            for syl in syllables[1:]:
                after_letter = len(kept[-1]) == 1  # "Y Thim Ê Ban": a stop word after a one-letter syllable is a name
                if (syl in self.stops and not after_letter) or len(kept) >= self.max_name_syllables:
                    break
                kept.append(syl)
            if len(kept) < 2:
                continue
            name = " ".join(kept)
            folded = name.casefold().split(" ")
            if any(" ".join(folded[:k]) in self.not_names for k in range(2, len(folded) + 1)):
                continue  # "Hồ Chí Minh", "Lương Thế Vinh ..."
            if name.isupper() or self.title_head.match(name):
                continue  # "Phó Hiệu trưởng" is a title, not a name
            end = pos + len(name)
            tail = _LOWER_TAIL.match(text, end)
            if tail and len(kept) <= 3:  # a source typo: "Nguyễn Hương giang, Phó Bí thư"
                end = tail.end(1)
            out.append((pos, end))
        return out

    def _cut_at_dash(self, syllables: list[str]) -> list[str]:
        """"Lê Minh Ngân-Phó Bí thư": a dash before a title word ends the name; "Wen-Hsiung" does not."""
        for i, syl in enumerate(syllables):
            head, dash, tail = syl.partition("-")
            if dash and (tail in self.stops or len(tail) <= 2 or self.title_head.match(tail)):
                return [*syllables[:i], head]
        return syllables

    def _person_verdict(self, text: str, low: str, start: int, end: int) -> bool | None:
        """Whether the name ``text[start:end]`` is a person from what stands before it; None: its titles decide.

        A cue says yes ("đồng chí", "ThS.", "Đại tá"); a photo credit, a signature line,
        a household named in passing or a place word ("xã Vạn Thắng") says no; else
        (None) the caller takes a name with a title and a known surname for a person.
        """
        before = text[max(0, start - 40):start]
        low_before = low[max(0, start - 40):start]
        if self.credit.search(before):
            return False
        if _is_byline(text, start):
            return False
        if self.household.search(low_before):
            return False  # "hộ ông Nguyễn Văn Ly với mô hình ...": named in passing
        if self.cue_before.search(low_before):
            return True
        if self.place_before.search(low_before) and len(text[start:end].split(" ")) < 3:
            return False  # "HĐND xã Vạn Thắng" is a place; "UBND huyện Hoàng Văn Sử" a person
        return None

    # -- titles ------------------------------------------------------------
    def _titles_after(self, text: str, low: str, end: int, names: list[Span] = ()) -> list[Span]:
        sep = _SEPARATOR.match(text, end)
        if sep:
            start = sep.end()
        elif text.startswith(" ", end) and self.title_head.match(text[end + 1:end + 60]):
            start = end + 1  # "Đồng chí Lâm Văn Tư Chủ tịch UBND xã ...": no comma before the title
        else:
            return []
        limit = _chain_limit(text, start)
        exceptions = self._exceptions(text, start, limit)
        stops = [*self.chain_stop.finditer(text, start, limit), *self.chain_verb.finditer(low, start, limit)]
        for stop in sorted(stops, key=lambda m: m.start()):
            if not any(e_start <= stop.start() < e_end for e_start, e_end in exceptions):
                limit = stop.start()
                break
        after = next((n for n in names if start < n[0] < limit and text.count(" ", *n) >= 2
                      and text[n[0]:n[1]].split(" ")[0] in self.surnames), None)
        if after is None:
            return self._split_chain(text, low, start, limit)
        # "A, Phó Chủ tịch X, Phó Bí thư Y Lê Minh C": the chain stops at the next name, and the title
        # written right before that name is its own
        titles = self._split_chain(text, low, start, after[0])
        if titles and not text[titles[-1][1]:after[0]].strip(" ,"):
            titles.pop()
        return titles

    def _exceptions(self, text: str, start: int, limit: int) -> list[Span]:
        """Titles that hold a stop word: "Giám đốc điều hành" is not "... điều hành (kỳ họp)"."""
        return [m.span() for m in self.stop_exceptions.finditer(text, start, limit)]

    def _titles_before(self, text: str, low: str, start: int) -> list[Span]:
        window = max(0, start - 81)  # nothing before it can move the segment's start
        dash = _DASH_BEFORE.search(text, window, start)
        if dash:  # "Giám đốc Sở Nội vụ - Nguyễn Văn A": the title stands before the dash
            start = dash.start()
        # a stop inside an abbreviation ("T.Ư", "TP.HCM") does not end the segment
        stops = [text.rfind(d, window, start) for d in (",", ";", "\n", ":", "(", "–", " - ", "|")]
        stops += [m.start() for m in _SENTENCE_DOT.finditer(text, window, start)]
        line_start = max(stops)
        seg_start = max(line_start + 1, 0, start - 80)
        for word in (" và ", " có ", " là "):
            pos = text.rfind(word, seg_start, start)
            if pos >= 0:
                seg_start = pos + len(word)
        s, e = trim_span(text, seg_start, start)
        if s >= e:
            return []
        last_cue = None
        for last_cue in self.cue_word.finditer(low, s, e):
            pass
        if last_cue and not (last_cue.group().strip() == "đại biểu" and low.endswith("đoàn ", 0, last_cue.start())):
            # "Chủ tọa hội nghị gồm thầy X": only what follows the cue is next to the name; "Đoàn Đại biểu
            # Quốc hội" is a body, its "Đại biểu" no cue
            s = last_cue.end()
            while s < e and text[s] == " ":
                s += 1
        seg = text[s:e]
        degree = self.degree_prefix.match(seg)
        if degree:
            s += degree.end()
            seg = text[s:e]
        rank = self.rank_before.search(text, max(0, start - 40), start)
        if not seg and last_cue is not None and text.endswith(", ", 0, last_cue.start()):
            return self._chain_before(text, low, last_cue.start())  # "Phó Giám đốc Sở Tư pháp, ông A"
        if not seg or not self.title_head.match(seg):
            # "Báo cáo do Trung tá Nguyễn Văn Hậu": the rank alone stands next to the name
            return [(rank.start(1), rank.end(1))] if rank and rank.start(1) >= s else []
        if rank and rank.start(1) > s:  # "Bí thư Đảng ủy, Thượng tá X": only the rank is next to the name
            return [(rank.start(1), rank.end(1))]
        return self._chain_before(text, low, s) + [(s, e)]

    def _chain_before(self, text: str, low: str, s: int) -> list[Span]:
        """The titles before the one next to the name, when the chain opens its clause.

        "Phó Bí thư Huyện ủy, Chủ tịch UBND huyện Tạ Quang Vinh chủ trì": both titles are
        Vinh's; in "ông A, Bí thư Huyện ủy, Chủ tịch UBND huyện B" the first is A's, and stays.
        """
        out: list[Span] = []
        while text.endswith(", ", 0, s) and len(out) < 3:
            comma = s - 2
            opening = max(text.rfind(d, max(0, comma - 80), comma) for d in (",", ";", ".", "\n", ":", "("))
            lead = max((text.rfind(w, opening + 1, comma) + len(w) - 1 for w in (" có ", " là ", " gồm ")
                        if text.rfind(w, opening + 1, comma) >= 0), default=-1)
            cue = None
            for cue in self.cue_word.finditer(low, opening + 1, comma):
                pass
            if cue is not None:
                lead = max(lead, cue.end())
            if lead >= 0:  # "Tham dự có Phó Bí thư ..., Chủ tịch ... A": the chain opens after "có"
                opening = lead
            p_start, p_end = trim_span(text, opening + 1, comma)
            piece = text[p_start:p_end]
            if not piece or not self.title_head.match(piece) or _NAME_LIKE.search(piece):
                break  # a name before the comma: the titles before it are that person's
            out.insert(0, (p_start, p_end))
            s = p_start
            if opening < 0 or lead >= 0 or text[opening] in ".;:\n(":
                return out
        return []

    def _split_chain(self, text: str, low: str, start: int, limit: int) -> list[Span]:
        protected = list(text[start:limit])
        bodies = [m.span() for m in _COMMA_BODY.finditer(text, start, limit)]
        bodies += [m.span() for m in self.comma_bodies.finditer(low, start, limit)]
        bodies += [m.span() for m in _DASH_BODY.finditer(text, start, limit)  # "Phó Tư lệnh – Tham mưu trưởng": two
                   if not self.title_head.match(text[m.start("right"):limit])]
        for b_start, b_end in bodies:  # "Sở Văn hóa, Thể thao và Du lịch" is one body
            for i in range(b_start - start, min(b_end, limit) - start):
                if protected[i] in ",-–—":
                    protected[i] = "\x00"
        chunk = "".join(protected)
        titles: list[Span] = []
        pos = 0
        for piece in _SEGMENT_SPLIT.split(chunk) + [""]:
            idx = chunk.find(piece, pos) if piece else -1
            if not piece:
                continue
            pos = idx + len(piece)
            s, e = trim_span(text, start + idx, start + idx + len(piece), " \t,.;:-–—()\"“”")
            segment = text[s:e]
            if not segment:
                continue
            affiliation = bool(titles) and self.affiliation.match(segment) is not None
            if titles and self._ban_goes_on(text, low, titles[-1], segment, s):
                titles[-1] = (titles[-1][0], e)  # "Trưởng Ban Chính sách, chiến lược Trung ương": one body
                continue
            if (not self.title_head.match(segment) and not affiliation) or len(segment) > 120:
                break  # "..., Sở GD&ĐT" after a title says where the title is held, and stays
            titles.append((s, e))
        return titles

    def _ban_goes_on(self, text: str, low: str, last: Span, segment: str, s: int) -> bool:
        """Whether ``segment`` after a comma or dash goes on naming the Ban the last title holds.

        A Ban's name may hold its own commas ("Ban Dân tộc, Tôn giáo", "Ban Chính sách, chiến lược
        Trung ương"); a title, a place ("tỉnh Lào Cai"), a person or a clause after it is no part of it.
        """
        if not _BAN_NAME.search(text, *last) or self.title_head.match(segment) or self.affiliation.match(segment):
            return False
        if self.place_start.match(low, s) or self.cue_word.match(low, s) or _NAME_LIKE.search(segment):
            return False
        return len(segment.split()) <= 8 and segment[-1:].isalpha() and any(w[0].isupper() for w in segment.split())

    def _merge_titles(self, text: str, person: PersonFact, titles: list[Span]) -> None:
        """Keep first-mention titles; add a later title only if it says something new."""
        have = [text[s:e] for s, e in person.titles]
        for s, e in titles:  # a chain's own titles are all kept: compare with earlier mentions only
            if not any(_same_title(text[s:e], h) for h in have):
                person.titles.append((s, e))

    # -- roles -------------------------------------------------------------
    def _assign_roles(self, text: str, low: str, sents: list[Span], people: list[PersonFact],
                      groups: list[list[Span]]) -> None:
        mentions = sorted(((m, p) for p in people for m in p.mentions), key=lambda item: item[0])
        owner = {m: p for m, p in mentions}
        starts = [m[0] for m, _ in mentions]
        found: dict[Span, list[str]] = {}
        for s_start, s_end in sents:
            here = mentions[bisect.bisect_left(starts, s_start):bisect.bisect_left(starts, s_end)]
            if not here:
                continue
            titles = [t for _, p in here for t in p.titles]
            cues = self._cues(text, low, s_start, s_end, [m for m, _ in here] + titles)
            for mention, _person in here:
                found[mention] = _roles_of(text, s_start, mention, here, cues)
        for group in groups:  # "các Thứ trưởng: A, B, C" share the cue that introduced A
            for mention in group[1:]:
                found[mention] = found.get(mention, []) + found.get(group[0], [])
        for mention, roles in found.items():
            person = owner[mention]
            for role in roles:
                if role not in person.roles:
                    person.roles.append(role)
        order = ("chair", "attendee", "speaker", "presenter", "recipient", "other")
        for person in people:
            if "chair" in person.roles and "attendee" in person.roles:
                person.roles.remove("attendee")
            if not person.roles:
                person.roles.append("other")
            person.roles.sort(key=order.index)

    def _cues(self, text: str, low: str, start: int, end: int, inside: list[Span]) -> list[_RoleCue]:
        """Role words of a sentence, outside names and titles ("Giám đốc điều hành" is no chair)."""
        cues = []
        for role, scope, regex in self.role_cues:
            for m in regex.finditer(low, start, end):
                if any(s <= m.start() < e for s, e in inside):
                    continue
                if _inside_quote(text, start, m.start()):
                    continue
                cues.append(_RoleCue(role, scope, m.span()))
        return sorted(cues, key=lambda c: c.span[0])


def _roles_of(text: str, s_start: int, mention: Span, here: list, cues: list[_RoleCue]) -> list[str]:
    """The roles the cues of a sentence give one mention in it.

    - a cue that opens the sentence before anyone is named ("Tham dự và chủ trì có
      đồng chí A, B") applies to everyone named in it;
    - a cue after a mention applies to it when no other cue stands between them
      in the same clause ("A và B đồng chủ trì"; "A phát biểu, B trao": only B trao);
    - a cue after a semicolon list of people that opens the sentence applies to the
      whole list ("Các đồng chí A- ...; B- ... chủ trì hội nghị");
    - "trao/tặng ... cho A": A is a recipient.
    """
    first = here[0][0][0]
    m_start, m_end = mention
    roles = []
    opens_with_people = not re.search(r"[^\W\d_]{2,}", _strip_cues(text[s_start:first]))
    for k, cue in enumerate(cues):
        c_start = cue.span[0]
        if cue.scope == "any" and c_start < first:
            # "Dưới sự chủ trì của A, ... có sự tham dự của B": a later cue takes over, but
            # "Đến dự và chỉ đạo ... có A" joins two cues for the same people
            taken_over = any(cue.span[1] <= other.span[0] < m_start
                             and not re.fullmatch(r"\s*(?:và|,)?\s*", text[cue.span[1]:other.span[0]])
                             for other in cues)
            if not taken_over:
                roles.append(cue.role)
        elif m_end <= c_start:
            between = text[m_end:c_start]
            earlier_cue = any(m_end <= other.span[0] < c_start for other in cues[:k])
            if not earlier_cue and ";" not in between and "\n" not in between:
                roles.append(cue.role)
            elif (opens_with_people and not earlier_cue and "\n" not in between
                  and not any(c.span[0] < c_start for c in cues[:k])):
                roles.append(cue.role)
        elif cue.role in ("presenter", "recipient") and re.search(r"(?i)\bcho\b", text[cue.span[1]:m_start]):
            roles.append("recipient")
        elif cue.scope == "any" and _INTRODUCES.match(text[cue.span[1]:m_start]) and \
                not any(cue.span[1] <= other.span[0] < m_start for other in cues):
            roles.append(cue.role)  # "...; cùng chủ trì có ông Phạm Văn Thắng"
    return roles


_INTRODUCES = re.compile(r"(?i)(?:\s+[^\s,;.]+){0,4}?\s+(?:có|gồm|là|của)\s*:?(?:\s*(?:các\s+)?(?:đồng chí|ông|bà|đ/c))?"
                         r"(?:\s*các\s+[^:;.,]{1,40}:)?(?:\s*[A-ZĐ][A-Za-zĐ]{0,6}\.)*\s*$")


def _stop_pattern(word: str) -> str:
    """A chain stop as a pattern: " dự " → a space, "dự", no letter after, and not "dự thảo"."""
    core = re.escape(word.rstrip(" "))
    if word.rstrip(" ")[-1:].isalpha():
        core += r"(?!\w)"
    if word.strip() == "dự":
        core += r"(?!\s+(?:thảo|án|toán|kiến|khuyết|bị|trữ))"
    return core


def _strip_cues(prefix: str) -> str:
    """What stands before the first name once person cues are taken off ("Các đồng chí")."""
    return re.sub(r"(?i)\b(?:các|đồng chí|đ/c|ông|bà|anh|chị|cô|thầy)\b|[:\-–,]", " ", prefix)


@dataclass(frozen=True)
class _Listing:
    """Where the last named person's words end, and a title shared by the list ("các Thứ trưởng:")."""

    title: Span | None
    end: int


# what may stand between two names of one list: "A, B", "A; đồng chí B", "A và bà B", degrees
_LIST_GAP = re.compile(r"\s*(?:[,;]|\s(?:và|cùng))\s*(?:(?:các\s+)?(?:đồng chí|ông|bà|đ/c|Đ/c)\s+)?"
                       r"(?:[A-ZĐ][A-Za-zĐƯ]{0,6}\.\s*){0,3}")


def _runs_on(text: str, words: list[tuple[int, int, bool]], word_starts: list[int], end: int) -> bool:
    """underthesea read the name's last syllable into a longer lower-case word: "Đoàn Kiểm tra"."""
    i = bisect.bisect_right(word_starts, end) - 1
    if i < 0:
        return False
    w_start, w_end, _ = words[i]
    return w_end - w_start > 3 and end + 1 < w_end and _GLUED.match(text, end, w_end) is not None


def _is_byline(text: str, start: int) -> bool:
    """A name opening the article's last line of prose ("Võ Linh Trang, Chuyên viên ...") signs it."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return False
    line_end = text.find("\n", start)
    if line_end < 0:
        line_end = len(text)
    if line_end - line_start > 100 or text[line_start:line_end].rstrip().endswith((".", ":", ";")):
        return False
    return all(len(rest.strip()) < 25 for rest in text[line_end:].split("\n"))


_CHAIN_STOP = re.compile(r"[;\n:]")
_BAN_NAME = re.compile(rf"(?<![Ủủ]y )(?<![Uu]ỷ )\b[Bb]an [{UPPER}]")  # "Trưởng Ban Dân tộc", "Trưởng ban Chính sách"
_NAME_LIKE = re.compile(rf"(?<!\w)(?:{_SYLLABLE})(?: (?:{_SYLLABLE})){{2,}}")  # three capitalised syllables
_SENTENCE_DOT = re.compile(r"\.(?=\s|$)")
_DASH_BEFORE = re.compile(r"(?<=\S)[ ]+[-–][ ]+$")
_STOP_DOT = re.compile(r"\.(?=\s|$)")


def _chain_limit(text: str, start: int) -> int:
    """Where a title chain must end: a semicolon, a line break or a sentence stop."""
    stop = _CHAIN_STOP.search(text, start)
    limit = stop.start() if stop else len(text)
    for m in _STOP_DOT.finditer(text, start, limit):
        before = text[start:m.start()]
        word = before.rsplit(maxsplit=1)[-1] if before and not before[-1].isspace() else ""
        letters = word.replace(".", "")
        if word and len(word) <= 8 and (letters.isupper() or sum(c.isupper() for c in letters) >= 2):
            continue  # "CT. HĐND xã", "TP. Hà Nội", "ThS. Hà Văn Tú"
        return m.start()
    return limit


def _inside_quote(text: str, start: int, pos: int) -> bool:
    return text.count("“", start, pos) > text.count("”", start, pos)


def _same_title(a: str, b: str) -> bool:
    a, b = a.casefold(), b.casefold()
    if a in b or b in a:
        return True
    wa, wb = set(a.split()), set(b.split())
    return len(wa & wb) / max(1, min(len(wa), len(wb))) >= 0.6


@Language.factory("hoinghi_people", assigns=["doc._.people"], default_config={"max_name_syllables": 5})
def make_people(nlp: Language, name: str, *, max_name_syllables: int) -> PeopleStage:
    """``nlp.add_pipe("hoinghi_people")``: the people stage over ``rules/people.yaml``."""
    return PeopleStage(rules.load("people"), max_name_syllables=max_name_syllables)
