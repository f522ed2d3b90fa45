"""A local HTTP server that answers like PDOK's Locatieserver and like Nominatim.

Known addresses come back with coordinates; postcode 9999 ZZ sleeps past the client's
timeout, 9999 XX answers 500, 9999 XY answers garbage; anything else is "not found".
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

KNOWN = {
    ("3531CA", "12"): (52.09147, 5.10254, "Kanaalstraat 12, 3531CA Utrecht"),
    ("3531CA", "14"): (52.09152, 5.10261, "Kanaalstraat 14, 3531CA Utrecht"),
    ("3531EA", "3"): (52.09201, 5.10100, "Damstraat 3, 3531EA Utrecht"),
}
SLOW, BROKEN, GARBAGE = "9999ZZ", "9999XX", "9999XY"


class GeocoderServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: list[str] = []
        self.slow_seconds = 3.0
        self.known = dict(KNOWN)  # a test may add addresses
        self.delay_seconds = 0.0  # every answer this late (a busy geocoder)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_port}"

    def start(self) -> GeocoderServer:
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self


class _Handler(BaseHTTPRequestHandler):
    server: GeocoderServer

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:  # noqa: N802
        self.server.requests.append(self.path)
        parts = urlsplit(self.path)
        params = {k: v[0] for k, v in parse_qs(parts.query).items()}
        if parts.path == "/bzk/locatieserver/search/v3_1/free":
            postcode = re.search(r"postcode:(\w+)", params.get("q", "")).group(1)
            number = re.search(r"huisnummer:(\w+)", params.get("q", "")).group(1)
            self._answer(postcode, number, self._pdok)
        elif parts.path == "/search":
            postcode = params.get("postalcode", "").replace(" ", "")
            number = re.search(r"(\d+)", params.get("street", "")).group(1)
            self._answer(postcode, number, self._nominatim)
        else:
            self._send(404, {"error": "no such path"})

    def _answer(self, postcode: str, number: str, render) -> None:  # noqa: ANN001
        time.sleep(self.server.delay_seconds)
        if postcode == SLOW:
            time.sleep(self.server.slow_seconds)
        if postcode == BROKEN:
            return self._send(500, {"error": "internal"})
        if postcode == GARBAGE:
            return self._send(200, "<html>maintenance</html>", raw=True)
        self._send(200, render(self.server.known.get((postcode, number))))

    @staticmethod
    def _pdok(hit: tuple[float, float, str] | None) -> dict:
        docs = []
        if hit:
            lat, lon, name = hit
            docs = [
                {
                    "type": "adres",
                    "weergavenaam": name,
                    "centroide_ll": f"POINT({lon} {lat})",
                    "score": 12.3,
                }
            ]
        return {
            "response": {
                "numFound": len(docs),
                "start": 0,
                "maxScore": 12.3,
                "numFoundExact": True,
                "docs": docs,
            }
        }

    @staticmethod
    def _nominatim(hit: tuple[float, float, str] | None) -> list:
        if not hit:
            return []
        lat, lon, name = hit
        return [
            {
                "place_id": 1,
                "lat": str(lat),
                "lon": str(lon),
                "display_name": name,
                "class": "place",
                "type": "house",
            }
        ]

    def _send(self, status: int, body: object, raw: bool = False) -> None:
        data = (body if raw else json.dumps(body)).encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html" if raw else "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError):
            self.wfile.write(data)
