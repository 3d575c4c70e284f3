"""Reprs are short enough for a notebook, and say what matters; README's comments are true."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest

import govinfo_report
from govinfo_report import checks
from govinfo_report._location import Location
from govinfo_report.checks import Authority, CheckResult, Outcome, Rule, Status
from govinfo_report.model import Report, Severity, TableData
from govinfo_report.synth import consistent_example
from govinfo_report.synth.html import render_html
from govinfo_report.synth.text import render_text
from tests.shared import shared_dir

ROOT = Path(__file__).resolve().parent.parent


def _report() -> Report:
    return govinfo_report.parse(render_text(consistent_example("松岭镇人民政府", 2024)))


def _rule(rule_id: str, severity: Severity = Severity.ERROR) -> Rule:
    family, _, subject = rule_id.partition("[")
    return Rule(
        id=rule_id,
        family=family,
        title_zh="合计等于各项之和",
        title_en="The total is the sum of its parts",
        authority=Authority.ARITHMETIC,
        severity=severity,
        method="equation",
        subject=subject.rstrip("]") or None,
        explanation_en="A long explanation " * 50,
    )


def _outcome(rule: Rule, status: Status, message: str) -> Outcome:
    return Outcome(rule=rule, status=status, message_zh="……", message_en=message)


def test_a_check_result_over_a_real_report_has_a_short_repr() -> None:
    # The repr was about 660 KB here: every outcome with its rule, cells and explanations.
    report = govinfo_report.parse(shared_dir("real") / "001.docx")
    result = checks.check(report)
    assert len(repr(result)) < 200, repr(result)[:300]
    assert repr(result).startswith("<CheckResult ")
    assert max(len(repr(outcome)) for outcome in result) < 250
    assert max(len(repr(outcome.rule)) for outcome in result) < 100


def test_check_result_repr_counts_failures_errors_unassessable_and_passes() -> None:
    report = _report()
    outcomes = (
        _outcome(_rule("applications.total[granted]"), Status.FAIL, "3 ≠ 4"),
        _outcome(_rule("active.blanks", Severity.WARNING), Status.FAIL, "a blank"),
        _outcome(_rule("applications.carry_over[total]"), Status.NOT_ASSESSABLE, "blank"),
        _outcome(_rule("report.sections"), Status.PASS, "all six sections found"),
    )
    result = CheckResult(report=report, outcomes=outcomes, name="reports/a.txt")
    assert repr(result) == (
        "<CheckResult 松岭镇人民政府 2024 ('reports/a.txt'): "
        "2 failed (1 error), 1 not assessable, 1 passed>"
    )
    # check_all names a report "body year" by default: not said twice.
    unnamed = CheckResult(report=report, outcomes=outcomes[2:], name="松岭镇人民政府 2024")
    assert repr(unnamed) == (
        "<CheckResult 松岭镇人民政府 2024: 0 failed (0 errors), 1 not assessable, 1 passed>"
    )
    # Only the repr changed: equality, hashing and pickling still see every field.
    assert pickle.loads(pickle.dumps(result)) == result
    assert hash(pickle.loads(pickle.dumps(outcomes[0].rule))) == hash(outcomes[0].rule)
    assert result != CheckResult(report=report, outcomes=outcomes[1:], name="reports/a.txt")


def test_outcome_and_rule_reprs_name_the_rule_and_cut_the_message() -> None:
    rule = _rule("applications.total[granted]")
    assert repr(rule) == "<Rule applications.total[granted] error>"
    short = _outcome(rule, Status.FAIL, "total 4 ≠ sum 3")
    assert repr(short) == "<Outcome fail error applications.total[granted]: total 4 ≠ sum 3>"
    long = _outcome(rule, Status.NOT_ASSESSABLE, "表二 规章 is blank;\n" * 100)
    text = repr(long)
    assert text.startswith(
        "<Outcome not_assessable error applications.total[granted]: 表二 规章 is blank; 表二"
    )
    assert text.endswith("…>") and "\n" not in text and len(text) < 150


def test_the_repr_of_an_outcome_of_a_real_check() -> None:
    result = checks.check(_report())
    outcome = result.outcome("report.sections")
    assert repr(outcome) == "<Outcome pass error report.sections: all six sections found>"


@pytest.mark.parametrize(
    ("location", "text"),
    [
        (Location(carrier="html", path="/html/body/p[2]"), "Location(carrier='html', path='/html/body/p[2]')"),
        (Location(carrier="text", line=23), "Location(carrier='text', line=23)"),
        (
            Location(carrier="pdf", page=2, bbox=(10.0, 20.5, 30.0, 40.0), table=0, row=1, column=2),
            "Location(carrier='pdf', page=2, bbox=(10.0, 20.5, 30.0, 40.0), table=0, row=1, column=2)",
        ),
        (Location(carrier="docx"), "Location(carrier='docx')"),
    ],
)  # fmt: skip
def test_location_repr_shows_the_set_fields(location: Location, text: str) -> None:
    assert repr(location) == text
    assert eval(text, {"Location": Location}) == location


@pytest.mark.parametrize("carrier", ["text", "html"])
def test_every_location_of_a_report_round_trips_through_its_repr(carrier: str) -> None:
    example = consistent_example("松岭镇人民政府", 2024)
    source = render_text(example) if carrier == "text" else render_html(example)
    report = govinfo_report.parse(source)
    locations = [c.location for c in report.cells() if c.location is not None]
    locations += [p.location for s in report.sections for p in s.paragraphs]
    assert locations
    for location in locations:
        text = repr(location)
        assert "=None" not in text
        assert eval(text, {"Location": Location}) == location


def test_an_empty_table_repr_has_no_stray_comma() -> None:
    assert repr(TableData(key="active", found=False, rows=())) == (
        "<TableData 'active': 0 rows, not found>"
    )
    assert repr(TableData(key="active", found=True, rows=())) == "<TableData 'active': 0 rows>"
    assert repr(_report().active) == "<TableData 'active': 6 rows, 10 number>"


#: A README comment that states a value: all of it, or what follows "prose: ".
_VALUE = re.compile(r"(?:^|: )((?:[(\[{'\"<]|[A-Z]\w*\().*)$")


def _readme_claims() -> list[tuple[str, str | None]]:
    """The lines of README.md's first code block: code, and the value its comment states."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```python\n", 1)[1].split("```", 1)[0]
    claims: list[tuple[str, str | None]] = []
    for line in block.splitlines():
        code, _, comment = line.partition("  # ")
        found = _VALUE.search(comment)
        claims.append((code, found.group(1) if found else None))
    return claims


def test_readme_comments_state_what_the_repl_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # README's path is relative to the project
    namespace: dict[str, object] = {}
    checked = 0
    for code, claim in _readme_claims():
        if not code.strip():
            continue
        if claim is None:
            exec(code, namespace)
            continue
        printed = repr(eval(code, namespace))
        # "…" stands for text left out; what is shown must be there, in order.
        pattern = ".*?".join(re.escape(part) for part in claim.split("…"))
        assert re.fullmatch(pattern, printed, re.DOTALL), (code, claim, printed)
        checked += 1
    assert checked >= 5
