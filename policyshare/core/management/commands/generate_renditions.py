from django.core.management.base import BaseCommand

from policyshare.core.renditions import RENDITION_SPECS, create_all_renditions


class Command(BaseCommand):
    help = (
        "Make every image rendition the templates use, so that no reader waits for one. "
        "Images saved later get theirs on save; run this after an import or a template change."
    )

    def handle(self, *args, **options):
        count = create_all_renditions()
        self.stdout.write(f"{count} rendition(s) present ({len(RENDITION_SPECS)} per image).")
