"""Membership workflows: each write that spans models, with its emails and its history.

One module per domain; callers import a service from its module
(``from members.services.applications import application_approve``): nothing is
re-exported here, so each name has one address."""
