import { useSyncExternalStore } from 'react';

// The app's few pages, read from location.pathname (the cloud answers index.html for any path
// under /c/<merchantCode>/). A router library would be more bytes than these lines.

export type Route =
  | { page: 'wallet'; merchantCode: string }
  | { page: 'issuance'; merchantCode: string; issuanceId: string }
  | { page: 'store'; merchantCode: string; storeId: string }
  | { page: 'coupon'; merchantCode: string; code: string }
  | { page: 'share'; merchantCode: string; token: string }
  | { page: 'member'; merchantCode: string }
  | { page: 'notFound' };

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] !== 'c' || !parts[1]) return { page: 'notFound' };
  // Codes are case-insensitive; the cloud's session cookie is scoped to the upper-case one.
  const merchantCode = parts[1].toUpperCase();
  const [kind, id, extra] = parts.slice(2);
  if (extra !== undefined) return { page: 'notFound' };
  if (kind === undefined) return { page: 'wallet', merchantCode };
  if (kind === 'member' && id === undefined) return { page: 'member', merchantCode };
  if (id === undefined) return { page: 'notFound' };
  if (kind === 'i') return { page: 'issuance', merchantCode, issuanceId: id };
  if (kind === 's') return { page: 'store', merchantCode, storeId: id };
  if (kind === 'coupon') return { page: 'coupon', merchantCode, code: id };
  if (kind === 'share') return { page: 'share', merchantCode, token: id };
  return { page: 'notFound' };
}

export const pathOf = {
  wallet: (merchantCode: string) => `/c/${encodeURIComponent(merchantCode)}/`,
  member: (merchantCode: string) => `/c/${encodeURIComponent(merchantCode)}/member`,
  coupon: (merchantCode: string, code: string) =>
    `/c/${encodeURIComponent(merchantCode)}/coupon/${encodeURIComponent(code)}`,
};

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

/** Goes to another page of the app without reloading it. */
export function navigate(path: string) {
  history.pushState(null, '', path);
  window.scrollTo(0, 0);
  notify();
}

export function useRoute(): Route {
  const pathname = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      // The back button: the browser changed the path.
      window.addEventListener('popstate', listener);
      return () => {
        listeners.delete(listener);
        window.removeEventListener('popstate', listener);
      };
    },
    () => location.pathname,
  );
  return parseRoute(pathname);
}
