"""Outcome indicators get a baseline, a target and achieved values (issue 19).

Until now an indicator had a value "before", a value "after" and one year (the year of the
"after" value), and the model could not tell a target from a result: "Road deaths per
100,000 (2021 target) 3.7 → 1.8" listed a target as an outcome. Here, for every row:

- "before" becomes the baseline. Its year was never recorded, so the baseline year stays
  empty; the editor asks for it at the next edit of the case.
- "after" becomes the target when the indicator's name says it is one (a word of TARGET
  WORDS, in any of the portal's languages), otherwise an achieved value of its year.
- A row whose "after" cannot be placed is not guessed at: the name says both target and
  result (e.g. "목표 달성률", a rate of achieving a target), or it is an achieved value
  without a year. Its value is kept in the row's note for editors (`review_note`, never
  published) in a fixed form the reverse migration reads back, and the migration prints a
  report of these rows (page id, row id, name, value, reason).
- The direction is "lower is better" when the row has a baseline and a target below it
  (a target is where the city wants to go); "higher is better" otherwise, which editors
  check (docs/editors.md, "Outcome indicators").
- The page revisions of policy cases (drafts, history) get the same change in their JSON,
  so opening a draft or reverting to an old version does not drop a value.

Backwards, "after" is the target, or else the latest achieved value, or else the value
kept in the note; `year` is that value's year. A baseline year, a second achieved value, a
direction and a source address have no column there and are lost.
"""

import re
from decimal import Decimal

from django.db import migrations, models

import policyshare.policies.indicators

# Lower-cased words that mark a target in an indicator's name (ko, en, fr, es, ar, zh).
TARGET_WORDS = (
    "target",
    "goal",
    "planned",
    "목표",
    "objectif",
    "cible",
    "objetivo",
    "meta",
    "هدف",
    "مستهدف",
    "目标",
    "目標",
)
# Words that say the value is a result: with a target word, the row is not decided.
RESULT_WORDS = ("achieved", "actual", "result", "달성", "실적", "réalisé", "logrado", "实际")
NOTE = (
    'Migrated from the old "after" column: value {value} (year {year}) could not be placed '
    "as a target or an achieved value: {reason}. Enter it where it belongs, then empty "
    "this note."
)
NOTE_PATTERN = re.compile(r"old \"after\" column: value (?P<value>\S+) \(year (?P<year>\w+)\)")


def _words(name: str) -> str:
    return f" {name.casefold()} "


def _says_target(name: str) -> bool:
    text = _words(name)
    # "meta" only as a word (Spanish), not inside "metadata" or "metal".
    return any(
        re.search(rf"\b{re.escape(word)}\b", text) if word == "meta" else word in text
        for word in TARGET_WORDS
    )


def _says_result(name: str) -> bool:
    text = _words(name)
    return any(word in text for word in RESULT_WORDS)


def _decimal_text(value) -> str:
    return format(Decimal(str(value)).normalize(), "f")


def new_fields(name: str, before, after, year) -> tuple[dict, str | None]:
    """The new fields of one old row (values as Decimal or their text), and the reason
    its "after" value could not be placed, if it could not."""
    fields = {
        "baseline_value": before,
        "baseline_year": None,
        "target_value": None,
        "target_year": None,
        "achieved": [],
        "direction": "higher",
        "review_note": "",
    }
    reason = None
    if after is not None:
        if _says_target(name) and _says_result(name):
            reason = "the name says both target and result"
        elif _says_target(name):
            fields["target_value"], fields["target_year"] = after, year
        elif year is None:
            reason = "an achieved value needs a year and it has none"
        else:
            fields["achieved"] = [{"year": year, "value": _decimal_text(after)}]
    if reason:
        fields["review_note"] = NOTE.format(
            value=_decimal_text(after),
            year=year if year is not None else "unknown",
            reason=reason,
        )
    if before is not None and after is not None and fields["target_value"] is not None:
        if Decimal(str(after)) < Decimal(str(before)):
            fields["direction"] = "lower"
    return fields, reason


def old_fields(fields: dict) -> dict:
    """The old fields of one new row (see the module's docstring for what is lost)."""
    after = year = None
    kept = NOTE_PATTERN.search(fields.get("review_note") or "")
    if fields.get("target_value") is not None:
        after, year = fields["target_value"], fields.get("target_year")
    elif fields.get("achieved"):
        latest = max(fields["achieved"], key=lambda entry: entry["year"])
        after, year = latest["value"], latest["year"]
    elif kept:
        after = kept["value"]
        year = int(kept["year"]) if kept["year"].isdigit() else None
    return {
        "value_before": fields.get("baseline_value"),
        "value_after": Decimal(str(after)) if after is not None else None,
        "year": year,
    }


