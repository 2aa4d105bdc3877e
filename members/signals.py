"""The directory's cached counts are forgotten whenever what they count changes."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from members import directory, models

WATCHED = (
    models.Company,
    models.Membership,
    models.Sector,
    models.ValueChainRole,
    models.Process,
    models.Material,
    models.EndMarket,
    models.Certification,
)


def _changed(**kwargs) -> None:
    directory.directory_changed()


def connect() -> None:
    for model in WATCHED:
        post_save.connect(_changed, sender=model, dispatch_uid=f"directory-{model.__name__}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"directory-del-{model.__name__}")
    for field in models.CLASSIFICATION_FIELDS.values():
        through = models.Company._meta.get_field(field).remote_field.through
        m2m_changed.connect(_changed, sender=through, dispatch_uid=f"directory-m2m-{field}")
