# The Alembic side of retort's differential test (alembic_diff_test.go).
# Reads one JSON request per line on stdin, runs it with Alembic's command
# API and answers one JSON line: {"out": stdout, "err": error or null,
# "warn": [warnings]}. A request: {"dir": script directory, "url":
# SQLAlchemy URL, "cmd": command name, "args": [...], "kw": {...}}.
import io
import json
import sys
import warnings

from alembic import command
from alembic.config import Config


def run(req):
    out = io.StringIO()
    cfg = Config(stdout=out, output_buffer=out)
    cfg.set_main_option("script_location", req["dir"])
    cfg.set_main_option("sqlalchemy.url", req["url"])
    fn = getattr(command, req["cmd"])
    err = None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            fn(cfg, *(req.get("args") or []), **(req.get("kw") or {}))
        except BaseException as e:  # AssertionError and the like count as failures too
            err = "%s: %s" % (type(e).__name__, e)
    return {"out": out.getvalue(), "err": err, "warn": [str(w.message) for w in caught]}


for line in sys.stdin:
    sys.stdout.write(json.dumps(run(json.loads(line))) + "\n")
    sys.stdout.flush()
