"""Which addresses the fetcher may connect to.

A link submitted by a user must never make the server talk to itself, to the
newsroom's private network or to a cloud provider's metadata service. Every
host is resolved here and each of its addresses checked; the fetcher then
connects to a checked address, so a second DNS answer (rebinding) cannot
send it elsewhere.
"""

import ipaddress
import socket
from dataclasses import dataclass

import certifi
import urllib3
from django.conf import settings
from django.utils.translation import gettext as _

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Metadata services that sit outside the private and link-local ranges, or
# that deserve a name in the refusal message.
METADATA_ADDRESSES = {
    ipaddress.ip_address("169.254.169.254"),  # AWS, GCP, Azure, OpenStack, ...
    ipaddress.ip_address("169.254.170.2"),  # AWS ECS task metadata
    ipaddress.ip_address("100.100.100.200"),  # Alibaba Cloud
    ipaddress.ip_address("fd00:ec2::254"),  # AWS over IPv6
}
METADATA_HOSTNAMES = {"metadata", "metadata.google.internal", "metadata.goog"}


class AddressRefused(Exception):
    """The host resolves to an address the fetcher must not reach."""

    def __init__(self, message: str, *, address: str = ""):
        super().__init__(message)
        self.message = message
        self.address = address


@dataclass(frozen=True)
class ResolvedHost:
    host: str
    port: int
    addresses: tuple[str, ...]


def loopback_allowed() -> bool:
    return bool(getattr(settings, "FACTCHECK_FETCH_ALLOW_LOOPBACK", False))


def address_refusal(address: IPAddress) -> str | None:
    """Why this address is refused, or None when it is a public one."""
    if isinstance(address, ipaddress.IPv6Address):
        # ::ffff:10.0.0.1 and friends reach the IPv4 address inside.
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is not None:
            return address_refusal(embedded)
    if address in METADATA_ADDRESSES:
        return _("a cloud metadata address")
    if address.is_loopback:
        return None if loopback_allowed() else _("a loopback address")
    if address.is_link_local:
        return _("a link-local address")
    if address.is_multicast:
        return _("a multicast address")
    if address.is_private:
        return _("a private address")
    if address.is_unspecified or address.is_reserved or not address.is_global:
        return _("a reserved address")
    return None


def check_address(address: str) -> None:
    try:
        parsed = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        raise AddressRefused(_("“%(addr)s” is not an IP address.") % {"addr": address}) from None
    reason = address_refusal(parsed)
    if reason:
        raise AddressRefused(
            _("Refused address: %(host)s is %(reason)s.") % {"host": address, "reason": reason},
            address=address,
        )


def check_literal_host(host: str) -> None:
    """Refuse an IP-literal or metadata host name without a DNS lookup (for early feedback)."""
    host = host.strip("[]").lower().rstrip(".")
    if host in METADATA_HOSTNAMES:
        raise AddressRefused(
            _("Refused address: %(host)s is a cloud metadata service.") % {"host": host}
        )
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return
    check_address(host)


def resolve(host: str, port: int) -> ResolvedHost:
    """Every address of host, each checked; AddressRefused if any is refused.

    One refused address refuses the host: a name that also points inside the
    network is not a news site.
    """
    check_literal_host(host)
    bare = host.strip("[]")
    try:
        infos = socket.getaddrinfo(bare, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise LookupError(
            _("The host name %(host)s could not be resolved (%(err)s).")
            % {"host": host, "err": exc}
        ) from None
    addresses: list[str] = []
    for _family, _type, _proto, _canon, sockaddr in infos:
        address = sockaddr[0]
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise LookupError(_("The host name %(host)s has no address.") % {"host": host})
    for address in addresses:
        try:
            check_address(address)
        except AddressRefused as exc:
            raise AddressRefused(
                _("Refused address: %(host)s resolves to %(addr)s, %(reason)s.")
                % {
                    "host": host,
                    "addr": address,
                    "reason": address_refusal(ipaddress.ip_address(address.split("%", 1)[0])),
                },
                address=address,
            ) from exc
    return ResolvedHost(host=host, port=port, addresses=tuple(addresses))


def pinned_pool(scheme: str, address: str, port: int, host: str, timeout: urllib3.Timeout):
    """A one-connection pool to a checked `address` that still proves it is `host`.

    The connection goes to the address resolved and checked here, never to a
    second DNS answer; over HTTPS the certificate and SNI are checked against
    the host name, so pinning the address weakens nothing. No retries and no
    redirects: the caller decides what to do with each answer.
    """
    if scheme == "https":
        return urllib3.HTTPSConnectionPool(
            address,
            port,
            timeout=timeout,
            retries=False,
            maxsize=1,
            cert_reqs="CERT_REQUIRED",
            ca_certs=certifi.where(),
            server_hostname=host,
            assert_hostname=host,
        )
    return urllib3.HTTPConnectionPool(address, port, timeout=timeout, retries=False, maxsize=1)
