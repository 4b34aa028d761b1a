""" "Cities like mine": policies ranked by how far cities similar to the reader's took them up.

A reader picks a known city (its attributes are used) or describes theirs by population band,
income group and climate zone. Every city that received a transfer is compared with it on
those three attributes; the similarity is the number that match (0 to 3), and a city that
matches none is left out. Each transfer to a similar city weighs by how far it got
(`STAGE_WEIGHTS`), and a policy's score is the sum of similarity * weight over its
transfers. Ties go to the policy taken up by more distinct cities. Exits (not pursued,
discontinued, failed) weigh nothing, but the page shows them as cautions: a reader should
know a similar city tried and stopped. docs/sharing-cooperation.md explains it for readers.

The page runs a fixed number of queries, however many cities and transfers there are.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.db.models import Prefetch, Q
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from policyshare.core.languages import reader_language, translations_with_fallback
from policyshare.core.localized import localized, localized_language
from policyshare.policies.models import PolicyCase

from .models import (
    EXIT_STAGES,
    POPULATION_BANDS,
    City,
    CityIndexPage,
    ClimateZone,
    IncomeGroup,
    PolicyTransfer,
    Stage,
    TransferOutcome,
    TransferStage,
)

# How much a transfer counts towards adoption, by the stage it has reached.
STAGE_WEIGHTS = {
    Stage.SUSTAINED: Decimal("1.0"),
    Stage.IMPLEMENTED: Decimal("0.9"),
    Stage.PILOT: Decimal("0.6"),
    Stage.ADAPTATION: Decimal("0.4"),
    Stage.AGREEMENT: Decimal("0.3"),
    Stage.ASSESSMENT: Decimal("0.1"),
    Stage.INTEREST: Decimal("0.1"),
    Stage.NOT_PURSUED: Decimal("0"),
    Stage.DISCONTINUED: Decimal("0"),
    Stage.FAILED: Decimal("0"),
}
ATTRIBUTES = ("population_band", "income_group", "climate_zone")
ATTRIBUTE_LABELS = {
    "population_band": _("population"),
    "income_group": _("income group"),
    "climate_zone": _("climate"),
}


def _band_bounds(band: str) -> tuple[int, int | None]:
    """The [lower, upper) population range of a band value."""
    lower = 0
    for upper, value, _label in POPULATION_BANDS:
        if value == band:
            return lower, upper
        lower = upper
    raise ValueError(band)


# --- The form -----------------------------------------------------------------------------


def _city_choices():
    cities = sorted(City.objects.only("slug", "names"), key=lambda city: city.name.casefold())
    return [("", _("None: I describe my city below")), *((c.slug, c.name) for c in cities)]


class CitiesLikeMineForm(forms.Form):
    """A known city, or a description by three attributes; any attribute the reader picks
    replaces the known city's."""

    city = forms.ChoiceField(label=_("My city"), required=False)
    population_band = forms.ChoiceField(
        label=_("Population"),
        required=False,
        choices=[("", _("Any")), *((value, label) for _u, value, label in POPULATION_BANDS)],
    )
    income_group = forms.ChoiceField(
        label=_("Income group of the country"),
        required=False,
        choices=[("", _("Any")), *IncomeGroup.choices],
    )
    climate_zone = forms.ChoiceField(
        label=_("Climate zone"), required=False, choices=[("", _("Any")), *ClimateZone.choices]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].choices = _city_choices()
        self.known_city = None

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        if cleaned.get("city"):
            self.known_city = City.objects.filter(slug=cleaned["city"]).first()
            if self.known_city is not None:
                for name in ATTRIBUTES:
                    cleaned[name] = cleaned.get(name) or getattr(self.known_city, name) or ""
        if not any(cleaned.get(name) for name in ATTRIBUTES):
            if self.known_city is not None:
                raise forms.ValidationError(
                    _(
                        "We know neither the population, the income group nor the climate "
                        "of this city: describe it with the fields below."
                    )
                )
            raise forms.ValidationError(
                _("Choose your city, or describe it by population, income group or climate.")
            )
        return cleaned

    def profile(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name, "") for name in ATTRIBUTES}


# --- The ranking --------------------------------------------------------------------------


@dataclass
class Uptake:
    """One transfer of the policy to a similar city."""

    transfer: PolicyTransfer
    city: City
    similarity: int
    matches: list[str]
    weight: Decimal
    outcomes: list[TransferOutcome]

    @property
    def points(self) -> Decimal:
        return self.similarity * self.weight

    @property
    def is_exit(self) -> bool:
        return self.transfer.stage in EXIT_STAGES

    @property
    def exit_reason(self) -> str:
        """Why the transfer ended, as its last stage says ("" when it goes on)."""
        stages = list(self.transfer.stages.all())
        return stages[-1].reason if self.is_exit and stages else ""

    @property
    def city_name(self) -> str:
        return localized(self.city.names)

    @property
    def city_lang(self) -> str:
        """The language of the city's name as shown (a fallback is marked with it)."""
        return localized_language(self.city.names)

    @property
    def match_labels(self) -> list[str]:
        return [str(ATTRIBUTE_LABELS[name]) for name in self.matches]


