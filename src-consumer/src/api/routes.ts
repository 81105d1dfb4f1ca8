import type { EndpointName } from '../../../src-shared/sync/endpoints';

/** The endpoints the phone may call: the `consumers.*` entries of the shared table. */
export type ConsumerEndpointName = Extract<EndpointName, `consumers.${string}`>;

/**
 * Method and path of a consumer endpoint, copied from `cloudEndpoints` at build time so the
 * browser bundle carries the paths without zod and the schemas.
 */
export const routeOf = (name: ConsumerEndpointName): { method: 'GET' | 'POST'; path: string } => {
  const route = __CONSUMER_ROUTES__[name];
  if (!route) throw new Error(`no route for ${name}`);
  return route;
};

/** `/v1/consumers/:merchantCode/…` with each `:name` replaced by its (encoded) value. */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}
