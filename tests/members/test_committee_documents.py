"""Committee documents: kept out of the public media folder, every download checks who asks,
and staff upload them up to a size limit."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from members.models import Document
from tests.client import Client
from tests.factories import StaffFactory, as_, document

pytestmark = pytest.mark.django_db

MATRIX = {
    #                anonymous member on_committee lapsed staff
    "public": (200, 200, 200, 200, 200),
    "members": (403, 200, 200, 403, 200),
    "committee": (403, 403, 200, 403, 200),
}
WHO = ["anonymous", "member", "on_committee", "lapsed", "staff"]


@pytest.mark.parametrize("access", list(MATRIX))
def test_every_download_checks_who_asks(cast, access):
    doc = document(cast["committee"], access, f"Document {access}")
    for who, expected in zip(WHO, MATRIX[access], strict=True):
        response = as_(cast[who]).get(doc.get_absolute_url())
        assert response.status_code == expected, (who, access)
        if expected == 200:
            assert response["Content-Disposition"].startswith("attachment")
            assert b"".join(response.streaming_content).startswith(b"%PDF")
        else:
            assert "Accès refusé" in response.content.decode(), (who, access)


def test_no_document_is_reachable_under_the_public_media_address(cast, settings):
    doc = document(cast["committee"], Document.Access.COMMITTEE, "Secret")
    assert not str(settings.PRIVATE_MEDIA_ROOT).startswith(str(settings.MEDIA_ROOT))
    # The file is there, and opens through the checked view for its committee.
    assert (settings.PRIVATE_MEDIA_ROOT / doc.file.name).is_file()
    download = as_(cast["on_committee"]).get(doc.get_absolute_url())
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    for who in WHO:
        client = as_(cast[who])
        assert client.get(f"/media/{doc.file.name}").status_code == 404
        escape = client.get(f"/media/../private-media/{doc.file.name}")
        assert escape.status_code in (400, 404)
    assert doc.file.url == doc.get_absolute_url()  # the checked view, never a file address
    unknown = Client().get("/fr/comites/documents/999999/")
    assert unknown.status_code == 404 and "Page introuvable" in unknown.content.decode()


def test_a_document_whose_file_is_gone_answers_404(cast):
    doc = document(cast["committee"], Document.Access.PUBLIC, "Disparu")
    assert Client().get(doc.get_absolute_url()).status_code == 200
    doc.file.storage.delete(doc.file.name)
    gone = Client().get(doc.get_absolute_url())
    assert gone.status_code == 404 and "Page introuvable" in gone.content.decode()


@pytest.mark.parametrize(("size", "accepted"), [(2048, True), (2049, False)])
def test_a_document_up_to_the_size_limit_is_accepted_and_a_larger_one_refused(
    committees, settings, size, accepted
):
    settings.DOCUMENT_UPLOAD_MAX_BYTES = 2048  # the real 20 MB, scaled down
    committee = committees["sales"]
    upload = SimpleUploadedFile("ordre-du-jour.pdf", b"%PDF-1.4 " + b"x" * (size - 9))
    data = {
        "name_fr": committee.name_fr,
        "slug": committee.slug,
        "axis": committee.axis,
        "mandate_fr": committee.mandate_fr,
        "position": committee.position,
        "seats-TOTAL_FORMS": "0",
        "seats-INITIAL_FORMS": "0",
        "meetings-TOTAL_FORMS": "0",
        "meetings-INITIAL_FORMS": "0",
        "documents-TOTAL_FORMS": "1",
        "documents-INITIAL_FORMS": "0",
        "documents-0-title_fr": "Ordre du jour",
        "documents-0-kind": Document.Kind.OTHER,
        "documents-0-access": Document.Access.COMMITTEE,
        "documents-0-file": upload,
    }

    response = as_(StaffFactory()).post(f"/admin/members/committee/{committee.pk}/change/", data)

    assert Document.objects.filter(committee=committee).exists() is accepted
    if accepted:
        assert response.status_code == 302
        assert response["Location"] == "/admin/members/committee/"
    else:
        assert response.status_code == 200
        assert "la limite est de 2,0\xa0Kio" in response.content.decode()
