"""Second-round corrections of event candidates (docs/DEV_SET2.md 20-41, docs/REAL_TEXT_REVIEW.md).

These rules run on the candidates of :class:`jishi.events.extract.EventExtractor` before merging and fix
constructions the extractor reads wrongly:

- passive roles: ``A遭B袭击`` / ``A被B逮捕`` make B the source and A the target; without B the source is empty;
- a place's country (``伊拉克境内``) is never an attacker;
- references: a trigger in the object of ``谴责/起诉/停止/呼吁/要求/希望`` only adds evidence;
- clause-wide negation (``尚未/没有/不确定是否``), result clauses (``造成…``), ``威胁到`` + noun;
- ``在与X会谈时``: the meeting of a temporal clause is an event;
- conditional threats ``如果P，X将Q`` (Q punitive) are THREATEN by X;
- blame predicates (``使局势升级``, ``未履行承诺``) are ACCUSE by the speaker against the clause subject;
- speech acts with an empty source take the speaker of their clause (``日本政府表示不会接受…``).

The cue lists live in ``jishi/data/events/round2.yaml``.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass


from jishi.document import Document
from jishi.errors import KnowledgeError
from jishi.events.actorview import ActorSpan, ActorView
from jishi.events.extract import Candidate
from jishi.events.ontology import DATA_DIR, read_yaml
from jishi.events.quotes import SpeechFrame

log = logging.getLogger(__name__)

_CLAUSE_STOPS = "，,；;：:。！？!?"


@dataclass(frozen=True)
class Round2Cues:
    """The cue lists of ``round2.yaml`` (see that file for what each one means)."""

    passive_markers: tuple[str, ...]
    passive_types: frozenset[str]
    reference_embedders: tuple[str, ...]
    reference_keep_types: frozenset[str]
    clause_negation: tuple[str, ...]
    result_markers: tuple[str, ...]
    endanger_after: tuple[str, ...]
    condition_markers: tuple[str, ...]
    future_markers: tuple[str, ...]
    threat_codes: dict[str, tuple[str | None, str | None]]
    blame_triggers: frozenset[str]
    speaker_source_types: frozenset[str]
    speech_verbs: tuple[str, ...]
    meeting_clause_before: tuple[str, ...]
    meeting_clause_after: tuple[str, ...]
    location_suffixes: tuple[str, ...]
    incident_nouns: tuple[str, ...]
    flight_words: tuple[str, ...]
    seizure_triggers: frozenset[str]


def load_round2_cues() -> Round2Cues:
    """Read ``jishi/data/events/round2.yaml``.

    Returns:
        The cue lists.

    Raises:
        KnowledgeError: when the file is missing a key or a value has the wrong shape.
    """
    path = DATA_DIR / "round2.yaml"
    raw = read_yaml(path)
    try:
        codes = {k: (v[0], v[1]) for k, v in raw["threat_codes"].items()}
        return Round2Cues(
            passive_markers=tuple(sorted(raw["passive_markers"], key=len, reverse=True)),
            passive_types=frozenset(raw["passive_types"]),
            reference_embedders=tuple(raw["reference_embedders"]),
            reference_keep_types=frozenset(raw["reference_keep_types"]),
            clause_negation=tuple(raw["clause_negation"]),
            result_markers=tuple(raw["result_markers"]),
            endanger_after=tuple(raw["endanger_after"]),
            condition_markers=tuple(raw["condition_markers"]),
            future_markers=tuple(raw["future_markers"]),
            threat_codes=codes,
            blame_triggers=frozenset(raw["blame_triggers"]),
            speaker_source_types=frozenset(raw["speaker_source_types"]),
            speech_verbs=tuple(raw["speech_verbs"]),
            meeting_clause_before=tuple(raw["meeting_clause_before"]),
            meeting_clause_after=tuple(raw["meeting_clause_after"]),
            location_suffixes=tuple(raw["location_suffixes"]),
            incident_nouns=tuple(raw["incident_nouns"]),
            flight_words=tuple(raw["flight_words"]),
            seizure_triggers=frozenset(raw["seizure_triggers"]),
        )
    except (KeyError, TypeError, IndexError) as exc:
        raise KnowledgeError(f"round2.yaml: bad or missing entry ({exc})", path=str(path)) from exc


def _clause_start(text: str, c: Candidate) -> int:
    """Start offset of the clause holding the candidate's trigger."""
    return _clause_bounds(text, c.sent_start, c.sent_end, c.start, c.end)[0]


