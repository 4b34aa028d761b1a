"""The policy library in the content archive: the "policies" entry of records.json.

Policy cases and themes travel as pages and snippets (their budget lines as the pages' inline
rows). What is neither is the exchange-rate table that turns budget lines into US dollars
(`policyshare.opendata.records` describes the protocol)."""

from django.db import IntegrityError

from policyshare.opendata.archive import ArchiveError
from policyshare.opendata.records import ArchiveRecords, ExportContext, ImportContext
from policyshare.opendata.validation import InvalidValue, validate_fields

from .means import ExchangeRate

NAME = "policies"
RATE_FIELDS = ["id", "currency", "year", "units_per_usd", "source"]


def _is_id(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


class PolicyRecords(ArchiveRecords):
    name = NAME

    def export(self, context: ExportContext) -> dict:
        rates = ExchangeRate.objects.order_by("pk")
        return {
            "exchange_rates": [
                {name: (rate.pk if name == "id" else getattr(rate, name)) for name in RATE_FIELDS}
                for rate in rates
            ]
        }

    def counts(self, data) -> dict[str, int]:
        return {"exchange_rates": len(data["exchange_rates"])}

    def check(self, data, context: ImportContext) -> None:
        if not isinstance(data, dict) or set(data) != {"exchange_rates"}:
            raise ArchiveError("The policies records are not a record of exchange_rates.")
        rates = data["exchange_rates"]
        if not isinstance(rates, list):
            raise ArchiveError("The exchange rates are not a list.")
        seen_ids, seen_keys = set(), set()
        for position, record in enumerate(rates, start=1):
            where = f"Exchange rate {position}"
            if not isinstance(record, dict) or set(record) != set(RATE_FIELDS):
                raise ArchiveError(f"{where} is not a record of {', '.join(RATE_FIELDS)}.")
            if not _is_id(record["id"]) or record["id"] in seen_ids:
                raise ArchiveError(f"{where} has no id of its own.")
            if not isinstance(record["currency"], str) or not isinstance(record["source"], str):
                raise ArchiveError(f"{where} has a value that is not valid: not text.")
            key = (record["currency"], record["year"])
            if key in seen_keys:
                raise ArchiveError(f"{where} repeats the rate of {key[0]} in {key[1]}.")
            seen_ids.add(record["id"])
            seen_keys.add(key)
            values = {("pk" if name == "id" else name): record[name] for name in RATE_FIELDS}
            try:
                validate_fields(ExchangeRate, values)
            except InvalidValue as error:
                raise ArchiveError(f"{where} has a value that is not valid: {error}") from error

    def is_empty(self) -> bool:
        return not ExchangeRate.objects.exists()

    def write(self, data) -> set[type]:
        try:
            ExchangeRate.objects.bulk_create(
                ExchangeRate(
                    **{("pk" if name == "id" else name): record[name] for name in RATE_FIELDS}
                )
                for record in data["exchange_rates"]
            )
        except IntegrityError as error:
            raise ArchiveError(f"The exchange rates cannot be written: {error}") from error
        return {ExchangeRate}
