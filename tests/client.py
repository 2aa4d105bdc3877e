"""The browser of the tests."""

from django.test import Client as DjangoClient
from django.test import TestCase


class Client(DjangoClient):
    """A test client whose every request commits, as each request does in production.
    The tests run inside one transaction that never commits, so what a view leaves for
    after the commit (handing an email to the queue) would otherwise never happen."""

    def request(self, **request):
        with TestCase.captureOnCommitCallbacks(execute=True):
            return super().request(**request)
