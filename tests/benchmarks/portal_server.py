"""``python -m tests.benchmarks.portal_server URL PORT``: the portal for the benchmark, on its own.

A process of its own, as in the shop (uvicorn, one worker), so the load
generator's Python does not share its interpreter. It reads the central
database at URL (the website's role).
"""

import sys

import uvicorn

from bp_till.portal.app import PortalSettings, create_app

if __name__ == "__main__":
    url, port = sys.argv[1], int(sys.argv[2])
    app = create_app(PortalSettings(central_url=url, secret=b"bench-secret-" * 4))
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
