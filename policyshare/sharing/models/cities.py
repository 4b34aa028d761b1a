"""Cities of the world, and Seoul's relationships with them.

A city is one record for every language (docs/sharing.md, "Why a city is a snippet"): its
coordinates, population and time zone are facts the six languages share; only its name
differs, held in a `LocalizedTextField`.
"""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from policyshare.core.content import register_snippet
from policyshare.core.localized import LocalizedTextField, localized


class IncomeGroup(models.TextChoices):
    """The World Bank's income groups of the city's country."""

    LOW = "low", _("Low income")
    LOWER_MIDDLE = "lower_middle", _("Lower-middle income")
    UPPER_MIDDLE = "upper_middle", _("Upper-middle income")
    HIGH = "high", _("High income")


class ClimateZone(models.TextChoices):
    """The main groups of the Köppen climate classification."""

    TROPICAL = "tropical", _("Tropical")
    ARID = "arid", _("Arid")
    TEMPERATE = "temperate", _("Temperate")
    CONTINENTAL = "continental", _("Continental")
    POLAR = "polar", _("Polar")


# (upper bound exclusive, value, label): how "cities like mine" groups populations.
POPULATION_BANDS = [
    (500_000, "under_500k", _("Under 500,000")),
    (1_000_000, "500k_1m", _("500,000 to 1 million")),
    (5_000_000, "1m_5m", _("1 to 5 million")),
    (10_000_000, "5m_10m", _("5 to 10 million")),
    (None, "over_10m", _("Over 10 million")),
]


def population_band(population: int | None) -> str:
    """The band value of a population; "" when it is unknown."""
    if population is None:
        return ""
    for upper, value, _label in POPULATION_BANDS:
        if upper is None or population < upper:
            return value
    return ""


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("“%(value)s” is not an IANA time zone, such as Asia/Seoul."),
            params={"value": value},
            code="invalid",
        )


@register_snippet  # shown on the sharing, city and policy pages: their caches follow it
class Network(models.Model):
    """A network of cities (CITYNET, Metropolis, ICLEI, …)."""

    acronym = models.CharField(max_length=30, unique=True, verbose_name=_("acronym"))
    name = models.CharField(max_length=200, verbose_name=_("full name"))
    website = models.URLField(blank=True, verbose_name=_("website"))

    panels = [FieldPanel("acronym"), FieldPanel("name"), FieldPanel("website")]

    class Meta:
        ordering = ["acronym"]
        verbose_name = _("city network")
        verbose_name_plural = _("city networks")

    def __str__(self):
        return self.acronym


class CityQuerySet(models.QuerySet):
    def portal_city(self):
        """The city whose portal this is (Seoul in the first deployment)."""
        return self.filter(slug=settings.PORTAL_CITY_SLUG)

    def partners(self):
        """Every city but the portal's own."""
        return self.exclude(slug=settings.PORTAL_CITY_SLUG)