@dataclass
class RankedPolicy:
    translation_key: object
    policy: PolicyCase | None = None
    uptakes: list[Uptake] = field(default_factory=list)

    @property
    def score(self) -> Decimal:
        return sum((uptake.points for uptake in self.uptakes), Decimal("0"))

    @property
    def adoptions(self) -> list[Uptake]:
        return [uptake for uptake in self.uptakes if not uptake.is_exit]

    @property
    def cautions(self) -> list[Uptake]:
        return [uptake for uptake in self.uptakes if uptake.is_exit]

    @property
    def city_count(self) -> int:
        """Distinct similar cities that took the policy up (exits not counted)."""
        return len({uptake.city.pk for uptake in self.adoptions})


def similarity(city: City, profile: dict[str, str]) -> tuple[int, list[str]]:
    """How many of the profile's attributes the city shares, and which."""
    matches = [
        name for name in ATTRIBUTES if profile.get(name) and getattr(city, name) == profile[name]
    ]
    return len(matches), matches


def _similar_target_filter(profile: dict[str, str]) -> Q:
    """Transfers whose target city shares at least one attribute: read only those."""
    condition = Q(pk__in=[])
    if profile.get("income_group"):
        condition |= Q(target_city__income_group=profile["income_group"])
    if profile.get("climate_zone"):
        condition |= Q(target_city__climate_zone=profile["climate_zone"])
    if profile.get("population_band"):
        lower, upper = _band_bounds(profile["population_band"])
        band = Q(target_city__population__gte=lower)
        if upper is not None:
            band &= Q(target_city__population__lt=upper)
        condition |= band
    return condition


def rank_policies(
    *, profile: dict[str, str], exclude_city: City | None = None, language: str | None = None
) -> list[RankedPolicy]:
    """Policies taken up by cities like the profile, best first (module docstring).

    Four queries whatever the number of transfers: the transfers with their cities, their
    outcomes, their stages, and the policies in the reader's language (with its fallback).
    """
    transfers = (
        PolicyTransfer.objects.filter(_similar_target_filter(profile))
        .exclude(stage="")
        .select_related("target_city", "policy")
        .prefetch_related(
            Prefetch("outcomes", queryset=TransferOutcome.objects.all()),
            Prefetch("stages", queryset=TransferStage.objects.order_by("sort_order")),
        )
        .order_by("pk")
    )
    if exclude_city is not None:
        transfers = transfers.exclude(target_city=exclude_city)
    ranked: dict[object, RankedPolicy] = {}
    for transfer in transfers:
        score, matches = similarity(transfer.target_city, profile)
        if not score:
            continue
        key = transfer.policy.translation_key
        ranked.setdefault(key, RankedPolicy(translation_key=key)).uptakes.append(
            Uptake(
                transfer=transfer,
                city=transfer.target_city,
                similarity=score,
                matches=matches,
                weight=STAGE_WEIGHTS.get(transfer.stage, Decimal("0")),
                outcomes=list(transfer.outcomes.all()),
            )
        )
    _attach_policies(ranked, language or reader_language())
    for item in ranked.values():
        item.uptakes.sort(key=lambda u: (-u.points, -u.similarity, u.city.name.casefold()))
    return sorted(
        ranked.values(),
        key=lambda item: (
            -item.score,
            -item.city_count,
            (item.policy.title if item.policy else "").casefold(),
        ),
    )


def _attach_policies(ranked: dict, language: str) -> None:
    """The reader's version of each policy (else its fallback); a policy with no live public
    version keeps the version the transfer names."""
    if not ranked:
        return
    locale = Locale.objects.filter(language_code=language).first()
    versions = {}
    if locale is not None:
        live = PolicyCase.objects.live().public().filter(translation_key__in=list(ranked))
        for policy in translations_with_fallback(live, locale).select_related("locale"):
            versions.setdefault(policy.translation_key, policy)
    for key, item in ranked.items():
        item.policy = versions.get(key) or item.uptakes[0].transfer.policy


# --- The page -----------------------------------------------------------------------------


def _cities_url(page) -> str:
    index = CityIndexPage.objects.live().filter(locale_id=page.locale_id).first()
    return index.url if index is not None else ""


def cities_like_mine_view(page, request) -> TemplateResponse:
    """The "cities like mine" page under the sharing section (SharingIndexPage's route)."""
    # Submitted, even empty: an empty submission is told what to fill in.
    has_query = any(name in request.GET for name in ("city", *ATTRIBUTES))
    form = CitiesLikeMineForm(request.GET if has_query else None)
    ranking = None
    profile = {}
    if form.is_bound and form.is_valid():
        profile = form.profile()
        ranking = rank_policies(profile=profile, exclude_city=form.known_city)
    context = page.get_context(request)
    context.update(
        {
            "form": form,
            "ranking": ranking,
            "profile_labels": [
                (ATTRIBUTE_LABELS[name], _attribute_display(name, profile[name]))
                for name in ATTRIBUTES
                if profile.get(name)
            ],
            "known_city": form.known_city,
            "known_city_lang": localized_language(form.known_city.names) if form.known_city else "",
            "cities_url": _cities_url(page),
            "stage_weights": [
                (Stage(stage).label, weight)
                for stage, weight in STAGE_WEIGHTS.items()
                if stage not in EXIT_STAGES
            ],
            "attribute_labels": ATTRIBUTE_LABELS,
        }
    )
    return TemplateResponse(request, "sharing/cities_like_mine.html", context)


def _attribute_display(name: str, value: str) -> str:
    if name == "population_band":
        return next((str(label) for _u, band, label in POPULATION_BANDS if band == value), value)
    choices = IncomeGroup if name == "income_group" else ClimateZone
    return str(choices(value).label)
