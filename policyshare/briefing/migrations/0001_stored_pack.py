from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="StoredPack",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=100, unique=True)),
                ("language", models.CharField(max_length=20)),
                ("layout", models.PositiveSmallIntegerField()),
                ("revisions", models.JSONField()),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("used_at", models.DateTimeField(db_index=True)),
            ],
            options={"verbose_name": "stored briefing pack"},
        ),
    ]