def _clause_bounds(text: str, sent_start: int, sent_end: int, ts: int, te: int) -> tuple[int, int]:
    """The clause around ``[ts, te)``: from after the last clause stop before it to the next one after it."""
    cs = sent_start
    for i in range(ts - 1, sent_start - 1, -1):
        if text[i] in _CLAUSE_STOPS:
            cs = i + 1
            break
    ce = sent_end
    for i in range(te, sent_end):
        if text[i] in _CLAUSE_STOPS:
            ce = i
            break
    return cs, ce


class Round2Rules:
    """Apply the second-round corrections to a document's candidates.

    Args:
        cues: the cue lists (loaded from ``round2.yaml`` when omitted).
    """

    def __init__(self, cues: Round2Cues | None = None) -> None:
        self.cues = cues or load_round2_cues()

    def apply(self, doc: Document, view: ActorView, frames: list[SpeechFrame],
              cands: list[Candidate]) -> list[Candidate]:
        """Correct roles, types and flags of the candidates and drop the ones that tell no event.

        Args:
            doc: the document (its ``text`` is what candidate offsets index).
            view: its actor spans.
            frames: its speech acts.
            cands: the extractor's candidates, in text order.

        Returns:
            The kept candidates, in the same order.
        """
        text = doc.text
        out: list[Candidate] = []
        by_sent: dict[int, list[Candidate]] = {}
        for c in cands:
            by_sent.setdefault(c.sent, []).append(c)
        for c in cands:
            cs, ce = _clause_bounds(text, c.sent_start, c.sent_end, c.start, c.end)
            pre = text[cs:c.start]
            trig = c.entry.trigger
            if any(m in pre for m in self.cues.result_markers) or "炸出" in text[c.start:c.end + 1]:
                continue  # 袭击造成多座房屋被炸毁: a consequence, not a new event
            if trig == "威胁" and text.startswith(self.cues.endanger_after, c.end):
                continue  # 威胁到地区和平: "endangers", not a threat
            if trig in self.cues.blame_triggers:
                if not self._blame(c, text, view, frames, by_sent):
                    continue
                out.append(c)
                continue
            if any(n in pre for n in self.cues.clause_negation):
                c.negated = True
            if c.reference and c.type == "CONSULT" and any(m in pre for m in self.cues.meeting_clause_before) \
                    and text.startswith(self.cues.meeting_clause_after, c.end) and \
                    view.in_range(cs + max(pre.rfind(m) for m in self.cues.meeting_clause_before), c.start):
                c.reference = False  # 在与伊朗外长会谈时表示: the talks took place
            if not c.reference and c.type not in self.cues.reference_keep_types:
                self._embedded_act(c, text, view, pre, cs)
            if c.type not in self.cues.reference_keep_types:
                self._named_incident(c, text, view, pre, cs, ce)
            if c.type == "ASSAULT" and trig.endswith("射向"):
                self._launch_roles(c, text, view, ce)
            elif c.type in self.cues.passive_types:
                self._passive(c, text, view, cs)
                self._place_not_agent(c, text, view)
            if c.type == "RETREAT" and pre.endswith("被") and any(f in pre for f in self.cues.future_markers):
                self._forced_future(c, text, view, frames, cs)
            self._conditional_threat(c, text, view, cs)
            if c.type == "CONSULT" and c.source:
                self._topic_not_participant(c, text, view, cs)
            if c.mode == "seize" and trig in self.cues.seizure_triggers:
                states = sorted(view.countries(c.source))
                c.target = [view.state_id(states[0])] if len(states) == 1 and len(states[0]) == 3 else []
            if c.type in ("ASSAULT", "THREATEN") and not c.target:
                self._place_target(c, text, view, cs, ce)
            if c.type == "CONSULT" and trig == "抵达" and \
                    any(w in text[c.sent_start:c.sent_end] for w in self.cues.flight_words):
                continue  # 离开X，抵达Y: arriving after fleeing is no visit
            if c.type == "ACCUSE" and (trig.startswith("被") or pre.endswith("被")) and "的" in text[c.end:ce]:
                continue  # 一名被指控为帮派提供武器的前官员: background of a person, not an accusation
            if c.type in self.cues.speaker_source_types and not c.source:
                sp = self._speaker(c, text, view, frames, cs)
                c.source = [i for i in sp if i not in c.target]
            out.append(c)
        self._same_sentence_duplicates(out, view)
        return out

    # ------------------------------------------------------------------ rules
    @staticmethod
    def _same_sentence_duplicates(cands: list[Candidate], view: ActorView) -> None:
        """``发动政变，接管政权``: two triggers of one type and mode whose sources share a country in one
        sentence tell one event; the later one becomes a reference (evidence of the first). Threats merge
        whatever their mode (警告说，如果…，X将对Y发动打击 is one threat)."""
        seen: list[tuple[Candidate, int]] = []
        sent = None
        for c in cands:
            if c.reference or c.negated:
                continue
            if c.sent != sent:
                seen, sent = [], c.sent  # candidates come in text order: compare within a sentence only
            src = view.countries(c.source)
            cs = _clause_start(view.doc.text, c)
            for o, ocs in seen:
                if o.sent != c.sent or o.type != c.type or c.type == "CONSULT" or not (src & view.countries(o.source)):
                    continue
                same_mode = c.mode is not None and o.mode == c.mode
                # one clause, compatible modes and targets: 伊斯兰革命卫队…伊朗…发动袭击 told twice
                tgt_c, tgt_o = view.countries(c.target), view.countries(o.target)
                one_clause = ocs == cs and (None in (c.mode, o.mode) or c.mode == o.mode) and \
                    (tgt_c & tgt_o or not (tgt_c or tgt_o))
                if c.type == "THREATEN" or same_mode or one_clause:
                    c.reference = True
                    break
            else:
                seen.append((c, cs))

    def _embedded_act(self, c: Candidate, text: str, view: ActorView, pre: str, cs: int) -> None:
        """A trigger in the object of 谴责/呼吁/停止…: its agent is the actor named after the embedding verb
        (谴责俄罗斯对基辅发动袭击 → 俄罗斯), never the condemner; with no such actor it is a reference."""
        pos = max((pre.rfind(e) + len(e) for e in self.cues.reference_embedders if e in pre), default=-1)
        if pos < 0:
            return
        emb_end = cs + pos
        between = view.in_range(emb_end, c.start)
        agents = [s for s in between if s.start == 0 or text[s.start - 1] not in "对向与同和将把"]
        condemner = set(_ids(view.in_range(c.sent_start, emb_end)))
        if agents:
            ids = _ids(agents)
            objs = [i for i in _ids([s for s in between if s.start > 0 and text[s.start - 1] in "将把"])
                    if i not in ids]
            c.source = ids
            c.target = list(dict.fromkeys([i for i in c.target if i not in ids] + objs))
        elif not c.source or set(c.source) & condemner:
            c.reference = True  # the act is told elsewhere; here it only adds evidence

    def _named_incident(self, c: Candidate, text: str, view: ActorView, pre: str, cs: int, ce: int) -> None:
        """``中方对以军袭击联黎部队事件表示谴责``: an act named inside ``对…事件/行为`` is a reference whose agent
        is the actor after 对, never the subject of the clause."""
        k = pre.rfind("对")
        if k < 0:
            return
        post = text[c.end:ce]
        tail = min((post.find(w) for w in self.cues.incident_nouns if w in post), default=-1)
        if tail < 0 or tail > 12 or any(v in post[:tail] for v in self.cues.speech_verbs):
            return
        c.reference = True
        agents = _ids(view.in_range(cs + k + 1, c.start))
        c.source = agents
        c.target = [i for i in c.target if i not in agents]

    @staticmethod
    def _launch_roles(c: Candidate, text: str, view: ActorView, ce: int) -> None:
        """``火箭弹从X境内射向Y``: X (the origin) is the source side, Y (the destination) the target."""
        k = text.find("从", c.start, c.end)
        origin = _ids(view.in_range(k + 1, c.end)) if k >= 0 else []
        dest = _ids(view.in_range(c.end, ce))
        if not dest:
            dest = [view.state_id(p.country) for _, _, p in view.places_in(c.end, ce) if p.country][:1]
        if origin:
            c.source = origin
        if dest:
            c.target = [i for i in dest if i not in origin]
        elif origin:
            c.target = [i for i in c.target if i not in origin]

    @staticmethod
    def _topic_not_participant(c: Candidate, text: str, view: ActorView, cs: int) -> None:
        """``安理会就黎巴嫩局势举行紧急会议``: the topic of a 就-phrase is not a participant."""
        k = text.rfind("就", cs, c.start)
        if k < 0:
            return
        topic = set(_ids(view.in_range(k + 1, c.start)))
        if topic and not set(c.source) - topic:
            others = [i for i in _ids(view.in_range(cs, k)) if i not in topic]
            c.source = others
        elif topic:
            c.source = [i for i in c.source if i not in topic]

    def _place_target(self, c: Candidate, text: str, view: ActorView, cs: int, ce: int) -> None:
        """``对贝鲁特南郊发动打击`` / ``在提尔附近袭击``: a target given only as a place takes its country
        (for a threat, the place may stand anywhere after the trigger in its sentence)."""
        end = c.sent_end if c.type == "THREATEN" else ce
        start = c.start if c.type == "THREATEN" else cs
        src = view.countries(c.source)
        for ps, pe, place in view.places_in(start, end):
            marked = ps > 0 and text[ps - 1] in "对向" or (text[ps - 1:ps] == "在" and
                                                            text.startswith(("附近", "一带"), pe))
            if marked and place.country and place.country not in src:
                c.target = [view.state_id(place.country)]
                return

    def _passive(self, c: Candidate, text: str, view: ActorView, cs: int) -> None:
        """``P遭(到)A V`` / ``P被A V``: A (between the marker and the verb) is the source, P the target."""
        seg = text[cs:c.end]
        best = -1
        marker = ""
        for m in self.cues.passive_markers:
            i = seg.rfind(m, 0, c.start - cs + len(m))
            if i > best:
                best, marker = i, m
        if best < 0:
            return
        mstart = cs + best
        mend = mstart + len(marker)
        if mend > c.end:
            return
        if "为由" in text[mend:c.start]:
            return  # 以色列以遭到袭击为由发动空袭: the marker belongs to the stated reason
        agent_end = c.start if mend <= c.start else c.end
        agents = _ids(view.in_range(mend, agent_end))
        patients = _ids(view.in_range(cs, mstart))
        if agents:
            own = view.countries(agents)
            c.source = agents
            # (总统X被军人逮捕: a person or body of the agent's own state is a patient all the same)
            c.target = [i for i in (patients or c.target) if i not in agents and not (
                view.countries([i]) & own and _is_state_like(view, i))]
        else:
            c.source = []
            c.target = list(dict.fromkeys(patients + [i for i in c.target if i not in patients]))

    def _place_not_agent(self, c: Candidate, text: str, view: ActorView) -> None:
        """A state named only as a place (``伊拉克境内``) never attacks."""
        if not c.source:
            return
        spans = view.in_range(c.sent_start, c.sent_end)
        keep = []
        for i in c.source:
            own = [s for s in spans if i in s.ids]
            if own and all(text.startswith(self.cues.location_suffixes, s.end) and (s.start == 0 or text[s.start - 1] not in "从自")
                           for s in own):  # 从黎巴嫩南部发射: the origin of a launch is its side
                if i not in c.target:
                    c.target.append(i)
                continue
            keep.append(i)
        c.source = keep

    def _forced_future(self, c: Candidate, text: str, view: ActorView, frames: list[SpeechFrame],
                       cs: int) -> None:
        """``X表示，哈马斯将被解除武装``: what the speaker says will be done to the patient is a threat."""
        speaker = self._speaker(c, text, view, frames, cs)
        patients = _ids(view.in_range(cs, c.start))
        c.type, c.mode, c.cameo = "THREATEN", "force", "138"
        c.source = speaker
        c.target = [i for i in patients if i not in speaker] or [i for i in c.target if i not in speaker]
        c.status = "claimed"

    def _conditional_threat(self, c: Candidate, text: str, view: ActorView, cs: int) -> None:
        """``如果P，X将Q`` with Q punitive: X threatens (the subject of P is the target)."""
        if c.type not in self.cues.threat_codes:
            return
        head = text[c.sent_start:cs]
        cond = max((head.rfind(m) for m in self.cues.condition_markers), default=-1)
        if cond < 0 or not any(f in text[cs:c.end] for f in self.cues.future_markers):
            return
        mode, cameo = self.cues.threat_codes[c.type]
        if c.type != "THREATEN":
            c.type, c.mode, c.cameo = "THREATEN", mode, cameo or "130"
        c.negated = False  # the status stays as read (hypothetical: the threatened act is conditional)
        if not c.target:
            subj = _ids(view.in_range(c.sent_start + cond, cs))
            c.target = [i for i in subj if i not in c.source]

    def _blame(self, c: Candidate, text: str, view: ActorView, frames: list[SpeechFrame],
               cands: dict[int, list[Candidate]]) -> bool:
        """A blame predicate: ACCUSE by the speaker against the blamed subject (False: drop it)."""
        if any(o is not c and o.type == "ACCUSE" and o.entry.trigger not in self.cues.blame_triggers
               and o.end <= c.start for o in cands.get(c.sent, ())):
            return False  # 伊朗指责美国违反了核协议: the content of an accusation already coded
        cs, _ = _clause_bounds(text, c.sent_start, c.sent_end, c.start, c.end)
        speaker = self._speaker(c, text, view, frames, cs)
        blamed = [i for i in c.source if i not in speaker] or \
            [i for i in _ids(view.in_range(cs, c.start)) if i not in speaker]
        if not speaker:
            return False  # no one blames: an evaluation by the outlet is not an event
        c.source, c.target = speaker, blamed
        c.negated = False
        c.status = "claimed"
        return True

    def _speaker(self, c: Candidate, text: str, view: ActorView, frames: list[SpeechFrame], cs: int) -> list[str]:
        """The speaker whose speech contains the candidate (a frame, or ``X表示`` right before it)."""
        for f in frames:
            if f.content_start <= c.start < f.content_end and f.verb_start >= c.sent_start:
                if f.speaker:
                    return [f.speaker]
                near = [s for s in view.in_range(c.sent_start, f.verb_start) if f.verb_start - s.end <= 6]
                if near:
                    return list(near[-1].ids)
        for s in view.in_range(c.sent_start, c.start):
            rest = text[s.end:s.end + 6]
            if any(v in rest for v in self.cues.speech_verbs) and s.end < c.start:
                return list(s.ids)
        return []


def _ids(spans: list[ActorSpan]) -> list[str]:
    return list(dict.fromkeys(i for s in spans for i in s.ids))


def _is_state_like(view: ActorView, aid: str) -> bool:
    """Whether an actor is a state or a place (not a person or a body of a state)."""
    actor = view.by_id.get(aid)
    return actor is None or actor.kind in ("state", "location")
