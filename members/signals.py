"""The directory's cached counts are forgotten whenever what they count changes; a second
factor just set up counts as passed for the session that set it up."""

from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.signals import authenticator_added
from django.db.models.signals import m2m_changed, post_delete, post_save

from members import directory, models
from members.adapters import SECOND_FACTORS

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


def _second_factor_set_up(request, user, authenticator, **kwargs) -> None:
    # Setting it up meant typing a code from it (or touching the key) after giving the
    # password again: the session has just proved the factor, as a reauthentication would.
    if authenticator.type in SECOND_FACTORS:
        record_authentication(
            request,
            user,
            method="mfa",
            id=authenticator.pk,
            type=authenticator.type,
            reauthenticated=True,
        )


def connect() -> None:
    authenticator_added.connect(_second_factor_set_up, dispatch_uid="second-factor-set-up")
    for model in WATCHED:
        post_save.connect(_changed, sender=model, dispatch_uid=f"directory-{model.__name__}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"directory-del-{model.__name__}")
    for field in models.CLASSIFICATION_FIELDS.values():
        through = models.Company._meta.get_field(field).remote_field.through
        m2m_changed.connect(_changed, sender=through, dispatch_uid=f"directory-m2m-{field}")
