"""Redaction of names, phone numbers, e-mail addresses and links before NLU review."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from nlu.redact import PLACEHOLDERS, redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # names after an introduction, a form of address, a role word, a greeting
        ("Hoi, ik ben Anna de Vries", "Hoi, ik ben [naam]"),
        ("mijn naam is J. van der Berg", "mijn naam is [naam]"),
        ("hij heet Mohammed el Amrani en woont hier", "hij heet [naam] en woont hier"),
        ("meneer Jansen dreigt me", "meneer [naam] dreigt me"),
        ("mevrouw de Boer schold me uit", "mevrouw [naam] schold me uit"),
        ("dhr. Öztürk stond te schreeuwen", "dhr. [naam] stond te schreeuwen"),
        ("mw. Van Dijk-Smit belde", "mw. [naam] belde"),
        (
            "collega Sanne werd geslagen door patiënt Bakker",
            "collega [naam] werd geslagen door patiënt [naam]",
        ),
        ("de zoon Kevin stond bij de balie", "de zoon [naam] stond bij de balie"),
        ("groetjes, Fatima", "groetjes, [naam]"),
        (
            "I'm Sarah and my colleague Tom got a threat",
            "I'm [naam] and my colleague [naam] got a threat",
        ),
        ("my name is Jean-Luc O'Neill", "my name is [naam]"),
        ("hoi Ik ben Piet", "hoi Ik ben [naam]"),
        ("de zoon van mevrouw Jansen's buurvrouw", "de zoon van mevrouw [naam]'s buurvrouw"),
        # phone numbers in Dutch formats
        ("bel me op 06-12345678", "bel me op [telefoon]"),
        ("0612345678 belt steeds", "[telefoon] belt steeds"),
        ("nummer 06 12 34 56 78.", "nummer [telefoon]."),
        ("vanaf +31 6 1234 5678", "vanaf [telefoon]"),
        ("vanaf +31(0)20 123 4567", "vanaf [telefoon]"),
        ("0031 20 123 4567 of 020-1234567", "[telefoon] of [telefoon]"),
        ("(020) 123 45 67", "[telefoon]"),
        ("+44 20 7946 0958", "[telefoon]"),
        # e-mail addresses and links
        ("mail jan.jansen+x@gmail.com!", "mail [e-mail]!"),
        ("jan (at) haat.nl", "[e-mail]"),
        ("zie https://facebook.com/profiel.123?x=1.", "zie [link]."),
        ("kijk op www.haatsite.nl/pagina, daar", "kijk op [link], daar"),
        ("instagram.com/jandevries heeft een filmpje", "[link] heeft een filmpje"),
        ("zijn account is @moh_123", "zijn account is [account]"),
        # other identifying numbers
        ("bsn 123456789, iban NL91 ABNA 0417 1643 00", "bsn [nummer], iban [nummer]"),
    ],
)
def test_redacts(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ik word bedreigd op instagram door de zoon van een patiënt",
        "ik ben bang. Hij staat voor de deur",
        "ik ben BANG en bel 112",
        "hij dreigde gisteren om 10.30 uur op kamer 12",
        "bel 112 of 0900 niet",
        "op 01-02-2023 belde hij",
        "Instagram, WhatsApp en Facebook",
        "de patiënt. Hij sloeg",
        "my colleague was threatened via WhatsApp",
        "",
    ],
)
def test_leaves_ordinary_text_alone(text: str) -> None:
    assert redact(text) == text


# --------------------------------------------------------------------------- properties

_FIRST = st.sampled_from(["Anna", "Mohammed", "Sanne", "Jean-Luc", "Özlem", "Kees", "Fatima"])
_LAST = st.sampled_from(["Jansen", "de Vries", "van der Berg", "El Amrani", "Bakker", "Smit"])
_NAME = st.one_of(_FIRST, st.builds(lambda f, last: f"{f} {last}", _FIRST, _LAST))
_CONTEXT = st.sampled_from(
    ["ik ben", "Ik ben", "mijn naam is", "hij heet", "meneer", "mevrouw", "dhr.", "mw.",
     "patiënt", "collega", "my name is", "I'm", "groetjes,", "de zoon"]
)  # fmt: skip
_FILLER = st.sampled_from(
    ["", "hoi, ", "ik word bedreigd. ", "help, ", "gisteren zei ", "via whatsapp: "]
)
_TAIL = st.sampled_from(["", " en hij dreigt", ".", ", bel me", " sloeg me", "!"])


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


@given(_FILLER, _CONTEXT, _NAME, _TAIL)
def test_names_after_a_context_are_removed(
    before: str, context: str, name: str, after: str
) -> None:
    out = redact(f"{before}{context} {name}{after}")
    assert name not in out
    assert PLACEHOLDERS["name"] in out
    assert out.startswith(before)
    assert out.endswith(after)


_SEPARATOR = st.sampled_from(["", " ", "-", ".", " - "])


@st.composite
def _mobile(draw: st.DrawFn) -> str:
    """A Dutch mobile number as people type it."""
    rest = draw(st.text("0123456789", min_size=8, max_size=8))
    prefix = draw(st.sampled_from(["06", "+316", "+31 6", "00316", "+31(0)6", "0031 6"]))
    sep = draw(_SEPARATOR)
    groups = draw(st.sampled_from([(8,), (4, 4), (2, 2, 2, 2), (2, 3, 3)]))
    parts, at = [], 0
    for size in groups:
        parts.append(rest[at : at + size])
        at += size
    return prefix + sep + sep.join(parts)


@st.composite
def _landline(draw: st.DrawFn) -> str:
    area = draw(st.sampled_from(["020", "010", "070", "030", "0513", "0900"]))
    rest = draw(st.text("0123456789", min_size=10 - len(area), max_size=10 - len(area)))
    return area + draw(st.sampled_from(["-", " ", ""])) + rest


@given(_FILLER, st.one_of(_mobile(), _landline()), _TAIL)
@example("bel ", "06-12345678", ".")
def test_phone_numbers_are_removed(before: str, phone: str, after: str) -> None:
    out = redact(f"{before}{phone}{after}")
    assert PLACEHOLDERS["phone"] in out
    assert len(_digits(out)) < 6, out  # no meaningful part of the number survives


_LOCAL = st.from_regex(r"[a-z][a-z0-9._+-]{0,15}[a-z0-9]", fullmatch=True)
_DOMAIN = st.from_regex(r"[a-z][a-z0-9-]{0,12}[a-z0-9]\.(nl|com|org|be|eu|io)", fullmatch=True)


@given(_FILLER, _LOCAL, _DOMAIN, _TAIL)
def test_email_addresses_are_removed(before: str, local: str, domain: str, after: str) -> None:
    address = f"{local}@{domain}"
    out = redact(f"{before}{address}{after}")
    assert address not in out
    assert "@" not in out
    assert PLACEHOLDERS["email"] in out


@given(
    _FILLER,
    st.sampled_from(["https://", "http://", "www.", "https://www.", ""]),
    _DOMAIN,
    st.from_regex(r"(/[A-Za-z0-9_.?=&%-]{1,20}){0,3}", fullmatch=True),
    _TAIL,
)
def test_links_are_removed(before: str, scheme: str, domain: str, path: str, after: str) -> None:
    link = f"{scheme}{domain}{path}"
    out = redact(f"{before}{link}{after}")
    assert domain not in out
    # What follows may be taken as part of the link (it can continue a URL): only the
    # start is certain.
    assert out.startswith(f"{before}[link]")


@settings(max_examples=300)
@given(st.text(max_size=300))
def test_never_fails_and_is_idempotent(text: str) -> None:
    once = redact(text)
    assert redact(once) == once


@given(st.text(alphabet=st.characters(categories=["Ll", "Zs"]), max_size=200))
def test_lowercase_text_without_digits_or_signs_is_unchanged(text: str) -> None:
    # No capitalised word, digit, "@" or dot: nothing to redact. Guards against placeholders
    # eating ordinary words.
    assert redact(text) == text


def test_huge_message_is_fast() -> None:
    import time

    text = ("ik ben Anna, bel 0612345678 of mail a@b.nl " * 2000) + "a" * 50_000
    started = time.perf_counter()
    out = redact(text)
    assert time.perf_counter() - started < 2.0
    assert "Anna" not in out
    assert "0612345678" not in out