def _policy_revisions(apps):
    """Every revision of a policy case: a draft or an older version holds its indicators
    as JSON, which would otherwise lose its "after" values when an editor opens it."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(app_label="policies", model="policycase").first()
    if content_type is None:
        return Revision.objects.none()
    return Revision.objects.filter(content_type=content_type).order_by("pk")


def _convert_revisions(apps, convert) -> None:
    for revision in _policy_revisions(apps).iterator():
        rows = revision.content.get("indicators")
        if not rows:
            continue
        revision.content["indicators"] = [convert(row) for row in rows]
        revision.save(update_fields=["content"])


def _new_revision_row(row: dict) -> dict:
    if "value_after" not in row:  # converted already, or not an old row
        return row
    fields, _reason = new_fields(
        row.get("name", ""),
        row.get("value_before"),
        row.get("value_after"),
        row.get("year"),
    )
    new = {key: value for key, value in row.items() if key not in OLD_NAMES}
    for key in ("baseline_value", "target_value"):
        if fields[key] is not None:
            fields[key] = str(fields[key])
    return {**new, **fields, "source_url": row.get("source_url", "")}


def _old_revision_row(row: dict) -> dict:
    if "value_after" in row:
        return row
    old = old_fields(row)
    new = {key: value for key, value in row.items() if key not in NEW_NAMES}
    for key in ("value_before", "value_after"):
        if old[key] is not None:
            old[key] = str(old[key])
    return {**new, **old}


OLD_NAMES = {"value_before", "value_after", "year"}
NEW_NAMES = {
    "baseline_value",
    "baseline_year",
    "target_value",
    "target_year",
    "achieved",
    "direction",
    "source_url",
    "review_note",
}


def place_after_values(apps, schema_editor):
    OutcomeIndicator = apps.get_model("policies", "OutcomeIndicator")
    undecided = []
    for row in OutcomeIndicator.objects.order_by("pk").iterator():
        fields, reason = new_fields(row.name, row.value_before, row.value_after, row.year)
        for key, value in fields.items():
            setattr(row, key, value)
        if reason:
            undecided.append((row.page_id, row.pk, row.name, row.value_after, row.year, reason))
        row.save()
    _convert_revisions(apps, _new_revision_row)
    if undecided:
        print(f"\n  Outcome indicators to check ({len(undecided)}; value kept in review_note):")
        for page_id, pk, name, value, year, reason in undecided:
            print(f"    page {page_id}, row {pk}, {name!r}: {value} ({year}): {reason}")


def restore_after_values(apps, schema_editor):
    OutcomeIndicator = apps.get_model("policies", "OutcomeIndicator")
    for row in OutcomeIndicator.objects.order_by("pk").iterator():
        fields = {name: getattr(row, name) for name in NEW_NAMES}
        for key, value in old_fields(fields).items():
            setattr(row, key, value)
        row.save()
    _convert_revisions(apps, _old_revision_row)


class Migration(migrations.Migration):
    dependencies = [
        ("policies", "0005_editors_and_moderators_publish_themes"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="outcomeindicator",
            name="direction",
            field=models.CharField(
                choices=[("higher", "Higher is better"), ("lower", "Lower is better")],
                default="higher",
                max_length=6,
                verbose_name="direction",
            ),
        ),
        migrations.AddField(
            model_name="outcomeindicator",
            name="baseline_value",
            field=models.DecimalField(
                blank=True,
                decimal_places=3,
                max_digits=18,
                null=True,
                verbose_name="baseline value",
            ),
        ),
        migrations.AddField(
            model_name="outcomeindicator",
            name="baseline_year",
            field=models.PositiveSmallIntegerField(
                blank=True, null=True, verbose_name="baseline year"
            ),
        ),
        migrations.AddField(
            model_name="outcomeindicator",
            name="target_value",
            field=models.DecimalField(
                blank=True, decimal_places=3, max_digits=18, null=True, verbose_name="target value"
            ),
        ),
        migrations.AddField(
            model_name="outcomeindicator",
            name="target_year",
            field=models.PositiveSmallIntegerField(
                blank=True, null=True, verbose_name="target year"
            ),
        ),
        migrations.AddField(
            model_name="outcomeindicator",
            name="achieved",
            field=policyshare.policies.indicators.AchievedValuesField(
                blank=True,
                default=list,
                help_text='One line per year: "year: value", e.g. "2019: 2.6".',
                verbose_name="achieved values",
            ),
        ),
        migrations.AddField(
            model_name="outcomeindicator",
            name="source_url",
            field=models.URLField(blank=True, verbose_name="source address (URL)"),
        ),
        migrations.AddField(
            model_name="outcomeindicator",
            name="review_note",
            field=models.TextField(
                blank=True,
                help_text=(
                    "Not published. Says what an editor should check, e.g. a value the 2026 "
                    "migration could not place as a target or an achieved value; empty it "
                    "when done."
                ),
                verbose_name="note for editors",
            ),
        ),
        migrations.RunPython(place_after_values, restore_after_values),
        migrations.RemoveField(model_name="outcomeindicator", name="value_before"),
        migrations.RemoveField(model_name="outcomeindicator", name="value_after"),
        migrations.RemoveField(model_name="outcomeindicator", name="year"),
    ]
