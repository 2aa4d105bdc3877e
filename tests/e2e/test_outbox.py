"""Staff follow the outbox in a real browser: a failed email shows why, and goes out when
sent again."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.factories import PASSWORD, OutgoingEmailFactory, StaffFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("width", [1280, 375])
def test_staff_find_a_failed_email_and_send_it_again(page, log_in_to_admin, width):
    page.set_viewport_size({"width": width, "height": 900})
    failed = OutgoingEmailFactory(
        recipients="camille@exemple.qc.ca",
        status="failed",
        attempts=5,
        last_error="SMTPServerDisconnected: Connection unexpectedly closed",
    )
    OutgoingEmailFactory(recipients="envoye@exemple.qc.ca", status="sent", message={})
    log_in_to_admin(StaffFactory(), PASSWORD)

    page.goto("/admin/alliance/outgoingemail/?status__exact=failed")
    row = page.locator("#result_list tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("camille@exemple.qc.ca")
    expect(row.locator(".apq-badge--failed")).to_have_text("Échec")

    row.locator("a").first.click()
    expect(page.locator("body")).to_contain_text("Connection unexpectedly closed")

    page.goto("/admin/alliance/outgoingemail/?status__exact=failed")
    row.locator("input.action-select").check()
    page.select_option("select[name=action]", "send_again")
    page.locator("button[name=index]").click()
    expect(page.locator(".messagelist")).to_contain_text("1 courriel en échec confié de nouveau")
    failed.refresh_from_db()
    assert failed.status == "sent"
    assert [message.to for message in mail.outbox] == [["camille@exemple.qc.ca"]]
