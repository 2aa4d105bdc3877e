"""The cache: Redis, and a table in the database while Redis cannot be reached.

Pages cache what is costly to work out (the directory's counts), and the rate limits
(allauth's and django-ratelimit's) count attempts in the same cache. With Redis out of
reach, a cache that raised would answer 500 on those pages; one that quietly held nothing
would let every rate limit through. So every operation Redis cannot answer is carried out
on the fallback cache instead — Django's database cache, shared by every server process
like Redis — and the limits keep counting: a wrong password is still the tenth.

After a failure the fallback is used straight away for a few seconds, so that an outage
costs a request one socket timeout, not one per cache operation; then Redis is tried
again. What was written to the fallback during an outage is not copied back: the
directory's counts may lag by up to their cache time (members.directory.CACHE_SECONDS),
and a limit's count starts again.
"""

import logging
import time

from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Out of reach (ConnectionError, TimeoutError), or answering but refusing: full with no
# eviction ("OOM command not allowed"), a read-only replica after a failover, still loading.
REDIS_FAILED = RedisError
# The operations of Django's cache API that reach the server; the rest are built on them.
OPERATIONS = (
    "add",
    "get",
    "set",
    "touch",
    "delete",
    "get_many",
    "has_key",
    "incr",
    "set_many",
    "delete_many",
    "clear",
)


class FailSoftRedisCache(RedisCache):
    """Django's Redis cache, falling back to the cache named by ``FALLBACK``."""

    # Seconds during which Redis is not asked again after it failed to answer.
    RETRY_AFTER = 5.0

    def __init__(self, server: str, params: dict) -> None:
        super().__init__(server, params)
        self._fallback_alias = params["FALLBACK"]
        self._skip_until = 0.0

    @property
    def fallback(self) -> BaseCache:
        return caches[self._fallback_alias]

    def reachable(self) -> bool:
        """Whether Redis itself answers, for /healthz: the fallback hides it from pages."""
        try:
            RedisCache.set(self, "healthz", "ok", 10)
            return RedisCache.get(self, "healthz") == "ok"
        except REDIS_FAILED:
            return False


def _redis_or_fallback(name: str):
    redis_operation = getattr(RedisCache, name)

    def operation(self: FailSoftRedisCache, *args, **kwargs):
        if time.monotonic() >= self._skip_until:
            try:
                return redis_operation(self, *args, **kwargs)
            except REDIS_FAILED as error:
                logger.warning("Redis failed (%s): the cache falls back to the database.", error)
                self._skip_until = time.monotonic() + self.RETRY_AFTER
        return getattr(self.fallback, name)(*args, **kwargs)

    operation.__name__ = operation.__qualname__ = name
    return operation


for _name in OPERATIONS:
    setattr(FailSoftRedisCache, _name, _redis_or_fallback(_name))
