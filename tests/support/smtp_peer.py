#!/usr/bin/python3
"""A real SMTP server for Vigil's tests, built on Debian's python3-aiosmtpd.

Run with /usr/bin/python3 (the system interpreter that has aiosmtpd). It listens on 127.0.0.1,
prints "PORT <n>" on stdout once it accepts connections, and runs until killed (SIGTERM).

Modes:
  starttls  plain connection, STARTTLS offered and required before anything else (RFC 3207),
            AUTH PLAIN/LOGIN required and only after TLS. The normal submission server (port 587).
  tls       implicit TLS from the first byte (port 465 style), AUTH required.
  plain     no TLS at all, AUTH accepted in the clear: a server a careful client must refuse.
            Any credential that arrives is recorded, so a test can prove none was sent.

Output folder:
  message-<n>.eml       each accepted message, exactly as received after the SMTP dot-unstuffing
  message-<n>.json      its envelope: mail_from, rcpt_tos, mail_options
  auth.log              one line per AUTH attempt: "<mechanism> <login> ok|failed"
  transcript.log        every command line the client sent (AUTH payloads masked by aiosmtpd)
"""

import argparse
import asyncio
import itertools
import json
import logging
import os
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def write_atomically(path, data):
    """Readers poll the folder: they must never see half a file."""
    temporary = path + ".part"
    with open(temporary, "wb") as handle:
        handle.write(data)
    os.replace(temporary, path)


class Mailbox:
    """The DATA handler: keeps each message as a file."""

    def __init__(self, folder):
        self.folder = folder
        self.numbers = itertools.count(1)

    async def handle_DATA(self, server, session, envelope):
        number = next(self.numbers)
        base = os.path.join(self.folder, f"message-{number}")
        write_atomically(base + ".json", json.dumps({
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "mail_options": envelope.mail_options,
            "tls": session.ssl is not None,
        }).encode())
        write_atomically(base + ".eml", envelope.content)
        return "250 2.0.0 Message accepted for delivery"


class Authenticator:
    """Accepts exactly one user name and password; records every attempt."""

    def __init__(self, folder, user, password):
        self.log_path = os.path.join(folder, "auth.log")
        self.user = user.encode()
        self.password = password.encode()

    def __call__(self, server, session, envelope, mechanism, auth_data):
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        success = auth_data.login == self.user and auth_data.password == self.password
        with open(self.log_path, "a", encoding="utf-8") as log:
            login = auth_data.login.decode(errors="replace")
            log.write(f"{mechanism} {login} {'ok' if success else 'failed'}\n")
        # handled=False: aiosmtpd then answers a failure with "535 5.7.8 ..." itself.
        return AuthResult(success=success, handled=False)


def record_transcript(folder):
    """aiosmtpd logs each client line as "<peer> >> <line>" on "mail.log" at INFO level."""
    handler = logging.FileHandler(os.path.join(folder, "transcript.log"), encoding="utf-8")
    handler.addFilter(lambda record: " >> " in record.getMessage())
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger("mail.log")
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)


def tls_context(cert, key):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mode", choices=["starttls", "tls", "plain"], default="starttls")
    parser.add_argument("--cert", help="server certificate (PEM); needed unless --mode plain")
    parser.add_argument("--key", help="server private key (PEM)")
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--folder", required=True, help="where messages and logs go")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--exclude-auth", action="append", default=[], metavar="MECHANISM",
                        help="do not offer this AUTH mechanism (PLAIN, LOGIN); may repeat")
    args = parser.parse_args()

    os.makedirs(args.folder, exist_ok=True)
    record_transcript(args.folder)
    context = None if args.mode == "plain" else tls_context(args.cert, args.key)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    mailbox = Mailbox(args.folder)
    authenticator = Authenticator(args.folder, args.user, args.password)

    def protocol():
        return SMTP(
            mailbox,
            hostname="smtp-peer.test",
            tls_context=context if args.mode == "starttls" else None,
            require_starttls=args.mode == "starttls",
            auth_required=True,
            # Implicit TLS is encrypted from the start although aiosmtpd does not know it, and the
            # plain mode must accept clear-text AUTH to catch a client that would send it.
            auth_require_tls=args.mode == "starttls",
            authenticator=authenticator,
            auth_exclude_mechanism=args.exclude_auth,
            loop=loop,
        )

    server = loop.run_until_complete(loop.create_server(
        protocol, host="127.0.0.1", port=args.port, ssl=context if args.mode == "tls" else None))
    print(f"PORT {server.sockets[0].getsockname()[1]}", flush=True)
    try:
        loop.run_forever()
    finally:
        server.close()


if __name__ == "__main__":
    sys.exit(main())
