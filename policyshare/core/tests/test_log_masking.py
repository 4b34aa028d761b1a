"""Private links (request tracking, newsletter) never reach a log in full: the app's own
handlers, runserver, gunicorn's access log and nginx's access log mask them."""

import contextlib
import datetime
import io
import logging
import re
import runpy
import tempfile
from pathlib import Path
from types import SimpleNamespace

from django.conf import settings
from django.db import OperationalError
from django.test import RequestFactory, SimpleTestCase, TestCase
from gunicorn.config import Config

from policyshare.core.log_masking import MASK, mask_private_links
from policyshare.core.middleware import DatabaseUnavailableMiddleware

DEPLOY = Path(settings.BASE_DIR) / "deploy"
TOKEN = "Zx9_secret-TOKEN_0123456789abcdefghijklmnopqrstu"
SIGNED = "eyJpZCI6MTJ9:1tQx3a:Secret-Signature_value"
PRIVATE_PATHS = [
    f"/en/requests/track/{TOKEN}/",
    f"/ko/requests/track/{TOKEN}/erase/",
    f"/en/requests/received/{SIGNED}/",
    f"/fr/newsletter/confirm/{SIGNED}/",
    f"/en/newsletter/unsubscribe/{SIGNED}/?utm=mail",
]


class MaskTests(SimpleTestCase):
    def test_every_private_link_is_masked_and_the_rest_of_the_path_kept(self):
        self.assertEqual(
            mask_private_links(f"/en/requests/track/{TOKEN}/erase/"),
            f"/en/requests/track/{MASK}/erase/",
        )
        self.assertEqual(
            mask_private_links(f"/en/newsletter/unsubscribe/{SIGNED}/?utm=mail"),
            f"/en/newsletter/unsubscribe/{MASK}/?utm=mail",
        )
        for path in PRIVATE_PATHS:
            with self.subTest(path=path):
                masked = mask_private_links(path)
                self.assertNotIn(TOKEN, masked)
                self.assertNotIn(SIGNED, masked)
                self.assertIn(MASK, masked)

    def test_a_full_url_and_a_request_line_are_masked(self):
        self.assertEqual(
            mask_private_links(f'"GET /en/requests/track/{TOKEN}/ HTTP/1.1" 200'),
            f'"GET /en/requests/track/{MASK}/ HTTP/1.1" 200',
        )
        self.assertEqual(
            mask_private_links(f"https://x.example/en/requests/track/{TOKEN}/"),
            f"https://x.example/en/requests/track/{MASK}/",
        )

    def test_other_paths_are_left_alone(self):
        for path in ["/en/requests/", "/en/requests/new-link/", "/en/newsletter/sent/", "/"]:
            self.assertEqual(mask_private_links(path), path)


@contextlib.contextmanager
def captured(*logger_names):
    """What the configured handlers of these loggers write (their filters included)."""
    stream = io.StringIO()
    handlers = {
        handler
        for name in logger_names
        for handler in logging.getLogger(name).handlers
        if type(handler) is logging.StreamHandler  # settings.LOGGING's, not pytest's
    }
    assert handlers, logger_names
    previous = {handler: handler.setStream(stream) for handler in handlers}
    try:
        yield stream
    finally:
        for handler, old in previous.items():
            handler.setStream(old)


class AppLogTests(TestCase):
    def test_runserver_request_lines_are_masked(self):
        with captured("django.server") as output:
            logging.getLogger("django.server").info(
                '"%s" %s %s', f"GET /en/requests/track/{TOKEN}/ HTTP/1.1", "200", "1234"
            )
        self.assertIn(f"/en/requests/track/{MASK}/", output.getvalue())
        self.assertNotIn(TOKEN, output.getvalue())

    def test_djangos_not_found_warnings_are_masked(self):
        for path, secret in [
            (f"/en/requests/track/{TOKEN}/erase/extra/", TOKEN),
            (f"/en/newsletter/confirm/{SIGNED}/extra/", SIGNED),
        ]:
            with self.subTest(path=path), captured("django") as output:
                self.assertEqual(self.client.get(path).status_code, 404)
            logged = output.getvalue()
            self.assertIn(f"Not Found: {mask_private_links(path)}", logged)
            self.assertIn(MASK, logged)
            self.assertNotIn(secret, logged)

    def test_our_middleware_logs_the_masked_path(self):
        request = RequestFactory().post(f"/en/requests/track/{TOKEN}/erase/")
        middleware = DatabaseUnavailableMiddleware(lambda request: None)
        with captured("policyshare") as output:
            response = middleware.process_exception(request, OperationalError("down"))
        self.assertEqual(response.status_code, 503)
        self.assertIn(f"/en/requests/track/{MASK}/erase/", output.getvalue())
        self.assertNotIn(TOKEN, output.getvalue())


