"""``bp-till portal``: serve the producer website with uvicorn.

Listens on ``[portal] host``/``port`` (127.0.0.1:8800 by default). In the shop
it runs behind a TLS reverse proxy (``[portal] url`` = the public https
address): ``--proxy-headers`` then takes the client address from the proxy's
``X-Forwarded-For`` (``FORWARDED_ALLOW_IPS`` names the proxies trusted), so
the wrong-password limit counts per producer's device, not per proxy.
"""

from __future__ import annotations

import logging
import os

import uvicorn

from bp_till.config import Config
from bp_till.portal.app import create_app, settings_from

log = logging.getLogger("bp_till.portal")

# uvicorn's access log, to the portal's log file: method, path and status. A path holds no
# secret (the slip's password travels in the fragment, which no browser sends, and every
# form is a POST body); the session cookie is never logged.
LOG_CONFIG = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {},
    "loggers": {"uvicorn": {"level": "INFO"}, "uvicorn.access": {"level": "INFO"}},
}


def serve(config: Config, host: str | None = None, port: int | None = None,
          proxy_headers: bool = False) -> None:
    app = create_app(settings_from(config))
    host, port = host or config.portal_host, port or config.portal_port
    log.info("portal listening on %s:%s, central %s", host, port,
             "embedded" if (config.portal_central_url or config.central_url).startswith("sqlite")
             else "server")
    uvicorn.run(app, host=host, port=port, log_config=LOG_CONFIG, server_header=False,
                proxy_headers=proxy_headers,
                forwarded_allow_ips=os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"))