@register_snippet  # shown on the sharing, city and policy pages: their caches follow it
class City(ClusterableModel):
    slug = models.SlugField(
        max_length=80,
        unique=True,
        verbose_name=_("slug"),
        help_text=_("The city's address on the site, the same in every language: /en/cities/…/"),
    )
    names = LocalizedTextField(
        max_length=200,
        required_languages=("ko", "en"),
        verbose_name=_("official names"),
        help_text=_("The city's name in each language; Korean and English are required."),
    )
    country = CountryField(verbose_name=_("country"))
    latitude = models.FloatField(
        validators=[MinValueValidator(-90), MaxValueValidator(90)], verbose_name=_("latitude")
    )
    longitude = models.FloatField(
        validators=[MinValueValidator(-180), MaxValueValidator(180)], verbose_name=_("longitude")
    )
    population = models.PositiveBigIntegerField(null=True, blank=True, verbose_name=_("population"))
    population_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        verbose_name=_("population year"),
        help_text=_("The year the population figure describes; empty when the source gives none."),
    )
    population_source = models.CharField(
        max_length=200, blank=True, verbose_name=_("population source")
    )
    time_zone = models.CharField(
        max_length=64, validators=[validate_time_zone], verbose_name=_("time zone")
    )
    income_group = models.CharField(
        max_length=20, choices=IncomeGroup.choices, blank=True, verbose_name=_("income group")
    )
    climate_zone = models.CharField(
        max_length=20, choices=ClimateZone.choices, blank=True, verbose_name=_("climate zone")
    )
    networks = ParentalManyToManyField(
        Network, blank=True, related_name="cities", verbose_name=_("networks")
    )
    geonames_id = models.PositiveIntegerField(
        null=True, blank=True, unique=True, verbose_name=_("GeoNames id")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CityQuerySet.as_manager()

    panels = [
        FieldPanel("names"),
        FieldPanel("slug"),
        FieldPanel("country"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        MultiFieldPanel(
            [
                FieldPanel("population"),
                FieldPanel("population_year"),
                FieldPanel("population_source"),
            ],
            heading=_("Population"),
        ),
        FieldPanel("time_zone"),
        FieldPanel("income_group"),
        FieldPanel("climate_zone"),
        FieldPanel("networks"),
        FieldPanel("geonames_id"),
        InlinePanel(
            "relationships", heading=_("Relationships with Seoul"), label=_("Relationship")
        ),
    ]

    class Meta:
        ordering = ["slug"]
        verbose_name = _("city")
        verbose_name_plural = _("cities")

    def __str__(self):
        return self.name or self.slug

    @property
    def name(self) -> str:
        """The city's name in the reader's language, or its first fallback."""
        return localized(self.names)

    def name_in(self, language_code: str) -> str:
        return localized(self.names, language_code)

    @property
    def population_band(self) -> str:
        return population_band(self.population)

    @property
    def is_portal_city(self) -> bool:
        return self.slug == settings.PORTAL_CITY_SLUG


class RelationshipKind(models.TextChoices):
    SISTER = "sister", _("Sister city")
    FRIENDSHIP = "friendship", _("Friendship city")
    MEMORANDUM = "memorandum", _("Memorandum of understanding")


class RelationshipStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    ENDED = "ended", _("Ended")


class CityRelationship(Orderable):
    """A relationship between the portal's city and another: sister, friendship, memorandum."""

    city = ParentalKey(City, on_delete=models.CASCADE, related_name="relationships")
    kind = models.CharField(max_length=20, choices=RelationshipKind.choices, verbose_name=_("kind"))
    # Empty when a source confirms the relationship but not when it was signed.
    signed_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        verbose_name=_("year signed"),
        help_text=_("Leave empty if the sources confirm the relationship but not its year."),
    )
    signed_on = models.DateField(
        null=True,
        blank=True,
        verbose_name=_("date signed"),
        help_text=_("When the source gives the exact day."),
    )
    status = models.CharField(
        max_length=20,
        choices=RelationshipStatus.choices,
        default=RelationshipStatus.ACTIVE,
        verbose_name=_("status"),
    )
    source_title = models.CharField(max_length=300, blank=True, verbose_name=_("source"))
    source_url = models.URLField(max_length=500, blank=True, verbose_name=_("source link"))
    illustrative = models.BooleanField(
        default=False,
        verbose_name=_("illustrative"),
        help_text=_("No published source was found: the site marks it as illustrative."),
    )

    panels = [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("signed_year"), FieldPanel("signed_on")]),
        FieldPanel("status"),
        FieldPanel("source_title"),
        FieldPanel("source_url"),
        FieldPanel("illustrative"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("relationship")
        verbose_name_plural = _("relationships")

    def __str__(self):
        if self.signed_year is None:
            return f"{self.city} ({self.get_kind_display()})"
        return f"{self.city} ({self.get_kind_display()}, {self.signed_year})"

    def clean(self):
        super().clean()
        if self.signed_on and self.signed_year and self.signed_on.year != self.signed_year:
            raise ValidationError({"signed_on": _("The date signed must fall in the year signed.")})
        if not self.illustrative and not self.source_url:
            raise ValidationError(
                {"source_url": _("Give the source link, or mark the relationship illustrative.")}
            )