class GunicornAccessLogTests(SimpleTestCase):
    def test_the_deploy_configuration_masks_the_access_log(self):
        conf = runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))
        with tempfile.TemporaryDirectory() as directory:
            log_file = Path(directory) / "access.log"
            cfg = Config()
            cfg.set("accesslog", str(log_file))
            cfg.set("logger_class", conf["logger_class"])
            logger = cfg.logger_class(cfg)
            environ = {
                "REQUEST_METHOD": "GET",
                "RAW_URI": f"/en/requests/track/{TOKEN}/?x=1",
                "PATH_INFO": f"/en/requests/track/{TOKEN}/",
                "QUERY_STRING": "x=1",
                "SERVER_PROTOCOL": "HTTP/1.1",
                "REMOTE_ADDR": "127.0.0.1",
                "HTTP_REFERER": f"https://x.example/en/newsletter/confirm/{SIGNED}/",
            }
            response = SimpleNamespace(status="200 OK", sent=10, headers=[])
            request = SimpleNamespace(headers=[])
            logger.access(response, request, environ, datetime.timedelta(milliseconds=3))
            for handler in logger.access_log.handlers:
                handler.flush()
            logged = log_file.read_text()
        self.assertIn(f"GET /en/requests/track/{MASK}/?x=1 HTTP/1.1", logged)
        self.assertIn(f"/en/newsletter/confirm/{MASK}/", logged)
        self.assertNotIn(TOKEN, logged)
        self.assertNotIn(SIGNED, logged)


class NginxAccessLogTests(SimpleTestCase):
    def render(self, **values):
        return runpy.run_path(str(DEPLOY / "render_nginx.py"))["render"](values)

    def test_the_site_logs_in_the_masking_format(self):
        conf = self.render()
        self.assertIn("access_log /var/log/nginx/access.log policyshare_private;", conf)
        log_format = re.search(r"log_format policyshare_private (.*?);", conf, re.S).group(1)
        self.assertIn("$policyshare_logged_uri", log_format)
        self.assertIn("$policyshare_logged_referer", log_format)
        # Neither the raw request line, the raw URI nor the raw referer.
        for raw in ("$request ", '$request"', "$request_uri", "$http_referer", "$uri"):
            self.assertNotIn(raw, log_format)
        main_server = conf.split("server {")[1]
        self.assertEqual(
            re.findall(r"access_log[^;]*;", main_server)[0].split()[-1], "policyshare_private;"
        )
        self.assertIn("access_log off;", self.render(ACCESS_LOG="off"))

    def test_the_maps_mask_like_the_app(self):
        conf = self.render()
        maps = re.findall(r'map \$(\w+) \$\w+ \{\s*default \$\1;\s*"~(.*)" "(.*)";', conf)
        self.assertEqual(
            {source for source, _regex, _value in maps}, {"request_uri", "http_referer"}
        )
        for _source, regex, value in maps:
            pattern = re.compile(regex)
            replacement = re.sub(r"\$\{(\w+)\}", r"\\g<\1>", value)
            for path in [*PRIVATE_PATHS, "/en/requests/", "/en/policies/?q=track"]:
                for uri in (path, "https://x.example" + path):
                    with self.subTest(uri=uri):
                        nginx = pattern.sub(replacement, uri) if pattern.match(uri) else uri
                        self.assertEqual(nginx, mask_private_links(uri))
