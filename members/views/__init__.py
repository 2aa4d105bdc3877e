"""The members app's pages, one module per domain; each has its URL module of the same
name in ``members/urls/``."""
