"""What the portal answers to requests an attacker would make: a forged Host header, a
method a page does not take, and the headers that tell browsers what a page may load."""

import json
import logging.config

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.urls import reverse
from django.utils.log import configure_logging

from alliance.models import OutgoingEmail
from tests.alliance.test_settings import PROD_ENV, _process
from tests.factories import ArticleFactory, UserFactory


@pytest.fixture
def production_logging(settings):
    """Logging wired as production wires it (Django's defaults, then prod's LOGGING), with
    an administrator to email, for the duration of the test."""
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps(settings.LOGGING))"
    )
    env = {**PROD_ENV, "SITE_URL": "https://portail.example.org"}
    result = _process(["-c", code], "alliance.settings.prod", env)
    assert result.returncode == 0, result.stderr
    settings.ADMINS = [("Admin", "admin@example.org")]
    logging_config = json.loads(result.stdout)
    # The error report goes straight to the mail server (not the outbox, whose database may
    # be the error): here, the tests' mail server.
    admins = logging_config["handlers"]["mail_admins"]
    assert admins["email_backend"] == "django.core.mail.backends.smtp.EmailBackend"
    admins["email_backend"] = "django.core.mail.backends.locmem.EmailBackend"
    configure_logging("logging.config.dictConfig", logging_config)
    yield
    configure_logging(django_settings.LOGGING_CONFIG, django_settings.LOGGING)


@pytest.mark.django_db
def test_production_logging_still_emails_the_admins_on_a_server_error(production_logging):
    logging.getLogger("django.request").error("Internal Server Error: /fr/")

    assert [message.to for message in mail.outbox] == [["admin@example.org"]]
    assert not OutgoingEmail.objects.exists()  # sent at once, not through the outbox


@pytest.mark.django_db
def test_production_logging_emails_no_one_for_each_request_of_a_database_outage(
    production_logging,
):
    logging.getLogger("django.request").error(
        "Service Unavailable: /fr/", extra={"status_code": 503}
    )

    assert mail.outbox == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "text"), [("/fr/", "Requête invalide"), ("/en/", "Invalid request")]
)
def test_unknown_host_gets_the_translated_400_page_and_no_admin_email(
    client, production_logging, path, text
):
    response = client.get(path, HTTP_HOST="evil.example")

    assert response.status_code == 400
    assert text in response.content.decode()
    assert "evil.example" not in response.content.decode()
    assert mail.outbox == []


# --- Methods ---------------------------------------------------------------------------

# Pages that only read: anyone may try them, a POST is refused before anything is looked up.
READ_ONLY = [
    ("home", {}),
    ("pages:about", {}),
    ("news:article-list", {}),
    ("news:article-detail", {"slug": "nulle-part"}),
    ("news:feed-rss", {}),
    ("news:feed-atom", {}),
    ("members:directory", {}),
    ("members:company-detail", {"slug": "nulle-part"}),
    ("members:join-done", {}),
    ("committees:list", {}),
    ("committees:detail", {"slug": "nulle-part"}),
    ("committees:document", {"pk": 1}),
    ("sitemap", {}),
    ("robots", {}),
    ("healthz", {}),
]
# Pages of the member area that only read, tried by a member.
MEMBER_READ_ONLY = [
    ("area:dashboard", {}),
    ("area:data-export", {}),
    ("area:committees", {}),
    ("area:meeting-ics", {"pk": 1}),
]
# Forms: read with GET, sent with POST, and nothing else (allauth's, ours, the admin's).
FORMS = [
    "account_login",
    "account_reset_password",
    "account_request_login_code",
    "account_logout",
    "members:join",
    "admin:index",
]


def _url(name: str, kwargs: dict | None = None) -> str:
    return reverse(name, kwargs=kwargs)


def _call(client, method: str, url: str):
    return getattr(client, method.lower())(url)


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "kwargs"), READ_ONLY)
def test_pages_that_only_read_refuse_a_post(client, name, kwargs):
    response = client.post(_url(name, kwargs))

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


