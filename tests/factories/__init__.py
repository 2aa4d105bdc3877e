"""Test data, one module per domain as in members/models and news/models; import them
from here: ``from tests.factories import CompanyFactory``."""

from members.testing import log_in
from tests.factories.accounts import (
    PASSWORD,
    TOTP_SECRET,
    VICTIM,
    AccountClosureFactory,
    EmailAddressFactory,
    StaffFactory,
    UserFactory,
    as_,
    totp_code,
)
from tests.factories.applications import ApplicationFactory
from tests.factories.billing import (
    FeeFactory,
    InvoiceFactory,
    InvoiceLineFactory,
    InvoiceSequenceFactory,
    PaymentFactory,
)
from tests.factories.committees import (
    QUEBEC,
    CommitteeFactory,
    DocumentFactory,
    MeetingFactory,
    SeatFactory,
    document,
    member,
    seat,
)
from tests.factories.companies import LAPSED, CompanyFactory, profile_data
from tests.factories.files import PDF, image_upload
from tests.factories.memberships import MembershipFactory, RenewalReminderFactory
from tests.factories.news import ArticleFactory, CategoryFactory
from tests.factories.newsletter import (
    DeliveryFactory,
    NewsletterFactory,
    SectionFactory,
    SubscriberFactory,
)
from tests.factories.outbox import OutgoingEmailFactory
from tests.factories.pages import KeyFigureFactory, PageFactory
from tests.factories.people import InvitationFactory, PersonFactory
from tests.factories.reference import (
    CertificationFactory,
    EndMarketFactory,
    MaterialFactory,
    MembershipCategoryFactory,
    ProcessFactory,
    SectorFactory,
    ValueChainRoleFactory,
)

__all__ = [
    "LAPSED",
    "PASSWORD",
    "PDF",
    "QUEBEC",
    "TOTP_SECRET",
    "VICTIM",
    "AccountClosureFactory",
    "ApplicationFactory",
    "ArticleFactory",
    "CategoryFactory",
    "CertificationFactory",
    "CommitteeFactory",
    "CompanyFactory",
    "DeliveryFactory",
    "DocumentFactory",
    "EmailAddressFactory",
    "EndMarketFactory",
    "FeeFactory",
    "InvitationFactory",
    "InvoiceFactory",
    "InvoiceLineFactory",
    "InvoiceSequenceFactory",
    "KeyFigureFactory",
    "MaterialFactory",
    "MeetingFactory",
    "MembershipCategoryFactory",
    "MembershipFactory",
    "NewsletterFactory",
    "OutgoingEmailFactory",
    "PageFactory",
    "PaymentFactory",
    "PersonFactory",
    "ProcessFactory",
    "RenewalReminderFactory",
    "SeatFactory",
    "SectionFactory",
    "SectorFactory",
    "StaffFactory",
    "SubscriberFactory",
    "UserFactory",
    "ValueChainRoleFactory",
    "as_",
    "document",
    "image_upload",
    "log_in",
    "member",
    "profile_data",
    "seat",
    "totp_code",
]
