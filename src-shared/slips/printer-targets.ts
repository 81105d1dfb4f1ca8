/**
 * Where a printer may be. A manager types a printer's address or device path; without these
 * rules that field would let the app (which may run as root or as the shop's admin) append bytes
 * to any file, or connect to any host and port on the internet. Pure: the contract checks what is
 * typed, and the device layer checks again what a host name resolves to before connecting.
 */

/** Linux printer devices, and Windows serial / parallel ports and `\\.\` device names. */
const PRINTER_DEVICE_PATHS = [
  /^\/dev\/usb\/lp\d{1,3}$/,
  /^\/dev\/lp\d{1,3}$/,
  /^(COM|LPT)\d{1,3}:?$/i,
  /^\\\\\.\\[A-Za-z0-9 _.-]{1,64}$/,
];

export const isPrinterDevicePath = (path: string): boolean =>
  PRINTER_DEVICE_PATHS.some((pattern) => pattern.test(path));

function ipv4Parts(host: string): number[] | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!match) return null;
  const parts = match.slice(1).map(Number);
  return parts.every((n) => n <= 255) ? parts : null;
}

function privateIpv4([a, b]: number[]): boolean {
  return (
    a === 10 ||
    a === 127 || // loopback: the capture printer of the tests, a print server on this PC
    (a === 172 && b! >= 16 && b! <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254) // link-local: a printer with no DHCP server
  );
}

/** An IPv6 literal's first 16 bits, or the IPv4 of a mapped address; null when not IPv6. */
function ipv6Kind(host: string): { mappedV4: number[] | null; head: number } | null {
  const bare = host.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!bare.includes(':') || !/^[0-9a-f:.]+$/i.test(bare)) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return { mappedV4: ipv4Parts(mapped[1]!), head: 0 };
  if (bare === '::1') return { mappedV4: null, head: -1 };
  const first = bare.startsWith('::') ? '0' : bare.split(':')[0]!;
  return { mappedV4: null, head: parseInt(first, 16) };
}

/** True when `host` is an IP literal (v4 or v6). */
export const isIpLiteral = (host: string): boolean =>
  ipv4Parts(host) !== null || ipv6Kind(host) !== null;

/**
 * Whether a network printer may be reached at this IP: private (10/8, 172.16/12, 192.168/16,
 * fc00::/7), link-local (169.254/16, fe80::/10) or loopback. False for any other IP.
 */
export function isPrinterIp(host: string): boolean {
  const v4 = ipv4Parts(host);
  if (v4) return privateIpv4(v4);
  const v6 = ipv6Kind(host);
  if (!v6) return false;
  if (v6.mappedV4) return privateIpv4(v6.mappedV4);
  if (v6.head === -1) return true; // ::1
  return (v6.head & 0xfe00) === 0xfc00 || (v6.head & 0xffc0) === 0xfe80;
}

/**
 * What a manager may type as a network printer's host: a private, link-local or loopback IP, or
 * a host name (a name's addresses are checked when connecting, see the device layer).
 */
export function isPrinterHost(host: string): boolean {
  if (isIpLiteral(host)) return isPrinterIp(host);
  if (host.toLowerCase() === 'localhost') return true;
  // A name that looks like a number (`1.2.3`, `0x7f.1`) is an IP to some resolvers: refuse it.
  if (/^[\d.]+$/.test(host) || /^0x/i.test(host)) return false;
  return /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?)*$/i.test(
    host,
  );
}