def test_the_favicon_redirect_refuses_a_post(client):
    response = client.post("/favicon.ico")

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "kwargs"), MEMBER_READ_ONLY)
@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_member_area_pages_that_only_read_refuse_writes(client, name, kwargs, method):
    client.force_login(UserFactory())

    response = _call(client, method, _url(name, kwargs))

    assert response.status_code == 405
    assert "GET" in response["Allow"] and method not in response["Allow"]


@pytest.mark.django_db
def test_the_data_download_still_answers_get_and_head(client):
    user = UserFactory()
    client.force_login(user)

    download = client.get(_url("area:data-export"))
    assert download.status_code == 200
    assert json.loads(download.content)["account"]["email"] == user.email
    head = client.head(_url("area:data-export"))
    assert head.status_code == 200 and head["Content-Type"] == download["Content-Type"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", FORMS)
@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE", "OPTIONS"])
def test_forms_take_only_get_and_post(client, name, method):
    response = _call(client, method, _url(name))

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, POST"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "path", "text"),
    [
        ("PUT", "/fr/compte/login/", "Cette page ne s’utilise pas ainsi"),
        ("POST", "/en/", "This page cannot be used this way"),
    ],
)
def test_a_refused_method_gets_the_translated_page(client, method, path, text):
    response = _call(client, method, path)

    assert response.status_code == 405
    assert text in response.content.decode()
    assert response["Allow"] in ("GET, HEAD, POST", "GET, HEAD")


@pytest.mark.django_db
def test_a_form_only_sent_with_post_refuses_get(client):
    client.force_login(UserFactory())

    response = client.get(_url("area:renewal-request", {"slug": "nulle-part"}))

    assert response.status_code == 405
    assert response["Allow"] == "POST"


# --- Security headers ------------------------------------------------------------------


def _policy(response) -> dict[str, list[str]]:
    directives = {}
    for directive in response["Content-Security-Policy"].split(";"):
        name, *sources = directive.split()
        directives[name] = sources
    return directives


def _assert_own_origin_only(policy: dict[str, list[str]]) -> None:
    assert policy["default-src"] == ["'self'"]
    styles = policy["style-src"]
    assert styles[0] == "'self'" and all(s.startswith("'sha256-") for s in styles[1:])
    assert policy["font-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    scripts = policy["script-src"]
    assert scripts[0] == "'self'" and all(s.startswith("'nonce-") for s in scripts[1:])
    assert not any("unsafe" in source for sources in policy.values() for source in sources)


@pytest.mark.django_db
def test_public_pages_allow_only_our_own_origin(client):
    response = client.get("/fr/")

    assert response.status_code == 200
    _assert_own_origin_only(_policy(response))
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert "publickey-credentials-get=(self)" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_the_admin_editor_import_map_carries_the_nonce_of_the_policy(staff_client):
    article = ArticleFactory()

    response = staff_client.get(f"/admin/news/article/{article.pk}/change/")

    policy = _policy(response)
    _assert_own_origin_only(policy)
    nonce = policy["script-src"][1].removeprefix("'nonce-").removesuffix("'")
    content = response.content.decode()
    assert f'<script type="importmap" nonce="{nonce}">' in content


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body",
    [
        "nom=" + "x" * 2_700_000,  # over DATA_UPLOAD_MAX_MEMORY_SIZE
        "&".join(f"champ{n}=x" for n in range(1_001)),  # over DATA_UPLOAD_MAX_NUMBER_FIELDS
    ],
    ids=["too-big", "too-many-fields"],
)
def test_a_form_body_over_the_limits_gets_400_and_no_admin_email(client, production_logging, body):
    # Like a forged Host, anyone can send these as often as they like.
    response = client.post(
        "/fr/adhesion/", data=body, content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 400
    assert "Requête invalide" in response.content.decode()
    assert mail.outbox == []
