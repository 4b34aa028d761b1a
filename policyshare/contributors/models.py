"""Partner-city contributors and the organisations they belong to.

Plain models: the accounts are invited from the admin (`services.invite_contributor`); what a
contributor may see and change follows from the groups and collections recorded here.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class ContributingOrganisation(models.Model):
    """A partner organisation whose contributors share a Wagtail group and a document collection.

    The group holds the organisation's collection permissions, so its contributors upload to
    and choose from their own collection only, never another organisation's.
    """

    name = models.CharField(max_length=200, verbose_name=_("organisation"))
    group = models.OneToOneField(
        "auth.Group", on_delete=models.PROTECT, related_name="contributing_organisation"
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection", on_delete=models.PROTECT, related_name="contributing_organisation"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("contributing organisation")
        verbose_name_plural = _("contributing organisations")
        default_permissions = ()
        # "Alcaldía" and "alcaldía" are one organisation, not two that cannot see each other.
        constraints = [
            models.UniqueConstraint(Lower("name"), name="unique_contributing_organisation_name")
        ]

    def __str__(self):
        return self.name


class PartnerContributor(models.Model):
    """A partner city's contributor account, invited by an editor.

    Contributors add policy cases of their own city under the policy library; the cases go
    through the "Policy review" workflow like every policy change.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partner_contributor"
    )
    organisation = models.CharField(max_length=200, verbose_name=_("organisation"))
    # Null only for a contributor invited before organisations had their own access
    # (migration inquiries/0009 filled it in).
    contributing_organisation = models.ForeignKey(
        ContributingOrganisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contributors",
        verbose_name=_("contributing organisation"),
    )
    city = models.CharField(max_length=100, verbose_name=_("city"))
    country = CountryField(verbose_name=_("country"))
    # The language the editor chose for the invitation: its mail is written in it, and the
    # contributor's admin speaks it (their Wagtail profile), so the labels the mail names are
    # the ones on their screen.
    language = models.CharField(
        max_length=10, choices=settings.LANGUAGES, default="en", verbose_name=_("language")
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("invited by"),
    )
    invited_at = models.DateTimeField(auto_now_add=True, verbose_name=_("invited at"))

    class Meta:
        ordering = ["city", "pk"]
        verbose_name = _("partner-city contributor")
        verbose_name_plural = _("partner-city contributors")
        default_permissions = ()
        permissions = [("invite_contributors", _("Can invite partner-city contributors"))]

    def __str__(self):
        return f"{self.user.get_username()} ({self.city})"
